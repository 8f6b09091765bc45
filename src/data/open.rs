//! Opening a dataset the way the user asked: a folder or the embedded one, with files laid on
//! it layer by layer (`--regions`, `--events`, `--tz`), or those files alone (`--bare`).

use super::error::{LoadError, Problem};
use super::event::default_kinds;
use super::lineage::Lineage;
use super::model::{About, Dataset, Meta};
use super::read::{file_problem, read_text_noted};
use crate::clock::Clock;
use crate::i18n::LocalText;
use std::path::{Path, PathBuf};

/// What to open: a dataset and the layers laid on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenSpec {
    /// A dataset folder; the embedded dataset when `None` (and not `bare`).
    pub data: Option<PathBuf>,
    /// A region file (any GeoJSON or TopoJSON) replacing the dataset's units.
    pub regions: Option<PathBuf>,
    /// The region property holding ids (guessed when `None`).
    pub region_id: Option<String>,
    /// The region property holding names (guessed when `None`).
    pub region_name: Option<String>,
    /// An events file (CSV, ACLED CSV, or Qantar's events JSON) replacing the events.
    pub events: Option<PathBuf>,
    /// The time zone the data's times are read in and shown in (`Asia/Almaty`, `+06:00`).
    pub tz: Option<String>,
    /// Lay the files on nothing rather than on a dataset.
    pub bare: bool,
}

impl OpenSpec {
    /// True when the spec is only the dataset itself, without layers.
    pub fn is_plain(&self) -> bool {
        self.regions.is_none() && self.events.is_none() && self.tz.is_none() && !self.bare
    }
}

impl Dataset {
    /// Opens what `spec` asks for. Problems of the laid files that do not prevent showing
    /// them (a skipped row, a repaired ring, a broken reference) go to the load report.
    pub fn open(spec: &OpenSpec) -> Result<Dataset, LoadError> {
        let mut data = if spec.bare {
            Dataset::bare(spec)
        } else {
            match &spec.data {
                Some(dir) => Dataset::load_dir(dir)?,
                None => Dataset::embedded()?,
            }
        };
        if let Some(tz) = &spec.tz {
            data.meta.clock = clock_of(tz)?;
            data.meta.clock_label = LocalText::en(data.meta.clock.zone_name().unwrap_or_default());
            data.report
                .push(format!("--tz {tz}: times are read and shown on this clock"));
        }
        if let Some(path) = &spec.regions {
            let super::read::Text { text, note } = read_text_noted(path)?;
            data.report.extend(note);
            let options = super::regions_in::RegionOptions {
                id_property: spec.region_id.clone(),
                name_property: spec.region_name.clone(),
            };
            let read = super::regions_in::read_regions(&text, &options).map_err(|e| {
                file_problem(path, e.line.unwrap_or(0), e.column.unwrap_or(0), e.message)
            })?;
            data = super::lay_regions::lay_regions(data, &path.display().to_string(), read);
        }
        if let Some(path) = &spec.events {
            data = lay_events_file(data, path)?;
        }
        if spec.bare || data.meta.window_from_data {
            data.meta.window = super::layers::span_of(&data.meta, &data.events, &data.periods);
        }
        // Widened or made to span the laid files' dates: still a window of at most a century.
        let files = [&spec.events, &spec.regions].map(|f| f.as_ref().map(|p| p.display()));
        let files: Vec<String> = files.into_iter().flatten().map(|p| p.to_string()).collect();
        let file = if files.is_empty() {
            data.origin.clone()
        } else {
            files.join(", ")
        };
        if let Some(p) = super::layers::spanned_too_long(file, data.meta.window) {
            return Err(LoadError::Invalid(vec![p]));
        }
        Ok(data)
    }

    /// Nothing yet: the dataset the laid files fill when `--bare` is given.
    fn bare(spec: &OpenSpec) -> Dataset {
        let stems: Vec<String> = [&spec.regions, &spec.events]
            .into_iter()
            .flatten()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        let name = if stems.is_empty() {
            "An empty dataset".to_owned()
        } else {
            stems.join(" + ")
        };
        let clock = Clock::new(0);
        Dataset {
            meta: Meta {
                id: "own-data".into(),
                version: "unversioned".into(),
                name: LocalText::en(name.clone()),
                description: LocalText::en(format!("Opened from {name}")),
                country_id: "AREA".into(),
                country_names: LocalText::en("The whole area")
                    .with("ru", "Вся территория")
                    .with("kk", "Бүкіл аумақ"),
                clock,
                clock_label: LocalText::default(),
                window: (chrono::NaiveDate::MIN, chrono::NaiveDate::MIN),
                window_from_data: true,
                statuses: Vec::new(),
                kinds: default_kinds(),
                attribution: String::new(),
                default_instant: None,
                export_range: None,
                search_hint: None,
                about: About::default(),
            },
            units: Vec::new(),
            cities: Vec::new(),
            events: Vec::new(),
            periods: Vec::new(),
            sources: Vec::new(),
            context: Vec::new(),
            story: Vec::new(),
            origin: "files opened on their own (--bare)".into(),
            lineage: Lineage::default(),
            report: Vec::new(),
            skipped: 0,
        }
    }
}

/// A clock from `--tz`: an IANA zone or a fixed offset.
fn clock_of(tz: &str) -> Result<Clock, LoadError> {
    Clock::parse_offset(tz)
        .or_else(|_| Clock::zone(tz))
        .map_err(|_| {
            LoadError::Invalid(vec![Problem {
                file: "--tz".into(),
                line: 0,
                column: 0,
                record: None,
                message: format!(
                    "\"{tz}\" is neither an IANA time zone (Asia/Almaty, Europe/Kyiv) nor an \
                     offset (+06:00)"
                ),
            }])
        })
}

/// Reads `path` (CSV or Qantar's events JSON, by its extension or its first character) and
/// lays its events on `data`.
fn lay_events_file(mut data: Dataset, path: &Path) -> Result<Dataset, LoadError> {
    let super::read::Text { text, note } = read_text_noted(path)?;
    data.report.extend(note);
    let file = path.display().to_string();
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let json = ext == "json" || (ext != "csv" && text.trim_start().starts_with(['{', '[']));
    let data = if json {
        super::lay_events_json::lay_events_json(data, super::json::SourceFile::new(file, text))?
    } else {
        let read = super::csv_events::read_events_csv(&text).map_err(|e| {
            let column = e
                .column
                .map(|c| format!("column \"{c}\": "))
                .unwrap_or_default();
            file_problem(path, e.line, 1, format!("{column}{}", e.message))
        })?;
        super::lay_events::lay_csv_events(data, &file, read)
    };
    Ok(data)
}
