//! An export running on a thread of its own, and the system's save dialog on another, so that
//! the window stays responsive.

use crate::atlas::Atlas;
use crate::export::{self, ExportError, ExportRequest, Progress, Report};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

/// A running export.
pub(super) struct Job {
    pub(super) progress: Arc<Progress>,
    /// Taken when the export is collected.
    handle: Option<JoinHandle<Result<Report, ExportError>>>,
}

impl Job {
    /// Runs `req` on a thread of its own; the window is repainted when it ends.
    pub(super) fn spawn(atlas: Arc<Atlas>, req: ExportRequest, ctx: &egui::Context) -> Job {
        let progress = Arc::new(Progress::default());
        let watcher = progress.clone();
        let repaint = ctx.clone();
        let handle = std::thread::spawn(move || {
            let result = export::run(&atlas, &req, &watcher);
            repaint.request_repaint();
            result
        });
        Job {
            progress,
            handle: Some(handle),
        }
    }

    /// The export's result once it has ended (`Err` if its thread panicked).
    pub(super) fn take_result(
        &mut self,
    ) -> Option<std::thread::Result<Result<Report, ExportError>>> {
        if !self.handle.as_ref().is_some_and(JoinHandle::is_finished) {
            return None;
        }
        self.handle.take().map(JoinHandle::join)
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
