//! Loading events and status periods: the records that carry time.

use super::error::Problem;
use super::event::*;
use super::ids::Place;
use super::json::SourceFile;
use super::model::*;
use super::raw::RawEvent;
use super::records::{by_id, for_each_record};
use super::resolve::{Resolver, in_window, source_list, source_ref, time_field};
use std::collections::BTreeSet;

pub(super) fn load_events(
    file: &SourceFile,
    meta: &Meta,
    ctx: &Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Event> {
    let mut events = Vec::new();
    let mut seen = BTreeSet::new();
    let records = file.records("events");
    for_each_record(
        records,
        by_id("event"),
        problems,
        |record, label, raw: RawEvent, problems| {
            let before = problems.len();
            if !seen.insert(raw.id.clone()) {
                problems.push(record.problem(&label, Some("id"), "duplicate id".into()));
            }
            let clock = meta.clock;
            let start = time_field(record, &label, "start", &raw.start, clock, problems);
            let end = raw
                .end
                .as_deref()
                .and_then(|e| time_field(record, &label, "end", e, clock, problems));
            if let Some(start) = start {
                if !in_window(meta, start) {
                    problems.push(record.problem(
                        &label,
                        Some("start"),
                        format!(
                            "starts outside the dataset's window ({} to {})",
                            meta.window.0, meta.window.1
                        ),
                    ));
                }
                if end.is_some_and(|end| end.instant < start.instant) {
                    problems.push(record.problem(
                        &label,
                        Some("end"),
                        "ends before it starts".into(),
                    ));
                }
            }
            let latest = raw
                .latest
                .as_deref()
                .and_then(|t| time_field(record, &label, "latest", t, clock, problems));
            if let (Some(start), Some(latest)) = (start, latest)
                && latest.instant <= start.instant
            {
                problems.push(record.problem(
                    &label,
                    Some("latest"),
                    "is not after \"start\": the interval is reversed".into(),
                ));
            }
            if raw.single_source != (raw.sources.len() == 1) {
                let says = if raw.single_source {
                    format!(
                        "says \"single_source\" but cites {} sources",
                        raw.sources.len()
                    )
                } else {
                    "cites one source: mark it \"single_source\": true".into()
                };
                problems.push(record.problem(&label, Some("single_source"), says));
            }
            let point = match (raw.lon, raw.lat) {
                (Some(lon), Some(lat)) if valid_lon_lat(lon, lat) => {
                    Some(geo::Point::new(lon, lat))
                }
                (None, None) => None,
                _ => {
                    problems.push(record.problem(
                        &label,
                        Some("lon"),
                        "\"lon\" and \"lat\" go together, within ±180 and ±90".into(),
                    ));
                    None
                }
            };
            let place = match (&raw.place, point) {
                (Some(id), _) => {
                    let place = ctx.place(id);
                    if place.is_none() && !ctx.broken.contains(id) {
                        problems.push(record.problem(
                            &label,
                            Some("place"),
                            format!("unknown place \"{id}\""),
                        ));
                    }
                    place
                }
                // Placed by point-in-polygon once every record is read.
                (None, Some(_)) => Some(Place::Country),
                (None, None) => {
                    problems.push(record.problem(
                        &label,
                        Some("place"),
                        "has no \"place\" and no \"lon\"/\"lat\"".into(),
                    ));
                    None
                }
            };
            let kind = meta.kind_by_id(&raw.kind);
            if kind.is_none() {
                let known: Vec<&str> = meta.kinds.iter().map(|k| k.id.as_str()).collect();
                problems.push(record.problem(
                    &label,
                    Some("kind"),
                    format!(
                        "unknown kind \"{}\"; the dataset's kinds are {}",
                        raw.kind,
                        known.join(", ")
                    ),
                ));
            }
            let units = raw
                .units
                .iter()
                .filter_map(|id| {
                    let found = ctx.units.get(id).copied();
                    if found.is_none() {
                        problems.push(record.problem(
                            &label,
                            Some("units"),
                            format!("unknown unit \"{id}\""),
                        ));
                    }
                    found
                })
                .collect();
            if raw.title.is_empty() {
                problems.push(record.problem(&label, Some("title"), "has no title".into()));
            }
            if raw.description.is_empty() {
                problems.push(record.problem(
                    &label,
                    Some("description"),
                    "has no description".into(),
                ));
            }
            let sources = source_list(record, &label, &raw.sources, ctx, problems);
            let figures = raw
                .figures
                .into_iter()
                .map(|f| {
                    if f.values.is_empty() {
                        problems.push(record.problem(
                            &label,
                            Some("figures"),
                            format!("figure \"{}\" has no values", f.label),
                        ));
                    }
                    Figure {
                        label: f.label,
                        values: f
                            .values
                            .into_iter()
                            .map(|v| FigureValue {
                                source: v.source.as_deref().and_then(|id| {
                                    source_ref(record, &label, "figures", id, ctx, problems)
                                }),
                                value: v.value,
                                qualifier: v.qualifier,
                                by: v.by,
                            })
                            .collect(),
                    }
                })
                .collect();
            let (Some(start), Some(place), Some(kind), true) =
                (start, place, kind, problems.len() == before)
            else {
                // An event at a broken city was not reported above, but cannot be kept either.
                return;
            };
            events.push(Event {
                id: raw.id,
                precision: Precision {
                    time_known: start.time_known,
                    time_approximate: raw.time_approximate,
                    date_inferred: raw.date_inferred,
                    single_source: raw.single_source,
                    unconfirmed: raw.unconfirmed,
                    figures_disputed: raw.figures_disputed,
                    date_disputed: raw.date_disputed,
                },
                start,
                end,
                time_of_day: raw.time_of_day,
                latest: latest.map(|l| l.instant),
                place,
                units,
                kind,
                point,
                location: raw.location,
                original_kind: None,
                title: raw.title,
                description: raw.description,
                sources,
                figures,
                note: raw.note,
            });
        },
    );
    events
}

/// True for a finite longitude and latitude on the globe.
pub(super) fn valid_lon_lat(lon: f64, lat: f64) -> bool {
    lon.is_finite() && lat.is_finite() && lon.abs() <= 180.0 && lat.abs() <= 90.0
}
