//! The histogram under the timeline in bars a user can see: a day a bar while days are wide
//! enough, else several days merged into one bar (a week's, a month's, a year's worth in a long
//! window), so that a century draws a few hundred bars rather than 36,525 slivers.

use chrono::NaiveDate;

/// One bar: its days, the events that start in them, and the most units under each status on
/// any of its days (so that a status of one day in a merged bar still shows).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub events: usize,
    pub statuses: Vec<usize>,
}

/// How many days a bar takes so that it is at least `min_px` wide at `px_per_day`.
pub fn days_per_bar(px_per_day: f32, min_px: f32) -> usize {
    if px_per_day >= min_px {
        1
    } else if px_per_day > 0.0 {
        // Saturating: a track of no width still gives a number.
        ((min_px / px_per_day).ceil() as usize).max(1)
    } else {
        usize::MAX
    }
}

/// The bars of `per` days each (the last may have fewer), from the day counts and the
/// per-day status counts (as [`super::Timeline`] keeps them).
pub fn bars(counts: &[(NaiveDate, usize)], statuses: &[Vec<usize>], per: usize) -> Vec<Bar> {
    let per = per.max(1);
    counts
        .chunks(per)
        .enumerate()
        .filter_map(|(i, days)| {
            let (first, last) = (days.first()?.0, days.last()?.0);
            let under = statuses.get(i * per..(i * per + days.len()).min(statuses.len()));
            let mut most: Vec<usize> = Vec::new();
            for day in under.unwrap_or_default() {
                most.resize(most.len().max(day.len()), 0);
                for (m, &n) in most.iter_mut().zip(day) {
                    *m = (*m).max(n);
                }
            }
            Some(Bar {
                first,
                last,
                events: days.iter().map(|(_, n)| n).sum(),
                statuses: most,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(n: usize) -> Vec<(NaiveDate, usize)> {
        let start = NaiveDate::from_ymd_opt(1925, 1, 1).unwrap_or_default();
        start.iter_days().take(n).map(|d| (d, 1)).collect()
    }

    /// Rule: a day a bar while a day is wide enough; else as many days as make a bar wide
    /// enough; a century on 1280 points makes bars of 2 points, not 36,525 slivers.
    #[test]
    fn bars_are_wide_enough_to_see() {
        assert_eq!(days_per_bar(40.0, 2.0), 1);
        assert_eq!(days_per_bar(0.5, 2.0), 4);
        let per = days_per_bar(1280.0 / 36525.0, 2.0);
        assert_eq!(per, 58);
        let counts = days(36525);
        let bars = bars(&counts, &[], per);
        assert_eq!(bars.len(), 36525_usize.div_ceil(58));
        assert!(bars.len() <= 640);
        assert_eq!(days_per_bar(0.0, 2.0), usize::MAX);
    }

    /// Rule: a bar counts every event of its days and keeps each status's busiest day.
    #[test]
    fn a_bar_sums_events_and_keeps_the_most_under_each_status() {
        let mut counts = days(5);
        counts[3].1 = 7;
        let statuses = vec![vec![0, 1], vec![2, 0], vec![0, 0], vec![1, 5], vec![0, 0]];
        let bars = bars(&counts, &statuses, 2);
        assert_eq!(bars.len(), 3);
        assert_eq!((bars[0].events, bars[0].statuses.clone()), (2, vec![2, 1]));
        assert_eq!((bars[1].events, bars[1].statuses.clone()), (8, vec![1, 5]));
        // The last bar has the one day left.
        assert_eq!(bars[2].first, bars[2].last);
        assert_eq!(bars[2].events, 1);
    }

    #[test]
    fn a_day_a_bar_is_the_days_themselves() {
        let counts = days(3);
        let statuses = vec![vec![1], vec![0], vec![2]];
        let bars = bars(&counts, &statuses, 1);
        assert_eq!(bars.len(), 3);
        assert_eq!(bars[2].statuses, vec![2]);
        assert_eq!(bars[1].first, counts[1].0);
    }
}
