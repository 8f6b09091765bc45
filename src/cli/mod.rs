//! The command line: `qantar` (the window), `qantar summary`, `qantar check`, `qantar export`,
//! `qantar export-data`, `qantar cite`.

mod check;
mod cite;
pub mod export;
mod export_data;
mod init;
mod slides;
mod summary;

pub use check::{CheckReport, check};
pub use summary::Summary;

use crate::data::Dataset;
use crate::i18n::Lang;
use crate::timeline::Timeline;
use anyhow::Context as _;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Qantar: an atlas of Kazakhstan's January 2022 crisis ("Qandy Qantar").
///
/// With no command, opens the atlas window on the embedded dataset.
#[derive(Debug, Parser)]
#[command(name = "qantar", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub data: DataArgs,

    /// Open the window at this instant: 2022-01-05T13:00 (Nur-Sultan time) or 2022-01-05
    /// (the end of that day).
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,

    /// Open the window with this place selected: an id (oral, KZ-MAN) or any of its names.
    #[arg(long, value_name = "PLACE")]
    pub select: Option<String>,

    /// The window's size in points, such as 1920x1080.
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub window_size: Option<[u32; 2]>,

    /// The language of the window, `summary` and `export`: en, ru or kk (the window's default
    /// is the last one chosen, else English).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,

    /// Open the window in presentation mode: full screen, large type (F11 toggles it).
    #[arg(long)]
    pub presentation: bool,

    /// Open the window with the guided story at this chapter (1 is the first).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub chapter: Option<u16>,

    /// Save a PNG of the window once it has fully rendered, then exit.
    #[arg(long, value_name = "FILE.png")]
    pub screenshot_to: Option<PathBuf>,

    /// Print how long the window took to show its first frame, and where the time went.
    #[arg(long)]
    pub timing: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What dataset to open and which files to lay on it; every command takes these.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct DataArgs {
    /// Use the dataset in this folder (with a dataset.json) instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Show these regions instead of the dataset's: any GeoJSON or TopoJSON file of polygons.
    /// The dataset's periods, cities and events follow them by id, alias or name.
    #[arg(long, global = true, value_name = "FILE")]
    pub regions: Option<PathBuf>,

    /// The property of --regions holding each region's id (guessed when not given).
    #[arg(long, global = true, value_name = "PROPERTY", requires = "regions")]
    pub region_id: Option<String>,

    /// The property of --regions holding each region's name (guessed when not given).
    #[arg(long, global = true, value_name = "PROPERTY", requires = "regions")]
    pub region_name: Option<String>,

    /// Show these events instead of the dataset's: a CSV (plain or an ACLED export) or a
    /// Qantar events JSON.
    #[arg(long, global = true, value_name = "FILE")]
    pub events: Option<PathBuf>,

    /// Read and show times on this clock: an IANA zone (Asia/Almaty, Europe/Kyiv) or an
    /// offset (+06:00).
    #[arg(long, global = true, value_name = "ZONE")]
    pub tz: Option<String>,

    /// Lay --regions and --events on nothing rather than on the dataset.
    #[arg(long, global = true, conflicts_with = "data")]
    pub bare: bool,
}

impl DataArgs {
    /// What to open.
    pub fn spec(&self) -> crate::data::OpenSpec {
        crate::data::OpenSpec {
            data: self.data.clone(),
            regions: self.regions.clone(),
            region_id: self.region_id.clone(),
            region_name: self.region_name.clone(),
            events: self.events.clone(),
            tz: self.tz.clone(),
            bare: self.bare,
        }
    }
}

/// Reads a language code: `en`, `ru` or `kk`.
pub fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::from_code(&text.trim().to_lowercase())
        .ok_or_else(|| format!("\"{text}\" is not a language: use en, ru or kk"))
}

