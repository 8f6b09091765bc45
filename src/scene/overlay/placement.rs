//! Where the legend goes: a coarse grid of how much each part of the canvas matters (the
//! country, its cities), and the corner that hides the least of it.

use crate::scene::labels::Box2;
use crate::scene::shapes::{PolygonClass, Shape};

/// Cells of a coarse grid over the canvas: how much each one matters (a piece of the country,
/// or a city marker), so that candidate legend boxes can be scored cheaply.
pub(super) struct Coverage {
    cols: usize,
    rows: usize,
    cell: [f32; 2],
    weight: Vec<f32>,
}

const COLS: usize = 48;
const ROWS: usize = 27;

impl Coverage {
    #[cfg(test)]
    pub(super) fn new(size: [f32; 2], map: &[&[Shape]], s: f32) -> Self {
        Coverage::with_units(size, &units_inside(size, map), map, s)
    }

    /// The coverage of `map`'s markers over the cells `inside` marks as covered by its units
    /// (what [`units_inside`] makes of the same map).
    pub(super) fn with_units(size: [f32; 2], inside: &[bool], map: &[&[Shape]], s: f32) -> Self {
        let (cols, rows) = (COLS, ROWS);
        let cell = [size[0] / cols as f32, size[1] / rows as f32];
        let mut weight: Vec<f32> = inside.iter().map(|&i| f32::from(u8::from(i))).collect();
        weight.resize(cols * rows, 0.0);
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

/// The grid cells (row by row) whose centre lies inside a unit of `map`: the part of the
/// coverage that depends on the outlines alone, not on the instant.
pub(super) fn units_inside(size: [f32; 2], map: &[&[Shape]]) -> Vec<bool> {
    let (cols, rows) = (COLS, ROWS);
    let cell = [size[0] / cols as f32, size[1] / rows as f32];
    // Each unit filled row by row: where a row's centre line crosses the unit's rings,
    // the cells between the first and second crossing, the third and fourth… are inside
    // (the even-odd rule of a click's test, at each cell's centre). Each edge is visited
    // once, for the rows it crosses.
    let mut inside = vec![false; cols * rows];
    let mut crossings: Vec<Vec<f32>> = vec![Vec::new(); rows];
    let units = map
        .iter()
        .flat_map(|shapes| shapes.iter())
        .filter_map(|shape| match shape {
            Shape::Polygon(p) if matches!(p.class, PolygonClass::Unit { .. }) => Some(p),
            _ => None,
        });
    let row_of = |y: f32| (y / cell[1] - 0.5).ceil().clamp(0.0, rows as f32) as usize;
    for poly in units {
        crossings.iter_mut().for_each(Vec::clear);
        for ring in poly.polygon.rings.iter().filter(|ring| ring.len() >= 3) {
            let mut b = ring[ring.len() - 1];
            for &a in ring.iter() {
                let (lo, hi) = if a[1] < b[1] {
                    (a[1], b[1])
                } else {
                    (b[1], a[1])
                };
                // Rows whose centre y satisfies lo <= y < hi, which is when
                // (a.y > y) != (b.y > y).
                for (r, list) in crossings
                    .iter_mut()
                    .enumerate()
                    .take(row_of(hi))
                    .skip(row_of(lo))
                {
                    let y = (r as f32 + 0.5) * cell[1];
                    list.push(a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]));
                }
                b = a;
            }
        }
        for (list, row) in crossings.iter_mut().zip(inside.chunks_mut(cols)) {
            list.sort_by(f32::total_cmp);
            for pair in list.chunks_exact(2) {
                // Cells whose centre x is in [pair[0], pair[1]).
                let first = (pair[0] / cell[0] - 0.5).ceil().max(0.0) as usize;
                let end = ((pair[1] / cell[0] - 0.5).ceil().max(0.0) as usize).min(cols);
                for cell in row.iter_mut().take(end).skip(first) {
                    *cell = true;
                }
            }
        }
    }
    inside
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
    use crate::scene::PolygonShape;
    use std::sync::Arc;

    /// A unit polygon with these rings.
    fn unit_of(rings: crate::geometry::Rings) -> Shape {
        Shape::Polygon(PolygonShape {
            polygon: Arc::new(crate::geometry::ProjectedPolygon {
                id: "u".into(),
                rings,
                triangles: Arc::new(crate::geometry::Triangles::ready([0u32, 1, 2, 0, 2, 3])),
            }),
            class: PolygonClass::Unit {
                status: None,
                uncertain: None,
            },
            target: None,
            fill: crate::scene::Rgba::rgb(0, 0, 0),
        })
    }

    /// A unit polygon covering the box `b` (min x, min y, max x, max y) of the canvas.
    fn unit(b: [f32; 4]) -> Shape {
        unit_of(Arc::new([
            Arc::new([[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]]])
                as crate::scene::Ring,
        ]))
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

    #[test]
    fn coverage_row_by_row_agrees_with_the_click_test_at_every_cell_centre() {
        // A slanted outline with a hole: every cell's centre is inside for the coverage
        // exactly when it is inside for a click.
        let outer = vec![[30.0, 20.0], [700.0, 80.0], [760.0, 560.0], [90.0, 500.0]];
        let hole = vec![
            [300.0, 200.0],
            [500.0, 220.0],
            [480.0, 400.0],
            [320.0, 380.0],
        ];
        let rings: crate::geometry::Rings = Arc::new([outer.into(), hole.into()]);
        let coverage = Coverage::new(CANVAS, &[&[unit_of(rings.clone())]], 1.0);
        let mut inside = 0;
        for r in 0..coverage.rows {
            for c in 0..coverage.cols {
                let centre = [
                    (c as f32 + 0.5) * coverage.cell[0],
                    (r as f32 + 0.5) * coverage.cell[1],
                ];
                let expected = crate::scene::hit::contains(&rings, centre);
                assert_eq!(
                    coverage.weight[r * coverage.cols + c] > 0.0,
                    expected,
                    "{centre:?}"
                );
                inside += usize::from(expected);
            }
        }
        assert!(inside > 500 && inside < 1000, "{inside} cells inside");
    }
}
