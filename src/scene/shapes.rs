//! What a scene is made of: layers of styled shapes (polygons, lines, circles, text,
//! rectangles) in canvas points, and what the scene says about itself.

use super::fonts;
use super::style::Rgba;
use crate::data::{Place, StatusIdx};
use crate::geometry::{ProjectedPolygon, Ring, Rings, View};
use std::sync::Arc;

/// The layers of a map, bottom to top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    /// Neighbouring countries, seas, lakes, rivers, special areas.
    Context,
    /// Units filled by their status.
    Regions,
    /// Unit outlines.
    Borders,
    /// The outlines that mark a change of status, the selection or the hover: a layer of
    /// their own, so that the borders stay the same while the instant moves.
    Highlights,
    /// City markers.
    Markers,
    /// Names of units, cities, countries and water.
    Labels,
    /// Legend, scale bar, attribution, title and date.
    Overlay,
}

impl LayerKind {
    /// The id an SVG group of this layer gets.
    pub fn id(self) -> &'static str {
        match self {
            LayerKind::Context => "context",
            LayerKind::Regions => "regions",
            LayerKind::Borders => "borders",
            LayerKind::Highlights => "highlights",
            LayerKind::Markers => "markers",
            LayerKind::Labels => "labels",
            LayerKind::Overlay => "overlay",
        }
    }
}

/// What a filled polygon is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolygonClass {
    /// A unit, with its status at the instant (`None`: certainly under no status), and the
    /// status it may or may not be under when the record leaves that open (`status` is then
    /// `None`).
    Unit {
        status: Option<StatusIdx>,
        uncertain: Option<StatusIdx>,
    },
    /// A neighbouring country or other land.
    Land,
    /// A sea or lake.
    Water,
    /// A special area (Baikonur).
    Special,
}

impl PolygonClass {
    /// The class an SVG path gets.
    pub fn id(self) -> &'static str {
        match self {
            PolygonClass::Unit { .. } => "unit",
            PolygonClass::Land => "land",
            PolygonClass::Water => "water",
            PolygonClass::Special => "special",
        }
    }
}

/// A line's look.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub color: Rgba,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<[f32; 2]>,
}

impl Stroke {
    pub fn solid(width: f32, color: Rgba) -> Self {
        Stroke {
            width,
            color,
            dash: None,
        }
    }
}

/// A filled (multi)polygon, with the triangles that fill it.
#[derive(Debug, Clone, PartialEq)]
pub struct PolygonShape {
    /// Its id (a unit's ISO code, or a context feature's id), its rings in canvas points (each
    /// implicitly closed) and its triangles (indices into the rings' points taken in order,
    /// three per triangle), shared by the scenes drawn with one view.
    pub polygon: Arc<ProjectedPolygon>,
    pub class: PolygonClass,
    /// What a click on it selects.
    pub target: Option<Place>,
    pub fill: Rgba,
}

/// A polyline or closed outline.
#[derive(Debug, Clone, PartialEq)]
pub struct LineShape {
    pub id: Option<String>,
    pub points: Ring,
    pub closed: bool,
    pub stroke: Stroke,
}

/// Many lines drawn alike (the unit borders): the lines, shared by every scene drawn with one
/// view, and the ones this scene shows (those in view), in order.
#[derive(Debug, Clone, PartialEq)]
pub struct LinesShape {
    pub lines: Rings,
    /// Whether each line is a closed ring.
    pub closed: Arc<[bool]>,
    pub shown: Vec<u32>,
    pub stroke: Stroke,
}

impl LinesShape {
    /// The lines shown: points, and whether closed.
    pub fn each(&self) -> impl Iterator<Item = (&Ring, bool)> {
        self.shown.iter().filter_map(|&i| {
            let i = i as usize;
            Some((
                self.lines.get(i)?,
                self.closed.get(i).copied().unwrap_or(false),
            ))
        })
    }
}

/// A circle: a city marker, or a legend swatch.
#[derive(Debug, Clone, PartialEq)]
pub struct CircleShape {
    pub id: Option<String>,
    pub target: Option<Place>,
    pub center: [f32; 2],
    pub radius: f32,
    pub fill: Option<Rgba>,
    pub stroke: Option<Stroke>,
    /// Concentric rings drawn around the circle, in order, each at its own radius (a city's own
    /// status: a dark edge under an orange band, so that it shows on any fill).
    pub rings: Vec<(f32, Stroke)>,
}

