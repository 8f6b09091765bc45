//! A user's own files broken: region files (GeoJSON and TopoJSON) given with `--regions`,
//! events given with `--events` as a plain CSV, an ACLED export or a Qantar events JSON.
//! A region outline the reader can repair (an unclosed ring, a bow-tie) is read with a note
//! saying what was changed; everything else is refused at its place.

use crate::{Expect, Faults, Outcome, qantar, ten_mb};
use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

/// `qantar check --bare --regions FILE`, or `qantar check --events FILE` (events are laid
/// on the default dataset, whose cities place them).
fn check_own(flag: &str, file: &Path) -> Outcome {
    let mut args: Vec<OsString> = vec!["check".into(), flag.into(), file.into()];
    if flag == "--regions" {
        args.push("--bare".into());
    }
    qantar(&args)
}

fn square(x: f64) -> String {
    format!(
        "[[{x},45],[{},45],[{},46],[{x},46],[{x},45]]",
        x + 1.0,
        x + 1.0
    )
}

/// Two regions, the first with `ring` as its outline.
fn geojson(ring: &str) -> String {
    let feature = |id: &str, rings: &str| {
        format!(
            r#"{{"type":"Feature","properties":{{"id":"{id}","name":"{id}"}},"geometry":{{"type":"Polygon","coordinates":[{rings}]}}}}"#
        )
    };
    format!(
        r#"{{"type":"FeatureCollection","features":[{},{}]}}"#,
        feature("A", ring),
        feature("B", &square(10.0))
    )
}

/// The same cases for every kind of file: nothing, half, UTF-16, a Latin-1 byte, a
/// byte-order mark, a pipe, a folder, a device.
fn whole_file_cases(faults: &mut Faults, flag: &str, name: &str, good: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    let half = &good.as_bytes()[..good.len() / 2];
    let utf16: Vec<u8> = good.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut latin1 = good.as_bytes().to_vec();
    latin1.insert(good.find('\n').map_or(good.len() / 2, |i| i + 1), 0xE9);
    let bom = [b"\xEF\xBB\xBF".as_slice(), good.as_bytes()].concat();
    let cases: [(&str, Vec<u8>, Expect); 5] = [
        ("empty", Vec::new(), Expect::Refused),
        ("cut in half", half.to_vec(), Expect::RefusedAt),
        ("UTF-16", utf16, Expect::RefusedAt),
        ("a Latin-1 byte", latin1, Expect::RefusedAt),
        (
            "a byte-order mark",
            bom,
            Expect::Accepted("byte-order mark"),
        ),
    ];
    for (case, bytes, expect) in cases {
        std::fs::write(&path, bytes).unwrap();
        faults.note(
            &format!("{name}, {case}"),
            check_own(flag, &path).fault(name, expect),
        );
    }
    std::fs::remove_file(&path).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap()
            .success()
    );
    let pipe = check_own(flag, &path).fault(name, Expect::Refused);
    faults.note(&format!("{name}, a pipe"), pipe);
    std::fs::remove_file(&path).unwrap();
    std::fs::create_dir(&path).unwrap();
    let folder = check_own(flag, &path).fault(name, Expect::Refused);
    faults.note(&format!("{name}, a folder"), folder);
    let device = check_own(flag, Path::new("/dev/zero")).fault("/dev/zero", Expect::Refused);
    faults.note(&format!("{flag} /dev/zero"), device);
}

