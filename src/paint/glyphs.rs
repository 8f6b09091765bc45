//! Text on the CPU, from the DejaVu glyph outlines (the very font the scene measured its labels
//! with). Each glyph is outlined, stroked for its halo and rasterised by tiny-skia into coverage
//! masks once per face, size and quarter-pixel position; drawing text is then only blending
//! those masks. Labels repeat letters, and the frames of an animation repeat whole labels.

use super::coverage::{Coverage, blend};
use crate::scene::TextShape;
use crate::scene::fonts::{bold_bytes, regular_bytes};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use tiny_skia::{LineJoin, Path, PathBuilder, PixmapMut, Stroke, Transform};

/// Glyphs are placed to this fraction of a pixel across (their baseline sits on a whole pixel);
/// their halos, soft and wide, to half a pixel.
const STEPS_PER_PIXEL: f32 = 4.0;
const HALO_STEPS_PER_PIXEL: f32 = 2.0;

/// A glyph rasterised at one size and position within a pixel.
struct Glyph {
    fill: Option<Coverage>,
    halo: Option<Arc<Coverage>>,
    /// How far the pen moves on, in pixels.
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

/// (face, char, size in 1/64 px, halo width in 1/64 px, step within the pixel).
type GlyphKey = (usize, char, u32, u32, u8);

fn key(face_index: usize, c: char, px_size: f32, halo_px: f32, step: u8) -> GlyphKey {
    let sixty_fourths = |px: f32| (px * 64.0) as u32;
    (
        face_index,
        c,
        sixty_fourths(px_size),
        sixty_fourths(halo_px),
        step,
    )
}

/// Looks `key` up in `cache`, making and keeping it the first time.
fn kept<T>(
    cache: &'static OnceLock<Mutex<HashMap<GlyphKey, Arc<T>>>>,
    key: GlyphKey,
    make: impl FnOnce() -> T,
) -> Arc<T> {
    let cache = cache.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(cache) = cache.lock()
        && let Some(g) = cache.get(&key)
    {
        return g.clone();
    }
    let made = Arc::new(make());
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, made.clone());
    }
    made
}

/// The glyph for `c` with its pen `step` quarters of a pixel right of a whole pixel.
fn glyph(face_index: usize, c: char, px_size: f32, halo_px: f32, step: u8) -> Arc<Glyph> {
    static GLYPHS: OnceLock<Mutex<HashMap<GlyphKey, Arc<Glyph>>>> = OnceLock::new();
    let key = key(face_index, c, px_size, halo_px, step);
    kept(&GLYPHS, key, || {
        let (outline, advance) = outline(face_index, c, px_size);
        let dx = f32::from(step) / STEPS_PER_PIXEL;
        let per_halo_step = (STEPS_PER_PIXEL / HALO_STEPS_PER_PIXEL) as u8;
        Glyph {
            fill: outline.as_ref().map(|p| Coverage::of_outline(p, dx)),
            halo: (halo_px > 0.0)
                .then(|| halo(face_index, c, px_size, halo_px, step / per_halo_step)),
            advance,
        }
    })
}

/// The halo of a glyph: its outline stroked `halo_px` wide, `step` halves of a pixel right
/// (empty for a glyph with no outline).
fn halo(face_index: usize, c: char, px_size: f32, halo_px: f32, step: u8) -> Arc<Coverage> {
    static HALOS: OnceLock<Mutex<HashMap<GlyphKey, Arc<Coverage>>>> = OnceLock::new();
    let key = key(face_index, c, px_size, halo_px, step);
    kept(&HALOS, key, || {
        let stroke = Stroke {
            width: halo_px,
            line_join: LineJoin::MiterClip,
            miter_limit: 2.0,
            ..Stroke::default()
        };
        let dx = f32::from(step) / HALO_STEPS_PER_PIXEL;
        let (outline, _) = outline(face_index, c, px_size);
        outline
            .and_then(|p| p.stroke(&stroke, 1.0))
            .map_or(Coverage::NONE, |p| Coverage::of_path(&p, dx))
    })
}

