//! City markers: which cities show at the instant, how big, of which severity, and the rings
//! that mark a city's own status or the selection.

use super::Stroke;
use super::input::{EventMode, SceneInput};
use super::style::Style;
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
    let band = 3.6 * s;
    let r = radius + 1.0 * s + band / 2.0 + 1.0 * s;
    vec![
        (r, Stroke::solid(band + 2.4 * s, style.marker_outline)),
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
        let r = extent + 4.5 * s;
        rings.push((r, Stroke::solid(5.5 * s, style.halo)));
        rings.push((r, Stroke::solid(2.5 * s, style.selected_outline)));
        extent = r + 2.75 * s;
    }
    (rings, extent)
}

/// Marker radius for a number of events, before scaling.
pub(super) fn marker_radius(style: &Style, count: usize) -> f32 {
    (style.marker_min_radius + 2.1 * (count as f32).sqrt()).min(style.marker_min_radius * 4.0)
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
        let mut count = 0;
        let mut severity: Option<u8> = None;
        for &e in atlas.timeline.events_of_city(c) {
            let ev = data.event(e);
            let at = effective_start(ev);
            if at > input.instant {
                break;
            }
            let today = ev.end_instant() >= day_start;
            if today {
                severity = Some(severity.map_or(ev.kind.severity(), |s| s.max(ev.kind.severity())));
            }
            if input.mode == EventMode::Cumulative || today {
                count += 1;
            }
        }
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
