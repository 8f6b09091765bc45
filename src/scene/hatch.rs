//! Hatching: diagonal strokes across a filled outline, the look of a status the record leaves
//! uncertain. Computed here, in canvas points, so that every painter draws the same strokes.

use super::shapes::{LineShape, Shape, Stroke};
use super::style::Style;
use std::sync::Arc;

/// The diagonal segments (rising to the right, `spacing` apart) that lie inside `rings` by the
/// even-odd rule, so that holes (lakes) stay clear.
pub(super) fn hatch<R: AsRef<[[f32; 2]]>>(rings: &[R], spacing: f32) -> Vec<[[f32; 2]; 2]> {
    if spacing <= 0.0 || !spacing.is_finite() {
        return Vec::new();
    }
    // Lines x + y = c: along each, a point is given by its x.
    let key = |p: [f32; 2]| p[0] + p[1];
    let (mut lo, mut hi) = (f32::INFINITY, f32::NEG_INFINITY);
    for p in rings.iter().flat_map(|r| r.as_ref()) {
        lo = lo.min(key(*p));
        hi = hi.max(key(*p));
    }
    if !(lo.is_finite() && hi.is_finite()) {
        return Vec::new();
    }
    let first = (lo / spacing).ceil() as i64;
    let last = (hi / spacing).floor() as i64;
    let lines = usize::try_from(last - first + 1).unwrap_or(0);
    // Crossings of each line, as x, found edge by edge.
    let mut crossings: Vec<Vec<f32>> = vec![Vec::new(); lines];
    for ring in rings {
        let ring = ring.as_ref();
        for (i, &a) in ring.iter().enumerate() {
            let b = ring[(i + 1) % ring.len()];
            let (ka, kb) = (key(a), key(b));
            if ka == kb {
                continue;
            }
            // Half-open in c so that a vertex on a line counts once.
            let (kmin, kmax) = (ka.min(kb), ka.max(kb));
            let from = ((kmin / spacing).ceil() as i64).max(first);
            let to = ((kmax / spacing).ceil() as i64 - 1).min(last);
            for n in from..=to {
                let c = n as f32 * spacing;
                let t = (c - ka) / (kb - ka);
                if let Some(list) = usize::try_from(n - first)
                    .ok()
                    .and_then(|i| crossings.get_mut(i))
                {
                    list.push(a[0] + t * (b[0] - a[0]));
                }
            }
        }
    }
    let mut out = Vec::new();
    for (i, xs) in crossings.iter_mut().enumerate() {
        let c = (first + i as i64) as f32 * spacing;
        xs.sort_by(f32::total_cmp);
        for pair in xs.chunks_exact(2).filter(|p| p[1] - p[0] > 1e-3) {
            out.push([[pair[0], c - pair[0]], [pair[1], c - pair[1]]]);
        }
    }
    out
}

/// The hatching of a unit whose status is uncertain: strokes of the status colour over its
/// plain fill.
pub(super) fn hatch_lines<R: AsRef<[[f32; 2]]>>(rings: &[R], style: &Style, s: f32) -> Vec<Shape> {
    hatch(rings, style.widths.hatch_spacing * s)
        .into_iter()
        .map(|[a, b]| {
            Shape::Line(LineShape {
                id: None,
                points: Arc::new([a, b]),
                closed: false,
                stroke: Stroke::solid(style.widths.hatch * s, style.status_fill),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f32, y0: f32, side: f32) -> Vec<[f32; 2]> {
        vec![
            [x0, y0],
            [x0 + side, y0],
            [x0 + side, y0 + side],
            [x0, y0 + side],
        ]
    }

    fn inside(p: [f32; 2], x0: f32, y0: f32, side: f32) -> bool {
        let e = 1e-3;
        p[0] >= x0 - e && p[0] <= x0 + side + e && p[1] >= y0 - e && p[1] <= y0 + side + e
    }

    #[test]
    fn strokes_stay_inside_the_outline_and_cover_it() {
        let segments = hatch(&[square(0.0, 0.0, 100.0)], 10.0);
        // Lines x + y = 10, 20, … 190 cross the square.
        assert_eq!(segments.len(), 19);
        for s in &segments {
            assert!(inside(s[0], 0.0, 0.0, 100.0) && inside(s[1], 0.0, 0.0, 100.0));
            assert!((s[0][0] + s[0][1] - (s[1][0] + s[1][1])).abs() < 1e-3);
        }
    }

    #[test]
    fn a_hole_is_left_clear() {
        let segments = hatch(&[square(0.0, 0.0, 100.0), square(40.0, 40.0, 20.0)], 10.0);
        for s in &segments {
            let mid = [(s[0][0] + s[1][0]) / 2.0, (s[0][1] + s[1][1]) / 2.0];
            assert!(
                !(mid[0] > 41.0 && mid[0] < 59.0 && mid[1] > 41.0 && mid[1] < 59.0),
                "a stroke runs through the hole: {s:?}"
            );
        }
        // The line x + y = 100 passes through the hole: it is cut in two.
        let on_100 = segments
            .iter()
            .filter(|s| (s[0][0] + s[0][1] - 100.0).abs() < 1e-3)
            .count();
        assert_eq!(on_100, 2);
    }

    #[test]
    fn nothing_to_hatch_gives_no_strokes() {
        assert!(hatch::<Vec<[f32; 2]>>(&[], 10.0).is_empty());
        assert!(hatch(&[square(0.0, 0.0, 100.0)], 0.0).is_empty());
    }
}
