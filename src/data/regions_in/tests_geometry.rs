//! Repairs of geometry, and the validity check against geo's own.

use super::tests::{collection, feature, polygon, read, square};
use super::validity;
use super::*;
use geo::{Area, Polygon, Validation, Winding, wkt};

/// Reads one feature with this GeoJSON geometry.
fn region(geometry: &str) -> ImportedRegion {
    let report = read(&collection(&[feature(r#"{"id":"r"}"#, geometry)]));
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    report.regions.into_iter().next().unwrap()
}

#[test]
fn a_bow_tie_becomes_two_valid_triangles() {
    let bow_tie = polygon("[[[0,0],[2,2],[2,0],[0,2],[0,0]]]");
    let region = region(&bow_tie);
    assert!(region.geometry.is_valid());
    assert_eq!(region.geometry.0.len(), 2);
    assert!((region.geometry.unsigned_area() - 2.0).abs() < 1e-9);
    assert_eq!(
        region.repairs,
        ["fixed self-intersections (area 0 → 2.00 deg²)"]
    );
    assert!(region.warnings.is_empty());
}

#[test]
fn an_unclosed_ring_is_closed() {
    let region = region(&polygon("[[[0,0],[1,0],[1,1],[0,1]]]"));
    assert_eq!(region.repairs, ["closed an unclosed ring"]);
    assert_eq!(region.geometry.0[0].exterior().0.len(), 5);
    assert!((region.geometry.unsigned_area() - 1.0).abs() < 1e-12);
}

#[test]
fn duplicate_points_are_removed() {
    let region = region(&polygon(
        "[[[0,0],[1,0],[1,0],[1,1],[0,1],[0,1],[0,1],[0,0]]]",
    ));
    assert_eq!(region.repairs, ["removed 3 duplicate points"]);
    assert_eq!(region.geometry.0[0].exterior().0.len(), 5);
}

#[test]
fn a_hole_is_kept() {
    let with_hole =
        polygon("[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]");
    let region = region(&with_hole);
    assert!(region.repairs.is_empty(), "{:?}", region.repairs);
    assert_eq!(region.geometry.0.len(), 1);
    assert_eq!(region.geometry.0[0].interiors().len(), 1);
    assert_eq!(region.geometry.unsigned_area(), 96.0);
}

#[test]
fn wrong_winding_is_reoriented() {
    let clockwise =
        polygon("[[[0,0],[0,10],[10,10],[10,0],[0,0]],[[2,2],[4,2],[4,4],[2,4],[2,2]]]");
    let region = region(&clockwise);
    assert_eq!(
        region.repairs,
        ["reoriented 2 rings (exteriors counter-clockwise, holes clockwise)"]
    );
    let polygon = &region.geometry.0[0];
    assert!(polygon.exterior().is_ccw());
    assert!(polygon.interiors()[0].is_cw());
    assert_eq!(region.geometry.unsigned_area(), 96.0);
}

#[test]
fn a_ring_of_fewer_than_three_distinct_points_is_dropped() {
    let region = region(&polygon(
        "[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.5,0.5],[0.6,0.6],[0.5,0.5]]]",
    ));
    assert_eq!(
        region.repairs,
        ["dropped a ring of fewer than 3 distinct points"]
    );
    assert!(region.geometry.0[0].interiors().is_empty());
}

#[test]
fn a_polygon_with_nothing_left_is_skipped() {
    let text = collection(&[feature(r#"{"id":"x"}"#, &polygon("[[[0,0],[1,1],[0,0]]]"))]);
    let report = read(&text);
    assert!(report.regions.is_empty());
    assert_eq!(report.skipped[0].id.as_deref(), Some("x"));
    assert_eq!(
        report.skipped[0].message,
        "has no polygon left after repair (dropped a ring of fewer than 3 distinct points)"
    );
}

#[test]
fn a_stray_bad_point_is_dropped_and_a_hair_over_the_edge_is_clamped() {
    let ring = "[[[170,0],[180.0000000001,0],[180,1],[500,1],[170,1],[170,0]]]";
    let region = region(&polygon(ring));
    assert_eq!(
        region.repairs,
        [
            "dropped a point that was not a number or lay outside ±180/±90",
            "moved a point a hair outside ±180/±90 onto the edge",
        ]
    );
    assert_eq!(region.geometry.unsigned_area(), 10.0);
}

#[test]
fn overlapping_parts_are_united() {
    let parts = format!(
        r#"{{"type":"MultiPolygon","coordinates":[{},{}]}}"#,
        square(0.0, 0.0, 2.0),
        square(1.0, 1.0, 2.0)
    );
    let region = region(&parts);
    assert_eq!(
        region.repairs,
        ["united parts that overlap or share an edge (2 parts → 1, area 8.00 → 7.00 deg²)"]
    );
    assert!(region.geometry.is_valid());
}

#[test]
fn a_geometry_collection_is_the_union_of_its_polygons() {
    let collection_geometry = format!(
        r#"{{"type":"GeometryCollection","geometries":[{},{},{{"type":"Point","coordinates":[9,9]}}]}}"#,
        polygon(&square(0.0, 0.0, 1.0)),
        polygon(&square(1.0, 0.0, 1.0))
    );
    let region = region(&collection_geometry);
    assert_eq!(region.geometry.0.len(), 1);
    assert_eq!(region.geometry.unsigned_area(), 2.0);
    assert_eq!(
        region.repairs,
        ["united the polygons of its GeometryCollection (2 parts → 1, area 2.00 → 2.00 deg²)"]
    );
    assert_eq!(
        region.warnings,
        ["ignored the 1 Point in its GeometryCollection: only polygons make a region"]
    );
}

#[test]
fn a_hole_outside_its_polygon_is_fixed() {
    let region = region(&polygon(
        "[[[0,0],[2,0],[2,2],[0,2],[0,0]],[[5,5],[5,6],[6,6],[6,5],[5,5]]]",
    ));
    assert_eq!(
        region.repairs,
        ["fixed holes outside their polygon (area 3.00 → 5.00 deg²)"]
    );
    assert!(region.geometry.is_valid());
}

/// The sweep's verdicts agree with geo's `Validation` (which is quadratic, fine here).
#[test]
fn validity_agrees_with_geo() {
    let cases: Vec<(&str, Polygon<f64>)> = vec![
        ("square", wkt!(POLYGON((0. 0.,4. 0.,4. 4.,0. 4.,0. 0.)))),
        ("bow-tie", wkt!(POLYGON((0. 0.,2. 2.,2. 0.,0. 2.,0. 0.)))),
        (
            "spike",
            wkt!(POLYGON((0. 0.,4. 0.,6. 0.,4. 0.,4. 4.,0. 4.,0. 0.))),
        ),
        (
            "self-touching",
            wkt!(POLYGON((0. 0.,4. 0.,2. 2.,4. 4.,0. 4.,2. 2.,0. 0.))),
        ),
        (
            "hole",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(2. 2.,2. 4.,4. 4.,4. 2.,2. 2.))),
        ),
        (
            "hole touching at a point",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(0. 4.,2. 3.,2. 5.,0. 4.))),
        ),
        (
            "hole sharing an edge",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(0. 2.,2. 2.,2. 4.,0. 4.,0. 2.))),
        ),
        (
            "hole crossing",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(8. 2.,12. 2.,12. 4.,8. 4.,8. 2.))),
        ),
        (
            "hole outside",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(12. 2.,12. 4.,14. 4.,12. 2.))),
        ),
        (
            "hole poking out at a vertex",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(9. 4.,11. 3.,11. 5.,9. 4.))),
        ),
        (
            "nested holes",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(1. 1.,1. 8.,8. 8.,8. 1.,1. 1.),(3. 3.,3. 5.,5. 5.,5. 3.,3. 3.))),
        ),
        (
            "touching holes",
            wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(1. 1.,1. 4.,4. 4.,4. 1.,1. 1.),(4. 4.,4. 6.,6. 6.,6. 4.,4. 4.))),
        ),
    ];
    for (name, polygon) in cases {
        let ours = validity::defects(std::slice::from_ref(&polygon));
        assert_eq!(
            ours.polygons[0].is_none(),
            polygon.is_valid(),
            "{name}: {ours:?}"
        );
    }
    let multi: Vec<(&str, MultiPolygonCase)> = vec![
        (
            "apart",
            (
                wkt!(POLYGON((0. 0.,1. 0.,1. 1.,0. 0.))),
                wkt!(POLYGON((5. 5.,6. 5.,6. 6.,5. 5.))),
            ),
        ),
        (
            "touching at a point",
            (
                wkt!(POLYGON((0. 0.,1. 0.,1. 1.,0. 0.))),
                wkt!(POLYGON((1. 1.,2. 1.,2. 2.,1. 1.))),
            ),
        ),
        (
            "sharing an edge",
            (
                wkt!(POLYGON((0. 0.,1. 0.,1. 1.,0. 1.,0. 0.))),
                wkt!(POLYGON((1. 0.,2. 0.,2. 1.,1. 1.,1. 0.))),
            ),
        ),
        (
            "one inside the other",
            (
                wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.))),
                wkt!(POLYGON((2. 2.,3. 2.,3. 3.,2. 2.))),
            ),
        ),
        (
            "island in a hole",
            (
                wkt!(POLYGON((0. 0.,9. 0.,9. 9.,0. 9.,0. 0.),(1. 1.,1. 8.,8. 8.,8. 1.,1. 1.))),
                wkt!(POLYGON((2. 2.,3. 2.,3. 3.,2. 2.))),
            ),
        ),
        (
            "crossing",
            (
                wkt!(POLYGON((0. 0.,2. 0.,2. 2.,0. 2.,0. 0.))),
                wkt!(POLYGON((1. 1.,3. 1.,3. 3.,1. 3.,1. 1.))),
            ),
        ),
    ];
    for (name, (a, b)) in multi {
        let parts = [a, b];
        let ours = validity::defects(&parts);
        let geo_says = geo::MultiPolygon::new(parts.to_vec()).is_valid();
        assert_eq!(!ours.between_parts, geo_says, "{name}: {ours:?}");
    }
}

