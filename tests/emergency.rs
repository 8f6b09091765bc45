//! The state-of-emergency table, checked at every minute a decree took or lost effect and at the
//! minute before, against the decrees as published (see geodata/periods.json for sources).

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use qantar::cli::Summary;
use qantar::clock::Instant;
use qantar::data::Dataset;
use qantar::i18n::Lang;
use qantar::timeline::Timeline;

/// (unit, declared, lifted) in Nur-Sultan time. The thirteen units of the "from 5 January"
/// decree have no known hour; the atlas shows them from 23:00 ("late on 5 January").
const DECREES: [(&str, &str, &str); 17] = [
    ("KZ-MAN", "2022-01-05T01:30", "2022-01-19T00:00"),
    ("KZ-ALA", "2022-01-05T01:30", "2022-01-19T00:00"),
    ("KZ-ALM", "2022-01-05T12:30", "2022-01-19T00:00"),
    ("KZ-AST", "2022-01-05T16:00", "2022-01-19T00:00"),
    ("KZ-SEV", "2022-01-05T23:00", "2022-01-13T07:00"),
    ("KZ-PAV", "2022-01-05T23:00", "2022-01-13T07:00"),
    ("KZ-ZAP", "2022-01-05T23:00", "2022-01-13T07:00"),
    ("KZ-SHY", "2022-01-05T23:00", "2022-01-14T18:00"),
    ("KZ-VOS", "2022-01-05T23:00", "2022-01-14T18:00"),
    ("KZ-KAR", "2022-01-05T23:00", "2022-01-14T18:00"),
    ("KZ-YUZ", "2022-01-05T23:00", "2022-01-14T18:00"),
    ("KZ-AKM", "2022-01-05T23:00", "2022-01-15T07:00"),
    ("KZ-KUS", "2022-01-05T23:00", "2022-01-15T07:00"),
    ("KZ-AKT", "2022-01-05T23:00", "2022-01-16T07:00"),
    ("KZ-ATY", "2022-01-05T23:00", "2022-01-19T00:00"),
    ("KZ-ZHA", "2022-01-05T23:00", "2022-01-19T00:00"),
    ("KZ-KZY", "2022-01-05T23:00", "2022-01-19T00:00"),
];

struct Fixture {
    data: Dataset,
    timeline: Timeline,
}

impl Fixture {
    fn new() -> Self {
        let data = Dataset::embedded().unwrap();
        let timeline = Timeline::new(&data);
        Fixture { data, timeline }
    }

    fn at(&self, when: &str) -> Instant {
        self.data.meta.clock.parse_when(when).unwrap()
    }

    /// The units under a state of emergency, as `qantar summary --json` reports them.
    fn emergency(&self, t: Instant) -> Vec<String> {
        Summary::new(&self.data, &self.timeline, t, Lang::En).emergency
    }

    /// The units the decree table puts under a state of emergency at `t`.
    fn expected(&self, t: Instant) -> Vec<String> {
        let mut units: Vec<String> = DECREES
            .iter()
            .filter(|(_, from, to)| self.at(from) <= t && t < self.at(to))
            .map(|(u, _, _)| (*u).to_owned())
            .collect();
        units.sort();
        units
    }
}

#[test]
fn the_table_holds_at_every_declaration_and_lifting_minute_and_the_minute_before() {
    let f = Fixture::new();
    let mut boundaries: Vec<Instant> = DECREES
        .iter()
        .flat_map(|(_, from, to)| [f.at(from), f.at(to)])
        .collect();
    boundaries.sort();
    boundaries.dedup();
    assert_eq!(boundaries.len(), 9);
    for b in boundaries {
        for t in [b.plus_minutes(-1), b, b.plus_minutes(1)] {
            assert_eq!(
                f.emergency(t),
                f.expected(t),
                "at {}",
                f.data.meta.clock.iso(t)
            );
        }
    }
}

#[test]
fn the_table_matches_the_data_period_by_period() {
    let f = Fixture::new();
    assert_eq!(f.data.periods.len(), DECREES.len());
    for (unit, from, to) in DECREES {
        let u = f.data.unit_by_id(unit).unwrap();
        let p = f.data.periods.iter().find(|p| p.unit == u).unwrap();
        assert_eq!(p.declared, f.at(from), "{unit} declared");
        assert_eq!(p.lifted, Some(f.at(to)), "{unit} lifted");
        let known = from.ends_with("01:30") || from.ends_with("12:30") || from.ends_with("16:00");
        assert_eq!(
            p.declared_time_known, known,
            "{unit}: is the hour of the decree known?"
        );
        if !known {
            assert_eq!(p.declared_label.as_deref(), Some("late on 5 January"));
        }
        assert!(!p.sources.is_empty());
    }
}

#[test]
fn status_is_lifted_at_the_decree_minute() {
    let f = Fixture::new();
    let pav = f.data.unit_by_id("KZ-PAV").unwrap();
    assert!(
        f.timeline
            .status_at(&f.data, pav, f.at("2022-01-13T06:59"))
            .is_some()
    );
    assert!(
        f.timeline
            .status_at(&f.data, pav, f.at("2022-01-13T07:00"))
            .is_none()
    );
}

#[test]
fn the_issue_examples_hold() {
    let f = Fixture::new();
    let has = |when: &str, unit: &str| f.emergency(f.at(when)).iter().any(|u| u == unit);
    assert!(has("2022-01-05T02:00", "KZ-MAN"));
    assert!(has("2022-01-05T02:00", "KZ-ALA"));
    assert!(!has("2022-01-05T02:00", "KZ-ALM"));
    assert!(has("2022-01-05T13:00", "KZ-ALM"));
    assert!(!has("2022-01-05T13:00", "KZ-AST"));
    assert!(has("2022-01-05T17:00", "KZ-AST"));
    assert_eq!(f.emergency(f.at("2022-01-06")).len(), 17);
    for unit in ["KZ-ZAP", "KZ-SEV", "KZ-PAV"] {
        assert!(!has("2022-01-13T12:00", unit));
    }
    assert!(f.emergency(f.at("2022-01-19T01:00")).is_empty());
}

#[test]
fn the_decree_for_the_remaining_regions_shows_at_the_same_minute_as_its_periods() {
    let f = Fixture::new();
    let decree = f
        .data
        .event_by_id("2022-01-05-emergency-all-regions")
        .unwrap();
    let shown_from = qantar::timeline::effective_start(f.data.event(decree));
    assert_eq!(shown_from, f.at("2022-01-05T23:00"));
}
