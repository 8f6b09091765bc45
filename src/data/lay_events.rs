//! Laying an events file on a dataset: a plain or ACLED CSV, or Qantar's own events JSON,
//! replaces the dataset's events. Rows with problems are reported and skipped; unknown kinds
//! are added; free-text sources become sources without a link; the window widens to the events.

use super::csv_events::{CsvEvent, CsvEvents, Layout};
use super::event::{Event, Figure, FigureValue, KindDef, Precision, Qualifier};
use super::ids::{KindIdx, Place, SourceIdx};
use super::model::Dataset;
use super::source::{Source, SourceKind};
use super::unit_match::name_key;
use crate::clock::DataTime;
use crate::i18n::LocalText;
use std::collections::HashMap;

/// At most this many skipped rows are listed one by one in the load report.
const MAX_LISTED_ROWS: usize = 40;

/// Replaces the dataset's events by the rows of a CSV file.
pub fn lay_csv_events(mut data: Dataset, file: &str, read: CsvEvents) -> Dataset {
    let layout = match read.layout {
        Layout::Acled => "the ACLED layout",
        Layout::Plain => "a plain CSV",
    };
    data.report.push(format!(
        "{file}: read {} of {} rows as events ({layout}; columns: {})",
        read.events.len(),
        read.total_rows,
        read.columns.join(", ")
    ));
    data.skipped += read.skipped.len();
    for p in read.skipped.iter().take(MAX_LISTED_ROWS) {
        let column = p
            .column
            .as_deref()
            .map(|c| format!(", column \"{c}\""))
            .unwrap_or_default();
        data.report.push(format!(
            "{file}: line {}{column}: {}; row skipped",
            p.row, p.message
        ));
    }
    if read.skipped.len() > MAX_LISTED_ROWS {
        data.report.push(format!(
            "{file}: and {} more rows skipped",
            read.skipped.len() - MAX_LISTED_ROWS
        ));
    }
    let by = match read.layout {
        Layout::Acled => "ACLED".to_owned(),
        Layout::Plain => file.to_owned(),
    };
    let mut sources = SourceTable::default();
    let mut unplaced = Vec::new();
    let mut added_kinds = Vec::new();
    let mut events = Vec::with_capacity(read.events.len());
    for row in &read.events {
        let kind = kind_of(&mut data, row, &mut added_kinds);
        let place = place_of(&data, row);
        if place.is_none() && row.lon_lat.is_none() {
            unplaced.push(row.row.to_string());
        }
        let srcs = sources.of(&mut data, row, file);
        events.push(event_of(&data, row, kind, place, srcs, &by));
    }
    if !added_kinds.is_empty() {
        data.report.push(format!(
            "{file}: kinds added for this file: {}",
            added_kinds.join(", ")
        ));
    }
    if !unplaced.is_empty() {
        data.report.push(format!(
            "{file}: {} rows have no coordinates and name no known city or region; they are \
             shown as events of the whole area (lines {})",
            unplaced.len(),
            unplaced.join(", ")
        ));
    }
    super::replace::replace_events(data, events, file)
}

/// The kind of a row: the dataset's kind with its id, else one added for the file.
fn kind_of(data: &mut Dataset, row: &CsvEvent, added: &mut Vec<String>) -> KindIdx {
    let id = match (&row.original_kind, data.meta.kind_by_id(&row.kind)) {
        (_, Some(k)) => return k,
        (Some(original), None) => slug(original),
        (None, None) => slug(&row.kind),
    };
    if let Some(k) = data.meta.kind_by_id(&id) {
        return k;
    }
    let name = row
        .original_kind
        .clone()
        .unwrap_or_else(|| row.kind.clone());
    data.meta.kinds.push(KindDef {
        id: id.clone(),
        names: LocalText::en(name),
        severity: 1,
        colour: None,
    });
    added.push(id);
    KindIdx((data.meta.kinds.len() - 1) as u32)
}

/// A kind id from a name: lower-case words joined by hyphens.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "other".into()
    } else {
        words.join("-")
    }
}

/// Where a row without coordinates is: a known city by its location, else a unit by its
/// admin1 (or location), else `None`. Rows with coordinates are placed by them later.
fn place_of(data: &Dataset, row: &CsvEvent) -> Option<Place> {
    if row.lon_lat.is_some() {
        return None;
    }
    let city = row.location.as_deref().and_then(|loc| {
        let key = name_key(loc);
        data.cities.iter().position(|c| {
            c.names
                .all()
                .chain(c.alt.iter().map(String::as_str))
                .any(|n| name_key(n) == key)
        })
    });
    if let Some(c) = city {
        return Some(Place::City(super::ids::CityIdx(c as u32)));
    }
    [row.admin1.as_deref(), row.location.as_deref()]
        .into_iter()
        .flatten()
        .find_map(|name| unit_named(data, name))
        .map(Place::Unit)
}

