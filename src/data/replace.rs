//! Putting a file's events in place of a dataset's.

use super::event::Event;
use super::model::Dataset;

/// Puts `events` in place of the dataset's: placed by their points, the story dropped (it tells
/// the events replaced), the window widened to span them.
pub fn replace_events(mut data: Dataset, mut events: Vec<Event>, file: &str) -> Dataset {
    let outside = super::places::place_points(&data.units, &mut data.cities, &mut events);
    data.report
        .extend(outside.into_iter().map(|l| format!("{file}: {l}")));
    data.events = events;
    let name = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    let mut credits: Vec<&str> = data
        .meta
        .attribution
        .split(" · ")
        .filter(|part| !part.is_empty() && !part.starts_with("Events:"))
        .collect();
    let events_credit = format!("Events: {name}");
    credits.push(&events_credit);
    data.meta.attribution = credits.join(" · ");
    if !data.story.is_empty() {
        data.story.clear();
        data.report.push(format!(
            "{file}: the guided story is not shown: it tells the events this file replaces"
        ));
    }
    let span = super::layers::span_of(&data.meta, &data.events, &data.periods);
    let window = data.meta.window;
    if !data.meta.window_from_data && (span.0 < window.0 || span.1 > window.1) {
        data.meta.window = (span.0.min(window.0), span.1.max(window.1));
        data.report.push(format!(
            "{file}: the window is widened to {} – {} to span the events",
            data.meta.window.0, data.meta.window.1
        ));
    }
    let inside = |t: crate::clock::Instant| {
        let day = data.meta.clock.day(t);
        span.0 <= day && day <= span.1
    };
    if data.meta.default_instant.is_some_and(|t| !inside(t)) {
        data.meta.default_instant = None;
    }
    data
}
