//! The record on the real data: what the sources leave uncertain is shown as uncertain. A
//! status declared at an unknown hour is neither in nor out; a time read on a presumed clock
//! says so; an event of unknown hour is "sometime today" until its day is over.

use super::{qantar, summary_json as summary};
use serde_json::Value;

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect()
}

fn city<'a>(v: &'a Value, id: &str) -> Option<&'a Value> {
    v["cities_with_events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
}

#[test]
fn karaganda_is_uncertain_inside_the_interval_of_the_late_decrees_and_in_after_it() {
    let evening = summary("2022-01-05T20:00");
    assert!(strings(&evening["uncertain"]).contains(&"KZ-KAR"));
    assert!(!strings(&evening["units_by_status"]["emergency"]).contains(&"KZ-KAR"));
    assert!(
        !evening["statuses"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["unit"] == "KZ-KAR"),
        "an uncertain unit is not listed as under a status either"
    );
    assert_eq!(strings(&evening["uncertain"]).len(), 13);
    let morning = summary("2022-01-06T00:00");
    assert!(strings(&morning["units_by_status"]["emergency"]).contains(&"KZ-KAR"));
    assert!(strings(&morning["uncertain"]).is_empty());
    let kar = morning["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unit"] == "KZ-KAR")
        .unwrap();
    assert_eq!(
        kar["declared"], "2022-01-05T16:00:00+06:00/2022-01-06T00:00:00+06:00",
        "the declaration is the interval, not an invented minute"
    );
    let before = summary("2022-01-05T15:59");
    assert!(strings(&before["uncertain"]).is_empty());
}

#[test]
fn the_0130_decree_holds_from_its_minute_with_its_clock_flagged_as_presumed() {
    let v = summary("2022-01-05T01:30");
    assert_eq!(
        strings(&v["units_by_status"]["emergency"]),
        ["KZ-ALA", "KZ-MAN"]
    );
    for s in v["statuses"].as_array().unwrap() {
        assert_eq!(s["declared"], "2022-01-05T01:30:00+06:00");
        assert_eq!(s["declared_presumed_clock"], true, "{}", s["unit"]);
    }
    assert!(strings(&summary("2022-01-05T01:29")["units_by_status"]["emergency"]).is_empty());
    let text = qantar(&["summary", "--at", "2022-01-05T01:30"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("presumed Nur-Sultan time"), "{text}");
}

#[test]
fn at_midnight_on_3_january_its_events_of_unknown_hour_have_not_yet_certainly_happened() {
    let v = summary("2022-01-03T00:00");
    let karaganda = city(&v, "karaganda").expect("Karaganda is reported on 3 January");
    assert_eq!(karaganda["certain"], false);
    assert_eq!(
        karaganda["first_event"], "2022-01-03",
        "a date, not a minute the record does not have"
    );
    let zhanaozen = city(&v, "zhanaozen").unwrap();
    assert_eq!(zhanaozen["certain"], true, "its events of 1 and 2 January");
    for e in v["events_today"].as_array().unwrap() {
        let start = e["start"].as_str().unwrap();
        assert!(
            !start.contains("T00:00"),
            "an event of unknown hour is not put at midnight: {e}"
        );
    }
    let next_day = summary("2022-01-04T00:00");
    assert_eq!(city(&next_day, "karaganda").unwrap()["certain"], true);
}

#[test]
fn at_midnight_on_3_january_the_map_draws_its_cities_as_sometime_today() {
    let dir = tempfile::tempdir().unwrap();
    let svg_at = |at: &str| {
        let out = dir.path().join(format!("{}.svg", at.replace(':', "")));
        let run = qantar(&[
            "export",
            "--at",
            at,
            "--out",
            out.to_str().unwrap(),
            "--width",
            "960",
            "--height",
            "540",
        ]);
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        std::fs::read_to_string(out).unwrap()
    };
    let marker = |svg: &str, city: &str| -> String {
        let start = svg.find(&format!("id=\"city-{city}\"")).unwrap();
        let end = start + svg[start..].find("</g>").unwrap();
        svg[start..end].to_owned()
    };
    let midnight = svg_at("2022-01-03T00:00");
    assert!(
        marker(&midnight, "karaganda").contains("stroke-dasharray"),
        "a dashed, hollow marker: sometime today"
    );
    assert!(!marker(&midnight, "zhanaozen").contains("stroke-dasharray"));
    let next_day = svg_at("2022-01-04T00:00");
    assert!(!marker(&next_day, "karaganda").contains("stroke-dasharray"));
}

#[test]
fn check_reports_the_weakly_sourced_events() {
    let out = qantar(&["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    let line = text
        .lines()
        .find(|l| l.contains("weakly sourced events"))
        .expect("a count of weakly sourced events");
    let n: usize = line.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n > 0 && n < 20, "{line}");
    assert!(
        text.contains("2022-01-04-demands-widen"),
        "an analysis alone: {text}"
    );
}
