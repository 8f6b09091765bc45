//! Coverage masks: how much of each pixel of a small rectangle a shape covers, made by exact
//! area (ab_glyph_rasterizer, the rasteriser egui's text uses) or by tiny-skia's path filler,
//! and blended onto a pixmap in one colour.

use crate::scene::Rgba;
use tiny_skia::{FillRule, Mask, Path, PixmapMut, Transform};

/// How much of each pixel of a small rectangle a shape covers (0–255), row by row.
pub(super) struct Coverage {
    /// The top-left pixel from the pen position (whole pixel, on the baseline).
    pub left: i32,
    pub top: i32,
    pub width: usize,
    pub data: Vec<u8>,
}

impl Coverage {
    pub const NONE: Coverage = Coverage {
        left: 0,
        top: 0,
        width: 0,
        data: Vec::new(),
    };

    /// The rectangle around `path` moved `dx` right, with a pixel of room on every side for
    /// anti-aliased edges: its top-left pixel, width and height, and the transform into it.
    fn frame(path: &Path, dx: f32) -> (i32, i32, u32, u32, Transform) {
        let b = path.bounds();
        let left = (b.left() + dx).floor() as i32 - 1;
        let top = b.top().floor() as i32 - 1;
        let width = ((b.right() + dx).ceil() as i32 + 1 - left).max(1) as u32;
        let height = (b.bottom().ceil() as i32 + 1 - top).max(1) as u32;
        (
            left,
            top,
            width,
            height,
            Transform::from_translate(dx - left as f32, -top as f32),
        )
    }

    /// A glyph's outline, by exact area (the rasteriser egui's own text uses).
    pub fn of_outline(path: &Path, dx: f32) -> Coverage {
        use ab_glyph_rasterizer::{Rasterizer, point};
        use tiny_skia::PathSegment as S;
        let (left, top, width, height, ts) = Coverage::frame(path, dx);
        let mut r = Rasterizer::new(width as usize, height as usize);
        let at = |p: tiny_skia::Point| point(p.x + ts.tx, p.y + ts.ty);
        let (mut start, mut pen) = (point(0.0, 0.0), point(0.0, 0.0));
        for segment in path.segments() {
            match segment {
                S::MoveTo(p) => {
                    (start, pen) = (at(p), at(p));
                }
                S::LineTo(p) => {
                    r.draw_line(pen, at(p));
                    pen = at(p);
                }
                S::QuadTo(a, p) => {
                    r.draw_quad(pen, at(a), at(p));
                    pen = at(p);
                }
                S::CubicTo(a, b, p) => {
                    r.draw_cubic(pen, at(a), at(b), at(p));
                    pen = at(p);
                }
                S::Close => {
                    r.draw_line(pen, start);
                    pen = start;
                }
            }
        }
        let mut data = vec![0u8; width as usize * height as usize];
        r.for_each_pixel(|i, alpha| data[i] = (alpha.min(1.0) * 255.0 + 0.5) as u8);
        Coverage {
            left,
            top,
            width: width as usize,
            data,
        }
    }

    /// Any path, overlapping itself or not (a stroked outline), filled by the non-zero rule.
    pub fn of_path(path: &Path, dx: f32) -> Coverage {
        let (left, top, width, height, ts) = Coverage::frame(path, dx);
        let data = Mask::new(width, height).map_or_else(Vec::new, |mut mask| {
            mask.fill_path(path, FillRule::Winding, true, ts);
            mask.take()
        });
        Coverage {
            left,
            top,
            width: width as usize,
            data,
        }
    }
}

/// Paints `colour` through `coverage` placed at the pen position `pen`, source over, clipped
/// to the pixmap.
pub(super) fn blend(pixmap: &mut PixmapMut<'_>, pen: [i32; 2], coverage: &Coverage, colour: Rgba) {
    let (width, at) = (
        coverage.width,
        [pen[0] + coverage.left, pen[1] + coverage.top],
    );
    if width == 0 || coverage.data.is_empty() {
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
    for (row, cov) in coverage.data.chunks_exact(width).enumerate() {
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

    fn mask(width: usize, data: &[u8]) -> Coverage {
        Coverage {
            left: 0,
            top: 0,
            width,
            data: data.to_vec(),
        }
    }

    #[test]
    fn blending_full_coverage_gives_the_colour_and_none_leaves_the_pixel() {
        let mut pixmap = Pixmap::new(3, 1).unwrap();
        pixmap.fill(tiny_skia::Color::from_rgba8(10, 20, 30, 255));
        let colour = Rgba([200, 100, 50, 255]);
        blend(
            &mut pixmap.as_mut(),
            [0, 0],
            &mask(3, &[255, 0, 128]),
            colour,
        );
        let px: Vec<&[u8]> = pixmap.data().chunks(4).collect();
        assert_eq!(px[0], [200, 100, 50, 255]);
        assert_eq!(px[1], [10, 20, 30, 255]);
        // Half coverage: half way between the two.
        assert_eq!(px[2], [105, 60, 40, 255]);
    }

    #[test]
    fn blending_is_clipped_to_the_pixmap() {
        let mut pixmap = Pixmap::new(2, 2).unwrap();
        let (red, blue) = (Rgba([255, 0, 0, 255]), Rgba([0, 0, 255, 255]));
        // A 3×3 mask hanging off the top-left corner: only its bottom-right 2×2 lands.
        blend(&mut pixmap.as_mut(), [-1, -1], &mask(3, &[255; 9]), red);
        assert!(pixmap.data().chunks(4).all(|p| p == [255, 0, 0, 255]));
        blend(&mut pixmap.as_mut(), [5, 0], &mask(3, &[255; 9]), blue);
        blend(&mut pixmap.as_mut(), [0, -7], &mask(3, &[255; 9]), blue);
        assert!(pixmap.data().chunks(4).all(|p| p == [255, 0, 0, 255]));
    }
}
