//! Painting a scene on the CPU with tiny-skia: anti-aliased shapes, and text (`glyphs.rs`)
//! drawn from the DejaVu glyph outlines (the very font the scene measured its labels with). No
//! window, no GPU.

use crate::scene::{LayerKind, Rgba, Scene, Shape};
use tiny_skia::{
    FillRule, LineCap, LineJoin, Paint, Path, PathBuilder, Pixmap, PixmapMut, Rect, Stroke,
    StrokeDash, Transform,
};

/// Which part of a scene to paint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    All,
    /// The background and the context layer (neighbours, water, rivers).
    Under,
    /// Every layer above the context layer.
    Over,
}

impl Part {
    fn has(self, kind: LayerKind) -> bool {
        match self {
            Part::All => true,
            Part::Under => kind == LayerKind::Context,
            Part::Over => kind != LayerKind::Context,
        }
    }
}

/// Paints `part` of `scene` onto `pixmap` through `ts`, leaving out the shapes wholly above or
/// below `rows` (the top and bottom of the pixmap in points).
pub(super) fn paint_scene(
    scene: &Scene,
    part: Part,
    pixmap: &mut PixmapMut<'_>,
    ts: Transform,
    rows: [f32; 2],
) {
    let near = |top: f32, bottom: f32, pad: f32| top - pad <= rows[1] && bottom + pad >= rows[0];
    let path_near = |path: &Path, pad: f32| near(path.bounds().top(), path.bounds().bottom(), pad);
    if let Some(bg) = scene.background.filter(|_| part != Part::Over) {
        pixmap.fill(color(bg));
    }
    for (_, shape) in scene.shapes().filter(|(kind, _)| part.has(*kind)) {
        match shape {
            Shape::Polygon(p) => {
                let mut pb = PathBuilder::new();
                for ring in p.polygon.rings.iter() {
                    add_ring(&mut pb, ring, true);
                }
                if let Some(path) = pb.finish().filter(|p| path_near(p, 1.0)) {
                    // Every polygon edge is drawn over by an anti-aliased outline (unit borders,
                    // land borders), as in the window's meshes; filling without anti-aliasing
                    // gives the same picture several times faster.
                    let mut fill = paint_of(p.fill);
                    fill.anti_alias = false;
                    pixmap.fill_path(&path, &fill, FillRule::EvenOdd, ts, None);
                }
            }
            Shape::Line(l) => line(pixmap, &l.points, l.closed, &l.stroke, ts, &path_near),
            Shape::Lines(l) => {
                for (points, closed) in l.each() {
                    line(pixmap, points, closed, &l.stroke, ts, &path_near);
                }
            }
            Shape::Circle(c) => {
                let reach = (c.rings.iter().map(|(r, s)| r + s.width))
                    .chain([c.radius + c.stroke.as_ref().map_or(0.0, |s| s.width)])
                    .fold(0.0, f32::max);
                if !near(c.center[1] - reach, c.center[1] + reach, 1.0) {
                    continue;
                }
                for (r, ring) in &c.rings {
                    if let Some(path) = PathBuilder::from_circle(c.center[0], c.center[1], *r) {
                        pixmap.stroke_path(&path, &paint_of(ring.color), &stroke(ring), ts, None);
                    }
                }
                if c.radius > 0.0
                    && let Some(path) = PathBuilder::from_circle(c.center[0], c.center[1], c.radius)
                {
                    if let Some(fill) = c.fill {
                        pixmap.fill_path(&path, &paint_of(fill), FillRule::Winding, ts, None);
                    }
                    if let Some(s) = &c.stroke {
                        pixmap.stroke_path(&path, &paint_of(s.color), &stroke(s), ts, None);
                    }
                }
            }
            Shape::Text(t) => super::glyphs::text(pixmap, t, ts),
            Shape::Rect(r) => {
                let Some(rect) = Rect::from_ltrb(r.min[0], r.min[1], r.max[0], r.max[1]) else {
                    continue;
                };
                let path = rounded_rect(rect, r.radius);
                if let Some(fill) = r.fill {
                    pixmap.fill_path(&path, &paint_of(fill), FillRule::Winding, ts, None);
                }
                if let Some(s) = &r.stroke {
                    pixmap.stroke_path(&path, &paint_of(s.color), &stroke(s), ts, None);
                }
            }
        }
    }
}

/// Strokes one line unless it lies wholly outside the rows painted (`near`).
fn line(
    pixmap: &mut PixmapMut<'_>,
    points: &[[f32; 2]],
    closed: bool,
    s: &crate::scene::Stroke,
    ts: Transform,
    near: &dyn Fn(&Path, f32) -> bool,
) {
    let mut pb = PathBuilder::new();
    add_ring(&mut pb, points, closed);
    // Joins reach out at most the miter limit (2) times half the width.
    if let Some(path) = pb.finish().filter(|p| near(p, s.width + 1.0)) {
        pixmap.stroke_path(&path, &paint_of(s.color), &stroke(s), ts, None);
    }
}

fn color(c: Rgba) -> tiny_skia::Color {
    tiny_skia::Color::from_rgba8(c.r(), c.g(), c.b(), c.a())
}

fn paint_of(c: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(color(c));
    p.anti_alias = true;
    p
}

fn stroke(s: &crate::scene::Stroke) -> Stroke {
    // Miter joins (clipped at a low limit) look like round ones at these widths and cost far
    // less on outlines with thousands of vertices.
    Stroke {
        width: s.width,
        line_cap: LineCap::Round,
        line_join: LineJoin::MiterClip,
        miter_limit: 2.0,
        dash: s.dash.and_then(|[d, g]| StrokeDash::new(vec![d, g], 0.0)),
    }
}

fn add_ring(pb: &mut PathBuilder, points: &[[f32; 2]], close: bool) {
    let mut it = points.iter();
    let Some(first) = it.next() else {
        return;
    };
    pb.move_to(first[0], first[1]);
    for p in it {
        pb.line_to(p[0], p[1]);
    }
    if close {
        pb.close();
    }
}

fn rounded_rect(r: Rect, radius: f32) -> Path {
    let radius = radius.min(r.width() / 2.0).min(r.height() / 2.0).max(0.0);
    if radius <= 0.0 {
        return PathBuilder::from_rect(r);
    }
    // A circle's quarter as a cubic: control points at 0.5523 of the radius.
    let k = radius * 0.552_284_8;
    let (l, t, rt, b) = (r.left(), r.top(), r.right(), r.bottom());
    let mut pb = PathBuilder::new();
    pb.move_to(l + radius, t);
    pb.line_to(rt - radius, t);
    pb.cubic_to(rt - radius + k, t, rt, t + radius - k, rt, t + radius);
    pb.line_to(rt, b - radius);
    pb.cubic_to(rt, b - radius + k, rt - radius + k, b, rt - radius, b);
    pb.line_to(l + radius, b);
    pb.cubic_to(l + radius - k, b, l, b - radius + k, l, b - radius);
    pb.line_to(l, t + radius);
    pb.cubic_to(l, t + radius - k, l + radius - k, t, l + radius, t);
    pb.close();
    pb.finish().unwrap_or_else(|| PathBuilder::from_rect(r))
}

/// True when every pixel is opaque (then RGB is enough).
pub fn opaque(pixmap: &Pixmap) -> bool {
    pixmap.pixels().iter().all(|p| p.alpha() == 255)
}

/// The pixmap's pixels as straight (not premultiplied) RGBA bytes.
pub fn rgba(pixmap: &Pixmap) -> Vec<u8> {
    pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue(), c.alpha()]
        })
        .collect()
}
