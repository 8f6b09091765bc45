//! Single cells read as values: coordinates, counts, precisions, lists. Each reader takes a
//! trimmed, non-empty cell and returns the value or a message that quotes the cell.

/// How many characters of a cell a message quotes.
const QUOTE_CHARS: usize = 60;

/// A cell quoted for a message, cut after [`QUOTE_CHARS`] characters.
pub(super) fn quote(cell: &str) -> String {
    let mut chars = cell.chars();
    let head: String = chars.by_ref().take(QUOTE_CHARS).collect();
    let more = if chars.next().is_some() { "…" } else { "" };
    format!("\"{head}{more}\"")
}

/// Which coordinate a cell holds: it decides the range and the words of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Axis {
    Lat,
    Lon,
}

impl Axis {
    /// The largest magnitude allowed, in degrees.
    fn limit(self) -> f64 {
        match self {
            Axis::Lat => 90.0,
            Axis::Lon => 180.0,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Axis::Lat => "latitude",
            Axis::Lon => "longitude",
        }
    }
}

/// A latitude or longitude in degrees: a finite number within ±90 or ±180.
pub(super) fn coordinate(cell: &str, axis: Axis) -> Result<f64, String> {
    let limit = axis.limit();
    let word = axis.word();
    let value: f64 = cell.parse().map_err(|_| {
        let hint = if cell.contains(',') {
            " (use a dot as the decimal mark)"
        } else {
            ""
        };
        format!("{} is not a {word} in degrees{hint}", quote(cell))
    })?;
    if !value.is_finite() {
        return Err(format!("{} is not a {word} in degrees", quote(cell)));
    }
    if value.abs() > limit {
        return Err(format!(
            "{word} {} is out of range (-{limit} to {limit})",
            quote(cell)
        ));
    }
    Ok(value)
}

/// A count of people: a whole number, zero or more.
pub(super) fn count(cell: &str) -> Result<u64, String> {
    let digits_only = cell.bytes().all(|b| b.is_ascii_digit());
    let value = if digits_only { cell.parse().ok() } else { None };
    value.ok_or_else(|| format!("{} is not a whole number of 0 or more", quote(cell)))
}

/// An ACLED precision code: 1, 2 or 3.
pub(super) fn precision(cell: &str) -> Result<u8, String> {
    match cell {
        "1" => Ok(1),
        "2" => Ok(2),
        "3" => Ok(3),
        _ => Err(format!(
            "{} is not a precision code (1, 2 or 3)",
            quote(cell)
        )),
    }
}

/// The items of a `;`-separated list, trimmed, without empty ones.
pub(super) fn list(cell: &str) -> Vec<String> {
    cell.split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Appends the items of `cell` (a `;`-separated list) that `into` does not have yet.
pub(super) fn push_unique(into: &mut Vec<String>, cell: Option<&str>) {
    for item in cell.map(list).unwrap_or_default() {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

/// The cell as an owned string, if there is one.
pub(super) fn text(cell: Option<&str>) -> Option<String> {
    cell.map(str::to_owned)
}
