//! Building a scene: the map layers from the dataset at an instant, then labels, then the
//! overlay.

use super::geometry::{ContextGeometry, Lod, Mesh};
use super::hit::contains;
use super::labels::{self, Anchor, Box2, Candidate};
use super::project::{Transform, View};
use super::style::Style;
use super::{
    CircleShape, Layer, LayerKind, LineShape, PolygonShape, Scene, SceneMeta, Shape, Stroke,
};
use crate::atlas::Atlas;
use crate::data::{CityIdx, ContextClass, Place, UnitKind};
use crate::i18n::Lang;
use crate::time::{Instant, effective_start};
use serde::{Deserialize, Serialize};

/// Which cities and events a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EventMode {
    /// Everything that has happened so far.
    #[default]
    Cumulative,
    /// Only what happened on the shown day (up to the instant).
    DayOnly,
}

/// Which parts of the overlay to draw.
#[derive(Debug, Clone, Default)]
pub struct OverlayParts {
    /// A title line at the top (exports).
    pub title: Option<String>,
    /// The instant in words under the title (exports).
    pub date: bool,
    pub legend: bool,
    pub scale_bar: bool,
    pub attribution: bool,
    /// A progress bar, 0 to 1 (animation frames).
    pub progress: Option<f32>,
    /// Extra credit for a tile basemap ("© OpenStreetMap contributors").
    pub tiles_credit: Option<String>,
}

/// Everything a scene is built from.
#[derive(Clone)]
pub struct SceneInput<'a> {
    pub atlas: &'a Atlas,
    pub instant: Instant,
    pub view: View,
    /// Canvas size in points.
    pub size: [f32; 2],
    /// Multiplies text sizes and line widths (1 on screen; more for print).
    pub scale: f32,
    pub lang: Lang,
    pub lod: Lod,
    pub mode: EventMode,
    pub selected: Option<Place>,
    pub hovered: Option<Place>,
    /// Draw the vector context (neighbours, water); off when a tile basemap shows instead.
    pub context: bool,
    pub overlay: OverlayParts,
    pub style: &'a Style,
}

/// What a city marker shows at the instant.
pub(super) struct MarkerState {
    pub city: CityIdx,
    pub count: usize,
    /// Highest severity among the shown day's events up to the instant.
    pub severity: Option<u8>,
    /// The city's own unit status, when that unit has no outline to colour (Shymkent).
    pub own_status: bool,
}

