//! Painting a scene with egui, and the walkers plugin that builds the scene from the map's live
//! projector (so panning and zooming never lag a frame behind).

use crate::scene::{self, LayerKind, Rgba, Scene, Shape, View};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontFamily, FontId, Pos2, Rect, Stroke, StrokeKind, pos2, vec2};

/// The egui font family names Qantar registers (see `ui::fonts`).
pub const BOLD: &str = "qantar-bold";
pub const ITALIC: &str = "qantar-italic";

pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), c.a())
}

fn stroke(s: &scene::Stroke) -> Stroke {
    Stroke::new(s.width, color(s.color))
}

/// A circle's outline, dashed when the stroke says so (egui draws only solid circles).
fn circle_stroke(out: &mut Vec<egui::Shape>, center: Pos2, r: f32, s: &scene::Stroke) {
    match s.dash {
        None => out.push(egui::Shape::closed_line(
            circle_points(center, r, 0.25),
            stroke(s),
        )),
        Some([dash, gap]) => {
            let mut points = circle_points(center, r, 0.125);
            points.extend(points.first().copied());
            out.extend(egui::Shape::dashed_line(&points, stroke(s), dash, gap));
        }
    }
}

/// Points around a circle, as few as keep every chord within `error` points of the arc (egui's
/// own circles take 32 points from a radius of 5 and 64 from 18: with thousands of markers,
/// twice the triangles for no visible difference).
fn circle_points(center: Pos2, r: f32, error: f32) -> Vec<Pos2> {
    let r = r.max(0.0);
    let half_angle = (1.0 - (error / r.max(error)).min(1.0)).acos().max(0.01);
    let n = (std::f32::consts::PI / half_angle).ceil().clamp(8.0, 96.0) as usize;
    (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            center + egui::vec2(a.cos(), a.sin()) * r
        })
        .collect()
}

/// The egui font for a scene text.
pub fn font(size: f32, bold: bool, italic: bool) -> FontId {
    let family = if bold {
        FontFamily::Name(BOLD.into())
    } else if italic {
        FontFamily::Name(ITALIC.into())
    } else {
        FontFamily::Proportional
    };
    FontId::new(size, family)
}

/// Paints every layer of `scene` whose kind `include` accepts, with the canvas origin at
/// `origin` (screen points).
pub fn paint(
    painter: &egui::Painter,
    origin: Pos2,
    scene: &Scene,
    include: impl Fn(LayerKind) -> bool,
) {
    let at = |p: [f32; 2]| pos2(origin.x + p[0], origin.y + p[1]);
    if let Some(bg) = background(scene, origin)
        && include(LayerKind::Context)
    {
        painter.add(bg);
    }
    for (kind, shape) in scene.shapes() {
        if !include(kind) {
            continue;
        }
        match shape {
            Shape::Text(t) => paint_text(painter, at(t.min), t),
            _ => painter.extend(egui_shapes(
                shape,
                &at,
                Rect::EVERYTHING,
                1.0 / painter.ctx().pixels_per_point(),
            )),
        }
    }
}

/// The scene's background as an egui shape, if it has one.
pub(super) fn background(scene: &Scene, origin: Pos2) -> Option<egui::Shape> {
    let bg = scene.background?;
    let rect = Rect::from_min_size(origin, vec2(scene.size[0], scene.size[1]));
    Some(egui::Shape::rect_filled(rect, 0.0, color(bg)))
}

/// One line as egui shapes, placed by `at`, without the runs outside `clip`; `pixel` is the
/// size of a pixel in points.
fn line(
    out: &mut Vec<egui::Shape>,
    points: &[[f32; 2]],
    closed: bool,
    s: &crate::scene::Stroke,
    at: &impl Fn([f32; 2]) -> Pos2,
    (clip, pixel): (Rect, f32),
) {
    let mut points = thinned(points.iter().map(|&p| at(p)), THIN * pixel);
    // A closed ring goes to egui as an open line back to its start: egui joins a closed line's
    // corners with uncut mitres, and an outline that turns back on itself (common in
    // simplified data) then throws a spike across the map. An open line's sharp corners are
    // cut.
    if closed && let Some(&first) = points.first() {
        points.push(first);
    }
    match s.dash {
        Some([dash, gap]) => out.extend(egui::Shape::dashed_line(&points, stroke(s), dash, gap)),
        None => {
            let stroke = ridge(stroke(s), pixel);
            for run in visible_runs(&points, clip.expand(s.width + 1.0)) {
                out.push(egui::Shape::line(run.to_vec(), stroke));
            }
        }
    }
}

