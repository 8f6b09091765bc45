//! Where the legend goes: a coarse grid of how much each part of the canvas matters (the
//! country, its cities), and the corner that hides the least of it.

use crate::scene::hit::contains;
use crate::scene::labels::Box2;
use crate::scene::shapes::{PolygonClass, PolygonShape, Shape};

/// Cells of a coarse grid over the canvas: how much each one matters (a piece of the country,
/// or a city marker), so that candidate legend boxes can be scored cheaply.
pub(super) struct Coverage {
    cols: usize,
    rows: usize,
    cell: [f32; 2],
    weight: Vec<f32>,
}

impl Coverage {
    pub(super) fn new(size: [f32; 2], map: &[&[Shape]], s: f32) -> Self {
        let (cols, rows) = (48, 27);
        let cell = [size[0] / cols as f32, size[1] / rows as f32];
        let mut weight = vec![0.0; cols * rows];
        let polys: Vec<(&PolygonShape, [f32; 4])> = map
            .iter()
            .flat_map(|shapes| shapes.iter())
            .filter_map(|shape| match shape {
                Shape::Polygon(p) if matches!(p.class, PolygonClass::Unit { .. }) => {
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
                        && contains(&poly.rings, p)
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
pub(super) fn legend_corner(
    (canvas_width, s): (f32, f32),
    bottom: f32,
    size: [f32; 2],
    coverage: &Coverage,
    taken: &[Box2],
) -> ([f32; 2], f32) {
    let margin = 10.0 * s;
    let w = canvas_width;
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// A unit polygon covering the box `b` (min x, min y, max x, max y) of the canvas.
    fn unit(b: [f32; 4]) -> Shape {
        Shape::Polygon(PolygonShape {
            id: "u".into(),
            class: PolygonClass::Unit {
                status: None,
                uncertain: None,
            },
            target: None,
            rings: vec![vec![[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]]],
            triangles: Arc::from([0u32, 1, 2, 0, 2, 3]),
            fill: crate::scene::Rgba::rgb(0, 0, 0),
        })
    }

    const CANVAS: [f32; 2] = [800.0, 600.0];
    const LEGEND: [f32; 2] = [200.0, 150.0];

    fn corner(map: &[Shape], taken: &[Box2]) -> [f32; 2] {
        let coverage = Coverage::new(CANVAS, &[map], 1.0);
        legend_corner((CANVAS[0], 1.0), CANVAS[1], LEGEND, &coverage, taken).0
    }

    #[test]
    fn the_legend_goes_to_a_corner_that_hides_none_of_the_country() {
        // The country fills the left half and the top right: only the bottom right is free.
        let map = [
            unit([0.0, 0.0, 400.0, 600.0]),
            unit([400.0, 0.0, 800.0, 300.0]),
        ];
        assert_eq!(corner(&map, &[]), [590.0, 440.0]);
    }

    #[test]
    fn the_legend_keeps_clear_of_what_the_overlay_already_placed() {
        // Nothing mapped: any corner would do, but the bottom left holds the scale bar.
        let scale_bar = [0.0, 500.0, 300.0, 600.0];
        let at = corner(&[], &[scale_bar]);
        assert_ne!(at, [10.0, 440.0], "the legend covers the scale bar");
        assert_eq!(at, [10.0, 10.0], "the next corner in order is the top left");
    }
}
