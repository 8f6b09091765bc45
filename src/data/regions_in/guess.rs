//! Which properties hold the ids and the names: the given ones, which must exist, else the
//! first well-known candidate that fits (keys match case-insensitively).
//!
//! Ids must be unique: a candidate whose values repeat, or that some features lack, gives way to
//! the next one. When none fits, the candidate with the most distinct values is used if they
//! are distinct on more than half the features (else ids are "feature-N"), and repeats get
//! "-2", "-3" with a warning ([`make_ids_unique`]).

use super::feature::SourceFeature;
use super::{ImportedRegion, RegionOptions, RegionsError};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// In order of preference. "id" also finds the feature's own `id` (see `source.rs`).
const ID_CANDIDATES: &[&str] = &[
    "iso_3166_2",
    "iso3166_2",
    "shapeISO",
    "hc-key",
    "HASC_1",
    "adm1_code",
    "ADM1_PCODE",
    "GID_1",
    "code",
    "id",
    "ISO",
    "postal",
];

const NAME_CANDIDATES: &[&str] = &[
    "name_en",
    "name",
    "NAME_1",
    "shapeName",
    "ADM1_EN",
    "admin",
    "region",
    "nom",
    "nombre",
];

type Properties = Map<String, Value>;

/// The chosen properties.
#[derive(Debug, Clone)]
pub(super) struct Naming {
    pub id_property: Option<String>,
    pub name_property: Option<String>,
    pub guessed: bool,
    pub properties: Vec<String>,
}

impl Naming {
    pub fn id_value(&self, properties: &Properties) -> Option<String> {
        value_text(lookup(properties, self.id_property.as_deref()?)?)
    }

    pub fn name_value(&self, properties: &Properties) -> Option<String> {
        value_text(lookup(properties, self.name_property.as_deref()?)?)
    }
}

/// A property by name: exactly as spelled, else in any case.
pub(super) fn lookup<'a>(properties: &'a Properties, key: &str) -> Option<&'a Value> {
    properties.get(key).or_else(|| {
        properties
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

/// A property value as text: trimmed non-empty strings, and numbers in decimal.
pub(super) fn value_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        }
        Value::Number(n) => Some(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            // Shapefile-born ids are often floats: 12.0 is "12".
            (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        }),
        _ => None,
    }
}

/// Chooses the id and name properties.
pub(super) fn choose(
    features: &[SourceFeature],
    options: &RegionOptions,
) -> Result<Naming, RegionsError> {
    let all: Vec<&Properties> = features.iter().map(|f| &f.properties).collect();
    let properties: Vec<String> = all
        .iter()
        .flat_map(|p| p.keys())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .cloned()
        .collect();
    // Guess from the features that have a polygon: the others get no region.
    let usable: Vec<&Properties> = features
        .iter()
        .filter(|f| f.shape.is_ok())
        .map(|f| &f.properties)
        .collect();
    let id_property = match &options.id_property {
        Some(given) => Some(given_property(&all, given, &properties, "id")?),
        None => guess_id(&usable),
    };
    let name_property = match &options.name_property {
        Some(given) => Some(given_property(&all, given, &properties, "name")?),
        None => guess_name(&usable),
    };
    let guessed = (options.id_property.is_none() && id_property.is_some())
        || (options.name_property.is_none() && name_property.is_some());
    Ok(Naming {
        id_property,
        name_property,
        guessed,
        properties,
    })
}

/// The given property as spelled in the file; an error listing the others if no feature has it.
fn given_property(
    all: &[&Properties],
    given: &str,
    properties: &[String],
    role: &str,
) -> Result<String, RegionsError> {
    let exact = all.iter().any(|p| p.contains_key(given));
    if exact {
        return Ok(given.to_owned());
    }
    if let Some(key) = spelled(all, given) {
        return Ok(key);
    }
    let available = if properties.is_empty() {
        "the features have no properties".to_owned()
    } else {
        let quoted: Vec<String> = properties.iter().map(|p| format!("\"{p}\"")).collect();
        format!("the properties are {}", quoted.join(", "))
    };
    Err(RegionsError::new(format!(
        "no feature has the {role} property \"{given}\"; {available}"
    )))
}

/// The first spelling in the file of a key, in any case.
fn spelled(features: &[&Properties], key: &str) -> Option<String> {
    features
        .iter()
        .find_map(|p| p.keys().find(|k| k.eq_ignore_ascii_case(key)).cloned())
}

fn guess_id(features: &[&Properties]) -> Option<String> {
    let n = features.len();
    // (distinct values, features with a value, key) of the best candidate so far.
    let mut best: Option<(usize, usize, String)> = None;
    for candidate in ID_CANDIDATES {
        let values: Vec<String> = features
            .iter()
            .filter_map(|p| value_text(lookup(p, candidate)?))
            .collect();
        if values.is_empty() {
            continue;
        }
        let distinct = values.iter().collect::<BTreeSet<_>>().len();
        let key = spelled(features, candidate)?;
        if values.len() == n && distinct == n {
            return Some(key);
        }
        if best
            .as_ref()
            .is_none_or(|(d, present, _)| (distinct, values.len()) > (*d, *present))
        {
            best = Some((distinct, values.len(), key));
        }
    }
    best.filter(|(distinct, _, _)| distinct * 2 > n)
        .map(|(_, _, key)| key)
}

fn guess_name(features: &[&Properties]) -> Option<String> {
    // (features with a value, key) of the best candidate so far.
    let mut best: Option<(usize, String)> = None;
    for candidate in NAME_CANDIDATES {
        let present = features
            .iter()
            .filter(|p| lookup(p, candidate).and_then(value_text).is_some())
            .count();
        if present == 0 {
            continue;
        }
        let key = spelled(features, candidate)?;
        if present == features.len() {
            return Some(key);
        }
        if best.as_ref().is_none_or(|(p, _)| present > *p) {
            best = Some((present, key));
        }
    }
    best.map(|(_, key)| key)
}

/// Gives a repeated id a suffix "-2", "-3"… (skipping ids in use), with a warning.
pub(super) fn make_ids_unique(regions: &mut [ImportedRegion]) {
    let mut used: BTreeSet<String> = regions.iter().map(|r| r.id.clone()).collect();
    let mut seen = BTreeSet::new();
    let mut next_suffix: BTreeMap<String, usize> = BTreeMap::new();
    for region in regions.iter_mut() {
        if seen.insert(region.id.clone()) {
            continue;
        }
        let suffix = next_suffix.entry(region.id.clone()).or_insert(2);
        let mut id = format!("{}-{suffix}", region.id);
        while used.contains(&id) {
            *suffix += 1;
            id = format!("{}-{suffix}", region.id);
        }
        *suffix += 1;
        region.warnings.push(format!(
            "shares the id \"{}\" with an earlier feature; its id is \"{id}\"",
            region.id
        ));
        used.insert(id.clone());
        seen.insert(id.clone());
        region.id = id;
    }
}
