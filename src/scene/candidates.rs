//! The names a map could show (cities, regions, countries and water), each with where it may
//! go and how much it matters; `labels` then places those that fit.

use super::hit::contains;
use super::input::SceneInput;
use super::labels::{Anchor, Candidate};
use super::markers::{MarkerState, marker_radius, marker_rings};
use crate::data::{ContextClass, Place, UnitKind};
use crate::geometry::{ContextGeometry, Projected, Transform};

pub(super) fn label_candidates(
    input: &SceneInput<'_>,
    t: &Transform,
    markers: &[MarkerState],
) -> Vec<Candidate> {
    let atlas = input.atlas;
    let data = &atlas.data;
    let style = input.style;
    let s = input.scale;
    let lang = input.lang;
    let mut out = Vec::new();
    // The outlines the regions were drawn with.
    let projected = atlas.geometry.projected(t, input.lod);

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

    // The regions' names depend on the view, not on the instant: kept with the outlines
    // while the timeline moves.
    let key = (
        lang,
        input.selected,
        s,
        style.region_label_size,
        style.text_muted,
    );
    let units = projected.derived(key, || unit_candidates(input, t, &projected));
    out.extend(units.iter().cloned());

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

/// The regions' names, each with the places it may go inside its region.
fn unit_candidates(input: &SceneInput<'_>, t: &Transform, projected: &Projected) -> Vec<Candidate> {
    let atlas = input.atlas;
    let data = &atlas.data;
    let style = input.style;
    let s = input.scale;
    let lang = input.lang;
    let mut out = Vec::new();
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
        let r = t.rect(mesh.bbox);
        let text = unit.short.get(lang);
        let size = style.region_label_size * s;
        let width = super::fonts::Metrics::get().width(text, size, false);
        if width > (r[2] - r[0]) * 0.9 {
            continue;
        }
        let selected = input.selected == Some(Place::Unit(u));
        // The label point first, then around it while the middle of the label stays inside the
        // region.
        let at = t.apply(geom.label_at);
        let height = super::fonts::Metrics::get().line_height(size);
        let rings = projected.unit_rings(&atlas.geometry, u.index());
        let rings = (!rings.is_empty()).then_some(&*rings);
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
            text: text.to_owned(),
            size,
            bold: selected,
            italic: false,
            color: style.text_muted,
            anchor: Anchor::Centers(centres),
            target: Some(Place::Unit(u)),
            priority: if selected {
                0
            } else {
                200 - ((r[2] - r[0]) / 10.0).min(90.0) as i32
            },
        });
    }
    out
}
