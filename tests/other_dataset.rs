//! Kazakhstan is the default dataset, never a special case: the made-up dataset in
//! `tests/data/tiny` (another country id, another clock, another status, another window) goes
//! through `check`, `summary`, an export and the window like the default one.

#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture"
)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qantar::ui::{App, StartOptions};
use std::path::PathBuf;
use std::process::{Command, Output};

fn tiny_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny")
}

fn qantar(args: &[&str]) -> Output {
    let dir = tiny_dir();
    let mut all = args.to_vec();
    all.extend(["--data", dir.to_str().unwrap()]);
    Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(all)
        .output()
        .expect("the binary runs")
}

#[test]
fn check_accepts_a_dataset_on_another_clock_with_another_status() {
    let out = qantar(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("7 events, each with at least one source"),
        "{stdout}"
    );
    assert!(
        stdout.contains("3 cities, each inside its unit"),
        "{stdout}"
    );
}

#[test]
fn the_summary_lists_the_units_under_the_datasets_own_status() {
    let out = qantar(&["summary", "--at", "2030-03-02T12:00", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["at"], "2030-03-02T12:00:00-03:00");
    assert_eq!(
        v["units_by_status"]["curfew"],
        serde_json::json!(["T-C", "T-N"])
    );
    let statuses: Vec<&str> = v["statuses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["curfew", "curfew"]);
}

#[test]
fn an_svg_export_records_the_datasets_own_status_keys() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("isle.svg");
    let out = qantar(&[
        "export",
        "--at",
        "2030-03-02T12:00",
        "--out",
        out_path.to_str().unwrap(),
        "--width",
        "640",
        "--height",
        "480",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&out_path).unwrap();
    assert!(
        svg.contains(r#"id="T-N" class="unit" data-status="curfew""#),
        "{svg}"
    );
    assert!(svg.contains(r#"id="T-S" class="unit" data-status="none""#));
    assert!(svg.contains("Saturday, 2 March 2030, 12:00 (Harbour time, UTC-3)"));
    assert!(
        svg.contains(r#"id="city-gamma""#),
        "Port City's own curfew shows at Gamma"
    );
}

/// The window on the dataset in `dir`, at `at` (else its default instant), after a few frames.
fn window_on(dir: PathBuf, at: Option<&str>) -> Harness<'static, App> {
    let options = StartOptions {
        at: at.map(str::to_owned),
        data: qantar::data::OpenSpec {
            data: Some(dir),
            ..Default::default()
        },
        fresh: true,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 640.0))
        .build_eframe(|cc| App::new(cc, options));
    h.run_steps(4);
    h
}

#[test]
fn the_window_opens_another_dataset_and_keys_move_on_its_clock() {
    let mut h = window_on(tiny_dir(), Some("2030-03-02T12:00"));
    let clock = h.state().atlas().unwrap().data.meta.clock;
    assert_eq!(clock.iso(h.state().instant()), "2030-03-02T12:00:00-03:00");
    // In the timeline's header and in the day's panel.
    assert!(h.query_all_by_label("Curfew: 2 / 3 units").count() >= 1);
    h.key_press(egui::Key::End);
    h.run_steps(2);
    assert_eq!(clock.iso(h.state().instant()), "2030-03-04T23:59:00-03:00");
    h.key_press(egui::Key::PageUp);
    h.run_steps(2);
    // The last change: the South's curfew may be lifted from 00:00 on the 4th.
    assert_eq!(clock.iso(h.state().instant()), "2030-03-04T00:00:00-03:00");
}

/// Shapes the window hands egui in one frame on the tiny dataset with its window set to
/// `start`..`end`.
fn shapes_in_a_frame(start: &str, end: &str) -> usize {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(tiny_dir()).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let manifest = dir.path().join("dataset.json");
    let mut m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest).unwrap()).unwrap();
    m["window"] = serde_json::json!({ "start": start, "end": end });
    std::fs::write(&manifest, m.to_string()).unwrap();
    // An event every third day of the window, so that every bar has something to draw.
    let events = dir.path().join("events.json");
    let mut e: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&events).unwrap()).unwrap();
    let model = e["events"][0].clone();
    let (first, last) = (
        start.parse::<chrono::NaiveDate>().unwrap(),
        end.parse().unwrap(),
    );
    for (i, day) in first
        .iter_days()
        .take_while(|d| *d <= last)
        .step_by(3)
        .enumerate()
    {
        let mut event = model.clone();
        event["id"] = format!("every-third-day-{i}").into();
        event["start"] = format!("{day}T10:00").into();
        e["events"].as_array_mut().unwrap().push(event);
    }
    std::fs::write(&events, e.to_string()).unwrap();
    let h = window_on(dir.path().to_owned(), None);
    assert!(h.state().atlas().is_some(), "the dataset did not open");
    h.output().shapes.len()
}

/// Rule: a window of a century draws its timeline in bars at least 2 points wide and labels
/// it by decade, so a frame holds about as many shapes as a month's: not one bar, band and
/// label for each of 36,500 days (the GPU's buffers grew with the days).
#[test]
fn a_century_long_window_draws_about_as_much_as_a_month() {
    let month = shapes_in_a_frame("2030-03-01", "2030-03-31");
    let century = shapes_in_a_frame("1931-01-01", "2030-12-31");
    assert!(
        century < month + 1000,
        "{century} shapes, {month} for a month"
    );
}
