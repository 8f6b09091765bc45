//! `qantar check [--data DIR]`: validates a dataset and reports every problem with its position.

use crate::data::{ContextClass, Dataset, LoadError, OpenSpec, SourceKind};
use std::fmt::Write as _;

/// What `check` found: the text to print and whether the dataset is valid.
pub struct CheckReport {
    pub ok: bool,
    pub text: String,
}

/// Loads the dataset `spec` asks for and reports on it.
pub fn check(spec: &OpenSpec) -> CheckReport {
    match Dataset::open(spec) {
        Ok(data) if data.skipped > 0 => CheckReport {
            ok: false,
            text: format!(
                "{}{} record(s) of the files were skipped (listed above); the rest loads.\n",
                load_report(&data),
                data.skipped
            ),
        },
        Ok(data) => CheckReport {
            ok: true,
            text: format!(
                "{}{}{}{}",
                load_report(&data),
                warnings(&data),
                outside_window(&data),
                counts(&data)
            ),
        },
        Err(LoadError::Invalid(problems)) => {
            let mut text = String::new();
            for p in &problems {
                let _ = writeln!(text, "{p}");
            }
            let _ = writeln!(
                text,
                "{} problem(s) found; the dataset is not valid.",
                problems.len()
            );
            CheckReport { ok: false, text }
        }
        Err(other) => CheckReport {
            ok: false,
            text: format!("{other}\n"),
        },
    }
}

fn counts(data: &Dataset) -> String {
    let outlined = data.units.iter().filter(|u| u.geometry.is_some()).count();
    let linked = data.sources.iter().filter(|s| s.url.is_some()).count();
    let context = |class| data.context.iter().filter(|f| f.class == class).count();
    let period_units: std::collections::BTreeSet<_> = data.periods.iter().map(|p| p.unit).collect();
    format!(
        "Checked {} ({}, version {}):\n\
         \x20 {} units ({} with an outline of their own)\n\
         \x20 {} cities, each inside its unit\n\
         \x20 {} events, each with at least one source\n\
         \x20 {} status periods covering {} units\n\
         \x20 {} sources ({} with an http(s) link)\n\
         \x20 {} context features ({} land, {} water, {} rivers, {} special)\n\
         Every reference resolves, every date parses, every ring is closed and every coordinate is in range.\n\
         {}\
         OK\n",
        data.origin,
        data.meta.name.get(crate::i18n::Lang::En),
        data.meta.version,
        data.units.len(),
        outlined,
        data.cities.len(),
        data.events.len(),
        data.periods.len(),
        period_units.len(),
        data.sources.len(),
        linked,
        data.context.len(),
        context(ContextClass::Land),
        context(ContextClass::Water),
        context(ContextClass::River),
        context(ContextClass::Special),
        record(data),
    )
}

/// What the record says about its own certainty: sources by kind, uncertain and presumed
/// times, and the events resting on weak sources only.
fn record(data: &Dataset) -> String {
    let mut out = String::from("  sources by kind:");
    for kind in SourceKind::ALL {
        let n = data.sources.iter().filter(|s| s.kind == kind).count();
        let _ = write!(out, " {} {n},", kind.id());
    }
    out.pop();
    out.push('\n');
    let bounds = || data.periods.iter().flat_map(|p| p.bounds());
    let _ = writeln!(
        out,
        "  {} declarations or liftings known only within an interval, {} at a presumed clock",
        bounds().filter(|b| !b.is_exact()).count(),
        bounds().filter(|b| b.presumed_clock).count()
    );
    if !data.story.is_empty() {
        let _ = writeln!(out, "  a story of {} chapters", data.story.len());
    }
    let translated = |lang| {
        data.events
            .iter()
            .filter(|e| e.title.has(lang) && e.description.has(lang))
            .count()
    };
    let _ = writeln!(
        out,
        "  event texts in Russian: {}, in Kazakh: {} (the others show in English, marked)",
        translated(crate::i18n::Lang::Ru),
        translated(crate::i18n::Lang::Kk)
    );
    let weak: Vec<&str> = data
        .events
        .iter()
        .filter(|e| data.weakly_sourced(e))
        .map(|e| e.id.as_str())
        .collect();
    let _ = writeln!(
        out,
        "  {} weakly sourced events (every source an aggregator or mirror, or one encyclopedia \
         or analysis alone){}",
        weak.len(),
        if weak.is_empty() { "" } else { ":" }
    );
    for id in weak {
        let _ = writeln!(out, "    {id}");
    }
    out
}

/// What laying files on the dataset read, guessed, repaired and skipped.
fn load_report(data: &Dataset) -> String {
    if data.report.is_empty() {
        return String::new();
    }
    let mut out = String::from("Loaded with these notes:\n");
    for line in &data.report {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// What is not wrong but may not be what the user means: a unit under no status period while
/// the dataset declares statuses (it would show as under none, silently).
fn warnings(data: &Dataset) -> String {
    if data.meta.statuses.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for (i, unit) in data.units.iter().enumerate() {
        let has_period = data.periods.iter().any(|p| p.unit.index() == i);
        let within = unit
            .drawn_within
            .is_some_and(|w| data.periods.iter().any(|p| p.unit == w));
        if !has_period && !within {
            let _ = writeln!(
                out,
                "warning: unit \"{}\" ({}) has no status period and no predecessor with one: \
                 it shows as under no status; add a period, or a lineage entry if it was carved \
                 out of a unit that has periods",
                unit.id,
                unit.names.get(crate::i18n::Lang::En)
            );
        }
    }
    out
}

/// Dates outside the dataset's window: they are kept, but the timeline never reaches them, and
/// a text that leaves out the year ("since 1 January") would misplace them.
fn outside_window(data: &Dataset) -> String {
    let (first, last) = data.meta.window;
    let clock = data.meta.clock;
    let outside = |t: crate::clock::Instant| {
        let day = clock.day(t);
        (day < first || day > last).then_some(day)
    };
    let mut lines = Vec::new();
    for e in &data.events {
        for (what, t) in [("starts", e.earliest()), ("ends", e.end_instant())] {
            if let Some(day) = outside(t) {
                lines.push(format!("event \"{}\" {what} on {day}", e.id));
            }
        }
    }
    for p in &data.periods {
        let unit = &data.unit(p.unit).id;
        let bounds = [
            ("declared", Some(&p.declared)),
            ("lifted", p.lifted.as_ref()),
        ];
        for (what, b) in bounds.into_iter().filter_map(|(w, b)| Some((w, b?))) {
            if let Some(day) = outside(b.earliest).or_else(|| outside(b.latest)) {
                lines.push(format!("unit \"{unit}\"'s period {what} on {day}"));
            }
        }
    }
    let mut out = String::new();
    const SHOWN: usize = 20;
    for line in lines.iter().take(SHOWN) {
        let _ = writeln!(
            out,
            "warning: {line}, outside the dataset's window ({first} to {last}): the timeline \
             does not reach it"
        );
    }
    if lines.len() > SHOWN {
        let _ = writeln!(
            out,
            "warning: and {} more dates outside the window",
            lines.len() - SHOWN
        );
    }
    out
}
