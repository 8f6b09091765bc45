//! The clock: instants, minute by minute, and the dataset's wall clock. PURE: no I/O, no egui,
//! and no words (dates in words are written by `i18n`). The lowest layer: it imports nothing of
//! the crate.
//!
//! An [`Instant`] is one minute, counted in UTC. A dataset has one wall [`Clock`], a fixed UTC
//! offset (Nur-Sultan time, UTC+6, for the default dataset) or an IANA time zone with its
//! daylight-saving rules (`Europe/Kyiv`), in which every instant is read and written;
//! [`Clock::parse_when`] reads the WHEN a user types.

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
    #[error("\"{0}\" is not an IANA time zone: use a name such as Asia/Almaty or Europe/Kyiv")]
    BadZone(String),
}

/// A wall clock: a fixed offset from UTC, or a time zone whose offset changes with daylight
/// saving. The dataset's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    /// The fixed offset; for a zone, its standard offset at the Unix epoch (unused).
    offset_minutes: i32,
    zone: Option<chrono_tz::Tz>,
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
        Clock {
            offset_minutes,
            zone: None,
        }
    }

    /// The clock of an IANA time zone (`Asia/Almaty`, `Europe/Kyiv`).
    pub fn zone(name: &str) -> Result<Clock, TimeError> {
        let zone: chrono_tz::Tz = name
            .trim()
            .parse()
            .map_err(|_| TimeError::BadZone(name.to_owned()))?;
        Ok(Clock {
            offset_minutes: 0,
            zone: Some(zone),
        })
    }

    /// The zone's IANA name, when the clock is a zone.
    pub fn zone_name(self) -> Option<&'static str> {
        self.zone.map(|z| z.name())
    }

    /// Minutes ahead of UTC at `t` (always the same for a fixed offset).
    pub fn offset_at(self, t: Instant) -> i32 {
        use chrono::{Offset, TimeZone};
        match self.zone {
            None => self.offset_minutes,
            Some(zone) => {
                let utc = epoch() + chrono::Duration::minutes(t.0);
                zone.offset_from_utc_datetime(&utc).fix().local_minus_utc() / 60
            }
        }
    }

    /// Minutes ahead of UTC when this clock reads `local` (the earlier reading when the
    /// clocks go back; the offset after the change when the clocks skip `local`).
    fn offset_for_local(self, local: NaiveDateTime) -> i32 {
        use chrono::{LocalResult, Offset, TimeZone};
        let Some(zone) = self.zone else {
            return self.offset_minutes;
        };
        let seconds = match zone.offset_from_local_datetime(&local) {
            LocalResult::Single(o) | LocalResult::Ambiguous(o, _) => o.fix().local_minus_utc(),
            LocalResult::None => {
                // In a gap: read it with the offset from before the change, which lands it as
                // far after the change as it is after the gap's start.
                let before = local - chrono::Duration::hours(3);
                zone.offset_from_local_datetime(&before)
                    .earliest()
                    .map_or(0, |o| o.fix().local_minus_utc())
            }
        };
        seconds / 60
    }

    /// Reads an offset such as `+06:00` or `-03:30`.
    pub fn parse_offset(text: &str) -> Result<Clock, TimeError> {
        parse_offset_minutes(text)
            .map(Clock::new)
            .ok_or_else(|| TimeError::BadOffset(text.to_owned()))
    }

    /// The offset as ISO 8601 writes it at `t`: `+06:00`.
    pub fn offset_iso(self, t: Instant) -> String {
        offset_iso(self.offset_at(t))
    }

    /// The clock as people name it: `UTC+6`, `UTC+5:30`, or the zone's name (`Europe/Kyiv`).
    pub fn offset_utc_label(self) -> String {
        match self.zone {
            Some(zone) => zone.name().to_owned(),
            None => utc_label(self.offset_minutes),
        }
    }

    /// The offset at `t` as people say it: `UTC+2`, `UTC+3` in summer in Kyiv.
    pub fn utc_label_at(self, t: Instant) -> String {
        utc_label(self.offset_at(t))
    }

    /// The wall-clock reading of `t`.
    pub fn local(self, t: Instant) -> NaiveDateTime {
        let local_minutes = t.0 + i64::from(self.offset_at(t));
        epoch() + chrono::Duration::minutes(local_minutes)
    }

    /// The instant at which this clock reads `local`, truncated to the minute.
    pub fn from_local(self, local: NaiveDateTime) -> Instant {
        let minutes = (local - epoch()).num_minutes();
        Instant(minutes - i64::from(self.offset_for_local(local)))
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
        match day.succ_opt() {
            Some(next) => self.day_start(next).plus_minutes(-1),
            None => self.day_start(day).plus_minutes(24 * 60 - 1),
        }
    }

    /// ISO 8601 with the offset: `2022-01-05T13:00:00+06:00`.
    pub fn iso(self, t: Instant) -> String {
        format!(
            "{}{}",
            self.local(t).format("%Y-%m-%dT%H:%M:%S"),
            self.offset_iso(t)
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
        let own = self.offset_for_local(local);
        let written = offset.unwrap_or(own);
        let instant = Clock::new(written).from_local(local);
        Ok(DataTime {
            instant,
            time_known: true,
            written_offset_minutes: (written != self.offset_at(instant)).then_some(written),
        })
    }

    /// "Nur-Sultan time, UTC+6": the dataset's name for its clock and the offset at `t`; the
    /// offset alone when the name says no more ("UTC+0").
    pub fn labelled(self, label: &str, t: Instant) -> String {
        let offset = self.utc_label_at(t);
        if label.is_empty() || label == offset {
            offset
        } else {
            format!("{label}, {offset}")
        }
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

fn utc_label(offset_minutes: i32) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let m = offset_minutes.unsigned_abs();
    if m.is_multiple_of(60) {
        format!("UTC{sign}{}", m / 60)
    } else {
        format!("UTC{sign}{}:{:02}", m / 60, m % 60)
    }
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

    #[test]
    fn a_zone_follows_daylight_saving() {
        let kyiv = Clock::zone("Europe/Kyiv").unwrap();
        // Clocks went forward at 03:00 local on 27 March 2022 (UTC+2 → UTC+3).
        let before = kyiv.parse_when("2022-03-27T02:30").unwrap();
        let after = kyiv.parse_when("2022-03-27T04:30").unwrap();
        assert_eq!(kyiv.iso(before), "2022-03-27T02:30:00+02:00");
        assert_eq!(kyiv.iso(after), "2022-03-27T04:30:00+03:00");
        assert_eq!(after.unix_minutes() - before.unix_minutes(), 60);
        // A day with the change is 23 hours long.
        let day = NaiveDate::from_ymd_opt(2022, 3, 27).unwrap();
        let next = kyiv.day_start(day.succ_opt().unwrap());
        assert_eq!(
            next.unix_minutes() - kyiv.day_start(day).unix_minutes(),
            23 * 60
        );
        assert_eq!(kyiv.offset_utc_label(), "Europe/Kyiv");
        assert_eq!(kyiv.utc_label_at(after), "UTC+3");
        // A minute the clocks skip is read as the same instant one hour on.
        let skipped = kyiv.parse_when("2022-03-27T03:30").unwrap();
        assert_eq!(kyiv.iso(skipped), "2022-03-27T04:30:00+03:00");
        assert!(Clock::zone("Mars/Olympus").is_err());
    }
}
