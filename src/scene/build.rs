//! Building a scene: the map layers from the dataset at an instant, then labels, then the
//! overlay.

use super::candidates::label_candidates;
use super::input::SceneInput;
use super::labels::{self, Box2};
use super::markers::{marker_radius, marker_rings, marker_states, sometime_stroke};
use super::shapes::{
    CircleShape, Layer, LayerKind, LineShape, LinesShape, PolygonClass, PolygonShape, Scene,
    SceneMeta, Shape, Stroke,
};
use crate::data::{ContextClass, Place, Standing, UnitIdx};
use crate::geometry::{ContextGeometry, Projected, ProjectedPolygon, Transform};
use std::sync::Arc;

/// Builds the scene.
pub fn build(input: &SceneInput<'_>) -> Scene {
    let atlas = input.atlas;
    let data = &atlas.data;
    let style = input.style;
    let s = input.scale;
    let t = input.transform();
    let canvas = [0.0, 0.0, input.size[0], input.size[1]];
    let projected = atlas.geometry.projected(&t, input.lod);

    let mut context = Vec::new();
    if input.context {
        context_shapes(input, &t, &projected, &mut context);
    }

    let mut regions = Vec::new();
    let mut borders = Vec::new();
    let mut highlights = Vec::new();
    let mut hatches = Vec::new();
    // The units in view and their outlines, first: reading each outline's reference count
    // here, with nothing between the reads, lets the processor fetch thousands of them from
    // memory at once; the shapes below then count them where they are already at hand,
    // instead of waiting on memory for each unit in turn (most of building a scene of a
    // whole continent's units, as measured).
    let in_view: Vec<(UnitIdx, &Arc<ProjectedPolygon>)> = (data.unit_indices())
        .filter(|u| {
            (atlas.geometry.units[u.index()].as_ref())
                .is_some_and(|g| visible(g.mesh(input.lod).bbox, &t, input.size))
        })
        .filter_map(|u| Some((u, projected.unit(&atlas.geometry, u.index())?)))
        .collect();
    let counts: usize = in_view.iter().map(|(_, p)| Arc::strong_count(p)).sum();
    std::hint::black_box(counts);
    for &(u, polygon) in &in_view {
        let standing = atlas.timeline.standing_at(data, u, input.instant);
        let status = standing.filter(|&(_, s)| s == Standing::In).map(|(p, _)| p);
        let uncertain = standing
            .filter(|&(_, s)| s == Standing::Uncertain)
            .map(|(p, _)| data.period(p).status);
        let rings = &polygon.rings;
        if uncertain.is_some() {
            hatches.extend(super::hatch::hatch_lines(rings, style, s));
        }
        if atlas.timeline.status_changed_by(data, u, input.instant) {
            for ring in rings.iter() {
                highlights.push(Shape::Line(LineShape {
                    id: Some(format!("changed-{}", data.unit(u).id)),
                    points: Arc::clone(ring),
                    closed: true,
                    stroke: Stroke {
                        width: style.widths.changed * s,
                        color: style.changed_outline,
                        dash: Some(style.widths.changed_dash.map(|d| d * s)),
                    },
                }));
            }
        }
        let outline = if input.selected == Some(Place::Unit(u)) {
            Some(Stroke::solid(
                style.widths.selected * s,
                style.selected_outline,
            ))
        } else if input.hovered == Some(Place::Unit(u)) {
            Some(Stroke::solid(style.widths.hover * s, style.hover_outline))
        } else {
            None
        };
        if let Some(stroke) = outline {
            for ring in rings.iter() {
                highlights.push(Shape::Line(LineShape {
                    id: None,
                    points: Arc::clone(ring),
                    closed: true,
                    stroke,
                }));
            }
        }
        regions.push(Shape::Polygon(PolygonShape {
            polygon: Arc::clone(polygon),
            class: PolygonClass::Unit {
                status: status.map(|p| data.period(p).status),
                uncertain,
            },
            target: Some(Place::Unit(u)),
            fill: {
                let under = status.map(|p| style.status_colour(&data.meta, data.period(p).status));
                match input.fades.and_then(|f| f.units.get(u.index())) {
                    Some(&t) if uncertain.is_none() => {
                        style.unit_fill.mix(under.unwrap_or(style.status_fill), t)
                    }
                    _ => under.unwrap_or(style.unit_fill),
                }
            },
        }));
    }
    regions.extend(hatches);
    // Each stretch of border once, though two units share it: one shape for them all, which
    // shares the projected lines and lists those in view.
    let runs = atlas.geometry.border_runs(input.lod);
    let (lines, closed) = projected.borders(&atlas.geometry);
    let shown: Vec<u32> = (runs.iter().enumerate())
        .filter(|(_, run)| visible(run.bbox, &t, input.size))
        .map(|(i, _)| i as u32)
        .collect();
    if !shown.is_empty() {
        borders.push(Shape::Lines(LinesShape {
            lines: Arc::clone(lines),
            closed: Arc::clone(closed),
            shown,
            stroke: Stroke::solid(style.unit_border_width * s, style.unit_border),
        }));
    }

    let (marker_states, clusters) = super::clusters::merge(input, &t, marker_states(input));
    let mut markers = Vec::new();
    let mut obstacles: Vec<Box2> = Vec::new();
    for (i, c) in clusters.iter().enumerate() {
        let e = super::clusters::extent(c, s);
        obstacles.push([
            c.center[0] - e,
            c.center[1] - e,
            c.center[0] + e,
            c.center[1] + e,
        ]);
        let id = Some(format!("cluster-{}", i + 1));
        markers.extend(super::clusters::cluster_shapes(style, s, c, id));
    }
    for m in &marker_states {
        let pos = t.apply(atlas.geometry.cities[m.city.index()]);
        // `merge` has left out the markers off the canvas.
        let radius = marker_radius(style, m.count) * s;
        let place = Place::City(m.city);
        let fill = match m.severity {
            _ if !m.certain => style.unit_fill,
            Some(sev) => style.marker_fill[usize::from(sev.min(3))],
            None => style.marker_idle,
        };
        let outline_width = if input.selected == Some(place) {
            style.widths.marker_selected
        } else if input.hovered == Some(place) {
            style.widths.marker_hover
        } else {
            style.widths.marker_outline
        };
        let (rings, extent) = marker_rings(input, m, radius);
        obstacles.push([
            pos[0] - extent,
            pos[1] - extent,
            pos[0] + extent,
            pos[1] + extent,
        ]);
        let shown = input
            .fades
            .and_then(|f| f.cities.get(m.city.index()))
            .copied()
            .unwrap_or(1.0);
        let dim = |c: super::style::Rgba| {
            let c = if m.dimmed { c.with_alpha(70) } else { c };
            c.with_alpha((f32::from(c.0[3]) * shown).round() as u8)
        };
        let fill = dim(fill);
        markers.push(Shape::Circle(CircleShape {
            id: Some(format!("city-{}", data.city(m.city).id)),
            target: Some(place),
            center: pos,
            radius: if m.count == 0 { 0.0 } else { radius },
            fill: (m.count > 0).then_some(fill),
            stroke: (m.count > 0).then(|| {
                let stroke = if m.certain {
                    Stroke::solid(outline_width * s, style.marker_outline)
                } else {
                    Stroke {
                        width: sometime_stroke(style, s).width.max(outline_width * s),
                        ..sometime_stroke(style, s)
                    }
                };
                Stroke {
                    color: dim(stroke.color),
                    ..stroke
                }
            }),
            rings,
        }));
    }

    let overlay = super::overlay::build(
        input,
        &[&regions, &markers],
        &mut obstacles,
        !clusters.is_empty(),
    );
    let label_shapes = labels::place(
        label_candidates(input, &t, &marker_states),
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
                kind: LayerKind::Highlights,
                shapes: highlights,
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
        region_boxes: Default::default(),
        clusters,
    }
}

