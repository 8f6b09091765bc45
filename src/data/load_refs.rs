//! Loading the records other records refer to: the sources and the cities.

use super::error::Problem;
use super::json::SourceFile;
use super::model::{City, Unit};
use super::raw::{RawCity, RawSource};
use super::records::{by_index, for_each_record};
use super::resolve::Resolver;
use super::source::Source;
use geo::Intersects;
use std::collections::BTreeSet;

/// Reads the sources: ids unique, titles given, links http(s).
pub(super) fn load_sources(file: &SourceFile, problems: &mut Vec<Problem>) -> Vec<Source> {
    let mut seen = BTreeSet::new();
    let mut sources = Vec::new();
    let records = file.records("sources");
    for_each_record(
        records,
        by_index("source"),
        problems,
        |record, _, raw: RawSource, problems| {
            let label = format!("source \"{}\"", raw.id);
            if !seen.insert(raw.id.clone()) {
                problems.push(record.problem(&label, Some("id"), "duplicate id".into()));
            }
            if raw.title.trim().is_empty() {
                problems.push(record.problem(&label, Some("title"), "has no title".into()));
            }
            if let Some(url) = &raw.url
                && !is_http_url(url)
            {
                problems.push(record.problem(
                    &label,
                    Some("url"),
                    format!("\"{url}\" is not an http(s) link"),
                ));
            }
            let published = raw.published.as_deref().and_then(|d| {
                let parsed = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
                if parsed.is_none() {
                    problems.push(record.problem(
                        &label,
                        Some("published"),
                        format!("\"{d}\" is not a date: use 2022-01-06"),
                    ));
                }
                parsed
            });
            if let Some(lang) = &raw.language
                && !(lang.len() == 2 && lang.chars().all(|c| c.is_ascii_lowercase()))
            {
                problems.push(record.problem(
                    &label,
                    Some("language"),
                    format!("\"{lang}\" is not a two-letter language code (ISO 639-1: en, ru, kk)"),
                ));
            }
            sources.push(Source {
                id: raw.id,
                title: raw.title,
                url: raw.url,
                kind: raw.kind,
                language: raw.language,
                published,
                note: raw.note,
            });
        },
    );
    sources
}

/// True for `http://host…` and `https://host…` and nothing else.
pub fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        !host.is_empty() && !r.chars().any(char::is_whitespace)
    })
}

/// Reads the cities: ids unique among cities and units, coordinates in range, each inside its
/// unit (or the unit it is drawn within).
pub(super) fn load_cities(
    file: &SourceFile,
    units: &[Unit],
    ctx: &mut Resolver<'_>,
    problems: &mut Vec<Problem>,
) -> Vec<City> {
    let mut cities = Vec::new();
    let mut seen = BTreeSet::new();
    let records = file.records("cities");
    for_each_record(
        records,
        by_index("city"),
        problems,
        |record, _, raw: RawCity, problems| {
            let label = format!("city \"{}\"", raw.id);
            if !seen.insert(raw.id.clone()) || ctx.units.contains_key(&raw.id) {
                problems.push(record.problem(&label, Some("id"), "duplicate id".into()));
            }
            if !raw.lon.is_finite()
                || !raw.lat.is_finite()
                || !(-180.0..=180.0).contains(&raw.lon)
                || !(-90.0..=90.0).contains(&raw.lat)
            {
                problems.push(record.problem(
                    &label,
                    Some("lon"),
                    format!("coordinates ({}, {}) are out of range", raw.lon, raw.lat),
                ));
                ctx.broken.insert(raw.id);
                return;
            }
            let Some(&unit) = ctx.units.get(&raw.unit) else {
                problems.push(record.problem(
                    &label,
                    Some("unit"),
                    format!("unknown unit \"{}\"", raw.unit),
                ));
                ctx.broken.insert(raw.id);
                return;
            };
            let position = geo::Point::new(raw.lon, raw.lat);
            let shown = units[unit.index()].drawn_within.unwrap_or(unit);
            let inside = units[shown.index()]
                .geometry
                .as_ref()
                .is_some_and(|g| g.intersects(&position));
            if !inside {
                problems.push(record.problem(
                    &label,
                    Some("lon"),
                    format!(
                        "({}, {}) does not lie inside its unit {}",
                        raw.lon,
                        raw.lat,
                        units[shown.index()].id
                    ),
                ));
            }
            cities.push(City {
                id: raw.id,
                names: raw.names,
                alt: raw.alt,
                unit,
                position,
                population: raw.population,
                geonames_id: raw.geonames_id,
                note: raw.note,
            });
        },
    );
    cities
}
