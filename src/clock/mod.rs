//! The clock: instants, minute by minute, and the dataset's wall clock. PURE: no I/O, no egui,
//! and no words (dates in words are written by `i18n`). The lowest layer: it imports nothing of
//! the crate.
//!
//! An [`Instant`] is one minute, counted in UTC. A dataset has one wall [`Clock`], a fixed UTC
//! offset (Nur-Sultan time, UTC+6, for the default dataset), in which every instant is read and
//! written; [`Clock::parse_when`] reads the WHEN a user types.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use std::fmt;

/// One minute on the timeline, counted in minutes since 1970-01-01 00:00 UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(i64);

impl Instant {
    /// The instant `minutes` after 1970-01-01 00:00 UTC.
    pub const fn from_unix_minutes(minutes: i64) -> Self {
        Instant(minutes)
    }

    /// Minutes since 1970-01-01 00:00 UTC.
    pub const fn unix_minutes(self) -> i64 {
        self.0
    }

    /// The instant `minutes` later (earlier when negative).
    pub const fn plus_minutes(self, minutes: i64) -> Self {
        Instant(self.0 + minutes)
    }
}

/// Why a date or time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    #[error("\"{0}\" is not a date or time: use 2022-01-05 or 2022-01-05T13:00")]
    Unparsable(String),
    #[error("\"{0}\" is not a UTC offset: use +06:00")]
    BadOffset(String),
}

/// A wall clock with a fixed offset from UTC: the dataset's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    offset_minutes: i32,
}

/// A time read from data: the instant, whether its time of day is known, and the UTC offset it
/// was written in when that differs from the dataset's clock (a western local time, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataTime {
    pub instant: Instant,
    pub time_known: bool,
    pub written_offset_minutes: Option<i32>,
}

impl Clock {
    /// A clock `offset_minutes` ahead of UTC.
    pub const fn new(offset_minutes: i32) -> Self {
        Clock { offset_minutes }
    }

    /// Minutes ahead of UTC.
    pub const fn offset_minutes(self) -> i32 {
        self.offset_minutes
    }

    /// Reads an offset such as `+06:00` or `-03:30`.
    pub fn parse_offset(text: &str) -> Result<Clock, TimeError> {
        parse_offset_minutes(text)
            .map(Clock::new)
            .ok_or_else(|| TimeError::BadOffset(text.to_owned()))
    }

    /// The offset as ISO 8601 writes it: `+06:00`.
    pub fn offset_iso(self) -> String {
        offset_iso(self.offset_minutes)
    }

    /// The offset as people say it: `UTC+6`, `UTC+5:30`.
    pub fn offset_utc_label(self) -> String {
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let m = self.offset_minutes.unsigned_abs();
        if m.is_multiple_of(60) {
            format!("UTC{sign}{}", m / 60)
        } else {
            format!("UTC{sign}{}:{:02}", m / 60, m % 60)
        }
    }

    /// The wall-clock reading of `t`.
    pub fn local(self, t: Instant) -> NaiveDateTime {
        let local_minutes = t.0 + i64::from(self.offset_minutes);
        epoch() + chrono::Duration::minutes(local_minutes)
    }

    /// The instant at which this clock reads `local`, truncated to the minute.
    pub fn from_local(self, local: NaiveDateTime) -> Instant {
        let minutes = (local - epoch()).num_minutes();
        Instant(minutes - i64::from(self.offset_minutes))
    }

    /// The calendar day of `t` on this clock.
    pub fn day(self, t: Instant) -> NaiveDate {
        self.local(t).date()
    }

    /// 00:00 on `day`.
    pub fn day_start(self, day: NaiveDate) -> Instant {
        self.from_local(day.and_time(NaiveTime::MIN))
    }

    /// 23:59 on `day`, the last minute of the day.
    pub fn day_end(self, day: NaiveDate) -> Instant {
        self.day_start(day).plus_minutes(24 * 60 - 1)
    }

    /// ISO 8601 with the offset: `2022-01-05T13:00:00+06:00`.
    pub fn iso(self, t: Instant) -> String {
        format!(
            "{}{}",
            self.local(t).format("%Y-%m-%dT%H:%M:%S"),
            self.offset_iso()
        )
    }

    /// Reads a WHEN given by a user: `2022-01-05T13:00` on this clock, or a bare date
    /// `2022-01-05`, which means the end of that day (23:59). An explicit offset is honoured.
    pub fn parse_when(self, text: &str) -> Result<Instant, TimeError> {
        let t = self.parse_data_time(text)?;
        if t.time_known {
            Ok(t.instant)
        } else {
            Ok(t.instant.plus_minutes(24 * 60 - 1))
        }
    }

