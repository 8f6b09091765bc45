//! The time model's queries on the real data: stepping, per-day counts, cumulative cities.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use qantar::clock::Instant;
use qantar::data::Dataset;
use qantar::timeline::{Timeline, effective_start};

fn fixture() -> (Dataset, Timeline) {
    let data = Dataset::embedded().unwrap();
    let timeline = Timeline::new(&data);
    (data, timeline)
}

fn at(data: &Dataset, when: &str) -> Instant {
    data.meta.clock.parse_when(when).unwrap()
}

#[test]
fn stepping_forward_stops_at_every_declaration_and_lifting() {
    let (data, timeline) = fixture();
    let mut stops = Vec::new();
    let mut t = timeline.first();
    while let Some(next) = timeline.next_change(t) {
        assert!(next > t, "stepping must move forward");
        stops.push(next);
        t = next;
    }
    for p in &data.periods {
        for b in p.bounds() {
            assert!(
                stops.contains(&b.earliest),
                "missed a declaration or lifting"
            );
            assert!(stops.contains(&b.latest), "missed the end of its interval");
        }
    }
    assert_eq!(timeline.next_change(*stops.last().unwrap()), None);
}

#[test]
fn stepping_back_undoes_stepping_forward() {
    let (data, timeline) = fixture();
    let t = at(&data, "2022-01-05T01:29");
    let next = timeline.next_change(t).unwrap();
    assert_eq!(data.meta.clock.iso(next), "2022-01-05T01:30:00+06:00");
    assert_eq!(
        timeline.prev_change(timeline.next_change(next).unwrap()),
        Some(next)
    );
    assert_eq!(timeline.prev_change(timeline.first()), None);
}

#[test]
fn each_event_counts_on_every_day_from_its_start_to_its_end() {
    let (data, timeline) = fixture();
    let counts = timeline.day_counts();
    assert_eq!(counts.len(), 25, "1 to 25 January");
    // Counted here from the events themselves, not through the timeline's index.
    let clock = data.meta.clock;
    let mut expected: std::collections::BTreeMap<chrono::NaiveDate, usize> =
        timeline.days().map(|d| (d, 0)).collect();
    for ev in &data.events {
        let (first, last) = (clock.day(ev.start.instant), clock.day(ev.end_instant()));
        for day in first.iter_days().take_while(|d| *d <= last) {
            if let Some(n) = expected.get_mut(&day) {
                *n += 1;
            }
        }
    }
    let expected: Vec<_> = expected.into_iter().collect();
    assert_eq!(counts, expected.as_slice());
    let spanning = data
        .events
        .iter()
        .filter(|ev| clock.day(ev.end_instant()) > clock.day(ev.start.instant))
        .count();
    assert!(
        spanning > 0,
        "the rule for events over several days is exercised"
    );
    let busiest = counts.iter().max_by_key(|(_, n)| *n).unwrap();
    assert_eq!(
        busiest.0.to_string(),
        "2022-01-05",
        "5 January was the busiest day"
    );
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    assert!(total >= data.events.len());
}

#[test]
fn the_events_so_far_grow_with_time_and_respect_their_start() {
    let (data, timeline) = fixture();
    let mut previous = 0;
    for day in timeline.days() {
        let t = data.meta.clock.day_end(day);
        let so_far = timeline.events_until(t);
        assert!(so_far.len() >= previous);
        assert!(so_far.iter().all(|&e| effective_start(data.event(e)) <= t));
        previous = so_far.len();
    }
    assert_eq!(previous, data.events.len());
}

#[test]
fn a_city_appears_with_its_first_event() {
    let (data, timeline) = fixture();
    let semey = data.city_by_id("semey").unwrap();
    assert!(
        !timeline
            .cities_with_events_by(at(&data, "2022-01-04"))
            .contains(&semey)
    );
    assert!(
        timeline
            .cities_with_events_by(at(&data, "2022-01-05"))
            .contains(&semey)
    );
    let ekibastuz = data.city_by_id("ekibastuz").unwrap();
    assert_eq!(
        timeline.city_first_event(ekibastuz),
        None,
        "no event was found there"
    );
}

#[test]
fn a_region_knows_the_events_tied_to_it() {
    let (data, timeline) = fixture();
    let pav = data.unit_by_id("KZ-PAV").unwrap();
    let ids: Vec<&str> = timeline
        .events_of_unit(pav)
        .iter()
        .map(|&e| data.event(e).id.as_str())
        .collect();
    assert!(
        ids.contains(&"2022-01-13-emergency-lifted-west-north-pavlodar"),
        "{ids:?}"
    );
    assert!(ids.contains(&"2022-01-05-emergency-all-regions"), "{ids:?}");
}

#[test]
fn a_region_whose_status_changed_that_day_is_known() {
    let (data, timeline) = fixture();
    let pav = data.unit_by_id("KZ-PAV").unwrap();
    let changed = |when: &str| timeline.status_changed_by(&data, pav, at(&data, when));
    assert!(
        !changed("2022-01-05T13:00"),
        "not announced before the decree could have been signed"
    );
    assert!(changed("2022-01-05T16:00"));
    assert!(changed("2022-01-05T23:59"));
    assert!(
        !changed("2022-01-06T05:00"),
        "the interval ends at midnight: the declaration belongs to the 5th"
    );
    assert!(changed("2022-01-13T07:00"));
    assert!(!changed("2022-01-08T12:00"));
}
