//! TopoJSON: the object with the most polygons, turned into GeoJSON geometries by the topojson
//! crate's `to_geojson`.
//!
//! topojson 0.5 indexes arcs and positions without checking them and panics on nested
//! GeometryCollections, so everything it will touch is checked here first (a geometry that
//! refers to a missing arc is skipped with the reason) and the conversion still runs under
//! `catch_unwind`. It builds geojson 0.23 values, which reach geojson 1.0 through
//! `serde_json::Value`. Its arcs are joined without dropping the shared end point, so the
//! repeated points at arc joins are removed later without a note (see `repair.rs`).

use super::RegionsError;
use super::feature::{SourceFeature, add_feature_id, json_kind};
use super::geometry::{self, Shape};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// A geometry of the chosen object, made safe for `to_geojson`, or why it cannot be used.
struct Prepared {
    properties: Map<String, Value>,
    geometry: Result<Value, String>,
    /// Came from a GeometryCollection, flattened into a MultiPolygon.
    collection: bool,
    warnings: Vec<String>,
}

/// Reads a Topology: returns the chosen object's name and its features.
pub(super) fn read(
    mut topology: Map<String, Value>,
) -> Result<(String, Vec<SourceFeature>), RegionsError> {
    let Some(Value::Object(objects)) = topology.remove("objects") else {
        return Err(RegionsError::new("the Topology has no \"objects\""));
    };
    // The object with the most polygons; the first of equals (objects are sorted by name).
    let Some((name, object)) = objects
        .into_iter()
        .rev()
        .max_by_key(|(_, object)| polygon_count(object))
    else {
        return Err(RegionsError::new(
            "no features: the Topology's \"objects\" is empty",
        ));
    };
    let Some(Value::Array(arcs)) = topology.remove("arcs") else {
        return Err(RegionsError::new("the Topology has no \"arcs\" array"));
    };
    let (arcs, arc_ok) = check_arcs(arcs);
    let transform = match topology.remove("transform") {
        None | Some(Value::Null) => None,
        Some(transform) => Some(check_transform(&transform)?),
    };

    let geometries = match object {
        Value::Object(mut object) if object.get("type") == Some(&json!("GeometryCollection")) => {
            match object.remove("geometries") {
                Some(Value::Array(geometries)) => geometries,
                _ => Vec::new(),
            }
        }
        object => vec![object],
    };
    let mut prepared: Vec<Prepared> = geometries
        .into_iter()
        .map(|g| prepare(g, &arc_ok))
        .collect();

    // Only the usable geometries go to `to_geojson`, in order.
    let usable: Vec<Value> = prepared
        .iter_mut()
        .filter_map(|p| p.geometry.as_mut().ok().map(Value::take))
        .collect();
    let mut converted = convert(&name, arcs, transform, usable)?.into_iter();

    let mut features = Vec::with_capacity(prepared.len());
    for (index, p) in prepared.into_iter().enumerate() {
        let shape = match p.geometry {
            Err(reason) => Err(reason),
            Ok(_) => match converted.next() {
                Some(value) => geometry::shape(value).map(|shape| Shape {
                    collection: p.collection || shape.collection,
                    topology: true,
                    warnings: [p.warnings, shape.warnings].concat(),
                    ..shape
                }),
                None => Err("was lost in the TopoJSON conversion".into()),
            },
        };
        features.push(SourceFeature {
            index,
            properties: p.properties,
            shape,
        });
    }
    Ok((name, features))
}

/// Builds the checked topology and converts it; returns one GeoJSON geometry per input one.
fn convert(
    name: &str,
    arcs: Vec<Value>,
    transform: Option<Value>,
    geometries: Vec<Value>,
) -> Result<Vec<Value>, RegionsError> {
    let count = geometries.len();
    let mut object = Map::new();
    object.insert("type".into(), json!("Topology"));
    object.insert("arcs".into(), Value::Array(arcs));
    if let Some(transform) = transform {
        object.insert("transform".into(), transform);
    }
    let collection = json!({ "type": "GeometryCollection", "geometries": geometries });
    object.insert("objects".into(), json!({ name: collection }));
    let failed = |why: String| RegionsError::new(format!("could not read the Topology: {why}"));
    let topology =
        topojson::Topology::from_json_object(object).map_err(|e| failed(e.to_string()))?;
    let collection = catch_unwind(AssertUnwindSafe(|| topojson::to_geojson(&topology, name)))
        .map_err(|_| failed("the TopoJSON conversion failed".into()))?
        .map_err(|e| failed(e.to_string()))?;
    let values: Vec<Value> = collection
        .features
        .iter()
        .map(|feature| match serde_json::to_value(feature) {
            Ok(Value::Object(mut feature)) => feature.remove("geometry").unwrap_or(Value::Null),
            _ => Value::Null,
        })
        .collect();
    if values.len() != count {
        return Err(failed(format!(
            "{count} geometries became {}",
            values.len()
        )));
    }
    Ok(values)
}

/// How many polygonal geometries an object holds.
fn polygon_count(object: &Value) -> usize {
    match object.get("type").and_then(Value::as_str) {
        Some("Polygon" | "MultiPolygon") => 1,
        Some("GeometryCollection") => match object.get("geometries") {
            Some(Value::Array(geometries)) => geometries.iter().map(polygon_count).sum(),
            _ => 0,
        },
        _ => 0,
    }
}

