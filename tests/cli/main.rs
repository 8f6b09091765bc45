//! The `qantar` binary as a user runs it: summary, check, export projections, and their errors.

#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture"
)]

mod cite;
#[path = "../common/mod.rs"]
mod common;
mod projection;
mod record;

use common::copy_geodata;
use std::process::{Command, Output};

fn qantar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn summary_json(at: &str) -> serde_json::Value {
    let out = qantar(&["summary", "--at", at, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(v: &serde_json::Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            x.as_str()
                .map_or_else(|| x["id"].as_str().unwrap().to_owned(), str::to_owned)
        })
        .collect()
}

#[test]
fn summary_json_has_the_promised_keys_and_stable_ids() {
    let v = summary_json("2022-01-05T13:00");
    assert_eq!(v["at"], "2022-01-05T13:00:00+06:00");
    assert_eq!(
        ids(&v["units_by_status"], "emergency"),
        ["KZ-ALA", "KZ-ALM", "KZ-MAN"]
    );
    let city = &v["cities_with_events"][0];
    assert!(city["id"].is_string() && city["name"].is_string());
    let event = &v["events_today"][0];
    for key in ["id", "start", "place", "kind", "title"] {
        assert!(event[key].is_string(), "events_today[0] lacks {key}");
    }
}

#[test]
fn a_bare_date_means_the_end_of_that_day() {
    let v = summary_json("2022-01-06");
    assert_eq!(v["at"], "2022-01-06T23:59:00+06:00");
    assert_eq!(ids(&v["units_by_status"], "emergency").len(), 17);
}

#[test]
fn at_the_end_of_3_january_every_city_the_article_names_has_events() {
    let v = summary_json("2022-01-03");
    let cities = ids(&v, "cities_with_events");
    // The seed article: Zhanaozen, Aktau, then Almaty, Aktobe, Karaganda, Shymkent, Kokshetau,
    // Uralsk (Oral) and Nur-Sultan.
    for city in [
        "zhanaozen",
        "aktau",
        "almaty",
        "aktobe",
        "karaganda",
        "shymkent",
        "kokshetau",
        "oral",
        "nur-sultan",
    ] {
        assert!(
            cities.iter().any(|c| c == city),
            "{city} is missing: {cities:?}"
        );
    }
}

#[test]
fn the_text_summary_names_units_and_times() {
    let out = qantar(&["summary", "--at", "2022-01-05T17:00"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Wednesday, 5 January 2022, 17:00 (Nur-Sultan time, UTC+6)"),
        "{text}"
    );
    assert!(text.contains("Nur-Sultan (capital)") && text.contains("since 16:00, 5 January"));
    assert!(text.contains("The country goes offline"));
}

#[test]
fn a_bad_when_is_a_clear_error() {
    for bad in ["yesterday", "2022-02-30", "2021-12-31"] {
        let out = qantar(&["summary", "--at", bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("--at"), "{bad}: {err}");
    }
}

#[test]
fn check_passes_on_the_embedded_dataset() {
    let out = qantar(&["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("17 units") && text.contains("OK"), "{text}");
}

#[test]
fn check_of_a_missing_folder_is_a_clear_error() {
    let out = qantar(&["check", "--data", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such/folder: no such folder"), "{err}");
}

#[test]
fn check_of_a_folder_copy_passes() {
    let dir = tempfile::tempdir().unwrap();
    copy_geodata(dir.path());
    let out = qantar(&["check", "--data", dir.path().to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
