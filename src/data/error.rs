//! Errors as values: every problem names the file, the line and column, and the record.

use std::fmt;
use std::path::PathBuf;

/// One thing wrong with a dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user knows it (`geodata/events.json`, or a path they gave).
    pub file: String,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (in characters).
    pub column: usize,
    /// The record: `event "2022-01-05-almaty-airport-seized"`, `feature #3 "KZ-MAN"`.
    pub record: Option<String>,
    pub message: String,
}

/// Files that could not be read as a whole, and the noun of what each holds: every reference
/// to what they hold ("unknown unit", "not a unit of the dataset") is a follow-on of the one
/// real cause. A file left empty only by follow-ons (the cities of a unit file that does not
/// read) is charged to that first file.
#[derive(Debug, Default)]
pub struct Broken(Vec<(String, &'static str)>);

impl Broken {
    /// The file whose breaking caused `p`, if one did.
    fn cause(&self, p: &Problem) -> Option<&str> {
        let follows = |(file, noun): &(String, &str)| {
            p.file != *file
                && (p.message.starts_with(&format!("unknown {noun} \""))
                    || p.message.contains(&format!("not a {noun} of the dataset")))
        };
        self.0
            .iter()
            .find(|b| follows(b))
            .map(|(file, _)| file.as_str())
    }

    /// Notes the file `name` (or the file whose name ends so) as broken when nothing was
    /// loaded from it and `problems` has a problem of its own.
    pub fn note(
        &mut self,
        name: Option<&str>,
        nothing: bool,
        noun: &'static str,
        problems: &[Problem],
    ) {
        let Some(name) = name.filter(|_| nothing) else {
            return;
        };
        let own: Vec<&Problem> = problems.iter().filter(|p| p.file.ends_with(name)).collect();
        let causes: Vec<Option<&str>> = own.iter().map(|p| self.cause(p)).collect();
        let file = match causes.first() {
            None => return,
            Some(Some(first)) if causes.iter().all(Option::is_some) => (*first).to_owned(),
            Some(_) => own[0].file.clone(),
        };
        self.0.push((file, noun));
    }

    /// `problems` without the follow-ons of the broken files: counted in one line after each
    /// cause's own problems instead of listed, so that the cause is not buried.
    pub fn without_follow_ons(&self, problems: Vec<Problem>) -> Vec<Problem> {
        let mut counts: Vec<(String, usize)> = Vec::new();
        let mut kept: Vec<Problem> = Vec::with_capacity(problems.len());
        for p in problems {
            match self.cause(&p) {
                Some(file) => match counts.iter_mut().find(|(f, _)| f == file) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((file.to_owned(), 1)),
                },
                None => kept.push(p),
            }
        }
        for (file, n) in counts {
            let at = kept
                .iter()
                .rposition(|p| p.file == file)
                .map_or(0, |i| i + 1);
            let message = format!(
                "and {n} more problem(s) in other files that follow from this file's: what it \
                 holds is unknown to them until it reads (fix it first)"
            );
            kept.insert(at, Problem::whole(file, message));
        }
        kept
    }
}

impl Problem {
    /// A problem of a whole file (or dataset), at no line.
    pub fn whole(file: impl Into<String>, message: String) -> Problem {
        Problem {
            file: file.into(),
            line: 0,
            column: 0,
            record: None,
            message,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.column)?;
        }
        f.write_str(": ")?;
        if let Some(record) = &self.record {
            write!(f, "{}: ", shortened(record))?;
        }
        f.write_str(&shortened(&self.message))
    }
}

/// The most characters of a record's label or a message a problem's line shows.
const SHOWN_CHARS: usize = 300;

/// `text`, cut after [`SHOWN_CHARS`] characters with what was left out said: a 10 MB id in a
/// broken file would otherwise make a 10 MB line.
fn shortened(text: &str) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(SHOWN_CHARS) {
        None => text.into(),
        Some((cut, _)) => {
            let left = text[cut..].chars().count();
            format!("{}… ({left} more characters)", &text[..cut]).into()
        }
    }
}

/// Why a dataset could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such folder", path.display())]
    MissingDir { path: PathBuf },
    #[error("{}: not a folder", path.display())]
    NotADir { path: PathBuf },
    #[error(
        "{}: no dataset.json in this folder. Make one from your files with `qantar init {} \
         --regions FILE.geojson [--events FILE.csv]`, or open files without a manifest: \
         `qantar --regions FILE.geojson --events FILE.csv` (see the README)",
        path.display(),
        path.display()
    )]
    NoManifest { path: PathBuf },
    #[error("{}: cannot be read: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{} problem(s) in the dataset; the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// Every problem, one per line, for a user to read.
    pub fn problems(&self) -> Vec<String> {
        match self {
            LoadError::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
            other => vec![other.to_string()],
        }
    }
}

/// Maps byte offsets in a file's text to 1-based line and column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { line_starts }
    }

    /// (line, column) of the byte `offset` in `text`; columns count characters.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// The byte offset of 1-based (line, column), for turning a serde_json error inside a
    /// record back into a position in the whole file.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return text.len();
        };
        let rest = &text[start..];
        rest.char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| start + i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "ab\nсд\"x\"";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 0), (1, 1));
        let x = text.find("\"x").unwrap();
        assert_eq!(index.position(text, x), (2, 3));
        assert_eq!(index.offset(text, 2, 3), x);
    }

    #[test]
    fn a_huge_value_in_a_problem_is_cut_and_says_how_much_was_left_out() {
        let id = "ж".repeat(10_000_000);
        let p = Problem {
            file: "events.json".into(),
            line: 1,
            column: 10,
            record: Some(format!("event \"{id}\"")),
            message: format!("unknown source \"{id}\""),
        };
        let line = p.to_string();
        assert!(line.len() < 2_000, "{} bytes", line.len());
        assert!(
            line.starts_with("events.json:1:10: event \"жжж"),
            "{}",
            &line[..60]
        );
        assert!(
            line.contains("… (9999708 more characters): unknown source \"жж"),
            "{line}"
        );
        assert!(line.ends_with("… (9999717 more characters)"), "{line}");
    }

    #[test]
    fn a_problem_reads_like_a_compiler_message() {
        let p = Problem {
            file: "geodata/events.json".into(),
            line: 412,
            column: 7,
            record: Some("event \"x\"".into()),
            message: "unknown place \"Uralsk2\"".into(),
        };
        assert_eq!(
            p.to_string(),
            "geodata/events.json:412:7: event \"x\": unknown place \"Uralsk2\""
        );
    }
}