/// Marks each arc as usable (an array of positions of at least two numbers) or not; an
/// unusable arc is emptied so that `to_geojson` never reads it.
fn check_arcs(mut arcs: Vec<Value>) -> (Vec<Value>, Vec<bool>) {
    let ok: Vec<bool> = arcs
        .iter()
        .map(|arc| {
            let Value::Array(positions) = arc else {
                return false;
            };
            positions.iter().all(|p| match p {
                Value::Array(numbers) => numbers.len() >= 2 && numbers.iter().all(Value::is_number),
                _ => false,
            })
        })
        .collect();
    for (arc, ok) in arcs.iter_mut().zip(&ok) {
        if !ok {
            *arc = Value::Array(Vec::new());
        }
    }
    (arcs, ok)
}

/// A transform must have two scale and two translate numbers.
fn check_transform(transform: &Value) -> Result<Value, RegionsError> {
    let pair = |key: &str| -> Option<[f64; 2]> {
        match transform.get(key)?.as_array()?.as_slice() {
            [a, b] => Some([a.as_f64()?, b.as_f64()?]),
            _ => None,
        }
    };
    match (pair("scale"), pair("translate")) {
        (Some(scale), Some(translate)) => Ok(json!({ "scale": scale, "translate": translate })),
        _ => Err(RegionsError::new(
            "the Topology's \"transform\" needs \"scale\" and \"translate\", two numbers each",
        )),
    }
}

/// Checks one geometry of the chosen object and strips it to what `to_geojson` reads.
fn prepare(geometry: Value, arc_ok: &[bool]) -> Prepared {
    let mut prepared = Prepared {
        properties: Map::new(),
        geometry: Err(String::new()),
        collection: false,
        warnings: Vec::new(),
    };
    let Value::Object(mut object) = geometry else {
        prepared.geometry = Err(format!(
            "is a JSON {}, not a geometry",
            json_kind(&geometry)
        ));
        return prepared;
    };
    if let Some(Value::Object(properties)) = object.remove("properties") {
        prepared.properties = properties;
    }
    if let Some(id) = object.remove("id") {
        add_feature_id(&mut prepared.properties, id);
    }
    let arcs = object.remove("arcs").unwrap_or(Value::Null);
    prepared.geometry = match object.get("type").and_then(Value::as_str) {
        Some(kind @ ("Polygon" | "MultiPolygon")) => {
            let depth = if kind == "Polygon" { 2 } else { 3 };
            check_arc_indexes(&arcs, depth, arc_ok).map(|()| json!({ "type": kind, "arcs": arcs }))
        }
        Some("GeometryCollection") => {
            prepared.collection = true;
            let mut polygons = Vec::new();
            let mut others = BTreeMap::new();
            flatten(&object, &mut polygons, &mut others);
            let others: Vec<String> = others.iter().map(|(k, n)| format!("{n} {k}")).collect();
            let others = others.join(", ");
            let arcs = Value::Array(polygons);
            if arcs.as_array().is_some_and(Vec::is_empty) && others.is_empty() {
                Err("has an empty GeometryCollection".into())
            } else if arcs.as_array().is_some_and(Vec::is_empty) {
                Err(format!(
                    "has a GeometryCollection without polygons (only {others})"
                ))
            } else {
                if !others.is_empty() {
                    prepared.warnings.push(format!(
                        "ignored the non-polygons in its GeometryCollection ({others})"
                    ));
                }
                check_arc_indexes(&arcs, 3, arc_ok)
                    .map(|()| json!({ "type": "MultiPolygon", "arcs": arcs }))
            }
        }
        None => Err("has no geometry (null)".into()),
        Some(kind @ ("Point" | "MultiPoint" | "LineString" | "MultiLineString")) => {
            Err(format!("has a {kind} geometry, not a polygon"))
        }
        Some(kind) => Err(format!("has an unknown geometry type \"{kind}\"")),
    };
    prepared
}

/// Collects the polygons (as arc index rings) of a nested GeometryCollection.
fn flatten(
    collection: &Map<String, Value>,
    polygons: &mut Vec<Value>,
    others: &mut BTreeMap<String, usize>,
) {
    let Some(Value::Array(members)) = collection.get("geometries") else {
        return;
    };
    for member in members {
        let Value::Object(member) = member else {
            *others.entry("non-object".into()).or_default() += 1;
            continue;
        };
        let arcs = member.get("arcs");
        match (member.get("type").and_then(Value::as_str), arcs) {
            (Some("Polygon"), Some(arcs)) => polygons.push(arcs.clone()),
            (Some("MultiPolygon"), Some(Value::Array(parts))) => polygons.extend(parts.clone()),
            (Some("GeometryCollection"), _) => flatten(member, polygons, others),
            (kind, _) => *others.entry(kind.unwrap_or("null").into()).or_default() += 1,
        }
    }
}

/// Arc indexes nested `depth` arrays deep, each naming a usable arc (`~i` is arc i reversed).
fn check_arc_indexes(arcs: &Value, depth: usize, arc_ok: &[bool]) -> Result<(), String> {
    let malformed = || "has malformed \"arcs\" (not arrays of arc indexes)".to_string();
    if depth == 0 {
        let index = arcs
            .as_i64()
            .and_then(|i| i32::try_from(i).ok())
            .ok_or_else(malformed)?;
        let arc = if index < 0 { !index } else { index };
        return match usize::try_from(arc).ok().and_then(|a| arc_ok.get(a)) {
            Some(true) => Ok(()),
            Some(false) => Err(format!("refers to arc {arc}, which is malformed")),
            None => Err(format!(
                "refers to arc {arc}, which the Topology does not have"
            )),
        };
    }
    let Value::Array(items) = arcs else {
        return Err(malformed());
    };
    items
        .iter()
        .try_for_each(|item| check_arc_indexes(item, depth - 1, arc_ok))
}
