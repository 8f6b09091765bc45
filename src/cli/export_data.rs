//! `qantar export-data`: the dataset's events (and status periods) as CSV, GeoJSON, TimelineJS
//! JSON or KML, for spreadsheets, GIS and timeline tools.

use crate::data::Dataset;
use crate::export::data::{self, DataFormat};
use crate::i18n::Lang;
use std::path::PathBuf;
use std::process::ExitCode;

/// Write the dataset's events (and status periods) as CSV, GeoJSON, TimelineJS JSON or KML.
#[derive(Debug, clap::Args)]
pub struct ExportDataArgs {
    /// csv, geojson, timelinejs or kml (default: from the file name: .csv, .geojson or .json,
    /// .timeline.json, .kml).
    #[arg(long, value_name = "FORMAT", value_parser = parse_format)]
    pub format: Option<DataFormat>,
    /// The file to write.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Replace an existing file.
    #[arg(long)]
    pub force: bool,
}

/// Reads a format name.
fn parse_format(text: &str) -> Result<DataFormat, String> {
    DataFormat::from_name(text)
        .ok_or_else(|| format!("\"{text}\" is not a format: use {}", DataFormat::NAMES))
}

/// Runs `qantar export-data` on a loaded dataset.
pub fn run(args: &ExportDataArgs, data: &Dataset, lang: Lang) -> anyhow::Result<ExitCode> {
    let format = match args.format {
        Some(format) => format,
        None => DataFormat::from_path(&args.out).ok_or_else(|| {
            anyhow::anyhow!(
                "{}: cannot tell the format from the name; use --format {} \
                 (or a name ending in .csv, .geojson, .json, .timeline.json or .kml)",
                args.out.display(),
                DataFormat::NAMES
            )
        })?,
    };
    let written = data::export(data, lang, format, &args.out, args.force)?;
    let periods = written
        .periods
        .map(|n| format!(" and {}", count(n, "period")))
        .unwrap_or_default();
    eprintln!(
        "qantar: wrote {}{periods} to {}",
        count(written.events, "event"),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// "1 event", "129 events".
fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