/// egui draws a line no wider than 0.9 pixel as a ridge a pixel either side of its middle,
/// fading out, with its colour thinned by its width: three vertices a point. A wider line
/// takes four, and six triangles a segment instead of four; at exactly one pixel its four
/// vertices make the same ridge at full colour. So a line of 0.9 to 1 pixel is drawn as one
/// of 0.9 (a tenth fainter): a third fewer triangles for the borders of a whole continent.
fn ridge(stroke: Stroke, pixel: f32) -> Stroke {
    let thin = 0.9 * pixel;
    if stroke.width > thin && stroke.width <= pixel {
        Stroke::new(thin, stroke.color)
    } else {
        stroke
    }
}

/// A shape other than text as egui shapes, placed by `at`, without the triangles and the runs
/// of line that lie wholly outside `clip` (egui would copy them every frame for nothing);
/// `pixel` is the size of a pixel in points.
pub(super) fn egui_shapes(
    shape: &Shape,
    at: &impl Fn([f32; 2]) -> Pos2,
    clip: Rect,
    pixel: f32,
) -> Vec<egui::Shape> {
    let mut out = Vec::new();
    match shape {
        Shape::Polygon(p) => {
            let fill = color(p.fill);
            let vertices: Vec<Vertex> = p
                .polygon
                .rings
                .iter()
                .flat_map(|r| r.iter())
                .map(|&v| Vertex {
                    pos: at(v),
                    uv: WHITE_UV,
                    color: fill,
                })
                .collect();
            let n = vertices.len() as u32;
            let outside = |t: &[u32]| {
                let [a, b, c] = [0, 1, 2].map(|k| vertices[t[k] as usize].pos);
                let (lo, hi) = (a.min(b).min(c), a.max(b).max(c));
                !clip.intersects(Rect::from_min_max(lo, hi))
            };
            let indices: Vec<u32> = p
                .polygon
                .triangles
                .get()
                .chunks_exact(3)
                .filter(|t| t.iter().all(|&i| i < n) && !outside(t))
                .flatten()
                .copied()
                .collect();
            let mesh = Mesh {
                vertices,
                indices,
                ..Default::default()
            };
            out.push(egui::Shape::mesh(mesh));
        }
        Shape::Line(l) => line(&mut out, &l.points, l.closed, &l.stroke, at, (clip, pixel)),
        Shape::Lines(l) => {
            for (points, closed) in l.each() {
                line(&mut out, points, closed, &l.stroke, at, (clip, pixel));
            }
        }
        Shape::Circle(c) => {
            let center = at(c.center);
            for (r, ring) in &c.rings {
                circle_stroke(&mut out, center, *r, ring);
            }
            if let Some(fill) = c.fill {
                out.push(egui::Shape::convex_polygon(
                    circle_points(center, c.radius, 0.25),
                    color(fill),
                    Stroke::NONE,
                ));
            }
            if let Some(s) = &c.stroke {
                circle_stroke(&mut out, center, c.radius, s);
            }
        }
        Shape::Rect(r) => {
            let rect = Rect::from_min_max(at(r.min), at(r.max));
            if let Some(fill) = r.fill {
                out.push(egui::Shape::rect_filled(rect, r.radius, color(fill)));
            }
            if let Some(s) = &r.stroke {
                out.push(egui::Shape::rect_stroke(
                    rect,
                    r.radius,
                    stroke(s),
                    StrokeKind::Inside,
                ));
            }
        }
        Shape::Text(_) => {}
    }
    out
}

/// How close two points of a line may be, in pixels, before the second is left out: a pixel
/// and a half, which no eye can tell from the full line at the widths of borders (the line
/// strays from a left-out point by less than that, and along a curve by a fraction of it).
const THIN: f32 = 1.5;

/// The points of a line without those closer than `thin` to the last one kept (the last
/// point is always kept). Outlines drawn at a country's zoom have many points per pixel, and
/// each point costs egui three or four vertices a frame.
fn thinned(points: impl Iterator<Item = Pos2>, thin: f32) -> Vec<Pos2> {
    let mut out: Vec<Pos2> = Vec::new();
    let mut last_dropped = None;
    for p in points {
        match out.last() {
            Some(q) if q.distance_sq(p) < thin * thin => last_dropped = Some(p),
            _ => {
                out.push(p);
                last_dropped = None;
            }
        }
    }
    out.extend(last_dropped);
    out
}

