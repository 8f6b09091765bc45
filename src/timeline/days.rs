//! What the timeline strip shows of each day's statuses, counted once per dataset rather than
//! on every frame: with thousands of units and a year of days, counting them again each frame
//! took most of a frame.

use super::Timeline;
use crate::data::Dataset;

impl Timeline {
    /// For each day of the window (in the order of [`Timeline::day_counts`]), how many units
    /// are under each of the dataset's statuses at the end of the day (on the last day: at the
    /// window's last instant).
    pub fn day_status_counts(&self) -> &[Vec<usize>] {
        &self.day_statuses
    }

    pub(super) fn count_day_statuses(&self, data: &Dataset) -> Vec<Vec<usize>> {
        self.days()
            .map(|day| {
                let at = self.clock.day_end(day).min(self.last());
                let mut counts = vec![0; data.meta.statuses.len()];
                for (_, p) in self.units_under_status(data, at) {
                    if let Some(n) = counts.get_mut(data.period(p).status.index()) {
                        *n += 1;
                    }
                }
                counts
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::data::{Dataset, OpenSpec};
    use crate::timeline::Timeline;

    #[test]
    fn each_days_status_counts_are_those_at_its_end() {
        let data = Dataset::open(&OpenSpec::default()).expect("the embedded dataset");
        let tl = Timeline::new(&data);
        let clock = data.meta.clock;
        assert_eq!(tl.day_status_counts().len(), tl.day_counts().len());
        for (&(day, _), counts) in tl.day_counts().iter().zip(tl.day_status_counts()) {
            let at = clock.day_end(day).min(tl.last());
            let under = tl.units_under_status(&data, at);
            assert_eq!(counts.iter().sum::<usize>(), under.len(), "{day}");
        }
        // The record: no state of emergency on 1 January; the whole country under one on
        // some later day.
        assert_eq!(tl.day_status_counts()[0].iter().sum::<usize>(), 0);
        assert!(
            tl.day_status_counts()
                .iter()
                .any(|c| c[0] == data.units.len())
        );
    }
}
