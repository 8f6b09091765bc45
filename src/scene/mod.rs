//! PURE. The scene: everything a map shows at one instant, as styled shapes in canvas
//! coordinates (points, origin at the top left), built from the dataset, the instant, the
//! view, the style, the language and the canvas size.
//!
//! The window paints a scene with egui, and the exporters paint the very same scene to SVG and
//! PNG, so an export shows what the screen shows by construction. Painters decide nothing about
//! what is shown, only how. A scene is also what a click is tested against ([`Scene::hit`]).

mod build;
mod candidates;
mod clusters;
mod filter;
pub mod fonts;
mod hatch;
mod hit;
mod input;
mod key;
mod labels;
mod markers;
mod overlay;
mod shapes;
mod style;
mod themes;

pub use crate::geometry::{Lod, Ring, Rings, View};
pub use build::{build, build_basemap};
pub use clusters::MAX_MARKERS;
pub use filter::{EventFilter, EventMask, passes};
pub use input::{EventMode, Fades, OSM_CREDIT, OverlayParts, SceneInput, Shown};
pub use key::SceneKey;
pub use shapes::{
    CircleShape, Cluster, Layer, LayerKind, LineShape, LinesShape, PolygonClass, PolygonShape,
    RectShape, Scene, SceneMeta, Shape, Stroke, TextShape,
};
pub use style::{Rgba, Style};
pub use themes::Theme;
