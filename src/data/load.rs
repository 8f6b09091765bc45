//! Loading a dataset from a folder or from the copy embedded in the binary, resolving every
//! reference and collecting every problem (not only the first).

use super::error::{Broken, LoadError, Problem};
use super::event::{KindDef, default_kinds};
use super::features::load_context;
use super::files::{Dir, Embedded, Files};
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
use std::path::Path;

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
        if !path.join("dataset.json").exists() {
            return Err(LoadError::NoManifest {
                path: path.to_owned(),
            });
        }
        load(&Dir::new(path.to_owned()))
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

    let mut report = Vec::new();
    // The context layer (often the biggest file) depends on nothing else: it is read beside
    // the rest, and its problems listed after the units' as before.
    let context_file = names
        .context
        .as_deref()
        .map(|n| files.read(n))
        .transpose()?;
    std::thread::scope(|scope| -> Result<Dataset, LoadError> {
        let context = scope.spawn(|| {
            let mut problems = Vec::new();
            let features = context_file
                .as_ref()
                .map(|file| load_context(file, &mut problems));
            (features.unwrap_or_default(), problems)
        });
        let units = super::load_layers::units_of(files, &names, &mut problems, &mut report)?;
        let start = Start {
            meta,
            units,
            units_problems: problems.len(),
            problems,
            report,
        };
        let context = || {
            context
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        rest(files, &names, start, context)
    })
}

/// What is loaded first: the manifest and the units.
struct Start {
    meta: Meta,
    units: Vec<Unit>,
    /// How many of `problems` are the manifest's and the units'.
    units_problems: usize,
    problems: Vec<Problem>,
    report: Vec<String>,
}

