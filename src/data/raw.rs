//! The dataset files as written: serde mirrors of the JSON, before references are resolved.
//! See geodata/README.md for the format of each file.

use super::event::{Qualifier, TimeOfDay};
use super::source::SourceKind;
use crate::i18n::LocalText;
use serde::Deserialize;
use std::collections::BTreeMap;

/// `dataset.json`: the manifest.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMeta {
    pub id: String,
    pub version: String,
    pub name: LocalText,
    #[serde(default)]
    pub description: LocalText,
    #[serde(default)]
    pub country: Option<RawCountry>,
    pub time_zone: RawTimeZone,
    /// When absent, the window spans the events.
    #[serde(default)]
    pub window: Option<RawWindow>,
    /// By key (`{"emergency": names}`, sorted by key) or as a list, in order; the first is the
    /// dataset's main status.
    #[serde(default)]
    pub statuses: RawStatuses,
    /// The kinds of event; Qantar's nine when absent.
    #[serde(default)]
    pub kinds: Option<Vec<RawKind>>,
    pub files: RawFiles,
    #[serde(default)]
    pub attribution: String,
    /// The instant the window opens at (`2022-01-05T18:00`); else the first event's day.
    #[serde(default)]
    pub default_instant: Option<String>,
    /// The range the export dialog offers for an animation: two dates.
    #[serde(default)]
    pub export_range: Option<RawWindow>,
    /// What the search box suggests trying: `Almaty, airport, Zhanaozen`.
    #[serde(default)]
    pub search_hint: Option<LocalText>,
    /// The About window's account of the data.
    #[serde(default)]
    pub about: super::model::About,
}

/// The statuses, as a map by key or a list.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawStatuses {
    ByKey(BTreeMap<String, RawStatusNames>),
    List(Vec<RawStatus>),
}

impl Default for RawStatuses {
    fn default() -> Self {
        RawStatuses::List(Vec::new())
    }
}

/// A status's names alone, or with a colour.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawStatusNames {
    Detailed {
        names: LocalText,
        #[serde(default)]
        colour: Option<String>,
    },
    Names(LocalText),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStatus {
    pub id: String,
    pub names: LocalText,
    #[serde(default)]
    pub colour: Option<String>,
}

/// A kind of event in `dataset.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawKind {
    pub id: String,
    pub names: LocalText,
    #[serde(default = "one")]
    pub severity: u8,
    #[serde(default)]
    pub colour: Option<String>,
}

fn one() -> u8 {
    1
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    pub id: String,
    pub names: LocalText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTimeZone {
    /// A fixed offset, `+06:00`.
    #[serde(default)]
    pub utc_offset: Option<String>,
    /// An IANA zone, `Europe/Kyiv`, with its daylight saving.
    #[serde(default)]
    pub zone: Option<String>,
    #[serde(default)]
    pub label: LocalText,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWindow {
    pub start: String,
    pub end: String,
}

/// File names, relative to the dataset folder.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFiles {
    /// Qantar's own units file.
    #[serde(default)]
    pub units: Option<String>,
    /// Or any GeoJSON or TopoJSON region file, with the properties to read.
    #[serde(default)]
    pub regions: Option<RawRegionsFile>,
    #[serde(default)]
    pub context: Option<String>,
    #[serde(default)]
    pub cities: Option<String>,
    #[serde(default)]
    pub events: Option<String>,
    #[serde(default)]
    pub periods: Option<String>,
    #[serde(default)]
    pub sources: Option<String>,
    /// The guided story, if the dataset has one.
    #[serde(default)]
    pub story: Option<String>,
    /// The units of later layouts and renamings (see geodata/README.md).
    #[serde(default)]
    pub lineage: Option<String>,
}

/// A region file of any provenance, named in the manifest.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegionsFile {
    pub file: String,
    #[serde(default)]
    pub id_property: Option<String>,
    #[serde(default)]
    pub name_property: Option<String>,
}

/// A GeoJSON feature with typed properties.
#[derive(Debug, Deserialize)]
pub struct RawFeature<P> {
    #[serde(rename = "type")]
    pub kind: String,
    /// The feature's own `id` member, if any.
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    pub properties: P,
    pub geometry: Option<geojson::Geometry>,
}

