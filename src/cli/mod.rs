//! The command line: `qantar` (the window), `qantar summary`, `qantar check`.

mod check;
mod summary;

pub use check::{CheckReport, check};
pub use summary::Summary;

use crate::data::Dataset;
use crate::i18n::Lang;
use crate::time::Timeline;
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
    /// Use the dataset in this folder (with a dataset.json) instead of the embedded one.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
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
}

/// Loads the dataset the user asked for.
pub fn load_dataset(dir: Option<&std::path::Path>) -> anyhow::Result<Dataset> {
    let loaded = match dir {
        Some(dir) => Dataset::load_dir(dir),
        None => Dataset::embedded(),
    };
    loaded.map_err(|e| anyhow::anyhow!("{}", e.problems().join("\n")))
}

/// Runs a command (not the window) and returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Check => {
            let report = check(cli.data.as_deref());
            if report.ok {
                print!("{}", report.text);
                Ok(ExitCode::SUCCESS)
            } else {
                eprint!("{}", report.text);
                Ok(ExitCode::FAILURE)
            }
        }
        Command::Summary { at, json } => {
            let data = load_dataset(cli.data.as_deref())?;
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
            let summary = Summary::new(&data, &timeline, instant, Lang::En);
            if *json {
                println!("{}", serde_json::to_string_pretty(&summary)?);
            } else {
                print!("{}", summary.to_text(Lang::En));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
