//! Plain-language descriptions of data (an event's time, a period's dates, figures and
//! precision flags), shared by the CLI, the window and the exports so that all of them say the
//! same thing the same way.

use crate::clock::Clock;
use crate::data::{Dataset, Event, FigureValue, Period, Qualifier, TimeOfDay};
use crate::i18n::{Lang, Msg, tr};
use chrono::NaiveDate;

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
    if event.start.time_known {
        let hhmm = clock.hhmm(event.start.instant);
        if event.precision.time_approximate {
            format!("{} {hhmm}", tr(lang, Msg::About))
        } else {
            hhmm
        }
    } else if let Some(minute) = event.assumed_minute {
        format!(
            "{} ({} {:02}:{:02})",
            tr(lang, Msg::TimeUnknown),
            tr(lang, Msg::ShownFrom),
            minute / 60,
            minute % 60
        )
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
    if event.start.time_known {
        let hhmm = clock.hhmm(event.start.instant);
        if event.precision.time_approximate {
            format!("~{hhmm}")
        } else {
            hhmm
        }
    } else if let Some(minute) = event.assumed_minute {
        format!("~{:02}:{:02}?", minute / 60, minute % 60)
    } else {
        event.time_of_day.map_or_else(
            || tr(lang, Msg::TimeUnknown).to_owned(),
            |t| time_of_day(lang, t).to_owned(),
        )
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
    ]
    .into_iter()
    .filter(|(raised, _)| *raised)
    .map(|(_, msg)| tr(lang, msg))
    .collect()
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

/// When a period began: "01:30, 5 January" or "late on 5 January (hour unknown)".
pub fn period_declared(data: &Dataset, lang: Lang, period: &Period) -> String {
    let clock = data.meta.clock;
    let day = clock.short_date_text(lang, clock.day(period.declared));
    match (&period.declared_label, period.declared_time_known) {
        (_, true) => format!("{}, {day}", clock.hhmm(period.declared)),
        (Some(label), false) => format!("{label} ({})", tr(lang, Msg::HourUnknown)),
        (None, false) => format!("{day} ({})", tr(lang, Msg::HourUnknown)),
    }
}

/// When a period ended: "07:00, 13 January (early)" or "not lifted".
pub fn period_lifted(data: &Dataset, lang: Lang, period: &Period) -> String {
    let clock = data.meta.clock;
    match period.lifted {
        Some(l) => {
            let text = format!(
                "{}, {}",
                clock.hhmm(l),
                clock.short_date_text(lang, clock.day(l))
            );
            if period.lifted_early {
                format!("{text} ({})", tr(lang, Msg::LiftedEarly))
            } else {
                text
            }
        }
        None => tr(lang, Msg::NotLifted).to_owned(),
    }
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
