//! The overlay: title and date, legend, scale bar, attribution and progress bar, laid out in
//! canvas points. Each part it places is also an obstacle for the map labels.

use super::build::{EventMode, SceneInput, marker_radius, status_rings};
use super::fonts::Metrics;
use super::labels::Box2;
use super::{CircleShape, LineShape, RectShape, Rgba, Shape, Stroke, TextShape};
use crate::data::ContextClass;
use crate::i18n::{Msg, tr};

/// One legend row's symbol.
enum Swatch {
    Fill(Rgba),
    Dashed(Rgba),
    Dot { fill: Rgba, radius: f32 },
    Ring,
    Sizes,
}

pub(super) fn build(
    input: &SceneInput<'_>,
    map: &[&[Shape]],
    obstacles: &mut Vec<Box2>,
) -> Vec<Shape> {
    let mut out = Vec::new();
    // What the overlay itself places; the obstacles before it are markers.
    let first_overlay = obstacles.len();
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let margin = 10.0 * s;
    let [w, h] = input.size;
    let mut bottom = h;

    if let Some(progress) = input.overlay.progress {
        let bar_h = 10.0 * s;
        out.push(rect(
            [0.0, h - bar_h],
            [w, h],
            Some(Rgba::rgb(0xbd, 0xbd, 0xbd)),
            None,
            0.0,
        ));
        out.push(rect(
            [0.0, h - bar_h],
            [w * progress.clamp(0.0, 1.0), h],
            Some(style.changed_outline),
            None,
            0.0,
        ));
        obstacles.push([0.0, h - bar_h, w, h]);
        bottom -= bar_h;
    }

    if input.overlay.attribution {
        let size = style.attribution_size * s;
        let mut text = format!(
            "{}: {}",
            tr(input.lang, Msg::DataCredit),
            input.atlas.data.meta.attribution
        );
        if let Some(credit) = &input.overlay.tiles_credit {
            text = format!("{credit} · {text}");
        }
        let line_h = m.line_height(size);
        let lines = wrap(&text, size, (w - 2.0 * margin).max(80.0 * s));
        let width = lines
            .iter()
            .map(|l| m.width(l, size, false))
            .fold(0.0, f32::max);
        let x = (w - width - margin).max(margin / 2.0);
        let top = bottom - line_h * lines.len() as f32 - 3.0 * s;
        out.push(rect(
            [x - 4.0 * s, top - 1.0 * s],
            [x + width + 4.0 * s, bottom - 2.0 * s],
            Some(style.panel),
            None,
            3.0 * s,
        ));
        for (i, line) in lines.into_iter().enumerate() {
            let lw = m.width(&line, size, false);
            out.push(text_shape(
                line,
                [x + width - lw, top + i as f32 * line_h],
                lw,
                size,
                false,
                style.text_muted,
            ));
        }
        obstacles.push([x - 4.0 * s, top - 1.0 * s, w, bottom]);
        bottom = top - 4.0 * s;
    }

    if input.overlay.scale_bar {
        scale_bar(input, bottom, &mut out, obstacles);
    }

    if input.overlay.title.is_some() || input.overlay.date {
        title_block(input, &mut out, obstacles);
    }

    if input.overlay.legend {
        let placed: Vec<Box2> = obstacles[first_overlay..].to_vec();
        let rect = legend(input, bottom, map, &placed, &mut out);
        obstacles.extend(rect);
    }
    out
}

