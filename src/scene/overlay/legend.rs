//! The legend: what each colour, outline, dot and ring means, laid out in one to three columns
//! in the corner where it hides the least of the map.

use super::draw::{panel, rect, text_shape};
use super::entries::{Entry, Swatch, legend_entries};
use super::placement::{Coverage, legend_corner, units_inside};
use crate::i18n::{Msg, tr};
use crate::scene::clusters::cluster_shapes;
use crate::scene::fonts::Metrics;
use crate::scene::hatch::hatch_lines;
use crate::scene::input::SceneInput;
use crate::scene::labels::Box2;
use crate::scene::markers::{marker_radius, sometime_stroke, status_rings};
use crate::scene::shapes::{CircleShape, LineShape, PolygonClass, Shape, Stroke};

/// The three circles of the size swatch: (x offset of the centre, radius).
fn size_circles(input: &SceneInput<'_>, row_h: f32) -> Vec<(f32, f32)> {
    let s = input.scale;
    let mut x = 0.0;
    [1usize, 9, 30]
        .into_iter()
        .map(|count| {
            let r = (marker_radius(input.style, count) * s).min(row_h / 2.0 - 1.0 * s);
            let c = (x + r, r);
            x += 2.0 * r + 2.0 * s;
            c
        })
        .collect()
}

fn dot_radius(input: &SceneInput<'_>) -> f32 {
    6.0 * input.scale
}

/// A legend laid out in columns, filled column by column.
struct Layout {
    size: [f32; 2],
    /// Each entry's cell: top-left corner relative to the legend.
    cells: Vec<[f32; 2]>,
}

fn layout(input: &SceneInput<'_>, entries: &[Entry], columns: usize, dims: &Dims) -> Layout {
    let m = Metrics::get();
    let per_col = entries.len().div_ceil(columns.max(1));
    let mut cells = Vec::with_capacity(entries.len());
    let mut x = dims.pad;
    for chunk in entries.chunks(per_col.max(1)) {
        let mut col_w: f32 = 0.0;
        for (row, e) in chunk.iter().enumerate() {
            cells.push([x, dims.pad + dims.title_h + row as f32 * dims.row_h]);
            let symbol = match e.swatch {
                Swatch::Sizes => size_circles(input, dims.row_h)
                    .last()
                    .map_or(dims.sw, |(c, r)| c + r),
                _ => dims.sw,
            };
            col_w = col_w.max(symbol + dims.gap + m.width(&e.text, dims.text_size, false));
        }
        x += col_w + dims.col_gap;
    }
    let width = x - dims.col_gap + dims.pad;
    let title_w = m.width(tr(input.lang, Msg::LegendTitle), dims.text_size, true) + 2.0 * dims.pad;
    Layout {
        size: [
            width.max(title_w),
            2.0 * dims.pad + dims.title_h + per_col as f32 * dims.row_h,
        ],
        cells,
    }
}

/// Sizes shared by legend layouts.
struct Dims {
    text_size: f32,
    row_h: f32,
    sw: f32,
    gap: f32,
    pad: f32,
    col_gap: f32,
    title_h: f32,
}