/// The outline of `c` in pixels (y down, the pen at the origin) and its advance.
fn outline(face_index: usize, c: char, px_size: f32) -> (Option<Path>, f32) {
    let face = &faces()[face_index];
    let scale = px_size / face.units_per_em;
    let Some(f) = &face.face else {
        return (None, 0.6 * px_size);
    };
    let id = f.glyph_index(c);
    let advance = id
        .and_then(|id| f.glyph_hor_advance(id))
        .map_or(0.6 * face.units_per_em, f32::from)
        * scale;
    let mut outline = Outline(PathBuilder::new());
    // Font units are y-up; pixels are y-down.
    let path = id
        .and_then(|id| f.outline_glyph(id, &mut outline))
        .and_then(|_| outline.0.finish())
        .and_then(|p| p.transform(Transform::from_scale(scale, -scale)));
    (path, advance)
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

/// Draws one line of text through `ts` (a scale and a translation): the halos first, then the
/// glyphs.
pub(super) fn text(pixmap: &mut PixmapMut<'_>, t: &TextShape, ts: Transform) {
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
    let baseline = ((t.baseline() * ppp).round() + ts.ty) as i32;
    let mut x = t.min[0] * ppp + ts.tx;
    let glyphs: Vec<(i32, Arc<Glyph>)> = t
        .text
        .chars()
        .map(|c| {
            let steps = (x * STEPS_PER_PIXEL).round();
            let whole = (steps / STEPS_PER_PIXEL).floor();
            let step = (steps - whole * STEPS_PER_PIXEL) as u8;
            let g = glyph(face_index, c, px_size, halo_px, step);
            x += g.advance;
            (whole as i32, g)
        })
        .collect();
    if let Some(colour) = t.halo {
        for (pen, g) in &glyphs {
            if let Some(halo) = &g.halo {
                blend(pixmap, [*pen, baseline], halo, colour);
            }
        }
    }
    for (pen, g) in &glyphs {
        if let Some(fill) = &g.fill {
            blend(pixmap, [*pen, baseline], fill, t.color);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn inked(c: &Coverage) -> usize {
        c.data.iter().filter(|&&v| v > 128).count()
    }

    #[test]
    fn a_glyph_is_inked_its_counter_is_not_and_its_halo_reaches_further() {
        let g = glyph(0, 'O', 40.0, 4.0, 0);
        let fill = g.fill.as_ref().expect("an outline");
        let halo = g.halo.as_ref().expect("a halo");
        assert!(inked(fill) > 100, "{}", inked(fill));
        assert!(inked(halo) > inked(fill));
        assert!(g.advance > 20.0 && g.advance < 40.0, "{}", g.advance);
        // The middle of the O is empty.
        let height = fill.data.len() / fill.width;
        assert_eq!(fill.data[height / 2 * fill.width + fill.width / 2], 0);
        // A space has an advance and nothing to draw.
        let space = glyph(0, ' ', 40.0, 4.0, 0);
        assert!(space.fill.is_none() && space.advance > 0.0);
    }

    #[test]
    fn the_exact_area_fill_covers_what_the_path_filler_covers() {
        let (outline, _) = outline(1, 'K', 30.0);
        let outline = outline.expect("an outline");
        let exact = Coverage::of_outline(&outline, 0.25);
        let filled = Coverage::of_path(&outline, 0.25);
        assert_eq!(
            (exact.left, exact.top, exact.width),
            (filled.left, filled.top, filled.width)
        );
        let sum = |c: &Coverage| c.data.iter().map(|&v| f64::from(v)).sum::<f64>();
        let (a, b) = (sum(&exact), sum(&filled));
        assert!((a - b).abs() < 0.03 * b, "{a} vs {b}");
        let far = exact
            .data
            .iter()
            .zip(&filled.data)
            .filter(|(p, q)| p.abs_diff(**q) > 80);
        assert_eq!(far.count(), 0);
    }

    #[test]
    fn glyphs_a_quarter_pixel_apart_share_their_halo_a_half_pixel_apart_do_not() {
        let at = |step| glyph(0, 'a', 14.0, 3.0, step).halo.clone().expect("a halo");
        assert!(Arc::ptr_eq(&at(0), &at(1)));
        assert!(Arc::ptr_eq(&at(2), &at(3)));
        assert!(!Arc::ptr_eq(&at(1), &at(2)));
    }
}
