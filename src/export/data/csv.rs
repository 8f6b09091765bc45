//! The events as CSV: one row per event, in the dataset's order, with a header.

use super::fields::event_fields;
use crate::data::Dataset;
use crate::i18n::Lang;

/// The columns, in order.
pub const CSV_HEADER: [&str; 22] = [
    "id",
    "start",
    "latest",
    "time_known",
    "time_of_day",
    "end",
    "kind",
    "title",
    "description",
    "place",
    "place_name",
    "location",
    "lon",
    "lat",
    "sources",
    "urls",
    "time_approximate",
    "date_inferred",
    "single_source",
    "unconfirmed",
    "figures_disputed",
    "date_disputed",
];

/// The events as CSV, their texts in `lang`: times in ISO 8601 with the dataset's offset (the
/// date alone when the time is unknown), the point of the event or of its place (empty for the
/// country as a whole), the sources' titles joined by "; " and their links by spaces.
pub fn to_csv(data: &Dataset, lang: Lang) -> String {
    // Writing into memory cannot fail.
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(CSV_HEADER);
    for event in &data.events {
        let f = event_fields(data, event, lang);
        let coordinate = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let mut row = vec![
            f.id.to_owned(),
            f.start,
            f.latest.unwrap_or_default(),
            f.time_known.to_string(),
            f.time_of_day.unwrap_or_default().to_owned(),
            f.end.unwrap_or_default(),
            f.kind.to_owned(),
            f.title.to_owned(),
            f.description.to_owned(),
            f.place.to_owned(),
            f.place_name.to_owned(),
            f.location.unwrap_or_default().to_owned(),
            coordinate(f.point.map(|p| p.x())),
            coordinate(f.point.map(|p| p.y())),
            f.sources
                .iter()
                .map(|(title, _)| *title)
                .collect::<Vec<_>>()
                .join("; "),
            f.sources
                .iter()
                .filter_map(|(_, url)| *url)
                .collect::<Vec<_>>()
                .join(" "),
        ];
        row.extend(f.flags.iter().map(|(_, raised)| raised.to_string()));
        let _ = out.write_record(&row);
    }
    let bytes = out.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}
