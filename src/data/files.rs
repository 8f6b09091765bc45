//! Where a dataset's files are read from: the copy embedded in the binary, or a folder.

use super::error::{LoadError, Problem};
use super::json::SourceFile;
use super::raw::RawFiles;
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

/// Whether every file the manifest names is inside the dataset's folder; each one that is
/// not is a problem at its name in the manifest.
pub fn files_inside(manifest: &SourceFile, files: &RawFiles, problems: &mut Vec<Problem>) -> bool {
    let names = [
        &files.units,
        &files.context,
        &files.cities,
        &files.events,
        &files.periods,
        &files.sources,
        &files.story,
        &files.lineage,
    ];
    let regions = files.regions.as_ref().map(|r| &r.file);
    let mut inside = true;
    for name in names.into_iter().flatten().chain(regions) {
        if let Some(message) = super::read::outside_folder(name) {
            let quoted = serde_json::to_string(name).unwrap_or_default();
            let offset = manifest.text.find(&quoted).unwrap_or(0);
            problems.push(manifest.problem_at(offset, None, message));
            inside = false;
        }
    }
    inside
}
