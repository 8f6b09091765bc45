//! Writing exports to disk: numbered PNG frames through a staging folder, animated GIFs with
//! one palette, and every file atomically (see `paint::write_atomically`).

use super::pipeline::{Flight, Handoff, ordered};
use super::scene::{Framing, png_text, scene_for, style};
use super::{ExportError, ExportRequest, Progress, Report};
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::paint::bands::{self, Underlay};
use crate::paint::gif::{EncodedFrame, GifWriter, Indexer, Palette, encode_frame, gif_size};
use crate::paint::{PaintError, WriteError, WriteSeek, png, write_atomically};
use crate::scene::{Scene, Style};
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, OnceLock};

/// How many threads render frames of `req`, and how many frames may be in flight.
fn flight(req: &ExportRequest) -> Flight {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let [w, h] = req.size.pixels;
    Flight::for_frames(cores, u64::from(w) * u64::from(h))
}

/// The scene and pixels of frame `i`, painted over `under`: the background and the context
/// layer every frame shares, painted once by the first frame that needs them.
fn render_frame(
    atlas: &Atlas,
    req: &ExportRequest,
    framing: &Framing,
    instants: &[Instant],
    i: usize,
    under: &OnceLock<Option<Underlay>>,
) -> Result<(Scene, tiny_skia::Pixmap), ExportError> {
    let scene = scene_for(atlas, req, framing, instants[i], i, instants.len());
    let (pixels, ppp) = (req.size.pixels, req.size.ppp);
    let pixmap = match under.get_or_init(|| Underlay::new(&scene, pixels, ppp).ok()) {
        Some(under) => under.render(&scene, pixels, ppp)?,
        None => bands::render(&scene, pixels, ppp)?,
    };
    Ok((scene, pixmap))
}

/// A numbered PNG per frame. The frames are written into a hidden staging folder beside them
/// and moved into place only when all are done, so a failed or cancelled export leaves nothing.
pub(super) fn write_frames(
    atlas: &Atlas,
    req: &ExportRequest,
    framing: &Framing,
    instants: &[Instant],
    progress: &Progress,
) -> Result<Report, ExportError> {
    let names = frame_names(instants.len());
    let staging = tempfile::Builder::new()
        .prefix(".qantar-frames-")
        .tempdir_in(&req.out)
        .map_err(|e| WriteError::Folder {
            dir: req.out.clone(),
            kind: e.kind(),
        })?;
    let _unfinished = crate::paint::Unfinished::new(staging.path());
    let under = OnceLock::new();
    ordered(
        instants.len(),
        flight(req),
        progress,
        |i| {
            let (scene, pixmap) = render_frame(atlas, req, framing, instants, i, &under)?;
            let text = png_text(atlas, req, &scene);
            write_file(&staging.path().join(&names[i]), |w| {
                Ok(png::write(&pixmap, &text, req.size.pixels_per_metre(), w)?)
            })
        },
        |_, ()| {
            progress.done.fetch_add(1, Ordering::Relaxed);
            Ok(())
        },
    )?;
    let files: Vec<PathBuf> = names.iter().map(|n| req.out.join(n)).collect();
    for (name, file) in names.iter().zip(&files) {
        std::fs::rename(staging.path().join(name), file).map_err(|e| WriteError::io(file, &e))?;
    }
    Ok(report(files, instants.len()))
}

/// The file names of `count` frames: frame-0001.png and so on, wider when there are more.
pub(super) fn frame_names(count: usize) -> Vec<String> {
    let digits = count.to_string().len().max(4);
    (1..=count)
        .map(|i| format!("frame-{i:0digits$}.png"))
        .collect()
}

