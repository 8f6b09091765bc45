//! Plain-language descriptions of data (an event's time, a period's dates, figures and
//! precision flags), shared by the CLI, the window and the exports so that all of them say the
//! same thing the same way.

use crate::clock::Clock;
use crate::clock::Instant;
use crate::data::{Bound, Dataset, Event, FigureValue, Period, Qualifier, SourceKind, TimeOfDay};
use crate::i18n::{Lang, Msg, tr};
use chrono::{Datelike as _, NaiveDate};

/// The time of an event as shown in a list for `day`: "16:37", "about 20:30",
/// "evening (time unknown)", "time unknown", or "from 4 January" for an event that began earlier.
pub fn event_time(clock: Clock, lang: Lang, event: &Event, day: NaiveDate) -> String {
    let start_day = clock.day(event.start.instant);
    if start_day < day {
        return format!(
            "{} {}",
            tr(lang, Msg::From),
            clock.short_date_text(lang, start_day)
        );
    }
    if let Some(latest) = event.latest {
        between(clock, lang, event.earliest(), latest)
    } else if event.start.time_known {
        let hhmm = clock.hhmm(event.start.instant);
        if event.precision.time_approximate {
            format!("{} {hhmm}", tr(lang, Msg::About))
        } else {
            hhmm
        }
    } else {
        match event.time_of_day {
            Some(tod) => format!(
                "{} ({})",
                time_of_day(lang, tod),
                tr(lang, Msg::TimeUnknown)
            ),
            None => tr(lang, Msg::TimeUnknown).to_owned(),
        }
    }
}

/// A short form of [`event_time`] for columns: "16:37", "~20:30", "evening", "time unknown".
pub fn event_time_short(clock: Clock, lang: Lang, event: &Event, day: NaiveDate) -> String {
    let start_day = clock.day(event.start.instant);
    if start_day < day {
        return format!("{}…", clock.short_date_text(lang, start_day));
    }
    if event.latest.is_some() {
        format!("{}?", clock.hhmm(event.earliest()))
    } else if event.start.time_known {
        let hhmm = clock.hhmm(event.start.instant);
        if event.precision.time_approximate {
            format!("~{hhmm}")
        } else {
            hhmm
        }
    } else {
        event.time_of_day.map_or_else(
            || tr(lang, Msg::TimeUnknown).to_owned(),
            |t| time_of_day(lang, t).to_owned(),
        )
    }
}

/// When an event happened, in ISO 8601 without a minute the record does not have: an instant
/// ("2022-01-05T01:30+06:00"), an interval ("2022-01-05T16:00+06:00/2022-01-06T06:00+06:00"),
/// a date with its part of the day ("2022-01-03 evening") or a date ("2022-01-03").
pub fn event_when_iso(clock: Clock, event: &Event) -> String {
    let day = clock.day(event.start.instant);
    match (event.latest, event.start.time_known, event.time_of_day) {
        (Some(latest), _, _) => format!("{}/{}", clock.iso(event.earliest()), clock.iso(latest)),
        (None, true, _) => clock.iso(event.start.instant),
        (None, false, Some(part)) => format!("{day} {}", time_of_day(Lang::En, part)),
        (None, false, None) => day.to_string(),
    }
}

/// A declaration or a lifting in ISO 8601: the minute, or the interval "earliest/latest".
pub fn bound_iso(clock: Clock, bound: &Bound) -> String {
    if bound.is_exact() {
        clock.iso(bound.earliest)
    } else {
        format!("{}/{}", clock.iso(bound.earliest), clock.iso(bound.latest))
    }
}

/// The note on a converted time: "reported as 17:20 local time (UTC+5)".
pub fn conversion_note(clock: Clock, lang: Lang, event: &Event) -> Option<String> {
    let offset = event.start.written_offset_minutes?;
    let written = Clock::new(offset);
    Some(format!(
        "{} {} {} ({}); {} {} ({})",
        tr(lang, Msg::ReportedAs),
        written.hhmm(event.start.instant),
        tr(lang, Msg::LocalTime),
        written.offset_utc_label(),
        tr(lang, Msg::ShownAs),
        clock.hhmm(event.start.instant),
        clock.offset_utc_label(),
    ))
}

pub fn time_of_day(lang: Lang, tod: TimeOfDay) -> &'static str {
    tr(
        lang,
        match tod {
            TimeOfDay::Night => Msg::Night,
            TimeOfDay::Morning => Msg::Morning,
            TimeOfDay::Afternoon => Msg::Afternoon,
            TimeOfDay::Evening => Msg::Evening,
        },
    )
}

/// The precision flags that are raised, as words: ["single source", "unconfirmed"].
pub fn precision_flags(lang: Lang, event: &Event) -> Vec<&'static str> {
    let p = event.precision;
    [
        (p.time_approximate, Msg::FlagTimeApproximate),
        (p.date_inferred, Msg::FlagDateInferred),
        (p.single_source, Msg::FlagSingleSource),
        (p.unconfirmed, Msg::FlagUnconfirmed),
        (p.figures_disputed, Msg::FlagFiguresDisputed),
        (p.date_disputed, Msg::FlagDateDisputed),
    ]
    .into_iter()
    .filter(|(raised, _)| *raised)
    .map(|(_, msg)| tr(lang, msg))
    .collect()
}

