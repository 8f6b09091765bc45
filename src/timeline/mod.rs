//! The questions the atlas asks of a dataset at an instant: who is under which status, what
//! happened today and so far, which cities have seen events, and where the next change is.
//!
//! Built once per dataset; every query is a binary search or a walk over one day's events, so
//! scrubbing stays instant with large datasets.

mod bins;
mod days;
mod marks;
mod ticks;
pub use bins::{Bar, bars, days_per_bar};
pub use marks::CityEvent;
pub use ticks::{TickStep, tick_step, ticks};

use crate::clock::{Clock, Instant};
use crate::data::{
    CityIdx, Dataset, Event, EventIdx, Happened, PeriodIdx, Place, Standing, UnitIdx,
};
use chrono::NaiveDate;

/// Precomputed indices over a dataset's events and periods.
#[derive(Debug, Clone)]
pub struct Timeline {
    clock: Clock,
    window: (NaiveDate, NaiveDate),
    /// Events sorted by the instant they count from, then by file order.
    order: Vec<EventIdx>,
    /// The instant each event in `order` counts from.
    starts: Vec<Instant>,
    /// Events that last beyond their start day.
    spanning: Vec<EventIdx>,
    periods_by_unit: Vec<Vec<PeriodIdx>>,
    /// Every instant at which something changes, sorted, without repeats.
    changes: Vec<Instant>,
    city_first: Vec<Option<Instant>>,
    events_by_city: Vec<Vec<EventIdx>>,
    events_by_unit: Vec<Vec<EventIdx>>,
    city_events: Vec<Vec<CityEvent>>,
    day_counts: Vec<(NaiveDate, usize)>,
    day_statuses: Vec<Vec<usize>>,
}

/// The instant an event counts from: the first it may have happened (its time if known; else
/// the first minute of its part of the day or of its day). See [`Event::happened_at`] for
/// whether it has certainly happened.
pub fn effective_start(event: &Event) -> Instant {
    event.earliest()
}

impl Timeline {
    pub fn new(data: &Dataset) -> Self {
        let clock = data.meta.clock;
        let mut order: Vec<EventIdx> = data.event_indices().collect();
        order.sort_by_key(|&e| (effective_start(data.event(e)), e));
        let starts = order
            .iter()
            .map(|&e| effective_start(data.event(e)))
            .collect();
        let spanning = order
            .iter()
            .copied()
            .filter(|&e| {
                let ev = data.event(e);
                clock.day(ev.end_instant()) > clock.day(ev.start.instant)
            })
            .collect();

        let mut periods_by_unit = vec![Vec::new(); data.units.len()];
        for (i, p) in data.periods.iter().enumerate() {
            periods_by_unit[p.unit.index()].push(PeriodIdx(i as u32));
        }
        for list in &mut periods_by_unit {
            list.sort_by_key(|&p| data.period(p).declared.earliest);
        }

        let mut city_first = vec![None; data.cities.len()];
        let mut events_by_city = vec![Vec::new(); data.cities.len()];
        let mut events_by_unit = vec![Vec::new(); data.units.len()];
        for &e in &order {
            let ev = data.event(e);
            match ev.place {
                Place::City(c) => {
                    let first = &mut city_first[c.index()];
                    *first = Some(
                        first.map_or(effective_start(ev), |f: Instant| f.min(effective_start(ev))),
                    );
                    events_by_city[c.index()].push(e);
                }
                Place::Unit(u) => events_by_unit[u.index()].push(e),
                Place::Country => {}
            }
            for u in &ev.units {
                if ev.place != Place::Unit(*u) {
                    events_by_unit[u.index()].push(e);
                }
            }
        }

        let first = clock.day_start(data.meta.window.0);
        let last = clock.day_end(data.meta.window.1);
        let mut changes: Vec<Instant> = order
            .iter()
            .flat_map(|&e| {
                let ev = data.event(e);
                [ev.earliest(), ev.certain_from()]
            })
            .chain(
                data.periods
                    .iter()
                    .flat_map(|p| p.bounds().flat_map(|b| [b.earliest, b.latest])),
            )
            .filter(|t| (first..=last).contains(t))
            .collect();
        changes.sort();
        changes.dedup();

        let mut timeline = Timeline {
            clock,
            window: data.meta.window,
            order,
            starts,
            spanning,
            periods_by_unit,
            changes,
            city_first,
            events_by_city,
            events_by_unit,
            city_events: Vec::new(),
            day_counts: Vec::new(),
            day_statuses: Vec::new(),
        };
        timeline.day_counts = timeline.day_counts_where(data, |_| true);
        timeline.day_statuses = timeline.count_day_statuses(data);
        timeline.city_events = timeline.make_city_events(data);
        timeline
    }

