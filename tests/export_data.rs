//! `qantar export-data` as a user runs it, on the embedded dataset and on `tests/data/tiny`:
//! every format parses back, holds every event (and period), and writes no minute the record
//! does not have.

#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture"
)]

use qantar::data::Dataset;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn qantar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn tiny() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/tiny")
}

/// Runs `export-data` with `args` then `--out dir/name`, and returns what it wrote.
fn export(dir: &Path, name: &str, args: &[&str]) -> String {
    let out = dir.join(name);
    let mut all = vec!["export-data"];
    all.extend(args);
    all.extend(["--out", out.to_str().unwrap()]);
    let run = qantar(&all);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    std::fs::read_to_string(&out).expect("the file was written")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn csv_rows(text: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    reader.records().map(Result::unwrap).collect()
}

fn column(text: &str, name: &str) -> usize {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    header.iter().position(|h| h == name).unwrap()
}

/// The row of event `id`, as a lookup by column name.
fn row<'a>(text: &'a str, rows: &'a [csv::StringRecord], id: &str) -> impl Fn(&str) -> String + 'a {
    let r = rows
        .iter()
        .find(|r| &r[0] == id)
        .expect("the event has a row");
    move |name| r[column(text, name)].to_owned()
}

#[test]
fn csv_has_one_row_per_event_with_honest_times_points_and_sources() {
    let data = Dataset::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.csv");
    let run = qantar(&["export-data", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        stderr(&run).trim(),
        format!(
            "qantar: wrote {} events to {}",
            data.events.len(),
            out.display()
        )
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), data.events.len());

    // Known only to the evening of its day: the date alone, never a minute.
    let cordon = row(&text, &rows, "2022-01-03-aktau-police-cordon");
    assert_eq!(cordon("start"), "2022-01-03");
    assert_eq!(cordon("time_known"), "false");
    assert_eq!(cordon("time_of_day"), "evening");
    assert_eq!(cordon("place"), "aktau");
    let aktau = &data.cities[data.city_by_id("aktau").unwrap().index()];
    assert_eq!(cordon("lon").parse::<f64>().unwrap(), aktau.position.x());
    assert_eq!(cordon("lat").parse::<f64>().unwrap(), aktau.position.y());
    assert!(cordon("urls").split(' ').all(|u| u.starts_with("http")));

    // Known only within an interval: its two ends, on the dataset's clock.
    let decrees = row(&text, &rows, "2022-01-05-emergency-all-regions");
    assert_eq!(decrees("start"), "2022-01-05T16:00:00+06:00");
    assert_eq!(decrees("latest"), "2022-01-06T00:00:00+06:00");

    // Reported in western local time (UTC+5), written on the dataset's clock.
    let gathering = row(&text, &rows, "2022-01-01-zhanaozen-first-gathering");
    assert_eq!(gathering("start"), "2022-01-01T18:20:00+06:00");
    assert_eq!(gathering("end"), "2022-01-01T19:00:00+06:00");

    // A national event has no point.
    let national = row(&text, &rows, "2022-01-01-lpg-price-cap-lifted");
    assert_eq!(
        (national("lon"), national("lat")),
        (String::new(), String::new())
    );
    assert_eq!(national("place"), "KZ");

    let start = column(&text, "start");
    let sources = column(&text, "sources");
    for (r, event) in rows.iter().zip(&data.events) {
        assert_eq!(&r[0], event.id, "the dataset's order");
        if event.start.time_known {
            assert!(r[start].ends_with("+06:00"), "{}", &r[start]);
        } else if event.latest.is_none() {
            assert_eq!(r[start].len(), 10, "a date alone: {}", &r[start]);
        }
        let titles: Vec<&str> = event
            .sources
            .iter()
            .map(|&s| data.source(s).title.as_str())
            .collect();
        assert_eq!(r[sources], titles.join("; "), "every source, in order");
    }
}

#[test]
fn geojson_is_a_feature_collection_of_points_with_sources_as_pairs() {
    let data = Dataset::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let v: Value = serde_json::from_str(&export(dir.path(), "events.geojson", &[])).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), data.events.len());
    let by_id = |id: &str| features.iter().find(|f| f["id"] == id).unwrap();

    let cordon = by_id("2022-01-03-aktau-police-cordon");
    assert_eq!(cordon["geometry"]["type"], "Point");
    let aktau = &data.cities[data.city_by_id("aktau").unwrap().index()];
    assert_eq!(
        cordon["geometry"]["coordinates"],
        serde_json::json!([aktau.position.x(), aktau.position.y()])
    );
    assert_eq!(cordon["properties"]["start"], "2022-01-03");
    assert_eq!(cordon["properties"]["time_known"], false);
    let source = &cordon["properties"]["sources"][0];
    assert!(source["title"].is_string());
    assert!(source["url"].as_str().unwrap().starts_with("http"));

    assert!(by_id("2022-01-01-lpg-price-cap-lifted")["geometry"].is_null());
    // A plain .json is GeoJSON too.
    let plain: Value = serde_json::from_str(&export(dir.path(), "events.json", &[])).unwrap();
    assert_eq!(plain, v);
}

