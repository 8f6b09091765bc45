//! Every file of a dataset folder broken in the same ways: empty, cut in half, of the wrong
//! type, nested 100,000 deep, UTF-16, a byte that is not UTF-8, a byte-order mark, a pipe, a
//! folder; a null record and a record with a 10 MB id; and the manifest naming files it must
//! not read.

use crate::{Expect, Faults, check, copy, copy_with, json_of, ten_mb};
use std::process::Command;

/// Each file of the default dataset, and the key of its list of records (none for the
/// manifest and lineage).
const FILES: [(&str, Option<&str>); 9] = [
    ("dataset.json", None),
    ("units.geojson", Some("features")),
    ("context.geojson", Some("features")),
    ("cities.json", Some("cities")),
    ("events.json", Some("events")),
    ("periods.json", Some("periods")),
    ("sources.json", Some("sources")),
    ("story.json", Some("chapters")),
    ("lineage.json", None),
];

fn original(file: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("geodata")
        .join(file);
    std::fs::read(path).unwrap()
}

#[test]
fn every_dataset_file_broken_as_a_whole() {
    let mut faults = Faults::default();
    for (file, _) in FILES {
        let text = original(file);
        let half = &text[..text.len() / 2];
        let utf16: Vec<u8> = String::from_utf8(text.clone())
            .unwrap()
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let mut latin1 = text.clone();
        let third_line = latin1
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(1)
            .map_or(0, |(i, _)| i + 1);
        latin1.insert(third_line, 0xE9);
        let deep = "[".repeat(100_000);
        let bom = [b"\xEF\xBB\xBF".as_slice(), &text].concat();
        let cases: [(&str, Vec<u8>, Expect); 8] = [
            ("empty", Vec::new(), Expect::Refused),
            ("cut in half", half.to_vec(), Expect::RefusedAt),
            ("a number, not an object", b"42".to_vec(), Expect::RefusedAt),
            ("a list, not an object", b"[]".to_vec(), Expect::RefusedAt),
            ("100,000-deep nesting", deep.into_bytes(), Expect::RefusedAt),
            ("UTF-16", utf16, Expect::RefusedAt),
            ("a Latin-1 byte", latin1, Expect::RefusedAt),
            (
                "a byte-order mark",
                bom,
                Expect::Accepted("starts with a UTF-8 byte-order mark"),
            ),
        ];
        for (case, bytes, expect) in cases {
            let dir = copy_with(file, &bytes);
            faults.note(
                &format!("{file}, {case}"),
                check(dir.path()).fault(file, expect),
            );
        }
        // A pipe and a folder in the file's place.
        let dir = copy();
        let path = dir.path().join(file);
        std::fs::remove_file(&path).unwrap();
        let made = Command::new("mkfifo").arg(&path).status();
        assert!(made.is_ok_and(|s| s.success()));
        let pipe = check(dir.path()).fault(file, Expect::Refused);
        faults.note(&format!("{file}, a pipe"), pipe);
        std::fs::remove_file(&path).unwrap();
        std::fs::create_dir(&path).unwrap();
        let folder = check(dir.path()).fault(file, Expect::Refused);
        faults.note(&format!("{file}, a folder"), folder);
    }
    faults.assert_none();
}

#[test]
fn a_null_record_and_a_10_mb_id_in_every_list() {
    let mut faults = Faults::default();
    for (file, key) in FILES {
        let Some(key) = key else { continue };
        let mut value = json_of(file);
        let list = value[key].as_array_mut().unwrap();
        list.insert(0, serde_json::Value::Null);
        let dir = copy_with(file, value.to_string().as_bytes());
        faults.note(
            &format!("{file}, a null record"),
            check(dir.path()).fault(file, Expect::RefusedAt),
        );
        let mut value = json_of(file);
        let list = value[key].as_array_mut().unwrap();
        list.insert(0, serde_json::json!({ "id": ten_mb() }));
        let dir = copy_with(file, value.to_string().as_bytes());
        faults.note(
            &format!("{file}, a record of a 10 MB id and nothing else"),
            check(dir.path()).fault(file, Expect::RefusedAt),
        );
    }
    faults.assert_none();
}

#[test]
fn a_manifest_naming_what_it_must_not_read() {
    let mut faults = Faults::default();
    let cases = [
        ("/dev/zero", "events"),
        ("/dev/urandom", "events"),
        ("/etc/passwd", "sources"),
        ("../events.json", "events"),
        ("data/../../x.json", "periods"),
    ];
    for (path, key) in cases {
        let mut manifest = json_of("dataset.json");
        manifest["files"][key] = path.into();
        let dir = copy_with("dataset.json", manifest.to_string().as_bytes());
        let outcome = check(dir.path());
        faults.note(
            &format!("dataset.json naming {path}"),
            outcome.fault("dataset.json", Expect::RefusedAt),
        );
        if !outcome.text.contains("outside the dataset's folder") {
            faults.note(path, Some("not said to be outside the folder".into()));
        }
    }
    // A window of more than a century, and one that ends before it starts.
    for (start, end) in [("1900-01-01", "9999-12-31"), ("2022-01-25", "2022-01-01")] {
        let mut manifest = json_of("dataset.json");
        manifest["window"] = serde_json::json!({ "start": start, "end": end });
        let dir = copy_with("dataset.json", manifest.to_string().as_bytes());
        faults.note(
            &format!("a window from {start} to {end}"),
            check(dir.path()).fault("dataset.json", Expect::RefusedAt),
        );
    }
    faults.assert_none();
}
