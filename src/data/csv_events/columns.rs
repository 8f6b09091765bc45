//! Which column holds which field: the header read once, by name, for one layout.
//!
//! Names are compared trimmed and case-insensitively; when two columns share a name, the first
//! one counts. Each field lists the names it accepts, best first.

use csv::StringRecord;

use super::{CsvError, Layout};

/// A field an event is read from, whichever column holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
    Id,
    Date,
    Time,
    EndDate,
    Lat,
    Lon,
    Location,
    Admin1,
    Country,
    Title,
    Description,
    Kind,
    SubKind,
    Sources,
    Url,
    Fatalities,
    TimePrecision,
    GeoPrecision,
    Actor1,
    AssocActor1,
    Actor2,
    AssocActor2,
    Tags,
}

impl Field {
    /// Every field, in the order of [`Columns::index`].
    const ALL: [Field; 23] = [
        Field::Id,
        Field::Date,
        Field::Time,
        Field::EndDate,
        Field::Lat,
        Field::Lon,
        Field::Location,
        Field::Admin1,
        Field::Country,
        Field::Title,
        Field::Description,
        Field::Kind,
        Field::SubKind,
        Field::Sources,
        Field::Url,
        Field::Fatalities,
        Field::TimePrecision,
        Field::GeoPrecision,
        Field::Actor1,
        Field::AssocActor1,
        Field::Actor2,
        Field::AssocActor2,
        Field::Tags,
    ];

    /// The column names that hold this field in a layout, best first.
    pub(super) fn names(self, layout: Layout) -> &'static [&'static str] {
        match layout {
            Layout::Plain => self.plain_names(),
            Layout::Acled => self.acled_names(),
        }
    }

    fn plain_names(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["id", "event_id", "event_id_cnty"],
            Field::Date => &["date", "datetime", "start", "event_date", "time"],
            Field::Time => &["time"],
            Field::EndDate => &["end_date", "end", "date_end"],
            Field::Lat => &["lat", "latitude", "y"],
            Field::Lon => &["lon", "lng", "long", "longitude", "x"],
            Field::Location => &["place", "location", "city"],
            Field::Admin1 => &["admin1", "region"],
            Field::Country => &["country"],
            Field::Title => &["title", "name", "event", "headline"],
            Field::Description => &["description", "notes", "text"],
            Field::Kind => &["kind", "type", "category", "event_type"],
            Field::SubKind => &[],
            Field::Sources => &["sources", "source"],
            Field::Url => &["url", "link"],
            Field::Fatalities => &["fatalities", "deaths"],
            Field::TimePrecision => &["time_precision"],
            Field::GeoPrecision => &["geo_precision"],
            Field::Actor1 => &["actor1", "actors"],
            Field::AssocActor1 => &["assoc_actor_1"],
            Field::Actor2 => &["actor2"],
            Field::AssocActor2 => &["assoc_actor_2"],
            Field::Tags => &["tags"],
        }
    }

    fn acled_names(self) -> &'static [&'static str] {
        match self {
            Field::Id => &["event_id_cnty", "event_id", "id"],
            Field::Date => &["event_date"],
            Field::Lat => &["latitude"],
            Field::Lon => &["longitude"],
            Field::Location => &["location"],
            Field::Admin1 => &["admin1"],
            Field::Country => &["country"],
            Field::Description => &["notes"],
            Field::Kind => &["event_type"],
            Field::SubKind => &["sub_event_type"],
            Field::Sources => &["source"],
            Field::Fatalities => &["fatalities"],
            Field::TimePrecision => &["time_precision"],
            Field::GeoPrecision => &["geo_precision"],
            Field::Actor1 => &["actor1"],
            Field::AssocActor1 => &["assoc_actor_1"],
            Field::Actor2 => &["actor2"],
            Field::AssocActor2 => &["assoc_actor_2"],
            Field::Tags => &["tags"],
            Field::Time | Field::EndDate | Field::Title | Field::Url => &[],
        }
    }

    /// Its place in [`Field::ALL`], which lists the fields in declaration order.
    fn slot(self) -> usize {
        self as usize
    }
}

/// The header of a file, and which of its columns holds each field.
#[derive(Debug, Clone)]
pub(super) struct Columns {
    layout: Layout,
    header: Vec<String>,
    index: [Option<usize>; Field::ALL.len()],
}