#[test]
fn region_files_broken() {
    let mut faults = Faults::default();
    whole_file_cases(
        &mut faults,
        "--regions",
        "regions.geojson",
        &geojson(&square(0.0)),
    );
    let cases: [(&str, String, Expect); 12] = [
        ("a list", "[]".into(), Expect::Refused),
        ("100,000-deep nesting", "[".repeat(100_000), Expect::RefusedAt),
        ("NaN", geojson("[[NaN,45],[1,45],[1,46],[0,45]]"), Expect::RefusedAt),
        ("Infinity", geojson("[[Infinity,45],[1,45],[1,46],[0,45]]"), Expect::RefusedAt),
        ("1e400", geojson("[[1e400,45],[1,45],[1,46],[0,45]]"), Expect::RefusedAt),
        (
            "every point past latitude 90",
            geojson("[[0,95],[1,95],[1,96],[0,95]]"),
            Expect::RefusedAt,
        ),
        (
            "an unclosed ring",
            geojson("[[0,45],[1,45],[1,46],[0,46]]"),
            Expect::Accepted("closed an unclosed ring"),
        ),
        ("a 2-point ring", geojson("[[0,45],[1,45]]"), Expect::RefusedAt),
        ("no rings", geojson(""), Expect::RefusedAt),
        (
            "a bow-tie",
            geojson("[[0,45],[1,46],[1,45],[0,46],[0,45]]"),
            Expect::Accepted("fixed self-intersections"),
        ),
        (
            "a null feature",
            r#"{"type":"FeatureCollection","features":[null]}"#.into(),
            Expect::RefusedAt,
        ),
        (
            "a TopoJSON arc that is not there",
            r#"{"type":"Topology","objects":{"r":{"type":"GeometryCollection","geometries":[{"type":"Polygon","arcs":[[7]],"properties":{"id":"A"}}]}},"arcs":[[[0,0],[1,0],[1,1],[0,0]]]}"#.into(),
            Expect::RefusedAt,
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (case, text, expect) in cases {
        let path = dir.path().join("regions.geojson");
        std::fs::write(&path, text).unwrap();
        faults.note(
            case,
            check_own("--regions", &path).fault("regions.geojson", expect),
        );
    }
    faults.assert_none();
}

const CSV_HEADER: &str = "date,place,title,lat,lon";

/// A plain CSV of a good row and `row`.
fn csv(row: &str) -> String {
    format!("{CSV_HEADER}\n2022-01-05,Almaty,A march,,\n{row}\n")
}

const ACLED_HEADER: &str = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp";

fn acled_row(id: &str, date: &str, lat: &str, lon: &str, notes: &str) -> String {
    format!(
        "{id},{date},2022,1,Political violence,Riots,Violent demonstration,Rioters (Test),,5,,,1,15,,398,Central Asia,Kazakhstan,Almaty City,Almaty,,Almaty,{lat},{lon},1,Test Wire,International,{notes},8,,1700000000"
    )
}

/// An ACLED export of a good row and `row`.
fn acled(row: &str) -> String {
    let good = acled_row("T1", "2022-01-05", "43.2567", "76.9286", "A crowd.");
    format!("{ACLED_HEADER}\n{good}\n{row}\n")
}

#[test]
fn event_files_broken() {
    let mut faults = Faults::default();
    whole_file_cases(
        &mut faults,
        "--events",
        "events.csv",
        &csv("2022-01-06,Aktau,B,,"),
    );
    whole_file_cases(&mut faults, "--events", "acled.csv", &acled(""));
    let big = ten_mb();
    let row = |date: &str, lat: &str, lon: &str| acled_row("T2", date, lat, lon, "Notes.");
    let cases: Vec<(&str, &str, String, Expect)> = vec![
        (
            "events.csv",
            "only a header",
            format!("{CSV_HEADER}\n"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "a row with a field too many",
            csv("2022-01-06,Aktau,B,,,extra"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "a row with fields missing",
            csv("2022-01-06"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "a quoted title over two lines",
            csv("2022-01-06,Aktau,\"Two\nlines\",,"),
            Expect::Accepted("read 2 of 2 rows"),
        ),
        (
            "events.csv",
            "NaN coordinates",
            csv("2022-01-06,,B,NaN,NaN"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "infinite coordinates",
            csv("2022-01-06,,B,inf,-inf"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "1e308 coordinates",
            csv("2022-01-06,,B,1e308,76"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "latitude 91",
            csv("2022-01-06,,B,91,76"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "30 February",
            csv("2022-02-30,Aktau,B,,"),
            Expect::RefusedAt,
        ),
        (
            "events.csv",
            "a year 9999",
            csv("9999-01-06,Aktau,B,,"),
            Expect::Refused,
        ),
        (
            "events.csv",
            "a 10 MB place",
            csv(&format!("2022-01-06,{big},B,,")),
            Expect::Accepted("name no known city or region"),
        ),
        (
            "acled.csv",
            "NaN latitude",
            acled(&row("2022-01-06", "NaN", "76.9")),
            Expect::RefusedAt,
        ),
        (
            "acled.csv",
            "latitude 95",
            acled(&row("2022-01-06", "95", "76.9")),
            Expect::RefusedAt,
        ),
        (
            "acled.csv",
            "a 13th month",
            acled(&row("2022-13-06", "43.2", "76.9")),
            Expect::RefusedAt,
        ),
        (
            "acled.csv",
            "a ragged row",
            acled("T3,2022-01-06,2022"),
            Expect::RefusedAt,
        ),
        (
            "events.json",
            "an events JSON cut short",
            r#"{"events": [{"id": "a", "start": "2022-01-05""#.into(),
            Expect::RefusedAt,
        ),
        (
            "events.json",
            "an event of three missing fields",
            r#"{"events": [{"id": "a", "title": {"en": "A"}}]}"#.into(),
            Expect::RefusedAt,
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, case, text, expect) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        faults.note(
            &format!("{name}, {case}"),
            check_own("--events", &path).fault(name, expect),
        );
    }
    faults.assert_none();
}