/// Reads `WxH`, such as `1280x720`.
pub fn parse_size(text: &str) -> Result<[u32; 2], String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("\"{text}\" is not a size: use WIDTHxHEIGHT, such as 1280x720"))?;
    let read = |v: &str| {
        v.trim()
            .parse::<u32>()
            .map_err(|_| format!("\"{text}\" is not a size: use WIDTHxHEIGHT, such as 1280x720"))
    };
    let (w, h) = (read(w)?, read(h)?);
    if w == 0 || h == 0 || w > 16384 || h > 16384 {
        return Err(format!(
            "{w}x{h} is not a usable size (each side from 1 to 16384)"
        ));
    }
    Ok([w, h])
}

impl Cli {
    /// The window's start options from the command line.
    pub fn start_options(&self) -> crate::ui::StartOptions {
        crate::ui::StartOptions {
            at: self.at.clone(),
            select: self.select.clone(),
            window_size: self.window_size,
            screenshot_to: self.screenshot_to.clone(),
            data: self.data.spec(),
            lang: self.lang,
            fresh: self.screenshot_to.is_some(),
            presentation: self.presentation,
            story: self.chapter.map(|n| usize::from(n) - 1),
            timing: self.timing,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the situation at an instant: units under a state of emergency, the day's events,
    /// the cities with events so far and the national events.
    Summary {
        /// 2022-01-05T13:00 (dataset time: Nur-Sultan, UTC+6) or 2022-01-05 (the end of that day).
        #[arg(long, value_name = "WHEN")]
        at: String,
        /// Print one JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Validate a dataset (the embedded one by default) and list every problem.
    Check,
    /// Export a map (PNG, SVG) or an animated timeline (GIF, PNG frames).
    Export(Box<export::ExportArgs>),
    /// Make a dataset folder from your files: qantar init DIR --regions FILE [--events FILE].
    /// Writes DIR/dataset.json with what was guessed, ready to edit.
    Init {
        /// The folder to make (it may exist, but not its dataset.json).
        dir: PathBuf,
    },
    /// Write the dataset's events (and status periods) as CSV, GeoJSON, TimelineJS or KML.
    ExportData(export_data::ExportDataArgs),
    /// Print a citation of the dataset, and of the map at an instant, in APA and BibTeX.
    Cite(cite::CiteArgs),
}

/// Loads the dataset the user asked for.
pub fn load_dataset(spec: &crate::data::OpenSpec) -> anyhow::Result<Dataset> {
    Dataset::open(spec).map_err(|e| anyhow::anyhow!("{}", e.problems().join("\n")))
}

/// Runs a command (not the window) and returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Check => {
            let report = check(&cli.data.spec());
            if report.ok {
                print!("{}", report.text);
                Ok(ExitCode::SUCCESS)
            } else {
                eprint!("{}", report.text);
                Ok(ExitCode::FAILURE)
            }
        }
        Command::Init { dir } => {
            let mut spec = cli.data.spec();
            spec.data = None;
            init::run(dir, &spec)
        }
        Command::Export(args) if args.story => {
            slides::run(args, &cli.data.spec(), cli.lang.unwrap_or_default())
        }
        Command::Export(args) => export::run(args, &cli.data.spec(), cli.lang.unwrap_or_default()),
        Command::ExportData(args) => {
            let data = load_dataset(&cli.data.spec())?;
            export_data::run(args, &data, cli.lang.unwrap_or_default())
        }
        Command::Cite(args) => {
            let data = load_dataset(&cli.data.spec())?;
            cite::run(args, &data)
        }
        Command::Summary { at, json } => {
            let data = load_dataset(&cli.data.spec())?;
            let timeline = Timeline::new(&data);
            let instant = data
                .meta
                .clock
                .parse_when(at)
                .with_context(|| format!("--at {at}"))?;
            if instant < timeline.first() || instant > timeline.last() {
                anyhow::bail!(
                    "--at {at} is outside the dataset's window ({} to {})",
                    data.meta.window.0,
                    data.meta.window.1
                );
            }
            let lang = cli.lang.unwrap_or_default();
            let summary = Summary::new(&data, &timeline, instant, lang);
            if *json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                print!("{}", summary.to_text(lang));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
