//! Why painting a scene or writing a painted file failed: typed, so that callers match on
//! variants and never on messages.

use std::path::PathBuf;

/// Why a scene could not be painted or encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaintError {
    #[error("cannot allocate an image of {0}x{1} pixels")]
    Allocate(u32, u32),
    #[error("a GIF can be at most 65535 pixels wide and high, not {0}x{1}")]
    GifTooLarge(u32, u32),
    #[error("a frame of {pixels} pixels does not fit a {width}x{height} GIF")]
    FrameSize {
        pixels: usize,
        width: usize,
        height: usize,
    },
    /// The GIF encoder failed (its own words).
    #[error("GIF: {0}")]
    Gif(String),
    /// The PNG encoder failed (its own words).
    #[error("PNG: {0}")]
    Png(String),
}

impl From<gif::EncodingError> for PaintError {
    fn from(e: gif::EncodingError) -> Self {
        PaintError::Gif(e.to_string())
    }
}

impl From<png::EncodingError> for PaintError {
    fn from(e: png::EncodingError) -> Self {
        PaintError::Png(e.to_string())
    }
}

/// Why a file could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("{}: there is no such folder", .0.display())]
    NoFolder(PathBuf),
    #[error("{}: cannot write in this folder ({kind})", dir.display())]
    Folder {
        dir: PathBuf,
        kind: std::io::ErrorKind,
    },
    /// Writing, flushing or renaming `path` failed (the system's words).
    #[error("{}: {message}", path.display())]
    Io { path: PathBuf, message: String },
}

impl WriteError {
    /// An I/O error on `path`.
    pub fn io(path: &std::path::Path, e: &std::io::Error) -> Self {
        WriteError::Io {
            path: path.to_owned(),
            message: e.to_string(),
        }
    }
}
