//! Unit borders cut into runs so that each stretch of border is drawn once: two neighbours
//! share their common border, and drawing both outlines drew it twice (twice the triangles,
//! and inner borders darker than coasts). Runs are found on the full-detail outlines, where
//! neighbours share their vertices exactly, and simplified run by run for the coarse level,
//! each run keeping its ends, so that the runs still meet.

use super::cache::{GeometryCache, Lod, UnitGeometry};
use geo::{Coord, LineString, Simplify};
use std::collections::HashSet;

/// A stretch of border in Mercator coordinates.
#[derive(Debug, Clone)]
pub struct Run {
    pub points: Vec<[f64; 2]>,
    /// A whole ring (an island, a unit with no neighbour): drawn closed.
    pub closed: bool,
    /// min x, min y, max x, max y.
    pub bbox: [f64; 4],
}

/// An edge without its direction, by the exact bits of its ends.
type EdgeKey = [u64; 4];

fn edge_key(a: [f64; 2], b: [f64; 2]) -> EdgeKey {
    let (a, b) = (
        [a[0].to_bits(), a[1].to_bits()],
        [b[0].to_bits(), b[1].to_bits()],
    );
    if a <= b {
        [a[0], a[1], b[0], b[1]]
    } else {
        [b[0], b[1], a[0], a[1]]
    }
}

/// The border runs of `units` at full detail: every edge of every ring once, the first ring
/// that has it drawing it.
pub(super) fn runs(units: &[Option<UnitGeometry>]) -> Vec<Run> {
    let mut seen: HashSet<EdgeKey> = HashSet::new();
    let mut out = Vec::new();
    for g in units.iter().flatten() {
        let mesh = &g.meshes.full;
        for r in &mesh.rings {
            let pts = &mesh.vertices[r.start as usize..r.end as usize];
            let n = pts.len();
            if n < 2 {
                continue;
            }
            // Edge i goes from point i to point i + 1 (the last back to the first).
            let mine: Vec<bool> = (0..n)
                .map(|i| seen.insert(edge_key(pts[i], pts[(i + 1) % n])))
                .collect();
            let Some(gap) = mine.iter().position(|&m| !m) else {
                out.push(run(pts.to_vec(), true));
                continue;
            };
            // Walk the ring from the edge after a shared one, cutting where edges are not ours.
            let mut current: Vec<[f64; 2]> = Vec::new();
            for k in 1..=n {
                let i = (gap + k) % n;
                if mine[i] {
                    if current.is_empty() {
                        current.push(pts[i]);
                    }
                    current.push(pts[(i + 1) % n]);
                } else if current.len() >= 2 {
                    out.push(run(std::mem::take(&mut current), false));
                } else {
                    current.clear();
                }
            }
            if current.len() >= 2 {
                out.push(run(current, false));
            }
        }
    }
    out
}

fn run(points: Vec<[f64; 2]>, closed: bool) -> Run {
    let bbox = super::cache::bbox_of(points.iter().copied());
    Run {
        points,
        closed,
        bbox,
    }
}

/// `runs` simplified with `tolerance` (in Mercator units), each keeping its ends.
pub(super) fn simplified(runs: &[Run], tolerance: f64) -> Vec<Run> {
    runs.iter()
        .map(|r| {
            let mut line: LineString<f64> = r
                .points
                .iter()
                .map(|p| Coord { x: p[0], y: p[1] })
                .collect();
            if r.closed {
                line.close();
            }
            let mut points: Vec<[f64; 2]> = line
                .simplify(tolerance)
                .0
                .iter()
                .map(|c| [c.x, c.y])
                .collect();
            if r.closed && points.len() > 1 {
                points.pop();
            }
            run(points, r.closed)
        })
        // An island smaller than the tolerance vanishes, as its fill does.
        .filter(|r| r.points.len() >= if r.closed { 3 } else { 2 })
        .collect()
}

impl GeometryCache {
    /// The unit borders at `lod`, each stretch once.
    pub fn border_runs(&self, lod: Lod) -> &[Run] {
        let full = self.borders.full.get_or_init(|| runs(&self.units));
        match lod {
            Lod::Full => full,
            Lod::Coarse => self
                .borders
                .coarse
                .get_or_init(|| simplified(full, super::cache::COARSE_TOLERANCE_MERCATOR)),
        }
    }
}

/// The border runs of a dataset, made the first time they are drawn.
#[derive(Debug, Default)]
pub struct BorderRuns {
    full: std::sync::OnceLock<Vec<Run>>,
    coarse: std::sync::OnceLock<Vec<Run>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, OpenSpec};

    #[test]
    fn a_border_two_units_share_is_drawn_once_and_every_edge_is_kept() {
        let data = Dataset::open(&OpenSpec::default()).expect("the embedded dataset");
        let cache = GeometryCache::new(&data);
        let runs = cache.border_runs(Lod::Full);
        let mut ring_edges = HashSet::new();
        let mut ring_edge_count = 0;
        for g in cache.units.iter().flatten() {
            let m = &g.meshes.full;
            for r in &m.rings {
                let pts = &m.vertices[r.start as usize..r.end as usize];
                for i in 0..pts.len() {
                    ring_edges.insert(edge_key(pts[i], pts[(i + 1) % pts.len()]));
                    ring_edge_count += 1;
                }
            }
        }
        let mut run_edges = Vec::new();
        for r in runs {
            let n = r.points.len();
            let edges = if r.closed { n } else { n - 1 };
            for i in 0..edges {
                run_edges.push(edge_key(r.points[i], r.points[(i + 1) % n]));
            }
        }
        let distinct: HashSet<_> = run_edges.iter().copied().collect();
        assert_eq!(distinct.len(), run_edges.len(), "an edge drawn twice");
        assert_eq!(distinct, ring_edges, "an edge lost or made up");
        // Kazakhstan's regions share long borders: a fifth fewer edges than in the outlines
        // (2,471 of 3,253 when this was written).
        assert!(
            run_edges.len() * 5 < ring_edge_count * 4,
            "{} of {ring_edge_count}",
            run_edges.len()
        );
    }

    #[test]
    fn coarse_runs_keep_their_ends_so_neighbouring_runs_still_meet() {
        let data = Dataset::open(&OpenSpec::default()).expect("the embedded dataset");
        let cache = GeometryCache::new(&data);
        let full = cache.border_runs(Lod::Full);
        let coarse = cache.border_runs(Lod::Coarse);
        let points = |runs: &[Run]| runs.iter().map(|r| r.points.len()).sum::<usize>();
        assert!(
            points(coarse) * 2 < points(full),
            "{} of {}",
            points(coarse),
            points(full)
        );
        let open =
            |runs: &[Run]| -> Vec<Run> { runs.iter().filter(|r| !r.closed).cloned().collect() };
        let (full, coarse) = (open(full), open(coarse));
        assert_eq!(full.len(), coarse.len());
        for (f, c) in full.iter().zip(&coarse) {
            assert_eq!(f.points.first(), c.points.first());
            assert_eq!(f.points.last(), c.points.last());
        }
    }
}
