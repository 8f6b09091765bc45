//! PURE. Geometry: Web Mercator and the view a canvas shows ([`View`], [`Transform`]), and the
//! dataset's polygons prepared once for drawing ([`GeometryCache`]: projected, triangulated with
//! earcut, in two levels of detail, with label points).
//!
//! Sits above the dataset (it reads the dataset's shapes) and below the atlas and the scene.

mod cache;
mod project;

pub use cache::{ContextGeometry, GeometryCache, Lines, Lod, Lodded, Mesh, UnitGeometry};
pub use project::{Transform, View, lonlat, mercator};
