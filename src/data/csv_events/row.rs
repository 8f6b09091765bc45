//! One record read as an event: the fields both layouts share are read here, what differs
//! (kind, title, links) in [`super::acled`] and [`super::plain`].

use chrono::{NaiveDate, NaiveTime};
use csv::StringRecord;

use super::cells::{self, Axis};
use super::columns::{Columns, Field};
use super::dates;
use super::{CsvEvent, Layout, RowProblem};

/// A record with its columns and line, to read fields from and to report problems about.
pub(super) struct Row<'a> {
    pub(super) cols: &'a Columns,
    pub(super) record: &'a StringRecord,
    pub(super) line: usize,
}

impl Row<'_> {
    /// The trimmed cell of `field`, `None` when empty or absent.
    pub(super) fn get(&self, field: Field) -> Option<&str> {
        self.cols.get(self.record, field)
    }

    /// A problem with this row, in the column of `field` (if the file has it).
    pub(super) fn problem(&self, field: Option<Field>, message: String) -> RowProblem {
        RowProblem {
            row: self.line,
            column: field.and_then(|f| self.cols.name(f)),
            message,
        }
    }

    /// The cell of a field the row cannot do without.
    pub(super) fn required(&self, field: Field, what: &str) -> Result<&str, RowProblem> {
        self.get(field)
            .ok_or_else(|| self.problem(Some(field), format!("no {what}{}", self.shortness())))
    }

    /// The cell of `field` read by `parse`; `None` when it is empty.
    fn parsed<T>(
        &self,
        field: Field,
        parse: impl Fn(&str) -> Result<T, String>,
    ) -> Result<Option<T>, RowProblem> {
        self.get(field)
            .map(|cell| parse(cell).map_err(|m| self.problem(Some(field), m)))
            .transpose()
    }

    /// ` (the row has 3 of 31 fields)` when the row is shorter than the header, else nothing.
    fn shortness(&self) -> String {
        let (has, header) = (self.record.len(), self.cols.header().len());
        if has < header {
            format!(" (the row has {has} of {header} fields)")
        } else {
            String::new()
        }
    }
}

/// What a layout adds to the fields both share: the kind, the title, the link.
pub(super) type Complete = fn(&Row<'_>, &mut CsvEvent) -> Result<(), RowProblem>;

/// Reads the record on `line` as an event, or says why it cannot be one.
pub(super) fn read_row(
    cols: &Columns,
    record: &StringRecord,
    line: usize,
    complete: Complete,
) -> Result<CsvEvent, RowProblem> {
    let row = Row { cols, record, line };
    let layout = cols.layout();
    let (date, time) = when(&row, layout)?;
    let end_date = end_date(&row, layout, date)?;
    let lon_lat = lon_lat(&row)?;
    let location = cells::text(row.get(Field::Location));
    let admin1 = cells::text(row.get(Field::Admin1));
    if lon_lat.is_none() && location.is_none() && admin1.is_none() {
        return Err(no_place(&row));
    }
    let mut event = CsvEvent {
        row: line,
        id: row
            .get(Field::Id)
            .map_or_else(|| format!("row-{line}"), str::to_owned),
        date,
        time,
        end_date,
        lon_lat,
        location,
        admin1,
        country: cells::text(row.get(Field::Country)),
        title: String::new(),
        description: row.get(Field::Description).unwrap_or_default().to_owned(),
        kind: String::new(),
        original_kind: None,
        sources: cells::list(row.get(Field::Sources).unwrap_or_default()),
        url: None,
        fatalities: row.parsed(Field::Fatalities, cells::count)?,
        time_precision: row.parsed(Field::TimePrecision, cells::precision)?,
        geo_precision: row.parsed(Field::GeoPrecision, cells::precision)?,
        actors: actors(&row),
        tags: cells::list(row.get(Field::Tags).unwrap_or_default()),
    };
    complete(&row, &mut event)?;
    Ok(event)
}

/// The day, and the time of day if the file gives one (in the date or a `time` column).
fn when(row: &Row<'_>, layout: Layout) -> Result<(NaiveDate, Option<NaiveTime>), RowProblem> {
    let cell = row.required(Field::Date, "date")?;
    let (date, time) =
        dates::parse_when(cell, layout).map_err(|m| row.problem(Some(Field::Date), m))?;
    if time.is_some() {
        return Ok((date, time));
    }
    Ok((date, row.parsed(Field::Time, dates::parse_time)?))
}

/// The last day, if given; it may not come before the first.
fn end_date(
    row: &Row<'_>,
    layout: Layout,
    start: NaiveDate,
) -> Result<Option<NaiveDate>, RowProblem> {
    let end = row.parsed(Field::EndDate, |cell| dates::parse_when(cell, layout))?;
    match end {
        Some((end, _)) if end < start => Err(row.problem(
            Some(Field::EndDate),
            format!("the event ends ({end}) before it starts ({start})"),
        )),
        Some((end, _)) => Ok(Some(end)),
        None => Ok(None),
    }
}

/// Longitude and latitude: both or neither. A file with only one of the two columns has none.
fn lon_lat(row: &Row<'_>) -> Result<Option<(f64, f64)>, RowProblem> {
    if !row.cols.has_coordinates() {
        return Ok(None);
    }
    let lat = row.parsed(Field::Lat, |c| cells::coordinate(c, Axis::Lat))?;
    let lon = row.parsed(Field::Lon, |c| cells::coordinate(c, Axis::Lon))?;
    match (lon, lat) {
        (Some(lon), Some(lat)) => Ok(Some((lon, lat))),
        (None, None) => Ok(None),
        (None, Some(_)) => Err(row.problem(
            Some(Field::Lon),
            format!("a latitude but no longitude{}", row.shortness()),
        )),
        (Some(_), None) => Err(row.problem(
            Some(Field::Lat),
            format!("a longitude but no latitude{}", row.shortness()),
        )),
    }
}

/// The problem of a row that says nowhere where the event was.
fn no_place(row: &Row<'_>) -> RowProblem {
    let field = if row.cols.has_coordinates() {
        Field::Lat
    } else {
        Field::Location
    };
    row.problem(
        Some(field),
        format!(
            "no coordinates and no place: give a latitude and longitude, or a place name{}",
            row.shortness()
        ),
    )
}

/// The actors, in column order, each once: the main actor, its associates, then the other
/// side and its associates.
fn actors(row: &Row<'_>) -> Vec<String> {
    let mut actors = Vec::new();
    for field in [
        Field::Actor1,
        Field::AssocActor1,
        Field::Actor2,
        Field::AssocActor2,
    ] {
        cells::push_unique(&mut actors, row.get(field));
    }
    actors
}