/// The runs of consecutive segments of `points` that may show in `clip`.
fn visible_runs(points: &[Pos2], clip: Rect) -> impl Iterator<Item = &[Pos2]> {
    let shows = move |i: usize| clip.intersects(Rect::from_two_pos(points[i], points[i + 1]));
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + 1 < points.len() && !shows(i) {
            i += 1;
        }
        if i + 1 >= points.len() {
            return None;
        }
        let start = i;
        while i + 1 < points.len() && shows(i) {
            i += 1;
        }
        Some(&points[start..=i])
    })
}

/// Paints a text of the scene at `pos`, with its halo. egui keeps the laid-out text from one
/// frame to the next, so painting the same text again costs a lookup.
pub(super) fn paint_text(painter: &egui::Painter, pos: Pos2, t: &scene::TextShape) {
    let font = font(t.size, t.bold, t.italic);
    if let Some(halo) = t.halo {
        let h = color(halo);
        let d = (t.size / 9.0).clamp(1.0, 2.5);
        for (dx, dy) in [
            (-d, 0.0),
            (d, 0.0),
            (0.0, -d),
            (0.0, d),
            (-d, -d),
            (d, d),
            (-d, d),
            (d, -d),
        ] {
            painter.text(
                pos + vec2(dx, dy),
                Align2::LEFT_TOP,
                &t.text,
                font.clone(),
                h,
            );
        }
    }
    painter.text(pos, Align2::LEFT_TOP, &t.text, font, color(t.color));
}

/// The view a walkers projector shows on its clip rect.
pub fn view_of(projector: &walkers::Projector<'_>) -> View {
    let rect = projector.clip_rect();
    let center = projector.unproject(rect.center().to_vec2());
    View {
        center_lon: center.x(),
        center_lat: center.y(),
        zoom: projector.zoom(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scene::{LinesShape, Rgba};
    use egui::epaint::{TessellationOptions, Tessellator};
    use std::sync::Arc;

    /// A border of `n` points a pixel and a half apart, at `width` points.
    fn border(n: usize, width: f32) -> Shape {
        let line: Vec<[f32; 2]> = (0..n).map(|i| [10.0 + 1.5 * i as f32, 20.0]).collect();
        Shape::Lines(LinesShape {
            lines: vec![Arc::from(line)].into(),
            closed: vec![false].into(),
            shown: vec![0],
            stroke: scene::Stroke::solid(width, Rgba::rgb(0x4a, 0x41, 0x37)),
        })
    }

    /// Vertices egui makes of `shape` at `pixels_per_point`.
    fn vertices(shape: &Shape, pixels_per_point: f32) -> usize {
        let options = TessellationOptions::default();
        let mut t = Tessellator::new(pixels_per_point, options, [1, 1], Vec::new());
        let mut mesh = Mesh::default();
        let at = |p: [f32; 2]| pos2(p[0], p[1]);
        for s in egui_shapes(shape, &at, Rect::EVERYTHING, 1.0 / pixels_per_point) {
            t.tessellate_shape(s, &mut mesh);
        }
        mesh.vertices.len()
    }

    #[test]
    fn a_one_pixel_border_is_a_ridge_of_three_vertices_a_point() {
        // One pixel wide on a screen of one pixel a point: the ridge, a tenth fainter.
        assert_eq!(ridge(Stroke::new(1.0, Color32::BLACK), 1.0).width, 0.9);
        assert_eq!(vertices(&border(100, 1.0), 1.0), 300);
        // Wider, it keeps its width and egui's four vertices a point.
        assert_eq!(ridge(Stroke::new(1.5, Color32::BLACK), 1.0).width, 1.5);
        assert!(vertices(&border(100, 1.5), 1.0) >= 400);
        // One point is two pixels on a sharper screen: drawn as it is.
        assert_eq!(ridge(Stroke::new(1.0, Color32::BLACK), 0.5).width, 1.0);
        // Thinner ones are egui's ridge already.
        assert_eq!(ridge(Stroke::new(0.5, Color32::BLACK), 1.0).width, 0.5);
    }

    #[test]
    fn points_closer_than_a_pixel_and_a_half_are_left_out_in_pixels_not_points() {
        let line = |gap: f32| (0..11).map(move |i| pos2(gap * i as f32, 0.0));
        // A point apart on a screen of one pixel a point: every other point goes, the last
        // stays.
        let one = thinned(line(1.0), THIN);
        assert_eq!(one.len(), 6);
        assert_eq!(one.last(), Some(&pos2(10.0, 0.0)));
        // The same points on a screen of two pixels a point are two pixels apart: all stay.
        assert_eq!(thinned(line(1.0), THIN * 0.5).len(), 11);
    }
}
