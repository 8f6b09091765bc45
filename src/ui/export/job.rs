//! The export behind the dialog: the request built from the dialog and the shared state, the
//! worker thread that runs it, collecting its outcome, and the system's save dialog on a thread
//! of its own.

use super::super::state::AppState;
use super::{ExportDialog, Kind, PRESETS};
use crate::export::{
    self, Area, ExportError, ExportRequest, Format, Progress, Report, Size, When, parse_step,
};
use crate::i18n::{Lang, Msg, tr};
use crate::scene::View;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

/// How long each frame of an animation made in the window shows.
const FRAME_MS_DEFAULT: u32 = 800;

/// A running export.
pub(super) struct Job {
    pub(super) progress: Arc<Progress>,
    /// Taken when the export is collected.
    handle: Option<JoinHandle<Result<Report, ExportError>>>,
}

impl Job {
    pub(super) fn finished(&self) -> bool {
        self.handle.as_ref().is_none_or(JoinHandle::is_finished)
    }
}

impl Drop for Job {
    /// A job still running when the window closes is stopped and waited for, so that it
    /// removes its temporary files before the process ends.
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.progress.cancel();
            let _ = handle.join();
        }
    }
}

pub(super) fn default_dir() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .map(|h| h.join("Pictures"))
        .filter(|p| p.is_dir())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Builds the request from the dialog and the app's state.
fn request(
    app: &AppState,
    painted: Option<(View, [f32; 2])>,
    d: &ExportDialog,
) -> Result<ExportRequest, String> {
    let atlas = app.atlas.as_ref().ok_or("no dataset is loaded")?;
    let pixels = PRESETS.get(d.preset).map_or(d.custom, |(_, px)| *px);
    let size = Size::new(Some(i64::from(pixels[0])), Some(i64::from(pixels[1])), None)
        .map_err(|e| e.to_string())?;
    let area = match (d.whole_country, painted) {
        (false, Some((view, size))) => Area::View { view, size },
        _ => Area::Country,
    };
    let clock = atlas.data.meta.clock;
    let when = match d.kind {
        Kind::Png | Kind::Svg => When::At(app.instant),
        Kind::Gif | Kind::Frames => When::Range {
            from: clock
                .parse_when(&d.from)
                .map_err(|e| format!("From: {e}"))?,
            to: clock.parse_when(&d.to).map_err(|e| format!("To: {e}"))?,
            step_minutes: parse_step(&d.step).map_err(|e| e.to_string())?,
        },
    };
    let out = d.fixed_path();
    let format =
        Format::for_path(&out, matches!(when, When::Range { .. })).map_err(|e| e.to_string())?;
    Ok(ExportRequest {
        out,
        format,
        size,
        area,
        when,
        selected: app.selected,
        title: None,
        lang: app.persisted.lang,
        mode: app.persisted.mode,
        force: d.confirm_replace,
        frame_ms: FRAME_MS_DEFAULT,
    })
}

/// Starts the export the dialog describes, or asks first when it would replace a file.
pub(super) fn start(
    app: &AppState,
    painted: Option<(View, [f32; 2])>,
    d: &mut ExportDialog,
    ctx: &egui::Context,
) {
    let req = match request(app, painted, d) {
        Ok(r) => r,
        Err(e) => {
            d.outcome = Some((false, sentence(&e)));
            return;
        }
    };
    if export::would_replace(&req).is_some() && !d.confirm_replace {
        d.confirm_replace = true;
        d.outcome = None;
        return;
    }
    let Some(atlas) = app.atlas.clone() else {
        return;
    };
    let progress = Arc::new(Progress::default());
    let watcher = progress.clone();
    let repaint = ctx.clone();
    let handle = std::thread::spawn(move || {
        let result = export::run(&atlas, &req, &watcher);
        repaint.request_repaint();
        result
    });
    d.confirm_replace = false;
    d.outcome = None;
    d.job = Some(Job {
        progress,
        handle: Some(handle),
    });
}

/// Collects a finished export and a chosen file.
pub(super) fn poll(d: &mut ExportDialog, lang: Lang) {
    if let Some(rx) = &d.picking
        && let Ok(choice) = rx.try_recv()
    {
        if let Some(path) = choice {
            d.path = path.display().to_string();
            d.confirm_replace = false;
        }
        d.picking = None;
    }
    if d.job.as_ref().is_some_and(Job::finished)
        && let Some(mut job) = d.job.take()
        && let Some(handle) = job.handle.take()
    {
        d.outcome = Some(match handle.join() {
            Ok(Ok(report)) => (
                true,
                format!(
                    "{} {} ({} {}, {} kB)",
                    tr(lang, Msg::ExportSaved),
                    report
                        .files
                        .first()
                        .map(|f| f.display().to_string())
                        .unwrap_or_default(),
                    report.frames,
                    tr(lang, Msg::ExportFramesUnit),
                    report.bytes.div_ceil(1024)
                ),
            ),
            Ok(Err(e)) => (false, sentence(&e.to_string())),
            Err(_) => (false, tr(lang, Msg::ExportCrashed).to_owned()),
        });
    }
}

/// Runs the system's save dialog on its own thread, so that the window stays responsive. If
/// no dialog is available, the typed path stays as it is.
pub(super) fn pick_file(current: PathBuf, folder: bool) -> Receiver<Option<PathBuf>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let dir = current
            .parent()
            .map(PathBuf::from)
            .unwrap_or_else(default_dir);
        let name = current
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dialog = rfd::FileDialog::new().set_directory(&dir);
        let choice = if folder {
            dialog.pick_folder()
        } else {
            dialog.set_file_name(name).save_file()
        };
        let _ = tx.send(choice);
    });
    rx
}

/// A message as a sentence: its first letter in capitals.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
