//! Exports for researchers: one map as PNG (any size up to 8192×8192, with citable text
//! chunks) or SVG, or an animation between two instants as a GIF or a numbered PNG sequence.
//! The same scene as the window, painted without a window or a GPU; every file is written
//! atomically and an existing file is never replaced unless asked. [`data`] writes the dataset
//! itself (CSV, GeoJSON, TimelineJS, KML).

pub mod data;
mod frames;
mod pipeline;
mod scene;
mod size;
mod write;

pub use frames::{frame_instants, parse_step};
pub use scene::{Framing, framing, metadata, png_text, scene_for, title_for, view_for};
pub use size::{MAX_SIDE, Size};

/// The largest side of an animated GIF: frames this big already make files of hundreds of
/// megabytes; a folder of PNG frames takes anything up to [`MAX_SIDE`].
pub const MAX_GIF_SIDE: u32 = 4096;

/// How long an animation frame may show, in milliseconds: from a hundredth of a second (what
/// GIF counts in) to a minute.
pub const FRAME_MS: std::ops::RangeInclusive<u32> = 10..=60_000;

use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::Place;
use crate::geometry::Projection;
use crate::i18n::Lang;
use crate::paint::{PaintError, WriteError, bands, png, svg};
use crate::scene::{EventMode, View};
use geo::Rect;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use write::{frame_names, prepare_folder, report, write_file, write_frames, write_gif};

/// What kind of file an export makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Gif,
    /// A folder of numbered PNG frames.
    PngFrames,
}

/// What part of the world an export shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Area {
    /// The whole mapped country.
    Country,
    /// A lon/lat box.
    BBox(Rect<f64>),
    /// What a window shows: its view and its size in points.
    View { view: View, size: [f32; 2] },
}

/// When: one instant, or every step from one instant to another (both included).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    At(Instant),
    Range {
        from: Instant,
        to: Instant,
        step_minutes: i64,
    },
}

/// Everything an export needs to know.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub out: PathBuf,
    pub format: Format,
    pub size: Size,
    pub area: Area,
    /// The projection: Web Mercator (as the window), or a conic fitted to the area.
    pub projection: Projection,
    pub when: When,
    pub selected: Option<Place>,
    pub title: Option<String>,
    pub lang: Lang,
    pub mode: EventMode,
    /// A story chapter: its events stand out and its card is drawn (story slides).
    pub chapter: Option<usize>,
    /// Replace an existing file (or frames in an existing folder).
    pub force: bool,
    /// How long each animation frame shows, in milliseconds.
    pub frame_ms: u32,
    /// Which events the map shows.
    pub filter: crate::scene::EventFilter,
}

/// Shared between an export and whoever watches it: how far it is, and a way to stop it.
#[derive(Debug, Default)]
pub struct Progress {
    pub done: AtomicUsize,
    pub total: AtomicUsize,
    pub cancel: AtomicBool,
}

impl Progress {
    /// Asks the export to stop; it stops between frames and writes nothing.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    /// (done, total).
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Report {
    pub files: Vec<PathBuf>,
    pub frames: usize,
    pub bytes: u64,
}

/// Which instant of a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// The instant of a single map.
    At,
    /// The first frame of an animation.
    From,
    /// The last frame.
    To,
}

impl std::fmt::Display for Bound {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Bound::At => "the map's instant",
            Bound::From => "the first frame",
            Bound::To => "the last frame",
        })
    }
}

/// Why an export did not happen.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error("{} already exists; nothing was written (use --force to replace it)", .0.display())]
    Exists(PathBuf),
    /// The size asked for is impossible (its words say why).
    #[error("{0}")]
    Size(String),
    /// The instants or the step asked for are impossible (its words say why).
    #[error("{0}")]
    Range(String),
    #[error("{which} ({instant}) is outside the dataset's window ({first} to {last})")]
    OutsideWindow {
        which: Bound,
        /// ISO 8601 with the dataset clock's offset.
        instant: String,
        first: chrono::NaiveDate,
        last: chrono::NaiveDate,
    },
    #[error(
        "--bbox {bbox} contains none of the dataset's regions or cities; the data spans {data}"
    )]
    EmptyBBox {
        /// west,south,east,north.
        bbox: String,
        /// The data's extent, west,south,east,north.
        data: String,
    },
    /// The projection cannot be fitted to the area (its words say why).
    #[error("{0}")]
    Projection(String),
    #[error("--frame-ms {0}: a frame shows for 10 ms to 60000 ms (one minute)")]
    FrameMs(u32),
    /// The output path does not fit the format (its words say why).
    #[error("{0}")]
    Format(String),
    #[error(transparent)]
    Paint(#[from] PaintError),
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A worker stopped without a result (a bug).
    #[error("a frame could not be rendered")]
    FrameLost,
    #[error("the export was cancelled; nothing was written")]
    Cancelled,
}

