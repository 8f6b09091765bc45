//! The window's state, in three kinds: persisted between runs, loaded data, and transient.
//! UI functions never change state directly: they return [`Action`]s that `App::apply` carries
//! out, so keyboard, mouse and tests all go through one path.

use crate::data::Place;
use crate::i18n::Lang;
use crate::scene::EventMode;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

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
