//! The window's shared state, [`AppState`], in three kinds: persisted between runs
//! ([`Persisted`]), loaded data (the atlas) and transient (selection, hover, playback, notices).
//! Panels read it and return [`Action`]s; `App::apply` is the one place that changes it, so
//! keyboard, mouse and tests all go through one path.

use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::{LoadError, Place};
use crate::i18n::Lang;
use crate::scene::{EventMode, Shown, Style};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// The accessible name of the time track.
pub const TRACK_LABEL: &str = "Time";

/// The accessible name of the search box.
pub const SEARCH_LABEL: &str = "Find a place";

/// Story hours per second of real time, for playback.
pub const SPEEDS: [f64; 5] = [1.0, 3.0, 6.0, 12.0, 24.0];

/// What is remembered between runs.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Persisted {
    /// Minutes since 1970 UTC; `None` starts at the default instant.
    pub instant: Option<i64>,
    pub lang: Lang,
    pub mode: EventMode,
    pub tiles: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    pub looping: bool,
    pub legend: bool,
}

impl Default for Persisted {
    fn default() -> Self {
        Persisted {
            instant: None,
            lang: Lang::En,
            mode: EventMode::Cumulative,
            tiles: false,
            speed: 2,
            looping: false,
            legend: true,
        }
    }
}

/// How the window was asked to start (command-line options).
#[derive(Debug, Clone, Default)]
pub struct StartOptions {
    /// `--at WHEN`, already read on the dataset's clock (minutes since 1970 UTC).
    pub at: Option<String>,
    /// `--select PLACE`: an id or any name of a city or unit.
    pub select: Option<String>,
    /// `--window-size WxH`.
    pub window_size: Option<[u32; 2]>,
    /// `--screenshot-to FILE.png`.
    pub screenshot_to: Option<PathBuf>,
    /// `--data DIR`.
    pub data: Option<PathBuf>,
    /// Ignore what earlier runs saved (scripted screenshots, tests).
    pub fresh: bool,
}

/// Something the user asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Go to an instant (minutes since 1970 UTC).
    SetInstant(i64),
    StepDays(i64),
    StepHours(i64),
    NextChange,
    PrevChange,
    First,
    Last,
    TogglePlay,
    SetSpeed(usize),
    SetLooping(bool),
    SetMode(EventMode),
    Select(Option<Place>),
    /// Select a place and bring it into view.
    Focus(Place),
    Hover(Option<Place>),
    FitCountry,
    ZoomIn,
    ZoomOut,
    SetTiles(bool),
    SetLegend(bool),
    ShowAbout(bool),
    ShowExport(bool),
    /// Put the current map on the clipboard.
    CopyImage,
    OpenUrl(String),
}

/// Which windows float over the map.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenWindows {
    pub about: bool,
    pub export: bool,
}

/// Everything the panels read. Only `App::apply` (and playback, in the same file) writes it.
pub struct AppState {
    /// The dataset ready to show; `None` when loading failed.
    pub atlas: Option<Arc<Atlas>>,
    /// Why the dataset could not be loaded, with every problem found.
    pub load_error: Option<LoadError>,
    pub persisted: Persisted,
    pub instant: Instant,
    pub selected: Option<Place>,
    pub hovered: Option<Place>,
    pub playing: bool,
    /// Story minutes accumulated by playback but not yet applied.
    pub play_carry: f64,
    pub windows: OpenWindows,
    /// Colours and sizes of the map and of the panels that speak of it.
    pub style: Style,
    /// A message for the user (a start option that could not be honoured, say).
    pub notice: Option<String>,
}

impl AppState {
    /// What the map shows, as the scene and every export of it take it.
    pub fn shown(&self) -> Shown {
        Shown {
            instant: self.instant,
            lang: self.persisted.lang,
            mode: self.persisted.mode,
            selected: self.selected,
        }
    }

    /// The place with this id or name, if any.
    pub fn find_place(&self, name: &str) -> Option<Place> {
        let atlas = self.atlas.as_ref()?;
        crate::data::find_place(&atlas.data, name, self.persisted.lang)
    }
}
