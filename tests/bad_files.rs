//! Files that are not what a dataset's files should be: a pipe, a device, a folder, a path
//! outside the dataset's folder, a byte-order mark, UTF-16, bytes that are not UTF-8. Each is
//! refused (or, for the mark, read) with its file named, by `qantar check`, quickly: no hang,
//! no panic, no unbounded read.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A copy of the default dataset in a temporary folder.
fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_geodata(dir.path());
    dir
}

/// `qantar check --data DIR`: (exit code, stdout and stderr). Killed, failing the test, if
/// it takes more than 60 s (a read waiting for ever).
fn check(dir: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(["check", "--data"])
        .arg(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("qantar check did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

/// Points the manifest's `key` file at `name`.
fn rename_in_manifest(dir: &Path, key: &str, name: &str) {
    let path = dir.join("dataset.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    manifest["files"][key] = serde_json::Value::String(name.to_owned());
    std::fs::write(&path, serde_json::to_string_pretty(&manifest).unwrap()).unwrap();
}

fn events(dir: &Path) -> PathBuf {
    dir.join("events.json")
}

#[test]
fn a_pipe_in_place_of_a_file_is_refused_at_once() {
    let dir = copy();
    std::fs::remove_file(events(dir.path())).unwrap();
    let made = Command::new("mkfifo").arg(events(dir.path())).status();
    assert!(made.is_ok_and(|s| s.success()));
    let (code, text) = check(dir.path());
    assert_eq!(code, Some(1), "{text}");
    assert!(
        text.contains("events.json: is not a regular file"),
        "{text}"
    );
}

#[test]
fn a_device_a_folder_and_paths_outside_the_folder_are_refused() {
    let cases = [
        ("/dev/zero", "outside the dataset's folder"),
        ("/etc/passwd", "outside the dataset's folder"),
        ("../events.json", "outside the dataset's folder"),
        ("sub", "sub: is a folder, not a file"),
    ];
    for (name, said) in cases {
        let dir = copy();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        rename_in_manifest(dir.path(), "events", name);
        let (code, text) = check(dir.path());
        assert_eq!(code, Some(1), "{name}: {text}");
        assert!(text.contains(said), "{name}: {text}");
        assert!(
            text.contains("dataset.json") || name == "sub",
            "{name}: {text}"
        );
    }
}

#[test]
fn a_byte_order_mark_is_said_and_the_file_read() {
    let dir = copy();
    let text = std::fs::read(events(dir.path())).unwrap();
    std::fs::write(
        events(dir.path()),
        [b"\xEF\xBB\xBF".as_slice(), &text].concat(),
    )
    .unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("events.json: starts with a UTF-8 byte-order mark"),
        "{out}"
    );
}

#[test]
fn utf16_and_bytes_not_utf8_are_named_with_their_place() {
    let dir = copy();
    let text = std::fs::read_to_string(events(dir.path())).unwrap();
    let utf16: Vec<u8> = "\u{feff}"
        .chars()
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    std::fs::write(events(dir.path()), utf16).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("events.json:1:1: is UTF-16, not UTF-8"),
        "{out}"
    );

    // A Latin-1 byte on the third line.
    let mut lines: Vec<Vec<u8>> = text.lines().map(|l| l.as_bytes().to_vec()).collect();
    lines[2].insert(0, 0xE9);
    std::fs::write(events(dir.path()), lines.join(&b'\n')).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("events.json:3:1: is not UTF-8 at byte"),
        "{out}"
    );
    // One cause, one line: no follow-on errors about the events' references.
    assert!(out.contains("1 problem(s) found"), "{out}");
}

/// `qantar ARGS`: (exit code, stdout and stderr).
fn qantar(args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(args)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), text)
}

