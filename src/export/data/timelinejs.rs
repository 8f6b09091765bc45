//! The dataset as TimelineJS3 JSON (<https://timeline.knightlab.com/docs/json-format.html>):
//! a title slide, one slide per event, one era per status period. A date gives its hour and
//! minute only when the record knows them; TimelineJS has no time zones, so every time is on
//! the dataset's clock, which the title slide names.

use super::escape_xml;
use super::fields::{event_fields, event_html, next_day, period_headline, when_text};
use crate::clock::{Clock, Instant};
use crate::data::{Bound, Dataset};
use crate::i18n::Lang;
use chrono::{Datelike as _, NaiveDate, Timelike as _};
use serde_json::{Map, Value, json};

/// A TimelineJS date: the day alone, or with the hour and minute when `with_time`.
fn date(clock: Clock, t: Instant, with_time: bool) -> Value {
    let local = clock.local(t);
    let mut d = day(local.date());
    if with_time {
        d.insert("hour".into(), json!(local.hour()));
        d.insert("minute".into(), json!(local.minute()));
    }
    Value::Object(d)
}

fn day(day: NaiveDate) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("year".into(), json!(day.year()));
    d.insert("month".into(), json!(day.month()));
    d.insert("day".into(), json!(day.day()));
    d
}

/// A declaration or a lifting: its minute, or the day it fell on when the hour is unknown.
fn bound_date(clock: Clock, bound: &Bound) -> Value {
    date(clock, bound.earliest, bound.is_exact())
}

/// The dataset as TimelineJS3 JSON, its texts in `lang`.
pub fn to_timelinejs(data: &Dataset, lang: Lang) -> String {
    let meta = &data.meta;
    let clock = meta.clock;
    let events: Vec<Value> = data
        .events
        .iter()
        .map(|event| {
            let f = event_fields(data, event, lang);
            let exact = event.start.time_known && event.latest.is_none();
            let mut start = date(clock, event.earliest(), exact);
            if !exact {
                start["display_date"] = json!(when_text(clock, lang, event));
            }
            let mut slide = json!({
                "start_date": start,
                "text": {
                    "headline": escape_xml(f.title),
                    "text": event_html(data, event, &f, lang),
                },
                "group": escape_xml(meta.kind(event.kind).names.get(lang)),
                "unique_id": f.id,
            });
            if let Some(end) = event.end {
                slide["end_date"] = date(clock, end.instant, end.time_known);
            }
            slide
        })
        .collect();
    let last_day = next_day(meta.window.1);
    let eras: Vec<Value> = data
        .periods
        .iter()
        .map(|p| {
            let end = p
                .lifted
                .as_ref()
                .map_or_else(|| Value::Object(day(last_day)), |l| bound_date(clock, l));
            json!({
                "start_date": bound_date(clock, &p.declared),
                "end_date": end,
                "text": {"headline": escape_xml(&period_headline(data, p, lang))},
            })
        })
        .collect();
    let intro = format!(
        "<p>{}</p><p>{} ({})</p><p>{}</p>",
        escape_xml(meta.description.get(lang)),
        escape_xml(meta.clock_label.get(lang)),
        escape_xml(&clock.offset_utc_label()),
        escape_xml(&meta.attribution)
    );
    let timeline = json!({
        "title": {"text": {"headline": escape_xml(meta.name.get(lang)), "text": intro}},
        "events": events,
        "eras": eras,
    });
    // A tree of JSON values always serialises.
    serde_json::to_string_pretty(&timeline).unwrap_or_default() + "\n"
}