/// One line of text.
#[derive(Debug, Clone, PartialEq)]
pub struct TextShape {
    pub text: String,
    /// Top-left corner of the line box.
    pub min: [f32; 2],
    /// Measured width.
    pub width: f32,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub color: Rgba,
    /// A light outline that keeps the text readable on any background.
    pub halo: Option<Rgba>,
    pub target: Option<Place>,
}

impl TextShape {
    /// The y of the baseline, for painters that place text by its baseline.
    pub fn baseline(&self) -> f32 {
        self.min[1] + fonts::Metrics::get().ascent(self.size)
    }

    /// The line box: min x, min y, max x, max y.
    pub fn rect(&self) -> [f32; 4] {
        let h = fonts::Metrics::get().line_height(self.size);
        [
            self.min[0],
            self.min[1],
            self.min[0] + self.width,
            self.min[1] + h,
        ]
    }
}

/// A rectangle: a legend panel or swatch, a progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct RectShape {
    pub min: [f32; 2],
    pub max: [f32; 2],
    pub fill: Option<Rgba>,
    pub stroke: Option<Stroke>,
    pub radius: f32,
}

/// Anything a scene is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Polygon(PolygonShape),
    Line(LineShape),
    Lines(LinesShape),
    Circle(CircleShape),
    Text(TextShape),
    Rect(RectShape),
}

/// One layer of shapes.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub kind: LayerKind,
    pub shapes: Vec<Shape>,
}

/// Facts about a scene that exports record (PNG text, SVG metadata).
#[derive(Debug, Clone, Default)]
pub struct SceneMeta {
    pub title: String,
    /// ISO 8601 with offset.
    pub instant: String,
    /// The instant in words.
    pub instant_text: String,
    /// Dataset id and version.
    pub dataset: String,
    /// The projection the map is drawn in, and its PROJ string.
    pub projection: crate::geometry::Projection,
    pub projection_definition: String,
    /// One line naming the data sources.
    pub sources: String,
    /// The dataset's status keys (`emergency`), by [`StatusIdx`]: what an SVG records.
    pub status_keys: Vec<String>,
}

/// Places shown as one marker, when many are in view (see `clusters`); a click on it zooms
/// to them.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// Where the marker is: the middle of its places, in canvas points.
    pub center: [f32; 2],
    pub radius: f32,
    /// The places' extent in longitude and latitude: min lon, min lat, max lon, max lat.
    pub area: [f64; 4],
    pub places: usize,
    /// Events the places' markers count, together.
    pub events: usize,
    /// The highest severity among the day's events of the places whose events have certainly
    /// happened; `certain` is false when none has.
    pub severity: Option<u8>,
    pub certain: bool,
    /// Every place is outside the story chapter being told.
    pub dimmed: bool,
}

/// A whole map, ready to paint.
#[derive(Debug, Clone)]
pub struct Scene {
    pub size: [f32; 2],
    /// The view the scene was built for.
    pub view: View,
    /// The canvas colour; `None` when a tile basemap shows through.
    pub background: Option<Rgba>,
    pub layers: Vec<Layer>,
    pub meta: SceneMeta,
    /// The bounding box of each shape of the regions layer, made on the first click or hover
    /// so that a click tests only the units whose box holds it.
    pub region_boxes: std::sync::OnceLock<Vec<[f32; 4]>>,
    /// Places merged into one marker (when many are in view), drawn in the markers layer.
    pub clusters: Vec<Cluster>,
}

impl Scene {
    /// The shapes of one layer.
    pub fn layer(&self, kind: LayerKind) -> &[Shape] {
        self.layers
            .iter()
            .find(|l| l.kind == kind)
            .map_or(&[], |l| l.shapes.as_slice())
    }

    /// Every shape, bottom to top.
    pub fn shapes(&self) -> impl Iterator<Item = (LayerKind, &Shape)> {
        self.layers
            .iter()
            .flat_map(|l| l.shapes.iter().map(move |s| (l.kind, s)))
    }
}
