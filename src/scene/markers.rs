//! City markers: which cities show at the instant, how big, of which severity, and the rings
//! that mark a city's own status or the selection.

use super::input::{EventMode, SceneInput};
use super::shapes::Stroke;
use super::style::Style;
use crate::clock::Instant;
use crate::data::{CityIdx, Place, Standing, UnitKind};

/// What a city marker shows at the instant.
pub(super) struct MarkerState {
    pub city: CityIdx,
    pub count: usize,
    /// Highest severity among the shown day's events up to the instant.
    pub severity: Option<u8>,
    /// True when at least one counted event has certainly happened; false while every one of
    /// them is of unknown time on a day (or part of it) that is not over: "sometime today".
    pub certain: bool,
    /// The status of the unit the city is, when it is a city with the status of a region
    /// (Nur-Sultan, Almaty, Shymkent): its outline is a few pixels or none at country scale.
    pub own_status: OwnStatus,
    /// A story chapter is being told and none of its events is at this city.
    pub dimmed: bool,
}

/// A city-unit's own status, shown as a ring round its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OwnStatus {
    None,
    Certain,
    Uncertain,
}

/// The rings that mark a city's own status around a marker of `radius`: a dark band with an
/// orange band on it; when the status is uncertain, a light band with orange dashes on it.
pub(super) fn status_rings(
    style: &Style,
    radius: f32,
    s: f32,
    certain: bool,
) -> Vec<(f32, Stroke)> {
    let band = style.widths.status_band * s;
    let r = radius + 1.0 * s + band / 2.0 + 1.0 * s;
    let edge = band + style.widths.status_band_edge * s;
    let orange = style.status_fill.with_alpha(255);
    if certain {
        vec![
            (r, Stroke::solid(edge, style.marker_outline)),
            (r, Stroke::solid(band, orange)),
        ]
    } else {
        vec![
            (r, Stroke::solid(edge, style.unit_fill)),
            (
                r,
                Stroke {
                    width: band,
                    color: orange,
                    dash: Some([3.0 * s, 2.5 * s]),
                },
            ),
        ]
    }
}

/// The outline of a marker whose events are all of unknown hour on a day not yet over: dark
/// dashes round a light disc.
pub(super) fn sometime_stroke(style: &Style, s: f32) -> Stroke {
    Stroke {
        width: style.widths.marker_outline * s * 1.6,
        color: style.marker_outline,
        dash: Some([3.5 * s, 2.5 * s]),
    }
}

