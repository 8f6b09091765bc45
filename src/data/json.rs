//! Reading JSON records while keeping their positions, so that every problem can point at the
//! file, line and column where it is.

use super::error::{LineIndex, Problem};
use super::missing;
use super::records::Positioned;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

/// A dataset file's text, with the name users know it by.
#[derive(Debug)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    lines: LineIndex,
}

/// One element of a file's top-level array, still as text.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub file: &'a SourceFile,
    /// Byte offset of the record in the file.
    pub offset: usize,
    pub text: &'a str,
    /// Position in the array, from 0.
    pub index: usize,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let lines = LineIndex::new(&text);
        SourceFile {
            name: name.into(),
            text,
            lines,
        }
    }

    /// A problem at byte `offset`.
    pub fn problem_at(&self, offset: usize, record: Option<String>, message: String) -> Problem {
        let (line, column) = self.lines.position(&self.text, offset);
        Problem {
            file: self.name.clone(),
            line,
            column,
            record,
            message,
        }
    }

    /// A problem about the file as a whole.
    pub fn problem(&self, message: String) -> Problem {
        Problem {
            file: self.name.clone(),
            line: 0,
            column: 0,
            record: None,
            message,
        }
    }

    /// Turns a serde_json error found while reading `sub` (a slice of this file) into a problem
    /// at the right place in the whole file.
    fn serde_problem(&self, sub: &str, err: &serde_json::Error, record: Option<String>) -> Problem {
        let base = offset_in(&self.text, sub);
        let offset = if err.line() == 0 {
            base
        } else {
            base + LineIndex::new(sub).offset(sub, err.line(), err.column().max(1))
        };
        let message = strip_serde_position(&err.to_string());
        self.problem_at(offset, record, message)
    }

    /// `serde_problem`, naming every field `T` needs that `sub` lacks when `err` names one.
    fn read_problem<T: DeserializeOwned>(
        &self,
        sub: &str,
        err: &serde_json::Error,
        record: Option<String>,
    ) -> Problem {
        let mut problem = self.serde_problem(sub, err, record);
        if let Some(all) = missing::all_missing::<T>(sub, &problem.message) {
            problem.message = all;
        }
        problem
    }

    /// Reads a whole-file value (such as the manifest): an object.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, Problem> {
        if let Some(at) = a_list_at(&self.text) {
            return Err(self.problem_at(at, None, LIST_NOT_OBJECT.into()));
        }
        serde_json::from_str(&self.text).map_err(|e| self.read_problem::<T>(&self.text, &e, None))
    }

    /// The records of the array under `key` in a top-level object: `{"events": [ … ]}`.
    /// For GeoJSON, `key` is `features`.
    pub fn records(&self, key: &str) -> Result<Vec<Record<'_>>, Problem> {
        // One pass over the text: the other members are skipped, not kept.
        let mut de = serde_json::Deserializer::from_str(&self.text);
        let items = ArrayUnder(key)
            .deserialize(&mut de)
            .and_then(|items| de.end().map(|()| items))
            .map_err(|e| self.serde_problem(&self.text, &e, None))?
            .ok_or_else(|| self.problem(format!("expected an object with a \"{key}\" array")))?;
        Ok(items
            .into_iter()
            .enumerate()
            .map(|(index, raw)| Record {
                file: self,
                offset: offset_in(&self.text, raw.get()),
                text: raw.get(),
                index,
            })
            .collect())
    }
}

impl<'a> Record<'a> {
    /// Reads the record as `T`; a malformed field becomes a problem at that field.
    pub fn parse<T: DeserializeOwned>(&self, label: &str) -> Result<T, Problem> {
        if let Some(at) = a_list_at(self.text) {
            let problem = self
                .file
                .problem_at(self.offset + at, None, LIST_NOT_OBJECT.into());
            return Err(Problem {
                record: Some(label.to_owned()),
                ..problem
            });
        }
        serde_json::from_str(self.text).map_err(|e| {
            self.file
                .read_problem::<T>(self.text, &e, Some(label.to_owned()))
        })
    }

    /// A problem at the record's `key` field, or at its start if the key is absent.
    pub fn problem(&self, label: &str, key: Option<&str>, message: String) -> Problem {
        let at = key
            .and_then(|k| self.text.find(&format!("\"{k}\"")))
            .map_or(self.offset, |rel| self.offset + rel);
        self.file.problem_at(at, Some(label.to_owned()), message)
    }

