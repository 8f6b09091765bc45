//! The rules of the model and the timeline, each on the small made-up dataset in
//! `tests/data/tiny` (three units, three cities, seven events, a curfew, the clock UTC-3 and a
//! window in March 2030), so that a failure names the broken rule rather than "the map changed".

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use qantar::clock::Instant;
use qantar::data::{Dataset, EventIdx, Happened, Place, Standing};
use qantar::timeline::{Timeline, effective_start};
use std::path::Path;

struct Tiny {
    data: Dataset,
    timeline: Timeline,
}

fn tiny() -> Tiny {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny");
    let data = Dataset::load_dir(&dir).unwrap();
    let timeline = Timeline::new(&data);
    Tiny { data, timeline }
}

impl Tiny {
    fn at(&self, when: &str) -> Instant {
        self.data.meta.clock.parse_when(when).unwrap()
    }

    fn iso(&self, t: Instant) -> String {
        self.data.meta.clock.iso(t)
    }

    fn event(&self, id: &str) -> EventIdx {
        self.data
            .event_indices()
            .find(|&e| self.data.event(e).id == id)
            .unwrap()
    }

    fn starts_at(&self, id: &str) -> String {
        self.iso(effective_start(self.data.event(self.event(id))))
    }

    fn under_status(&self, unit: &str, when: &str) -> bool {
        let u = self.data.unit_by_id(unit).unwrap();
        self.timeline
            .status_at(&self.data, u, self.at(when))
            .is_some()
    }

    fn ids(&self, events: &[EventIdx]) -> Vec<String> {
        events
            .iter()
            .map(|&e| self.data.event(e).id.clone())
            .collect()
    }
}

#[test]
fn a_known_time_counts_from_its_minute_on_the_datasets_clock() {
    let t = tiny();
    assert_eq!(t.starts_at("alpha-march"), "2030-03-01T10:00:00-03:00");
}

#[test]
fn a_bare_date_is_an_unknown_time_counted_from_the_start_of_its_day() {
    let t = tiny();
    let ev = t.data.event(t.event("beta-sit-in"));
    assert!(!ev.start.time_known);
    assert_eq!(t.starts_at("beta-sit-in"), "2030-03-01T00:00:00-03:00");
}

#[test]
fn a_part_of_the_day_counts_from_its_first_hour() {
    let t = tiny();
    assert_eq!(t.starts_at("beta-evening"), "2030-03-02T18:00:00-03:00");
}

#[test]
fn an_event_known_within_an_interval_counts_from_its_earliest_minute_and_is_certain_at_its_latest()
{
    let t = tiny();
    let ev = t.data.event(t.event("gamma-rally"));
    assert_eq!(t.starts_at("gamma-rally"), "2030-03-03T12:00:00-03:00");
    assert_eq!(ev.happened_at(t.at("2030-03-03T11:59")), Happened::NotYet);
    assert_eq!(ev.happened_at(t.at("2030-03-03T15:59")), Happened::Sometime);
    assert_eq!(ev.happened_at(t.at("2030-03-03T16:00")), Happened::Yes);
}

#[test]
fn an_event_of_unknown_hour_is_sometime_on_its_day_and_its_city_uncertain_until_the_day_ends() {
    let t = tiny();
    let beta = t.data.city_by_id("beta").unwrap();
    let ev = t.data.event(t.event("beta-sit-in"));
    assert_eq!(ev.happened_at(t.at("2030-03-01T23:59")), Happened::Sometime);
    assert!(
        !t.timeline
            .city_certain_by(&t.data, beta, t.at("2030-03-01T12:00"))
    );
    assert!(
        !t.timeline
            .city_certain_by(&t.data, beta, t.at("2030-03-01T23:59"))
    );
    assert!(
        t.timeline
            .city_certain_by(&t.data, beta, t.at("2030-03-02T00:00"))
    );
}