    /// For each day of the window, how many of its events `keep` keeps (the histogram under a
    /// filter).
    pub fn day_counts_where(
        &self,
        data: &Dataset,
        keep: impl Fn(EventIdx) -> bool,
    ) -> Vec<(NaiveDate, usize)> {
        self.days()
            .map(|d| {
                let n = self
                    .events_on_day(data, d)
                    .into_iter()
                    .filter(|&e| keep(e))
                    .count();
                (d, n)
            })
            .collect()
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// 00:00 on the window's first day.
    pub fn first(&self) -> Instant {
        self.clock.day_start(self.window.0)
    }

    /// 23:59 on the window's last day.
    pub fn last(&self) -> Instant {
        self.clock.day_end(self.window.1)
    }

    /// `t`, kept within the window.
    pub fn clamp(&self, t: Instant) -> Instant {
        t.clamp(self.first(), self.last())
    }

    /// The window's days, in order.
    pub fn days(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        let (first, last) = self.window;
        first.iter_days().take_while(move |d| *d <= last)
    }

    /// The period under which `unit` certainly is at `t`, if any.
    pub fn status_at(&self, data: &Dataset, unit: UnitIdx, t: Instant) -> Option<PeriodIdx> {
        self.standing_at(data, unit, t)
            .filter(|&(_, s)| s == Standing::In)
            .map(|(p, _)| p)
    }

    /// The period under which `unit` is or may be at `t`, and how certain that is: a period
    /// that certainly holds wins over one that may.
    pub fn standing_at(
        &self,
        data: &Dataset,
        unit: UnitIdx,
        t: Instant,
    ) -> Option<(PeriodIdx, Standing)> {
        self.periods_by_unit[unit.index()]
            .iter()
            .map(|&p| (p, data.period(p).standing_at(t)))
            .filter(|&(_, s)| s != Standing::Out)
            .max_by_key(|&(_, s)| s)
    }

    /// The units certainly under a status at `t`, in id order.
    pub fn units_under_status(&self, data: &Dataset, t: Instant) -> Vec<(UnitIdx, PeriodIdx)> {
        data.unit_indices()
            .filter_map(|u| self.status_at(data, u, t).map(|p| (u, p)))
            .collect()
    }

    /// The units whose status at `t` the record leaves open (declared or lifted at an unknown
    /// minute of an interval that `t` is in), in id order.
    pub fn units_uncertain(&self, data: &Dataset, t: Instant) -> Vec<(UnitIdx, PeriodIdx)> {
        data.unit_indices()
            .filter_map(|u| match self.standing_at(data, u, t) {
                Some((p, Standing::Uncertain)) => Some((u, p)),
                _ => None,
            })
            .collect()
    }

    /// True when a period of `unit` may have begun or ended between the start of `t`'s day and
    /// `t`: a decree is never announced before it could have happened.
    pub fn status_changed_by(&self, data: &Dataset, unit: UnitIdx, t: Instant) -> bool {
        let from = self.clock.day_start(self.clock.day(t));
        self.periods_by_unit[unit.index()].iter().any(|&p| {
            data.period(p)
                .bounds()
                // The change may fall in [earliest, latest): on this day when that meets
                // [from, t]; a minute known exactly is the interval [minute, minute].
                .any(|b| b.earliest <= t && (b.earliest >= from || b.latest > from))
        })
    }

    /// True when `city` has an event that has certainly happened by `t` (not only one that
    /// may have, sometime on its day).
    pub fn city_certain_by(&self, data: &Dataset, city: CityIdx, t: Instant) -> bool {
        self.events_by_city[city.index()]
            .iter()
            .any(|&e| data.event(e).happened_at(t) == Happened::Yes)
    }

    /// The events of `day`: first those still running from earlier days, then those that start
    /// on it, in the order they count from.
    pub fn events_on_day(&self, data: &Dataset, day: NaiveDate) -> Vec<EventIdx> {
        let from = self.clock.day_start(day);
        let to = self.clock.day_end(day);
        let lo = self.starts.partition_point(|&s| s < from);
        let hi = self.starts.partition_point(|&s| s <= to);
        self.spanning
            .iter()
            .copied()
            .filter(|&e| {
                let ev = data.event(e);
                self.clock.day(ev.start.instant) < day && ev.end_instant() >= from
            })
            .chain(self.order[lo..hi].iter().copied())
            .collect()
    }

    /// Every event that has begun by `t` (inclusive), in order.
    pub fn events_until(&self, t: Instant) -> &[EventIdx] {
        &self.order[..self.starts.partition_point(|&s| s <= t)]
    }

    /// The cities whose first event has happened by `t`, in the order they first appeared.
    pub fn cities_with_events_by(&self, t: Instant) -> Vec<CityIdx> {
        let mut cities: Vec<(Instant, CityIdx)> = self
            .city_first
            .iter()
            .enumerate()
            .filter_map(|(i, first)| first.filter(|&f| f <= t).map(|f| (f, CityIdx(i as u32))))
            .collect();
        cities.sort();
        cities.into_iter().map(|(_, c)| c).collect()
    }

    /// When the city's first event happened, if it has any.
    pub fn city_first_event(&self, city: CityIdx) -> Option<Instant> {
        self.city_first[city.index()]
    }

    /// The number of events on each day of the window.
    pub fn day_counts(&self) -> &[(NaiveDate, usize)] {
        &self.day_counts
    }

    /// The first instant after `t` at which an event starts or a status is declared or lifted.
    pub fn next_change(&self, t: Instant) -> Option<Instant> {
        self.changes
            .get(self.changes.partition_point(|&c| c <= t))
            .copied()
    }

    /// The last instant before `t` at which something changes.
    pub fn prev_change(&self, t: Instant) -> Option<Instant> {
        let i = self.changes.partition_point(|&c| c < t);
        i.checked_sub(1).map(|i| self.changes[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::DataTime;
    use crate::data::{KindIdx, Precision, TimeOfDay};
    use crate::i18n::LocalText;

    /// 00:00 on some day, in minutes since 1970 (a multiple of a day: midnight UTC).
    const MIDNIGHT: i64 = 19_000 * 24 * 60;

    fn event(time_known: bool, minute: i64) -> Event {
        Event {
            id: "e".into(),
            start: DataTime {
                instant: Instant::from_unix_minutes(MIDNIGHT + minute),
                time_known,
                written_offset_minutes: None,
            },
            end: None,
            time_of_day: None,
            latest: None,
            place: Place::Country,
            units: Vec::new(),
            kind: KindIdx(0),
            point: None,
            location: None,
            original_kind: None,
            title: LocalText::en("t"),
            description: LocalText::en("d"),
            sources: Vec::new(),
            precision: Precision::default(),
            figures: Vec::new(),
            note: None,
        }
    }

    fn minutes_after_midnight(e: &Event) -> i64 {
        effective_start(e).unix_minutes() - MIDNIGHT
    }

    #[test]
    fn a_known_time_is_where_an_event_starts() {
        assert_eq!(
            minutes_after_midnight(&event(true, 13 * 60 + 5)),
            13 * 60 + 5
        );
    }

    #[test]
    fn an_unknown_time_counts_from_the_start_of_its_day() {
        assert_eq!(minutes_after_midnight(&event(false, 0)), 0);
    }

    #[test]
    fn an_unknown_time_with_a_part_of_the_day_counts_from_that_parts_first_hour() {
        let at = |tod| {
            let mut e = event(false, 0);
            e.time_of_day = Some(tod);
            minutes_after_midnight(&e)
        };
        assert_eq!(at(TimeOfDay::Night), 0);
        assert_eq!(at(TimeOfDay::Morning), 6 * 60);
        assert_eq!(at(TimeOfDay::Afternoon), 12 * 60);
        assert_eq!(at(TimeOfDay::Evening), 18 * 60);
    }

    #[test]
    fn an_unknown_time_is_sometime_today_until_the_day_or_its_part_is_over() {
        let mut e = event(false, 0);
        let at = |m: i64| Instant::from_unix_minutes(MIDNIGHT + m);
        assert_eq!(e.happened_at(at(-1)), Happened::NotYet);
        assert_eq!(e.happened_at(at(0)), Happened::Sometime);
        assert_eq!(e.happened_at(at(24 * 60 - 1)), Happened::Sometime);
        assert_eq!(e.happened_at(at(24 * 60)), Happened::Yes);
        e.time_of_day = Some(TimeOfDay::Evening);
        assert_eq!(e.happened_at(at(18 * 60 - 1)), Happened::NotYet);
        assert_eq!(e.happened_at(at(18 * 60)), Happened::Sometime);
        e.time_of_day = Some(TimeOfDay::Morning);
        assert_eq!(e.happened_at(at(12 * 60)), Happened::Yes);
    }

    #[test]
    fn a_known_time_has_happened_from_its_minute_and_an_interval_at_its_end() {
        let mut e = event(true, 9 * 60);
        let at = |m: i64| Instant::from_unix_minutes(MIDNIGHT + m);
        assert_eq!(e.happened_at(at(9 * 60 - 1)), Happened::NotYet);
        assert_eq!(e.happened_at(at(9 * 60)), Happened::Yes);
        e.latest = Some(at(30 * 60));
        assert_eq!(e.happened_at(at(9 * 60)), Happened::Sometime);
        assert_eq!(e.happened_at(at(30 * 60)), Happened::Yes);
    }
}
