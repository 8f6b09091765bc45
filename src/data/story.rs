//! A guided story: chapters that each set the instant, the view and the selection, highlight
//! some events and tell what happened in each language, with sources. Kept as data
//! (`story.json`, named in the manifest) so that any dataset can carry its own.

use super::chapter::Chapter;
use super::error::Problem;
use super::ids::EventIdx;
use super::json::SourceFile;
use super::model::Meta;
use super::records::{by_id, for_each_record};
use super::resolve::{Resolver, source_list, time_field};
use crate::i18n::LocalText;
use geo::{Rect, coord};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChapter {
    id: String,
    at: String,
    #[serde(default)]
    until: Option<String>,
    #[serde(default)]
    bbox: Option<[f64; 4]>,
    #[serde(default)]
    select: Option<String>,
    #[serde(default)]
    events: Vec<String>,
    title: LocalText,
    text: LocalText,
    sources: Vec<String>,
}

/// Reads the chapters: ids unique, instants in the window and in order, views inside the
/// world, places, events and sources that exist.
pub(super) fn load_story(
    file: &SourceFile,
    meta: &Meta,
    ctx: &Resolver<'_>,
    events: &BTreeMap<&str, EventIdx>,
    problems: &mut Vec<Problem>,
) -> Vec<Chapter> {
    let mut chapters: Vec<Chapter> = Vec::new();
    let mut seen = BTreeSet::new();
    for_each_record(
        file.records("chapters"),
        by_id("chapter"),
        problems,
        |record, label, raw: RawChapter, problems| {
            let before = problems.len();
            if !seen.insert(raw.id.clone()) {
                problems.push(record.problem(&label, Some("id"), "duplicate id".into()));
            }
            let clock = meta.clock;
            let at = time_field(record, &label, "at", &raw.at, clock, problems);
            let until = raw
                .until
                .as_deref()
                .and_then(|t| time_field(record, &label, "until", t, clock, problems));
            if let (Some(a), Some(u)) = (at, until)
                && u.instant <= a.instant
            {
                problems.push(record.problem(&label, Some("until"), "is not after \"at\"".into()));
            }
            let bbox =
                raw.bbox.and_then(|[w, s, e, n]| {
                    let ok = [w, s, e, n].iter().all(|v| v.is_finite())
                        && (-180.0..=180.0).contains(&w)
                        && (-180.0..=180.0).contains(&e)
                        && (-90.0..=90.0).contains(&s)
                        && (-90.0..=90.0).contains(&n)
                        && w < e
                        && s < n;
                    if !ok {
                        problems.push(record.problem(
                        &label,
                        Some("bbox"),
                        "is not [west, south, east, north] in degrees with west < east and \
                         south < north"
                            .into(),
                    ));
                    }
                    ok.then(|| Rect::new(coord! { x: w, y: s }, coord! { x: e, y: n }))
                });
            let select = raw.select.as_deref().and_then(|id| {
                let place = ctx.place(id);
                if place.is_none() {
                    problems.push(record.problem(
                        &label,
                        Some("select"),
                        format!("unknown place \"{id}\""),
                    ));
                }
                place
            });
            let highlighted = raw
                .events
                .iter()
                .filter_map(|id| {
                    let found = events.get(id.as_str()).copied();
                    if found.is_none() {
                        problems.push(record.problem(
                            &label,
                            Some("events"),
                            format!("unknown event \"{id}\""),
                        ));
                    }
                    found
                })
                .collect();
            if raw.title.get(crate::i18n::Lang::En).is_empty() {
                problems.push(record.problem(&label, Some("title"), "has no title".into()));
            }
            let sources = source_list(record, &label, &raw.sources, ctx, problems);
            let (Some(at), true) = (at, problems.len() == before) else {
                return;
            };
            if chapters.last().is_some_and(|c| c.at > at.instant) {
                problems.push(record.problem(
                    &label,
                    Some("at"),
                    "comes before the previous chapter: chapters go in order of time".into(),
                ));
            }
            chapters.push(Chapter {
                id: raw.id,
                at: at.instant,
                until: until.map(|u| u.instant),
                bbox,
                select,
                events: highlighted,
                title: raw.title,
                text: raw.text,
                sources,
            });
        },
    );
    chapters
}
