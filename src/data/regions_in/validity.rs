//! What makes a multipolygon invalid, found in about n log n.
//!
//! geo's `Validation` tests every segment of a ring against every other one, which a
//! 100 000-point coastline cannot afford. The rules here are the same (OGC's): a ring must not
//! touch or cross itself, rings of a polygon may touch only at points, holes lie inside the
//! exterior and outside one another, and the parts of a multipolygon neither overlap nor share
//! an edge. Segment intersections come from geo's sweep (`Intersections`); containment is
//! decided by a point-in-ring test on a segment's midpoint, or by geo's `Relate` when two
//! rings touch (where a midpoint could lie on the other ring). The tests compare the verdicts
//! with geo's `Validation`.

use geo::coordinate_position::CoordPos;
use geo::dimensions::Dimensions;
use geo::sweep::{Cross, Intersections};
use geo::{BoundingRect, Coord, Line, LineIntersection, LineString, Polygon, Rect, Relate};
use std::collections::BTreeSet;

/// What is wrong with each part of a multipolygon, and between its parts.
#[derive(Debug, Clone, Default)]
pub(super) struct Defects {
    /// Per polygon: what is wrong with it alone, in words ("self-intersections"…).
    pub polygons: Vec<Option<&'static str>>,
    /// Two parts overlap or share an edge, so they must be merged.
    pub between_parts: bool,
}

pub(super) const SELF_INTERSECTION: &str = "self-intersections";
const CROSSING_RINGS: &str = "rings that cross";
const HOLE_OUTSIDE: &str = "holes outside their polygon";
const NESTED_HOLES: &str = "holes inside holes";

/// A segment and where it comes from.
#[derive(Debug, Clone, Copy)]
struct Segment {
    line: Line<f64>,
    polygon: u32,
    ring: u32,
    index: u32,
    /// Segments in its ring.
    count: u32,
}

impl Cross for Segment {
    type Scalar = f64;
    fn line(&self) -> Line<f64> {
        self.line
    }
}

/// Finds the defects of closed rings with finite coordinates and no repeated points.
pub(super) fn defects(polygons: &[Polygon<f64>]) -> Defects {
    let mut found = Defects {
        polygons: vec![None; polygons.len()],
        between_parts: false,
    };
    // Rings that touch at a point: (polygon, ring, polygon, ring), the smaller first.
    let mut touching = BTreeSet::new();
    for (a, b, hit) in Intersections::from_iter(segments(polygons)) {
        let (a, b) = if (a.polygon, a.ring) <= (b.polygon, b.ring) {
            (a, b)
        } else {
            (b, a)
        };
        let crossing = match hit {
            LineIntersection::SinglePoint { is_proper, .. } => is_proper,
            LineIntersection::Collinear { .. } => true,
        };
        if a.polygon != b.polygon {
            found.between_parts |= crossing;
        } else if a.ring == b.ring {
            // Neighbours share an end point; anything more is the ring touching itself.
            let neighbours =
                a.index.abs_diff(b.index) == 1 || a.index.abs_diff(b.index) + 1 == a.count;
            if crossing || !neighbours {
                found.polygons[a.polygon as usize] = Some(SELF_INTERSECTION);
            }
            continue;
        } else if crossing {
            found.polygons[a.polygon as usize].get_or_insert(CROSSING_RINGS);
        }
        if !crossing {
            touching.insert((a.polygon, a.ring, b.polygon, b.ring));
        }
    }
    for (p, polygon) in polygons.iter().enumerate() {
        if found.polygons[p].is_none() {
            found.polygons[p] = misplaced_holes(p as u32, polygon, &touching);
        }
    }
    if !found.between_parts && found.polygons.iter().all(Option::is_none) {
        found.between_parts = parts_overlap(polygons, &touching);
    }
    found
}

fn segments(polygons: &[Polygon<f64>]) -> impl Iterator<Item = Segment> + '_ {
    polygons.iter().enumerate().flat_map(|(p, polygon)| {
        rings(polygon).enumerate().flat_map(move |(r, ring)| {
            let count = ring.0.len().saturating_sub(1) as u32;
            ring.lines().enumerate().map(move |(i, line)| Segment {
                line,
                polygon: p as u32,
                ring: r as u32,
                index: i as u32,
                count,
            })
        })
    })
}

fn rings(polygon: &Polygon<f64>) -> impl Iterator<Item = &LineString<f64>> {
    std::iter::once(polygon.exterior()).chain(polygon.interiors())
}

