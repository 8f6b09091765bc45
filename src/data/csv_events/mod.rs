//! Events from CSV text: plain tables and ACLED exports.
//!
//! Contract:
//! - [`read_events_csv`] takes the whole file as text and never panics.
//! - Columns are found by header name (trimmed, case-insensitive, in any order); unknown columns
//!   are ignored but listed in [`CsvEvents::columns`].
//! - The layout is [`Layout::Acled`] when the header has `event_date` and `event_type`, else
//!   [`Layout::Plain`].
//! - A file that cannot be read as a whole (empty, a required column missing, broken CSV) is a
//!   [`CsvError`]. A row that cannot be read is skipped and reported as a [`RowProblem`]; the
//!   other rows still load.
//! - Row numbers are the 1-based line on which the row starts (the header is line 1; newlines
//!   inside quoted cells are counted).
//!
//! This module uses only `std`, `csv` and `chrono`, so it can be moved between crates as is.

mod acled;
mod cells;
mod columns;
mod dates;
mod fold;
mod fold_tables;
mod plain;
mod row;

#[cfg(test)]
mod tests_acled;
#[cfg(test)]
mod tests_fold;
#[cfg(test)]
mod tests_plain;

use std::collections::HashMap;
use std::fmt;

use chrono::{NaiveDate, NaiveTime};

pub use fold::fold_name;

/// Which kind of table a file is; it decides which columns are read and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A simple table: a date, a place or coordinates, a title or description.
    Plain,
    /// An export from ACLED (any of its layouts, old or current).
    Acled,
}

/// Everything read from one CSV file.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvEvents {
    pub layout: Layout,
    /// The rows that were read, in file order.
    pub events: Vec<CsvEvent>,
    /// The rows that were skipped, and why, in file order.
    pub skipped: Vec<RowProblem>,
    /// The header as found (trimmed, byte order mark removed), known columns or not.
    pub columns: Vec<String>,
    /// How many data rows the file has (read and skipped; blank rows are not counted).
    pub total_rows: usize,
}

/// One event, as a row of the file gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvEvent {
    /// The 1-based line on which the row starts (the header is line 1).
    pub row: usize,
    /// From an `id`, `event_id` or `event_id_cnty` column, else `row-N` (N = [`Self::row`]).
    pub id: String,
    pub date: NaiveDate,
    /// Only when the file gives a time of day; never for ACLED, which records days.
    pub time: Option<NaiveTime>,
    pub end_date: Option<NaiveDate>,
    /// Longitude first, then latitude, in degrees.
    pub lon_lat: Option<(f64, f64)>,
    /// A place in words (ACLED `location`; plain `place`, `location` or `city`).
    pub location: Option<String>,
    pub admin1: Option<String>,
    pub country: Option<String>,
    /// Plain: the title column. ACLED: built, as in `Protests: Peaceful protest, Zhanaozen`.
    pub title: String,
    /// Plain: the description column. ACLED: `notes`.
    pub description: String,
    /// A Qantar kind id (`protest`, `clash`, …), or the folded name of a kind the file brings.
    pub kind: String,
    /// ACLED: `Protests / Peaceful protest`. Plain: the kind cell when it is no Qantar kind id.
    pub original_kind: Option<String>,
    pub sources: Vec<String>,
    /// A link to the event, only when it is an http(s) address.
    pub url: Option<String>,
    pub fatalities: Option<u64>,
    /// ACLED's date precision: 1 (the day) to 3 (the month).
    pub time_precision: Option<u8>,
    /// ACLED's place precision: 1 (the place) to 3 (the region).
    pub geo_precision: Option<u8>,
    pub actors: Vec<String>,
    pub tags: Vec<String>,
}

/// A row that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The 1-based line on which the row starts.
    pub row: usize,
    /// The column at fault, as the header names it.
    pub column: Option<String>,
    pub message: String,
}

/// Why a file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvError {
    /// The 1-based line at fault (1 for the header).
    pub line: usize,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_position(f, self.line, self.column.as_deref(), &self.message)
    }
}

impl std::error::Error for CsvError {}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_position(f, self.row, self.column.as_deref(), &self.message)
    }
}

/// `line 4, column event_date: message`, or `line 4: message` without a column.
fn write_position(
    f: &mut fmt::Formatter<'_>,
    line: usize,
    column: Option<&str>,
    message: &str,
) -> fmt::Result {
    match column {
        Some(column) => write!(f, "line {line}, column {column}: {message}"),
        None => write!(f, "line {line}: {message}"),
    }
}

