//! A GeoJSON geometry read into rings of coordinates exactly as the file has them: unclosed,
//! repeated, out of range or not numbers at all. `repair.rs` makes them valid later.

use geo::Coord;
use geojson::{GeometryValue, Position};
use serde_json::Value;
use std::collections::BTreeMap;

/// One ring as written; a position with fewer than two numbers becomes a NaN coordinate.
pub(super) type RawRing = Vec<Coord<f64>>;

/// The exterior ring first, then the holes.
pub(super) type RawPolygon = Vec<RawRing>;

/// The polygons of one feature, before repair.
#[derive(Debug, Clone, Default)]
pub(super) struct Shape {
    pub polygons: Vec<RawPolygon>,
    /// Came from a GeometryCollection: its polygons are to be united.
    pub collection: bool,
    /// Came from TopoJSON, whose arcs repeat the point where they join: repeated points are
    /// removed without a note.
    pub topology: bool,
    /// Said about the feature while reading it.
    pub warnings: Vec<String>,
}

/// Reads a GeoJSON geometry. `Err` says why the feature has no polygon to use.
pub(super) fn shape(value: Value) -> Result<Shape, String> {
    if value.is_null() {
        return Err("has no geometry (null)".into());
    }
    let geometry: geojson::Geometry =
        serde_json::from_value(value).map_err(|e| format!("has an unreadable geometry: {e}"))?;
    let mut shape = Shape::default();
    match geometry.value {
        GeometryValue::Polygon { coordinates } => shape.polygons.push(polygon(coordinates)),
        GeometryValue::MultiPolygon { coordinates } => {
            shape.polygons.extend(coordinates.into_iter().map(polygon));
        }
        GeometryValue::GeometryCollection { geometries } => {
            shape.collection = true;
            let mut others = BTreeMap::new();
            collect(geometries, &mut shape.polygons, &mut others);
            if !others.is_empty() {
                let what = describe(&others);
                if shape.polygons.is_empty() {
                    return Err(format!(
                        "has a GeometryCollection without polygons (only {what})"
                    ));
                }
                shape.warnings.push(format!(
                    "ignored the {what} in its GeometryCollection: only polygons make a region"
                ));
            }
        }
        other => {
            return Err(format!(
                "has a {} geometry, not a polygon",
                other.type_name()
            ));
        }
    }
    if shape.polygons.iter().all(|p| p.iter().all(Vec::is_empty)) {
        return Err("has an empty geometry".into());
    }
    Ok(shape)
}

/// Gathers the polygons of a GeometryCollection, nested ones included, and counts the rest.
fn collect(
    geometries: Vec<geojson::Geometry>,
    polygons: &mut Vec<RawPolygon>,
    others: &mut BTreeMap<&'static str, usize>,
) {
    for geometry in geometries {
        match geometry.value {
            GeometryValue::Polygon { coordinates } => polygons.push(polygon(coordinates)),
            GeometryValue::MultiPolygon { coordinates } => {
                polygons.extend(coordinates.into_iter().map(polygon));
            }
            GeometryValue::GeometryCollection { geometries } => {
                collect(geometries, polygons, others);
            }
            other => *others.entry(other.type_name()).or_default() += 1,
        }
    }
}

/// "2 LineStrings and 1 Point".
fn describe(counts: &BTreeMap<&'static str, usize>) -> String {
    let parts: Vec<String> = counts
        .iter()
        .map(|(kind, n)| {
            let s = if *n == 1 { "" } else { "s" };
            format!("{n} {kind}{s}")
        })
        .collect();
    parts.join(" and ")
}

fn polygon(rings: Vec<Vec<Position>>) -> RawPolygon {
    rings
        .iter()
        .map(|ring| ring.iter().map(coord).collect())
        .collect()
}

fn coord(position: &Position) -> Coord<f64> {
    match position.as_slice() {
        [x, y, ..] => Coord { x: *x, y: *y },
        _ => Coord {
            x: f64::NAN,
            y: f64::NAN,
        },
    }
}