/// A source's kind in words: "state media", "aggregator or mirror".
pub fn source_kind(lang: Lang, kind: SourceKind) -> &'static str {
    tr(
        lang,
        match kind {
            SourceKind::Official => Msg::SourceOfficial,
            SourceKind::StateMedia => Msg::SourceStateMedia,
            SourceKind::IndependentMedia => Msg::SourceIndependentMedia,
            SourceKind::InternationalMedia => Msg::SourceInternationalMedia,
            SourceKind::HumanRights => Msg::SourceHumanRights,
            SourceKind::Encyclopedia => Msg::SourceEncyclopedia,
            SourceKind::Analysis => Msg::SourceAnalysis,
            SourceKind::Aggregator => Msg::SourceAggregator,
            SourceKind::Unspecified => Msg::SourceUnspecified,
        },
    )
}

/// A figure's value in words: "317", "about 400", "at least 160", "more than 3,000".
pub fn figure_value(lang: Lang, v: &FigureValue) -> String {
    let n = thousands(v.value);
    match v.qualifier {
        Qualifier::Exact => n,
        Qualifier::About => format!("{} {n}", tr(lang, Msg::About)),
        Qualifier::Nearly => format!("{} {n}", tr(lang, Msg::Nearly)),
        Qualifier::AtLeast => format!("{} {n}", tr(lang, Msg::AtLeast)),
        Qualifier::MoreThan => format!("{} {n}", tr(lang, Msg::MoreThan)),
    }
}

/// The range of a figure's values: "317–400", or the single value.
pub fn figure_range(values: &[FigureValue]) -> String {
    let min = values.iter().map(|v| v.value).min().unwrap_or(0);
    let max = values.iter().map(|v| v.value).max().unwrap_or(0);
    if min == max {
        thousands(min)
    } else {
        format!("{}–{}", thousands(min), thousands(max))
    }
}

/// 3811 → "3,811".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "16:00, 5 January".
fn minute_text(clock: Clock, lang: Lang, t: Instant) -> String {
    format!(
        "{}, {}",
        clock.hhmm(t),
        clock.short_date_text(lang, clock.day(t))
    )
}

/// "at an unknown hour between 16:00, 5 January and 06:00, 6 January".
pub fn between(clock: Clock, lang: Lang, earliest: Instant, latest: Instant) -> String {
    format!(
        "{} {} {} {}",
        tr(lang, Msg::UnknownHourBetween),
        minute_text(clock, lang, earliest),
        tr(lang, Msg::And),
        minute_text(clock, lang, latest)
    )
}

/// A declaration or a lifting: "12:30, 5 January", "01:30, 5 January (presumed Nur-Sultan
/// time: the record does not say whose clock)", or "at an unknown hour between … and …".
pub fn bound_text(data: &Dataset, lang: Lang, bound: &Bound) -> String {
    let clock = data.meta.clock;
    let (first, last) = data.meta.window;
    let years = first.year()..=last.year();
    let text = if [bound.earliest, bound.latest]
        .iter()
        .any(|&t| !years.contains(&clock.day(t).year()))
    {
        // Outside the window's years the day and month alone would mislead: the whole date.
        bound_iso(clock, bound)
    } else if bound.is_exact() {
        minute_text(clock, lang, bound.earliest)
    } else {
        between(clock, lang, bound.earliest, bound.latest)
    };
    if bound.presumed_clock {
        format!(
            "{text} ({} {}: {})",
            tr(lang, Msg::Presumed),
            data.meta.clock_label.get(lang),
            tr(lang, Msg::ClockNotStated)
        )
    } else {
        text
    }
}

/// The reasons for an interval's ends, with their sources' titles: "earliest: …; latest: …".
pub fn bound_reasons(data: &Dataset, lang: Lang, bound: &Bound) -> Option<String> {
    let reason = |msg, r: &Option<crate::data::Reason>| {
        r.as_ref().map(|r| {
            let source = r
                .source
                .map(|s| format!(" ({})", data.source(s).title))
                .unwrap_or_default();
            format!("{}: {}{source}", tr(lang, msg), r.text)
        })
    };
    let parts: Vec<String> = [
        reason(Msg::Earliest, &bound.earliest_reason),
        reason(Msg::Latest, &bound.latest_reason),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// When a period began.
pub fn period_declared(data: &Dataset, lang: Lang, period: &Period) -> String {
    bound_text(data, lang, &period.declared)
}

/// When a period ended: "07:00, 13 January (early)" or "not lifted".
pub fn period_lifted(data: &Dataset, lang: Lang, period: &Period) -> String {
    match &period.lifted {
        Some(l) => {
            let text = bound_text(data, lang, l);
            if period.lifted_early {
                format!("{text} ({})", tr(lang, Msg::LiftedEarly))
            } else {
                text
            }
        }
        None => tr(lang, Msg::NotLifted).to_owned(),
    }
}

/// What a unit under none of the dataset's statuses is: "No state of emergency" for a dataset
/// whose main status is a state of emergency, "No status in force" otherwise; `None` when the
/// dataset declares no status (there is nothing to say).
pub fn no_status(meta: &crate::data::Meta, lang: Lang) -> Option<&'static str> {
    let main = meta.statuses.first()?;
    Some(if main.key == "emergency" {
        tr(lang, Msg::NoEmergency)
    } else {
        tr(lang, Msg::NoStatus)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(3811), "3,811");
        assert_eq!(thousands(238), "238");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
