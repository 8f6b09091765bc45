//! Resolving what records refer to: ids of units, cities and sources, the country, times on the
//! dataset's clock, and the dataset's window. Shared by the loaders of every kind of record.

use super::error::Problem;
use super::ids::{CityIdx, Place, SourceIdx, UnitIdx};
use super::json::Record;
use super::model::{Meta, Unit};
use super::source::Source;
use crate::clock::{Clock, DataTime};
use std::collections::{BTreeMap, BTreeSet};

/// Id lookups for resolving references.
pub(super) struct Resolver<'a> {
    pub meta: &'a Meta,
    pub units: BTreeMap<String, UnitIdx>,
    pub cities: BTreeMap<String, CityIdx>,
    pub sources: BTreeMap<String, SourceIdx>,
    /// Ids of records that exist but failed their own checks: references to them are not
    /// reported again.
    pub broken: BTreeSet<String>,
}

impl<'a> Resolver<'a> {
    pub(super) fn new(meta: &'a Meta, units: &[Unit], sources: &[Source]) -> Self {
        Resolver {
            meta,
            units: ids(units.iter().map(|u| u.id.as_str()), UnitIdx),
            cities: BTreeMap::new(),
            sources: ids(sources.iter().map(|s| s.id.as_str()), SourceIdx),
            broken: BTreeSet::new(),
        }
    }

    pub fn place(&self, id: &str) -> Option<Place> {
        if id == self.meta.country_id {
            Some(Place::Country)
        } else if let Some(&c) = self.cities.get(id) {
            Some(Place::City(c))
        } else {
            self.units.get(id).map(|&u| Place::Unit(u))
        }
    }
}

fn ids<'a, T>(list: impl Iterator<Item = &'a str>, wrap: fn(u32) -> T) -> BTreeMap<String, T> {
    list.enumerate()
        .map(|(i, id)| (id.to_owned(), wrap(i as u32)))
        .collect()
}

/// Parses a time field of a record, pushing a problem at `key` when it fails.
pub(super) fn time_field(
    record: &Record<'_>,
    label: &str,
    key: &str,
    text: &str,
    clock: Clock,
    problems: &mut Vec<Problem>,
) -> Option<DataTime> {
    clock
        .parse_data_time(text)
        .map_err(|e| problems.push(record.problem(label, Some(key), e.to_string())))
        .ok()
}

/// Resolves a list of source ids; pushes a problem for each unknown one.
pub(super) fn source_list(
    record: &Record<'_>,
    label: &str,
    ids: &[String],
    ctx: &Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<SourceIdx> {
    if ids.is_empty() {
        problems.push(record.problem(label, Some("sources"), "has no source".into()));
    }
    ids.iter()
        .filter_map(|id| source_ref(record, label, "sources", id, ctx, problems))
        .collect()
}

/// Resolves one source id given at `key`; pushes a problem when it is unknown.
pub(super) fn source_ref(
    record: &Record<'_>,
    label: &str,
    key: &str,
    id: &str,
    ctx: &Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Option<SourceIdx> {
    let found = ctx.sources.get(id).copied();
    if found.is_none() {
        problems.push(record.problem(label, Some(key), format!("unknown source \"{id}\"")));
    }
    found
}

pub(super) fn in_window(meta: &Meta, t: DataTime) -> bool {
    outside_window(meta, t.instant).is_none()
}

/// The day of `t` when it falls outside the dataset's window.
pub(super) fn outside_window(meta: &Meta, t: crate::clock::Instant) -> Option<chrono::NaiveDate> {
    let day = meta.clock.day(t);
    (day < meta.window.0 || day > meta.window.1).then_some(day)
}

/// "is declared on 1900-01-05, outside the dataset's window (…): …", for a date the
/// timeline would never reach.
pub(super) fn outside_window_message(meta: &Meta, what: &str, day: chrono::NaiveDate) -> String {
    format!(
        "{what} on {day}, outside the dataset's window ({} to {}): widen \"window\" in \
         dataset.json or correct the date",
        meta.window.0, meta.window.1
    )
}