/// Only the background and the context layer (neighbours, water, rivers): the basemap drawn
/// under online tiles, which shows wherever tiles are missing.
pub fn build_basemap(input: &SceneInput<'_>) -> Scene {
    let t = input.transform();
    let mut context = Vec::new();
    let projected = input.atlas.geometry.projected(&t, input.lod);
    context_shapes(input, &t, &projected, &mut context);
    Scene {
        size: input.size,
        view: input.view,
        background: Some(input.style.background),
        layers: vec![Layer {
            kind: LayerKind::Context,
            shapes: context,
        }],
        meta: meta(input),
        region_boxes: Default::default(),
        clusters: Vec::new(),
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
            clock.labelled(data.meta.clock_label.get(input.lang), input.instant)
        ),
        dataset: format!("{} {}", data.meta.id, data.meta.version),
        projection: input.projector.kind(),
        projection_definition: input.projector.definition(),
        sources: data.meta.attribution.clone(),
        status_keys: data.meta.statuses.iter().map(|s| s.key.clone()).collect(),
    }
}

fn context_shapes(
    input: &SceneInput<'_>,
    t: &Transform,
    projected: &Projected,
    out: &mut Vec<Shape>,
) {
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
        for (i, (f, geom)) in atlas
            .data
            .context
            .iter()
            .zip(&atlas.geometry.context)
            .enumerate()
        {
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
                        ContextClass::Land => {
                            (style.land, Some(style.land_border), PolygonClass::Land)
                        }
                        ContextClass::Special => (
                            style.special,
                            Some(style.special_border),
                            PolygonClass::Special,
                        ),
                        _ => (style.water, None, PolygonClass::Water),
                    };
                    let Some(polygon) = projected.context_area(&atlas.geometry, i) else {
                        continue;
                    };
                    let rings = &polygon.rings;
                    if let Some(color) = border {
                        for ring in rings.iter() {
                            out.push(Shape::Line(LineShape {
                                id: None,
                                points: Arc::clone(ring),
                                closed: true,
                                stroke: Stroke::solid(style.widths.context_border * s, color),
                            }));
                        }
                    }
                    // Fill before its border: insert the polygon ahead of the lines just pushed.
                    let at = out.len() - if border.is_some() { rings.len() } else { 0 };
                    out.insert(
                        at,
                        Shape::Polygon(PolygonShape {
                            polygon: Arc::clone(polygon),
                            class: class_id,
                            target: None,
                            fill,
                        }),
                    );
                }
                ContextGeometry::Lines(lines) => {
                    if !visible(lines.bbox, t, input.size) {
                        continue;
                    }
                    for line in projected.context(&atlas.geometry, i).iter() {
                        out.push(Shape::Line(LineShape {
                            id: None,
                            points: Arc::clone(line),
                            closed: false,
                            stroke: Stroke::solid(style.widths.river * s, style.river),
                        }));
                    }
                }
            }
        }
    }
}

fn visible(bbox: [f64; 4], t: &Transform, size: [f32; 2]) -> bool {
    let r = t.rect(bbox);
    r[0] <= size[0] && r[2] >= 0.0 && r[1] <= size[1] && r[3] >= 0.0
}