#[test]
fn a_window_of_centuries_is_refused_whether_given_or_spanned() {
    // The rule: a window is at most 100 years long.
    let dir = copy();
    let path = dir.path().join("dataset.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("\"start\": \"2022-01-01\"", "\"start\": \"1900-01-01\"", 1);
    std::fs::write(
        &path,
        text.replacen("\"end\": \"2022-01-25\"", "\"end\": \"9999-12-31\"", 1),
    )
    .unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains(
            "\"window\" spans from 1900-01-01 to 9999-12-31, 8099 years: more than the 100 years"
        ),
        "{out}"
    );

    // Events laid on the dataset widen its window to span them: not to year 9999.
    let csv = dir.path().join("late.csv");
    std::fs::write(
        &csv,
        "date,place,title,description,kind,source\n\
         2022-01-05,Almaty,A march,People marched.,protest,Wire\n\
         9999-01-05,Almaty,A typo,A year mistyped.,protest,Wire\n",
    )
    .unwrap();
    let (code, out) = qantar(&["check", "--events", csv.to_str().unwrap()]);
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("late.csv: the events' and periods' dates span from 2022-01-01 to 9999-01-05"),
        "{out}"
    );
}

#[test]
fn a_status_declared_outside_the_window_is_refused_and_one_lifted_after_it_warned_of() {
    let dir = copy();
    let path = dir.path().join("periods.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let from = "\"earliest\": \"2022-01-05T16:00\"";
    assert!(text.contains(from));
    std::fs::write(
        &path,
        text.replacen(from, "\"earliest\": \"1900-01-05T16:00\"", 1),
    )
    .unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("period #1 (KZ-AKM): is declared on 1900-01-05, outside the dataset's window (2022-01-01 to 2022-01-25)"),
        "{out}"
    );
    assert!(out.contains("periods.json:"), "{out}");

    // Lifted after the window: a status that outlasts it, read, and warned of.
    let lifted = "\"lifted\": {\"at\": \"2022-01-16T07:00\"";
    assert!(text.contains(lifted));
    let later = text.replacen(lifted, "\"lifted\": {\"at\": \"2023-01-16T07:00\"", 1);
    std::fs::write(&path, later).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(
            "lifted on 2023-01-16, outside the dataset's window (2022-01-01 to 2022-01-25)"
        ),
        "{out}"
    );
}

#[test]
fn a_file_that_does_not_read_is_the_one_cause_listed_not_its_follow_ons() {
    // Half a sources file: every event's and period's source is then unknown.
    let dir = copy();
    let path = dir.path().join("sources.json");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..text.len() / 2]).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("sources.json:") && lines[0].contains("EOF while parsing"),
        "{out}"
    );
    assert!(
        lines[1].contains("sources.json: and ") && lines[1].contains("follow from this file's"),
        "{out}"
    );
    assert!(!out.contains("unknown source"), "{out}");

    // Half a units file: cities, events, periods and lineage all name units; the cities file,
    // left empty by that alone, is not blamed.
    let dir = copy();
    let path = dir.path().join("units.geojson");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, &text[..500]).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.lines().next().unwrap().contains("units.geojson:"),
        "{out}"
    );
    assert!(out.contains("units.geojson: and "), "{out}");
    assert!(
        !out.contains("unknown unit") && !out.contains("cities.json"),
        "{out}"
    );
    assert!(!out.contains("not a unit of the dataset"), "{out}");
}

#[test]
fn a_duplicate_unit_id_is_placed_and_names_the_unit_that_has_it() {
    let dir = copy();
    let path = dir.path().join("units.geojson");
    let mut units: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let first = units["features"][0]["properties"]["id"].clone();
    units["features"][1]["properties"]["id"] = first.clone();
    std::fs::write(&path, serde_json::to_string_pretty(&units).unwrap()).unwrap();
    let (code, out) = check(dir.path());
    assert_eq!(code, Some(1), "{out}");
    let line = out
        .lines()
        .find(|l| l.contains("is taken already"))
        .unwrap_or_else(|| panic!("{out}"));
    let id = first.as_str().unwrap();
    assert!(
        line.contains(&format!(
            "the id \"{id}\" is taken already by the unit at line "
        )),
        "{line}"
    );
    // At the second unit's own line, after the first's.
    let at: Vec<usize> = line
        .split(':')
        .skip(1)
        .take(1)
        .map(|n| n.parse().unwrap())
        .collect();
    let earlier: usize = line
        .split("at line ")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(at[0] > earlier, "{line}");
}
