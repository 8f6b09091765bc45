//! The one record loop of every loader: take a file's records, read each as its raw type, and
//! hand those that read to the loader, with a label for messages; a record that does not read
//! becomes a problem at its file, line and column, and the loop goes on. Generic over what a
//! record is ([`Positioned`]), so that a JSON array element and a CSV row go through the same
//! loop.

use super::error::Problem;
use serde::de::DeserializeOwned;

/// One record of a data file, which knows where it is: what the loop needs of it. (Problems a
/// loader finds itself are made by the record type's own `problem`, which knows its format's
/// positions.)
pub trait Positioned {
    /// The record's position in its file's list, from 0.
    fn index(&self) -> usize;
    /// The record's `id`, read without a full parse, to name it in messages.
    fn peek_id(&self) -> Option<String>;
    /// Reads the record as `T`; a malformed field is a problem at that field.
    fn parse_as<T: DeserializeOwned>(&self, label: &str) -> Result<T, Problem>;
}

/// Labels a record by its position: `period #3`.
pub fn by_index<R: Positioned>(noun: &str) -> impl Fn(&R) -> String {
    move |r: &R| format!("{noun} #{}", r.index() + 1)
}

/// Labels a record by its id when it has one (`event "x"`), else by its position.
pub fn by_id<R: Positioned>(noun: &str) -> impl Fn(&R) -> String {
    move |r: &R| match r.peek_id() {
        Some(id) => format!("{noun} \"{id}\""),
        None => format!("{noun} #{}", r.index() + 1),
    }
}

/// Reads every record of `records` (or records why there are none) as `T`, and calls
/// `keep(record, label, value, problems)` for each one that reads; `label_of` names a record in
/// the problems of those that do not.
pub fn for_each_record<R: Positioned, T: DeserializeOwned>(
    records: Result<Vec<R>, Problem>,
    label_of: impl Fn(&R) -> String,
    problems: &mut Vec<Problem>,
    mut keep: impl FnMut(&R, String, T, &mut Vec<Problem>),
) {
    let records = match records {
        Ok(records) => records,
        Err(p) => {
            problems.push(p);
            return;
        }
    };
    for record in &records {
        let label = label_of(record);
        match record.parse_as::<T>(&label) {
            Ok(value) => keep(record, label, value, problems),
            Err(p) => problems.push(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A record of a test: a line of `key=value` text, at a line of a made-up file.
    struct Line {
        index: usize,
        text: &'static str,
    }

    impl Positioned for Line {
        fn index(&self) -> usize {
            self.index
        }
        fn peek_id(&self) -> Option<String> {
            self.text.strip_prefix("id=").map(str::to_owned)
        }
        fn parse_as<T: DeserializeOwned>(&self, label: &str) -> Result<T, Problem> {
            let id = self
                .text
                .strip_prefix("id=")
                .ok_or_else(|| self.problem_at(label, None, "no id".into()))?;
            serde_json::from_value(serde_json::json!({ "id": id }))
                .map_err(|e| self.problem_at(label, Some("id"), e.to_string()))
        }
    }

    impl Line {
        fn problem_at(&self, label: &str, key: Option<&str>, message: String) -> Problem {
            Problem {
                file: "lines.txt".into(),
                line: self.index + 1,
                column: key.map_or(1, |_| 4),
                record: Some(label.to_owned()),
                message,
            }
        }
    }

    #[derive(serde::Deserialize)]
    struct Raw {
        id: String,
    }

    fn lines(texts: &[&'static str]) -> Vec<Line> {
        texts
            .iter()
            .enumerate()
            .map(|(index, text)| Line { index, text })
            .collect()
    }

    #[test]
    fn records_that_read_are_kept_and_the_others_are_problems_at_their_lines() {
        let mut kept = Vec::new();
        let mut problems = Vec::new();
        for_each_record(
            Ok(lines(&["id=a", "garbage", "id=c"])),
            by_id::<Line>("thing"),
            &mut problems,
            |_, label, raw: Raw, _| kept.push((label, raw.id)),
        );
        assert_eq!(
            kept,
            [
                ("thing \"a\"".to_owned(), "a".to_owned()),
                ("thing \"c\"".to_owned(), "c".to_owned())
            ]
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 2);
        assert_eq!(problems[0].record.as_deref(), Some("thing #2"));
    }

    #[test]
    fn a_file_without_records_is_one_problem_and_nothing_is_kept() {
        let mut problems = Vec::new();
        let whole = Problem {
            file: "lines.txt".into(),
            line: 0,
            column: 0,
            record: None,
            message: "not a list".into(),
        };
        let mut calls = 0;
        for_each_record::<Line, Raw>(
            Err(whole.clone()),
            by_index("thing"),
            &mut problems,
            |_, _, _, _| calls += 1,
        );
        assert_eq!(calls, 0);
        assert_eq!(problems, [whole]);
    }

    #[test]
    fn the_loader_can_add_problems_of_its_own() {
        let mut problems = Vec::new();
        for_each_record(
            Ok(lines(&["id=", "id=b"])),
            by_index::<Line>("thing"),
            &mut problems,
            |line, label, raw: Raw, problems| {
                if raw.id.is_empty() {
                    problems.push(line.problem_at(&label, Some("id"), "empty id".into()));
                }
            },
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].message, "empty id");
        assert_eq!(problems[0].record.as_deref(), Some("thing #1"));
    }
}