impl Columns {
    /// Reads the header: detects the layout, finds every field, and checks the required ones.
    pub(super) fn from_header(record: &StringRecord) -> Result<Self, CsvError> {
        let header: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(i, name)| clean_name(i, name))
            .collect();
        let keys: Vec<String> = header.iter().map(|h| h.to_lowercase()).collect();
        let has = |name: &str| keys.iter().any(|k| k == name);
        let layout = if has("event_date") && has("event_type") {
            Layout::Acled
        } else {
            Layout::Plain
        };
        let mut index = [None; Field::ALL.len()];
        for (slot, field) in Field::ALL.iter().enumerate() {
            index[slot] = field
                .names(layout)
                .iter()
                .find_map(|name| keys.iter().position(|k| k == name));
        }
        // A `time` column read as the date is not also the time of day.
        if index[Field::Time.slot()] == index[Field::Date.slot()] {
            index[Field::Time.slot()] = None;
        }
        let columns = Columns {
            layout,
            header,
            index,
        };
        columns.check_required()?;
        Ok(columns)
    }

    pub(super) fn layout(&self) -> Layout {
        self.layout
    }

    /// The header as found: trimmed, without a byte order mark.
    pub(super) fn header(&self) -> &[String] {
        &self.header
    }

    /// Whether the file has a column for `field`.
    pub(super) fn has(&self, field: Field) -> bool {
        self.index[field.slot()].is_some()
    }

    /// The header name of the column that holds `field`.
    pub(super) fn name(&self, field: Field) -> Option<String> {
        let i = self.index[field.slot()]?;
        self.header.get(i).cloned()
    }

    /// The trimmed cell of `field` in `record`; `None` when it is empty or absent.
    pub(super) fn get<'r>(&self, record: &'r StringRecord, field: Field) -> Option<&'r str> {
        let cell = record.get(self.index[field.slot()]?)?.trim();
        (!cell.is_empty()).then_some(cell)
    }

    /// Whether the coordinates can be read: both columns are there.
    pub(super) fn has_coordinates(&self) -> bool {
        self.has(Field::Lat) && self.has(Field::Lon)
    }

    /// Fails with every required column that is missing, naming the accepted names.
    fn check_required(&self) -> Result<(), CsvError> {
        let missing = self.missing();
        if missing.is_empty() {
            return Ok(());
        }
        let kind = match self.layout {
            Layout::Plain => "a CSV of events",
            Layout::Acled => "an ACLED export",
        };
        let found = if self.header.iter().all(String::is_empty) {
            "(no names)".to_owned()
        } else {
            self.header.join(", ")
        };
        Err(CsvError {
            line: 1,
            column: None,
            message: format!(
                "{kind} needs {}; the header has: {found}",
                missing.join("; and ")
            ),
        })
    }

    /// What is missing, each with the names that would do.
    fn missing(&self) -> Vec<String> {
        let layout = self.layout;
        let accepted = |fields: &[Field]| {
            fields
                .iter()
                .flat_map(|f| f.names(layout).iter().copied())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut missing = Vec::new();
        if !self.has(Field::Date) {
            missing.push(format!("a date column ({})", accepted(&[Field::Date])));
        }
        if layout == Layout::Acled && !self.has(Field::Kind) {
            missing.push(format!(
                "an event type column ({})",
                accepted(&[Field::Kind])
            ));
        }
        if !self.has_coordinates() && !self.has(Field::Location) && !self.has(Field::Admin1) {
            missing.push(format!(
                "latitude and longitude columns ({}; and {}) or a place column ({})",
                accepted(&[Field::Lat]),
                accepted(&[Field::Lon]),
                accepted(&[Field::Location, Field::Admin1])
            ));
        }
        if layout == Layout::Plain && !self.has(Field::Title) && !self.has(Field::Description) {
            missing.push(format!(
                "a title column ({}) or a description column ({})",
                accepted(&[Field::Title]),
                accepted(&[Field::Description])
            ));
        }
        missing
    }
}

/// A header name trimmed, without the byte order mark an editor may leave on the first one.
fn clean_name(index: usize, name: &str) -> String {
    let name = if index == 0 {
        name.trim_start_matches('\u{feff}')
    } else {
        name
    };
    name.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::Field;

    #[test]
    fn every_field_sits_at_its_own_slot() {
        for (i, field) in Field::ALL.iter().enumerate() {
            assert_eq!(field.slot(), i, "{field:?}");
        }
    }
}