/// Properties of a unit feature.
#[derive(Debug, Deserialize)]
pub struct RawUnitProps {
    pub id: String,
    pub kind: RawUnitKind,
    pub names: LocalText,
    #[serde(default)]
    pub short: Option<LocalText>,
    #[serde(default)]
    pub alt: Vec<String>,
    /// The ids other layouts give the unit (`KZ-47`, `kz-mg`).
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub drawn_within: Option<String>,
    /// Where the name goes, lon/lat; computed when absent.
    #[serde(default)]
    pub label: Option<[f64; 2]>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawUnitKind {
    Region,
    City,
}

/// Properties of a context feature.
#[derive(Debug, Deserialize)]
pub struct RawContextProps {
    pub class: RawContextClass,
    #[serde(default)]
    pub names: Option<LocalText>,
    /// Where the name goes, lon/lat; computed when absent.
    #[serde(default)]
    pub label: Option<[f64; 2]>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RawContextClass {
    Land,
    Water,
    River,
    Special,
}

/// A city in `cities.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCity {
    pub id: String,
    pub names: LocalText,
    #[serde(default)]
    pub alt: Vec<String>,
    pub unit: String,
    pub lon: f64,
    pub lat: f64,
    #[serde(default)]
    pub population: u64,
    #[serde(default)]
    pub geonames_id: Option<u64>,
    /// Kept in the file for provenance; the atlas does not use it.
    #[serde(default, rename = "geonames_name")]
    pub _geonames_name: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// A source in `sources.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    pub kind: SourceKind,
    #[serde(default)]
    pub language: Option<String>,
    /// "2022-01-06".
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

/// An event in `events.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub time_of_day: Option<TimeOfDay>,
    /// When `start` is the earliest instant: the latest by which it had happened.
    #[serde(default)]
    pub latest: Option<String>,
    /// A city, unit or the country; may be absent when `lon`/`lat` place the event.
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub lon: Option<f64>,
    #[serde(default)]
    pub lat: Option<f64>,
    /// Where, in words, for an event placed by its point.
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub units: Vec<String>,
    pub kind: String,
    pub title: LocalText,
    pub description: LocalText,
    pub sources: Vec<String>,
    #[serde(default)]
    pub single_source: bool,
    #[serde(default)]
    pub unconfirmed: bool,
    #[serde(default)]
    pub date_inferred: bool,
    #[serde(default)]
    pub time_approximate: bool,
    #[serde(default)]
    pub figures_disputed: bool,
    #[serde(default)]
    pub date_disputed: bool,
    #[serde(default)]
    pub figures: Vec<RawFigure>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub label: String,
    pub values: Vec<RawFigureValue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigureValue {
    pub value: u64,
    #[serde(default = "exact")]
    pub qualifier: Qualifier,
    pub by: String,
    #[serde(default)]
    pub source: Option<String>,
}

fn exact() -> Qualifier {
    Qualifier::Exact
}

/// A status period in `periods.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeriod {
    pub unit: String,
    pub status: String,
    pub declared: RawBound,
    #[serde(default)]
    pub lifted: Option<RawBound>,
    #[serde(default)]
    pub lifted_early: bool,
    #[serde(default)]
    pub decreed_end: Option<String>,
    #[serde(default)]
    pub decree: Option<String>,
    #[serde(default)]
    pub curfew: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub sources: Vec<String>,
}

/// A declaration or a lifting: `"2022-01-05T16:00"`, or an object giving the minute (`at`) or
/// the interval (`earliest`, `latest`, each with its reason and source), and whether the clock
/// is presumed.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum RawBound {
    At(String),
    Detailed(RawBoundDetail),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBoundDetail {
    #[serde(default)]
    pub at: Option<String>,
    #[serde(default)]
    pub earliest: Option<String>,
    #[serde(default)]
    pub latest: Option<String>,
    #[serde(default)]
    pub earliest_reason: Option<String>,
    #[serde(default)]
    pub earliest_source: Option<String>,
    #[serde(default)]
    pub latest_reason: Option<String>,
    #[serde(default)]
    pub latest_source: Option<String>,
    #[serde(default)]
    pub presumed_clock: bool,
}