type MultiPolygonCase = (Polygon<f64>, Polygon<f64>);

#[test]
fn a_long_ring_is_checked_without_quadratic_work() {
    // 200 000 points: geo's pairwise check would test 2·10¹⁰ segment pairs.
    let n = 200_000;
    let ring: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let t = std::f64::consts::TAU * f64::from(i) / f64::from(n);
            (60.0 + 10.0 * t.cos(), 45.0 + 5.0 * t.sin())
        })
        .collect();
    let polygon = Polygon::new(ring.into(), vec![]);
    let defects = validity::defects(std::slice::from_ref(&polygon));
    assert!(defects.polygons[0].is_none() && !defects.between_parts);
}

#[test]
fn random_rings_on_a_small_grid_come_out_valid() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    let mut invalid = 0;
    let mut skipped = 0;
    for case in 0..300 {
        let rings = 1 + next(3);
        let mut coords = Vec::new();
        for _ in 0..rings {
            let len = 3 + next(7);
            let ring: Vec<String> = (0..len)
                .map(|_| format!("[{},{}]", next(6), next(6)))
                .collect();
            coords.push(format!("[{}]", ring.join(",")));
        }
        let geometry = polygon(&format!("[{}]", coords.join(",")));
        let report = read(&collection(&[feature(r#"{"id":"r"}"#, &geometry)]));
        skipped += report.skipped.len();
        for region in &report.regions {
            if !region.geometry.is_valid() && region.warnings.is_empty() {
                invalid += 1;
                if invalid < 5 {
                    eprintln!(
                        "case {case}: {geometry}\n -> {:?}\n repairs {:?}\n errors {:?}",
                        region.geometry,
                        region.repairs,
                        region.geometry.validation_errors()
                    );
                }
            }
        }
    }
    eprintln!("skipped {skipped}");
    assert_eq!(invalid, 0);
}

#[test]
fn a_flat_polygon_is_dropped_as_zero_area() {
    let text = collection(&[feature(
        r#"{"id":"flat"}"#,
        &format!(
            r#"{{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[2,0],[0,0]]],{}]}}"#,
            square(5.0, 5.0, 1.0)
        ),
    )]);
    let report = read(&text);
    assert_eq!(
        report.regions[0].repairs,
        ["dropped a polygon of zero area"]
    );
    assert_eq!(report.regions[0].geometry.0.len(), 1);
    let only_flat = collection(&[feature(
        r#"{"id":"flat"}"#,
        &polygon("[[[0,0],[1,0],[2,0],[0,0]]]"),
    )]);
    let report = read(&only_flat);
    assert_eq!(
        report.skipped[0].message,
        "has no polygon left after repair (dropped a polygon of zero area)"
    );
}
