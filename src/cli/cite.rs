//! `qantar cite [--at WHEN] [--format apa|bibtex|both]`: how to cite the dataset, and the map
//! of it at an instant.

use crate::atlas::cite::{Citation, CiteFormat};
use crate::data::Dataset;
use crate::timeline::Timeline;
use anyhow::Context as _;
use std::process::ExitCode;

/// Print a citation of the dataset, and of the map at an instant, in APA and BibTeX.
#[derive(Debug, clap::Args)]
pub struct CiteArgs {
    /// Cite the map at this instant: 2022-01-05T13:00 (dataset time) or 2022-01-05 (the end
    /// of that day). Without it, the dataset alone is cited.
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// apa, bibtex or both.
    #[arg(long, value_name = "FORMAT", default_value = "both", value_parser = parse_format)]
    pub format: CiteFormat,
}

fn parse_format(text: &str) -> Result<CiteFormat, String> {
    CiteFormat::from_name(text)
        .ok_or_else(|| format!("\"{text}\" is not a citation style: use apa, bibtex or both"))
}

/// Runs `qantar cite` on a loaded dataset; the access date is today.
pub fn run(args: &CiteArgs, data: &Dataset) -> anyhow::Result<ExitCode> {
    let at = match &args.at {
        Some(at) => {
            let instant = data
                .meta
                .clock
                .parse_when(at)
                .with_context(|| format!("--at {at}"))?;
            let timeline = Timeline::new(data);
            if instant < timeline.first() || instant > timeline.last() {
                anyhow::bail!(
                    "--at {at} is outside the dataset's window ({} to {})",
                    data.meta.window.0,
                    data.meta.window.1
                );
            }
            Some(instant)
        }
        None => None,
    };
    let citation = Citation {
        meta: &data.meta,
        at,
        accessed: chrono::Local::now().date_naive(),
    };
    println!("{}", citation.text(args.format));
    Ok(ExitCode::SUCCESS)
}
