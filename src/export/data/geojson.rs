//! The events as a GeoJSON FeatureCollection (RFC 7946): one Point feature per event, with the
//! same properties as the CSV columns. An event of the country as a whole has no point: its
//! geometry is null, as RFC 7946 allows for a feature without a location.

use super::fields::event_fields;
use crate::data::Dataset;
use crate::i18n::Lang;
use serde_json::{Map, Value, json};

/// The events as GeoJSON, their texts in `lang`.
pub fn to_geojson(data: &Dataset, lang: Lang) -> String {
    let features: Vec<Value> = data
        .events
        .iter()
        .map(|event| {
            let f = event_fields(data, event, lang);
            let mut properties = Map::new();
            let mut put = |key: &str, value: Value| {
                properties.insert(key.to_owned(), value);
            };
            put("id", json!(f.id));
            put("start", json!(f.start));
            put("latest", json!(f.latest));
            put("time_known", json!(f.time_known));
            put("time_of_day", json!(f.time_of_day));
            put("end", json!(f.end));
            put("kind", json!(f.kind));
            put("title", json!(f.title));
            put("description", json!(f.description));
            put("place", json!(f.place));
            put("place_name", json!(f.place_name));
            put("location", json!(f.location));
            let sources: Vec<Value> = f
                .sources
                .iter()
                .map(|(title, url)| json!({"title": title, "url": url}))
                .collect();
            put("sources", Value::Array(sources));
            for (name, raised) in f.flags {
                put(name, json!(raised));
            }
            let geometry = f.point.map_or(
                Value::Null,
                |p| json!({"type": "Point", "coordinates": [p.x(), p.y()]}),
            );
            json!({
                "type": "Feature",
                "id": f.id,
                "geometry": geometry,
                "properties": properties,
            })
        })
        .collect();
    let meta = &data.meta;
    let collection = json!({
        "type": "FeatureCollection",
        "name": meta.name.get(lang),
        "dataset": {"id": meta.id, "version": meta.version, "attribution": meta.attribution},
        "features": features,
    });
    // A tree of JSON values always serialises.
    serde_json::to_string_pretty(&collection).unwrap_or_default() + "\n"
}
