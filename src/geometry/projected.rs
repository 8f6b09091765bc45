//! Outlines in canvas points for one transform, projected once and shared by every scene drawn
//! with that transform: while the timeline is scrubbed or played, the view stays put and only
//! the fills change, and the frames of an animation all share one view.

use super::cache::{ContextGeometry, GeometryCache, Lod};
use super::mesh::{Mesh, Triangles};
use super::project::Transform;
use std::any::Any;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

/// A ring or a line in canvas points, shared by the shapes that draw it (a unit's fill and its
/// border).
pub type Ring = Arc<[[f32; 2]]>;

/// The rings of one outline, shared by every scene drawn with one transform.
pub type Rings = Arc<[Ring]>;

/// A polygon as drawn with one transform: its id, its rings in canvas points and the triangles
/// that fill them, shared by every scene drawn with that transform under one reference count
/// (a scene of thousands of units counts each once a frame, not three times).
#[derive(Debug, PartialEq)]
pub struct ProjectedPolygon {
    pub id: Arc<str>,
    pub rings: Rings,
    pub triangles: Arc<Triangles>,
}

impl ProjectedPolygon {
    fn of(id: &Arc<str>, mesh: &Mesh, t: &Transform) -> Arc<ProjectedPolygon> {
        Arc::new(ProjectedPolygon {
            id: Arc::clone(id),
            rings: rings(mesh, t),
            triangles: Arc::clone(&mesh.triangles),
        })
    }
}

/// Every outline drawn with one transform at one level of detail, each projected the first time
/// it is asked for.
#[derive(Debug)]
pub struct Projected {
    transform: Transform,
    lod: Lod,
    units: Vec<OnceLock<Option<Arc<ProjectedPolygon>>>>,
    context: Vec<OnceLock<Rings>>,
    context_areas: Vec<OnceLock<Option<Arc<ProjectedPolygon>>>>,
    /// The unit borders, each stretch once, by run, and whether each is a closed ring.
    borders: OnceLock<(Rings, Arc<[bool]>)>,
    /// Values later stages derive from these outlines, one of each type, with its key.
    derived: Mutex<Vec<Arc<dyn Any + Send + Sync>>>,
}

impl Projected {
    /// Unit `u` (none when it has no polygon).
    pub fn unit(&self, cache: &GeometryCache, u: usize) -> Option<&Arc<ProjectedPolygon>> {
        let cell = self.units.get(u)?;
        cell.get_or_init(|| match cache.units.get(u) {
            Some(Some(g)) => Some(ProjectedPolygon::of(
                &g.id,
                g.mesh(self.lod),
                &self.transform,
            )),
            _ => None,
        })
        .as_ref()
    }

    /// The rings of unit `u` (none when it has no polygon).
    pub fn unit_rings(&self, cache: &GeometryCache, u: usize) -> Rings {
        self.unit(cache, u)
            .map_or_else(Rings::default, |p| Arc::clone(&p.rings))
    }

    /// Context feature `i` when it is an area.
    pub fn context_area(&self, cache: &GeometryCache, i: usize) -> Option<&Arc<ProjectedPolygon>> {
        let cell = self.context_areas.get(i)?;
        cell.get_or_init(|| match cache.context.get(i) {
            Some(ContextGeometry::Area { id, meshes, .. }) => Some(ProjectedPolygon::of(
                id,
                meshes.mesh(self.lod),
                &self.transform,
            )),
            _ => None,
        })
        .as_ref()
    }

    /// The rings of context area `i`, or the lines of context feature `i` when it is lines.
    pub fn context(&self, cache: &GeometryCache, i: usize) -> Rings {
        self.context.get(i).map_or_else(Rings::default, |cell| {
            Arc::clone(cell.get_or_init(|| {
                match cache.context.get(i) {
                    Some(ContextGeometry::Area { .. }) => self
                        .context_area(cache, i)
                        .map_or_else(Rings::default, |p| Arc::clone(&p.rings)),
                    Some(ContextGeometry::Lines(lines)) => lines
                        .lines
                        .iter()
                        .map(|line| line.iter().map(|&p| self.transform.apply(p)).collect())
                        .collect(),
                    None => Rings::default(),
                }
            }))
        })
    }
}

impl Projected {
    /// The unit borders ([`GeometryCache::border_runs`]) in canvas points, in the same order,
    /// and whether each is a closed ring.
    pub fn borders(&self, cache: &GeometryCache) -> &(Rings, Arc<[bool]>) {
        self.borders.get_or_init(|| {
            let runs = cache.border_runs(self.lod);
            let lines = (runs.iter())
                .map(|run| {
                    run.points
                        .iter()
                        .map(|&p| self.transform.apply(p))
                        .collect()
                })
                .collect();
            (lines, runs.iter().map(|run| run.closed).collect())
        })
    }