impl Format {
    /// The format an output path asks for: by extension, or a folder for animation frames.
    pub fn for_path(out: &Path, animated: bool) -> Result<Format, ExportError> {
        let text = out.to_string_lossy();
        let is_dir =
            text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) || out.is_dir();
        let ext = out.extension().map(|e| e.to_string_lossy().to_lowercase());
        match (animated, is_dir, ext.as_deref()) {
            (true, true, _) => Ok(Format::PngFrames),
            (true, false, Some("gif")) => Ok(Format::Gif),
            (true, false, _) => Err(ExportError::Format(format!(
                "{}: an animation is written to a .gif file or to a folder (end the path with /)",
                out.display()
            ))),
            (false, false, Some("png")) => Ok(Format::Png),
            (false, false, Some("svg")) => Ok(Format::Svg),
            (false, true, _) => Err(ExportError::Format(format!(
                "{} is a folder; give a file name ending in .png or .svg, or use --from/--to/--step for frames",
                out.display()
            ))),
            (false, false, _) => Err(ExportError::Format(format!(
                "{}: the file name must end in .png or .svg (or .gif with --from/--to/--step)",
                out.display()
            ))),
        }
    }
}

/// The instants of the frames a request asks for (one for a single map).
pub fn instants_of(req: &ExportRequest) -> Result<Vec<Instant>, ExportError> {
    match req.when {
        When::At(t) => Ok(vec![t]),
        When::Range {
            from,
            to,
            step_minutes,
        } => frame_instants(from, to, step_minutes),
    }
}

/// The first existing file the request would replace, if any.
pub fn would_replace(req: &ExportRequest) -> Option<PathBuf> {
    match req.format {
        Format::PngFrames => {
            let frames = instants_of(req).map_or(0, |i| i.len());
            frame_names(frames)
                .iter()
                .map(|n| req.out.join(n))
                .find(|f| f.exists())
        }
        _ => req.out.exists().then(|| req.out.clone()),
    }
}

/// Runs an export. Fails before writing anything when the target exists (without `force`) or
/// the request is impossible; a failure while writing leaves no partial file.
pub fn run(atlas: &Atlas, req: &ExportRequest, progress: &Progress) -> Result<Report, ExportError> {
    check_window(atlas, req.when)?;
    if !FRAME_MS.contains(&req.frame_ms) {
        return Err(ExportError::FrameMs(req.frame_ms));
    }
    let instants = instants_of(req)?;
    if let Area::BBox(b) = req.area
        && !scene::shows_data(atlas, b)
    {
        return Err(ExportError::EmptyBBox {
            bbox: scene::bbox_text(b),
            data: scene::data_extent_text(atlas),
        });
    }
    let framing = framing(atlas, req)?;
    if req.format == Format::Gif && req.size.pixels.iter().any(|&side| side > MAX_GIF_SIDE) {
        return Err(ExportError::Size(format!(
            "an animated GIF can be at most {MAX_GIF_SIDE} pixels a side; export PNG frames to a folder for more"
        )));
    }
    progress.total.store(instants.len(), Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    if req.format == Format::PngFrames {
        prepare_folder(&req.out)?;
    } else if req.out.is_dir() {
        return Err(ExportError::Format(format!(
            "{} is a folder",
            req.out.display()
        )));
    }
    if !req.force
        && let Some(taken) = would_replace(req)
    {
        return Err(ExportError::Exists(taken));
    }
    let pixels = req.size.pixels;
    let ppp = req.size.ppp;
    match req.format {
        Format::Svg => {
            let scene = scene_for(atlas, req, &framing, instants[0], 0, 1);
            let text = svg::to_svg(&scene, pixels, &metadata(atlas, req, &scene));
            write_file(&req.out, |w| {
                w.write_all(text.as_bytes())
                    .map_err(|e| WriteError::io(&req.out, &e).into())
            })?;
            progress.done.store(1, Ordering::Relaxed);
            Ok(report(vec![req.out.clone()], 1))
        }
        Format::Png => {
            let scene = scene_for(atlas, req, &framing, instants[0], 0, 1);
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            let text = png_text(atlas, req, &scene);
            let header = png::Header {
                size: pixels,
                // Whatever is painted over an opaque background stays opaque.
                opaque: scene.background.is_some_and(|c| c.a() == 255),
                text: &text,
                pixels_per_metre: req.size.pixels_per_metre(),
            };
            // The top of the image is encoded while the rest is painted.
            write_file(&req.out, |w| {
                Ok(png::write_rows(&header, w, |rows| {
                    bands::render_streamed(&scene, pixels, ppp, cores, rows)
                })?)
            })?;
            progress.done.store(1, Ordering::Relaxed);
            Ok(report(vec![req.out.clone()], 1))
        }
        Format::PngFrames => write_frames(atlas, req, &framing, &instants, progress),
        Format::Gif => write_gif(atlas, req, &framing, &instants, progress),
    }
}

/// Every instant of the request lies within the dataset's window.
fn check_window(atlas: &Atlas, when: When) -> Result<(), ExportError> {
    let tl = &atlas.timeline;
    let check = |which: Bound, t: Instant| {
        if t < tl.first() || t > tl.last() {
            let (first, last) = atlas.data.meta.window;
            return Err(ExportError::OutsideWindow {
                which,
                instant: atlas.data.meta.clock.iso(t),
                first,
                last,
            });
        }
        Ok(())
    };
    match when {
        When::At(t) => check(Bound::At, t),
        When::Range { from, to, .. } => check(Bound::From, from).and(check(Bound::To, to)),
    }
}
