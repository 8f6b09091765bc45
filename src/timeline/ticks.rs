//! Where the timeline's date labels go: every day when there is room, else Mondays, else the
//! first of each month, else each year, else each decade, so that labels never overlap in
//! any window Qantar shows (at most a century).

use chrono::{Datelike, NaiveDate, Weekday};

/// How often the timeline labels a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TickStep {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl TickStep {
    /// Days between two labels, at most (a month is 31 days, a year 366).
    fn max_days(self) -> f32 {
        match self {
            TickStep::Day => 1.0,
            TickStep::Week => 7.0,
            TickStep::Month => 31.0,
            TickStep::Year => 366.0,
            TickStep::Decade => 3653.0,
        }
    }

    /// True when `day` gets a label at this step.
    pub fn labels(self, day: NaiveDate) -> bool {
        match self {
            TickStep::Day => true,
            TickStep::Week => day.weekday() == Weekday::Mon,
            TickStep::Month => day.day() == 1,
            TickStep::Year => day.ordinal() == 1,
            TickStep::Decade => day.ordinal() == 1 && day.year().rem_euclid(10) == 0,
        }
    }
}

/// The finest step whose labels, `label_px` wide, fit at `px_per_day`.
pub fn tick_step(px_per_day: f32, label_px: f32) -> TickStep {
    [
        TickStep::Day,
        TickStep::Week,
        TickStep::Month,
        TickStep::Year,
    ]
    .into_iter()
    .find(|s| {
        // A year's label ("1925") is narrower than a date's: it fits in 0.7 of the room.
        let room = match s {
            TickStep::Day => 1.0,
            TickStep::Year => 0.7,
            _ => 1.1,
        };
        s.max_days() * px_per_day >= label_px * room
    })
    .unwrap_or(TickStep::Decade)
}

/// The labelled days from `first` to `last` at `step`; the first day is labelled too when the
/// window starts between two labels and the next is far enough.
pub fn ticks(first: NaiveDate, last: NaiveDate, step: TickStep) -> Vec<NaiveDate> {
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .filter(|d| step.labels(*d))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
    }

    #[test]
    fn a_month_on_a_wide_track_labels_every_day() {
        // January 2022 on 1200 px: 38 px a day, labels of 20 px.
        assert_eq!(tick_step(1200.0 / 31.0, 20.0), TickStep::Day);
        assert_eq!(
            ticks(day(2022, 1, 1), day(2022, 1, 31), TickStep::Day).len(),
            31
        );
    }

    #[test]
    fn a_year_labels_months_and_never_overlaps() {
        let px_per_day = 1200.0 / 365.0;
        let label_px = 48.0;
        let step = tick_step(px_per_day, label_px);
        assert_eq!(step, TickStep::Month);
        let t = ticks(day(2022, 1, 1), day(2022, 12, 31), step);
        assert_eq!(t.len(), 12);
        for pair in t.windows(2) {
            let gap = (pair[1] - pair[0]).num_days() as f32 * px_per_day;
            assert!(gap >= label_px, "{pair:?} are {gap} px apart");
        }
    }

    #[test]
    fn a_quarter_labels_mondays() {
        let step = tick_step(1200.0 / 90.0, 48.0);
        assert_eq!(step, TickStep::Week);
        let t = ticks(day(2022, 1, 1), day(2022, 3, 31), step);
        assert!(t.iter().all(|d| d.weekday() == Weekday::Mon));
        assert_eq!(t.first(), Some(&day(2022, 1, 3)));
    }

    #[test]
    fn a_century_labels_decades_and_never_overlaps() {
        // 100 years on a 1280-point track, year labels of 32 points.
        let px_per_day = 1280.0 / 36525.0;
        let step = tick_step(px_per_day, 52.0);
        assert_eq!(step, TickStep::Decade);
        let t = ticks(day(1925, 1, 1), day(2024, 12, 31), step);
        assert_eq!(t.first(), Some(&day(1930, 1, 1)));
        assert_eq!(t.len(), 10);
        for pair in t.windows(2) {
            assert!((pair[1] - pair[0]).num_days() as f32 * px_per_day >= 52.0 * 0.7);
        }
    }

    #[test]
    fn decades_label_years() {
        let step = tick_step(1200.0 / 3650.0, 48.0);
        assert_eq!(step, TickStep::Year);
        assert_eq!(ticks(day(2010, 6, 1), day(2020, 6, 1), step).len(), 10);
    }
}
