//! Exports for researchers: one map as PNG (any size up to 8192×8192, with citable text
//! chunks) or SVG, or an animation between two instants as a GIF or a numbered PNG sequence.
//! The same scene as the window, painted without a window or a GPU; every file is written
//! atomically and an existing file is never replaced unless asked.

mod frames;
mod pipeline;
mod size;

pub use frames::{frame_instants, parse_step};
pub use size::{MAX_SIDE, Size};

use pipeline::ordered;

/// The largest side of an animated GIF: frames this big already make files of hundreds of
/// megabytes; a folder of PNG frames takes anything up to [`MAX_SIDE`].
pub const MAX_GIF_SIDE: u32 = 4096;

use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::Place;
use crate::i18n::Lang;
use crate::paint::gif::{GifWriter, Indexer, Palette};
use crate::paint::{png, raster, svg, write_atomically};
use crate::scene::{self, EventMode, Lod, OverlayParts, Scene, SceneInput, Style, View};
use geo::Rect;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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
    pub when: When,
    pub selected: Option<Place>,
    pub title: Option<String>,
    pub lang: Lang,
    pub mode: EventMode,
    /// Replace an existing file (or frames in an existing folder).
    pub force: bool,
    /// How long each animation frame shows, in milliseconds.
    pub frame_ms: u32,
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

/// Why an export did not happen.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExportError {
    #[error("{} already exists; nothing was written (use --force to replace it)", .0.display())]
    Exists(PathBuf),
    #[error("{0}")]
    Size(String),
    #[error("{0}")]
    Range(String),
    #[error("{0}")]
    Format(String),
    #[error("{0}")]
    Write(String),
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

/// The style of every export: the classroom style of the window.
fn style() -> Style {
    Style::classroom()
}

/// The view an export of `points` shows, leaving room at the top for the title.
pub fn view_for(atlas: &Atlas, area: Area, points: [f32; 2]) -> View {
    match area {
        Area::Country => View::fit_in(
            atlas.geometry.country_bbox,
            points,
            [28.0, 84.0, 28.0, 40.0],
        ),
        Area::BBox(b) => View::fit_in(b, points, [16.0, 84.0, 16.0, 24.0]),
        Area::View { view, size } => View::fit_in(view.bounds(size), points, [0.0, 0.0, 0.0, 0.0]),
    }
}

/// The title an export carries.
pub fn title_for(atlas: &Atlas, req: &ExportRequest) -> String {
    req.title
        .clone()
        .unwrap_or_else(|| atlas.data.meta.name.get(req.lang).to_owned())
}

/// The scene of one frame (`index` of `count`; a single map is frame 0 of 1).
pub fn scene_for(
    atlas: &Atlas,
    req: &ExportRequest,
    instant: Instant,
    index: usize,
    count: usize,
) -> Scene {
    let points = req.size.points();
    let view = view_for(atlas, req.area, points);
    let style = style();
    scene::build(&SceneInput {
        atlas,
        instant,
        view,
        size: points,
        scale: 1.0,
        lang: req.lang,
        lod: Lod::for_zoom(view.zoom),
        mode: req.mode,
        selected: req.selected,
        hovered: None,
        context: true,
        overlay: OverlayParts {
            title: Some(title_for(atlas, req)),
            date: true,
            legend: true,
            scale_bar: true,
            attribution: true,
            progress: (count > 1).then(|| (index + 1) as f32 / count as f32),
            tiles_credit: None,
        },
        style: &style,
    })
}

/// The PNG text chunks that make an image citable.
pub fn png_text(atlas: &Atlas, scene: &Scene) -> Vec<(String, String)> {
    let meta = &scene.meta;
    vec![
        ("Title".into(), meta.title.clone()),
        ("Description".into(), meta.instant_text.clone()),
        ("Instant".into(), meta.instant.clone()),
        (
            "Dataset".into(),
            format!("{} ({})", meta.dataset, atlas.data.meta.name.get(Lang::En)),
        ),
        (
            "Software".into(),
            format!("Qantar {}", env!("CARGO_PKG_VERSION")),
        ),
        ("Source".into(), meta.sources.clone()),
    ]
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
    let instants = instants_of(req)?;
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
            let scene = scene_for(atlas, req, instants[0], 0, 1);
            let text = svg::to_svg(&scene, pixels);
            write_file(&req.out, |w| {
                w.write_all(text.as_bytes()).map_err(|e| e.to_string())
            })?;
            progress.done.store(1, Ordering::Relaxed);
            Ok(report(vec![req.out.clone()], 1))
        }
        Format::Png => {
            let scene = scene_for(atlas, req, instants[0], 0, 1);
            let pixmap = raster::render(&scene, pixels, ppp).map_err(ExportError::Write)?;
            write_file(&req.out, |w| {
                png::write(&pixmap, &png_text(atlas, &scene), w)
            })?;
            progress.done.store(1, Ordering::Relaxed);
            Ok(report(vec![req.out.clone()], 1))
        }
        Format::PngFrames => write_frames(atlas, req, &instants, progress),
        Format::Gif => write_gif(atlas, req, &instants, progress),
    }
}

/// How many threads render frames.
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 8)
}

