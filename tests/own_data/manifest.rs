//! Datasets with a manifest that names files of other formats: made by `qantar init`, or
//! written by hand with a daylight-saving time zone.

use super::{files, path, qantar, text};
use serde_json::json;

#[test]
fn init_writes_a_manifest_with_its_guesses_that_loads() {
    let dir = tempfile::tempdir().unwrap();
    let regions = files::grid_country(dir.path());
    let events = files::grid_events(dir.path());
    let target = dir.path().join("ruritania");
    let out = qantar(&[
        "init",
        path(&target),
        "--regions",
        path(&regions),
        "--events",
        path(&events),
        "--tz",
        "Europe/Bucharest",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(target.join("dataset.json")).unwrap())
            .unwrap();
    assert_eq!(manifest["files"]["regions"]["id_property"], "ADM1_PCODE");
    assert_eq!(manifest["files"]["regions"]["name_property"], "ADM1_EN");
    assert_eq!(manifest["files"]["events"], "ruritania-events.csv");
    assert_eq!(manifest["time_zone"]["zone"], "Europe/Bucharest");
    assert!(target.join("ruritania-adm1.geojson").is_file());
    let check = qantar(&["check", "--data", path(&target)]);
    assert!(check.status.success(), "{}", text(&check));
    assert!(text(&check).contains("20 units"), "{}", text(&check));
    // Nothing is overwritten.
    let again = qantar(&["init", path(&target), "--regions", path(&regions)]);
    assert_eq!(again.status.code(), Some(1));
    assert!(text(&again).contains("already exists"), "{}", text(&again));
}

#[test]
fn a_folder_without_a_manifest_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = qantar(&["check", "--data", path(dir.path())]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out);
    assert!(report.contains("no dataset.json"), "{report}");
    assert!(report.contains("qantar init"), "{report}");
}

/// A dataset in Kyiv's time, whose clocks went forward on 30 March 2031 at 03:00.
fn kyiv_dataset(dir: &std::path::Path) {
    files::grid_country(dir);
    let events = "date,lat,lon,title,description,kind,source\n\
        2031-03-29T12:00,45.0,21.0,Before the change,Noon in winter time.,protest,Wire\n\
        2031-03-31T12:00,45.0,21.0,After the change,Noon in summer time.,protest,Wire\n";
    std::fs::write(dir.join("events.csv"), events).unwrap();
    let manifest = json!({
        "id": "kyiv-test", "version": "1", "name": {"en": "A dataset on Kyiv time"},
        "time_zone": {"zone": "Europe/Kyiv"},
        "statuses": [{"id": "curfew", "names": {"en": "Curfew", "uk": "Комендантська година"}, "colour": "#7a3fa0"}],
        "files": {"regions": {"file": "ruritania-adm1.geojson"}, "events": "events.csv"}
    });
    std::fs::write(dir.join("dataset.json"), manifest.to_string()).unwrap();
}

#[test]
fn a_daylight_saving_zone_gives_each_instant_its_own_offset() {
    let dir = tempfile::tempdir().unwrap();
    kyiv_dataset(dir.path());
    let at = |when: &str| {
        let out = qantar(&[
            "summary",
            "--data",
            path(dir.path()),
            "--at",
            when,
            "--json",
        ]);
        assert!(out.status.success(), "{}", text(&out));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["at"].as_str().unwrap().to_owned()
    };
    assert_eq!(at("2031-03-29T12:00"), "2031-03-29T12:00:00+02:00");
    assert_eq!(at("2031-03-31T12:00"), "2031-03-31T12:00:00+03:00");
    let data = qantar::data::Dataset::open(&qantar::data::OpenSpec {
        data: Some(dir.path().to_owned()),
        ..Default::default()
    })
    .unwrap();
    // 12:00 in Kyiv is 10:00 UTC in winter and 09:00 UTC in summer: 47 hours apart, not 48.
    let gap =
        data.events[1].start.instant.unix_minutes() - data.events[0].start.instant.unix_minutes();
    assert_eq!(gap, 47 * 60);
    // A status with a name in Ukrainian only where English is missing: the tag is accepted.
    assert_eq!(data.meta.statuses[0].key, "curfew");
}
