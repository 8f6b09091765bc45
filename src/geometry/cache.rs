//! Geometry prepared once per dataset: every polygon projected to Web Mercator (triangulated
//! with earcut when first drawn as triangles, see `mesh.rs`), in two levels of detail, with a
//! label point. Drawing a frame only transforms these cached coordinates; nothing is
//! re-triangulated.

use super::borders::{Run, bbox_of, runs, simplified as simplified_runs};
use super::mesh::Mesh;
use super::projection::mercator;
use crate::data::{ContextClass, Dataset};
use geo::{
    BooleanOps, BoundingRect, Coord, LineString, MapCoords, MultiPolygon, Polygon, Rect, Simplify,
};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// How much detail to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lod {
    /// Every vertex of the data.
    #[default]
    Full,
    /// Simplified outlines, for views of a whole continent or more.
    Coarse,
}

impl Lod {
    /// The detail a view at `zoom` needs.
    pub fn for_zoom(zoom: f64) -> Lod {
        if zoom < 3.2 { Lod::Coarse } else { Lod::Full }
    }
}

/// A polygon's meshes: full detail, and a coarse one made the first time it is needed.
#[derive(Debug)]
pub struct Lodded {
    pub full: Mesh,
    coarse: OnceLock<Mesh>,
    /// The outline the coarse mesh is made from, let go once it is made.
    source: Mutex<Option<MultiPolygon<f64>>>,
}

impl Lodded {
    fn new(mp: MultiPolygon<f64>) -> Self {
        Lodded {
            full: Mesh::new(&mp),
            coarse: OnceLock::new(),
            source: Mutex::new(Some(mp)),
        }
    }

    /// The mesh for a level of detail.
    pub fn mesh(&self, lod: Lod) -> &Mesh {
        match lod {
            Lod::Full => &self.full,
            Lod::Coarse => self.coarse.get_or_init(|| {
                let source = self
                    .source
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                source.map_or_else(|| self.full.clone(), |mp| Mesh::new(&simplified(&mp)))
            }),
        }
    }
}

/// Lines (rivers) in Mercator coordinates.
#[derive(Debug, Clone)]
pub struct Lines {
    pub lines: Vec<Vec<[f64; 2]>>,
    pub bbox: [f64; 4],
}

/// A unit's prepared geometry.
#[derive(Debug)]
pub struct UnitGeometry {
    /// The unit's id, shared by the shapes that draw it.
    pub id: Arc<str>,
    pub meshes: Lodded,
    /// Where its name goes: from the data, else the pole of inaccessibility of its largest part.
    pub label_at: [f64; 2],
}

impl UnitGeometry {
    pub fn mesh(&self, lod: Lod) -> &Mesh {
        self.meshes.mesh(lod)
    }
}

/// A context feature's prepared geometry.
#[derive(Debug)]
pub enum ContextGeometry {
    Area {
        /// The feature's id, shared by the shapes that draw it.
        id: Arc<str>,
        meshes: Box<Lodded>,
        label_at: Option<[f64; 2]>,
    },
    Lines(Lines),
}

/// Everything the scene needs about shapes, prepared once per dataset.
#[derive(Debug)]
pub struct GeometryCache {
    /// By unit index; `None` for units without a polygon.
    pub units: Vec<Option<UnitGeometry>>,
    /// By context feature index.
    pub context: Vec<ContextGeometry>,
    /// City positions, by city index.
    pub cities: Vec<[f64; 2]>,
    /// The lon/lat box around every unit: what "fit country" shows.
    pub country_bbox: Rect<f64>,
    /// The outlines projected for the last transform asked for.
    pub(super) projected: super::ProjectedMemo,
    /// The unit borders, each stretch once.
    pub(super) borders: super::borders::BorderRuns,
}

/// Simplification tolerance of the coarse level, in degrees.
const COARSE_TOLERANCE_DEG: f64 = 0.08;
/// The same in Mercator units (the world is 1 wide), for lines already projected.
const COARSE_TOLERANCE_MERCATOR: f64 = COARSE_TOLERANCE_DEG / 360.0;

