//! `qantar export`: one map as PNG or SVG, or an animation as GIF or numbered PNG frames.

use crate::atlas::Atlas;
use crate::export::{self, Area, Bound, ExportRequest, Format, Progress, Size, When, parse_step};
use crate::geometry::Projection;
use crate::i18n::Lang;
use crate::scene::EventMode;
use anyhow::{Context as _, bail};
use clap::builder::TypedValueParser as _;
use geo::Rect;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

/// Export a map (PNG or SVG) or an animated timeline (GIF or a folder of PNG frames).
///
/// qantar export --at WHEN --out map.png|map.svg [--width W --height H | --scale S] [--dpi D]
///   [--bbox LON1,LAT1,LON2,LAT2] [--projection mercator|albers|lcc] [--select PLACE]
///   [--title TEXT] [--force]
///
/// qantar export --from WHEN --to WHEN --step 1d|6h|1h --out timeline.gif|frames/
///   [--width W --height H] [--force]
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The instant of a single map: 2022-01-05T13:00 or 2022-01-05 (the end of that day).
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
    /// The first instant of an animation.
    #[arg(long, value_name = "WHEN", requires_all = ["to", "step"], conflicts_with = "at")]
    pub from: Option<String>,
    /// The last instant of an animation (included).
    #[arg(long, value_name = "WHEN", requires_all = ["from", "step"])]
    pub to: Option<String>,
    /// The time between frames: 1d, 6h, 1h, 30m…
    #[arg(long, value_name = "STEP", requires_all = ["from", "to"])]
    pub step: Option<String>,
    /// The file to write (.png, .svg, .gif), or a folder ending in / for PNG frames.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,
    /// Width in pixels (with --height), up to 8192.
    #[arg(long, allow_negative_numbers = true)]
    pub width: Option<i64>,
    /// Height in pixels (with --width), up to 8192.
    #[arg(long, allow_negative_numbers = true)]
    pub height: Option<i64>,
    /// Multiplies the size for print: --scale 2 draws the 1920×1080 map at 3840×2160 pixels,
    /// and --width 1000 --height 800 --scale 3 draws the 1000×800 map at 3000×2400.
    #[arg(long, allow_negative_numbers = true)]
    pub scale: Option<f64>,
    /// The print resolution the PNG records, in dots per inch (3508×2480 at 300 dpi is A4).
    /// Without it the PNG records none. The pixels stay as --width/--height/--scale make them.
    #[arg(long, allow_negative_numbers = true)]
    pub dpi: Option<i64>,
    /// The area to show, in degrees: west,south,east,north (default: the whole country).
    #[arg(long, value_name = "LON1,LAT1,LON2,LAT2", allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// The map projection: mercator (Web Mercator, as the window), albers (equal-area conic)
    /// or lcc (Lambert conformal conic); the conics are fitted to the area shown.
    #[arg(long, value_name = "NAME", default_value = "mercator",
          value_parser = clap::builder::PossibleValuesParser::new(["mercator", "albers", "lcc"])
              .map(|s| s.parse::<Projection>().unwrap_or_default()))]
    pub projection: Projection,
    /// Highlight a place: an id (oral, KZ-MAN) or any of its names.
    #[arg(long, value_name = "PLACE")]
    pub select: Option<String>,
    /// The title printed on the map (default: the dataset's name).
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// Show only the shown day's cities and events, not everything so far.
    #[arg(long)]
    pub day_only: bool,
    /// Show only events of these kinds (ids, comma-separated: protest,clash).
    #[arg(long, value_name = "KINDS", value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// Show only events whose title, description or place contains these words.
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
    /// How long each animation frame shows, in milliseconds.
    #[arg(long, value_name = "MS", default_value_t = 800)]
    pub frame_ms: u32,
    /// Replace an existing file (or the frames in an existing folder).
    #[arg(long)]
    pub force: bool,
    /// Write the guided story as slides: one PNG per chapter, with its title, narrative and
    /// sources, into the folder given by --out.
    #[arg(long, conflicts_with_all = ["at", "from", "to", "step", "select", "bbox"])]
    pub story: bool,
    /// With --story: write SVG slides instead of PNG.
    #[arg(long, requires = "story")]
    pub svg: bool,
}

impl ExportArgs {
    /// The filter `--kinds` and `--filter` ask for; an unknown kind is an error that lists the
    /// dataset's kinds.
    pub fn event_filter(
        &self,
        data: &crate::data::Dataset,
    ) -> anyhow::Result<crate::scene::EventFilter> {
        let ids: Vec<&str> = data.meta.kinds.iter().map(|k| k.id.as_str()).collect();
        if let Some(bad) = self.kinds.iter().find(|k| !ids.contains(&k.trim())) {
            anyhow::bail!(
                "--kinds: \"{bad}\" is not a kind of this dataset; its kinds: {}",
                ids.join(", ")
            );
        }
        let hidden_kinds = if self.kinds.is_empty() {
            Vec::new()
        } else {
            ids.iter()
                .filter(|id| !self.kinds.iter().any(|k| k.trim() == **id))
                .map(|id| (*id).to_owned())
                .collect()
        };
        Ok(crate::scene::EventFilter {
            hidden_kinds,
            text: self.filter.clone().unwrap_or_default(),
        })
    }