/// Everything after the units; `context` gives the context layer and its problems, which are
/// listed after the units'.
fn rest(
    files: &dyn Files,
    names: &RawFiles,
    start: Start,
    context: impl FnOnce() -> (Vec<ContextFeature>, Vec<Problem>),
) -> Result<Dataset, LoadError> {
    let Start {
        mut meta,
        units,
        units_problems,
        mut problems,
        mut report,
    } = start;
    let read = |name: &Option<String>| name.as_deref().map(|n| files.read(n)).transpose();
    // Files that could not be read as a whole: every reference to what they hold is unknown.
    let mut broken = Broken::default();
    broken.note(names.units.as_deref(), units.is_empty(), "unit", &problems);
    let sources = read(&names.sources)?.map_or_else(Vec::new, |file| {
        let found = load_sources(&file, &mut problems);
        broken.note(Some(&file.name), found.is_empty(), "source", &problems);
        found
    });
    let mut ctx = Resolver::new(&meta, &units, &sources);
    let mut cities = read(&names.cities)?.map_or_else(Vec::new, |file| {
        let found = load_cities(&file, &units, &mut ctx, &mut problems);
        broken.note(Some(&file.name), found.is_empty(), "place", &problems);
        found
    });
    ctx.cities = cities
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), CityIdx(i as u32)))
        .collect();
    let csv_events = names
        .events
        .as_deref()
        .filter(|n| super::load_layers::is_csv(n));
    let mut events = match read(&names.events)? {
        Some(_) if csv_events.is_some() => Vec::new(),
        Some(file) => load_events(&file, &meta, &ctx, &mut problems),
        None => Vec::new(),
    };
    let periods = match read(&names.periods)? {
        Some(file) => load_periods(&file, &meta, &ctx, &mut problems),
        None => Vec::new(),
    };
    drop(ctx);
    report.extend(super::places::place_points(
        &units,
        &mut cities,
        &mut events,
    ));
    if meta.window_from_data {
        meta.window = super::layers::span_of(&meta, &events, &periods);
        problems.extend(super::layers::spanned_too_long(files.origin(), meta.window));
    }
    // The story refers to everything else: it is checked once the rest loads, so that a broken
    // event is reported once, not again for every chapter that tells it.
    let (context, context_problems) = context();
    problems.splice(units_problems..units_problems, context_problems);
    let story = match &names.story {
        Some(name) if problems.is_empty() => {
            let ctx = Resolver::new(&meta, &units, &sources);
            let mut ctx = ctx;
            ctx.cities = cities
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.clone(), CityIdx(i as u32)))
                .collect();
            let ids = events
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.as_str(), EventIdx(i as u32)))
                .collect();
            load_story(&files.read(name)?, &meta, &ctx, &ids, &mut problems)
        }
        _ => Vec::new(),
    };

    let lineage = match read(&names.lineage)? {
        Some(file) => {
            let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
            super::lineage::load_lineage(&file, &ids, &mut problems)
        }
        None => Default::default(),
    };
    if !problems.is_empty() {
        return Err(LoadError::Invalid(broken.without_follow_ons(problems)));
    }
    let data = Dataset {
        lineage,
        meta,
        units,
        cities,
        events,
        periods,
        sources,
        context,
        story,
        origin: files.origin(),
        report,
        skipped: 0,
    };
    let mut data = match csv_events {
        Some(name) => super::load_layers::lay_csv(data, files.read(name)?)?,
        None => data,
    };
    data.report.extend(files.notes());
    Ok(data)
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
    let clock = match (&raw.time_zone.utc_offset, &raw.time_zone.zone) {
        (Some(offset), None) => Clock::parse_offset(offset)
            .map_err(|e| problems.push(at("utc_offset", e.to_string())))
            .ok(),
        (None, Some(zone)) => Clock::zone(zone)
            .map_err(|e| problems.push(at("zone", e.to_string())))
            .ok(),
        _ => {
            problems.push(at(
                "time_zone",
                "give one of \"utc_offset\" (+06:00) or \"zone\" (Asia/Almaty)".into(),
            ));
            None
        }
    };
    let window = match &raw.window {
        None => Some(None),
        Some(w) => window_of(w, "window", problems, &at).map(Some),
    };
    let export_range = match &raw.export_range {
        None => Some(None),
        Some(w) => window_of(w, "export_range", problems, &at).map(Some),
    };
    let statuses = match raw.statuses {
        RawStatuses::ByKey(map) => map
            .into_iter()
            .map(|(key, names)| match names {
                RawStatusNames::Names(names) => (key, names, None),
                RawStatusNames::Detailed { names, colour } => (key, names, colour),
            })
            .collect(),
        RawStatuses::List(list) => list
            .into_iter()
            .map(|s| (s.id, s.names, s.colour))
            .collect::<Vec<_>>(),
    };
    let mut colour = |key: &str, text: Option<String>| {
        text.and_then(|t| {
            parse_colour(&t)
                .map_err(|e| problems.push(at(key, format!("colour of \"{key}\": {e}"))))
                .ok()
        })
    };
    let statuses: Vec<Status> = statuses
        .into_iter()
        .map(|(key, names, c)| Status {
            colour: colour(&key, c),
            key,
            names,
        })
        .collect();
    let kinds = match raw.kinds {
        None => default_kinds(),
        Some(list) => list
            .into_iter()
            .map(|k| KindDef {
                colour: colour(&k.id, k.colour),
                severity: k.severity.min(3),
                id: k.id,
                names: k.names,
            })
            .collect(),
    };
    if kinds.is_empty() {
        problems.push(at("kinds", "declares no kind of event".into()));
    }
    let (country_id, country_names) = match raw.country {
        Some(c) => (c.id, c.names),
        None => (String::new(), raw.name.clone()),
    };
    if !super::files::files_inside(file, &raw.files, problems) {
        return None;
    }
    let clock = clock?;
    let default_instant = match &raw.default_instant {
        None => None,
        Some(text) => clock
            .parse_when(text)
            .map_err(|e| problems.push(at("default_instant", e.to_string())))
            .ok(),
    };
    let window = window?;
    let meta = Meta {
        id: raw.id,
        version: raw.version,
        name: raw.name,
        description: raw.description,
        country_id,
        country_names,
        clock,
        clock_label: if raw.time_zone.label.is_empty() {
            crate::i18n::LocalText::en(clock.zone_name().unwrap_or_default())
        } else {
            raw.time_zone.label
        },
        window_from_data: window.is_none(),
        window: window.unwrap_or((NaiveDate::MIN, NaiveDate::MAX)),
        statuses,
        kinds,
        attribution: raw.attribution,
        default_instant,
        export_range: export_range?,
        search_hint: raw.search_hint,
        about: raw.about,
    };
    Some((meta, raw.files))
}

/// Two dates, in order, at most [`super::layers::MAX_WINDOW_YEARS`] apart.
fn window_of(
    w: &RawWindow,
    key: &str,
    problems: &mut Vec<Problem>,
    at: &dyn Fn(&str, String) -> Problem,
) -> Option<(NaiveDate, NaiveDate)> {
    let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d");
    match (day(&w.start), day(&w.end)) {
        (Ok(a), Ok(b)) if a <= b => match super::layers::too_long(a, b) {
            Some(why) => {
                problems.push(at(key, format!("\"{key}\" spans {why}")));
                None
            }
            None => Some((a, b)),
        },
        (Ok(_), Ok(_)) => {
            problems.push(at(key, format!("\"{key}\" ends before it starts")));
            None
        }
        _ => {
            problems.push(at(
                key,
                format!("\"{key}\" dates must be written 2022-01-01"),
            ));
            None
        }
    }
}

/// `#e35d23` as RGB.
pub fn parse_colour(text: &str) -> Result<[u8; 3], String> {
    let hex = text.trim().trim_start_matches('#');
    let byte = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
    };
    match (hex.len(), byte(0), byte(2), byte(4)) {
        (6, Some(r), Some(g), Some(b)) => Ok([r, g, b]),
        _ => Err(format!("\"{text}\" is not a colour: write it #rrggbb")),
    }
}
