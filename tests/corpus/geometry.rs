//! A dataset's own records gone wrong one field at a time: unit outlines (numbers that are
//! not coordinates, rings that are not rings, shapes that would draw wrongly), and events,
//! periods, cities, sources and chapters with impossible dates, unknown references,
//! duplicate ids and wrong types.

use crate::{Expect, Faults, check, copy_with, json_of};
use serde_json::{Value, json};

/// A stand-in number in the JSON, replaced in the text by what JSON values cannot hold.
const MARK: &str = "123456.25";

/// The units file with the first unit's geometry (or, with `key` "label" or "id", that
/// property) set to `value`, written with `literal` in place of [`MARK`].
fn units_with(key: &str, value: Value, literal: &str) -> Vec<u8> {
    let mut units = json_of("units.geojson");
    let first = &mut units["features"][0];
    match key {
        "geometry" => first["geometry"] = value,
        _ => first["properties"][key] = value,
    }
    units.to_string().replace(MARK, literal).into_bytes()
}

fn ring(points: &[[f64; 2]]) -> Value {
    json!({ "type": "Polygon", "coordinates": [points] })
}

#[test]
fn unit_outlines_that_are_not_outlines() {
    let mark: f64 = MARK.parse().unwrap();
    let square = |corner: [f64; 2]| {
        ring(&[
            corner,
            [70.0, 45.0],
            [70.0, 46.0],
            [69.0, 46.0],
            [69.0, 45.0],
        ])
    };
    let cases: Vec<(&str, &str, Value, &str)> = vec![
        ("NaN", "geometry", square([mark, 45.0]), "NaN"),
        ("Infinity", "geometry", square([mark, 45.0]), "Infinity"),
        ("-Infinity", "geometry", square([mark, 45.0]), "-Infinity"),
        ("1e400", "geometry", square([mark, 45.0]), "1e400"),
        ("1e308", "geometry", square([mark, 45.0]), "1e308"),
        ("latitude 91", "geometry", square([69.0, mark]), "91"),
        (
            "an unclosed ring",
            "geometry",
            ring(&[[69.0, 45.0], [70.0, 45.0], [70.0, 46.0], [69.0, 46.0]]),
            MARK,
        ),
        (
            "a 2-point ring",
            "geometry",
            ring(&[[69.0, 45.0], [70.0, 45.0]]),
            MARK,
        ),
        (
            "no coordinates",
            "geometry",
            json!({ "type": "Polygon", "coordinates": [] }),
            MARK,
        ),
        ("no geometry", "geometry", Value::Null, MARK),
        (
            "a point",
            "geometry",
            json!({ "type": "Point", "coordinates": [69.0, 45.0] }),
            MARK,
        ),
        (
            "a bow-tie",
            "geometry",
            ring(&[
                [69.0, 45.0],
                [70.0, 46.0],
                [70.0, 45.0],
                [69.0, 46.0],
                [69.0, 45.0],
            ]),
            MARK,
        ),
        (
            "a spike across half the map",
            "geometry",
            ring(&[
                [69.0, 45.0],
                [70.0, 45.0],
                [70.0, 46.0],
                [85.0, 46.0],
                [70.0, 46.0],
                [69.0, 46.0],
                [69.0, 45.0],
            ]),
            MARK,
        ),
        (
            "zero area",
            "geometry",
            ring(&[[69.0, 45.0], [70.0, 46.0], [71.0, 47.0], [69.0, 45.0]]),
            MARK,
        ),
        (
            "an empty MultiPolygon",
            "geometry",
            json!({ "type": "MultiPolygon", "coordinates": [] }),
            MARK,
        ),
        (
            "a label point far outside",
            "label",
            json!([0.0, 0.0]),
            MARK,
        ),
        ("a label point of NaN", "label", json!([mark, 0.0]), "NaN"),
    ];
    let mut faults = Faults::default();
    for (case, key, value, literal) in cases {
        let dir = copy_with("units.geojson", &units_with(key, value, literal));
        let outcome = check(dir.path());
        faults.note(case, outcome.fault("units.geojson", Expect::RefusedAt));
    }
    // Two units with one id.
    let mut units = json_of("units.geojson");
    units["features"][1]["properties"]["id"] = units["features"][0]["properties"]["id"].clone();
    let dir = copy_with("units.geojson", units.to_string().as_bytes());
    let outcome = check(dir.path());
    faults.note(
        "a duplicate id",
        outcome.fault("units.geojson", Expect::RefusedAt),
    );
    faults.assert_none();
}

