//! Painters of a scene. A painter decides nothing about what is shown, only how: the window
//! paints with egui, the exporters with SVG and a CPU rasteriser.

pub mod egui;

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
    let mut temp = tempfile::NamedTempFile::new_in(&dir)
        .map_err(|e| format!("{}: cannot write in this folder: {e}", dir.display()))?;
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
