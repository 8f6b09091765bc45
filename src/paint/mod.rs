//! Painters of a scene. A painter decides nothing about what is shown, only how: the window
//! paints with egui, the exporters with SVG and a CPU rasteriser (tiny-skia), to PNG and GIF.

pub mod egui;
pub mod gif;
pub mod png;
pub mod raster;
pub mod svg;

use std::io::{BufWriter, Seek, Write};
use std::path::Path;

/// Something that can be written and sought, as PNG and GIF encoders need.
pub trait WriteSeek: Write + Seek {}
impl<T: Write + Seek> WriteSeek for T {}

/// Writes a file atomically: into a temporary file in the same folder, then renamed over the
/// target, so that a failed or interrupted write leaves no partial file behind.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn WriteSeek) -> Result<(), String>,
) -> Result<(), String> {
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
        return Err(format!("{}: there is no such folder", dir.display()));
    }
    let mut temp = builder.tempfile_in(&dir).map_err(|e| {
        format!(
            "{}: cannot write in this folder ({})",
            dir.display(),
            e.kind()
        )
    })?;
    {
        let mut writer = BufWriter::new(temp.as_file_mut());
        write(&mut writer)?;
        writer
            .flush()
            .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    temp.as_file()
        .sync_all()
        .map_err(|e| format!("{}: {e}", path.display()))?;
    temp.persist(path)
        .map_err(|e| format!("{}: {}", path.display(), e.error))?;
    Ok(())
}
