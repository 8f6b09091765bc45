//! Reading whole files: formats, errors, and the choice of ids and names.

use super::*;

/// A closed counter-clockwise square, as GeoJSON Polygon coordinates.
pub(super) fn square(west: f64, south: f64, size: f64) -> String {
    let (east, north) = (west + size, south + size);
    format!(
        "[[[{west},{south}],[{east},{south}],[{east},{north}],[{west},{north}],[{west},{south}]]]"
    )
}

pub(super) fn polygon(coordinates: &str) -> String {
    format!(r#"{{"type":"Polygon","coordinates":{coordinates}}}"#)
}

pub(super) fn feature(properties: &str, geometry: &str) -> String {
    format!(r#"{{"type":"Feature","properties":{properties},"geometry":{geometry}}}"#)
}

pub(super) fn collection(features: &[String]) -> String {
    format!(
        r#"{{"type":"FeatureCollection","features":[{}]}}"#,
        features.join(",")
    )
}

pub(super) fn read(text: &str) -> RegionsReport {
    read_regions(text, &RegionOptions::default()).unwrap()
}

pub(super) fn read_error(text: &str, options: &RegionOptions) -> RegionsError {
    read_regions(text, options).unwrap_err()
}

/// Twenty 1° squares in a row from 50°E, 45°N, with geoBoundaries' property names.
fn twenty_units() -> String {
    let features: Vec<String> = (1..=20)
        .map(|i| {
            let properties = format!(
                r#"{{"shapeISO":"KZ-{i:02}","shapeName":"Region {i}","shapeGroup":"KAZ","shapeType":"ADM1"}}"#
            );
            feature(&properties, &polygon(&square(49.0 + f64::from(i), 45.0, 1.0)))
        })
        .collect();
    collection(&features)
}

#[test]
fn twenty_units_with_geoboundaries_names_are_guessed() {
    let report = read(&twenty_units());
    assert_eq!(report.format, Format::GeoJson);
    assert_eq!(report.regions.len(), 20);
    assert!(report.skipped.is_empty());
    assert_eq!(report.id_property.as_deref(), Some("shapeISO"));
    assert_eq!(report.name_property.as_deref(), Some("shapeName"));
    assert!(report.guessed);
    assert_eq!(
        report.properties,
        ["shapeGroup", "shapeISO", "shapeName", "shapeType"]
    );
    let fourth = &report.regions[3];
    assert_eq!(
        (fourth.index, fourth.id.as_str(), fourth.name.as_str()),
        (3, "KZ-04", "Region 4")
    );
    let bbox = geo::BoundingRect::bounding_rect(&fourth.geometry).unwrap();
    assert_eq!(
        (bbox.min().x, bbox.min().y, bbox.max().x, bbox.max().y),
        (53.0, 45.0, 54.0, 46.0)
    );
    assert!(
        report
            .regions
            .iter()
            .all(|r| r.repairs.is_empty() && r.warnings.is_empty())
    );
}

#[test]
fn given_properties_are_used_in_any_case_and_not_guessed() {
    let options = RegionOptions {
        id_property: Some("SHAPENAME".into()),
        name_property: Some("shapeISO".into()),
    };
    let report = read_regions(&twenty_units(), &options).unwrap();
    assert!(!report.guessed);
    assert_eq!(report.id_property.as_deref(), Some("shapeName"));
    assert_eq!(report.regions[0].id, "Region 1");
    assert_eq!(report.regions[0].name, "KZ-01");
}

#[test]
fn a_given_property_that_no_feature_has_lists_the_others() {
    let options = RegionOptions {
        id_property: Some("iso_code".into()),
        name_property: None,
    };
    let error = read_error(&twenty_units(), &options);
    assert_eq!(
        error.message,
        "no feature has the id property \"iso_code\"; the properties are \"shapeGroup\", \
         \"shapeISO\", \"shapeName\", \"shapeType\""
    );
    assert_eq!((error.line, error.column), (None, None));
}

#[test]
fn a_given_property_missing_on_some_features_gives_them_feature_ids() {
    let text = collection(&[
        feature(r#"{"kato":"10"}"#, &polygon(&square(0.0, 0.0, 1.0))),
        feature(r#"{"other":"x"}"#, &polygon(&square(1.0, 0.0, 1.0))),
    ]);
    let options = RegionOptions {
        id_property: Some("kato".into()),
        name_property: None,
    };
    let report = read_regions(&text, &options).unwrap();
    assert_eq!(report.regions[0].id, "10");
    assert_eq!(report.regions[1].id, "feature-1");
    assert_eq!(
        report.regions[1].warnings,
        ["has no \"kato\" value; its id is \"feature-1\""]
    );
}

#[test]
fn an_id_candidate_whose_values_repeat_gives_way_to_the_next() {
    // "iso_3166_2" holds the country on every feature; "hc-key" is unique.
    let features: Vec<String> = ["kz-ak", "kz-al", "kz-at"]
        .iter()
        .enumerate()
        .map(|(i, key)| {
            let properties = format!(r#"{{"iso_3166_2":"KZ","hc-key":"{key}","name":"R{i}"}}"#);
            feature(&properties, &polygon(&square(i as f64, 0.0, 1.0)))
        })
        .collect();
    let report = read(&collection(&features));
    assert_eq!(report.id_property.as_deref(), Some("hc-key"));
    let ids: Vec<&str> = report.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["kz-ak", "kz-al", "kz-at"]);
    assert_eq!(report.regions[0].aliases, ["KZ"]);
}

#[test]
fn without_a_unique_candidate_the_best_is_used_and_repeats_get_suffixes() {
    let features: Vec<String> = ["A", "A", "B", "C", "A-2"]
        .iter()
        .enumerate()
        .map(|(i, code)| {
            feature(
                &format!(r#"{{"code":"{code}"}}"#),
                &polygon(&square(i as f64, 0.0, 1.0)),
            )
        })
        .collect();
    let report = read(&collection(&features));
    assert_eq!(report.id_property.as_deref(), Some("code"));
    let ids: Vec<&str> = report.regions.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["A", "A-3", "B", "C", "A-2"]);
    assert_eq!(
        report.regions[1].warnings,
        ["shares the id \"A\" with an earlier feature; its id is \"A-3\""]
    );
    assert_eq!(report.name_property, None);
    assert_eq!(report.regions[2].name, "B");
}

#[test]
fn numeric_ids_and_the_feature_id_member_are_decimal_text() {
    let text = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","id":12,"properties":{"NAME_1":"Aqmola"},"geometry":POLY1},
        {"type":"Feature","id":7.0,"properties":{"NAME_1":"Almaty"},"geometry":POLY2}]}"#
        .replace("POLY1", &polygon(&square(0.0, 0.0, 1.0)))
        .replace("POLY2", &polygon(&square(1.0, 0.0, 1.0)));
    let report = read(&text);
    assert_eq!(report.id_property.as_deref(), Some("id"));
    assert_eq!(report.name_property.as_deref(), Some("NAME_1"));
    let ids: Vec<(&str, &str)> = report
        .regions
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(ids, [("12", "Aqmola"), ("7", "Almaty")]);
}

#[test]
fn names_by_language_and_aliases_are_collected() {
    let properties = r#"{"iso_3166_2":"KZ-AKM","name":"Aqmola","name_en":"Akmola Region",
        "NAME_RU":"Акмолинская область","name:kk":"Ақмола облысы","name_zh-Hans":"阿克莫拉州",
        "name_zht":"阿克莫拉州","name_alt":"Akmolinsk|Tselinograd","name_len":6,"postal":"AM",
        "woe_id":-99,"gn_id":1526384,"name_1":"Aqmola"}"#;
    let report = read(&collection(&[feature(
        properties,
        &polygon(&square(70.0, 50.0, 1.0)),
    )]));
    let region = &report.regions[0];
    assert_eq!(
        (region.id.as_str(), region.name.as_str()),
        ("KZ-AKM", "Akmola Region")
    );
    let names: Vec<(&str, &str)> = region
        .names
        .iter()
        .map(|(t, n)| (t.as_str(), n.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("ru", "Акмолинская область"),
            ("kk", "Ақмола облысы"),
            ("en", "Akmola Region"),
            ("zh-Hans", "阿克莫拉州"),
            ("zh-Hant", "阿克莫拉州"),
        ]
    );
    assert_eq!(
        region.aliases,
        ["1526384", "Aqmola", "Akmolinsk", "Tselinograd", "AM"]
    );
}

#[test]
fn invalid_json_is_an_error_with_line_and_column() {
    let text = "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [,]\n}";
    let error = read_error(text, &RegionOptions::default());
    assert_eq!((error.line, error.column), (Some(3), Some(16)));
    assert_eq!(
        error.to_string(),
        "line 3, column 16: not valid JSON: expected value"
    );
}

#[test]
fn a_type_that_is_not_accepted_is_named() {
    let point = r#"{"type":"Point","coordinates":[1,2]}"#;
    let error = read_error(point, &RegionOptions::default());
    assert_eq!(
        error.message,
        "the file holds a GeoJSON \"Point\"; expected a GeoJSON FeatureCollection, Feature, \
         Polygon or MultiPolygon, or a TopoJSON Topology"
    );
    let error = read_error("[1, 2]", &RegionOptions::default());
    assert!(
        error
            .message
            .starts_with("the file holds a JSON array; expected"),
        "{error}"
    );
}

#[test]
fn an_empty_feature_collection_has_no_features() {
    let error = read_error(
        r#"{"type":"FeatureCollection","features":[]}"#,
        &RegionOptions::default(),
    );
    assert!(error.message.starts_with("no features"), "{error}");
}

#[test]
fn a_single_feature_or_a_bare_geometry_is_one_region() {
    let one = feature(r#"{"name":"Solo"}"#, &polygon(&square(10.0, 10.0, 2.0)));
    let report = read(&one);
    assert_eq!(
        (report.regions.len(), report.regions[0].name.as_str()),
        (1, "Solo")
    );
    let bare = format!(
        r#"{{"type":"MultiPolygon","coordinates":[{},{}]}}"#,
        square(0.0, 0.0, 1.0),
        square(5.0, 0.0, 1.0)
    );
    let report = read(&bare);
    assert_eq!(report.regions[0].id, "feature-0");
    assert_eq!(report.regions[0].geometry.0.len(), 2);
    assert_eq!(report.id_property, None);
    assert!(!report.guessed);
}

#[test]
fn a_projected_file_asks_for_epsg_4326() {
    let text = collection(&[feature(
        r#"{"id":"a"}"#,
        &polygon("[[[500000,4649776],[600000,4649776],[600000,4749776],[500000,4649776]]]"),
    )]);
    let error = read_error(&text, &RegionOptions::default());
    assert!(error.message.contains("projected CRS"), "{error}");
    assert!(error.message.contains("EPSG:4326"), "{error}");
    assert!(
        error.message.contains("ogr2ogr -t_srs EPSG:4326"),
        "{error}"
    );
    assert!(error.message.contains("e.g. 500000, 4649776"), "{error}");
}

#[test]
fn features_without_a_polygon_are_skipped_with_the_reason() {
    let text = collection(&[
        feature(r#"{"code":"P"}"#, r#"{"type":"Point","coordinates":[1,2]}"#),
        feature(r#"{"code":"N"}"#, "null"),
        feature(
            r#"{"code":"L"}"#,
            r#"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#,
        ),
        feature(r#"{"code":"S"}"#, &polygon(&square(0.0, 0.0, 1.0))),
        r#"{"type":"Polygon","coordinates":[]}"#.to_owned(),
    ]);
    let report = read(&text);
    assert_eq!(report.regions.len(), 1);
    assert_eq!(
        (report.regions[0].index, report.regions[0].id.as_str()),
        (3, "S")
    );
    let skipped: Vec<(usize, Option<&str>, &str)> = report
        .skipped
        .iter()
        .map(|p| (p.index, p.id.as_deref(), p.message.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (0, Some("P"), "has a Point geometry, not a polygon"),
            (1, Some("N"), "has no geometry (null)"),
            (2, Some("L"), "has a LineString geometry, not a polygon"),
            (4, None, "is a \"Polygon\", not a Feature"),
        ]
    );
}
