//! TopoJSON, written by hand: two squares sharing an arc, quantized or not.

use super::tests::read;
use super::*;
use geo::{Area, BoundingRect};

/// West square 50–51°E, east square 51–52°E, both 40–41°N, sharing the arc at 51°E.
/// Arc 0 is the shared edge (south to north); arc 1 closes the west square and arc 2 the east
/// one; the east square runs arc 0 backwards (~0 = -1).
const GEOMETRIES: &str = r#"[
    {"type":"Polygon","arcs":[[0,1]],"id":"W","properties":{"name":"West"}},
    {"type":"Polygon","arcs":[[-1,2]],"id":"E","properties":{"name":"East"}}]"#;

fn quantized() -> String {
    // Quantized to 0.001°, delta-encoded: positions are steps from the previous one.
    let arcs = r#"[[[1000,0],[0,1000]],
        [[1000,1000],[-1000,0],[0,-1000],[1000,0]],
        [[1000,0],[1000,0],[0,1000],[-1000,0]]]"#;
    format!(
        r#"{{"type":"Topology","transform":{{"scale":[0.001,0.001],"translate":[50,40]}},
        "arcs":{arcs},"objects":{{"regions":{{"type":"GeometryCollection","geometries":{GEOMETRIES}}}}}}}"#
    )
}

fn plain() -> String {
    let arcs = r#"[[[51,40],[51,41]],
        [[51,41],[50,41],[50,40],[51,40]],
        [[51,40],[52,40],[52,41],[51,41]]]"#;
    format!(
        r#"{{"type":"Topology","arcs":{arcs},
        "objects":{{"regions":{{"type":"GeometryCollection","geometries":{GEOMETRIES}}}}}}}"#
    )
}

fn bbox(region: &ImportedRegion) -> [f64; 4] {
    let b = region.geometry.bounding_rect().unwrap();
    [b.min().x, b.min().y, b.max().x, b.max().y]
}

fn assert_near(actual: [f64; 4], expected: [f64; 4]) {
    for (a, e) in actual.iter().zip(expected) {
        assert!((a - e).abs() < 1e-9, "{actual:?} is not {expected:?}");
    }
}

#[test]
fn a_quantized_topology_gives_two_squares() {
    for text in [quantized(), plain()] {
        let report = read(&text);
        assert_eq!(report.format, Format::TopoJson);
        assert_eq!(report.object.as_deref(), Some("regions"));
        assert_eq!(report.id_property.as_deref(), Some("id"));
        assert_eq!(report.name_property.as_deref(), Some("name"));
        let [west, east] = &report.regions[..] else {
            panic!("{:?}", report.regions);
        };
        assert_eq!((west.id.as_str(), west.name.as_str()), ("W", "West"));
        assert_eq!((east.id.as_str(), east.name.as_str()), ("E", "East"));
        assert_near(bbox(west), [50.0, 40.0, 51.0, 41.0]);
        assert_near(bbox(east), [51.0, 40.0, 52.0, 41.0]);
        assert!((west.geometry.unsigned_area() - 1.0).abs() < 1e-9);
        // The points repeated where arcs join are no repair of the user's data.
        assert!(
            west.repairs.is_empty() && east.repairs.is_empty(),
            "{report:?}"
        );
        assert_eq!(west.geometry.0[0].exterior().0.len(), 5);
    }
}

#[test]
fn the_object_with_most_polygons_is_read_and_its_other_geometries_are_skipped() {
    let text = r#"{"type":"Topology",
        "arcs":[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[5,5],[6,5]]],
        "objects":{
            "cities":{"type":"GeometryCollection","geometries":[
                {"type":"Point","coordinates":[3,3]}]},
            "units":{"type":"GeometryCollection","geometries":[
                {"type":"Polygon","arcs":[[0]],"properties":{"code":"A"}},
                {"type":"Point","coordinates":[3,3],"properties":{"code":"B"}},
                {"type":"Polygon","arcs":[[7]],"properties":{"code":"C"}},
                {"type":null,"properties":{"code":"D"}},
                {"type":"GeometryCollection","properties":{"code":"E"},"geometries":[
                    {"type":"Polygon","arcs":[[0]]},{"type":"LineString","arcs":[1]}]}]}}}"#;
    let report = read(text);
    assert_eq!(report.object.as_deref(), Some("units"));
    let ids: Vec<(usize, &str)> = report
        .regions
        .iter()
        .map(|r| (r.index, r.id.as_str()))
        .collect();
    assert_eq!(ids, [(0, "A"), (4, "E")]);
    assert_eq!(
        report.regions[1].warnings,
        ["ignored the non-polygons in its GeometryCollection (1 LineString)"]
    );
    let skipped: Vec<(usize, Option<&str>, &str)> = report
        .skipped
        .iter()
        .map(|p| (p.index, p.id.as_deref(), p.message.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (1, Some("B"), "has a Point geometry, not a polygon"),
            (
                2,
                Some("C"),
                "refers to arc 7, which the Topology does not have"
            ),
            (3, Some("D"), "has no geometry (null)"),
        ]
    );
}

