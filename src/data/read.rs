//! Reading a file: a regular file, bounded in size, UTF-8, with errors that say which file and
//! why. Every dataset file and every file the user names is read here.

use super::error::{LoadError, Problem};
use std::io::Read as _;
use std::path::{Component, Path};

/// Files larger than this are refused rather than read into memory, unless
/// [`MAX_FILE_ENV`] says otherwise.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// The environment variable that sets another limit, in MiB.
pub const MAX_FILE_ENV: &str = "QANTAR_MAX_FILE_MIB";

/// The most bytes a file may have: [`MAX_FILE_BYTES`], or what [`MAX_FILE_ENV`] says.
pub fn max_file_bytes() -> u64 {
    std::env::var(MAX_FILE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .map_or(MAX_FILE_BYTES, |mib| mib.saturating_mul(1024 * 1024))
}

/// A problem in a file the user named.
pub fn file_problem(path: &Path, line: usize, column: usize, message: String) -> LoadError {
    problem(&path.display().to_string(), line, column, message)
}

fn problem(file: &str, line: usize, column: usize, message: String) -> LoadError {
    LoadError::Invalid(vec![Problem {
        file: file.to_owned(),
        line,
        column,
        record: None,
        message,
    }])
}

/// A file's text, and what was done to read it, for the load report.
#[derive(Debug)]
pub struct Text {
    pub text: String,
    /// "starts with a UTF-8 byte-order mark", when it did (the mark is dropped).
    pub note: Option<String>,
}

/// Reads a text file the user named: a regular file, at most [`max_file_bytes`], UTF-8 (a
/// byte-order mark is dropped).
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    read_text_noted(path).map(|t| t.text)
}

/// [`read_text`], with what was done to read it.
pub fn read_text_noted(path: &Path) -> Result<Text, LoadError> {
    let bytes = read_bytes(path)?;
    decode(&path.display().to_string(), bytes)
}

/// The bytes of a regular file, at most [`max_file_bytes`] of them. A pipe, a device or a
/// folder is refused before it is opened (a pipe would wait for a writer for ever, a device
/// such as /dev/zero never ends).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_bytes_within(path, max_file_bytes())
}

fn read_bytes_within(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let unreadable = |source| LoadError::Unreadable {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if meta.is_dir() {
        return Err(file_problem(path, 0, 0, "is a folder, not a file".into()));
    }
    if !meta.is_file() {
        return Err(file_problem(
            path,
            0,
            0,
            "is not a regular file (a pipe, a device or a socket): Qantar reads only files".into(),
        ));
    }
    let too_big = || {
        file_problem(
            path,
            0,
            0,
            format!(
                "is larger than the {} MiB Qantar reads (set {MAX_FILE_ENV} to a number of MiB \
                 to read more)",
                limit / (1024 * 1024)
            ),
        )
    };
    if meta.len() > limit {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The file may have grown since it was measured: never read past the limit.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(too_big());
    }
    Ok(bytes)
}

/// The UTF-8 text of `bytes`, read from `file`. A UTF-8 byte-order mark is dropped and said;
/// UTF-16 and bytes that are not UTF-8 are refused, saying so and where.
pub fn decode(file: &str, mut bytes: Vec<u8>) -> Result<Text, LoadError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") || looks_utf16(&bytes) {
        return Err(problem(
            file,
            1,
            1,
            "is UTF-16, not UTF-8: save it as UTF-8".into(),
        ));
    }
    let note = bytes.starts_with(b"\xEF\xBB\xBF").then(|| {
        bytes.drain(..3);
        format!("{file}: starts with a UTF-8 byte-order mark; read without it")
    });
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Text { text, note }),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let before = &e.as_bytes()[..at];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&before[line_start..])
                .chars()
                .count()
                + 1;
            Err(problem(
                file,
                line,
                column,
                format!("is not UTF-8 at byte {at}: save it as UTF-8"),
            ))
        }
    }
}

/// UTF-16 without a byte-order mark: text whose first characters are ASCII, each with a zero
/// byte beside it.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 4
        && (head.chunks(2).all(|p| p[1] == 0 && p[0] != 0)
            || head.chunks(2).all(|p| p[0] == 0 && p[1] != 0))
}

/// Why `name`, as the manifest `manifest` gives it, may not be read from the dataset's
/// folder: an absolute path, or one that climbs out with `..`. A dataset names its own files;
/// a path elsewhere is read only when the user gives it (`--regions`, `--events`).
pub fn outside_folder(name: &str) -> Option<String> {
    let path = Path::new(name);
    let outside = path.is_absolute()
        || path.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::RootDir | Component::Prefix(_)
            )
        });
    outside.then(|| {
        format!(
            "\"{name}\" is outside the dataset's folder: a dataset names files inside its own \
             folder (give a path relative to it, without ..); open a file elsewhere with \
             --regions or --events"
        )
    })
}

#[cfg(test)]
mod tests;