#[test]
fn a_status_declared_and_lifted_within_intervals_is_uncertain_inside_them_only() {
    let t = tiny();
    let south = t.data.unit_by_id("T-S").unwrap();
    let standing = |when: &str| {
        t.timeline
            .standing_at(&t.data, south, t.at(when))
            .map(|(_, s)| s)
    };
    assert_eq!(
        standing("2030-03-02T19:59"),
        None,
        "before the earliest declaration"
    );
    assert_eq!(standing("2030-03-02T20:00"), Some(Standing::Uncertain));
    assert_eq!(standing("2030-03-03T01:59"), Some(Standing::Uncertain));
    assert_eq!(
        standing("2030-03-03T02:00"),
        Some(Standing::In),
        "from the latest"
    );
    assert_eq!(standing("2030-03-03T23:59"), Some(Standing::In));
    assert_eq!(
        standing("2030-03-04T00:00"),
        Some(Standing::Uncertain),
        "lifted sometime on the 4th"
    );
    let at_22 = t.at("2030-03-02T22:00");
    assert!(
        !t.under_status("T-S", "2030-03-02T22:00"),
        "uncertain is not in"
    );
    let open: Vec<&str> = t
        .timeline
        .units_uncertain(&t.data, at_22)
        .iter()
        .map(|&(u, _)| t.data.unit(u).id.as_str())
        .collect();
    assert_eq!(open, ["T-S"]);
}

#[test]
fn a_time_written_in_another_offset_is_converted_to_the_datasets_clock() {
    let t = tiny();
    let ev = t.data.event(t.event("alpha-clash"));
    assert_eq!(t.starts_at("alpha-clash"), "2030-03-02T11:00:00-03:00");
    assert_eq!(ev.start.written_offset_minutes, Some(-5 * 60));
}

#[test]
fn a_status_holds_from_the_declared_minute_until_the_lifted_minute() {
    let t = tiny();
    assert!(
        !t.under_status("T-N", "2030-03-02T05:59"),
        "the minute before"
    );
    assert!(
        t.under_status("T-N", "2030-03-02T06:00"),
        "the declared minute"
    );
    assert!(t.under_status("T-N", "2030-03-03T17:59"), "the last minute");
    assert!(
        !t.under_status("T-N", "2030-03-03T18:00"),
        "the lifted minute"
    );
    assert!(
        !t.under_status("T-S", "2030-03-02T12:00"),
        "a unit without a period"
    );
}

#[test]
fn a_status_never_lifted_lasts_to_the_end_of_the_window() {
    let t = tiny();
    let u = t.data.unit_by_id("T-C").unwrap();
    assert!(!t.under_status("T-C", "2030-03-02T11:59"));
    assert!(
        t.timeline
            .status_at(&t.data, u, t.timeline.last())
            .is_some()
    );
}

#[test]
fn a_status_is_marked_changed_on_its_day_from_the_first_minute_the_change_could_have_happened() {
    let t = tiny();
    let changed = |unit: &str, when: &str| {
        let u = t.data.unit_by_id(unit).unwrap();
        t.timeline.status_changed_by(&t.data, u, t.at(when))
    };
    assert!(!changed("T-N", "2030-03-01T12:00"));
    assert!(!changed("T-N", "2030-03-02T05:59"), "not before the decree");
    assert!(changed("T-N", "2030-03-02T06:00"));
    assert!(changed("T-N", "2030-03-02T23:59"));
    assert!(
        !changed("T-N", "2030-03-03T17:59"),
        "not before the lifting"
    );
    assert!(changed("T-N", "2030-03-03T18:00"));
    assert!(!changed("T-N", "2030-03-04T12:00"));
    assert!(
        !changed("T-S", "2030-03-02T19:59"),
        "not before its earliest minute"
    );
    assert!(changed("T-S", "2030-03-02T20:00"));
    assert!(
        changed("T-S", "2030-03-03T01:00"),
        "the interval runs into the 3rd"
    );
}