/// Builds the scene.
pub fn build(input: &SceneInput<'_>) -> Scene {
    let atlas = input.atlas;
    let data = &atlas.data;
    let style = input.style;
    let s = input.scale;
    let t = input.view.transform(input.size);
    let canvas = [0.0, 0.0, input.size[0], input.size[1]];
    let day = data.meta.clock.day(input.instant);

    let mut context = Vec::new();
    if input.context {
        context_shapes(input, &t, &mut context);
    }

    let mut regions = Vec::new();
    let mut borders = Vec::new();
    let mut highlights = Vec::new();
    for u in data.unit_indices() {
        let Some(geom) = &atlas.geometry.units[u.index()] else {
            continue;
        };
        let mesh = geom.mesh(input.lod);
        if !visible(mesh.bbox, &t, input.size) {
            continue;
        }
        let status = atlas.timeline.status_at(data, u, input.instant);
        let rings = rings(mesh, &t);
        for ring in &rings {
            borders.push(Shape::Line(LineShape {
                id: None,
                points: ring.clone(),
                closed: true,
                stroke: Stroke::solid(style.unit_border_width * s, style.unit_border),
            }));
        }
        if atlas.timeline.status_changes_on(data, u, day) {
            for ring in &rings {
                highlights.push(Shape::Line(LineShape {
                    id: Some(format!("changed-{}", data.unit(u).id)),
                    points: ring.clone(),
                    closed: true,
                    stroke: Stroke {
                        width: 3.0 * s,
                        color: style.changed_outline,
                        dash: Some([7.0 * s, 4.0 * s]),
                    },
                }));
            }
        }
        let outline = if input.selected == Some(Place::Unit(u)) {
            Some(Stroke::solid(3.2 * s, style.selected_outline))
        } else if input.hovered == Some(Place::Unit(u)) {
            Some(Stroke::solid(2.2 * s, style.hover_outline))
        } else {
            None
        };
        if let Some(stroke) = outline {
            for ring in &rings {
                highlights.push(Shape::Line(LineShape {
                    id: None,
                    points: ring.clone(),
                    closed: true,
                    stroke,
                }));
            }
        }
        regions.push(Shape::Polygon(PolygonShape {
            id: data.unit(u).id.clone(),
            class: "unit",
            status: status.map(|p| data.period(p).status.clone()),
            target: Some(Place::Unit(u)),
            rings,
            triangles: mesh.triangles.clone(),
            fill: style.unit_fill_for(status.is_some()),
        }));
    }
    borders.extend(highlights);

    let marker_states = marker_states(input);
    let mut markers = Vec::new();
    let mut obstacles: Vec<Box2> = Vec::new();
    for m in &marker_states {
        let pos = t.apply(atlas.geometry.cities[m.city.index()]);
        let radius = marker_radius(style, m.count) * s;
        if !in_canvas(pos, radius, input.size) {
            continue;
        }
        let place = Place::City(m.city);
        let fill = match m.severity {
            Some(sev) => style.marker_fill[usize::from(sev.min(3))],
            None => style.marker_idle,
        };
        let outline_width = if input.selected == Some(place) {
            3.0
        } else if input.hovered == Some(place) {
            2.2
        } else {
            1.4
        };
        let (rings, extent) = marker_rings(input, m, radius);
        obstacles.push([
            pos[0] - extent,
            pos[1] - extent,
            pos[0] + extent,
            pos[1] + extent,
        ]);
        markers.push(Shape::Circle(CircleShape {
            id: Some(format!("city-{}", data.city(m.city).id)),
            target: Some(place),
            center: pos,
            radius: if m.count == 0 { 0.0 } else { radius },
            fill: (m.count > 0).then_some(fill),
            stroke: (m.count > 0).then(|| Stroke::solid(outline_width * s, style.marker_outline)),
            rings,
        }));
    }

    let overlay = super::overlay::build(input, &[&regions, &markers], &mut obstacles);
    let label_shapes = labels::place(
        label_candidates(input, &t, &marker_states, &regions),
        &obstacles,
        [2.0 * s, 2.0 * s, canvas[2] - 2.0 * s, canvas[3] - 2.0 * s],
        style.halo,
        3.0 * s,
    );

    Scene {
        size: input.size,
        view: input.view,
        background: input.context.then_some(style.background),
        layers: vec![
            Layer {
                kind: LayerKind::Context,
                shapes: context,
            },
            Layer {
                kind: LayerKind::Regions,
                shapes: regions,
            },
            Layer {
                kind: LayerKind::Borders,
                shapes: borders,
            },
            Layer {
                kind: LayerKind::Markers,
                shapes: markers,
            },
            Layer {
                kind: LayerKind::Labels,
                shapes: label_shapes.into_iter().map(Shape::Text).collect(),
            },
            Layer {
                kind: LayerKind::Overlay,
                shapes: overlay,
            },
        ],
        meta: meta(input),
    }
}

/// Only the background and the context layer (neighbours, water, rivers): the basemap drawn
/// under online tiles, which shows wherever tiles are missing.
pub fn build_basemap(input: &SceneInput<'_>) -> Scene {
    let t = input.view.transform(input.size);
    let mut context = Vec::new();
    context_shapes(input, &t, &mut context);
    Scene {
        size: input.size,
        view: input.view,
        background: Some(input.style.background),
        layers: vec![Layer {
            kind: LayerKind::Context,
            shapes: context,
        }],
        meta: meta(input),
    }
}

