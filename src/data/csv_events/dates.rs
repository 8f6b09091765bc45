//! Dates and times of day, in the forms each layout accepts.
//!
//! - Both layouts: `2022-01-05`, `2022/01/05`, `5 January 2022`, `05 Jan 2022` (English
//!   month names, full or three letters, any case).
//! - Plain only: datetimes `2022-01-05T14:30`, `2022-01-05 14:30:15`; their time is kept.
//! - ACLED only: day first, `05-01-2022` and `05/01/2022`, as ACLED writes them. ACLED
//!   records days, so a time an ACLED date might carry is dropped, never kept.
//!
//! `05/01/2022` is ambiguous (5 January or 1 May), so a plain file must use one of the
//! unambiguous forms. A time zone offset is refused: times are read on the dataset's clock.

use chrono::{NaiveDate, NaiveTime};

use super::Layout;
use super::cells::quote;

/// The forms a plain file may use, for messages.
const PLAIN_FORMS: &str = "2022-01-05, 2022/01/05, 5 January 2022, 5 Jan 2022, \
                           2022-01-05T14:30[:00], 2022-01-05 14:30[:00]";

/// The forms an ACLED export may use, for messages.
const ACLED_FORMS: &str = "2022-01-05, 2022/01/05, 05 January 2022, 05 Jan 2022, \
                           05-01-2022, 05/01/2022 (day first)";

/// English month names; three-letter abbreviations are their first three letters.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads a date cell: the day, and the time of day when a plain file gives one.
pub(super) fn parse_when(
    cell: &str,
    layout: Layout,
) -> Result<(NaiveDate, Option<NaiveTime>), String> {
    let s = cell.trim();
    if let Some(date) = date_only(s, layout) {
        return Ok((date, None));
    }
    if let Some((date, time)) = date_time(s) {
        let time = (layout == Layout::Plain).then_some(time);
        return Ok((date, time));
    }
    let forms = match layout {
        Layout::Plain => PLAIN_FORMS,
        Layout::Acled => ACLED_FORMS,
    };
    let zone_hint = if has_zone(s) {
        " (without a time zone: times are read on the dataset's clock)"
    } else {
        ""
    };
    Err(format!(
        "{} is not a date; accepted forms: {forms}{zone_hint}",
        quote(s)
    ))
}

/// Reads a time-of-day cell: `14:30` or `14:30:15`.
pub(super) fn parse_time(cell: &str) -> Result<NaiveTime, String> {
    time_of_day(cell.trim()).ok_or_else(|| {
        format!(
            "{} is not a time of day; accepted forms: 14:30, 14:30:15",
            quote(cell)
        )
    })
}

/// A date with no time, in a form the layout accepts.
fn date_only(s: &str, layout: Layout) -> Option<NaiveDate> {
    let common = year_first(s, '-')
        .or_else(|| year_first(s, '/'))
        .or_else(|| with_month_name(s));
    match layout {
        Layout::Plain => common,
        Layout::Acled => common
            .or_else(|| day_first(s, '-'))
            .or_else(|| day_first(s, '/')),
    }
}

/// `2022-01-05T14:30[:SS]` or `2022-01-05 14:30[:SS]` (also with `/` in the date).
fn date_time(s: &str) -> Option<(NaiveDate, NaiveTime)> {
    let (date, time) = s.split_once(['T', ' '])?;
    let date = year_first(date, '-').or_else(|| year_first(date, '/'))?;
    Some((date, time_of_day(time.trim())?))
}

/// `HH:MM` or `HH:MM:SS`, hours of one or two digits.
fn time_of_day(s: &str) -> Option<NaiveTime> {
    let parts: Vec<&str> = s.split(':').collect();
    let (h, m, sec) = match parts.as_slice() {
        [h, m] => (*h, *m, "00"),
        [h, m, sec] => (*h, *m, *sec),
        _ => return None,
    };
    NaiveTime::from_hms_opt(number(h, 1, 2)?, number(m, 2, 2)?, number(sec, 2, 2)?)
}

/// `YYYY<sep>MM<sep>DD`, month and day of one or two digits.
fn year_first(s: &str, sep: char) -> Option<NaiveDate> {
    let [y, m, d] = three_parts(s, sep)?;
    calendar_day(y, m, d)
}

/// `DD<sep>MM<sep>YYYY`, day and month of one or two digits.
fn day_first(s: &str, sep: char) -> Option<NaiveDate> {
    let [d, m, y] = three_parts(s, sep)?;
    calendar_day(y, m, d)
}

/// `5 January 2022`, `05 Jan 2022`.
fn with_month_name(s: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [d, month, y] = parts.as_slice() else {
        return None;
    };
    let year = i32::try_from(number(y, 4, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, month_number(month)?, number(d, 1, 2)?)
}

/// A day of the calendar from its digits, or `None` (`2022-02-30` is none).
fn calendar_day(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    let year = i32::try_from(number(y, 4, 4)?).ok()?;
    NaiveDate::from_ymd_opt(year, number(m, 1, 2)?, number(d, 1, 2)?)
}

/// Exactly three parts separated by `sep`.
fn three_parts(s: &str, sep: char) -> Option<[&str; 3]> {
    let mut parts = s.split(sep);
    let found = [parts.next()?, parts.next()?, parts.next()?];
    parts.next().is_none().then_some(found)
}

/// A number of `min..=max` ASCII digits.
fn number(s: &str, min: usize, max: usize) -> Option<u32> {
    let digits_only = s.bytes().all(|b| b.is_ascii_digit());
    if !digits_only || s.len() < min || s.len() > max {
        return None;
    }
    s.parse().ok()
}

/// 1 to 12 from an English month name, full or of three letters (`Sept` too), any case.
fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    let name = if name == "sept" { "sep" } else { name.as_str() };
    let index = MONTHS
        .iter()
        .position(|full| *full == name || (name.len() == 3 && full.starts_with(name)))?;
    u32::try_from(index + 1).ok()
}

/// Whether a datetime seems to carry a zone: `…Z`, `…+05:00`, `… -0300`.
fn has_zone(s: &str) -> bool {
    let Some((_, time)) = s.split_once(['T', ' ']) else {
        return false;
    };
    time.contains(':') && (time.ends_with(['Z', 'z']) || time.contains(['+', '-']))
}