    /// A value derived from these outlines alone, for `key` (a canvas size, say): the one
    /// made for the last call with the same type and key, else `make`'s (which replaces it).
    /// The legend's placement keeps here which parts of the canvas the units cover, which a
    /// scrubbed timeline leaves as they are.
    pub fn derived<K, T>(&self, key: K, make: impl FnOnce() -> T) -> Arc<T>
    where
        K: PartialEq + Send + Sync + 'static,
        T: Send + Sync + 'static,
    {
        let mut derived = self.derived.lock().unwrap_or_else(PoisonError::into_inner);
        let slot = derived.iter().position(|d| d.is::<(K, Arc<T>)>());
        if let Some((k, value)) = slot.and_then(|i| derived[i].downcast_ref::<(K, Arc<T>)>())
            && *k == key
        {
            return Arc::clone(value);
        }
        let value = Arc::new(make());
        let entry: Arc<dyn Any + Send + Sync> = Arc::new((key, Arc::clone(&value)));
        match slot {
            Some(i) => derived[i] = entry,
            None => derived.push(entry),
        }
        value
    }
}

/// The last transform's outlines, kept by the geometry cache.
#[derive(Debug, Default)]
pub struct ProjectedMemo(Mutex<Option<Arc<Projected>>>);

impl GeometryCache {
    /// The outlines for `transform` at `lod`: those made for the last call when it asked for
    /// the same, else a new set (which replaces them).
    pub fn projected(&self, transform: &Transform, lod: Lod) -> Arc<Projected> {
        let mut memo = self
            .projected
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(p) = memo
            .as_ref()
            .filter(|p| p.transform == *transform && p.lod == lod)
        {
            return Arc::clone(p);
        }
        let p = Arc::new(Projected {
            transform: transform.clone(),
            lod,
            units: (0..self.units.len()).map(|_| OnceLock::new()).collect(),
            context: (0..self.context.len()).map(|_| OnceLock::new()).collect(),
            context_areas: (0..self.context.len()).map(|_| OnceLock::new()).collect(),
            borders: OnceLock::new(),
            derived: Mutex::default(),
        });
        *memo = Some(Arc::clone(&p));
        p
    }
}

/// The mesh's rings in canvas points.
fn rings(mesh: &Mesh, t: &Transform) -> Rings {
    mesh.rings
        .iter()
        .map(|r| {
            mesh.vertices[r.start as usize..r.end as usize]
                .iter()
                .map(|&v| t.apply(v))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::{Dataset, OpenSpec};
    use crate::geometry::View;

    #[test]
    fn one_transform_shares_its_outlines_and_another_projects_its_own() {
        let data = Dataset::open(&OpenSpec::default()).expect("the embedded dataset");
        let cache = GeometryCache::new(&data);
        let size = [800.0, 600.0];
        let view = View::fit(cache.country_bbox, size, 10.0);
        let t = view.transform(size);
        let a = cache.projected(&t, Lod::Full);
        let b = cache.projected(&t, Lod::Full);
        assert!(Arc::ptr_eq(
            &a.unit_rings(&cache, 0)[0],
            &b.unit_rings(&cache, 0)[0]
        ));
        let moved = View {
            zoom: view.zoom + 0.5,
            ..view
        }
        .transform(size);
        let c = cache.projected(&moved, Lod::Full);
        let ring = &c.unit_rings(&cache, 0)[0];
        assert!(!Arc::ptr_eq(ring, &a.unit_rings(&cache, 0)[0]));
        let mesh = cache.units[0].as_ref().expect("an outline").mesh(Lod::Full);
        assert_eq!(ring[0], moved.apply(mesh.vertices[0]));
        assert_eq!(ring.len(), mesh.rings[0].len());
    }

    #[test]
    fn a_derived_value_is_kept_for_its_key_and_made_again_for_another() {
        let data = Dataset::open(&OpenSpec::default()).expect("the embedded dataset");
        let cache = GeometryCache::new(&data);
        let size = [800.0, 600.0];
        let p = cache.projected(
            &View::fit(cache.country_bbox, size, 10.0).transform(size),
            Lod::Full,
        );
        let mut made = 0;
        let mut get = |key: [f32; 2]| {
            p.derived(key, || {
                made += 1;
                vec![key[0]; 3]
            })
        };
        let a = get(size);
        let b = get(size);
        assert!(Arc::ptr_eq(&a, &b));
        let c = get([640.0, 480.0]);
        assert_eq!(*c, vec![640.0; 3]);
        assert_eq!(*get(size), vec![800.0; 3]);
        // Another type has a slot of its own.
        let text = p.derived(size, || String::from("kept"));
        assert_eq!(*get(size), vec![800.0; 3]);
        assert_eq!(*text, "kept");
        assert_eq!(made, 3);
    }
}