    /// Everything so far, or with `--day-only` the shown day's events only.
    pub fn mode(&self) -> EventMode {
        if self.day_only {
            EventMode::DayOnly
        } else {
            EventMode::Cumulative
        }
    }
}

/// Reads `LON1,LAT1,LON2,LAT2`.
pub fn parse_bbox(text: &str) -> anyhow::Result<Rect<f64>> {
    let numbers: Vec<f64> = text
        .split(',')
        .map(|v| v.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("--bbox {text}: use four numbers, west,south,east,north"))?;
    let [w, s, e, n] = numbers[..] else {
        bail!("--bbox {text}: use four numbers, west,south,east,north");
    };
    if !(-180.0..=180.0).contains(&w)
        || !(-180.0..=180.0).contains(&e)
        || !(-85.0..=85.0).contains(&s)
        || !(-85.0..=85.0).contains(&n)
    {
        bail!("--bbox {text}: longitudes must be within ±180 and latitudes within ±85");
    }
    if w >= e || s >= n {
        bail!(
            "--bbox {text}: the west edge must be left of the east edge and the south below the north"
        );
    }
    Ok(Rect::new((w, s), (e, n)))
}

/// Turns the arguments into a request against a loaded atlas.
pub fn request(args: &ExportArgs, atlas: &Atlas, lang: Lang) -> anyhow::Result<ExportRequest> {
    let clock = atlas.data.meta.clock;
    // Whether the instants lie in the dataset's window is checked by export::run, for the
    // command and the window's Export dialog alike.
    let when_of = |flag: &str, text: &str| -> anyhow::Result<crate::clock::Instant> {
        clock
            .parse_when(text)
            .with_context(|| format!("--{flag} {text}"))
    };
    let when = match (&args.at, &args.from, &args.to, &args.step) {
        (Some(at), None, None, None) => When::At(when_of("at", at)?),
        (None, Some(from), Some(to), Some(step)) => When::Range {
            from: when_of("from", from)?,
            to: when_of("to", to)?,
            step_minutes: parse_step(step)?,
        },
        _ => bail!("give --at WHEN for a map, or --from, --to and --step for an animation"),
    };
    let format = Format::for_path(&args.out, matches!(when, When::Range { .. }))?;
    let size = Size::new(args.width, args.height, args.scale)?.at_dpi(args.dpi)?;
    let area = match &args.bbox {
        Some(b) => Area::BBox(parse_bbox(b)?),
        None => Area::Country,
    };
    let selected = match &args.select {
        Some(name) => Some(
            crate::data::find_place(&atlas.data, name, lang)
                .with_context(|| format!("--select {name}: no place has this name"))?,
        ),
        None => None,
    };
    Ok(ExportRequest {
        chapter: None,
        out: args.out.clone(),
        format,
        size,
        area,
        projection: args.projection,
        when,
        selected,
        title: args.title.clone(),
        lang,
        mode: args.mode(),
        force: args.force,
        frame_ms: args.frame_ms,
        filter: args.event_filter(&atlas.data)?,
    })
}

/// An export error in the words of the command line: an instant outside the window is named
/// by its flag and as it was typed.
fn in_flags(args: &ExportArgs, e: export::ExportError) -> anyhow::Error {
    match e {
        export::ExportError::OutsideWindow {
            which, first, last, ..
        } => {
            let (flag, text) = match which {
                Bound::At => ("at", &args.at),
                Bound::From => ("from", &args.from),
                Bound::To => ("to", &args.to),
            };
            let text = text.as_deref().unwrap_or_default();
            anyhow::anyhow!("--{flag} {text} is outside the dataset's window ({first} to {last})")
        }
        other => other.into(),
    }
}

/// Runs `qantar export`, with a progress bar on a terminal.
pub fn run(
    args: &ExportArgs,
    data: &crate::data::OpenSpec,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let atlas = Atlas::load(data).map_err(|e| anyhow::anyhow!("{}", e.problems().join("\n")))?;
    let req = request(args, &atlas, lang)?;
    let progress = Arc::new(Progress::default());
    let bar = indicatif::ProgressBar::new(0);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{msg} {bar:40} {pos}/{len} frames, {eta} left")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(format!("writing {}", req.out.display()));
    let started = std::time::Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    let result = std::thread::scope(|scope| {
        scope.spawn(|| {
            let _ = tx.send(export::run(&atlas, &req, &progress));
        });
        loop {
            match rx.recv_timeout(std::time::Duration::from_millis(100)) {
                Ok(result) => break result,
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    let (done, total) = progress.get();
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                    break Err(export::ExportError::FrameLost);
                }
            }
        }
    });
    bar.finish_and_clear();
    let report = result.map_err(|e| in_flags(args, e))?;
    let seconds = started.elapsed().as_secs_f64();
    match report.files.as_slice() {
        [one] => eprintln!(
            "qantar: wrote {} ({} frame(s), {} bytes, {seconds:.2} s)",
            one.display(),
            report.frames,
            report.bytes
        ),
        many => eprintln!(
            "qantar: wrote {} frames into {} ({} bytes, {seconds:.2} s)",
            many.len(),
            req.out.display(),
            report.bytes
        ),
    }
    Ok(ExitCode::SUCCESS)
}
