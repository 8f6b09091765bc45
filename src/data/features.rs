//! Loading the GeoJSON layers: the units and the context (basemap) features, with the
//! geometry checks `qantar check` promises: closed rings, finite coordinates in range.

use super::error::Problem;
use super::ids::UnitIdx;
use super::json::{Record, SourceFile};
use super::model::{ContextClass, ContextFeature, Unit, UnitKind};
use super::raw::{RawContextClass, RawContextProps, RawFeature, RawUnitKind, RawUnitProps};
use super::records::for_each_record;
use super::regions_in::outline_problems;
use geo::{BoundingRect, MultiPolygon};
use geojson::GeometryValue;
use std::collections::BTreeMap;

/// At most this many geometry problems are listed per feature.
const MAX_GEOMETRY_PROBLEMS: usize = 5;

/// Reads the unit features. Units are returned sorted by id.
pub fn load_units(file: &SourceFile, problems: &mut Vec<Problem>) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut drawn_within = Vec::new();
    let records = file.records("features");
    for_each_record(
        records,
        feature_label,
        problems,
        |record, _, raw: RawFeature<RawUnitProps>, problems| {
            let label = format!("unit \"{}\"", raw.properties.id);
            if raw.kind != "Feature" {
                problems.push(record.problem(
                    &label,
                    Some("type"),
                    "is not a GeoJSON Feature".into(),
                ));
            }
            if raw.properties.names.is_empty() {
                problems.push(record.problem(&label, Some("names"), "has no name".into()));
            }
            let geometry = match &raw.geometry {
                None => None,
                Some(g) => polygonal(record, &label, g, problems),
            };
            if geometry.is_none() && raw.properties.drawn_within.is_none() {
                problems.push(record.problem(
                    &label,
                    Some("geometry"),
                    "has no polygon and no \"drawn_within\" unit".into(),
                ));
            }
            let label_at = label_point(record, &label, raw.properties.label, problems);
            if let Some(outline) = &geometry {
                for message in outline_problems(outline, label_at) {
                    problems.push(record.problem(&label, Some("geometry"), message));
                }
            }
            let p = raw.properties;
            drawn_within.push((record.clone_pos(), label, p.drawn_within.clone()));
            units.push(Unit {
                bbox: geometry.as_ref().and_then(BoundingRect::bounding_rect),
                id: p.id,
                kind: match p.kind {
                    RawUnitKind::Region => UnitKind::Region,
                    RawUnitKind::City => UnitKind::City,
                },
                short: p.short.unwrap_or_else(|| p.names.clone()),
                names: p.names,
                alt: p.alt,
                aliases: p.aliases,
                note: p.note,
                geometry,
                drawn_within: None,
                label: label_at,
            });
        },
    );
    // Resolve "drawn_within" now that every id is known; then sort by id.
    let ids: BTreeMap<String, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.clone(), i))
        .collect();
    if ids.len() != units.len() {
        // Each unit whose id an earlier one has, at its own place, naming the earlier one.
        let mut first: BTreeMap<&str, usize> = BTreeMap::new();
        for (u, (at, label, _)) in units.iter().zip(&drawn_within) {
            match first.get(u.id.as_str()) {
                Some(&earlier) => {
                    let e = file.problem_at(earlier, None, String::new());
                    let message = format!(
                        "the id \"{}\" is taken already by the unit at line {}, column {}",
                        u.id, e.line, e.column
                    );
                    problems.push(file.problem_at(at.offset, Some(label.clone()), message));
                }
                None => {
                    first.insert(&u.id, at.offset);
                }
            }
        }
    }
    for (i, (at, label, within)) in drawn_within.into_iter().enumerate() {
        let Some(within) = within else { continue };
        match ids.get(&within) {
            Some(&j) if units[j].geometry.is_some() => {
                units[i].drawn_within = Some(UnitIdx(j as u32));
                units[i].bbox = units[j].bbox;
            }
            Some(_) => problems.push(at.problem(
                file,
                &label,
                format!("\"drawn_within\" unit \"{within}\" has no polygon"),
            )),
            None => problems.push(at.problem(
                file,
                &label,
                format!("\"drawn_within\" names an unknown unit \"{within}\""),
            )),
        }
    }
    sort_units(units)
}