fn has_time(date: &Value) -> bool {
    date.get("hour").is_some() || date.get("minute").is_some()
}

#[test]
fn timelinejs_has_a_slide_per_event_and_an_era_per_period() {
    let data = Dataset::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = export(dir.path(), "events.json", &["--format", "timelinejs"]);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(v["title"]["text"]["headline"].is_string());
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), data.events.len());
    let by_id = |id: &str| events.iter().find(|e| e["unique_id"] == id).unwrap();

    let cordon = &by_id("2022-01-03-aktau-police-cordon")["start_date"];
    assert_eq!(
        (&cordon["year"], &cordon["month"], &cordon["day"]),
        (&2022.into(), &1.into(), &3.into())
    );
    assert!(!has_time(cordon), "no hour for an unknown time: {cordon}");
    assert!(cordon["display_date"].as_str().unwrap().contains("evening"));
    let interval = &by_id("2022-01-05-emergency-all-regions")["start_date"];
    assert!(
        !has_time(interval),
        "no hour inside an interval: {interval}"
    );
    let gathering = &by_id("2022-01-01-zhanaozen-first-gathering");
    assert_eq!(gathering["start_date"]["hour"], 18);
    assert_eq!(gathering["start_date"]["minute"], 20);
    assert_eq!(gathering["end_date"]["hour"], 19);
    let slide = by_id("2022-01-03-aktau-police-cordon");
    assert!(
        slide["text"]["text"]
            .as_str()
            .unwrap()
            .contains("<a href=\"http")
    );
    assert!(slide["group"].is_string());

    let eras = v["eras"].as_array().unwrap();
    assert_eq!(eras.len(), data.periods.len());
    let era = |unit: &str| {
        eras.iter()
            .find(|e| {
                e["text"]["headline"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("— {unit}"))
            })
            .unwrap()
    };
    // Almaty Region: declared at 12:30 on 5 January; Akmola Region: at an unknown hour.
    let almaty = era("Almaty Region");
    assert_eq!(
        almaty["text"]["headline"],
        "State of emergency — Almaty Region"
    );
    assert_eq!(almaty["start_date"]["hour"], 12);
    assert_eq!(almaty["start_date"]["minute"], 30);
    let akmola = era("Akmola Region");
    assert!(!has_time(&akmola["start_date"]));
    assert_eq!(akmola["start_date"]["day"], 5);

    // The name says TimelineJS too.
    let named = export(dir.path(), "story.timeline.json", &[]);
    assert_eq!(named, text);
}

fn kml_counts(text: &str) -> (usize, usize, usize, usize) {
    let doc = roxmltree::Document::parse(text).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "kml");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.opengis.net/kml/2.2")
    );
    let count = |name: &str| {
        doc.descendants()
            .filter(|n| n.tag_name().name() == name)
            .count()
    };
    (
        count("Placemark"),
        count("TimeSpan"),
        count("TimeStamp"),
        count("Polygon"),
    )
}

