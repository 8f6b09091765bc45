//! Scripted screenshots (`--screenshot-to FILE.png`): once the window has fully rendered, save
//! a PNG of it and close.

use crate::paint::WriteError;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

/// Frames to wait after the map is first painted, so that layout and fonts have settled.
const SETTLE_FRAMES: u32 = 8;

/// A screenshot in progress.
pub struct ScreenshotJob {
    path: PathBuf,
    frames_ready: u32,
    requested: bool,
    image: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
}

/// Why a screenshot could not be saved.
#[derive(Debug, thiserror::Error)]
pub enum ScreenshotError {
    #[error("the screenshot has an unexpected size")]
    Size,
    #[error("{}: {message}", path.display())]
    Encode { path: PathBuf, message: String },
    #[error(transparent)]
    Write(#[from] WriteError),
    /// A start option (`--at`, `--select`, `--chapter`) could not be honoured.
    #[error("{0}")]
    Start(String),
}

/// How the screenshot ended: the path written, or why it failed.
pub type Outcome = Result<PathBuf, ScreenshotError>;

fn outcome_slot() -> &'static Mutex<Option<Outcome>> {
    static SLOT: OnceLock<Mutex<Option<Outcome>>> = OnceLock::new();
    SLOT.get_or_init(|| Mutex::new(None))
}

/// The outcome of the screenshot taken by this process, if any.
pub fn take_outcome() -> Option<Outcome> {
    outcome_slot().lock().ok().and_then(|mut slot| slot.take())
}

impl ScreenshotJob {
    pub fn new(path: PathBuf) -> Self {
        ScreenshotJob {
            path,
            frames_ready: 0,
            requested: false,
            image: Arc::new(Mutex::new(None)),
        }
    }

    /// Called every frame; returns the outcome once the PNG is written (or failed).
    pub fn step(&mut self, ctx: &egui::Context, scene_ready: bool) -> Option<Outcome> {
        ctx.request_repaint();
        if !scene_ready {
            return None;
        }
        self.frames_ready += 1;
        if self.frames_ready < SETTLE_FRAMES {
            return None;
        }
        if !self.requested {
            self.requested = true;
            let slot = self.image.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut s) = slot.lock() {
                    *s = Some(image);
                }
            });
            return None;
        }
        let image = self.image.lock().ok().and_then(|mut s| s.take())?;
        Some(save(&self.path, &image))
    }
}

fn save(path: &std::path::Path, image: &egui::ColorImage) -> Outcome {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let buffer =
        image::RgbaImage::from_raw(w as u32, h as u32, rgba).ok_or(ScreenshotError::Size)?;
    crate::paint::write_atomically(path, |mut file| {
        buffer
            .write_to(&mut file, image::ImageFormat::Png)
            .map_err(|e| ScreenshotError::Encode {
                path: path.to_owned(),
                message: e.to_string(),
            })
    })
    .map(|()| path.to_owned())
}

/// Records the outcome and closes the window.
pub fn finish(ctx: &egui::Context, outcome: Outcome) {
    if let Ok(mut slot) = outcome_slot().lock() {
        *slot = Some(outcome);
    }
    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
}
