//! Messages with numbers and names in them, by each language's CLDR plural rules.

use super::Lang;
use super::messages::with_args;

/// "1 event", "5 events"; "5 событий"; "5 оқиға".
pub fn events_n(lang: Lang, count: usize) -> String {
    with_args(lang, "EventsN", &[("count", count.into())])
}

/// "State of emergency: 4 / 17 units".
pub fn units_of_total(lang: Lang, status: &str, count: usize, total: usize) -> String {
    with_args(
        lang,
        "UnitsOfTotal",
        &[
            ("status", status.to_owned().into()),
            ("count", count.into()),
            ("total", total.into()),
        ],
    )
}

/// "1 day every 10 seconds", "1 day every 0.5 seconds".
pub fn day_every(lang: Lang, seconds: f64) -> String {
    with_args(lang, "DayEveryN", &[("seconds", seconds.into())])
}

/// The button under the first cards of a busy day: "Show all 274 events of the day".
pub fn show_all_events_n(lang: Lang, count: usize) -> String {
    with_args(lang, "ShowAllEventsN", &[("count", count.into())])
}

/// "1 place", "5 places"; "5 мест"; "5 орын".
pub fn places_n(lang: Lang, count: usize) -> String {
    with_args(lang, "PlacesN", &[("count", count.into())])
}

/// "13 uncertain".
pub fn uncertain_n(lang: Lang, count: usize) -> String {
    with_args(lang, "UncertainN", &[("count", count.into())])
}

/// "6 hours per second", "1 hour per second".
pub fn hours_per_second(lang: Lang, hours: f64) -> String {
    with_args(lang, "HoursPerSecondN", &[("hours", hours.into())])
}