impl GeometryCache {
    pub fn new(data: &Dataset) -> Self {
        let units = data
            .units
            .iter()
            .map(|u| {
                u.geometry.as_ref().map(|g| UnitGeometry {
                    id: u.id.as_str().into(),
                    label_at: u
                        .label
                        .map_or_else(|| label_point(g), |p| mercator(p.x(), p.y())),
                    meshes: Lodded::new(g.clone()),
                })
            })
            .collect();
        let country_bbox = data
            .units
            .iter()
            .filter_map(|u| u.bbox)
            .reduce(|a, b| {
                Rect::new(
                    (a.min().x.min(b.min().x), a.min().y.min(b.min().y)),
                    (a.max().x.max(b.max().x), a.max().y.max(b.max().y)),
                )
            })
            .unwrap_or_else(|| Rect::new((-180.0, -60.0), (180.0, 75.0)));
        let near = expand(country_bbox, 4.0);
        // Triangulating the basemap is the slow part of loading: share it between cores.
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 8);
        let chunk = data.context.len().div_ceil(threads).max(1);
        let context = std::thread::scope(|scope| {
            let handles: Vec<_> = data
                .context
                .chunks(chunk)
                .map(|part| {
                    scope.spawn(move || {
                        part.iter()
                            .map(|f| context_geometry(f, near))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        });
        let cities = data
            .cities
            .iter()
            .map(|c| mercator(c.position.x(), c.position.y()))
            .collect();
        GeometryCache {
            units,
            context,
            cities,
            country_bbox,
            projected: Default::default(),
            borders: Default::default(),
        }
    }
}

fn context_geometry(f: &crate::data::ContextFeature, near: Rect<f64>) -> ContextGeometry {
    let geometry = &f.geometry;
    let polygons = match geometry {
        geo::Geometry::Polygon(p) => Some(MultiPolygon(vec![p.clone()])),
        geo::Geometry::MultiPolygon(mp) => Some(mp.clone()),
        _ => None,
    };
    if let Some(mp) = polygons {
        let label_at = match (f.label, f.class) {
            // Nothing to write.
            _ if f.names.is_none() => None,
            (Some(p), _) => Some(mercator(p.x(), p.y())),
            // Neighbours are labelled where they meet the mapped country, not far inside.
            (None, ContextClass::Land) => {
                let visible = mp.intersection(&near.to_polygon());
                (!visible.0.is_empty()).then(|| label_point(&visible))
            }
            (None, ContextClass::Water | ContextClass::Special) => Some(label_point(&mp)),
            (None, ContextClass::River) => None,
        };
        return ContextGeometry::Area {
            id: f.id.as_str().into(),
            meshes: Box::new(Lodded::new(mp)),
            label_at,
        };
    }
    let lines: Vec<Vec<[f64; 2]>> = match geometry {
        geo::Geometry::LineString(l) => vec![merc_line(l)],
        geo::Geometry::MultiLineString(ml) => ml.0.iter().map(merc_line).collect(),
        _ => Vec::new(),
    };
    let bbox = bbox_of(lines.iter().flatten().copied());
    ContextGeometry::Lines(Lines { lines, bbox })
}

fn merc_line(l: &LineString<f64>) -> Vec<[f64; 2]> {
    l.0.iter().map(|c| mercator(c.x, c.y)).collect()
}

fn simplified(mp: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let s = mp.simplify(COARSE_TOLERANCE_DEG);
    MultiPolygon(
        s.0.into_iter()
            .filter(|p| p.exterior().0.len() >= 4)
            .collect(),
    )
}

/// The pole of inaccessibility of the largest part, in Mercator coordinates.
fn label_point(mp: &MultiPolygon<f64>) -> [f64; 2] {
    use geo::Area;
    let largest =
        mp.0.iter()
            .max_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()));
    let Some(largest) = largest else {
        return [0.5, 0.5];
    };
    let merc: Polygon<f64> = largest.map_coords(|c| {
        let m = mercator(c.x, c.y);
        Coord { x: m[0], y: m[1] }
    });
    match polylabel::polylabel(&merc, &1e-6) {
        Ok(p) => [p.x(), p.y()],
        Err(_) => merc
            .bounding_rect()
            .map_or([0.5, 0.5], |r| [r.center().x, r.center().y]),
    }
}

fn expand(r: Rect<f64>, by: f64) -> Rect<f64> {
    Rect::new(
        (r.min().x - by, r.min().y - by),
        (r.max().x + by, r.max().y + by),
    )
}

impl GeometryCache {
    /// The unit borders at `lod`, each stretch once ([`super::borders`]).
    pub fn border_runs(&self, lod: Lod) -> &[Run] {
        let full = self.borders.full.get_or_init(|| {
            let meshes = self.units.iter().flatten().map(|g| &g.meshes.full);
            runs(meshes.flat_map(|m| {
                (m.rings.iter()).map(|r| &m.vertices[r.start as usize..r.end as usize])
            }))
        });
        match lod {
            Lod::Full => full,
            Lod::Coarse => self
                .borders
                .coarse
                .get_or_init(|| simplified_runs(full, COARSE_TOLERANCE_MERCATOR)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::borders::edge_key;
    use super::*;
    use crate::data::{Dataset, OpenSpec};
    use std::collections::HashSet;

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
