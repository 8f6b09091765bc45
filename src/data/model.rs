//! The dataset model: units (regions), cities, events, status periods, sources and the context
//! layers of the basemap. Nothing here knows about Kazakhstan: the default dataset is one
//! instance of this model.

use crate::clock::{Clock, DataTime, Instant};
use crate::i18n::LocalText;
use chrono::NaiveDate;
use geo::{MultiPolygon, Point, Rect};

macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the dataset's list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

index_type!(
    /// Position of a unit in [`Dataset::units`].
    UnitIdx
);
index_type!(
    /// Position of a city in [`Dataset::cities`].
    CityIdx
);
index_type!(
    /// Position of an event in [`Dataset::events`].
    EventIdx
);
index_type!(
    /// Position of a source in [`Dataset::sources`].
    SourceIdx
);
index_type!(
    /// Position of a status period in [`Dataset::periods`].
    PeriodIdx
);
index_type!(
    /// Position of a status in [`Meta::statuses`].
    StatusIdx
);

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
    /// The statuses a unit can be under (a state of emergency), sorted by key.
    pub statuses: Vec<Status>,
    pub attribution: String,
}

/// A status a unit can be under, as `dataset.json` defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The key periods use: `emergency`.
    pub key: String,
    pub names: LocalText,
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

    /// The first status's name: what the legend and the timeline call being under a status.
    pub fn main_status_name(&self, lang: crate::i18n::Lang) -> Option<&str> {
        self.statuses.first().map(|s| s.names.get(lang))
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

/// Where an event happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The country as a whole.
    Country,
    Unit(UnitIdx),
    City(CityIdx),
}

/// What kind of event it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Protest,
    Clash,
    Violence,
    Government,
    Emergency,
    Security,
    Communications,
    International,
    Casualties,
}

impl EventKind {
    /// All kinds, in legend order.
    pub const ALL: [EventKind; 9] = [
        EventKind::Violence,
        EventKind::Clash,
        EventKind::Casualties,
        EventKind::Protest,
        EventKind::Security,
        EventKind::Emergency,
        EventKind::Government,
        EventKind::Communications,
        EventKind::International,
    ];

    /// The id used in data files and JSON output.
    pub fn id(self) -> &'static str {
        match self {
            EventKind::Protest => "protest",
            EventKind::Clash => "clash",
            EventKind::Violence => "violence",
            EventKind::Government => "government",
            EventKind::Emergency => "emergency",
            EventKind::Security => "security",
            EventKind::Communications => "communications",
            EventKind::International => "international",
            EventKind::Casualties => "casualties",
        }
    }

    /// Higher is more severe: violence and deaths above clashes, clashes above protests,
    /// protests above official acts.
    pub fn severity(self) -> u8 {
        match self {
            EventKind::Violence | EventKind::Casualties => 3,
            EventKind::Clash => 2,
            EventKind::Protest => 1,
            EventKind::Government
            | EventKind::Emergency
            | EventKind::Security
            | EventKind::Communications
            | EventKind::International => 0,
        }
    }
}

/// A rough time of day, given when the exact time is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeOfDay {
    Night,
    Morning,
    Afternoon,
    Evening,
}

/// How sure the record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Precision {
    /// The time of day is known (else only the date).
    pub time_known: bool,
    /// The time is known only roughly.
    pub time_approximate: bool,
    /// The date is not stated by the sources but inferred.
    pub date_inferred: bool,
    /// The claim rests on one outlet.
    pub single_source: bool,
    /// No independent confirmation was found.
    pub unconfirmed: bool,
    /// Sources give different figures.
    pub figures_disputed: bool,
}

/// A count reported by someone.
#[derive(Debug, Clone)]
pub struct FigureValue {
    pub value: u64,
    pub qualifier: Qualifier,
    /// Whose figure it is.
    pub by: String,
    pub source: Option<SourceIdx>,
}

/// How a figure was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    About,
    /// Slightly fewer than the value ("nearly 400").
    Nearly,
    AtLeast,
    MoreThan,
}

/// A quantity (deaths, detainees, troops) with everyone's figure for it.
#[derive(Debug, Clone)]
pub struct Figure {
    pub label: String,
    pub values: Vec<FigureValue>,
}

/// Something that happened, with its sources.
#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub start: DataTime,
    pub end: Option<DataTime>,
    pub time_of_day: Option<TimeOfDay>,
    /// When the time is unknown: minutes after midnight from which the atlas shows the event,
    /// chosen to agree with a status period whose hour is equally unknown.
    pub assumed_minute: Option<u16>,
    pub place: Place,
    /// Further units the event concerns (the regions named in a decree, say).
    pub units: Vec<UnitIdx>,
    pub kind: EventKind,
    pub title: LocalText,
    pub description: LocalText,
    pub sources: Vec<SourceIdx>,
    pub precision: Precision,
    pub figures: Vec<Figure>,
    pub note: Option<String>,
}

impl Event {
    /// The instant the event counts from: its time, or 00:00 of its day when the time is unknown.
    pub fn instant(&self) -> Instant {
        self.start.instant
    }

    /// The last instant the event covers (its start when it has no end).
    pub fn end_instant(&self) -> Instant {
        self.end.map_or(self.start.instant, |e| e.instant)
    }
}

/// A bibliographic source.
#[derive(Debug, Clone)]
pub struct Source {
    pub id: String,
    pub title: String,
    /// An http(s) link, where one exists.
    pub url: Option<String>,
    pub note: Option<String>,
}

/// A unit's period under a status (a state of emergency).
#[derive(Debug, Clone)]
pub struct Period {
    pub unit: UnitIdx,
    pub status: StatusIdx,
    /// The instant the atlas uses for the declaration.
    pub declared: Instant,
    pub declared_time_known: bool,
    /// How the instant is described when its hour is unknown ("late on 5 January").
    pub declared_label: Option<String>,
    /// When it was lifted; `None` if it outlasts the dataset.
    pub lifted: Option<Instant>,
    pub lifted_early: bool,
    /// The end date the decree first set.
    pub decreed_end: Option<Instant>,
    pub decree: Option<String>,
    pub curfew: Option<String>,
    pub note: Option<String>,
    pub sources: Vec<SourceIdx>,
}

impl Period {
    /// True when the status holds at `t`: from the declaration minute up to, not including,
    /// the lifting minute.
    pub fn holds_at(&self, t: Instant) -> bool {
        self.declared <= t && self.lifted.is_none_or(|lifted| t < lifted)
    }
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
    /// Where the files came from, for messages ("embedded" or a folder).
    pub origin: String,
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