#[test]
fn kml_parses_with_a_placemark_per_event_and_per_period() {
    let data = Dataset::embedded().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("atlas.kml");
    let run = qantar(&["export-data", "--out", out.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(
        stderr(&run).trim(),
        format!(
            "qantar: wrote {} events and {} periods to {}",
            data.events.len(),
            data.periods.len(),
            out.display()
        )
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let (placemarks, spans, stamps, polygons) = kml_counts(&text);
    assert_eq!(placemarks, data.events.len() + data.periods.len());
    // One known minute is a TimeStamp; anything less precise, or lasting, is a TimeSpan, and
    // so is every period.
    let exact = data
        .events
        .iter()
        .filter(|e| e.time_is_exact() && e.end.is_none())
        .count();
    assert_eq!(stamps, exact);
    assert_eq!(spans, data.events.len() - exact + data.periods.len());
    assert!(polygons >= data.periods.len() - 1);

    let doc = roxmltree::Document::parse(&text).unwrap();
    let placemark = |name: &str| {
        doc.descendants()
            .filter(|n| n.has_tag_name("Placemark"))
            .find(|p| {
                p.children()
                    .any(|c| c.has_tag_name("name") && c.text() == Some(name))
            })
            .unwrap()
    };
    let child_text = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.descendants()
            .find(|n| n.has_tag_name(name))
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    // The evening of 3 January: from 18:00 to midnight.
    let cordon = data
        .event(data.event_by_id("2022-01-03-aktau-police-cordon").unwrap())
        .title
        .get(qantar::i18n::Lang::En)
        .to_owned();
    let cordon = placemark(&cordon);
    assert_eq!(
        child_text(cordon, "begin").as_deref(),
        Some("2022-01-03T18:00:00+06:00")
    );
    assert_eq!(
        child_text(cordon, "end").as_deref(),
        Some("2022-01-04T00:00:00+06:00")
    );
    assert!(
        child_text(cordon, "description")
            .unwrap()
            .contains("<a href=\"http")
    );
    // Akmola: declared between 16:00 on 5 January and midnight, so the span opens at 16:00.
    let akmola = placemark("State of emergency — Akmola Region");
    assert_eq!(
        child_text(akmola, "begin").as_deref(),
        Some("2022-01-05T16:00:00+06:00")
    );
    assert_eq!(child_text(akmola, "styleUrl").as_deref(), Some("#status-0"));
    assert!(
        akmola
            .descendants()
            .any(|n| n.has_tag_name("outerBoundaryIs"))
    );
    let colour = doc
        .descendants()
        .find(|n| n.has_tag_name("PolyStyle"))
        .and_then(|s| child_text(s, "color"))
        .unwrap();
    assert_eq!(colour.len(), 8, "aabbggrr: {colour}");
}

#[test]
fn every_format_works_on_another_dataset_and_its_clock() {
    let data = Dataset::load_dir(&tiny()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let tiny = tiny();
    let with = |name: &str| export(dir.path(), name, &["--data", tiny.to_str().unwrap()]);

    let text = with("tiny.csv");
    let rows = csv_rows(&text);
    assert_eq!(rows.len(), data.events.len());
    assert_eq!(row(&text, &rows, "beta-sit-in")("start"), "2030-03-01");
    assert_eq!(
        row(&text, &rows, "alpha-clash")("start"),
        "2030-03-02T11:00:00-03:00"
    );
    let rally = row(&text, &rows, "gamma-rally");
    assert_eq!(
        (rally("start"), rally("latest")),
        (
            "2030-03-03T12:00:00-03:00".to_owned(),
            "2030-03-03T16:00:00-03:00".to_owned()
        )
    );

    let v: Value = serde_json::from_str(&with("tiny.geojson")).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), data.events.len());

    let v: Value = serde_json::from_str(&with("tiny.timeline.json")).unwrap();
    assert_eq!(v["events"].as_array().unwrap().len(), data.events.len());
    assert_eq!(v["eras"].as_array().unwrap().len(), data.periods.len());
    assert!(
        v["eras"][0]["text"]["headline"]
            .as_str()
            .unwrap()
            .starts_with("Curfew — ")
    );
    let sit_in = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["unique_id"] == "beta-sit-in")
        .unwrap();
    assert!(!has_time(&sit_in["start_date"]));

    let (placemarks, spans, _, _) = kml_counts(&with("tiny.kml"));
    assert_eq!(placemarks, data.events.len() + data.periods.len());
    assert!(spans >= data.periods.len());
}

#[test]
fn an_existing_file_is_kept_and_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("events.csv");
    std::fs::write(&out, "keep me").unwrap();
    let run = qantar(&["export-data", "--out", out.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains(&out.display().to_string()),
        "{}",
        stderr(&run)
    );
    assert!(stderr(&run).contains("--force"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    let run = qantar(&["export-data", "--out", out.to_str().unwrap(), "--force"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_ne!(std::fs::read_to_string(&out).unwrap(), "keep me");

    let unknown = dir.path().join("events.txt");
    let run = qantar(&["export-data", "--out", unknown.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("events.txt"), "{}", stderr(&run));
    assert!(!unknown.exists());

    let nowhere = dir.path().join("no-such-folder/events.kml");
    let run = qantar(&["export-data", "--out", nowhere.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("no-such-folder"), "{}", stderr(&run));

    let run = qantar(&["export-data", "--format", "xls", "--out", "x.xls"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("csv, geojson, timelinejs or kml"));
    // Nothing but the kept file is left in the folder.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
