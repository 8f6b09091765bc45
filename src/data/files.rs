//! Where a dataset's files are read from: the copy embedded in the binary, or a folder.

use super::error::LoadError;
use super::json::SourceFile;
use std::path::PathBuf;

/// Where dataset files are read from.
pub trait Files {
    /// Reads `name` (relative to the dataset).
    fn read(&self, name: &str) -> Result<SourceFile, LoadError>;
    /// A description for messages: "the embedded dataset" or the folder.
    fn origin(&self) -> String;
}

/// The default dataset, compiled into the binary.
pub struct Embedded;

impl Files for Embedded {
    fn read(&self, name: &str) -> Result<SourceFile, LoadError> {
        let bytes = super::embedded::file(name).ok_or_else(|| LoadError::Unreadable {
            path: PathBuf::from("geodata").join(name),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "not embedded"),
        })?;
        let text = String::from_utf8_lossy(bytes).into_owned();
        Ok(SourceFile::new(format!("geodata/{name}"), text))
    }

    fn origin(&self) -> String {
        "the embedded default dataset".into()
    }
}

/// A dataset folder on disk.
pub struct Dir(pub PathBuf);

impl Files for Dir {
    fn read(&self, name: &str) -> Result<SourceFile, LoadError> {
        let path = self.0.join(name);
        let bytes = std::fs::read(&path).map_err(|source| LoadError::Unreadable {
            path: path.clone(),
            source,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| LoadError::Unreadable {
            path: path.clone(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e.utf8_error()),
        })?;
        Ok(SourceFile::new(path.display().to_string(), text))
    }

    fn origin(&self) -> String {
        self.0.display().to_string()
    }
}
