//! Events: what happened, where, when (and how precisely that is known), of which kind, with
//! the figures different sources give and the sources themselves.

use super::ids::{KindIdx, Place, SourceIdx, UnitIdx};
use crate::clock::{DataTime, Instant};
use crate::i18n::LocalText;

/// A kind of event, as the dataset declares it in `dataset.json` (`kinds`), or one of
/// Qantar's nine ([`default_kinds`]) when it declares none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindDef {
    /// The id data files use: `protest`.
    pub id: String,
    pub names: LocalText,
    /// Higher is more severe (0 to 3): violence and deaths above clashes, clashes above
    /// protests, protests above official acts. Markers are drawn by it.
    pub severity: u8,
    /// A colour of its own (`#rrggbb`), if the dataset gives one.
    pub colour: Option<[u8; 3]>,
}

/// Qantar's nine kinds, in legend order, named in every interface language.
pub fn default_kinds() -> Vec<KindDef> {
    use crate::i18n::{Lang, Msg, tr};
    let kind = |id: &str, msg: Msg, severity: u8| KindDef {
        id: id.to_owned(),
        names: Lang::ALL
            .into_iter()
            .fold(LocalText::default(), |t, l| t.with(l.code(), tr(l, msg))),
        severity,
        colour: None,
    };
    vec![
        kind("violence", Msg::KindViolence, 3),
        kind("clash", Msg::KindClash, 2),
        kind("casualties", Msg::KindCasualties, 3),
        kind("protest", Msg::KindProtest, 1),
        kind("security", Msg::KindSecurity, 0),
        kind("emergency", Msg::KindEmergency, 0),
        kind("government", Msg::KindGovernment, 0),
        kind("communications", Msg::KindCommunications, 0),
        kind("international", Msg::KindInternational, 0),
    ]
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
    /// Sources give different dates.
    pub date_disputed: bool,
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
    /// When `start` is only the earliest instant: the latest by which it had happened.
    pub latest: Option<Instant>,
    pub place: Place,
    /// Its own point (lon/lat), when the record gives one; it was placed by it.
    pub point: Option<geo::Point<f64>>,
    /// Where, in words, when the record says so rather than naming a known place.
    pub location: Option<String>,
    /// The kind as the imported file named it ("Protests / Peaceful protest").
    pub original_kind: Option<String>,
    /// Further units the event concerns (the regions named in a decree, say).
    pub units: Vec<UnitIdx>,
    pub kind: KindIdx,
    pub title: LocalText,
    pub description: LocalText,
    pub sources: Vec<SourceIdx>,
    pub precision: Precision,
    pub figures: Vec<Figure>,
    pub note: Option<String>,
}

impl TimeOfDay {
    /// The part of the day, in minutes after midnight: from its first minute to, not
    /// including, its end.
    pub fn minutes(self) -> (i64, i64) {
        let hours = match self {
            TimeOfDay::Night => (0, 6),
            TimeOfDay::Morning => (6, 12),
            TimeOfDay::Afternoon => (12, 18),
            TimeOfDay::Evening => (18, 24),
        };
        (hours.0 * 60, hours.1 * 60)
    }
}

/// Where an event stands at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Happened {
    /// Its earliest possible instant is still to come.
    NotYet,
    /// It may have happened already: its time is known only to its day (or part of it, or an
    /// interval) and that is not over.
    Sometime,
    /// It has certainly begun.
    Yes,
}

impl Event {
    /// The date (or instant) in the file: 00:00 of its day when the time is unknown.
    pub fn instant(&self) -> Instant {
        self.start.instant
    }

    /// The first instant it may have happened: its time if known, else the first minute of the
    /// part of the day the sources give, else 00:00 of its day.
    pub fn earliest(&self) -> Instant {
        match (self.start.time_known, self.time_of_day) {
            (false, Some(part)) => self.start.instant.plus_minutes(part.minutes().0),
            _ => self.start.instant,
        }
    }

    /// The instant by which it had certainly begun: its time if known; else the end of its
    /// interval, of its part of the day, or of its day.
    pub fn certain_from(&self) -> Instant {
        if let Some(latest) = self.latest {
            return latest;
        }
        if self.start.time_known {
            return self.start.instant;
        }
        let end = self.time_of_day.map_or(24 * 60, |part| part.minutes().1);
        self.start.instant.plus_minutes(end)
    }

    /// True when the record gives its time to the minute.
    pub fn time_is_exact(&self) -> bool {
        self.earliest() == self.certain_from()
    }

    /// Where it stands at `t`.
    pub fn happened_at(&self, t: Instant) -> Happened {
        if t < self.earliest() {
            Happened::NotYet
        } else if t < self.certain_from() {
            Happened::Sometime
        } else {
            Happened::Yes
        }
    }

    /// The last instant the event covers (its start when it has no end).
    pub fn end_instant(&self) -> Instant {
        self.end.map_or(self.start.instant, |e| e.instant)
    }
}
