//! Loading a dataset from a folder or from the copy embedded in the binary, resolving every
//! reference and collecting every problem (not only the first).

use super::error::{LoadError, Problem};
use super::features::{load_context, load_units};
use super::json::SourceFile;
use super::load_events::{load_events, load_periods};
use super::model::*;
use super::raw::*;
use crate::clock::{Clock, DataTime};
use chrono::NaiveDate;
use geo::Intersects;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Where dataset files are read from.
pub trait Files {
    /// Reads `name` (relative to the dataset).
    fn read(&self, name: &str) -> Result<SourceFile, LoadError>;
    /// A description for messages: "the embedded dataset" or the folder.
    fn origin(&self) -> String;
}

/// The default dataset, compiled into the binary.
pub struct Embedded;

impl Files for Embedded {
    fn read(&self, name: &str) -> Result<SourceFile, LoadError> {
        let bytes = super::embedded::file(name).ok_or_else(|| LoadError::Unreadable {
            path: PathBuf::from("geodata").join(name),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not embedded"),
        })?;
        let text = String::from_utf8_lossy(bytes).into_owned();
        Ok(SourceFile::new(format!("geodata/{name}"), text))
    }

    fn origin(&self) -> String {
        "the embedded default dataset".into()
    }
}

/// A dataset folder on disk.
pub struct Dir(pub PathBuf);

impl Files for Dir {
    fn read(&self, name: &str) -> Result<SourceFile, LoadError> {
        let path = self.0.join(name);
        let bytes = std::fs::read(&path).map_err(|source| LoadError::Unreadable {
            path: path.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Unreadable {
            path: path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
        })?;
        Ok(SourceFile::new(path.display().to_string(), text))
    }

    fn origin(&self) -> String {
        self.0.display().to_string()
    }
}

impl Dataset {
    /// The default dataset embedded in the binary.
    pub fn embedded() -> Result<Dataset, LoadError> {
        load(&Embedded)
    }

    /// A dataset folder (with a `dataset.json`).
    pub fn load_dir(path: &Path) -> Result<Dataset, LoadError> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(LoadError::MissingDir {
                    path: path.to_owned(),
                });
            }
            Err(source) => {
                return Err(LoadError::Unreadable {
                    path: path.to_owned(),
                    source,
                });
            }
            Ok(m) if !m.is_dir() => {
                return Err(LoadError::NotADir {
                    path: path.to_owned(),
                });
            }
            Ok(_) => {}
        }
        load(&Dir(path.to_owned()))
    }
}

/// Loads and resolves a whole dataset. Fails with every problem found.
pub fn load(files: &dyn Files) -> Result<Dataset, LoadError> {
    let manifest = files.read("dataset.json")?;
    let raw_meta: RawMeta = manifest.parse().map_err(|p| LoadError::Invalid(vec![p]))?;
    let mut problems = Vec::new();
    let meta = resolve_meta(&manifest, raw_meta, &mut problems);
    let Some((meta, names)) = meta else {
        return Err(LoadError::Invalid(problems));
    };

    let units = load_units(&files.read(&names.units)?, &mut problems);
    let context = match &names.context {
        Some(name) => load_context(&files.read(name)?, &mut problems),
        None => Vec::new(),
    };
    let sources = load_sources(&files.read(&names.sources)?, &mut problems);
    let mut ctx = Resolver::new(&meta, &units, &sources);
    let cities = load_cities(&files.read(&names.cities)?, &units, &mut ctx, &mut problems);
    ctx.cities = cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), CityIdx(i as u32)))
        .collect();
    let events = load_events(&files.read(&names.events)?, &meta, &ctx, &mut problems);
    let periods = load_periods(&files.read(&names.periods)?, &meta, &ctx, &mut problems);

    if !problems.is_empty() {
        return Err(LoadError::Invalid(problems));
    }
    Ok(Dataset {
        meta,
        units,
        cities,
        events,
        periods,
        sources,
        context,
        origin: files.origin(),
    })
}

fn resolve_meta(
    file: &SourceFile,
    raw: RawMeta,
    problems: &mut Vec<Problem>,
) -> Option<(Meta, RawFiles)> {
    let at = |key: &str, message: String| {
        let offset = file.text.find(&format!("\"{key}\"")).unwrap_or(0);
        file.problem_at(offset, None, message)
    };
    let clock = Clock::parse_offset(&raw.time_zone.utc_offset)
        .map_err(|e| problems.push(at("utc_offset", e.to_string())))
        .ok();
    let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d");
    let window = match (day(&raw.window.start), day(&raw.window.end)) {
        (Ok(a), Ok(b)) if a <= b => Some((a, b)),
        (Ok(_), Ok(_)) => {
            problems.push(at("window", "the window ends before it starts".into()));
            None
        }
        _ => {
            problems.push(at(
                "window",
                "window dates must be written 2022-01-01".into(),
            ));
            None
        }
    };
    if raw.statuses.is_empty() {
        problems.push(at("statuses", "no status is defined".into()));
    }
    let meta = Meta {
        id: raw.id,
        version: raw.version,
        name: raw.name,
        description: raw.description,
        country_id: raw.country.id,
        country_names: raw.country.names,
        clock: clock?,
        clock_label: raw.time_zone.label,
        window: window?,
        statuses: raw
            .statuses
            .into_iter()
            .map(|(key, names)| Status { key, names })
            .collect(),
        attribution: raw.attribution,
    };
    Some((meta, raw.files))
}

