//! The dataset itself, for other tools: its events (and status periods) as CSV, GeoJSON,
//! TimelineJS JSON or KML. Each format is a pure function from a dataset and a language to
//! text; [`export`] writes that text atomically. No format invents precision the record lacks:
//! a time known only to its day is written as a date, an interval as its two ends.

mod csv;
mod fields;
mod geojson;
mod kml;
mod timelinejs;

pub use csv::to_csv;
pub use geojson::to_geojson;
pub use kml::to_kml;
pub use timelinejs::to_timelinejs;

use crate::data::Dataset;
use crate::i18n::Lang;
use crate::paint::{WriteError, write_atomically};
use std::path::{Path, PathBuf};

/// A format the dataset can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    /// One row per event.
    Csv,
    /// A FeatureCollection of the events as points.
    GeoJson,
    /// TimelineJS3's JSON: the events as slides, the status periods as eras.
    TimelineJs,
    /// KML 2.2: a folder of events and a folder of status periods with their outlines.
    Kml,
}

impl DataFormat {
    /// The names `--format` takes.
    pub const NAMES: &'static str = "csv, geojson, timelinejs or kml";

    /// The format named `csv`, `geojson`, `timelinejs` or `kml`.
    pub fn from_name(name: &str) -> Option<DataFormat> {
        match name.trim().to_ascii_lowercase().as_str() {
            "csv" => Some(DataFormat::Csv),
            "geojson" => Some(DataFormat::GeoJson),
            "timelinejs" => Some(DataFormat::TimelineJs),
            "kml" => Some(DataFormat::Kml),
            _ => None,
        }
    }

    /// The format a file name implies: `.csv`, `.geojson` or `.json`, `.timeline.json`, `.kml`.
    /// TimelineJS is never guessed from a plain `.json`, which means GeoJSON.
    pub fn from_path(path: &Path) -> Option<DataFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".timeline.json") {
            Some(DataFormat::TimelineJs)
        } else if name.ends_with(".geojson") || name.ends_with(".json") {
            Some(DataFormat::GeoJson)
        } else if name.ends_with(".csv") {
            Some(DataFormat::Csv)
        } else if name.ends_with(".kml") {
            Some(DataFormat::Kml)
        } else {
            None
        }
    }

    /// The dataset in this format.
    pub fn render(self, data: &Dataset, lang: Lang) -> String {
        match self {
            DataFormat::Csv => to_csv(data, lang),
            DataFormat::GeoJson => to_geojson(data, lang),
            DataFormat::TimelineJs => to_timelinejs(data, lang),
            DataFormat::Kml => to_kml(data, lang),
        }
    }

    /// True when the format carries the status periods as well as the events.
    pub fn has_periods(self) -> bool {
        matches!(self, DataFormat::TimelineJs | DataFormat::Kml)
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub events: usize,
    /// `None` when the format carries no periods.
    pub periods: Option<usize>,
}

/// Why the dataset could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DataExportError {
    #[error("{} already exists; nothing was written (use --force to replace it)", .0.display())]
    Exists(PathBuf),
    #[error(transparent)]
    Write(#[from] WriteError),
}

/// Writes the dataset to `out` in `format`, atomically (a temporary file in the same folder,
/// renamed into place); an existing file is replaced only with `force`.
pub fn export(
    data: &Dataset,
    lang: Lang,
    format: DataFormat,
    out: &Path,
    force: bool,
) -> Result<Written, DataExportError> {
    if out.exists() && !force {
        return Err(DataExportError::Exists(out.to_owned()));
    }
    let text = format.render(data, lang);
    write_atomically(out, |w| {
        w.write_all(text.as_bytes())
            .map_err(|e| WriteError::io(out, &e))
    })?;
    Ok(Written {
        events: data.events.len(),
        periods: format.has_periods().then_some(data.periods.len()),
    })
}

/// `text` escaped for XML (and HTML) text and attribute values. Characters XML 1.0 does not
/// allow at all (control characters other than tab and line breaks) are dropped.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_follows_the_file_name() {
        let f = |name: &str| DataFormat::from_path(Path::new(name));
        assert_eq!(f("out/events.CSV"), Some(DataFormat::Csv));
        assert_eq!(f("events.geojson"), Some(DataFormat::GeoJson));
        assert_eq!(f("events.json"), Some(DataFormat::GeoJson));
        assert_eq!(f("story.timeline.json"), Some(DataFormat::TimelineJs));
        assert_eq!(f("map.kml"), Some(DataFormat::Kml));
        assert_eq!(f("map.kmz"), None);
        assert_eq!(f("events"), None);
    }

    #[test]
    fn xml_text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(
            escape_xml("Tom & \"Jerry\" <b>'s</b>\u{7}"),
            "Tom &amp; &quot;Jerry&quot; &lt;b&gt;&apos;s&lt;/b&gt;"
        );
        assert_eq!(escape_xml("Алматы\n"), "Алматы\n");
    }
}
