//! Laying files on a dataset: the window that spans the records when the manifest gives none.

use super::error::Problem;
use super::event::Event;
use super::model::Meta;
use super::period::Period;
use chrono::NaiveDate;

/// The longest window a dataset may have, in years: the timeline, its histogram and the
/// animations are made for days to decades, and a window of centuries is a typing error.
pub const MAX_WINDOW_YEARS: u32 = 100;

/// Why a window from `from` to `to` is refused: longer than [`MAX_WINDOW_YEARS`].
pub fn too_long(from: NaiveDate, to: NaiveDate) -> Option<String> {
    let years = to.years_since(from).unwrap_or(0);
    (years > MAX_WINDOW_YEARS).then(|| {
        format!(
            "from {from} to {to}, {years} years: more than the {MAX_WINDOW_YEARS} years \
             Qantar shows (is a year mistyped?)"
        )
    })
}

/// The problem of a window that spans the events' and periods' dates (or was widened to them)
/// when it is longer than [`MAX_WINDOW_YEARS`]; `file` names what gave the dates.
pub(super) fn spanned_too_long(
    file: String,
    (from, to): (NaiveDate, NaiveDate),
) -> Option<Problem> {
    too_long(from, to)
        .map(|why| Problem::whole(file, format!("the events' and periods' dates span {why}")))
}

/// The days from the first to the last event or status change, on the dataset's clock (today
/// when there is nothing at all).
pub(super) fn span_of(meta: &Meta, events: &[Event], periods: &[Period]) -> (NaiveDate, NaiveDate) {
    let instants = events
        .iter()
        .flat_map(|e| [Some(e.earliest()), Some(e.end_instant()), e.latest])
        .chain(
            periods
                .iter()
                .flat_map(|p| p.bounds().flat_map(|b| [Some(b.earliest), Some(b.latest)])),
        )
        .flatten();
    let days = instants.map(|t| meta.clock.day(t));
    let (first, last) = days.fold(
        (None, None),
        |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
            (
                Some(lo.map_or(d, |l| l.min(d))),
                Some(hi.map_or(d, |h| h.max(d))),
            )
        },
    );
    let today = chrono::Utc::now().date_naive();
    (first.unwrap_or(today), last.unwrap_or(today))
}