/// Breaks `text` at spaces into lines no wider than `max_width`.
fn wrap(text: &str, size: f32, max_width: f32) -> Vec<String> {
    let m = Metrics::get();
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && m.width(&candidate, size, false) > max_width {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn rect(
    min: [f32; 2],
    max: [f32; 2],
    fill: Option<Rgba>,
    stroke: Option<Stroke>,
    radius: f32,
) -> Shape {
    Shape::Rect(RectShape {
        min,
        max,
        fill,
        stroke,
        radius,
    })
}

fn text_shape(
    text: String,
    min: [f32; 2],
    width: f32,
    size: f32,
    bold: bool,
    color: Rgba,
) -> Shape {
    Shape::Text(TextShape {
        text,
        min,
        width,
        size,
        bold,
        italic: false,
        color,
        halo: None,
        target: None,
    })
}

fn title_block(input: &SceneInput<'_>, out: &mut Vec<Shape>, obstacles: &mut Vec<Box2>) {
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let data = &input.atlas.data;
    let pad = 10.0 * s;
    let mut lines: Vec<(String, f32, bool)> = Vec::new();
    if let Some(title) = &input.overlay.title {
        lines.push((title.clone(), style.title_size * s, true));
    }
    if input.overlay.date {
        let clock = data.meta.clock;
        lines.push((
            format!(
                "{} ({}, {})",
                clock.long_text(input.lang, input.instant),
                data.meta.clock_label.get(input.lang),
                clock.offset_utc_label()
            ),
            style.date_size * s,
            false,
        ));
    }
    let width = lines
        .iter()
        .map(|(t, size, bold)| m.width(t, *size, *bold))
        .fold(0.0, f32::max);
    let height: f32 = lines.iter().map(|(_, size, _)| m.line_height(*size)).sum();
    let min = [pad, pad];
    let max = [pad + width + 2.0 * pad, pad + height + 2.0 * pad];
    out.push(rect(
        min,
        max,
        Some(style.panel),
        Some(Stroke::solid(1.0 * s, style.panel_border)),
        4.0 * s,
    ));
    let mut y = min[1] + pad;
    for (text, size, bold) in lines {
        let w = m.width(&text, size, bold);
        out.push(text_shape(
            text,
            [min[0] + pad, y],
            w,
            size,
            bold,
            style.text,
        ));
        y += m.line_height(size);
    }
    obstacles.push([min[0], min[1], max[0], max[1]]);
}

fn scale_bar(input: &SceneInput<'_>, bottom: f32, out: &mut Vec<Shape>, obstacles: &mut Vec<Box2>) {
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let meters_per_point = input.view.meters_per_point();
    if !meters_per_point.is_finite() || meters_per_point <= 0.0 {
        return;
    }
    let target_m = meters_per_point * f64::from(130.0 * s);
    let nice = [
        1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0,
    ]
    .into_iter()
    .map(|km| km * 1000.0)
    .rfind(|&len| len <= target_m)
    .unwrap_or(1000.0);
    let len_pt = (nice / meters_per_point) as f32;
    let size = style.legend_size * s;
    let label = format!("{} {}", nice / 1000.0, tr(input.lang, Msg::Kilometres));
    let label_w = m.width(&label, size, false);
    let x1 = input.size[0] - 14.0 * s;
    let x0 = x1 - len_pt;
    let y = bottom - 10.0 * s;
    let top = y - m.line_height(size) - 6.0 * s;
    out.push(rect(
        [x0 - 6.0 * s, top - 2.0 * s],
        [x1 + 6.0 * s, y + 6.0 * s],
        Some(style.panel),
        None,
        3.0 * s,
    ));
    let stroke = Stroke::solid(2.0 * s, style.text);
    out.push(Shape::Line(LineShape {
        id: Some("scale-bar".into()),
        points: vec![[x0, y - 5.0 * s], [x0, y], [x1, y], [x1, y - 5.0 * s]],
        closed: false,
        stroke,
    }));
    out.push(text_shape(
        label,
        [x0 + (len_pt - label_w) / 2.0, top],
        label_w,
        size,
        false,
        style.text,
    ));
    obstacles.push([x0 - 6.0 * s, top - 2.0 * s, x1 + 6.0 * s, y + 6.0 * s]);
}

/// A legend entry: a symbol and its words.
struct Entry {
    swatch: Swatch,
    text: String,
}

fn legend_entries(input: &SceneInput<'_>) -> Vec<Entry> {
    let s = input.scale;
    let style = input.style;
    let lang = input.lang;
    let data = &input.atlas.data;
    let status_name = data.meta.statuses.values().next().map_or_else(
        || tr(lang, Msg::UnderEmergency).to_owned(),
        |n| n.get(lang).to_owned(),
    );
    let entry = |swatch, text: &str| Entry {
        swatch,
        text: text.to_owned(),
    };
    let dot = 6.0 * s;
    let mut rows = vec![
        entry(Swatch::Fill(style.status_fill), &status_name),
        entry(Swatch::Fill(style.unit_fill), tr(lang, Msg::NoEmergency)),
        entry(
            Swatch::Dashed(style.changed_outline),
            tr(lang, Msg::LegendChanged),
        ),
    ];
    if let Some(special) = data
        .context
        .iter()
        .find(|f| f.class == ContextClass::Special)
        && let Some(names) = &special.names
    {
        rows.push(entry(Swatch::Fill(style.special), names.get(lang)));
    }
    if data.units.iter().any(|u| u.geometry.is_none()) {
        rows.push(entry(Swatch::Ring, tr(lang, Msg::LegendOwnStatus)));
    }
    let size_text = if input.mode == EventMode::DayOnly {
        Msg::LegendSizeToday
    } else {
        Msg::LegendSizeSoFar
    };
    rows.push(entry(Swatch::Sizes, tr(lang, size_text)));
    // The severity ramp last, so that column layouts keep it together.
    rows.extend(
        [
            (style.marker_fill[3], Msg::LegendViolence),
            (style.marker_fill[2], Msg::LegendClash),
            (style.marker_fill[1], Msg::LegendProtest),
            (style.marker_fill[0], Msg::LegendOther),
            (style.marker_idle, Msg::LegendIdle),
        ]
        .map(|(fill, text)| entry(Swatch::Dot { fill, radius: dot }, tr(lang, text))),
    );
    rows
}

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
fn legend(
    input: &SceneInput<'_>,
    bottom: f32,
    map: &[&[Shape]],
    placed: &[Box2],
    out: &mut Vec<Shape>,
) -> Option<Box2> {
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let entries = legend_entries(input);
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
    let coverage = Coverage::new(input.size, map, s);
    let mut best: Option<(f32, f32, Layout, [f32; 2])> = None;
    for columns in 1..=3 {
        let lay = layout(input, &entries, columns, &dims);
        if lay.size[0] > input.size[0] * 0.7 || lay.size[1] > bottom * 0.8 {
            continue;
        }
        let (corner, cost) = legend_corner(input, bottom, lay.size, &coverage, placed);
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
        let (corner, _) = legend_corner(input, bottom, lay.size, &coverage, placed);
        (0.0, 0.0, lay, corner)
    });
    let max = [min[0] + lay.size[0], min[1] + lay.size[1]];
    out.push(rect(
        min,
        max,
        Some(style.panel),
        Some(Stroke::solid(1.0 * s, style.panel_border)),
        4.0 * s,
    ));
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
                Some(Stroke::solid(1.0 * s, style.unit_border)),
                0.0,
            )),
            Swatch::Dashed(color) => {
                out.push(rect(sw_box.0, sw_box.1, Some(style.unit_fill), None, 0.0));
                out.push(Shape::Line(LineShape {
                    id: None,
                    points: vec![
                        sw_box.0,
                        [sw_box.1[0], sw_box.0[1]],
                        sw_box.1,
                        [sw_box.0[0], sw_box.1[1]],
                    ],
                    closed: true,
                    stroke: Stroke {
                        width: 2.5 * s,
                        color,
                        dash: Some([5.0 * s, 3.0 * s]),
                    },
                }));
            }
            Swatch::Dot { fill, radius } => out.push(Shape::Circle(CircleShape {
                id: None,
                target: None,
                center: [x + sw / 2.0, cy],
                radius,
                fill: Some(fill),
                stroke: Some(Stroke::solid(1.4 * s, style.marker_outline)),
                rings: Vec::new(),
            })),
            Swatch::Ring => out.push(Shape::Circle(CircleShape {
                id: None,
                target: None,
                center: [x + sw / 2.0, cy],
                radius: 2.5 * s,
                fill: Some(style.marker_fill[1]),
                stroke: Some(Stroke::solid(1.2 * s, style.marker_outline)),
                rings: status_rings(style, 2.5 * s, s),
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
                        stroke: Some(Stroke::solid(1.2 * s, style.marker_outline)),
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

/// Cells of a coarse grid over the canvas: how much each one matters (a piece of the country,
/// or a city marker), so that candidate legend boxes can be scored cheaply.
struct Coverage {
    cols: usize,
    rows: usize,
    cell: [f32; 2],
    weight: Vec<f32>,
}

impl Coverage {
    fn new(size: [f32; 2], map: &[&[Shape]], s: f32) -> Self {
        let (cols, rows) = (48, 27);
        let cell = [size[0] / cols as f32, size[1] / rows as f32];
        let mut weight = vec![0.0; cols * rows];
        let polys: Vec<(&super::PolygonShape, [f32; 4])> = map
            .iter()
            .flat_map(|shapes| shapes.iter())
            .filter_map(|shape| match shape {
                Shape::Polygon(p) if p.class == "unit" => {
                    let b = p.rings.iter().flatten().fold(
                        [f32::MAX, f32::MAX, f32::MIN, f32::MIN],
                        |b, v| {
                            [
                                b[0].min(v[0]),
                                b[1].min(v[1]),
                                b[2].max(v[0]),
                                b[3].max(v[1]),
                            ]
                        },
                    );
                    Some((p, b))
                }
                _ => None,
            })
            .collect();
        for r in 0..rows {
            for c in 0..cols {
                let p = [(c as f32 + 0.5) * cell[0], (r as f32 + 0.5) * cell[1]];
                let inside = polys.iter().any(|(poly, b)| {
                    p[0] >= b[0]
                        && p[0] <= b[2]
                        && p[1] >= b[1]
                        && p[1] <= b[3]
                        && super::hit::contains(&poly.rings, p)
                });
                if inside {
                    weight[r * cols + c] += 1.0;
                }
            }
        }
        let mut cov = Coverage {
            cols,
            rows,
            cell,
            weight,
        };
        // A hidden city marker costs far more than a hidden piece of a region.
        for shape in map.iter().flat_map(|shapes| shapes.iter()) {
            if let Shape::Circle(c) = shape {
                let pad = c.radius + 6.0 * s;
                for (col, row) in cov.cells([
                    c.center[0] - pad,
                    c.center[1] - pad,
                    c.center[0] + pad,
                    c.center[1] + pad,
                ]) {
                    cov.weight[row * cov.cols + col] += 60.0;
                }
            }
        }
        cov
    }

    /// The cells a box touches.
    fn cells(&self, b: [f32; 4]) -> impl Iterator<Item = (usize, usize)> + use<> {
        let col = |x: f32| ((x / self.cell[0]).floor().max(0.0) as usize).min(self.cols - 1);
        let row = |y: f32| ((y / self.cell[1]).floor().max(0.0) as usize).min(self.rows - 1);
        let (c0, c1, r0, r1) = (col(b[0]), col(b[2]), row(b[1]), row(b[3]));
        (r0..=r1).flat_map(move |r| (c0..=c1).map(move |c| (c, r)))
    }

    fn cost(&self, b: [f32; 4]) -> f32 {
        self.cells(b)
            .map(|(c, r)| self.weight[r * self.cols + c])
            .sum()
    }
}

/// The corner where a legend of `size` hides the least of the mapped country and its cities,
/// avoiding what the overlay has already placed.
fn legend_corner(
    input: &SceneInput<'_>,
    bottom: f32,
    size: [f32; 2],
    coverage: &Coverage,
    taken: &[Box2],
) -> ([f32; 2], f32) {
    let s = input.scale;
    let margin = 10.0 * s;
    let [w, _] = input.size;
    let corners = [
        [margin, bottom - size[1] - margin],
        [margin, margin],
        [w - size[0] - margin, margin],
        [w - size[0] - margin, bottom - size[1] - margin],
    ];
    let cost = |min: &[f32; 2]| {
        let r = [min[0], min[1], min[0] + size[0], min[1] + size[1]];
        let blocked = taken
            .iter()
            .any(|t| t[0] < r[2] && r[0] < t[2] && t[1] < r[3] && r[1] < t[3]);
        let covered = coverage.cost(r);
        if blocked { covered + 1e6 } else { covered }
    };
    corners
        .into_iter()
        .filter(|c| c[1] >= 0.0 && c[0] >= 0.0)
        .map(|c| (c, cost(&c)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((corners[0], f32::INFINITY))
}