    /// Reads a time from data: `2022-01-05` (time unknown: the instant is 00:00),
    /// `2022-01-05T13:00` (this clock) or `2022-01-05T17:20+05:00` (converted to this clock).
    pub fn parse_data_time(self, text: &str) -> Result<DataTime, TimeError> {
        let bad = || TimeError::Unparsable(text.to_owned());
        let trimmed = text.trim();
        if let Ok(day) = NaiveDate::parse_from_str(trimmed, "%Y-%m-%d") {
            return Ok(DataTime {
                instant: self.day_start(day),
                time_known: false,
                written_offset_minutes: None,
            });
        }
        let (local_text, offset) = split_offset(trimmed).ok_or_else(bad)?;
        let local = NaiveDateTime::parse_from_str(local_text, "%Y-%m-%dT%H:%M")
            .or_else(|_| NaiveDateTime::parse_from_str(local_text, "%Y-%m-%dT%H:%M:%S"))
            .or_else(|_| NaiveDateTime::parse_from_str(local_text, "%Y-%m-%d %H:%M"))
            .map_err(|_| bad())?;
        let written = offset.unwrap_or(self.offset_minutes);
        let instant = Clock::new(written).from_local(local);
        Ok(DataTime {
            instant,
            time_known: true,
            written_offset_minutes: (written != self.offset_minutes).then_some(written),
        })
    }

    /// "13:00".
    pub fn hhmm(self, t: Instant) -> String {
        let local = self.local(t);
        format!("{:02}:{:02}", local.hour(), local.minute())
    }
}

impl fmt::Display for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.offset_utc_label())
    }
}

/// 1970-01-01 00:00, the origin of [`Instant`].
fn epoch() -> NaiveDateTime {
    chrono::DateTime::UNIX_EPOCH.naive_utc()
}

fn offset_iso(offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let m = offset_minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

fn parse_offset_minutes(text: &str) -> Option<i32> {
    let text = text.trim();
    if text == "Z" {
        return Some(0);
    }
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let (h, m) = rest.split_once(':').unwrap_or((rest, "0"));
    let (h, m): (i32, i32) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=14).contains(&h) && (0..60).contains(&m)).then_some(sign * (h * 60 + m))
}

/// Splits `2022-01-01T17:20+05:00` into the local part and the offset in minutes, if any.
fn split_offset(text: &str) -> Option<(&str, Option<i32>)> {
    if let Some(local) = text.strip_suffix('Z') {
        return Some((local, Some(0)));
    }
    // The offset sign can only come after the 'T' (dates have '-' too).
    let t_pos = text.find('T').or_else(|| text.find(' '))?;
    match text[t_pos..].find(['+', '-']) {
        Some(rel) => {
            let at = t_pos + rel;
            Some((&text[..at], Some(parse_offset_minutes(&text[at..])?)))
        }
        None => Some((text, None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUR_SULTAN: Clock = Clock::new(6 * 60);

    #[test]
    fn a_bare_date_means_the_end_of_that_day() {
        let t = NUR_SULTAN.parse_when("2022-01-05").unwrap();
        assert_eq!(NUR_SULTAN.iso(t), "2022-01-05T23:59:00+06:00");
    }

    #[test]
    fn a_time_is_read_on_the_dataset_clock() {
        let t = NUR_SULTAN.parse_when("2022-01-05T13:00").unwrap();
        assert_eq!(NUR_SULTAN.iso(t), "2022-01-05T13:00:00+06:00");
    }

    #[test]
    fn a_western_local_time_is_converted_and_remembered() {
        let t = NUR_SULTAN
            .parse_data_time("2022-01-01T17:20+05:00")
            .unwrap();
        assert_eq!(NUR_SULTAN.hhmm(t.instant), "18:20");
        assert_eq!(t.written_offset_minutes, Some(300));
        assert!(t.time_known);
    }

    #[test]
    fn a_date_in_data_has_an_unknown_time_at_midnight() {
        let t = NUR_SULTAN.parse_data_time("2022-01-03").unwrap();
        assert!(!t.time_known);
        assert_eq!(NUR_SULTAN.hhmm(t.instant), "00:00");
    }

    #[test]
    fn nonsense_is_an_error_not_a_panic() {
        for bad in [
            "",
            "yesterday",
            "2022-13-01",
            "2022-01-05T25:00",
            "2022-01-05T13:00+99:00",
        ] {
            assert!(NUR_SULTAN.parse_when(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn offsets_read_and_write_both_ways() {
        assert_eq!(Clock::parse_offset("+06:00").unwrap(), NUR_SULTAN);
        assert_eq!(NUR_SULTAN.offset_utc_label(), "UTC+6");
        assert!(Clock::parse_offset("6").is_err());
    }
}
