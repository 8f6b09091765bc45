//! The bad-input corpus: malformed inputs for every loader, written by these tests into
//! temporary folders, each run through `qantar check` as a new user would. Every case must
//! end (60 s at most, else the test fails), never panic, print no line longer than 2,000
//! characters, and get its own answer: a refusal naming the file (with the line and column
//! where there is text to point at) and exit 1, or, for what Qantar reads anyway (a byte-order
//! mark, a repaired outline), exit 0 with a note saying so.
//!
//! Each group runs all its cases and reports every one that fails at once.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

#[path = "../common/mod.rs"]
mod common;
mod dataset_files;
mod geometry;
mod own_files;
mod settings;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What `qantar` did with a case.
pub struct Outcome {
    pub code: Option<i32>,
    pub text: String,
}

/// Runs `qantar ARGS`; killed after 60 s (then the outcome says so).
pub fn qantar(args: &[OsString]) -> Outcome {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read the output while waiting, so that a full pipe cannot stop the child.
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let reading = std::thread::spawn(move || {
        let mut text = Vec::new();
        let _ = std::io::Read::read_to_end(&mut out, &mut text);
        let _ = std::io::Read::read_to_end(&mut err, &mut text);
        text
    });
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            let _ = child.wait();
            return Outcome {
                code: None,
                text: "did not finish within 60 s".into(),
            };
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let code = child.wait().unwrap().code();
    let text = String::from_utf8_lossy(&reading.join().unwrap()).into_owned();
    Outcome { code, text }
}

/// `qantar check --data DIR`.
pub fn check(dir: &Path) -> Outcome {
    qantar(&["check".into(), "--data".into(), dir.into()])
}

/// What a case should come to.
#[derive(Debug, Clone, Copy)]
pub enum Expect {
    /// Exit 1, the file named with a line and column.
    RefusedAt,
    /// Exit 1, the file named (there is no text to point into: a pipe, a folder, nothing).
    Refused,
    /// Exit 0, and the output says this.
    Accepted(&'static str),
}

impl Outcome {
    /// Why this outcome is not `expect` for `file`, if it is not.
    pub fn fault(&self, file: &str, expect: Expect) -> Option<String> {
        let text = &self.text;
        if self.code.is_none() || text.contains("panicked") || text.contains("RUST_BACKTRACE") {
            return Some(format!("crashed or hung: {}", cut(text)));
        }
        if let Some(long) = text.lines().find(|l| l.chars().count() > 2000) {
            return Some(format!("a line of {} characters", long.chars().count()));
        }
        let fault = match expect {
            Expect::RefusedAt if self.code != Some(1) || !has_position(text, file) => {
                format!("wanted exit 1 and {file}:LINE:COLUMN")
            }
            Expect::Refused if self.code != Some(1) || !text.contains(file) => {
                format!("wanted exit 1 and {file} named")
            }
            Expect::Accepted(said) if self.code != Some(0) || !text.contains(said) => {
                format!("wanted exit 0 and {said:?}")
            }
            _ => return None,
        };
        Some(format!("{fault}; got {:?}: {}", self.code, cut(text)))
    }
}

fn cut(text: &str) -> String {
    text.chars().take(600).collect()
}

/// True when `text` names `file` followed by `:LINE:COLUMN`, or by `: line LINE` (a CSV
/// row), or by `: feature #N` (a TopoJSON feature, which has no line of its own).
pub fn has_position(text: &str, file: &str) -> bool {
    let digits = |s: &str| s.chars().take_while(char::is_ascii_digit).count();
    text.match_indices(&format!("{file}:")).any(|(at, m)| {
        let rest = &text[at + m.len()..];
        let line = digits(rest);
        let numbered = |prefix: &str| rest.strip_prefix(prefix).is_some_and(|r| digits(r) > 0);
        numbered(" line ")
            || numbered(" feature #")
            || (line > 0 && rest[line..].starts_with(':') && digits(&rest[line + 1..]) > 0)
    })
}

/// The faults of a group's cases, one line each; the group fails when there are any.
#[derive(Default)]
pub struct Faults(Vec<String>);

impl Faults {
    pub fn note(&mut self, case: &str, fault: Option<String>) {
        if let Some(f) = fault {
            self.0.push(format!("{case}: {f}"));
        }
    }

    pub fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "{} case(s) failed:\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

/// A copy of the default dataset in a temporary folder.
pub fn copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_geodata(dir.path());
    dir
}

/// A copy of the default dataset with `file` holding `bytes`.
pub fn copy_with(file: &str, bytes: &[u8]) -> tempfile::TempDir {
    let dir = copy();
    std::fs::write(dir.path().join(file), bytes).unwrap();
    dir
}

/// A file of the default dataset, as JSON.
pub fn json_of(file: &str) -> serde_json::Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("geodata")
        .join(file);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Ten million characters.
pub fn ten_mb() -> String {
    "x".repeat(10_000_000)
}