/// What a scene says about itself: title, instant, dataset and sources.
fn meta(input: &SceneInput<'_>) -> SceneMeta {
    let data = &input.atlas.data;
    let clock = data.meta.clock;
    SceneMeta {
        title: input
            .overlay
            .title
            .clone()
            .unwrap_or_else(|| data.meta.name.get(input.lang).to_owned()),
        instant: clock.iso(input.instant),
        instant_text: format!(
            "{} ({})",
            clock.long_text(input.lang, input.instant),
            data.meta.clock_label.get(input.lang)
        ),
        dataset: format!("{} {}", data.meta.id, data.meta.version),
        sources: data.meta.attribution.clone(),
    }
}

fn context_shapes(input: &SceneInput<'_>, t: &Transform, out: &mut Vec<Shape>) {
    let atlas = input.atlas;
    let style = input.style;
    let s = input.scale;
    // Land first, then special areas, then water on top, then rivers.
    let order = [
        ContextClass::Land,
        ContextClass::Special,
        ContextClass::Water,
        ContextClass::River,
    ];
    for class in order {
        for (f, geom) in atlas.data.context.iter().zip(&atlas.geometry.context) {
            if f.class != class {
                continue;
            }
            match geom {
                ContextGeometry::Area { meshes, .. } => {
                    let mesh = meshes.mesh(input.lod);
                    if !visible(mesh.bbox, t, input.size) {
                        continue;
                    }
                    let (fill, border, class_id) = match class {
                        ContextClass::Land => (style.land, Some(style.land_border), "land"),
                        ContextClass::Special => {
                            (style.special, Some(style.special_border), "special")
                        }
                        _ => (style.water, None, "water"),
                    };
                    let rings = rings(mesh, t);
                    if let Some(color) = border {
                        for ring in &rings {
                            out.push(Shape::Line(LineShape {
                                id: None,
                                points: ring.clone(),
                                closed: true,
                                stroke: Stroke::solid(0.9 * s, color),
                            }));
                        }
                    }
                    // Fill before its border: insert the polygon ahead of the lines just pushed.
                    let at = out.len() - if border.is_some() { rings.len() } else { 0 };
                    out.insert(
                        at,
                        Shape::Polygon(PolygonShape {
                            id: f.id.clone(),
                            class: class_id,
                            status: None,
                            target: None,
                            rings,
                            triangles: mesh.triangles.clone(),
                            fill,
                        }),
                    );
                }
                ContextGeometry::Lines(lines) => {
                    if !visible(lines.bbox, t, input.size) {
                        continue;
                    }
                    for line in &lines.lines {
                        out.push(Shape::Line(LineShape {
                            id: None,
                            points: line.iter().map(|&p| t.apply(p)).collect(),
                            closed: false,
                            stroke: Stroke::solid(1.0 * s, style.river),
                        }));
                    }
                }
            }
        }
    }
}

/// The mesh's rings in canvas points.
fn rings(mesh: &Mesh, t: &Transform) -> Vec<Vec<[f32; 2]>> {
    mesh.rings
        .iter()
        .map(|r| {
            mesh.vertices[r.start as usize..r.end as usize]
                .iter()
                .map(|&v| t.apply(v))
                .collect()
        })
        .collect()
}

fn visible(bbox: [f64; 4], t: &Transform, size: [f32; 2]) -> bool {
    let a = t.apply([bbox[0], bbox[1]]);
    let b = t.apply([bbox[2], bbox[3]]);
    a[0] <= size[0] && b[0] >= 0.0 && a[1] <= size[1] && b[1] >= 0.0
}