/// Sorts units by id and remaps the `drawn_within` indices.
fn sort_units(units: Vec<Unit>) -> Vec<Unit> {
    let mut order: Vec<usize> = (0..units.len()).collect();
    order.sort_by(|&a, &b| units[a].id.cmp(&units[b].id));
    let mut new_index = vec![0u32; units.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new as u32;
    }
    let mut slots: Vec<Option<Unit>> = units.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&old| slots[old].take())
        .map(|mut u| {
            u.drawn_within = u.drawn_within.map(|w| UnitIdx(new_index[w.index()]));
            u
        })
        .collect()
}

/// Reads the context features.
pub fn load_context(file: &SourceFile, problems: &mut Vec<Problem>) -> Vec<ContextFeature> {
    let mut features = Vec::new();
    let records = file.records("features");
    for_each_record(
        records,
        feature_label,
        problems,
        |record, label, raw: RawFeature<RawContextProps>, problems| {
            let Some(g) = &raw.geometry else {
                problems.push(record.problem(&label, Some("geometry"), "has no geometry".into()));
                return;
            };
            if !geometry_is_sound(record, &label, &g.value, problems) {
                return;
            }
            let Ok(geometry) = geo::Geometry::<f64>::try_from(&g.value) else {
                problems.push(record.problem(
                    &label,
                    Some("geometry"),
                    "unreadable geometry".into(),
                ));
                return;
            };
            let label_at = label_point(record, &label, raw.properties.label, problems);
            features.push(ContextFeature {
                label: label_at,
                id: (raw.id.map(super::json::id_text))
                    .unwrap_or_else(|| format!("#{}", record.index)),
                class: match raw.properties.class {
                    RawContextClass::Land => ContextClass::Land,
                    RawContextClass::Water => ContextClass::Water,
                    RawContextClass::River => ContextClass::River,
                    RawContextClass::Special => ContextClass::Special,
                },
                names: raw.properties.names,
                geometry,
                note: raw.properties.note,
            });
        },
    );
    features
}

/// A `label` property as a point, if present and in range.
fn label_point(
    record: &Record<'_>,
    label: &str,
    at: Option<[f64; 2]>,
    problems: &mut Vec<Problem>,
) -> Option<geo::Point<f64>> {
    let [lon, lat] = at?;
    if lon.is_finite()
        && lat.is_finite()
        && (-180.0..=180.0).contains(&lon)
        && (-90.0..=90.0).contains(&lat)
    {
        Some(geo::Point::new(lon, lat))
    } else {
        problems.push(record.problem(
            label,
            Some("label"),
            format!("label point [{lon}, {lat}] is out of range"),
        ));
        None
    }
}

fn feature_label(record: &Record<'_>) -> String {
    match record.peek_id() {
        Some(id) => format!("feature #{} \"{id}\"", record.index + 1),
        None => format!("feature #{}", record.index + 1),
    }
}

/// The geometry as a multipolygon, if it is a sound (multi)polygon.
fn polygonal(
    record: &Record<'_>,
    label: &str,
    geometry: &geojson::Geometry,
    problems: &mut Vec<Problem>,
) -> Option<MultiPolygon<f64>> {
    if !geometry_is_sound(record, label, &geometry.value, problems) {
        return None;
    }
    match geo::Geometry::<f64>::try_from(geometry.clone()) {
        Ok(geo::Geometry::Polygon(p)) => Some(MultiPolygon(vec![p])),
        Ok(geo::Geometry::MultiPolygon(mp)) => Some(mp),
        _ => {
            problems.push(record.problem(
                label,
                Some("geometry"),
                format!(
                    "a unit's geometry must be a Polygon or MultiPolygon, not {}",
                    geometry.value.type_name()
                ),
            ));
            None
        }
    }
}