    /// The value of a string field, found without a full parse (for labelling records that
    /// fail to parse).
    pub fn peek_id(&self) -> Option<String> {
        #[derive(serde::Deserialize)]
        struct Id {
            id: Option<serde_json::Value>,
        }
        let id: Id = serde_json::from_str(self.text).ok()?;
        id.id.map(id_text)
    }
}

impl Positioned for Record<'_> {
    fn index(&self) -> usize {
        self.index
    }

    fn peek_id(&self) -> Option<String> {
        Record::peek_id(self)
    }

    fn parse_as<T: DeserializeOwned>(&self, label: &str) -> Result<T, Problem> {
        self.parse(label)
    }
}

/// An `id` member as text: a string as it is, anything else as JSON.
pub fn id_text(id: serde_json::Value) -> String {
    match id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

/// The array under a key of a top-level object, as raw records (the last one when the key
/// repeats); `None` when the key is absent.
struct ArrayUnder<'k>(&'k str);

impl<'de> DeserializeSeed<'de> for ArrayUnder<'_> {
    type Value = Option<Vec<&'de RawValue>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ArrayUnder<'_> {
    type Value = Option<Vec<&'de RawValue>>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "an object with a \"{}\" array", self.0)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == self.0 {
                found = Some(map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}

/// Byte offset of `sub` within `text`; `sub` must be a slice of `text` (as serde_json's
/// borrowed raw values are), else 0.
fn offset_in(text: &str, sub: &str) -> usize {
    let start = text.as_ptr() as usize;
    let at = sub.as_ptr() as usize;
    if at >= start && at + sub.len() <= start + text.len() {
        at - start
    } else {
        0
    }
}

/// serde_json appends " at line L column C"; the position is reported separately.
const LIST_NOT_OBJECT: &str = "expected an object { … }, not a list [ … ]";

/// Where a JSON text opens a list, if it does: serde reads a struct from a list by position
/// (`["a", "2022-01-05"]` as an id and a start), which no file of Qantar's means.
fn a_list_at(text: &str) -> Option<usize> {
    let at = text.len() - text.trim_start().len();
    text[at..].starts_with('[').then_some(at)
}

fn strip_serde_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[expect(dead_code)] // only parsed, to provoke errors
    struct Item {
        id: String,
        n: u32,
    }

    #[test]
    fn an_error_inside_a_record_points_into_the_whole_file() {
        let text = "{\n \"items\": [\n  {\"id\": \"a\", \"n\": 1},\n  {\"id\": \"b\", \"n\": \"x\"}\n ]\n}";
        let file = SourceFile::new("items.json", text.to_owned());
        let records = file.records("items").unwrap();
        assert_eq!(records.len(), 2);
        assert!(records[0].parse::<Item>("item a").is_ok());
        let p = records[1].parse::<Item>("item b").unwrap_err();
        assert_eq!((p.line, p.file.as_str()), (4, "items.json"));
        assert!(p.message.contains("invalid type"), "{}", p.message);
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let file = SourceFile::new(
            "bad.json",
            "{\n \"items\": [\n  {\"id\": }\n ]\n}".to_owned(),
        );
        let p = file.records("items").unwrap_err();
        assert_eq!(p.line, 3);
    }

    #[test]
    fn a_missing_array_is_a_problem_not_a_panic() {
        let file = SourceFile::new("x.json", "{\"other\": []}".to_owned());
        assert!(file.records("items").is_err());
        let file = SourceFile::new("x.json", "[1, 2]".to_owned());
        assert!(file.records("items").is_err());
    }

    #[test]
    fn the_array_is_found_among_other_members_in_one_pass() {
        let text = "{\"name\": {\"items\": [9]}, \"items\": [{\"id\": \"a\"}, 2], \"n\": 1}";
        let file = SourceFile::new("x.json", text.to_owned());
        let records = file.records("items").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].text, "{\"id\": \"a\"}");
        assert_eq!(records[0].peek_id().as_deref(), Some("a"));
        assert_eq!(&text[records[1].offset..][..1], "2");
        // Not an array, or more after the object: a problem at its place.
        let file = SourceFile::new("x.json", "{\n\"items\": 3}".to_owned());
        assert_eq!(file.records("items").unwrap_err().line, 2);
        let file = SourceFile::new("x.json", "{\"items\": []}\n]".to_owned());
        let p = file.records("items").unwrap_err();
        assert!(p.message.contains("trailing"), "{}", p.message);
        let file = SourceFile::new("x.json", "{\"other\": []}".to_owned());
        let p = file.records("items").unwrap_err();
        assert!(p.message.contains("\"items\" array"), "{}", p.message);
    }
}