/// Changes to a record: each key set to a value, or removed (`None`).
type Changes<'a> = Vec<(&'a str, Option<Value>)>;

/// `file` with its first record's `key` set to `value` (or the key removed when `None`).
fn record_with(file: &str, list: &str, changes: &[(&str, Option<Value>)]) -> Vec<u8> {
    let mut value = json_of(file);
    let first = &mut value[list][0];
    for (key, v) in changes {
        match v {
            Some(v) => first[*key] = v.clone(),
            None => {
                first.as_object_mut().unwrap().remove(*key);
            }
        }
    }
    value.to_string().into_bytes()
}

#[test]
fn records_with_a_field_gone_wrong() {
    let s = |v: &str| Some(Value::String(v.into()));
    let first_event = json_of("events.json")["events"][0]["id"].clone();
    let cases: Vec<(&str, &str, &str, Changes)> = vec![
        (
            "events.json",
            "events",
            "30 February",
            vec![("start", s("2022-02-30"))],
        ),
        (
            "events.json",
            "events",
            "a date in words",
            vec![("start", s("yesterday"))],
        ),
        (
            "events.json",
            "events",
            "an unknown place",
            vec![("place", s("atlantis"))],
        ),
        (
            "events.json",
            "events",
            "an unknown source",
            vec![("sources", Some(json!(["nope"])))],
        ),
        (
            "events.json",
            "events",
            "an unknown kind",
            vec![("kind", s("parade"))],
        ),
        (
            "events.json",
            "events",
            "a title of the wrong type",
            vec![("title", Some(json!(42)))],
        ),
        (
            "events.json",
            "events",
            "three fields missing",
            vec![("start", None), ("kind", None), ("sources", None)],
        ),
        (
            "periods.json",
            "periods",
            "declared in 1900",
            vec![("declared", Some(json!({"at": "1900-01-05T16:00"})))],
        ),
        (
            "periods.json",
            "periods",
            "an unknown unit",
            vec![("unit", s("KZ-XXX"))],
        ),
        (
            "periods.json",
            "periods",
            "an unknown status",
            vec![("status", s("martial"))],
        ),
        (
            "cities.json",
            "cities",
            "latitude 91",
            vec![("lat", Some(json!(91.0)))],
        ),
        (
            "cities.json",
            "cities",
            "an unknown unit",
            vec![("unit", s("KZ-XXX"))],
        ),
        (
            "sources.json",
            "sources",
            "an unknown kind",
            vec![("kind", s("rumour"))],
        ),
        (
            "story.json",
            "chapters",
            "an unknown event",
            vec![("events", Some(json!(["nope"])))],
        ),
        (
            "story.json",
            "chapters",
            "an impossible instant",
            vec![("at", s("2022-13-01T00:00"))],
        ),
    ];
    let mut faults = Faults::default();
    for (file, list, case, changes) in cases {
        let dir = copy_with(file, &record_with(file, list, &changes));
        let outcome = check(dir.path());
        faults.note(
            &format!("{file}, {case}"),
            outcome.fault(file, Expect::RefusedAt),
        );
    }
    // Ends in 9999, lifted in 9999: read (an event or a status may outlast the window), and
    // warned of.
    let outlasting: [(&str, &str, Changes); 2] = [
        ("events.json", "events", vec![("end", s("9999-01-05"))]),
        (
            "periods.json",
            "periods",
            vec![("lifted", Some(json!({"at": "9999-01-05T00:00"})))],
        ),
    ];
    for (file, list, changes) in outlasting {
        let dir = copy_with(file, &record_with(file, list, &changes));
        let outcome = check(dir.path());
        let warned = Expect::Accepted("on 9999-01-05, outside the dataset's window");
        faults.note(
            &format!("{file}, a year 9999 end"),
            outcome.fault(file, warned),
        );
    }
    // The first event twice.
    let mut events = json_of("events.json");
    let twin = events["events"][0].clone();
    events["events"].as_array_mut().unwrap().push(twin);
    let dir = copy_with("events.json", events.to_string().as_bytes());
    let outcome = check(dir.path());
    faults.note(
        &format!("events.json, the id {first_event} twice"),
        outcome.fault("events.json", Expect::RefusedAt),
    );
    faults.assert_none();
}
