//! Researchers' own data: region files of any provenance, ACLED and plain CSV events, datasets
//! made with `qantar init`, laid on the default dataset or on nothing. Every input is a file
//! these tests write (see `files.rs`).

#![expect(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "test helpers panic on a broken fixture"
)]

mod files;
mod manifest;

use qantar::data::{Dataset, OpenSpec, Place};
use std::path::Path;
use std::process::{Command, Output};

fn qantar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn open(spec: OpenSpec) -> Dataset {
    Dataset::open(&spec).unwrap_or_else(|e| panic!("{}", e.problems().join("\n")))
}

#[test]
fn todays_twenty_regions_show_the_january_periods_by_lineage_and_numeric_codes() {
    let dir = tempfile::tempdir().unwrap();
    let regions = files::kazakhstan_2023(dir.path());
    let data = open(OpenSpec {
        regions: Some(regions.clone()),
        ..OpenSpec::default()
    });
    assert_eq!(data.units.len(), 20);
    // The January units keep their ids (matched by their numeric codes); the carved-out ones
    // take theirs and their predecessor's periods.
    for id in [
        "KZ-MAN", "KZ-ALA", "KZ-AST", "KZ-SHY", "KZ-10", "KZ-33", "KZ-62",
    ] {
        let u = data
            .unit_by_id(id)
            .unwrap_or_else(|| panic!("{id} is a unit"));
        assert!(data.unit(u).geometry.is_some(), "{id} has its own outline");
        assert!(
            data.periods.iter().any(|p| p.unit == u),
            "{id} has a period"
        );
    }
    let abai = data.unit_by_id("KZ-10").unwrap();
    let vos = data.unit_by_id("KZ-VOS").unwrap();
    let period = |u| data.periods.iter().find(|p| p.unit == u).unwrap();
    assert_eq!(
        period(abai).declared.earliest,
        period(vos).declared.earliest
    );
    // Semey lies in today's Abai Region: placed there by its position.
    let semey = data.city_by_id("semey").unwrap();
    assert_eq!(data.city(semey).unit, abai);
    assert!(
        data.report
            .iter()
            .any(|l| l.contains("carved out of East Kazakhstan Region")),
        "{:#?}",
        data.report
    );

    // And from the command line: every unit under the state of emergency on 7 January.
    let out = qantar(&[
        "summary",
        "--regions",
        path(&regions),
        "--at",
        "2022-01-07T12:00",
        "--json",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let under = v["units_by_status"]["emergency"].as_array().unwrap();
    assert_eq!(under.len(), 20, "{under:?}");
    let check = qantar(&["check", "--regions", path(&regions)]);
    assert!(check.status.success(), "{}", text(&check));
    assert!(text(&check).contains("20 units"), "{}", text(&check));
    assert!(!text(&check).contains("warning: unit"), "{}", text(&check));
}

#[test]
fn an_acled_export_loads_every_good_row_and_names_each_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let csv = files::acled_current(dir.path());
    let data = open(OpenSpec {
        events: Some(csv.clone()),
        ..OpenSpec::default()
    });
    assert_eq!(data.events.len(), 4);
    assert_eq!(data.skipped, 2);
    // An ACLED date is a day: no minute is invented.
    assert!(data.events.iter().all(|e| !e.start.time_known));
    let riot = &data.events[data.event_by_id("TST3").unwrap().index()];
    assert_eq!(data.meta.kind(riot.kind).id, "casualties");
    assert_eq!(
        riot.original_kind.as_deref(),
        Some("Riots / Violent demonstration")
    );
    assert_eq!(riot.figures[0].values[0].value, 8);
    assert_eq!(riot.figures[0].values[0].by, "ACLED");
    assert_eq!(riot.place, Place::City(data.city_by_id("almaty").unwrap()));
    let source = data.source(riot.sources[0]);
    assert_eq!(
        (source.title.as_str(), source.url.as_deref()),
        ("Test Wire", None)
    );
    // No coordinates: placed by its location, a known city; its week-wide date is flagged.
    let arrests = &data.events[data.event_by_id("TST4").unwrap().index()];
    assert_eq!(
        arrests.place,
        Place::City(data.city_by_id("taldykorgan").unwrap())
    );
    assert!(arrests.precision.date_inferred);
    // The multi-line note is the description.
    let first = &data.events[data.event_by_id("TST1").unwrap().index()];
    assert!(
        first
            .description
            .get(qantar::i18n::Lang::En)
            .contains("\nover the price")
    );

    let out = qantar(&["check", "--events", path(&csv)]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let report = text(&out);
    assert!(report.contains("line 7, column \"event_date\""), "{report}");
    assert!(report.contains("line 8, column \"latitude\""), "{report}");
    assert!(
        report.contains("2 record(s) of the files were skipped"),
        "{report}"
    );
    let summary = qantar(&["summary", "--events", path(&csv), "--at", "2022-01-05"]);
    assert!(summary.status.success(), "{}", text(&summary));
    assert!(
        text(&summary).contains("Zhanaozen (2 January)"),
        "{}",
        text(&summary)
    );
}

#[test]
fn an_older_acled_layout_loads_too() {
    let dir = tempfile::tempdir().unwrap();
    let data = open(OpenSpec {
        events: Some(files::acled_old(dir.path())),
        ..OpenSpec::default()
    });
    assert_eq!(data.events.len(), 2);
    assert_eq!(data.skipped, 0);
    let battle = &data.events[data.event_by_id("OLD2").unwrap().index()];
    assert_eq!(data.meta.kind(battle.kind).id, "casualties");
    let aktau = &data.events[data.event_by_id("OLD1").unwrap().index()];
    assert_eq!(aktau.place, Place::City(data.city_by_id("aktau").unwrap()));
}

#[test]
fn another_country_opens_bare_with_guessed_properties_and_a_repaired_bow_tie() {
    let dir = tempfile::tempdir().unwrap();
    let regions = files::grid_country(dir.path());
    let events = files::grid_events(dir.path());
    let data = open(OpenSpec {
        regions: Some(regions.clone()),
        events: Some(events.clone()),
        bare: true,
        ..OpenSpec::default()
    });
    assert_eq!(data.units.len(), 20);
    assert_eq!(data.units[0].id, "RT01");
    assert_eq!(
        data.units[0].names.get(qantar::i18n::Lang::En),
        "Province 1"
    );
    let bow_tie = data.unit(data.unit_by_id("RT08").unwrap());
    let area = geo::Area::unsigned_area(bow_tie.geometry.as_ref().unwrap());
    assert!(
        (area - 2.0).abs() < 1e-9,
        "the bow-tie's two triangles: {area}"
    );
    assert!(
        data.report
            .iter()
            .any(|l| l.contains("RT08") && l.contains("repaired"))
    );
    assert_eq!(data.events.len(), 3);
    assert!(
        data.meta.kind_by_id("strike").is_some(),
        "an unknown kind is added"
    );
    let curfew = &data.events[2];
    assert_eq!(curfew.place, Place::Unit(data.unit_by_id("RT12").unwrap()));
    assert_eq!(data.meta.window.0.to_string(), "2031-03-26");
    assert_eq!(data.meta.window.1.to_string(), "2031-03-28");

    let out = qantar(&[
        "check",
        "--bare",
        "--regions",
        path(&regions),
        "--events",
        path(&events),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let report = text(&out);
    assert!(
        report.contains("ids from property \"ADM1_PCODE\""),
        "{report}"
    );
    assert!(
        report.contains("names from property \"ADM1_EN\" (guessed)"),
        "{report}"
    );
}

#[test]
fn a_topojson_file_opens_with_its_shared_arcs() {
    let dir = tempfile::tempdir().unwrap();
    let data = open(OpenSpec {
        regions: Some(files::topojson(dir.path())),
        bare: true,
        ..OpenSpec::default()
    });
    let ids: Vec<&str> = data.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["RT.WE", "RT.MI", "RT.EA"]);
    let middle = data.unit(data.unit_by_id("RT.MI").unwrap()).bbox.unwrap();
    assert!((middle.min().x - 22.0).abs() < 1e-9 && (middle.max().x - 24.0).abs() < 1e-9);
}

#[test]
fn a_region_file_that_matches_nothing_reports_what_it_breaks() {
    let dir = tempfile::tempdir().unwrap();
    let regions = files::grid_country(dir.path());
    let out = qantar(&["check", "--regions", path(&regions)]);
    let report = text(&out);
    assert!(report.contains("17 status periods dropped"), "{report}");
    assert!(
        report.contains("20 regions match no unit of the dataset"),
        "{report}"
    );
    assert!(report.contains("warning: unit \"RT01\""), "{report}");
}

#[test]
fn a_bad_region_id_property_lists_the_ones_there_are() {
    let dir = tempfile::tempdir().unwrap();
    let regions = files::grid_country(dir.path());
    let out = qantar(&[
        "check",
        "--bare",
        "--regions",
        path(&regions),
        "--region-id",
        "ISO",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report = text(&out);
    assert!(report.contains("ruritania-adm1.geojson"), "{report}");
    assert!(report.contains("ADM1_PCODE"), "{report}");
}

/// Writes this file's inputs into `$QANTAR_DEMO_DIR` to try them by hand or take screenshots:
/// `QANTAR_DEMO_DIR=/tmp/demo cargo test --test own_data -- --ignored write_demo_files`.
#[test]
#[ignore = "writes files for a person to open; run it by name"]
fn write_demo_files() {
    let dir = std::path::PathBuf::from(std::env::var("QANTAR_DEMO_DIR").expect("QANTAR_DEMO_DIR"));
    std::fs::create_dir_all(&dir).unwrap();
    files::kazakhstan_2023(&dir);
    files::acled_current(&dir);
    files::acled_old(&dir);
    files::grid_country(&dir);
    files::grid_events(&dir);
    files::topojson(&dir);
}

#[test]
fn an_export_with_filters_says_so_and_refuses_an_unknown_kind() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("airport.png");
    let out = qantar(&[
        "export",
        "--at",
        "2022-01-06",
        "--kinds",
        "violence,clash",
        "--filter",
        "airport",
        "--width",
        "640",
        "--height",
        "400",
        "--out",
        path(&out_path),
    ]);
    assert!(out.status.success(), "{}", text(&out));
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&out_path).unwrap(),
    ));
    let reader = decoder.read_info().unwrap();
    let filters = reader
        .info()
        .utf8_text
        .iter()
        .find(|t| t.keyword == "Filters")
        .map(|t| t.get_text().unwrap())
        .expect("a Filters chunk");
    assert_eq!(filters, "kinds: violence, clash; text: \"airport\"");
    let bad = qantar(&[
        "export",
        "--at",
        "2022-01-06",
        "--kinds",
        "riot",
        "--out",
        path(&out_path),
        "--force",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        text(&bad).contains("\"riot\" is not a kind of this dataset"),
        "{}",
        text(&bad)
    );
}

#[test]
fn an_admin1_without_coordinates_finds_its_region_across_spellings() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("admin1.csv");
    let header = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities";
    let rows = [
        "A1,2022-01-04,2022,1,Protests,Peaceful protest,Kazakhstan,Aktyubinsk,,,,3,Wire,Old name of Aktobe Region.,0",
        "A2,2022-01-04,2022,1,Protests,Peaceful protest,Kazakhstan,Mangistau,,,,3,Wire,Another spelling of Mangystau.,0",
        "A3,2022-01-05,2022,1,Protests,Peaceful protest,Kazakhstan,Almaty City,,,,3,Wire,The city not the region.,0",
        "A4,2022-01-05,2022,1,Protests,Peaceful protest,Kazakhstan,Abai,,,,3,Wire,A region of a later layout.,0",
    ];
    std::fs::write(&csv, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
    let data = open(OpenSpec {
        events: Some(csv),
        ..OpenSpec::default()
    });
    let unit_of = |id: &str| match data.events[data.event_by_id(id).unwrap().index()].place {
        Place::Unit(u) => data.unit(u).id.clone(),
        other => panic!("{id} is at {other:?}"),
    };
    assert_eq!(unit_of("A1"), "KZ-AKT");
    assert_eq!(unit_of("A2"), "KZ-MAN");
    assert_eq!(unit_of("A3"), "KZ-ALA");
    // Abai did not exist in January 2022: its events go to the unit it was carved out of.
    assert_eq!(unit_of("A4"), "KZ-VOS");
}
