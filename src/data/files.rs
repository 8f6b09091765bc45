//! Where a dataset's files are read from: the copy embedded in the binary, or a folder.

use super::error::{LoadError, Problem};
use super::json::SourceFile;
use std::path::PathBuf;
use std::sync::Mutex;

/// Where dataset files are read from.
pub trait Files {
    /// Reads `name` (relative to the dataset).
    fn read(&self, name: &str) -> Result<SourceFile, LoadError>;
    /// A description for messages: "the embedded dataset" or the folder.
    fn origin(&self) -> String;
    /// What reading the files so far noticed but accepted (a byte-order mark), for the load
    /// report.
    fn notes(&self) -> Vec<String> {
        Vec::new()
    }
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
pub struct Dir {
    pub path: PathBuf,
    notes: Mutex<Vec<String>>,
}

impl Dir {
    pub fn new(path: PathBuf) -> Self {
        Dir {
            path,
            notes: Mutex::new(Vec::new()),
        }
    }
}

impl Files for Dir {
    /// Reads `name` from the folder: a regular file inside it, bounded in size, UTF-8.
    fn read(&self, name: &str) -> Result<SourceFile, LoadError> {
        if let Some(message) = super::read::outside_folder(name) {
            let manifest = self.path.join("dataset.json");
            return Err(LoadError::Invalid(vec![Problem::whole(
                manifest.display().to_string(),
                message,
            )]));
        }
        let path = self.path.join(name);
        let bytes = super::read::read_bytes(&path)?;
        let file = path.display().to_string();
        let text = super::read::decode(&file, bytes)?;
        if let Some(note) = text.note {
            self.notes
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(note);
        }
        Ok(SourceFile::new(file, text.text))
    }

    fn origin(&self) -> String {
        self.path.display().to_string()
    }

    fn notes(&self) -> Vec<String> {
        std::mem::take(
            &mut *self
                .notes
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }
}
