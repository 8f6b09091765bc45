//! Unit borders cut into runs so that each stretch of border is drawn once: two neighbours
//! share their common border, and drawing both outlines drew it twice (twice the triangles,
//! and inner borders darker than coasts). Runs are found on the full-detail outlines, where
//! neighbours share their vertices exactly, and simplified run by run for the coarse level,
//! each run keeping its ends, so that the runs still meet.

use geo::{Coord, LineString, Simplify};
use std::collections::HashSet;
use std::sync::OnceLock;

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
pub(super) type EdgeKey = [u64; 4];

pub(super) fn edge_key(a: [f64; 2], b: [f64; 2]) -> EdgeKey {
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

/// The border runs of `rings` (each implicitly closed): every edge once, the first ring
/// that has it drawing it.
pub(super) fn runs<'a>(rings: impl IntoIterator<Item = &'a [[f64; 2]]>) -> Vec<Run> {
    let mut seen: HashSet<EdgeKey> = HashSet::new();
    let mut out = Vec::new();
    for pts in rings {
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
    out
}

fn run(points: Vec<[f64; 2]>, closed: bool) -> Run {
    let bbox = bbox_of(points.iter().copied());
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

/// The border runs of a dataset, made the first time they are drawn.
#[derive(Debug, Default)]
pub struct BorderRuns {
    pub(super) full: OnceLock<Vec<Run>>,
    pub(super) coarse: OnceLock<Vec<Run>>,
}

/// min x, min y, max x, max y of `points`.
pub(super) fn bbox_of(points: impl Iterator<Item = [f64; 2]>) -> [f64; 4] {
    points.fold(
        [
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        ],
        |b, p| {
            [
                b[0].min(p[0]),
                b[1].min(p[1]),
                b[2].max(p[0]),
                b[3].max(p[1]),
            ]
        },
    )
}
