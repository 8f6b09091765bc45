//! What a scene is built from, and the one way to ask for it: [`SceneInput::screen`] for the
//! window's map and [`SceneInput::export`] for exports, "Copy image" and animation frames. Both
//! take the same [`Shown`] (the instant, language, mode and selection the user chose), so an
//! export cannot drift from the screen.

use super::style::Style;
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::Place;
use crate::geometry::{Lod, Projector, View};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The credit a tile basemap needs, drawn with the attribution.
pub const OSM_CREDIT: &str = "© OpenStreetMap contributors";

/// Which cities and events a map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum EventMode {
    /// Everything that has happened so far.
    #[default]
    Cumulative,
    /// Only what happened on the shown day (up to the instant).
    DayOnly,
}

/// What the user has chosen to see: the same on screen and in every export of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub instant: Instant,
    pub lang: Lang,
    pub mode: EventMode,
    pub selected: Option<Place>,
    /// The story chapter being told (an index into the dataset's story): the events it is not
    /// about are dimmed.
    pub chapter: Option<usize>,
    /// The events the filters let through (`None`: every event).
    pub events: Option<std::sync::Arc<super::filter::EventMask>>,
}

/// Which parts of the overlay to draw.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OverlayParts {
    /// A title line at the top (exports).
    pub title: Option<String>,
    /// The instant in words under the title (exports).
    pub date: bool,
    pub legend: bool,
    pub scale_bar: bool,
    pub attribution: bool,
    /// A progress bar, 0 to 1 (animation frames).
    pub progress: Option<f32>,
    /// Extra credit for a tile basemap ("© OpenStreetMap contributors").
    pub tiles_credit: Option<String>,
    /// The chapter's title, narrative and sources in a panel (story slides).
    pub story_card: bool,
    /// Only the legend's entries for the units (presentation mode, where space is short).
    pub compact_legend: bool,
}

/// Everything a scene is built from. Made by [`SceneInput::screen`] or [`SceneInput::export`].
#[derive(Clone)]
pub struct SceneInput<'a> {
    pub atlas: &'a Atlas,
    pub instant: Instant,
    pub view: View,
    /// How lon/lat becomes the plane: Web Mercator in the window; an export may choose a conic.
    pub projector: Projector,
    /// Canvas size in points.
    pub size: [f32; 2],
    /// Multiplies text sizes and line widths (1 on screen; more for print).
    pub scale: f32,
    pub lang: Lang,
    pub lod: Lod,
    pub mode: EventMode,
    pub selected: Option<Place>,
    pub chapter: Option<usize>,
    /// The events the filters let through (`None`: every event).
    pub events: Option<std::sync::Arc<super::filter::EventMask>>,
    pub hovered: Option<Place>,
    /// Draw the vector context (neighbours, water); off when a tile basemap shows instead.
    pub context: bool,
    pub overlay: OverlayParts,
    pub style: &'a Style,
    /// The window's transitions, so that fills and markers fade rather than blink: for each
    /// unit, how far its fill has gone to the status colour, and for each city, its marker's
    /// opacity (0 to 1). `None` (exports): the instant's state exactly.
    pub fades: Option<&'a Fades>,
}

/// Where the window's fades stand (see [`SceneInput::fades`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Fades {
    pub units: Vec<f32>,
    pub cities: Vec<f32>,
}

impl<'a> SceneInput<'a> {
    /// The one constructor: `shown` through `view` on a canvas of `size` points, with `overlay`.
    fn new(
        atlas: &'a Atlas,
        style: &'a Style,
        shown: &Shown,
        view: View,
        size: [f32; 2],
        overlay: OverlayParts,
    ) -> Self {
        SceneInput {
            atlas,
            instant: shown.instant,
            view,
            projector: Projector::mercator(),
            size,
            scale: 1.0,
            lang: shown.lang,
            lod: Lod::for_zoom(view.zoom),
            mode: shown.mode,
            selected: shown.selected,
            chapter: shown.chapter,
            events: shown.events.clone(),
            hovered: None,
            context: true,
            overlay,
            style,
            fades: None,
        }
    }

    /// The window's map: no title or date (the window shows them), the legend if wanted, the
    /// scale bar and the attribution; over `tiles`, no vector context and the tiles' credit.
    pub fn screen(
        atlas: &'a Atlas,
        style: &'a Style,
        shown: &Shown,
        (view, size): (View, [f32; 2]),
        legend: bool,
        tiles: bool,
    ) -> Self {
        let overlay = OverlayParts {
            title: None,
            date: false,
            legend,
            scale_bar: true,
            attribution: true,
            progress: None,
            tiles_credit: tiles.then(|| OSM_CREDIT.to_owned()),
            story_card: false,
            compact_legend: false,
        };
        let mut input = SceneInput::new(atlas, style, shown, view, size, overlay);
        input.context = !tiles;
        input
    }

    /// An exported map, a copied image or one frame of an animation: with `title`, the date in
    /// words, the legend, the scale bar, the attribution and, for frames, a progress bar (0 to 1).
    pub fn export(
        atlas: &'a Atlas,
        style: &'a Style,
        shown: &Shown,
        (view, size): (View, [f32; 2]),
        title: String,
        progress: Option<f32>,
    ) -> Self {
        let overlay = OverlayParts {
            title: Some(title),
            date: true,
            legend: true,
            scale_bar: true,
            attribution: true,
            progress,
            tiles_credit: None,
            story_card: shown.chapter.is_some(),
            compact_legend: false,
        };
        SceneInput::new(atlas, style, shown, view, size, overlay)
    }

    /// The same input for another view and canvas size (the map as a gesture moves it).
    pub fn at(&self, view: View, size: [f32; 2]) -> Self {
        SceneInput {
            view,
            size,
            lod: Lod::for_zoom(view.zoom),
            ..self.clone()
        }
    }

    /// The same input drawn in `projector` (exports; `view` must have been fitted in it).
    pub fn projected(self, projector: Projector) -> Self {
        SceneInput { projector, ..self }
    }

    /// The transform from cached Mercator coordinates to canvas points.
    pub fn transform(&self) -> crate::geometry::Transform {
        self.view.transform_in(&self.projector, self.size)
    }

    /// The same input with `hovered` outlined.
    pub fn hovering(self, hovered: Option<Place>) -> Self {
        SceneInput { hovered, ..self }
    }
}