/// An animated GIF. Worker threads render frames and map them to the palette; this thread
/// writes them in order. The first and last frames show longer.
pub(super) fn write_gif(
    atlas: &Atlas,
    req: &ExportRequest,
    framing: &Framing,
    instants: &[Instant],
    progress: &Progress,
) -> Result<Report, ExportError> {
    let count = instants.len();
    let delay = |i: usize| {
        let ms = if i == 0 || i + 1 == count {
            req.frame_ms.saturating_mul(3)
        } else {
            req.frame_ms
        };
        u16::try_from(ms / 10).unwrap_or(u16::MAX).max(2)
    };
    // The palette is learned from the first frame, while the next frames are being painted;
    // they wait for it only to map their pixels to it.
    let palette: OnceLock<Option<Palette>> = OnceLock::new();
    // Indexers remember the colours they have mapped; frames share most of them, so each
    // thread takes a warm one from here and puts it back.
    let indexers = Mutex::new(Vec::new());
    let under = OnceLock::new();
    let indexed = |i: usize| -> Result<Arc<Vec<u8>>, ExportError> {
        let pixmap = match render_frame(atlas, req, framing, instants, i, &under) {
            Ok((_, pixmap)) => pixmap,
            Err(e) => {
                // Frames waiting for the palette must not wait for ever.
                let _ = palette.set(None);
                return Err(e);
            }
        };
        if i == 0 {
            let _ = palette.set(Some(Palette::new(&exact_colours(&style()), pixmap.data())));
        }
        let palette = palette.wait().clone().ok_or(ExportError::FrameLost)?;
        let taken = indexers.lock().ok().and_then(|mut v| v.pop());
        let mut indexer = taken.unwrap_or_else(|| Indexer::new(&palette));
        let indexed = indexer.index(pixmap.data());
        if let Ok(mut v) = indexers.lock() {
            v.push(indexer);
        }
        Ok(Arc::new(indexed))
    };
    // Each frame is stored as what changed since the frame before, compressed on the thread
    // that painted it: frame i waits for frame i - 1's pixels, not for it to be written.
    let size = gif_size(req.size.pixels)?;
    let before = Handoff::default();
    let frame = |i: usize| -> Result<EncodedFrame, ExportError> {
        let made = indexed(i);
        before.leave(i, made.as_ref().ok().cloned());
        let pixels = made?;
        let previous = match before.take(i) {
            None if i > 0 => return Err(ExportError::FrameLost),
            previous => previous,
        };
        let previous = previous.as_deref().map(Vec::as_slice);
        Ok(encode_frame(&pixels, previous, size, delay(i))?)
    };
    write_file(&req.out, |w| {
        // The GIF starts with the palette, known once the first frame is done.
        let mut out = Some(w);
        let mut gif = None;
        ordered(count, flight(req), progress, frame, |_, encoded| {
            if let Some(w) = out.take() {
                let palette = palette.get().and_then(Option::as_ref);
                let palette = palette.ok_or(ExportError::FrameLost)?;
                gif = Some(GifWriter::new(w, req.size.pixels, palette)?);
            }
            if let Some(gif) = &mut gif {
                gif.add_encoded(&encoded)?;
            }
            progress.done.fetch_add(1, Ordering::Relaxed);
            Ok(())
        })?;
        if let Some(gif) = gif {
            gif.finish()?;
        }
        Ok(())
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

pub(super) fn prepare_folder(dir: &Path) -> Result<(), ExportError> {
    if dir.exists() && !dir.is_dir() {
        return Err(ExportError::Format(format!(
            "{} exists and is not a folder",
            dir.display()
        )));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        ExportError::from(WriteError::Folder {
            dir: dir.to_owned(),
            kind: e.kind(),
        })
    })
}

/// Writes `path` atomically; an error of `write` (a cancelled export, say) comes back as it is,
/// except that an encoder's failure (a full disk under the PNG or GIF encoder) names the file.
pub(super) fn write_file(
    path: &Path,
    write: impl FnOnce(&mut dyn WriteSeek) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    write_atomically(path, |w| write(w).map_err(|e| naming(path, e)))
}

/// `e`, with the file named if it is an encoder's failure (the encoders do not know the path).
fn naming(path: &Path, e: ExportError) -> ExportError {
    match e {
        ExportError::Paint(p @ (PaintError::Png(_) | PaintError::Gif(_))) => {
            ExportError::Write(WriteError::Io {
                path: path.to_owned(),
                message: p.to_string(),
            })
        }
        e => e,
    }
}

pub(super) fn report(files: Vec<PathBuf>, frames: usize) -> Report {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Rule: an encoder's failure (here the PNG encoder meeting a full disk) names the file it
    /// was writing, and leaves no file behind.
    #[test]
    fn an_encoders_failure_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("map.png");
        let full = || PaintError::Png("No space left on device (os error 28)".into());
        let e = write_file(&out, |_| Err(full().into())).unwrap_err();
        let said = e.to_string();
        assert!(said.starts_with(&out.display().to_string()), "{said}");
        assert!(
            said.ends_with("PNG: No space left on device (os error 28)"),
            "{said}"
        );
        assert!(!out.exists());
        // Other errors come back as they are.
        let e = write_file(&out, |_| Err(ExportError::Cancelled)).unwrap_err();
        assert!(matches!(e, ExportError::Cancelled));
    }
}
