//! Reading a file the user named: a regular file, bounded in size, UTF-8, with errors that say
//! which file and why.

use super::error::{LoadError, Problem};
use std::path::Path;

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// A problem in a file the user named.
pub fn file_problem(path: &Path, line: usize, column: usize, message: String) -> LoadError {
    LoadError::Invalid(vec![Problem {
        file: path.display().to_string(),
        line,
        column,
        record: None,
        message,
    }])
}

/// Reads a text file the user named: a regular file, at most [`MAX_FILE_BYTES`], UTF-8 (a
/// byte-order mark is dropped).
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(file_problem(path, 0, 0, "is not a regular file".into()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(file_problem(
            path,
            0,
            0,
            format!(
                "is {} MiB, more than the {} MiB Qantar reads",
                meta.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(e) if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") => {
            Err(file_problem(
                path,
                0,
                0,
                format!("is UTF-16, not UTF-8 ({e}): save it as UTF-8"),
            ))
        }
        Err(e) => Err(file_problem(
            path,
            0,
            0,
            format!("is not UTF-8 at byte {}: save it as UTF-8", e.valid_up_to()),
        )),
    }
}
