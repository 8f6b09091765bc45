//! What plain rows need beyond the shared fields: the kind from its cell, the title (or, when
//! there is none, the start of the description), and the link.
//!
//! A kind cell naming one of Qantar's kinds (any case) is that kind; any other is folded with
//! [`fold_name`] into the id of a kind the caller adds, and kept as the original kind; an empty
//! cell (or none) is `other`.

use super::columns::Field;
use super::row::Row;
use super::{CsvEvent, RowProblem, fold_name};

/// Qantar's kind ids.
const KNOWN_KINDS: [&str; 9] = [
    "violence",
    "clash",
    "casualties",
    "protest",
    "security",
    "emergency",
    "government",
    "communications",
    "international",
];

/// The kind of a row that names none.
const NO_KIND: &str = "other";

/// How many characters of the description make a title when there is no title.
const TITLE_CHARS: usize = 80;

/// Fills in the kind, the title and the link of an event read from a plain row.
pub(super) fn complete(row: &Row<'_>, event: &mut CsvEvent) -> Result<(), RowProblem> {
    let (kind, original) = kind_of(row.get(Field::Kind));
    event.kind = kind;
    event.original_kind = original;
    event.title = match row.get(Field::Title) {
        Some(title) => title.to_owned(),
        None if !event.description.is_empty() => title_from(&event.description),
        None => {
            return Err(row.problem(
                Some(Field::Title),
                "no title and no description: the row says nothing of what happened".to_owned(),
            ));
        }
    };
    event.url = row
        .get(Field::Url)
        .filter(|u| is_http(u))
        .map(str::to_owned);
    Ok(())
}

/// The kind id, and the cell itself when it is not one of Qantar's kinds.
fn kind_of(cell: Option<&str>) -> (String, Option<String>) {
    let Some(cell) = cell else {
        return (NO_KIND.to_owned(), None);
    };
    let lower = cell.to_lowercase();
    if KNOWN_KINDS.contains(&lower.as_str()) {
        return (lower, None);
    }
    let folded = fold_name(cell);
    let kind = if folded.is_empty() {
        NO_KIND.to_owned()
    } else {
        folded
    };
    (kind, Some(cell.to_owned()))
}

/// A title from a description: its first line, cut after [`TITLE_CHARS`] characters.
fn title_from(description: &str) -> String {
    let first_line = description.lines().next().unwrap_or_default().trim();
    let mut chars = first_line.chars();
    let mut title: String = chars.by_ref().take(TITLE_CHARS).collect();
    if chars.next().is_some() {
        title.push('…');
    }
    title
}

/// Whether a link is an http(s) address.
fn is_http(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}
