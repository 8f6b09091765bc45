//! Painting a scene on the CPU with tiny-skia: anti-aliased shapes, and text drawn from the
//! DejaVu glyph outlines (the very font the scene measured its labels with). No window, no GPU.

use crate::scene::fonts::{bold_bytes, regular_bytes};
use crate::scene::{LayerKind, Rgba, Scene, Shape, TextShape};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
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
                for ring in p.rings.iter() {
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
            Shape::Line(l) => {
                let mut pb = PathBuilder::new();
                add_ring(&mut pb, &l.points, l.closed);
                // Joins reach out at most the miter limit (2) times half the width.
                if let Some(path) = pb.finish().filter(|p| path_near(p, l.stroke.width + 1.0)) {
                    pixmap.stroke_path(
                        &path,
                        &paint_of(l.stroke.color),
                        &stroke(&l.stroke),
                        ts,
                        None,
                    );
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
            Shape::Text(t) => text(pixmap, t, ts),
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

/// A glyph drawn at one size: its outline and its halo outline in pixels, with the origin on
/// the baseline, and its advance in pixels.
struct Glyph {
    fill: Option<Path>,
    halo: Option<Path>,
    advance: f32,
}

struct Face {
    face: Option<ttf_parser::Face<'static>>,
    units_per_em: f32,
}

fn faces() -> &'static [Face; 3] {
    static FACES: OnceLock<[Face; 3]> = OnceLock::new();
    FACES.get_or_init(|| {
        let load = |bytes: &'static [u8]| {
            let face = ttf_parser::Face::parse(bytes, 0).ok();
            let units_per_em = face
                .as_ref()
                .map_or(2048.0, |f| f32::from(f.units_per_em()));
            Face { face, units_per_em }
        };
        [
            load(regular_bytes()),
            load(bold_bytes()),
            load(dejavu::sans::oblique()),
        ]
    })
}

/// (face, char, size in 1/64 px, halo width in 1/64 px).
type GlyphKey = (usize, char, u32, u32);

/// Glyphs are outlined, scaled and stroked once per size and kept, so that drawing text is
/// only filling cached paths (labels repeat letters, and animations repeat whole labels).
fn glyph(face_index: usize, c: char, px_size: f32, halo_px: f32) -> Arc<Glyph> {
    static CACHE: OnceLock<Mutex<HashMap<GlyphKey, Arc<Glyph>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (
        face_index,
        c,
        (px_size * 64.0) as u32,
        (halo_px * 64.0) as u32,
    );
    if let Ok(cache) = cache.lock()
        && let Some(g) = cache.get(&key)
    {
        return g.clone();
    }
    let face = &faces()[face_index];
    let scale = px_size / face.units_per_em;
    let g = Arc::new(match &face.face {
        Some(f) => {
            let id = f.glyph_index(c);
            let advance = id
                .and_then(|id| f.glyph_hor_advance(id))
                .map_or(0.6 * face.units_per_em, f32::from);
            let mut outline = Outline(PathBuilder::new());
            // Font units are y-up; pixels are y-down.
            let fill = id
                .and_then(|id| f.outline_glyph(id, &mut outline))
                .and_then(|_| outline.0.finish())
                .and_then(|p| p.transform(Transform::from_scale(scale, -scale)));
            let halo = fill.as_ref().filter(|_| halo_px > 0.0).and_then(|p| {
                let stroke = Stroke {
                    width: halo_px,
                    line_join: LineJoin::MiterClip,
                    miter_limit: 2.0,
                    ..Stroke::default()
                };
                p.stroke(&stroke, 1.0)
            });
            Glyph {
                fill,
                halo,
                advance: advance * scale,
            }
        }
        None => Glyph {
            fill: None,
            halo: None,
            advance: 0.6 * px_size,
        },
    });
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, g.clone());
    }
    g
}

struct Outline(PathBuilder);

impl ttf_parser::OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

/// Draws one line of text: the halos first, then the glyphs.
fn text(pixmap: &mut PixmapMut<'_>, t: &TextShape, ts: Transform) {
    let face_index = if t.bold {
        1
    } else if t.italic {
        2
    } else {
        0
    };
    let ppp = ts.sx;
    let px_size = t.size * ppp;
    let halo_px = t.halo.map_or(0.0, |_| (t.size / 4.5).clamp(2.0, 5.0) * ppp);
    // The baseline sits on a whole pixel.
    let baseline = (t.baseline() * ppp).round() + ts.ty;
    let mut x = t.min[0] * ppp + ts.tx;
    let glyphs: Vec<(f32, Arc<Glyph>)> = t
        .text
        .chars()
        .map(|c| {
            let g = glyph(face_index, c, px_size, halo_px);
            let at = x;
            x += g.advance;
            (at, g)
        })
        .collect();
    if let Some(halo) = t.halo {
        let paint = paint_of(halo);
        for (at, g) in &glyphs {
            if let Some(p) = &g.halo {
                pixmap.fill_path(
                    p,
                    &paint,
                    FillRule::Winding,
                    Transform::from_translate(*at, baseline),
                    None,
                );
            }
        }
    }
    let paint = paint_of(t.color);
    for (at, g) in &glyphs {
        if let Some(p) = &g.fill {
            pixmap.fill_path(
                p,
                &paint,
                FillRule::Winding,
                Transform::from_translate(*at, baseline),
                None,
            );
        }
    }
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
