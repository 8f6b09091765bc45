//! Painters of a scene. A painter decides nothing about what is shown, only how: the window
//! paints with egui, the exporters with SVG and a CPU rasteriser (tiny-skia), to PNG and GIF.

pub mod bands;
mod coverage;
pub mod egui;
pub mod egui_cache;
mod error;
pub mod gif;
mod glyphs;
pub mod png;
pub mod raster;
pub mod svg;

pub use error::{PaintError, WriteError};

use std::io::{BufWriter, Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Temporary files and folders being written right now, so that an interrupted process can
/// remove them (see [`remove_unfinished`]).
static UNFINISHED: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Marks a temporary file or folder as unfinished while it lives.
pub struct Unfinished(PathBuf);

impl Unfinished {
    pub fn new(path: &Path) -> Unfinished {
        if let Ok(mut list) = UNFINISHED.lock() {
            list.push(path.to_owned());
        }
        Unfinished(path.to_owned())
    }
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if let Ok(mut list) = UNFINISHED.lock()
            && let Some(i) = list.iter().position(|p| *p == self.0)
        {
            list.swap_remove(i);
        }
    }
}

/// Removes every temporary file and folder still being written. Called when the process is
/// told to stop (Ctrl+C, SIGTERM), so that an interrupted export leaves nothing behind.
pub fn remove_unfinished() {
    let list = match UNFINISHED.lock() {
        Ok(mut list) => std::mem::take(&mut *list),
        Err(_) => return,
    };
    for path in list {
        if path.is_dir() {
            let _ = std::fs::remove_dir_all(&path);
        } else {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Something that can be written and sought, as PNG and GIF encoders need.
pub trait WriteSeek: Write + Seek {}
impl<T: Write + Seek> WriteSeek for T {}

/// Writes a file atomically: into a temporary file in the same folder, then renamed over the
/// target, so that a failed or interrupted write leaves no partial file behind. `write`'s own
/// error (painting, cancelling) comes back as it is.
pub fn write_atomically<E: From<WriteError>>(
    path: &Path,
    write: impl FnOnce(&mut dyn WriteSeek) -> Result<(), E>,
) -> Result<(), E> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => std::path::PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".qantar-").suffix(".part");
    // An ordinary file's permissions, not a temporary file's private ones.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    if !dir.is_dir() {
        return Err(WriteError::NoFolder(dir).into());
    }
    let mut temp = builder.tempfile_in(&dir).map_err(|e| WriteError::Folder {
        dir: dir.clone(),
        kind: e.kind(),
    })?;
    let _unfinished = Unfinished::new(temp.path());
    {
        let mut writer = BufWriter::new(temp.as_file_mut());
        write(&mut writer)?;
        writer.flush().map_err(|e| WriteError::io(path, &e))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| WriteError::io(path, &e))?;
    temp.persist(path)
        .map_err(|e| WriteError::io(path, &e.error))?;
    Ok(())
}