#[test]
fn a_topology_without_arcs_or_with_a_bad_transform_is_an_error() {
    let no_arcs = r#"{"type":"Topology","objects":{"a":{"type":"Polygon","arcs":[[0]]}}}"#;
    let error = read_regions(no_arcs, &RegionOptions::default()).unwrap_err();
    assert_eq!(error.message, "the Topology has no \"arcs\" array");
    let bad_transform = r#"{"type":"Topology","arcs":[],"transform":{"scale":[1]},
        "objects":{"a":{"type":"Polygon","arcs":[[0]]}}}"#;
    let error = read_regions(bad_transform, &RegionOptions::default()).unwrap_err();
    assert!(error.message.contains("\"transform\""), "{error}");
}

/// Broken input ends as an error or a skipped feature, never a panic (topojson 0.5 would
/// index out of bounds on most of these).
#[test]
fn odd_input_is_an_error_or_a_skipped_feature_never_a_panic() {
    let square = r#"[[[0,0],[1,0],[1,1],[0,0]]]"#;
    let topology = |objects: &str, arcs: &str| {
        format!(r#"{{"type":"Topology","objects":{{"a":{objects}}},"arcs":{arcs}}}"#)
    };
    let skipped = [
        (topology(r#"{"type":"Polygon","arcs":[[1.5]]}"#, square), "has malformed \"arcs\""),
        (topology(r#"{"type":"Polygon","arcs":[[-2147483648]]}"#, square), "refers to arc 2147483647"),
        (topology(r#"{"type":"Polygon","arcs":[[0]]}"#, "[[[0,0],[1]]]"), "refers to arc 0, which is malformed"),
        (topology(r#"{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection"}]}"#, "[]"), "has an empty GeometryCollection"),
        (topology(r#"{"type":"Polygon","arcs":[[]]}"#, "[]"), "has an empty geometry"),
        (
            r#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[["a",0],[1,0],[0,0]]]}}"#.into(),
            "has an unreadable geometry",
        ),
        (r#"{"type":"Feature","properties":null}"#.into(), "has no geometry (null)"),
        (
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]],[[0,0],[1,0],[1,1],[0,0]]]}"#.into(),
            "has no polygon left after repair (dropped a polygon of zero area)",
        ),
    ];
    for (text, message) in skipped {
        let report = read(&text);
        assert!(report.regions.is_empty(), "{text}: {report:?}");
        assert!(
            report.skipped[0].message.starts_with(message),
            "{text}: {report:?}"
        );
    }
    // A sliver at the limits of floating point: the polygon overlay drops it in a debug build
    // and keeps a zero-area sliver in an optimised one. Either way it is said, never a panic.
    let sliver = r#"{"type":"Polygon","coordinates":[[[0,0],[1e-300,0],[1e-300,1e-300],[0,0]]]}"#;
    let report = read(sliver);
    let dropped = (report.skipped.first())
        .is_some_and(|s| s.message.starts_with("has no polygon left after repair"));
    let flagged =
        (report.regions.first()).is_some_and(|r| r.warnings.iter().any(|w| w == "has zero area"));
    assert!(dropped != flagged, "{report:?}");
    let errors = [
        (
            r#"{"type":"Polygon","coordinates":[[[0,0],[1e400,0],[1,1],[0,0]]]}"#.to_owned(),
            "not valid JSON: number out of range",
        ),
        (
            r#"{"type":"Topology","objects":[],"arcs":[]}"#.into(),
            "the Topology has no \"objects\"",
        ),
        (
            topology(r#"{"type":"GeometryCollection","geometries":[]}"#, "[]"),
            "no features",
        ),
        (
            r#"{"type":"FeatureCollection","features":"x"}"#.into(),
            "the FeatureCollection has no \"features\" array",
        ),
        (String::new(), "not valid JSON"),
    ];
    for (text, message) in errors {
        let error = read_regions(&text, &RegionOptions::default()).unwrap_err();
        assert!(error.message.starts_with(message), "{text}: {error}");
    }
}