#[test]
fn day_counts_count_each_event_on_its_days_and_an_event_into_the_next_day_on_both() {
    let t = tiny();
    let counts: Vec<(String, usize)> = t
        .timeline
        .day_counts()
        .iter()
        .map(|(d, n)| (d.to_string(), *n))
        .collect();
    let expected = [
        ("2030-03-01", 2), // the march in Alpha, the sit-in in Beta
        ("2030-03-02", 3), // the decree, violence in Alpha, the evening clash in Beta
        ("2030-03-03", 2), // the rally in Gamma, the night in Alpha
        ("2030-03-04", 1), // the night in Alpha, still going at 02:00
    ];
    assert_eq!(
        counts,
        expected.map(|(d, n)| (d.to_owned(), n)),
        "one count per day of the window"
    );
}

#[test]
fn events_of_a_day_begin_with_those_still_running_from_the_day_before() {
    let t = tiny();
    let day = t.data.meta.clock.day(t.at("2030-03-04T12:00"));
    let events = t.timeline.events_on_day(&t.data, day);
    assert_eq!(t.ids(&events), ["alpha-night"]);
}

#[test]
fn next_change_stops_at_every_event_and_every_declaration_and_lifting() {
    let t = tiny();
    let mut stops = Vec::new();
    let mut at = t.timeline.first();
    while let Some(next) = t.timeline.next_change(at) {
        stops.push(t.iso(next)[..16].to_owned());
        at = next;
    }
    assert_eq!(
        stops,
        [
            "2030-03-01T10:00", // the march (the sit-in is at the window's first minute)
            "2030-03-02T00:00", // the sit-in's day is over: it has certainly happened
            "2030-03-02T06:00", // the decree and the North's curfew, one stop
            "2030-03-02T11:00", // violence in Alpha
            "2030-03-02T12:00", // Port City's curfew
            "2030-03-02T18:00", // the evening clash may begin
            "2030-03-02T20:00", // the South's curfew may be declared
            "2030-03-03T00:00", // the evening clash is certain
            "2030-03-03T02:00", // the South's curfew is certain
            "2030-03-03T12:00", // the rally may begin
            "2030-03-03T16:00", // the rally is certain
            "2030-03-03T18:00", // the North's curfew lifted
            "2030-03-03T22:00", // the night in Alpha
            "2030-03-04T00:00", // the South's curfew may be lifted
        ]
    );
    assert_eq!(
        t.timeline
            .prev_change(t.at("2030-03-02T06:00"))
            .map(|c| t.iso(c)),
        Some("2030-03-02T00:00:00-03:00".to_owned())
    );
}

#[test]
fn cities_appear_at_their_first_event() {
    let t = tiny();
    let names = |when: &str| -> Vec<String> {
        t.timeline
            .cities_with_events_by(t.at(when))
            .into_iter()
            .map(|c| t.data.city(c).id.clone())
            .collect()
    };
    assert_eq!(names("2030-03-01T09:59"), ["beta"]);
    assert_eq!(names("2030-03-01T10:00"), ["beta", "alpha"]);
    assert_eq!(names("2030-03-03T11:59"), ["beta", "alpha"]);
    assert_eq!(names("2030-03-03T12:00"), ["beta", "alpha", "gamma"]);
}

#[test]
fn national_events_belong_to_the_country_and_to_no_city() {
    let t = tiny();
    let national: Vec<String> = t
        .data
        .event_indices()
        .filter(|&e| t.data.event(e).place == Place::Country)
        .map(|e| t.data.event(e).id.clone())
        .collect();
    assert_eq!(national, ["isle-decree"]);
    for c in t.data.city_indices() {
        assert!(
            !t.ids(t.timeline.events_of_city(c))
                .contains(&"isle-decree".to_owned())
        );
    }
}

#[test]
fn the_window_runs_from_the_first_minute_of_its_first_day_to_the_last_of_its_last() {
    let t = tiny();
    assert_eq!(t.iso(t.timeline.first()), "2030-03-01T00:00:00-03:00");
    assert_eq!(t.iso(t.timeline.last()), "2030-03-04T23:59:00-03:00");
    assert_eq!(t.timeline.clamp(t.at("2031-01-01")), t.timeline.last());
}
