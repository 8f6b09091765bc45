//! The state-of-emergency table, checked at every minute a decree took or lost effect and at the
//! minute before, against the decrees as published (see geodata/periods.json for sources).

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use qantar::cli::Summary;
use qantar::clock::Instant;
use qantar::data::Dataset;
use qantar::i18n::Lang;
use qantar::timeline::Timeline;

/// (unit, declared from, declared by, lifted) in Nur-Sultan time. The thirteen units of the
/// "from 5 January" decrees have no known hour: declared at some minute between 16:00 on 5
/// January (after the Nur-Sultan decree) and midnight (they are dated and were published that
/// day).
const DECREES: [(&str, &str, &str, &str); 17] = [
    (
        "KZ-MAN",
        "2022-01-05T01:30",
        "2022-01-05T01:30",
        "2022-01-19T00:00",
    ),
    (
        "KZ-ALA",
        "2022-01-05T01:30",
        "2022-01-05T01:30",
        "2022-01-19T00:00",
    ),
    (
        "KZ-ALM",
        "2022-01-05T12:30",
        "2022-01-05T12:30",
        "2022-01-19T00:00",
    ),
    (
        "KZ-AST",
        "2022-01-05T16:00",
        "2022-01-05T16:00",
        "2022-01-19T00:00",
    ),
    ("KZ-SEV", LATE_FROM, LATE_BY, "2022-01-13T07:00"),
    ("KZ-PAV", LATE_FROM, LATE_BY, "2022-01-13T07:00"),
    ("KZ-ZAP", LATE_FROM, LATE_BY, "2022-01-13T07:00"),
    ("KZ-SHY", LATE_FROM, LATE_BY, "2022-01-14T18:00"),
    ("KZ-VOS", LATE_FROM, LATE_BY, "2022-01-14T18:00"),
    ("KZ-KAR", LATE_FROM, LATE_BY, "2022-01-14T18:00"),
    ("KZ-YUZ", LATE_FROM, LATE_BY, "2022-01-14T18:00"),
    ("KZ-AKM", LATE_FROM, LATE_BY, "2022-01-15T07:00"),
    ("KZ-KUS", LATE_FROM, LATE_BY, "2022-01-15T07:00"),
    ("KZ-AKT", LATE_FROM, LATE_BY, "2022-01-16T07:00"),
    ("KZ-ATY", LATE_FROM, LATE_BY, "2022-01-19T00:00"),
    ("KZ-ZHA", LATE_FROM, LATE_BY, "2022-01-19T00:00"),
    ("KZ-KZY", LATE_FROM, LATE_BY, "2022-01-19T00:00"),
];
const LATE_FROM: &str = "2022-01-05T16:00";
const LATE_BY: &str = "2022-01-06T00:00";

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

    /// The units certainly under a state of emergency, and those whose status is open, as
    /// `qantar summary --json` reports them.
    fn emergency(&self, t: Instant) -> (Vec<String>, Vec<String>) {
        let s = Summary::new(&self.data, &self.timeline, t, Lang::En);
        (s.main_status_units(&self.data), s.uncertain)
    }

    /// The same, by the decree table.
    fn expected(&self, t: Instant) -> (Vec<String>, Vec<String>) {
        let units = |keep: &dyn Fn(Instant, Instant, Instant) -> bool| {
            let mut units: Vec<String> = DECREES
                .iter()
                .filter(|(_, from, by, to)| keep(self.at(from), self.at(by), self.at(to)))
                .map(|(u, ..)| (*u).to_owned())
                .collect();
            units.sort();
            units
        };
        (
            units(&|_, by, to| by <= t && t < to),
            units(&|from, by, _| from <= t && t < by),
        )
    }
}

#[test]
fn the_table_holds_at_every_declaration_and_lifting_minute_and_the_minute_before() {
    let f = Fixture::new();
    let mut boundaries: Vec<Instant> = DECREES
        .iter()
        .flat_map(|(_, from, by, to)| [f.at(from), f.at(by), f.at(to)])
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
    for (unit, from, by, to) in DECREES {
        let u = f.data.unit_by_id(unit).unwrap();
        let p = f.data.periods.iter().find(|p| p.unit == u).unwrap();
        assert_eq!(p.declared.earliest, f.at(from), "{unit} declared from");
        assert_eq!(p.declared.latest, f.at(by), "{unit} declared by");
        let lifted = p.lifted.as_ref().unwrap();
        assert!(lifted.is_exact(), "{unit}: the lifting's minute is known");
        assert_eq!(lifted.earliest, f.at(to), "{unit} lifted");
        if !p.declared.is_exact() {
            assert!(
                p.declared
                    .earliest_reason
                    .as_ref()
                    .is_some_and(|r| r.source.is_some())
                    && p.declared
                        .latest_reason
                        .as_ref()
                        .is_some_and(|r| r.source.is_some()),
                "{unit}: each end of the interval has its reason and source"
            );
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
    let has = |when: &str, unit: &str| f.emergency(f.at(when)).0.iter().any(|u| u == unit);
    assert!(has("2022-01-05T02:00", "KZ-MAN"));
    assert!(has("2022-01-05T02:00", "KZ-ALA"));
    assert!(!has("2022-01-05T02:00", "KZ-ALM"));
    assert!(has("2022-01-05T13:00", "KZ-ALM"));
    assert!(!has("2022-01-05T13:00", "KZ-AST"));
    assert!(has("2022-01-05T17:00", "KZ-AST"));
    assert_eq!(f.emergency(f.at("2022-01-06")).0.len(), 17);
    for unit in ["KZ-ZAP", "KZ-SEV", "KZ-PAV"] {
        assert!(!has("2022-01-13T12:00", unit));
    }
    assert!(f.emergency(f.at("2022-01-19T01:00")).0.is_empty());
}

#[test]
fn the_decree_for_the_remaining_regions_has_the_same_interval_as_its_periods() {
    let f = Fixture::new();
    let decree = f
        .data
        .event_by_id("2022-01-05-emergency-all-regions")
        .unwrap();
    let ev = f.data.event(decree);
    assert_eq!(ev.earliest(), f.at(LATE_FROM));
    assert_eq!(ev.certain_from(), f.at(LATE_BY));
}
