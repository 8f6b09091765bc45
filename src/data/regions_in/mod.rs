//! Reading region boundaries from a user's GeoJSON or TopoJSON file.
//!
//! Contract: [`read_regions`] turns the text of a file into one [`ImportedRegion`] per polygon
//! feature, each with an id, a name, names by language tag, aliases and a valid
//! `MultiPolygon` (exteriors counter-clockwise, holes clockwise). Nothing is dropped silently:
//! a feature that cannot be used is listed in [`RegionsReport::skipped`] with the reason, and
//! every change made to a geometry is said in words in [`ImportedRegion::repairs`].
//! Errors that concern the whole file (unreadable JSON, a type that is not accepted, a projected
//! CRS, a property that no feature has) are a [`RegionsError`]. User data never panics.
//!
//! The work is close to linear in the size of the file: geo's `Validation` compares every
//! segment of a ring with every other, so validity is checked here with a sweep
//! (see `validity.rs`), and only invalid polygons go through the boolean operations.

mod check;
mod feature;
mod geometry;
mod guess;
mod labels;
mod repair;
mod source;
mod topo;
mod validity;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_geometry;
#[cfg(test)]
mod tests_topo;

use std::fmt;

pub use check::outline_problems;

/// Which properties hold the ids and the names. `None` means: guess.
#[derive(Debug, Clone, Default)]
pub struct RegionOptions {
    /// The property whose values are the region ids (case-insensitive).
    pub id_property: Option<String>,
    /// The property whose values are the region names (case-insensitive).
    pub name_property: Option<String>,
}

/// The kind of file that was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RFC 7946 (a FeatureCollection, a Feature or a bare polygonal geometry).
    GeoJson,
    /// A Topology; the regions come from one of its objects.
    TopoJson,
}

/// What [`read_regions`] found in a file.
#[derive(Debug, Clone)]
pub struct RegionsReport {
    pub format: Format,
    /// The TopoJSON object the regions come from (the one with the most polygons).
    pub object: Option<String>,
    /// The usable features, in file order.
    pub regions: Vec<ImportedRegion>,
    /// Features that could not be used at all, with the reason.
    pub skipped: Vec<FeatureProblem>,
    /// The property used for ids, as spelled in the file (`None`: ids are "feature-N").
    /// `"id"` also covers the feature's own `id` member when no property is called so.
    pub id_property: Option<String>,
    /// The property used for names, as spelled in the file (`None`: names are the ids).
    pub name_property: Option<String>,
    /// True when either property was guessed rather than given.
    pub guessed: bool,
    /// Every property name seen, sorted, for the report and the hint.
    pub properties: Vec<String>,
    /// Where each feature starts (line, column), by index, when a GeoJSON feature was
    /// repaired, warned of or skipped; empty otherwise (and for TopoJSON).
    pub positions: Vec<(usize, usize)>,
}

/// One region read from the file.
#[derive(Debug, Clone)]
pub struct ImportedRegion {
    /// The feature's index in the file (0-based).
    pub index: usize,
    /// Unique within the report.
    pub id: String,
    /// The name property's value, else the id.
    pub name: String,
    /// (BCP 47 tag, text) from properties such as `name_en`, `NAME_RU`, `name:kk`, `name_zh-Hans`.
    pub names: Vec<(String, String)>,
    /// Every other id-like value or name variant of the feature (ISO codes, hc-key, alt names…).
    pub aliases: Vec<String>,
    /// Valid when `warnings` says nothing about it; longitude/latitude degrees.
    pub geometry: geo::MultiPolygon<f64>,
    /// What was changed, in words.
    pub repairs: Vec<String>,
    /// What could not be fixed or looks wrong (a region is kept whenever some geometry is left).
    pub warnings: Vec<String>,
}

/// A feature that could not be used at all.
#[derive(Debug, Clone)]
pub struct FeatureProblem {
    pub index: usize,
    /// Its id value, when it has one.
    pub id: Option<String>,
    pub message: String,
}

/// Why a whole file could not be read.
#[derive(Debug, Clone)]
pub struct RegionsError {
    pub message: String,
    /// 1-based, when known.
    pub line: Option<usize>,
    /// 1-based, when known.
    pub column: Option<usize>,
}

impl RegionsError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for RegionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for RegionsError {}

/// Reads the regions of a GeoJSON FeatureCollection (or one Feature, or a bare Polygon,
/// MultiPolygon or GeometryCollection) or of a TopoJSON Topology.
pub fn read_regions(text: &str, options: &RegionOptions) -> Result<RegionsReport, RegionsError> {
    let source = source::read(text)?;
    let shapes = source.features.iter().filter_map(|f| f.shape.as_ref().ok());
    if let Some(message) = repair::projected_crs(shapes, source.crs.as_deref()) {
        return Err(RegionsError::new(message));
    }
    let naming = guess::choose(&source.features, options)?;

    let mut regions = Vec::new();
    let mut skipped = Vec::new();
    for feature in source.features {
        let id = naming.id_value(&feature.properties);
        let repaired = match feature.shape {
            Ok(shape) => repair::repair(shape),
            Err(message) => Err(message),
        };
        let repaired = match repaired {
            Ok(repaired) => repaired,
            Err(message) => {
                skipped.push(FeatureProblem {
                    index: feature.index,
                    id,
                    message,
                });
                continue;
            }
        };
        let mut warnings = repaired.warnings;
        let id = id.unwrap_or_else(|| {
            let fallback = format!("feature-{}", feature.index);
            if let Some(property) = &naming.id_property {
                warnings.push(format!(
                    "has no \"{property}\" value; its id is \"{fallback}\""
                ));
            }
            fallback
        });
        let name = naming.name_value(&feature.properties).unwrap_or_else(|| {
            if let Some(property) = &naming.name_property {
                warnings.push(format!(
                    "has no \"{property}\" value; it is named by its id"
                ));
            }
            id.clone()
        });
        let names = labels::names(&feature.properties, naming.name_property.as_deref());
        let aliases = labels::aliases(&feature.properties, &id, &name);
        regions.push(ImportedRegion {
            index: feature.index,
            id,
            name,
            names,
            aliases,
            geometry: repaired.geometry,
            repairs: repaired.repairs,
            warnings,
        });
    }
    guess::make_ids_unique(&mut regions);
    let said = |r: &ImportedRegion| !r.repairs.is_empty() || !r.warnings.is_empty();
    let positions =
        if source.format == Format::GeoJson && (!skipped.is_empty() || regions.iter().any(said)) {
            feature_positions(text)
        } else {
            Vec::new()
        };

    Ok(RegionsReport {
        positions,
        format: source.format,
        object: source.object,
        regions,
        skipped,
        guessed: naming.guessed,
        id_property: naming.id_property,
        name_property: naming.name_property,
        properties: naming.properties,
    })
}

/// Where each feature of a FeatureCollection starts (line, column); empty for any other file.
fn feature_positions(text: &str) -> Vec<(usize, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let file = super::json::SourceFile::new("", text.to_owned());
    let Ok(records) = file.records("features") else {
        return Vec::new();
    };
    records
        .iter()
        .map(|r| {
            let at = file.problem_at(r.offset, None, String::new());
            (at.line, at.column)
        })
        .collect()
}