/// Draws the legend where it hides least and returns its box.
pub(super) fn legend(
    input: &SceneInput<'_>,
    bottom: f32,
    map: &[&[Shape]],
    (placed, clustered): (&[Box2], bool),
    out: &mut Vec<Shape>,
) -> Option<Box2> {
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let entries = legend_entries(input, clustered);
    let text_size = style.legend_size * s;
    let line_h = m.line_height(text_size);
    let dims = Dims {
        text_size,
        row_h: (line_h + 3.0 * s).max(17.0 * s),
        sw: 24.0 * s,
        gap: 6.0 * s,
        pad: 7.0 * s,
        col_gap: 14.0 * s,
        title_h: line_h + 2.0 * s,
    };
    // Try one to three columns; keep the layout and corner that hide the least of the map.
    // Which cells the units cover depends on the outlines only: kept with them while the
    // timeline moves.
    let projected = (input.atlas.geometry).projected(&input.transform(), input.lod);
    let units = (map.iter().flat_map(|shapes| shapes.iter()))
        .filter(|shape| matches!(shape, Shape::Polygon(p) if matches!(p.class, PolygonClass::Unit { .. })))
        .count();
    let inside = projected.derived((input.size, units), || units_inside(input.size, map));
    let coverage = Coverage::with_units(input.size, &inside, map, s);
    let mut best: Option<(f32, f32, Layout, [f32; 2])> = None;
    for columns in 1..=3 {
        let lay = layout(input, &entries, columns, &dims);
        if lay.size[0] > input.size[0] * 0.7 || lay.size[1] > bottom * 0.8 {
            continue;
        }
        let (corner, cost) = legend_corner((input.size[0], s), bottom, lay.size, &coverage, placed);
        let area = lay.size[0] * lay.size[1];
        if best
            .as_ref()
            .is_none_or(|(c, a, _, _)| (cost, area) < (*c, *a))
        {
            best = Some((cost, area, lay, corner));
        }
    }
    let (_, _, lay, min) = best.unwrap_or_else(|| {
        let lay = layout(input, &entries, 2, &dims);
        let (corner, _) = legend_corner((input.size[0], s), bottom, lay.size, &coverage, placed);
        (0.0, 0.0, lay, corner)
    });
    let max = [min[0] + lay.size[0], min[1] + lay.size[1]];
    out.push(panel(min, max, style, s));
    let title = tr(input.lang, Msg::LegendTitle).to_owned();
    let title_w = m.width(&title, text_size, true);
    out.push(text_shape(
        title,
        [min[0] + dims.pad, min[1] + dims.pad],
        title_w,
        text_size,
        true,
        style.text,
    ));

    for (e, cell) in entries.into_iter().zip(lay.cells) {
        let x = min[0] + cell[0];
        let cy = min[1] + cell[1] + dims.row_h / 2.0;
        let sw = dims.sw;
        let sw_box = ([x, cy - 5.5 * s], [x + sw, cy + 5.5 * s]);
        let mut text_x = x + sw + dims.gap;
        match e.swatch {
            Swatch::Fill(fill) => out.push(rect(
                sw_box.0,
                sw_box.1,
                Some(fill),
                Some(Stroke::solid(
                    style.unit_border_width * s,
                    style.unit_border,
                )),
                0.0,
            )),
            Swatch::Dashed(color) => {
                out.push(rect(sw_box.0, sw_box.1, Some(style.unit_fill), None, 0.0));
                out.push(Shape::Line(LineShape {
                    id: None,
                    points: std::sync::Arc::new([
                        sw_box.0,
                        [sw_box.1[0], sw_box.0[1]],
                        sw_box.1,
                        [sw_box.0[0], sw_box.1[1]],
                    ]),
                    closed: true,
                    stroke: Stroke {
                        width: style.widths.legend_dash * s,
                        color,
                        dash: Some(style.widths.legend_dash_pattern.map(|d| d * s)),
                    },
                }));
            }
            Swatch::Dot { fill, radius } => out.push(Shape::Circle(CircleShape {
                id: None,
                target: None,
                center: [x + sw / 2.0, cy],
                radius,
                fill: Some(fill),
                stroke: Some(Stroke::solid(
                    style.widths.marker_outline * s,
                    style.marker_outline,
                )),
                rings: Vec::new(),
            })),
            Swatch::Ring | Swatch::OpenRing => out.push(Shape::Circle(CircleShape {
                id: None,
                target: None,
                center: [x + sw / 2.0, cy],
                radius: 2.5 * s,
                fill: Some(style.marker_fill[1]),
                stroke: Some(Stroke::solid(
                    style.widths.legend_outline * s,
                    style.marker_outline,
                )),
                rings: status_rings(style, 2.5 * s, s, matches!(e.swatch, Swatch::Ring)),
            })),
            Swatch::Hatched => {
                let ring = vec![
                    sw_box.0,
                    [sw_box.1[0], sw_box.0[1]],
                    sw_box.1,
                    [sw_box.0[0], sw_box.1[1]],
                ];
                out.push(rect(
                    sw_box.0,
                    sw_box.1,
                    Some(style.unit_fill),
                    Some(Stroke::solid(
                        style.unit_border_width * s,
                        style.unit_border,
                    )),
                    0.0,
                ));
                out.extend(hatch_lines(&[ring], style, s * 0.6));
            }
            Swatch::Cluster => {
                let c = crate::scene::Cluster {
                    center: [x + sw / 2.0, cy],
                    radius: dims.row_h / 2.0 - 3.0 * s,
                    area: [0.0; 4],
                    places: 3,
                    events: 0,
                    severity: None,
                    certain: true,
                    dimmed: false,
                };
                out.extend(cluster_shapes(style, s * 0.8, &c, None));
            }
            Swatch::Sometime => out.push(Shape::Circle(CircleShape {
                id: None,
                target: None,
                center: [x + sw / 2.0, cy],
                radius: dot_radius(input),
                fill: Some(style.unit_fill),
                stroke: Some(sometime_stroke(style, s)),
                rings: Vec::new(),
            })),
            Swatch::Sizes => {
                let circles = size_circles(input, dims.row_h);
                for &(cx, r) in &circles {
                    out.push(Shape::Circle(CircleShape {
                        id: None,
                        target: None,
                        center: [x + cx, cy],
                        radius: r,
                        fill: None,
                        stroke: Some(Stroke::solid(
                            style.widths.legend_outline * s,
                            style.marker_outline,
                        )),
                        rings: Vec::new(),
                    }));
                }
                text_x = x + circles.last().map_or(sw, |(c, r)| c + r) + dims.gap;
            }
        }
        let tw = m.width(&e.text, text_size, false);
        out.push(text_shape(
            e.text,
            [text_x, cy - line_h / 2.0],
            tw,
            text_size,
            false,
            style.text,
        ));
    }
    Some([min[0], min[1], max[0], max[1]])
}