/// Reads events from the text of a CSV file (plain or ACLED; see the module docs).
///
/// # Errors
/// A [`CsvError`] when the text is empty, when the header lacks a required column, or when
/// the CSV itself cannot be read. Rows that cannot be read are not errors: they are listed in
/// [`CsvEvents::skipped`].
pub fn read_events_csv(text: &str) -> Result<CsvEvents, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvError {
            line: 1,
            column: None,
            message: "the file is empty".to_owned(),
        });
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(&e, 1))?.clone();
    let cols = columns::Columns::from_header(&header)?;
    let mut out = CsvEvents {
        layout: cols.layout(),
        events: Vec::new(),
        skipped: Vec::new(),
        columns: cols.header().to_vec(),
        total_rows: 0,
    };
    read_rows(&mut reader, &cols, &mut out)?;
    if out.total_rows == 0 {
        return Err(CsvError {
            line: 2,
            column: None,
            message: "there is a header but no rows: the file has no events".to_owned(),
        });
    }
    Ok(out)
}

/// Reads every record after the header into `out`.
fn read_rows(
    reader: &mut csv::Reader<&[u8]>,
    cols: &columns::Columns,
    out: &mut CsvEvents,
) -> Result<(), CsvError> {
    let mut first_line_of_id: HashMap<String, usize> = HashMap::new();
    let mut last_error_at: Option<u64> = None;
    for (index, result) in reader.records().enumerate() {
        // The header is line 1, so without a position the first record is at least line 2.
        let fallback_line = index.saturating_add(2);
        let record = match result {
            Ok(record) => record,
            Err(error) => {
                let problem = record_error(&error, fallback_line, &mut last_error_at)?;
                out.total_rows += 1;
                out.skipped.push(problem);
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        out.total_rows += 1;
        let line = record
            .position()
            .map_or(fallback_line, |p| line_number(p.line()));
        if let Some(problem) = too_many_fields(&record, cols.header().len(), line) {
            out.skipped.push(problem);
            continue;
        }
        match row::read_row(cols, &record, line, complete_for(cols.layout())) {
            Ok(event) => keep_unique(event, &mut first_line_of_id, out),
            Err(problem) => out.skipped.push(problem),
        }
    }
    Ok(())
}

/// A row with more fields than the header, the extra ones not empty: its cells have moved
/// (most often a comma in an unquoted field), so no column can be trusted. Empty extra
/// fields (trailing commas) are harmless.
fn too_many_fields(record: &csv::StringRecord, header: usize, line: usize) -> Option<RowProblem> {
    let extra = record.iter().skip(header);
    if extra.clone().all(|cell| cell.trim().is_empty()) {
        return None;
    }
    let extra = extra.count();
    Some(RowProblem {
        row: line,
        column: None,
        message: format!(
            "the row has {} fields, {extra} more than the header: is a comma in a field that \
             is not in double quotes?",
            header + extra
        ),
    })
}

/// Keeps `event` unless an earlier row had its id; then reports the duplicate instead.
fn keep_unique(event: CsvEvent, first: &mut HashMap<String, usize>, out: &mut CsvEvents) {
    if let Some(&line) = first.get(&event.id) {
        out.skipped.push(RowProblem {
            row: event.row,
            column: None,
            message: format!("duplicate id \"{}\", first on line {line}", event.id),
        });
        return;
    }
    first.insert(event.id.clone(), event.row);
    out.events.push(event);
}

/// A record the CSV reader could not read: invalid UTF-8 skips the row; anything else (or
/// a second error at the same place, which would mean no progress) stops the file.
fn record_error(
    error: &csv::Error,
    fallback_line: usize,
    last_error_at: &mut Option<u64>,
) -> Result<RowProblem, CsvError> {
    let position = error.position();
    let line = position.map_or(fallback_line, |p| line_number(p.line()));
    let byte = position.map(csv::Position::byte);
    let repeated = byte.is_some() && byte == *last_error_at;
    *last_error_at = byte;
    match error.kind() {
        csv::ErrorKind::Utf8 { .. } if !repeated => Ok(RowProblem {
            row: line,
            column: None,
            message: format!("the row is not valid UTF-8 text: {error}"),
        }),
        _ => Err(csv_error(error, line)),
    }
}

/// A [`CsvError`] for an error of the CSV reader, at its position or at `line`.
fn csv_error(error: &csv::Error, line: usize) -> CsvError {
    let line = error.position().map_or(line, |p| line_number(p.line()));
    CsvError {
        line,
        column: None,
        message: format!("the CSV cannot be read: {error}"),
    }
}

/// A line number from the CSV reader's count.
fn line_number(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

/// What the layout adds to each row.
fn complete_for(layout: Layout) -> row::Complete {
    match layout {
        Layout::Acled => acled::complete,
        Layout::Plain => plain::complete,
    }
}
