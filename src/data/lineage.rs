//! The lineage of units: the units later layouts carved out of the dataset's ones (and the
//! renamings), so that a region file of a later layout can be laid on the dataset's periods.

use super::error::Problem;
use super::json::SourceFile;
use crate::i18n::LocalText;
use serde::Deserialize;

/// A unit of a later layout carved out of one of the dataset's units.
#[derive(Debug, Clone)]
pub struct Successor {
    /// Its id in the later layout: `KZ-10`.
    pub id: String,
    pub names: LocalText,
    /// A short name for the map (the full name when the file gives none).
    pub short: LocalText,
    /// Other spellings, matched like names.
    pub alt: Vec<String>,
    /// The id of the dataset's unit it was carved out of.
    pub from: String,
    /// When it came into being, as precisely as known: `2022-06`.
    pub since: String,
}

/// A unit of the dataset that later took another name.
#[derive(Debug, Clone)]
pub struct Renamed {
    pub unit: String,
    pub names: LocalText,
    pub since: String,
}

/// Everything the dataset records of later layouts.
#[derive(Debug, Clone, Default)]
pub struct Lineage {
    pub successors: Vec<Successor>,
    pub renamed: Vec<Renamed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLineage {
    #[serde(default, rename = "comment")]
    _comment: Option<String>,
    #[serde(default)]
    successors: Vec<RawSuccessor>,
    #[serde(default)]
    renamed: Vec<RawRenamed>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSuccessor {
    id: String,
    from: String,
    since: String,
    names: LocalText,
    #[serde(default)]
    short: Option<LocalText>,
    #[serde(default)]
    alt: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRenamed {
    unit: String,
    since: String,
    names: LocalText,
}

impl Lineage {
    /// The successor with this id (case-insensitive).
    pub fn successor(&self, id: &str) -> Option<&Successor> {
        self.successors
            .iter()
            .find(|s| s.id.eq_ignore_ascii_case(id))
    }
}

/// Reads the lineage file; every unit it names must be one of `units`.
pub fn load_lineage(file: &SourceFile, unit_ids: &[&str], problems: &mut Vec<Problem>) -> Lineage {
    let raw: RawLineage = match file.parse() {
        Ok(raw) => raw,
        Err(p) => {
            problems.push(p);
            return Lineage::default();
        }
    };
    let known = |id: &str| unit_ids.contains(&id);
    let mut problem = |id: &str, message: String| {
        let at = file.text.find(&format!("\"{id}\"")).unwrap_or(0);
        problems.push(file.problem_at(at, None, message));
    };
    for s in &raw.successors {
        if !known(&s.from) {
            problem(
                &s.from,
                format!(
                    "successor \"{}\" comes from \"{}\", which is not a unit of the dataset",
                    s.id, s.from
                ),
            );
        }
        if known(&s.id) {
            problem(
                &s.id,
                format!("successor \"{}\" is already a unit of the dataset", s.id),
            );
        }
    }
    for r in &raw.renamed {
        if !known(&r.unit) {
            problem(
                &r.unit,
                format!("renamed unit \"{}\" is not a unit of the dataset", r.unit),
            );
        }
    }
    Lineage {
        successors: raw
            .successors
            .into_iter()
            .map(|s| Successor {
                id: s.id,
                short: s.short.unwrap_or_else(|| s.names.clone()),
                names: s.names,
                alt: s.alt,
                from: s.from,
                since: s.since,
            })
            .collect(),
        renamed: raw
            .renamed
            .into_iter()
            .map(|r| Renamed {
                unit: r.unit,
                names: r.names,
                since: r.since,
            })
            .collect(),
    }
}