/// Checks rings and coordinates; pushes problems and returns false when something is wrong.
fn geometry_is_sound(
    record: &Record<'_>,
    label: &str,
    value: &GeometryValue,
    problems: &mut Vec<Problem>,
) -> bool {
    let mut found = Vec::new();
    check_value(value, &mut found);
    let sound = found.is_empty();
    let more = found.len().saturating_sub(MAX_GEOMETRY_PROBLEMS);
    for message in found.into_iter().take(MAX_GEOMETRY_PROBLEMS) {
        problems.push(record.problem(label, Some("coordinates"), message));
    }
    if more > 0 {
        problems.push(record.problem(
            label,
            Some("coordinates"),
            format!("… and {more} more geometry problems"),
        ));
    }
    sound
}

fn check_value(value: &GeometryValue, found: &mut Vec<String>) {
    match value {
        GeometryValue::Point { coordinates } => check_position(coordinates.as_slice(), found),
        GeometryValue::MultiPoint { coordinates } => {
            coordinates
                .iter()
                .for_each(|p| check_position(p.as_slice(), found));
        }
        GeometryValue::LineString { coordinates } => check_line(coordinates, found),
        GeometryValue::MultiLineString { coordinates } => {
            coordinates.iter().for_each(|l| check_line(l, found));
        }
        GeometryValue::Polygon { coordinates } => check_polygon(coordinates, found),
        GeometryValue::MultiPolygon { coordinates } => {
            coordinates.iter().for_each(|p| check_polygon(p, found));
        }
        GeometryValue::GeometryCollection { geometries } => {
            geometries.iter().for_each(|g| check_value(&g.value, found));
        }
    }
}

fn check_line(line: &[geojson::Position], found: &mut Vec<String>) {
    if line.len() < 2 {
        found.push(format!("a line has {} position(s); it needs 2", line.len()));
    }
    line.iter()
        .for_each(|p| check_position(p.as_slice(), found));
}

fn check_polygon(rings: &[Vec<geojson::Position>], found: &mut Vec<String>) {
    if rings.is_empty() {
        found.push("a polygon has no rings".into());
    }
    for (i, ring) in rings.iter().enumerate() {
        let which = if i == 0 {
            "the outer ring".to_owned()
        } else {
            format!("hole {i}")
        };
        if ring.len() < 4 {
            found.push(format!(
                "{which} has {} positions; a ring needs 4",
                ring.len()
            ));
        } else if ring.first().map(|p| p.as_slice()) != ring.last().map(|p| p.as_slice()) {
            found.push(format!(
                "{which} is not closed: its last position differs from its first"
            ));
        }
        ring.iter()
            .for_each(|p| check_position(p.as_slice(), found));
    }
}

fn check_position(p: &[f64], found: &mut Vec<String>) {
    match p {
        [lon, lat, ..] => {
            if !lon.is_finite() || !lat.is_finite() {
                found.push(format!("coordinate [{lon}, {lat}] is not finite"));
            } else if !(-180.0..=180.0).contains(lon) || !(-90.0..=90.0).contains(lat) {
                found.push(format!(
                    "coordinate [{lon}, {lat}] is out of range (longitude first, in degrees)"
                ));
            }
        }
        _ => found.push(format!("a position has {} number(s); it needs 2", p.len())),
    }
}

/// A record's position, kept after parsing so that later checks can point back at it.
#[derive(Debug, Clone, Copy)]
pub struct RecordPos {
    offset: usize,
    drawn_within_rel: Option<usize>,
}

impl RecordPos {
    fn problem(self, file: &SourceFile, label: &str, message: String) -> Problem {
        let at = self.offset + self.drawn_within_rel.unwrap_or(0);
        file.problem_at(at, Some(label.to_owned()), message)
    }
}

impl Record<'_> {
    fn clone_pos(&self) -> RecordPos {
        RecordPos {
            offset: self.offset,
            drawn_within_rel: self.text.find("\"drawn_within\""),
        }
    }
}