/// The unit with this name in any spelling, or whose successor has it (an admin1 of a later
/// layout, such as Abai, is placed in the unit it was carved out of).
fn unit_named(data: &Dataset, name: &str) -> Option<super::ids::UnitIdx> {
    let key = name_key(name);
    let folded = super::csv_events::fold_name(name);
    // Spelled as the dataset spells it first ("Almaty City" is the city, not the region); then
    // across transliterations and old names, where one unit answers.
    let exact = |n: &str| name_key(n) == key;
    let loose = |n: &str| super::csv_events::fold_name(n) == folded;
    for matches in [&exact as &dyn Fn(&str) -> bool, &loose] {
        let hits: Vec<usize> = data
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| {
                let mut names = u
                    .names
                    .all()
                    .chain(u.short.all())
                    .chain(u.alt.iter().map(String::as_str));
                names.any(matches)
            })
            .map(|(i, _)| i)
            .collect();
        if let [one] = hits.as_slice() {
            return Some(super::ids::UnitIdx(*one as u32));
        }
    }
    let succ = data.lineage.successors.iter().find(|s| {
        let mut names = s.names.all().chain(s.alt.iter().map(String::as_str));
        names.any(|n| exact(n) || loose(n))
    })?;
    data.unit_by_id(&succ.from)
}

/// The file's sources, one per distinct name (and link).
#[derive(Default)]
struct SourceTable {
    by_key: HashMap<(String, Option<String>), SourceIdx>,
}

impl SourceTable {
    fn of(&mut self, data: &mut Dataset, row: &CsvEvent, file: &str) -> Vec<SourceIdx> {
        let mut named: Vec<(String, Option<String>)> =
            row.sources.iter().map(|s| (s.clone(), None)).collect();
        match (&row.url, named.len()) {
            (Some(url), 1) => named[0].1 = Some(url.clone()),
            (Some(url), _) => named.push((url.clone(), Some(url.clone()))),
            _ => {}
        }
        named
            .into_iter()
            .map(|key| {
                *self.by_key.entry(key.clone()).or_insert_with(|| {
                    data.sources.push(Source {
                        id: format!("file-source-{}", data.sources.len() + 1),
                        title: key.0,
                        url: key.1,
                        kind: SourceKind::Unspecified,
                        language: None,
                        published: None,
                        note: Some(format!("named in {file}")),
                    });
                    SourceIdx((data.sources.len() - 1) as u32)
                })
            })
            .collect()
    }
}

fn event_of(
    data: &Dataset,
    row: &CsvEvent,
    kind: KindIdx,
    place: Option<Place>,
    sources: Vec<SourceIdx>,
    by: &str,
) -> Event {
    let clock = data.meta.clock;
    let start = match row.time {
        Some(t) => DataTime {
            instant: clock.from_local(row.date.and_time(t)),
            time_known: true,
            written_offset_minutes: None,
        },
        None => DataTime {
            instant: clock.day_start(row.date),
            time_known: false,
            written_offset_minutes: None,
        },
    };
    let end = row.end_date.map(|d| DataTime {
        instant: clock.day_start(d),
        time_known: false,
        written_offset_minutes: None,
    });
    let figures = row
        .fatalities
        .filter(|&n| n > 0)
        .map(|n| Figure {
            label: "fatalities".into(),
            values: vec![FigureValue {
                value: n,
                qualifier: Qualifier::Exact,
                by: by.to_owned(),
                source: sources.first().copied(),
            }],
        })
        .into_iter()
        .collect();
    Event {
        id: row.id.clone(),
        start,
        end,
        time_of_day: None,
        latest: None,
        place: place.unwrap_or(Place::Country),
        point: row.lon_lat.map(|(lon, lat)| geo::Point::new(lon, lat)),
        location: row.location.clone().or_else(|| row.admin1.clone()),
        original_kind: row.original_kind.clone(),
        units: Vec::new(),
        kind,
        title: LocalText::en(row.title.clone()),
        description: LocalText::en(row.description.clone()),
        precision: Precision {
            time_known: row.time.is_some(),
            date_inferred: row.time_precision.is_some_and(|p| p >= 2),
            single_source: sources.len() == 1,
            ..Precision::default()
        },
        sources,
        figures,
        note: note_of(row),
    }
}

/// What the row says of its own precision and actors, in words.
fn note_of(row: &CsvEvent) -> Option<String> {
    let mut parts = Vec::new();
    match row.time_precision {
        Some(2) => parts.push("the date is known to within a week (ACLED time precision 2)".into()),
        Some(3) => {
            parts.push("the date is known to within a month (ACLED time precision 3)".into())
        }
        _ => {}
    }
    match row.geo_precision {
        Some(2) => parts.push("placed at a nearby town (ACLED geo precision 2)".into()),
        Some(3) => parts.push("placed at the region's centre (ACLED geo precision 3)".into()),
        _ => {}
    }
    if !row.actors.is_empty() {
        parts.push(format!("actors: {}", row.actors.join("; ")));
    }
    if !row.tags.is_empty() {
        parts.push(format!("tags: {}", row.tags.join("; ")));
    }
    (!parts.is_empty()).then(|| parts.join(". "))
}