fn in_canvas(p: [f32; 2], r: f32, size: [f32; 2]) -> bool {
    p[0] + r >= 0.0 && p[0] - r <= size[0] && p[1] + r >= 0.0 && p[1] - r <= size[1]
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
fn marker_rings(input: &SceneInput<'_>, m: &MarkerState, radius: f32) -> (Vec<(f32, Stroke)>, f32) {
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

fn label_candidates(
    input: &SceneInput<'_>,
    t: &Transform,
    markers: &[MarkerState],
    regions: &[Shape],
) -> Vec<Candidate> {
    let atlas = input.atlas;
    let data = &atlas.data;
    let style = input.style;
    let s = input.scale;
    let lang = input.lang;
    let mut out = Vec::new();

    for m in markers.iter().filter(|m| m.count > 0) {
        let place = Place::City(m.city);
        let selected = input.selected == Some(place);
        let (_, radius) = marker_rings(input, m, marker_radius(style, m.count) * s);
        let priority = if selected {
            0
        } else if m.severity.is_some() {
            100 - m.count.min(90) as i32
        } else {
            300 - m.count.min(90) as i32
        };
        out.push(Candidate {
            text: data.city(m.city).names.get(lang).to_owned(),
            size: style.city_label_size * s,
            bold: selected || m.severity.is_some_and(|v| v >= 2),
            italic: false,
            color: style.text,
            anchor: Anchor::Beside {
                center: t.apply(atlas.geometry.cities[m.city.index()]),
                radius,
            },
            target: Some(place),
            priority,
        });
    }

    for u in data.unit_indices() {
        let unit = data.unit(u);
        let Some(geom) = &atlas.geometry.units[u.index()] else {
            continue;
        };
        if unit.kind == UnitKind::City {
            // Cities with the status of a region are named by their city marker.
            continue;
        }
        let mesh = geom.mesh(input.lod);
        let a = t.apply([mesh.bbox[0], mesh.bbox[1]]);
        let b = t.apply([mesh.bbox[2], mesh.bbox[3]]);
        let text = unit.short.get(lang).to_owned();
        let size = style.region_label_size * s;
        let width = super::fonts::Metrics::get().width(&text, size, false);
        if width > (b[0] - a[0]) * 0.9 {
            continue;
        }
        let selected = input.selected == Some(Place::Unit(u));
        // The label point first, then around it while the middle of the label stays inside the
        // region.
        let at = t.apply(geom.label_at);
        let height = super::fonts::Metrics::get().line_height(size);
        let rings = regions.iter().find_map(|r| match r {
            Shape::Polygon(p) if p.target == Some(Place::Unit(u)) => Some(&p.rings),
            _ => None,
        });
        let centres = [
            0.0f32, -1.6, 1.6, -3.2, 3.2, -4.8, 4.8, -6.4, 6.4, -8.0, 8.0,
        ]
        .iter()
        .flat_map(|ky| [0.0f32, -0.6, 0.6].map(|kx| [kx, *ky]))
        .map(|[kx, ky]| [at[0] + kx * width, at[1] + ky * height])
        .enumerate()
        .filter(|(i, c)| {
            *i == 0
                || rings.is_some_and(|rings| {
                    [-0.3, 0.0, 0.3]
                        .iter()
                        .all(|x| contains(rings, [c[0] + x * width, c[1]]))
                })
        })
        .map(|(_, c)| c)
        .collect();
        out.push(Candidate {
            text,
            size,
            bold: selected,
            italic: false,
            color: style.text_muted,
            anchor: Anchor::Centers(centres),
            target: Some(Place::Unit(u)),
            priority: if selected {
                0
            } else {
                200 - ((b[0] - a[0]) / 10.0).min(90.0) as i32
            },
        });
    }

    for (f, geom) in data.context.iter().zip(&atlas.geometry.context) {
        let (
            ContextGeometry::Area {
                label_at: Some(at), ..
            },
            Some(names),
        ) = (geom, &f.names)
        else {
            continue;
        };
        let (size, color, italic, priority) = match f.class {
            ContextClass::Water => (style.water_label_size, style.water_text, true, 400),
            ContextClass::Land => (style.country_label_size, style.text_muted, false, 450),
            ContextClass::Special => (style.water_label_size * 0.9, style.text_muted, false, 350),
            ContextClass::River => continue,
        };
        out.push(Candidate {
            text: names.get(lang).to_owned(),
            size: size * s,
            bold: false,
            italic,
            color,
            anchor: Anchor::Center(t.apply(*at)),
            target: None,
            priority,
        });
    }
    out
}
