//! City markers: which cities show at the instant, how big, of which severity, and the rings
//! that mark a city's own status or the selection.

use super::input::{EventMode, SceneInput};
use super::shapes::Stroke;
use super::style::Style;
use crate::clock::Instant;
use crate::data::{CityIdx, Place};
use crate::timeline::effective_start;

/// What a city marker shows at the instant.
pub(super) struct MarkerState {
    pub city: CityIdx,
    pub count: usize,
    /// Highest severity among the shown day's events up to the instant.
    pub severity: Option<u8>,
    /// The city's own unit status, when that unit has no outline to colour (Shymkent).
    pub own_status: bool,
}

/// The rings that mark a city's own status around a marker of `radius`: a dark band with an
/// orange band on it.
pub(super) fn status_rings(style: &Style, radius: f32, s: f32) -> Vec<(f32, Stroke)> {
    let band = style.widths.status_band * s;
    let r = radius + 1.0 * s + band / 2.0 + 1.0 * s;
    vec![
        (
            r,
            Stroke::solid(
                band + style.widths.status_band_edge * s,
                style.marker_outline,
            ),
        ),
        (r, Stroke::solid(band, style.status_fill.with_alpha(255))),
    ]
}

/// The rings around a marker of `radius` (its city's own status, the selection) and how far
/// from its centre the marker reaches with them.
pub(super) fn marker_rings(
    input: &SceneInput<'_>,
    m: &MarkerState,
    radius: f32,
) -> (Vec<(f32, Stroke)>, f32) {
    let (style, s) = (input.style, input.scale);
    let mut rings = if m.own_status {
        status_rings(style, if m.count == 0 { 3.0 * s } else { radius }, s)
    } else {
        Vec::new()
    };
    let mut extent = rings
        .iter()
        .map(|(r, stroke)| r + stroke.width / 2.0)
        .fold(radius, f32::max);
    if input.selected == Some(Place::City(m.city)) {
        // A dark ring on a light halo, clear of the marker: the place being discussed.
        let halo = style.widths.selection_halo * s;
        let r = extent + 4.5 * s;
        rings.push((r, Stroke::solid(halo, style.halo)));
        rings.push((
            r,
            Stroke::solid(style.widths.selection_ring * s, style.selected_outline),
        ));
        extent = r + halo / 2.0;
    }
    (rings, extent)
}

/// Marker radius for a number of events, before scaling.
pub(super) fn marker_radius(style: &Style, count: usize) -> f32 {
    (style.marker_min_radius + 2.1 * (count as f32).sqrt()).min(style.marker_min_radius * 4.0)
}

/// What a city's marker counts at `instant`: how many of its `events` (their effective start,
/// end and severity, in order of start) it counts (all so far, or in [`EventMode::DayOnly`]
/// those of the shown day), and the highest severity among the shown day's events so far. An
/// event counts as the shown day's when it lasts into that day (it ends at or after
/// `day_start`).
fn count_events(
    events: impl Iterator<Item = (Instant, Instant, u8)>,
    instant: Instant,
    day_start: Instant,
    mode: EventMode,
) -> (usize, Option<u8>) {
    let mut count = 0;
    let mut severity: Option<u8> = None;
    for (start, end, level) in events {
        if start > instant {
            break;
        }
        let today = end >= day_start;
        if today {
            severity = Some(severity.map_or(level, |s| s.max(level)));
        }
        if mode == EventMode::Cumulative || today {
            count += 1;
        }
    }
    (count, severity)
}

/// Which cities have markers, how big and of which severity.
pub(super) fn marker_states(input: &SceneInput<'_>) -> Vec<MarkerState> {
    let atlas = input.atlas;
    let data = &atlas.data;
    let clock = data.meta.clock;
    let day = clock.day(input.instant);
    let day_start = clock.day_start(day);
    let mut out = Vec::new();
    for c in data.city_indices() {
        let events = atlas.timeline.events_of_city(c).iter().map(|&e| {
            let ev = data.event(e);
            (effective_start(ev), ev.end_instant(), ev.kind.severity())
        });
        let (count, severity) = count_events(events, input.instant, day_start, input.mode);
        let unit = data.city(c).unit;
        let own_status = data.unit(unit).geometry.is_none()
            && atlas
                .timeline
                .status_at(data, unit, input.instant)
                .is_some();
        if count > 0 || own_status {
            out.push(MarkerState {
                city: c,
                count,
                severity,
                own_status,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: i64 = 60;
    const DAY: i64 = 24 * HOUR;

    /// Four events of one city: a protest two days ago, a clash yesterday evening that lasts
    /// into today, violence this morning; and a protest later today.
    fn city_events(day_start: Instant) -> Vec<(Instant, Instant, u8)> {
        let at = |minutes: i64| day_start.plus_minutes(minutes);
        vec![
            (at(-2 * DAY + 10 * HOUR), at(-2 * DAY + 10 * HOUR), 1),
            (at(-4 * HOUR), at(2 * HOUR), 2),
            (at(9 * HOUR), at(9 * HOUR), 3),
            (at(15 * HOUR), at(15 * HOUR), 1),
        ]
    }

    #[test]
    fn cumulative_markers_count_every_event_so_far() {
        let day = Instant::from_unix_minutes(1000 * DAY);
        let noon = day.plus_minutes(12 * HOUR);
        let events = city_events(day);
        let (count, severity) = count_events(events.into_iter(), noon, day, EventMode::Cumulative);
        assert_eq!(
            count, 3,
            "the two earlier days and this morning, not this afternoon"
        );
        assert_eq!(
            severity,
            Some(3),
            "the day's worst so far is the morning's violence"
        );
    }

    #[test]
    fn day_only_markers_count_the_shown_days_events_and_those_lasting_into_it() {
        let day = Instant::from_unix_minutes(1000 * DAY);
        let noon = day.plus_minutes(12 * HOUR);
        let events = city_events(day);
        let (count, severity) = count_events(events.into_iter(), noon, day, EventMode::DayOnly);
        assert_eq!(
            count, 2,
            "yesterday's clash lasts into today; this morning's violence"
        );
        assert_eq!(severity, Some(3));
    }

    #[test]
    fn a_day_without_events_has_no_severity_but_cumulative_still_counts() {
        let day = Instant::from_unix_minutes(1000 * DAY);
        let tomorrow = day.plus_minutes(DAY);
        let events = city_events(day);
        let evening = tomorrow.plus_minutes(20 * HOUR);
        let so_far = || events.clone().into_iter();
        assert_eq!(
            count_events(so_far(), evening, tomorrow, EventMode::Cumulative),
            (4, None)
        );
        assert_eq!(
            count_events(so_far(), evening, tomorrow, EventMode::DayOnly),
            (0, None)
        );
    }
}