fn load_sources(file: &SourceFile, problems: &mut Vec<Problem>) -> Vec<Source> {
    let records = file
        .records("sources")
        .map_err(|p| problems.push(p))
        .unwrap_or_default();
    let mut seen = BTreeSet::new();
    let mut sources = Vec::new();
    for record in &records {
        let label = format!("source #{}", record.index + 1);
        let Ok(raw) = record
            .parse::<RawSource>(&label)
            .map_err(|p| problems.push(p))
        else {
            continue;
        };
        let label = format!("source \"{}\"", raw.id);
        if !seen.insert(raw.id.clone()) {
            problems.push(record.problem(&label, Some("id"), "duplicate id".into()));
        }
        if raw.title.trim().is_empty() {
            problems.push(record.problem(&label, Some("title"), "has no title".into()));
        }
        if let Some(url) = &raw.url
            && !is_http_url(url)
        {
            problems.push(record.problem(
                &label,
                Some("url"),
                format!("\"{url}\" is not an http(s) link"),
            ));
        }
        sources.push(Source {
            id: raw.id,
            title: raw.title,
            url: raw.url,
            note: raw.note,
        });
    }
    sources
}

/// True for `http://host…` and `https://host…` and nothing else.
pub fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

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
    fn new(meta: &'a Meta, units: &[Unit], sources: &[Source]) -> Self {
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

fn load_cities(
    file: &SourceFile,
    units: &[Unit],
    ctx: &mut Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<City> {
    let records = file
        .records("cities")
        .map_err(|p| problems.push(p))
        .unwrap_or_default();
    let mut cities = Vec::new();
    let mut seen = BTreeSet::new();
    for record in &records {
        let label = format!("city #{}", record.index + 1);
        let Ok(raw) = record
            .parse::<RawCity>(&label)
            .map_err(|p| problems.push(p))
        else {
            continue;
        };
        let label = format!("city \"{}\"", raw.id);
        if !seen.insert(raw.id.clone()) || ctx.units.contains_key(&raw.id) {
            problems.push(record.problem(&label, Some("id"), "duplicate id".into()));
        }
        if !raw.lon.is_finite()
            || !raw.lat.is_finite()
            || !(-180.0..=180.0).contains(&raw.lon)
            || !(-90.0..=90.0).contains(&raw.lat)
        {
            problems.push(record.problem(
                &label,
                Some("lon"),
                format!("coordinates ({}, {}) are out of range", raw.lon, raw.lat),
            ));
            ctx.broken.insert(raw.id);
            continue;
        }
        let Some(&unit) = ctx.units.get(&raw.unit) else {
            problems.push(record.problem(
                &label,
                Some("unit"),
                format!("unknown unit \"{}\"", raw.unit),
            ));
            ctx.broken.insert(raw.id);
            continue;
        };
        let position = geo::Point::new(raw.lon, raw.lat);
        let shown = units[unit.index()].drawn_within.unwrap_or(unit);
        let inside = units[shown.index()]
            .geometry
            .as_ref()
            .is_some_and(|g| g.intersects(&position));
        if !inside {
            problems.push(record.problem(
                &label,
                Some("lon"),
                format!(
                    "({}, {}) does not lie inside its unit {}",
                    raw.lon,
                    raw.lat,
                    units[shown.index()].id
                ),
            ));
        }
        cities.push(City {
            id: raw.id,
            names: raw.names,
            alt: raw.alt,
            unit,
            position,
            population: raw.population,
            geonames_id: raw.geonames_id,
            note: raw.note,
        });
    }
    cities
}

/// Parses a time field of a record, pushing a problem at `key` when it fails.
pub(super) fn time_field(
    record: &super::json::Record<'_>,
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
    record: &super::json::Record<'_>,
    label: &str,
    ids: &[String],
    ctx: &Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<SourceIdx> {
    if ids.is_empty() {
        problems.push(record.problem(label, Some("sources"), "has no source".into()));
    }
    ids.iter()
        .filter_map(|id| {
            let found = ctx.sources.get(id).copied();
            if found.is_none() {
                problems.push(record.problem(
                    label,
                    Some("sources"),
                    format!("unknown source \"{id}\""),
                ));
            }
            found
        })
        .collect()
}

pub(super) fn in_window(meta: &Meta, t: DataTime) -> bool {
    let day = meta.clock.day(t.instant);
    meta.window.0 <= day && day <= meta.window.1
}