/// The scene and pixels of frame `i`.
fn render_frame(
    atlas: &Atlas,
    req: &ExportRequest,
    instants: &[Instant],
    i: usize,
) -> Result<(Scene, tiny_skia::Pixmap), ExportError> {
    let scene = scene_for(atlas, req, instants[i], i, instants.len());
    let pixmap =
        raster::render(&scene, req.size.pixels, req.size.ppp).map_err(ExportError::Write)?;
    Ok((scene, pixmap))
}

/// A numbered PNG per frame. The frames are written into a hidden staging folder beside them
/// and moved into place only when all are done, so a failed or cancelled export leaves nothing.
fn write_frames(
    atlas: &Atlas,
    req: &ExportRequest,
    instants: &[Instant],
    progress: &Progress,
) -> Result<Report, ExportError> {
    let names = frame_names(instants.len());
    let staging = tempfile::Builder::new()
        .prefix(".qantar-frames-")
        .tempdir_in(&req.out)
        .map_err(|e| {
            ExportError::Write(format!(
                "{}: cannot write in this folder ({})",
                req.out.display(),
                e.kind()
            ))
        })?;
    let _unfinished = crate::paint::Unfinished::new(staging.path());
    ordered(
        instants.len(),
        threads(),
        progress,
        |i| {
            let (scene, pixmap) = render_frame(atlas, req, instants, i)?;
            write_file(&staging.path().join(&names[i]), |w| {
                png::write(&pixmap, &png_text(atlas, &scene), w)
            })
        },
        |_, ()| {
            progress.done.fetch_add(1, Ordering::Relaxed);
            Ok(())
        },
    )?;
    let files: Vec<PathBuf> = names.iter().map(|n| req.out.join(n)).collect();
    for (name, file) in names.iter().zip(&files) {
        std::fs::rename(staging.path().join(name), file)
            .map_err(|e| ExportError::Write(format!("{}: {e}", file.display())))?;
    }
    Ok(report(files, instants.len()))
}

/// The file names of `count` frames: frame-0001.png and so on, wider when there are more.
fn frame_names(count: usize) -> Vec<String> {
    let digits = count.to_string().len().max(4);
    (1..=count)
        .map(|i| format!("frame-{i:0digits$}.png"))
        .collect()
}

/// An animated GIF. Worker threads render frames and map them to the palette; this thread
/// writes them in order. The first and last frames show longer.
fn write_gif(
    atlas: &Atlas,
    req: &ExportRequest,
    instants: &[Instant],
    progress: &Progress,
) -> Result<Report, ExportError> {
    let count = instants.len();
    let delay = |i: usize| {
        let ms = if i == 0 || i + 1 == count {
            req.frame_ms.max(1) * 3
        } else {
            req.frame_ms.max(1)
        };
        u16::try_from(ms / 10).unwrap_or(u16::MAX).max(2)
    };
    // The palette is learned from the first frame.
    let (_, first) = render_frame(atlas, req, instants, 0)?;
    let palette = Palette::new(&exact_colours(&style()), first.data());
    let first = Indexer::new(&palette).index(first.data());
    write_file(&req.out, |w| {
        let mut gif = GifWriter::new(w, req.size.pixels, &palette)?;
        ordered(
            count,
            threads(),
            progress,
            |i| {
                if i == 0 {
                    return Ok(first.clone());
                }
                let (_, pixmap) = render_frame(atlas, req, instants, i)?;
                Ok(Indexer::new(&palette).index(pixmap.data()))
            },
            |i, indexed| {
                gif.add(indexed, delay(i)).map_err(ExportError::Write)?;
                progress.done.fetch_add(1, Ordering::Relaxed);
                Ok(())
            },
        )
        .map_err(|e| e.to_string())?;
        gif.finish().map(|_| ())
    })
    .map_err(|e| match e {
        ExportError::Write(m) if m == ExportError::Cancelled.to_string() => ExportError::Cancelled,
        other => other,
    })?;
    Ok(report(vec![req.out.clone()], count))
}

/// The colours a GIF palette must hold exactly.
fn exact_colours(style: &Style) -> Vec<[u8; 3]> {
    let mut out = vec![
        style.background,
        style.land,
        style.water,
        style.special,
        style.unit_fill,
        style.status_fill,
        style.unit_border,
        style.changed_outline,
        style.text,
        style.text_muted,
        style.water_text,
        style.marker_idle,
        style.marker_outline,
        style.panel.over(style.background),
        style.river,
        style.land_border,
        style.panel_border,
    ];
    out.extend(style.marker_fill);
    out.into_iter().map(|c| [c.r(), c.g(), c.b()]).collect()
}

fn prepare_folder(dir: &Path) -> Result<(), ExportError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::Format(format!(
            "{} exists and is not a folder",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        ExportError::Write(format!(
            "{}: cannot create this folder ({})",
            dir.display(),
            e.kind()
        ))
    })
}

fn write_file(
    path: &Path,
    write: impl FnOnce(&mut dyn crate::paint::WriteSeek) -> Result<(), String>,
) -> Result<(), ExportError> {
    write_atomically(path, write).map_err(|e| {
        if e == ExportError::Cancelled.to_string() {
            ExportError::Cancelled
        } else {
            ExportError::Write(e)
        }
    })
}

fn report(files: Vec<PathBuf>, frames: usize) -> Report {
    let bytes = files
        .iter()
        .filter_map(|f| std::fs::metadata(f).ok())
        .map(|m| m.len())
        .sum();
    Report {
        files,
        frames,
        bytes,
    }
}
