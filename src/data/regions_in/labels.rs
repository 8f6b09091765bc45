//! A feature's names by language (`name_en`, `NAME_RU`, `name:kk`, `name_zh-Hans`; OCHA's
//! `ADM1_EN` style when that is the name property) and its aliases: every other id-like value
//! and name variant, for search and for matching the regions to other data.

use super::guess::value_text;
use serde_json::{Map, Value};

/// Suffixes after "name_" that look like language codes but are not.
const NOT_LANGUAGES: &[&str] = &[
    "abb", "alt", "int", "len", "loc", "nat", "off", "old", "ref", "reg", "sht",
];

/// Keys (lowercase) whose values are other ids of a region.
const ID_KEYS: &[&str] = &[
    "adm1_code",
    "adm1_pcode",
    "code",
    "fips",
    "fips_1",
    "gid_1",
    "gn_id",
    "gns_id",
    "hasc",
    "hasc_1",
    "hc-key",
    "id",
    "iso",
    "iso3166_2",
    "iso_3166_2",
    "ne_id",
    "postal",
    "postal-code",
    "shapeiso",
    "wikidata",
    "wikidataid",
    "woe_id",
];

/// Keys (lowercase) whose values are other names of a region; "|" separates several.
const NAME_KEYS: &[&str] = &[
    "alt_name",
    "gn_name",
    "name",
    "name_1",
    "name_alt",
    "name_local",
    "nl_name_1",
    "official_name",
    "shapename",
    "varname_1",
    "woe_name",
];

/// (BCP 47 tag, text) pairs, one per tag, in property order.
pub(super) fn names(
    properties: &Map<String, Value>,
    name_property: Option<&str>,
) -> Vec<(String, String)> {
    // "ADM1_EN" as the name property means "ADM1_RU" and the like are names too.
    let adm_prefix = name_property
        .map(str::to_ascii_lowercase)
        .filter(|p| {
            p.len() == 7
                && p.starts_with("adm")
                && p.as_bytes()[3].is_ascii_digit()
                && p.as_bytes()[4] == b'_'
        })
        .map(|p| p[..5].to_owned());
    let mut names: Vec<(String, String)> = Vec::new();
    for (key, value) in properties {
        let lower = key.to_ascii_lowercase();
        let suffix = ["name_", "name:"]
            .iter()
            .chain(adm_prefix.as_deref().map(|p| [p]).iter().flatten())
            .find_map(|prefix| lower.strip_prefix(prefix));
        let Some(tag) = suffix.and_then(language_tag) else {
            continue;
        };
        let Some(text) = value.as_str().map(str::trim).filter(|t| !t.is_empty()) else {
            continue;
        };
        if !names.iter().any(|(t, _)| *t == tag) {
            names.push((tag, text.to_owned()));
        }
    }
    names
}

/// A BCP 47 tag in its usual case from a key suffix such as "en", "zh-hans", "pt_br", "zht".
fn language_tag(suffix: &str) -> Option<String> {
    let mut parts = suffix.split(['-', '_']);
    let language = parts.next()?;
    let letters = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
    if !(2..=3).contains(&language.len()) || !letters(language) {
        return None;
    }
    if NOT_LANGUAGES.contains(&language) {
        return None;
    }
    // Natural Earth's traditional Chinese.
    let mut tag = if language == "zht" {
        "zh-Hant".to_owned()
    } else {
        language.to_owned()
    };
    for part in parts {
        let subtag = match part.len() {
            4 if letters(part) => {
                let mut script = part.to_owned();
                script[..1].make_ascii_uppercase();
                script
            }
            2 if letters(part) => part.to_ascii_uppercase(),
            3 if part.chars().all(|c| c.is_ascii_digit()) => part.to_owned(),
            5..=8 if part.chars().all(|c| c.is_ascii_alphanumeric()) => part.to_owned(),
            _ => return None,
        };
        tag.push('-');
        tag.push_str(&subtag);
    }
    Some(tag)
}

/// Every other id-like value and name variant, without repeats, the id and the name.
pub(super) fn aliases(properties: &Map<String, Value>, id: &str, name: &str) -> Vec<String> {
    let mut aliases: Vec<String> = Vec::new();
    for (key, value) in properties {
        let lower = key.to_ascii_lowercase();
        let is_id = ID_KEYS.contains(&lower.as_str());
        if !is_id && !NAME_KEYS.contains(&lower.as_str()) {
            continue;
        }
        // Natural Earth writes -99 (and -1) for "none".
        if is_id && value.as_f64().is_some_and(|v| v <= 0.0) {
            continue;
        }
        let Some(text) = value_text(value) else {
            continue;
        };
        for alias in text.split('|').map(str::trim) {
            if !alias.is_empty()
                && alias != id
                && alias != name
                && !aliases.iter().any(|a| a == alias)
            {
                aliases.push(alias.to_owned());
            }
        }
    }
    aliases
}
