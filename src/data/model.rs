//! The dataset model: units (regions), cities, status periods, sources, the context layers of
//! the basemap, and the [`Dataset`] that holds them with the events (`event.rs`). Nothing here
//! knows about Kazakhstan: the default dataset is one instance of this model.

use super::event::{Event, KindDef};
use super::ids::*;
use super::period::Period;
use super::source::{Source, SourceKind, weakly_sourced};
use crate::clock::Clock;
use crate::i18n::LocalText;
use chrono::NaiveDate;
use geo::{MultiPolygon, Point, Rect};

/// What the dataset is, and how to read its times.
#[derive(Debug, Clone)]
pub struct Meta {
    pub id: String,
    pub version: String,
    pub name: LocalText,
    pub description: LocalText,
    /// The country or area as a whole: the place of national events.
    pub country_id: String,
    pub country_names: LocalText,
    pub clock: Clock,
    /// "Nur-Sultan time".
    pub clock_label: LocalText,
    /// First and last day the atlas shows.
    pub window: (NaiveDate, NaiveDate),
    /// True when the manifest gives no window and it spans the events and periods.
    pub window_from_data: bool,
    /// The statuses a unit can be under (a state of emergency); the first is the main one.
    pub statuses: Vec<Status>,
    /// The kinds of event, in legend order.
    pub kinds: Vec<KindDef>,
    pub attribution: String,
    /// Where the window opens; else noon of the first day with events.
    pub default_instant: Option<crate::clock::Instant>,
    /// The days an animation export offers by default; else the window.
    pub export_range: Option<(NaiveDate, NaiveDate)>,
    /// What the search box suggests trying.
    pub search_hint: Option<LocalText>,
    /// What the About window says of the dataset.
    pub about: About,
}

/// What the About window says of a dataset: what it shows, where each layer comes from, and
/// what the map simplifies.
#[derive(Debug, Default, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct About {
    #[serde(default)]
    pub intro: Option<LocalText>,
    #[serde(default)]
    pub sources: Vec<LocalText>,
    #[serde(default)]
    pub simplifications: Vec<LocalText>,
}

/// A status a unit can be under, as `dataset.json` defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The key periods use: `emergency`.
    pub key: String,
    pub names: LocalText,
    /// Its colour on the map, if the dataset gives one (else the style's).
    pub colour: Option<[u8; 3]>,
}

impl Meta {
    /// The status at `i`.
    pub fn status(&self, i: StatusIdx) -> &Status {
        &self.statuses[i.index()]
    }

    /// The status with this key, if any.
    pub fn status_by_key(&self, key: &str) -> Option<StatusIdx> {
        self.statuses
            .iter()
            .position(|s| s.key == key)
            .map(|i| StatusIdx(i as u32))
    }

    /// The dataset's main status, the first one: what the legend, the timeline and the
    /// summary's `emergency` list speak of.
    pub fn main_status(&self) -> Option<StatusIdx> {
        (!self.statuses.is_empty()).then_some(StatusIdx(0))
    }

    /// The kind at `i`.
    pub fn kind(&self, i: KindIdx) -> &KindDef {
        &self.kinds[i.index()]
    }

    /// The kind with this id, if any.
    pub fn kind_by_id(&self, id: &str) -> Option<KindIdx> {
        self.kinds
            .iter()
            .position(|k| k.id == id)
            .map(|i| KindIdx(i as u32))
    }

    /// The main status's name.
    pub fn main_status_name(&self, lang: crate::i18n::Lang) -> Option<&str> {
        self.main_status().map(|i| self.status(i).names.get(lang))
    }
}

/// A first-level administrative unit.
#[derive(Debug, Clone)]
pub struct Unit {
    /// A stable id: ISO 3166-2 for the default dataset.
    pub id: String,
    pub kind: UnitKind,
    pub names: LocalText,
    /// A short label for the map.
    pub short: LocalText,
    /// Alternative and older spellings, for search.
    pub alt: Vec<String>,
    /// The ids other layouts give it (`KZ-47`, `kz-mg`), matched when a region file is laid on
    /// the dataset.
    pub aliases: Vec<String>,
    pub note: Option<String>,
    /// The outline in lon/lat; `None` when the unit has no polygon of its own.
    pub geometry: Option<MultiPolygon<f64>>,
    /// For a unit without a polygon: the unit whose outline contains it.
    pub drawn_within: Option<UnitIdx>,
    /// Bounding box of the geometry (or of the containing unit's).
    pub bbox: Option<Rect<f64>>,
    /// Where its name goes (lon/lat), if the data says.
    pub label: Option<Point<f64>>,
}

/// Whether a unit is a region or a city with the status of a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Region,
    City,
}

