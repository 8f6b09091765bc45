//! Loading events and status periods: the records that carry time.

use super::error::Problem;
use super::event::*;
use super::json::SourceFile;
use super::model::*;
use super::raw::{RawEvent, RawPeriod};
use super::records::{by_id, by_index, for_each_record};
use super::resolve::{Resolver, in_window, source_list, time_field};
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
            let assumed_minute = raw.assumed_time.as_deref().and_then(|t| {
                let parsed = chrono::NaiveTime::parse_from_str(t, "%H:%M").ok();
                if parsed.is_none() {
                    problems.push(record.problem(
                        &label,
                        Some("assumed_time"),
                        format!("\"{t}\" is not a time of day: use 23:00"),
                    ));
                }
                parsed.map(|t| {
                    use chrono::Timelike;
                    (t.hour() * 60 + t.minute()) as u16
                })
            });
            if assumed_minute.is_some() && start.is_some_and(|s| s.time_known) {
                problems.push(
                record.problem(
                    &label,
                    Some("assumed_time"),
                    "has a known time; \"assumed_time\" is only for events whose time is unknown"
                        .into(),
                ),
            );
            }
            let place = ctx.place(&raw.place);
            if place.is_none() && !ctx.broken.contains(&raw.place) {
                problems.push(record.problem(
                    &label,
                    Some("place"),
                    format!("unknown place \"{}\"", raw.place),
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
                                    let found = ctx.sources.get(id).copied();
                                    if found.is_none() {
                                        problems.push(record.problem(
                                            &label,
                                            Some("figures"),
                                            format!("unknown source \"{id}\""),
                                        ));
                                    }
                                    found
                                }),
                                value: v.value,
                                qualifier: v.qualifier,
                                by: v.by,
                            })
                            .collect(),
                    }
                })
                .collect();
            let (Some(start), Some(place), true) = (start, place, problems.len() == before) else {
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
                },
                start,
                end,
                time_of_day: raw.time_of_day,
                assumed_minute,
                place,
                units,
                kind: raw.kind,
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

pub(super) fn load_periods(
    file: &SourceFile,
    meta: &Meta,
    ctx: &Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<Period> {
    let mut periods: Vec<Period> = Vec::new();
    let records = file.records("periods");
    for_each_record(
        records,
        by_index("period"),
        problems,
        |record, _, raw: RawPeriod, problems| {
            let label = format!("period #{} ({})", record.index + 1, raw.unit);
            let before = problems.len();
            let unit = ctx.units.get(&raw.unit).copied();
            if unit.is_none() {
                problems.push(record.problem(
                    &label,
                    Some("unit"),
                    format!("unknown unit \"{}\"", raw.unit),
                ));
            }
            let status = meta.status_by_key(&raw.status);
            if status.is_none() {
                problems.push(record.problem(
                    &label,
                    Some("status"),
                    format!("status \"{}\" is not defined in dataset.json", raw.status),
                ));
            }
            let clock = meta.clock;
            let declared = time_field(record, &label, "declared", &raw.declared, clock, problems);
            if declared.is_some_and(|d| !d.time_known) {
                problems.push(record.problem(
                &label,
                Some("declared"),
                "give the instant the atlas should use (2022-01-05T23:00) and, if the real hour \
                 is unknown, \"declared_time_known\": false"
                    .into(),
            ));
            }
            let lifted = raw
                .lifted
                .as_deref()
                .and_then(|t| time_field(record, &label, "lifted", t, clock, problems));
            let decreed_end = raw
                .decreed_end
                .as_deref()
                .and_then(|t| time_field(record, &label, "decreed_end", t, clock, problems));
            if let (Some(d), Some(l)) = (declared, lifted)
                && l.instant <= d.instant
            {
                problems.push(record.problem(
                    &label,
                    Some("lifted"),
                    "is lifted before it is declared".into(),
                ));
            }
            let sources = source_list(record, &label, &raw.sources, ctx, problems);
            let (Some(unit), Some(status), Some(declared), true) =
                (unit, status, declared, problems.len() == before)
            else {
                return;
            };
            let period = Period {
                unit,
                status,
                declared: declared.instant,
                declared_time_known: raw.declared_time_known.unwrap_or(true),
                declared_label: raw.declared_label,
                lifted: lifted.map(|l| l.instant),
                lifted_early: raw.lifted_early,
                decreed_end: decreed_end.map(|d| d.instant),
                decree: raw.decree,
                curfew: raw.curfew,
                note: raw.note,
                sources,
            };
            let overlaps = periods.iter().any(|other| {
                other.unit == period.unit
                    && other.status == period.status
                    && other.lifted.is_none_or(|l| period.declared < l)
                    && period.lifted.is_none_or(|l| other.declared < l)
            });
            if overlaps {
                problems.push(record.problem(
                    &label,
                    Some("declared"),
                    format!("overlaps another {} period of the same unit", raw.status),
                ));
                return;
            }
            periods.push(period);
        },
    );
    periods
}
