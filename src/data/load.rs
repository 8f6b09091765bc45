//! Loading a dataset from a folder or from the copy embedded in the binary, resolving every
//! reference and collecting every problem (not only the first).

use super::error::{LoadError, Problem};
use super::features::{load_context, load_units};
use super::ids::*;
use super::json::SourceFile;
use super::load_events::load_events;
use super::load_periods::load_periods;
use super::load_refs::{load_cities, load_sources};
use super::model::*;
use super::raw::*;
use super::resolve::Resolver;
use super::story::load_story;
use crate::clock::Clock;
use chrono::NaiveDate;
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
        _ => Vec::new(),
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
    // The story refers to everything else: it is checked once the rest loads, so that a broken
    // event is reported once, not again for every chapter that tells it.
    let story = match &names.story {
        Some(name) if problems.is_empty() => {
            let ids = events
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), EventIdx(i as u32)))
                .collect();
            load_story(&files.read(name)?, &meta, &ctx, &ids, &mut problems)
        }
        _ => Vec::new(),
    };

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
        story,
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
