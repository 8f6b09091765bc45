//! Markers merged when many places are in view: past [`MAX_MARKERS`] markers on the canvas,
//! the places that share a cell of a grid fixed to the map become one marker with their number
//! on it. A click on it zooms to them. Exports and the window build the same scene, so they
//! merge the same places.

use super::fonts::Metrics;
use super::input::SceneInput;
use super::markers::{MarkerState, OwnStatus, in_canvas, marker_radius};
use super::shapes::{CircleShape, Cluster, Shape, Stroke, TextShape};
use super::style::Style;
use crate::data::Place;
use crate::geometry::Transform;
use std::collections::HashMap;

/// Up to this many markers on the canvas, every place has its own.
pub const MAX_MARKERS: usize = 300;
/// The side of a cell of places merged into one marker, in points at scale 1.
const CELL: f32 = 48.0;

/// Splits the markers into those drawn alone and clusters: nothing is merged while at most
/// [`MAX_MARKERS`] markers are on the canvas. The selected place, and a city with a status of
/// its own (whose ring shows that status), always keep their own markers.
/// Markers off the canvas are dropped.
pub(super) fn merge(
    input: &SceneInput<'_>,
    t: &Transform,
    states: Vec<MarkerState>,
) -> (Vec<MarkerState>, Vec<Cluster>) {
    let s = input.scale;
    let atlas = input.atlas;
    let placed: Vec<(MarkerState, [f32; 2])> = states
        .into_iter()
        .filter_map(|m| {
            let pos = t.apply(atlas.geometry.cities[m.city.index()]);
            let r = marker_radius(input.style, m.count) * s;
            in_canvas(pos, r, input.size).then_some((m, pos))
        })
        .collect();
    if placed.len() <= MAX_MARKERS {
        return (placed.into_iter().map(|(m, _)| m).collect(), Vec::new());
    }
    // Cells are fixed to the map (counted from the canvas position of its origin), so that
    // panning moves clusters with the map instead of regrouping them.
    let origin = t.apply([0.0, 0.0]);
    let cell = CELL * s;
    let mut cells: HashMap<(i64, i64), Vec<usize>> = HashMap::new();
    for (i, (m, pos)) in placed.iter().enumerate() {
        if input.selected == Some(Place::City(m.city)) || m.own_status != OwnStatus::None {
            continue;
        }
        let key = (
            ((pos[0] - origin[0]) / cell).floor() as i64,
            ((pos[1] - origin[1]) / cell).floor() as i64,
        );
        cells.entry(key).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = cells.into_values().filter(|g| g.len() > 1).collect();
    groups.sort_unstable_by_key(|g| g[0]);
    let mut merged = vec![false; placed.len()];
    let clusters = groups
        .iter()
        .map(|g| {
            for &i in g {
                merged[i] = true;
            }
            cluster(input, g.iter().map(|&i| (&placed[i].0, placed[i].1)))
        })
        .collect();
    let alone = placed
        .into_iter()
        .zip(merged)
        .filter(|(_, merged)| !merged)
        .map(|((m, _), _)| m)
        .collect();
    (alone, clusters)
}

fn cluster<'a>(
    input: &SceneInput<'_>,
    members: impl Iterator<Item = (&'a MarkerState, [f32; 2])>,
) -> Cluster {
    let data = &input.atlas.data;
    let mut c = Cluster {
        center: [0.0, 0.0],
        radius: 0.0,
        area: [f64::MAX, f64::MAX, f64::MIN, f64::MIN],
        places: 0,
        events: 0,
        severity: None,
        certain: false,
        dimmed: true,
    };
    for (m, pos) in members {
        c.center = [c.center[0] + pos[0], c.center[1] + pos[1]];
        let p = data.city(m.city).position;
        c.area = [
            c.area[0].min(p.x()),
            c.area[1].min(p.y()),
            c.area[2].max(p.x()),
            c.area[3].max(p.y()),
        ];
        c.places += 1;
        c.events += m.count;
        if m.certain {
            c.certain = true;
            c.severity = c.severity.max(m.severity);
        }
        c.dimmed &= m.dimmed;
    }
    let n = c.places.max(1) as f32;
    c.center = [c.center[0] / n, c.center[1] / n];
    let s = input.scale;
    let size = number_size(input.style, s);
    let text_w = Metrics::get().width(&c.places.to_string(), size, true);
    c.radius = (marker_radius(input.style, c.events) * s)
        .max(text_w / 2.0 + 4.0 * s)
        .max(11.0 * s);
    c
}

fn number_size(style: &Style, s: f32) -> f32 {
    style.city_label_size * 0.9 * s
}

/// The shapes of a cluster's marker: a disc in the colour a marker of its places would have,
/// a second ring that says "several", and their number.
pub(super) fn cluster_shapes(style: &Style, s: f32, c: &Cluster, id: Option<String>) -> [Shape; 2] {
    let fill = match c.severity {
        _ if !c.certain => style.unit_fill,
        Some(sev) => style.marker_fill[usize::from(sev.min(3))],
        None => style.marker_idle,
    };
    let alpha = |rgba: super::style::Rgba| if c.dimmed { rgba.with_alpha(70) } else { rgba };
    let outline = style.widths.marker_outline * s;
    let number = c.places.to_string();
    let size = number_size(style, s);
    let m = Metrics::get();
    let width = m.width(&number, size, true);
    [
        Shape::Circle(CircleShape {
            id,
            target: None,
            center: c.center,
            radius: c.radius,
            fill: Some(alpha(fill)),
            stroke: Some(Stroke::solid(outline, alpha(style.marker_outline))),
            rings: vec![
                (
                    c.radius + 2.5 * s,
                    Stroke::solid(3.0 * s, alpha(style.halo)),
                ),
                (
                    c.radius + 2.5 * s,
                    Stroke::solid(outline, alpha(style.marker_outline)),
                ),
            ],
        }),
        Shape::Text(TextShape {
            text: number,
            min: [
                c.center[0] - width / 2.0,
                c.center[1] - m.line_height(size) / 2.0,
            ],
            width,
            size,
            bold: true,
            italic: false,
            color: alpha(style.text),
            halo: Some(alpha(style.halo)),
            target: None,
        }),
    ]
}

/// How far a cluster's marker reaches from its centre, with its ring.
pub(super) fn extent(c: &Cluster, s: f32) -> f32 {
    c.radius + 4.0 * s
}
