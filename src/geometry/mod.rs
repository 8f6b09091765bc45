//! PURE. Geometry: Web Mercator and the view a canvas shows ([`View`], [`Transform`]), the
//! conic projections an export may use instead ([`Projection`], [`Projector`]), and the
//! dataset's polygons prepared once for drawing ([`GeometryCache`]: projected, triangulated with
//! earcut, in two levels of detail, with label points).
//!
//! Sits above the dataset (it reads the dataset's shapes) and below the atlas and the scene.

mod borders;
mod cache;
mod mesh;
mod project;
mod projected;
mod projection;

pub use borders::Run;
pub use cache::{ContextGeometry, GeometryCache, Lines, Lod, Lodded, UnitGeometry};
pub use mesh::{Mesh, Triangles};
pub use project::{Transform, View};
pub use projected::{Projected, ProjectedMemo, ProjectedPolygon, Ring, Rings};
pub use projection::{ConicParams, EARTH_RADIUS_M, Projection, Projector, lonlat, mercator};