/// A city that events can be placed at.
#[derive(Debug, Clone)]
pub struct City {
    pub id: String,
    pub names: LocalText,
    pub alt: Vec<String>,
    pub unit: UnitIdx,
    /// lon/lat.
    pub position: Point<f64>,
    pub population: u64,
    /// The GeoNames record the coordinates come from.
    pub geonames_id: Option<u64>,
    pub note: Option<String>,
}

/// What a context feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ContextClass {
    /// Neighbouring land.
    Land,
    /// Seas and lakes.
    Water,
    River,
    /// A neutral area inside the mapped country (Baikonur).
    Special,
}

/// A feature of the offline basemap.
#[derive(Debug, Clone)]
pub struct ContextFeature {
    pub id: String,
    pub class: ContextClass,
    pub names: Option<LocalText>,
    pub geometry: geo::Geometry<f64>,
    /// Where its name goes (lon/lat), if the data says.
    pub label: Option<Point<f64>>,
    pub note: Option<String>,
}

/// A whole dataset, resolved: every reference is an index that exists.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub meta: Meta,
    pub units: Vec<Unit>,
    pub cities: Vec<City>,
    pub events: Vec<Event>,
    pub periods: Vec<Period>,
    pub sources: Vec<Source>,
    pub context: Vec<ContextFeature>,
    /// The guided story's chapters, in order of time (empty when the dataset has none).
    pub story: Vec<super::chapter::Chapter>,
    /// Where the files came from, for messages ("embedded" or a folder).
    pub origin: String,
    /// The units of later layouts carved out of this dataset's units, and renamings.
    pub lineage: super::lineage::Lineage,
    /// What loading read, guessed, repaired and skipped, for the load report (empty for a
    /// dataset read as written).
    pub report: Vec<String>,
    /// How many records of laid files (rows, features) were skipped for a problem; each is
    /// a line of `report`. `qantar check` fails when there are any.
    pub skipped: usize,
}

impl Dataset {
    pub fn unit(&self, idx: UnitIdx) -> &Unit {
        &self.units[idx.index()]
    }

    pub fn city(&self, idx: CityIdx) -> &City {
        &self.cities[idx.index()]
    }

    pub fn event(&self, idx: EventIdx) -> &Event {
        &self.events[idx.index()]
    }

    pub fn source(&self, idx: SourceIdx) -> &Source {
        &self.sources[idx.index()]
    }

    pub fn period(&self, idx: PeriodIdx) -> &Period {
        &self.periods[idx.index()]
    }

    /// The unit with this id.
    pub fn unit_by_id(&self, id: &str) -> Option<UnitIdx> {
        position(self.units.iter().map(|u| u.id.as_str()), id).map(UnitIdx)
    }

    /// The city with this id.
    pub fn city_by_id(&self, id: &str) -> Option<CityIdx> {
        position(self.cities.iter().map(|c| c.id.as_str()), id).map(CityIdx)
    }

    /// The event with this id.
    pub fn event_by_id(&self, id: &str) -> Option<EventIdx> {
        position(self.events.iter().map(|e| e.id.as_str()), id).map(EventIdx)
    }

    /// True when the event rests on weak sources only (see [`weakly_sourced`]).
    pub fn weakly_sourced(&self, event: &Event) -> bool {
        let kinds: Vec<SourceKind> = event.sources.iter().map(|&s| self.source(s).kind).collect();
        weakly_sourced(&kinds)
    }

    /// The stable id of a place: a city id, a unit id, or the country's id.
    pub fn place_id(&self, place: Place) -> &str {
        match place {
            Place::Country => &self.meta.country_id,
            Place::Unit(u) => &self.unit(u).id,
            Place::City(c) => &self.city(c).id,
        }
    }

    /// The display name of a place.
    pub fn place_name(&self, place: Place, lang: crate::i18n::Lang) -> &str {
        match place {
            Place::Country => self.meta.country_names.get(lang),
            Place::Unit(u) => self.unit(u).names.get(lang),
            Place::City(c) => self.city(c).names.get(lang),
        }
    }

    /// The unit whose polygon shows `unit` on the map: itself, or the one it is drawn within.
    pub fn drawn_unit(&self, unit: UnitIdx) -> UnitIdx {
        self.unit(unit).drawn_within.unwrap_or(unit)
    }

    /// Iterates over unit indices.
    pub fn unit_indices(&self) -> impl Iterator<Item = UnitIdx> + use<> {
        (0..self.units.len() as u32).map(UnitIdx)
    }

    /// Iterates over city indices.
    pub fn city_indices(&self) -> impl Iterator<Item = CityIdx> + use<> {
        (0..self.cities.len() as u32).map(CityIdx)
    }

    /// Iterates over event indices.
    pub fn event_indices(&self) -> impl Iterator<Item = EventIdx> + use<> {
        (0..self.events.len() as u32).map(EventIdx)
    }
}

fn position<'a>(mut ids: impl Iterator<Item = &'a str>, id: &str) -> Option<u32> {
    ids.position(|x| x == id)
        .and_then(|i| u32::try_from(i).ok())
}
