//! A (multi)polygon in Web Mercator with its triangles. The triangles are made with earcut the
//! first time something asks for them (the window's painter); exports, which fill outlines,
//! never do.

use super::borders::bbox_of;
use super::projection::mercator;
use geo::{Coord, MapCoords, MultiPolygon, Polygon, TriangulateEarcut};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// A (multi)polygon in Mercator coordinates.
#[derive(Debug, Clone)]
pub struct Mesh {
    /// Ring vertices, without the closing repeat.
    pub vertices: Vec<[f64; 2]>,
    /// Each ring as a range of `vertices`.
    pub rings: Vec<std::ops::Range<u32>>,
    /// Triangles as indices into `vertices`, three per triangle.
    pub triangles: Arc<Triangles>,
    /// min x, min y, max x, max y.
    pub bbox: [f64; 4],
}

impl Mesh {
    pub(super) fn new(mp: &MultiPolygon<f64>) -> Mesh {
        let mut vertices = Vec::new();
        let mut rings = Vec::new();
        let mut polygons = Vec::with_capacity(mp.0.len());
        for polygon in &mp.0 {
            let merc = polygon.map_coords(|c| {
                let m = mercator(c.x, c.y);
                Coord { x: m[0], y: m[1] }
            });
            for ring in std::iter::once(merc.exterior()).chain(merc.interiors()) {
                let start = vertices.len() as u32;
                let n = ring.0.len().saturating_sub(1);
                vertices.extend(ring.0[..n].iter().map(|c| [c.x, c.y]));
                rings.push(start..vertices.len() as u32);
            }
            polygons.push(merc);
        }
        let bbox = bbox_of(vertices.iter().copied());
        Mesh {
            vertices,
            rings,
            triangles: Arc::new(Triangles::of(polygons)),
            bbox,
        }
    }
}

/// A polygon's triangles as indices into its vertices (its rings' points in order, without
/// their closing repeats), three per triangle, made the first time they are asked for.
#[derive(Debug)]
pub struct Triangles {
    made: OnceLock<Box<[u32]>>,
    /// The polygons to triangulate, let go once they are.
    source: Mutex<Option<Vec<Polygon<f64>>>>,
}

impl Triangles {
    fn of(polygons: Vec<Polygon<f64>>) -> Triangles {
        Triangles {
            made: OnceLock::new(),
            source: Mutex::new(Some(polygons)),
        }
    }

    /// Triangles known already.
    pub fn ready(indices: impl Into<Box<[u32]>>) -> Triangles {
        Triangles {
            made: OnceLock::from(indices.into()),
            source: Mutex::new(None),
        }
    }

    pub fn get(&self) -> &[u32] {
        self.made.get_or_init(|| {
            let source = self
                .source
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .take();
            let mut out = Vec::new();
            let mut base = 0u32;
            for polygon in source.unwrap_or_default() {
                let raw = polygon.earcut_triangles_raw();
                out.extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
                base += raw.vertices.len() as u32;
            }
            out.into()
        })
    }
}

/// The same triangles: the same object, or the same indices.
impl PartialEq for Triangles {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other) || self.get() == other.get()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn triangles_are_made_when_first_asked_for_and_cover_every_polygon() {
        // A square with a square hole, and a triangle beside it.
        let square = polygon![
            exterior: [(x: 0.0, y: 0.0), (x: 4.0, y: 0.0), (x: 4.0, y: 4.0), (x: 0.0, y: 4.0)],
            interiors: [[(x: 1.0, y: 1.0), (x: 3.0, y: 1.0), (x: 3.0, y: 3.0), (x: 1.0, y: 3.0)]],
        ];
        let triangle = polygon![(x: 10.0, y: 0.0), (x: 11.0, y: 0.0), (x: 10.0, y: 1.0)];
        let mesh = Mesh::new(&MultiPolygon(vec![square, triangle]));
        assert_eq!(mesh.vertices.len(), 11);
        assert!(mesh.triangles.made.get().is_none(), "made before asked for");
        let t = mesh.triangles.get();
        // A ring with a hole: 8 triangles; the triangle: 1, on the last three vertices.
        assert_eq!(t.len(), 9 * 3);
        assert!(t.iter().all(|&i| (i as usize) < mesh.vertices.len()));
        assert_eq!(t[24..].iter().copied().min(), Some(8));
        // The source is let go, and asking again gives the same.
        assert!(mesh.triangles.source.lock().unwrap().is_none());
        assert_eq!(mesh.triangles.get(), t);
        // The triangles add up to the rings' areas (outer minus hole, plus the triangle).
        let v = &mesh.vertices;
        let twice = |a: [f64; 2], b: [f64; 2], c: [f64; 2]| {
            (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1])
        };
        let triangles: f64 = t
            .chunks_exact(3)
            .map(|k| twice(v[k[0] as usize], v[k[1] as usize], v[k[2] as usize]).abs() / 2.0)
            .sum();
        let ring_area = |r: &std::ops::Range<u32>| {
            let ring = &v[r.start as usize..r.end as usize];
            let sum: f64 = (1..ring.len() - 1)
                .map(|i| twice(ring[0], ring[i], ring[i + 1]))
                .sum();
            sum.abs() / 2.0
        };
        let [outer, hole, third] = [0, 1, 2].map(|i| ring_area(&mesh.rings[i]));
        let rings = outer - hole + third;
        assert!(
            (triangles - rings).abs() < 1e-6 * rings,
            "{triangles} vs {rings}"
        );
    }
}
