//! The events of each city and unit, and what a city's marker needs of each of its events kept
//! side by side: counting a city's events at an instant then reads one short array instead of
//! every event's whole record (100,000 events at 5,000 places did that on every frame).

use super::Timeline;
use crate::clock::Instant;
use crate::data::{CityIdx, Dataset, EventIdx, UnitIdx};

/// One of a city's events, as its marker counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CityEvent {
    pub event: EventIdx,
    /// The first instant it may have happened.
    pub earliest: Instant,
    /// From when it has certainly happened.
    pub certain_from: Instant,
    /// When it ends.
    pub end: Instant,
    /// Its kind's severity.
    pub severity: u8,
}

impl Timeline {
    /// Every event placed at the city, in order.
    pub fn events_of_city(&self, city: CityIdx) -> &[EventIdx] {
        &self.events_by_city[city.index()]
    }

    /// Every event placed at the unit or naming it, in order.
    pub fn events_of_unit(&self, unit: UnitIdx) -> &[EventIdx] {
        &self.events_by_unit[unit.index()]
    }

    /// The city's events ([`Timeline::events_of_city`], in the same order) as its marker
    /// counts them.
    pub fn city_events(&self, city: CityIdx) -> &[CityEvent] {
        &self.city_events[city.index()]
    }

    pub(super) fn make_city_events(&self, data: &Dataset) -> Vec<Vec<CityEvent>> {
        (self.events_by_city.iter())
            .map(|list| {
                (list.iter())
                    .map(|&e| {
                        let ev = data.event(e);
                        CityEvent {
                            event: e,
                            earliest: ev.earliest(),
                            certain_from: ev.certain_from(),
                            end: ev.end_instant(),
                            severity: data.meta.kind(ev.kind).severity,
                        }
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use crate::data::{Dataset, OpenSpec};
    use crate::timeline::Timeline;

    #[test]
    fn a_citys_marker_events_are_its_events_with_their_times_and_severity() {
        let data = Dataset::open(&OpenSpec::default()).expect("the embedded dataset");
        let tl = Timeline::new(&data);
        let mut seen = 0;
        for c in data.city_indices() {
            let kept = tl.city_events(c);
            assert_eq!(kept.len(), tl.events_of_city(c).len());
            for (k, &e) in kept.iter().zip(tl.events_of_city(c)) {
                let ev = data.event(e);
                assert_eq!(k.event, e);
                assert_eq!(
                    (k.earliest, k.certain_from),
                    (ev.earliest(), ev.certain_from())
                );
                assert_eq!(k.end, ev.end_instant());
                assert_eq!(k.severity, data.meta.kind(ev.kind).severity);
                seen += 1;
            }
        }
        assert!(seen > 50, "{seen} city events");
    }
}
