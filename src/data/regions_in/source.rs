//! The file's JSON read into features: each with its properties and either a shape or the
//! reason it has none. GeoJSON is read here; a TopoJSON Topology goes through `topo.rs`.

use super::feature::{SourceFeature, add_feature_id, json_kind};
use super::geometry;
use super::{Format, RegionsError, topo};
use serde_json::{Map, Value};

const ACCEPTED: &str = "a GeoJSON FeatureCollection, Feature, Polygon or MultiPolygon, \
                        or a TopoJSON Topology";

/// The features of a file, in file order.
#[derive(Debug)]
pub(super) struct Source {
    pub format: Format,
    /// The TopoJSON object the features come from.
    pub object: Option<String>,
    /// The old GeoJSON `crs` member's name, if any (only used to explain a projected file).
    pub crs: Option<String>,
    pub features: Vec<SourceFeature>,
}

pub(super) fn read(text: &str) -> Result<Source, RegionsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root: Value = serde_json::from_str(text).map_err(json_error)?;
    let Value::Object(mut object) = root else {
        return Err(RegionsError::new(format!(
            "the file holds a JSON {}; expected {ACCEPTED}",
            json_kind(&root)
        )));
    };
    let crs = object
        .get("crs")
        .and_then(|crs| crs.get("properties")?.get("name")?.as_str())
        .map(str::to_owned);
    let kind = match object.get("type") {
        Some(Value::String(kind)) => kind.clone(),
        _ => {
            return Err(RegionsError::new(format!(
                "the file holds a JSON object without a \"type\"; expected {ACCEPTED}"
            )));
        }
    };
    let (format, object_name, features) = match kind.as_str() {
        "FeatureCollection" => {
            let Some(Value::Array(features)) = object.remove("features") else {
                return Err(RegionsError::new(
                    "the FeatureCollection has no \"features\" array",
                ));
            };
            if features.is_empty() {
                return Err(RegionsError::new(
                    "no features: the FeatureCollection is empty",
                ));
            }
            let features: Vec<SourceFeature> = features
                .into_iter()
                .enumerate()
                .map(|(index, value)| feature(index, value))
                .collect();
            (Format::GeoJson, None, features)
        }
        "Feature" => (
            Format::GeoJson,
            None,
            vec![feature(0, Value::Object(object))],
        ),
        "Polygon" | "MultiPolygon" | "GeometryCollection" => {
            let shape = geometry::shape(Value::Object(object));
            let only = SourceFeature {
                index: 0,
                properties: Map::new(),
                shape,
            };
            (Format::GeoJson, None, vec![only])
        }
        "Topology" => {
            let (name, features) = topo::read(object)?;
            if features.is_empty() {
                return Err(RegionsError::new(format!(
                    "no features: the Topology's object \"{name}\" has no geometries"
                )));
            }
            (Format::TopoJson, Some(name), features)
        }
        other => {
            return Err(RegionsError::new(format!(
                "the file holds a GeoJSON \"{other}\"; expected {ACCEPTED}"
            )));
        }
    };
    Ok(Source {
        format,
        object: object_name,
        crs,
        features,
    })
}

/// Reads one member of a FeatureCollection.
fn feature(index: usize, value: Value) -> SourceFeature {
    let Value::Object(mut object) = value else {
        return SourceFeature {
            index,
            properties: Map::new(),
            shape: Err(format!("is a JSON {}, not a Feature", json_kind(&value))),
        };
    };
    let mut properties = match object.remove("properties") {
        Some(Value::Object(properties)) => properties,
        _ => Map::new(),
    };
    if let Some(id) = object.remove("id") {
        add_feature_id(&mut properties, id);
    }
    let shape = match object.get("type").and_then(Value::as_str) {
        Some("Feature") => match object.remove("geometry") {
            None | Some(Value::Null) => Err("has no geometry (null)".into()),
            Some(geometry) => geometry::shape(geometry),
        },
        Some(other) => Err(format!("is a \"{other}\", not a Feature")),
        None => Err("is an object without a \"type\", not a Feature".into()),
    };
    SourceFeature {
        index,
        properties,
        shape,
    }
}

/// Makes a feature's own id usable as the property "id", unless a property has that name.
fn json_error(error: serde_json::Error) -> RegionsError {
    let mut message = error.to_string();
    // serde_json ends its messages with the position, which is given apart here.
    if let Some(at) = message.rfind(" at line ") {
        message.truncate(at);
    }
    let known = error.line() > 0;
    RegionsError {
        message: format!("not valid JSON: {message}"),
        line: known.then_some(error.line()),
        column: known.then_some(error.column()),
    }
}
