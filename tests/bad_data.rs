//! Broken datasets: every problem is reported with its file, line and column, and nothing
//! panics.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

mod common;

use std::path::PathBuf;
use std::process::Command;

/// A copy of the default dataset in a temporary folder, to break on purpose.
struct Copy {
    dir: tempfile::TempDir,
}

impl Copy {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        common::copy_geodata(dir.path());
        Copy { dir }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    /// Replaces the first occurrence of `from` in `file` (which must exist).
    fn edit(&self, file: &str, from: &str, to: &str) -> &Self {
        let path = self.path(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from} is not in {file}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
        self
    }

    /// Runs `qantar check --data` and returns (exit code, stderr).
    fn check(&self) -> (Option<i32>, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_qantar"))
            .args(["check", "--data"])
            .arg(self.dir.path())
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    /// The line (1-based) on which `needle` first appears in `file`.
    fn line_of(&self, file: &str, needle: &str) -> usize {
        let text = std::fs::read_to_string(self.path(file)).unwrap();
        text[..text.find(needle).unwrap()].matches('\n').count() + 1
    }
}

#[test]
fn an_unknown_place_is_reported_at_its_line() {
    let c = Copy::new();
    c.edit(
        "events.json",
        "\"place\": \"oral\"",
        "\"place\": \"Uralsk2\"",
    );
    let line = c.line_of("events.json", "Uralsk2");
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    let expected = format!("events.json:{line}:");
    assert!(
        err.contains(&expected) && err.contains("unknown place \"Uralsk2\""),
        "{err}"
    );
}

#[test]
fn several_problems_are_all_listed() {
    let c = Copy::new();
    c.edit(
        "events.json",
        "\"start\": \"2022-01-04\"",
        "\"start\": \"2022-01-44\"",
    )
    .edit("sources.json", "\"url\": \"https://", "\"url\": \"ftp://")
    .edit(
        "events.json",
        "\"sources\": [\"kazinform-chronology",
        "\"sources\": [\"no-such-source",
    )
    .edit(
        "cities.json",
        "\"unit\": \"KZ-MAN\"",
        "\"unit\": \"KZ-XXX\"",
    );
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    for needle in [
        "\"2022-01-44\" is not a date or time",
        "is not an http(s) link",
        "unknown source \"no-such-source",
        "unknown unit \"KZ-XXX\"",
        "4 problem(s) found",
    ] {
        assert!(err.contains(needle), "{needle} missing from:\n{err}");
    }
}

#[test]
fn an_event_without_sources_is_a_problem() {
    let c = Copy::new();
    let text = std::fs::read_to_string(c.path("events.json")).unwrap();
    let start = text.find("\"sources\": [").unwrap();
    let end = start + text[start..].find(']').unwrap() + 1;
    let broken = format!("{}\"sources\": []{}", &text[..start], &text[end..]);
    std::fs::write(c.path("events.json"), broken).unwrap();
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(err.contains("has no source"), "{err}");
}

#[test]
fn an_open_ring_and_a_wild_coordinate_are_reported() {
    let c = Copy::new();
    // Break the first coordinate of the first unit ring: the ring no longer closes.
    let text = std::fs::read_to_string(c.path("units.geojson")).unwrap();
    let at = text.find("\"coordinates\":[[[[").unwrap() + "\"coordinates\":[[[[".len();
    let broken = format!(
        "{}999.5,{}",
        &text[..at],
        &text[at + text[at..].find(',').unwrap() + 1..]
    );
    std::fs::write(c.path("units.geojson"), broken).unwrap();
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(err.contains("units.geojson:"), "{err}");
    assert!(
        err.contains("is not closed") && err.contains("out of range"),
        "{err}"
    );
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let c = Copy::new();
    c.edit(
        "periods.json",
        "\"status\": \"emergency\"",
        "\"status\" \"emergency\"",
    );
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    let line = c.line_of("periods.json", "\"status\" \"emergency\"");
    assert!(err.contains(&format!("periods.json:{line}:")), "{err}");
    assert!(err.contains("expected `:`"), "{err}");
}

#[test]
fn a_missing_file_and_garbage_are_errors_not_panics() {
    let c = Copy::new();
    std::fs::remove_file(c.path("cities.json")).unwrap();
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(err.contains("cities.json: cannot be read"), "{err}");

    let c = Copy::new();
    std::fs::write(c.path("events.json"), [0xff, 0xfe, 0x00, 0x01]).unwrap();
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(err.contains("events.json"), "{err}");

    let c = Copy::new();
    std::fs::write(c.path("dataset.json"), "{}").unwrap();
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(err.contains("dataset.json:1:"), "{err}");
}

#[test]
fn a_file_instead_of_a_folder_is_a_clear_error() {
    let c = Copy::new();
    let out = Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(["check", "--data"])
        .arg(c.path("events.json"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a folder"));
}

#[test]
fn a_single_source_flag_that_contradicts_the_sources_is_a_problem() {
    let c = Copy::new();
    c.edit("events.json", ", \"single_source\": true", "");
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(
        err.contains("cites one source: mark it \"single_source\": true"),
        "{err}"
    );
    let c = Copy::new();
    c.edit(
        "events.json",
        "{\"id\": \"2022-01-03-protests-spread-regions\", ",
        "{\"id\": \"2022-01-03-protests-spread-regions\", \"single_source\": true, ",
    );
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(
        err.contains("says \"single_source\" but cites 3 sources"),
        "{err}"
    );
}

#[test]
fn a_source_without_a_kind_is_a_problem() {
    let c = Copy::new();
    c.edit("sources.json", "\"kind\": \"analysis\", ", "");
    let line = c.line_of("sources.json", "\"seed-article\"");
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(
        err.contains(&format!("sources.json:{line}:")) && err.contains("kind"),
        "{err}"
    );
}

#[test]
fn a_period_whose_interval_is_reversed_is_a_problem() {
    let c = Copy::new();
    c.edit(
        "periods.json",
        "\"latest\": \"2022-01-06T00:00\"",
        "\"latest\": \"2022-01-05T06:00\"",
    );
    let (code, err) = c.check();
    assert_eq!(code, Some(1));
    assert!(err.contains("the interval is reversed"), "{err}");
}
