//! A feature as read from the file, before its geometry is repaired: shared by the GeoJSON
//! and TopoJSON readers.

use super::geometry::Shape;
use serde_json::{Map, Value};

#[derive(Debug)]
pub(super) struct SourceFeature {
    /// 0-based index in the file (in the TopoJSON object's geometries).
    pub index: usize,
    /// The properties, plus the feature's own `id` as "id" when no property is called so.
    pub properties: Map<String, Value>,
    pub shape: Result<Shape, String>,
}

pub(super) fn add_feature_id(properties: &mut Map<String, Value>, id: Value) {
    let usable = matches!(id, Value::String(_) | Value::Number(_));
    if usable && !properties.keys().any(|k| k.eq_ignore_ascii_case("id")) {
        properties.insert("id".into(), id);
    }
}

pub(super) fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}