/// Holes outside the exterior, or inside one another.
fn misplaced_holes(
    p: u32,
    polygon: &Polygon<f64>,
    touching: &BTreeSet<(u32, u32, u32, u32)>,
) -> Option<&'static str> {
    let exterior = polygon.exterior();
    let exterior_box = exterior.bounding_rect()?;
    let exterior_polygon = Polygon::new(exterior.clone(), vec![]);
    for (h, hole) in polygon.interiors().iter().enumerate() {
        let r = h as u32 + 1;
        let inside = if touching.contains(&(p, 0, p, r)) {
            exterior_polygon
                .relate(&Polygon::new(hole.clone(), vec![]))
                .is_contains()
        } else {
            hole.bounding_rect()
                .is_some_and(|b| within(b, exterior_box))
                && midpoint(hole).is_some_and(|m| inside_ring(m, exterior))
        };
        if !inside {
            return Some(HOLE_OUTSIDE);
        }
    }
    let holes = polygon.interiors();
    for (i, j) in overlapping_boxes(holes.iter().map(BoundingRect::bounding_rect)) {
        let (ri, rj) = (i as u32 + 1, j as u32 + 1);
        let nested = if touching.contains(&(p, ri, p, rj)) {
            let a = Polygon::new(holes[i].clone(), vec![]);
            let b = Polygon::new(holes[j].clone(), vec![]);
            a.relate(&b).get(CoordPos::Inside, CoordPos::Inside) == Dimensions::TwoDimensional
        } else {
            midpoint(&holes[i]).is_some_and(|m| inside_ring(m, &holes[j]))
                || midpoint(&holes[j]).is_some_and(|m| inside_ring(m, &holes[i]))
        };
        if nested {
            return Some(NESTED_HOLES);
        }
    }
    None
}

/// Whether two parts overlap (their rings do not cross: that is found by the sweep).
fn parts_overlap(polygons: &[Polygon<f64>], touching: &BTreeSet<(u32, u32, u32, u32)>) -> bool {
    let touching_parts: BTreeSet<(u32, u32)> = touching
        .iter()
        .filter(|(pa, _, pb, _)| pa != pb)
        .map(|&(pa, _, pb, _)| (pa, pb))
        .collect();
    let boxes = polygons.iter().map(BoundingRect::bounding_rect);
    overlapping_boxes(boxes).into_iter().any(|(i, j)| {
        let (a, b) = (&polygons[i], &polygons[j]);
        if touching_parts.contains(&(i as u32, j as u32)) {
            a.relate(b).get(CoordPos::Inside, CoordPos::Inside) == Dimensions::TwoDimensional
        } else {
            midpoint(b.exterior()).is_some_and(|m| inside_polygon(m, a))
                || midpoint(a.exterior()).is_some_and(|m| inside_polygon(m, b))
        }
    })
}

/// Pairs (i < j) of boxes that overlap, found by sorting on the west edge.
fn overlapping_boxes(boxes: impl Iterator<Item = Option<Rect<f64>>>) -> Vec<(usize, usize)> {
    let mut boxes: Vec<(usize, Rect<f64>)> = boxes
        .enumerate()
        .filter_map(|(i, b)| Some((i, b?)))
        .collect();
    boxes.sort_by(|a, b| a.1.min().x.total_cmp(&b.1.min().x));
    let mut pairs = Vec::new();
    for (k, (i, a)) in boxes.iter().enumerate() {
        for (j, b) in boxes[k + 1..].iter() {
            if b.min().x > a.max().x {
                break;
            }
            if b.min().y <= a.max().y && a.min().y <= b.max().y {
                pairs.push(((*i).min(*j), (*i).max(*j)));
            }
        }
    }
    pairs
}

fn within(inner: Rect<f64>, outer: Rect<f64>) -> bool {
    inner.min().x >= outer.min().x
        && inner.min().y >= outer.min().y
        && inner.max().x <= outer.max().x
        && inner.max().y <= outer.max().y
}

/// The middle of a ring's first segment: on no other ring unless the two touch or overlap.
fn midpoint(ring: &LineString<f64>) -> Option<Coord<f64>> {
    let line = ring.lines().next()?;
    Some((line.start + line.end) / 2.0)
}

/// Even-odd ray casting.
pub(super) fn inside_ring(point: Coord<f64>, ring: &LineString<f64>) -> bool {
    let mut inside = false;
    for line in ring.lines() {
        let (a, b) = (line.start, line.end);
        if (a.y > point.y) != (b.y > point.y) {
            let x = a.x + (point.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if point.x < x {
                inside = !inside;
            }
        }
    }
    inside
}

fn inside_polygon(point: Coord<f64>, polygon: &Polygon<f64>) -> bool {
    inside_ring(point, polygon.exterior())
        && !polygon.interiors().iter().any(|h| inside_ring(point, h))
}