/// The rings around a marker of `radius` (its city's own status, the selection) and how far
/// from its centre the marker reaches with them.
pub(super) fn marker_rings(
    input: &SceneInput<'_>,
    m: &MarkerState,
    radius: f32,
) -> (Vec<(f32, Stroke)>, f32) {
    let (style, s) = (input.style, input.scale);
    let inner = if m.count == 0 { 3.0 * s } else { radius };
    let mut rings = match m.own_status {
        OwnStatus::None => Vec::new(),
        OwnStatus::Certain => status_rings(style, inner, s, true),
        OwnStatus::Uncertain => status_rings(style, inner, s, false),
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

/// True when a marker at `p` of radius `r` shows at least in part on a canvas of `size`.
pub(super) fn in_canvas(p: [f32; 2], r: f32, size: [f32; 2]) -> bool {
    p[0] + r >= 0.0 && p[0] - r <= size[0] && p[1] + r >= 0.0 && p[1] - r <= size[1]
}

/// Marker radius for a number of events, before scaling.
pub(super) fn marker_radius(style: &Style, count: usize) -> f32 {
    (style.marker_min_radius + 2.1 * (count as f32).sqrt()).min(style.marker_min_radius * 4.0)
}

/// One event of a city, as a marker counts it: the first instant it may have happened, the
/// instant by which it certainly had, the last instant it covers, and its severity.
#[derive(Debug, Clone, Copy)]
pub(super) struct Counted {
    pub earliest: Instant,
    pub certain_from: Instant,
    pub end: Instant,
    pub severity: u8,
}

/// What a marker shows at an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tally {
    pub count: usize,
    /// Highest severity among the shown day's events so far.
    pub severity: Option<u8>,
    /// At least one counted event has certainly happened.
    pub certain: bool,
}

/// What a city's marker counts at `instant`: how many of its `events` (in order of their
/// earliest instant) may have happened by then (all so far, or in [`EventMode::DayOnly`] those
/// of the shown day), the highest severity among the shown day's events so far, and whether any
/// of the counted ones has certainly happened. An event counts as the shown day's when it lasts
/// into that day (it ends at or after `day_start`, or may still be happening).
fn count_events(
    events: impl Iterator<Item = Counted>,
    instant: Instant,
    day_start: Instant,
    mode: EventMode,
) -> Tally {
    let mut tally = Tally {
        count: 0,
        severity: None,
        certain: false,
    };
    for e in events {
        if e.earliest > instant {
            break;
        }
        let today = e.end >= day_start || e.certain_from > day_start;
        if today {
            tally.severity = Some(tally.severity.map_or(e.severity, |s| s.max(e.severity)));
        }
        if mode == EventMode::Cumulative || today {
            tally.count += 1;
            tally.certain |= e.certain_from <= instant;
        }
    }
    tally
}

/// Which cities have markers, how big and of which severity.
pub(super) fn marker_states(input: &SceneInput<'_>) -> Vec<MarkerState> {
    let atlas = input.atlas;
    let data = &atlas.data;
    let clock = data.meta.clock;
    let day = clock.day(input.instant);
    let day_start = clock.day_start(day);
    let highlighted = input
        .chapter
        .and_then(|i| data.story.get(i))
        .map(|ch| ch.events.as_slice())
        .filter(|events| !events.is_empty());
    let mut out = Vec::new();
    for c in data.city_indices() {
        let mask = input.events.as_deref();
        let events = (atlas.timeline.city_events(c).iter())
            .filter(|e| super::filter::passes(mask, e.event))
            .map(|e| Counted {
                earliest: e.earliest,
                certain_from: e.certain_from,
                end: e.end,
                severity: e.severity,
            });
        let tally = count_events(events, input.instant, day_start, input.mode);
        let unit = data.city(c).unit;
        let own_status = if data.unit(unit).kind != UnitKind::City {
            OwnStatus::None
        } else {
            match atlas.timeline.standing_at(data, unit, input.instant) {
                Some((_, Standing::In)) => OwnStatus::Certain,
                Some((_, Standing::Uncertain)) => OwnStatus::Uncertain,
                _ => OwnStatus::None,
            }
        };
        if tally.count > 0 || own_status != OwnStatus::None {
            out.push(MarkerState {
                city: c,
                count: tally.count,
                severity: tally.severity,
                certain: tally.certain,
                own_status,
                dimmed: highlighted.is_some_and(|events| {
                    !events
                        .iter()
                        .any(|&e| data.event(e).place == Place::City(c))
                }),
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

    fn known(start: Instant, end: Instant, severity: u8) -> Counted {
        Counted {
            earliest: start,
            certain_from: start,
            end,
            severity,
        }
    }

    /// Four events of one city: a protest two days ago, a clash yesterday evening that lasts
    /// into today, violence this morning; and a protest later today.
    fn city_events(day_start: Instant) -> Vec<Counted> {
        let at = |minutes: i64| day_start.plus_minutes(minutes);
        vec![
            known(at(-2 * DAY + 10 * HOUR), at(-2 * DAY + 10 * HOUR), 1),
            known(at(-4 * HOUR), at(2 * HOUR), 2),
            known(at(9 * HOUR), at(9 * HOUR), 3),
            known(at(15 * HOUR), at(15 * HOUR), 1),
        ]
    }

    fn tally(count: usize, severity: Option<u8>) -> Tally {
        Tally {
            count,
            severity,
            certain: count > 0,
        }
    }

    #[test]
    fn cumulative_markers_count_every_event_so_far() {
        let day = Instant::from_unix_minutes(1000 * DAY);
        let noon = day.plus_minutes(12 * HOUR);
        let events = city_events(day);
        let t = count_events(events.into_iter(), noon, day, EventMode::Cumulative);
        assert_eq!(
            t.count, 3,
            "the two earlier days and this morning, not this afternoon"
        );
        assert_eq!(
            t.severity,
            Some(3),
            "the day's worst so far is the morning's violence"
        );
    }

    #[test]
    fn day_only_markers_count_the_shown_days_events_and_those_lasting_into_it() {
        let day = Instant::from_unix_minutes(1000 * DAY);
        let noon = day.plus_minutes(12 * HOUR);
        let events = city_events(day);
        let t = count_events(events.into_iter(), noon, day, EventMode::DayOnly);
        assert_eq!(
            t.count, 2,
            "yesterday's clash lasts into today; this morning's violence"
        );
        assert_eq!(t.severity, Some(3));
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
            Tally {
                severity: None,
                ..tally(4, None)
            }
        );
        assert_eq!(
            count_events(so_far(), evening, tomorrow, EventMode::DayOnly),
            tally(0, None)
        );
    }

    #[test]
    fn an_event_of_unknown_hour_is_counted_as_sometime_today_until_its_day_is_over() {
        let day = Instant::from_unix_minutes(1000 * DAY);
        let sometime = Counted {
            earliest: day,
            certain_from: day.plus_minutes(DAY),
            end: day,
            severity: 1,
        };
        let at = |m| count_events([sometime].into_iter(), m, day, EventMode::Cumulative);
        assert_eq!(at(day.plus_minutes(-1)).count, 0, "not before its day");
        let midnight = at(day);
        assert_eq!((midnight.count, midnight.certain), (1, false));
        let late = at(day.plus_minutes(DAY - 1));
        assert!(!late.certain, "still only sometime today at 23:59");
        let next = count_events(
            [sometime].into_iter(),
            day.plus_minutes(DAY),
            day.plus_minutes(DAY),
            EventMode::Cumulative,
        );
        assert!(next.certain, "it happened, once its day is over");
    }
}
