//! Text on the CPU, from the DejaVu glyph outlines (the very font the scene measured its labels
//! with). Each glyph is outlined, stroked for its halo and rasterised by tiny-skia into coverage
//! masks once per face, size and quarter-pixel position; drawing text is then only blending
//! those masks. Labels repeat letters, and the frames of an animation repeat whole labels.

use crate::scene::fonts::{bold_bytes, regular_bytes};
use crate::scene::{Rgba, TextShape};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use tiny_skia::{FillRule, LineJoin, Mask, Path, PathBuilder, PixmapMut, Stroke, Transform};

/// Glyphs are placed to this fraction of a pixel across (their baseline sits on a whole pixel).
const STEPS_PER_PIXEL: f32 = 4.0;

/// A glyph rasterised at one size and position within a pixel.
struct Glyph {
    /// The masks' top-left pixel from the pen position (whole pixel, on the baseline).
    left: i32,
    top: i32,
    width: usize,
    /// Coverage (0–255) of the glyph and of its halo, row by row; empty when there is none.
    fill: Vec<u8>,
    halo: Vec<u8>,
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

/// The glyph for `c` with its pen `step` quarters of a pixel right of a whole pixel, made the
/// first time it is asked for and kept.
fn glyph(face_index: usize, c: char, px_size: f32, halo_px: f32, step: u8) -> Arc<Glyph> {
    static CACHE: OnceLock<Mutex<HashMap<GlyphKey, Arc<Glyph>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    let key = (
        face_index,
        c,
        (px_size * 64.0) as u32,
        (halo_px * 64.0) as u32,
        step,
    );
    if let Ok(cache) = cache.lock()
        && let Some(g) = cache.get(&key)
    {
        return g.clone();
    }
    let g = Arc::new(rasterise(face_index, c, px_size, halo_px, step));
    if let Ok(mut cache) = cache.lock() {
        cache.insert(key, g.clone());
    }
    g
}

fn rasterise(face_index: usize, c: char, px_size: f32, halo_px: f32, step: u8) -> Glyph {
    let face = &faces()[face_index];
    let scale = px_size / face.units_per_em;
    let mut advance = 0.6 * px_size;
    let mut fill = None;
    if let Some(f) = &face.face {
        let id = f.glyph_index(c);
        advance = id
            .and_then(|id| f.glyph_hor_advance(id))
            .map_or(0.6 * face.units_per_em, f32::from)
            * scale;
        let mut outline = Outline(PathBuilder::new());
        // Font units are y-up; pixels are y-down.
        fill = id
            .and_then(|id| f.outline_glyph(id, &mut outline))
            .and_then(|_| outline.0.finish())
            .and_then(|p| p.transform(Transform::from_scale(scale, -scale)));
    }
    let halo = fill.as_ref().filter(|_| halo_px > 0.0).and_then(|p| {
        let stroke = Stroke {
            width: halo_px,
            line_join: LineJoin::MiterClip,
            miter_limit: 2.0,
            ..Stroke::default()
        };
        p.stroke(&stroke, 1.0)
    });
    let dx = f32::from(step) / STEPS_PER_PIXEL;
    let Some(bounds) = halo.as_ref().or(fill.as_ref()).map(Path::bounds) else {
        return Glyph {
            left: 0,
            top: 0,
            width: 0,
            fill: Vec::new(),
            halo: Vec::new(),
            advance,
        };
    };
    // A pixel of room on every side for the anti-aliased edge.
    let left = (bounds.left() + dx).floor() as i32 - 1;
    let top = bounds.top().floor() as i32 - 1;
    let width = ((bounds.right() + dx).ceil() as i32 + 1 - left).max(1) as u32;
    let height = (bounds.bottom().ceil() as i32 + 1 - top).max(1) as u32;
    let ts = Transform::from_translate(dx - left as f32, -top as f32);
    let coverage = |path: Option<&Path>| {
        let Some(path) = path else {
            return Vec::new();
        };
        let Some(mut mask) = Mask::new(width, height) else {
            return Vec::new();
        };
        mask.fill_path(path, FillRule::Winding, true, ts);
        mask.take()
    };
    Glyph {
        left,
        top,
        width: width as usize,
        fill: coverage(fill.as_ref()),
        halo: coverage(halo.as_ref()),
        advance,
    }
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
    if let Some(halo) = t.halo {
        for (pen, g) in &glyphs {
            blend(
                pixmap,
                [pen + g.left, baseline + g.top],
                g.width,
                &g.halo,
                halo,
            );
        }
    }
    for (pen, g) in &glyphs {
        blend(
            pixmap,
            [pen + g.left, baseline + g.top],
            g.width,
            &g.fill,
            t.color,
        );
    }
}

/// Paints `colour` through `coverage` (rows of `width`) with its top-left pixel at `at`,
/// source over, clipped to the pixmap.
fn blend(pixmap: &mut PixmapMut<'_>, at: [i32; 2], width: usize, coverage: &[u8], colour: Rgba) {
    if width == 0 || coverage.is_empty() {
        return;
    }
    let (pw, ph) = (pixmap.width() as i32, pixmap.height() as i32);
    let first_col = (-at[0]).clamp(0, width as i32) as usize;
    let end_col = (pw - at[0]).clamp(0, width as i32) as usize;
    if first_col >= end_col {
        return;
    }
    let mul = |a: u32, b: u32| (a * b + 127) / 255;
    let [r, g, b, a] = colour.0.map(u32::from);
    let data = pixmap.data_mut();
    for (row, cov) in coverage.chunks_exact(width).enumerate() {
        let y = at[1] + row as i32;
        if y < 0 || y >= ph {
            continue;
        }
        let line = (y as usize * pw as usize + (at[0] + first_col as i32) as usize) * 4;
        let out = &mut data[line..line + (end_col - first_col) * 4];
        for (px, &m) in out.chunks_exact_mut(4).zip(&cov[first_col..end_col]) {
            if m == 0 {
                continue;
            }
            // Premultiplied source over: the colour at alpha `s`, the rest of what was there.
            let s = mul(u32::from(m), a);
            let keep = 255 - s;
            px[0] = (mul(r, s) + mul(u32::from(px[0]), keep)) as u8;
            px[1] = (mul(g, s) + mul(u32::from(px[1]), keep)) as u8;
            px[2] = (mul(b, s) + mul(u32::from(px[2]), keep)) as u8;
            px[3] = (s + mul(u32::from(px[3]), keep)) as u8;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tiny_skia::Pixmap;

    #[test]
    fn blending_full_coverage_gives_the_colour_and_none_leaves_the_pixel() {
        let mut pixmap = Pixmap::new(3, 1).unwrap();
        pixmap.fill(tiny_skia::Color::from_rgba8(10, 20, 30, 255));
        let colour = Rgba([200, 100, 50, 255]);
        blend(&mut pixmap.as_mut(), [0, 0], 3, &[255, 0, 128], colour);
        let px: Vec<[u8; 4]> = pixmap
            .data()
            .chunks(4)
            .map(|p| p.try_into().unwrap())
            .collect();
        assert_eq!(px[0], [200, 100, 50, 255]);
        assert_eq!(px[1], [10, 20, 30, 255]);
        // Half coverage: half way between the two.
        assert_eq!(px[2], [105, 60, 40, 255]);
    }

    #[test]
    fn blending_is_clipped_to_the_pixmap() {
        let mut pixmap = Pixmap::new(2, 2).unwrap();
        let colour = Rgba([255, 0, 0, 255]);
        // A 3×3 mask hanging off the top-left corner: only its bottom-right 2×2 lands.
        blend(&mut pixmap.as_mut(), [-1, -1], 3, &[255; 9], colour);
        assert!(pixmap.data().chunks(4).all(|p| p == [255, 0, 0, 255]));
        blend(
            &mut pixmap.as_mut(),
            [5, 0],
            3,
            &[255; 9],
            Rgba([0, 0, 255, 255]),
        );
        blend(
            &mut pixmap.as_mut(),
            [0, -7],
            3,
            &[255; 9],
            Rgba([0, 0, 255, 255]),
        );
        assert!(pixmap.data().chunks(4).all(|p| p == [255, 0, 0, 255]));
    }

    #[test]
    fn a_glyph_is_inked_and_its_halo_reaches_further() {
        let g = glyph(0, 'H', 20.0, 3.0, 0);
        let inked = |cov: &[u8]| cov.iter().filter(|&&c| c > 128).count();
        assert!(inked(&g.fill) > 20, "{}", inked(&g.fill));
        assert!(inked(&g.halo) > inked(&g.fill));
        assert!(g.advance > 10.0 && g.advance < 20.0, "{}", g.advance);
        // A space has an advance and nothing to draw.
        let space = glyph(0, ' ', 20.0, 3.0, 0);
        assert!(space.fill.iter().all(|&c| c == 0) && space.advance > 0.0);
    }
}
