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

/// Story hours per second of real time, for playback: one day in 10, 4, 2, 1 and 0.5 seconds.
pub const SPEEDS: [f64; 5] = [2.4, 6.0, 12.0, 24.0, 48.0];

/// How much bigger everything is drawn in presentation mode, unless the user chose otherwise:
/// at 1920×1080 the smallest interface text is then 24 px.
pub const PRESENTATION_ZOOM: f32 = 1.95;

/// What is remembered between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    /// Playback crosses stretches where nothing changes at once.
    pub skip_quiet: bool,
    /// The look: light (default), dark or high contrast.
    pub theme: crate::scene::Theme,
    /// The story chapter last read.
    pub chapter: usize,
    /// The map's centre (lon, lat) and zoom when the window closed; `None`: the whole country.
    pub view: Option<[f64; 3]>,
    /// The scale of presentation mode (Ctrl+= / Ctrl+− change it).
    pub presentation_zoom: f32,
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
            skip_quiet: false,
            theme: crate::scene::Theme::Light,
            chapter: 0,
            view: None,
            presentation_zoom: PRESENTATION_ZOOM,
        }
    }
}

impl Persisted {
    /// These settings with what no window can use put back to its default: a presentation
    /// zoom that is not a number or beyond 0.5-4, a view off the globe or not a number, a
    /// speed past the list. Settings files are edited by hand and written by older versions.
    pub fn sane(mut self) -> Self {
        let d = Persisted::default();
        if !(0.5..=4.0).contains(&self.presentation_zoom) {
            self.presentation_zoom = d.presentation_zoom;
        }
        self.view = self.view.filter(|&[lon, lat, zoom]| {
            (-180.0..=180.0).contains(&lon)
                && (-90.0..=90.0).contains(&lat)
                && (0.0..=22.0).contains(&zoom)
        });
        self.speed = self.speed.min(SPEEDS.len() - 1);
        self
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
    /// `--data DIR` and the files laid on it (`--regions`, `--events`, `--tz`, `--bare`).
    pub data: crate::data::OpenSpec,
    /// `--lang`: wins over the remembered language.
    pub lang: Option<crate::i18n::Lang>,
    /// Ignore what earlier runs saved (scripted screenshots, tests).
    pub fresh: bool,
    /// `--presentation`: start in presentation mode.
    pub presentation: bool,
    /// `--story`: start with the story open (at `--chapter`, else at its first chapter).
    pub story: Option<usize>,
    /// `--timing`: print how long the first frame took to show, and where the time went.
    pub timing: bool,
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
    SetSkipQuiet(bool),
    SetTheme(crate::scene::Theme),
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
    SetLang(crate::i18n::Lang),
    /// Open the story (at the chapter last read), or close it.
    Story(bool),
    /// Go to a chapter of the story.
    StoryGo(usize),
    /// The next (1) or previous (-1) chapter.
    StoryStep(i64),
    /// Select the next (1) or previous (-1) city with events so far.
    CityStep(i64),
    /// Presentation mode on or off (F11).
    Presentation(bool),
    ShowAbout(bool),
    ShowKeys(bool),
    ShowExport(bool),
    /// Put the current map on the clipboard.
    CopyImage,
    /// Put a citation of the dataset and of the map at the shown instant on the clipboard.
    CopyCitation,
    OpenUrl(String),
    /// Ask for a file (or folder) to open as this.
    Open(OpenKind),
    /// Open this file or folder as this (dropped on the window, or chosen).
    OpenPath(OpenKind, std::path::PathBuf),
    ShowReport(bool),
    /// Filter the events by kind and text.
    SetFilter(crate::scene::EventFilter),
}

/// What a file or folder opens as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenKind {
    /// A dataset folder (with a `dataset.json`).
    Dataset,
    /// A region file laid on the dataset on screen.
    Regions,
    /// An events file laid on the dataset on screen.
    Events,
    /// The embedded default dataset.
    Default,
}

/// Which windows float over the map.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OpenWindows {
    pub about: bool,
    pub export: bool,
    /// The list of keys (`?`).
    pub keys: bool,
    /// What loading read, guessed, repaired and skipped.
    pub report: bool,
}

/// Everything the panels read. Only `App::apply` (and playback, `playback::advance`, which
/// `App` calls) writes it.
pub struct AppState {
    /// The dataset ready to show; `None` when loading failed.
    pub atlas: Option<Arc<Atlas>>,
    /// Why the dataset could not be loaded, with every problem found.
    pub load_error: Option<LoadError>,
    /// What is open: the dataset and the files laid on it.
    pub spec: crate::data::OpenSpec,
    /// The filters on events, and the events they let through (`None`: no filter).
    pub filter: crate::scene::EventFilter,
    pub events: Option<std::sync::Arc<crate::scene::EventMask>>,
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
    /// The story chapter being told, if the story is open.
    pub chapter: Option<usize>,
    /// Presentation mode: fullscreen, large type, only the map, the time and the story.
    pub presenting: bool,
    /// The time gliding to a chapter's instant: from, to, and when it began (egui's clock).
    pub glide: Option<(Instant, Instant, f64)>,
    /// The instant shown this frame while the time glides (`instant` is already the target).
    pub gliding: Option<Instant>,
}

impl AppState {
    /// Why the dataset failed to load, a problem a line.
    pub fn load_problems(&self) -> Option<String> {
        (self.load_error.as_ref()).map(|e| e.problems().join("\n"))
    }

    /// What the map shows, as the scene and every export of it take it.
    pub fn shown(&self) -> Shown {
        Shown {
            instant: self.gliding.unwrap_or(self.instant),
            lang: self.persisted.lang,
            mode: self.persisted.mode,
            selected: self.selected,
            chapter: self.chapter,
            events: self.events.clone(),
        }
    }

    /// The events of `events` the filters let through.
    pub fn filtered(&self, events: &[crate::data::EventIdx]) -> Vec<crate::data::EventIdx> {
        let mask = self.events.as_deref();
        events
            .iter()
            .copied()
            .filter(|&e| crate::scene::passes(mask, e))
            .collect()
    }

    /// The place with this id or name, if any.
    pub fn find_place(&self, name: &str) -> Option<Place> {
        let atlas = self.atlas.as_ref()?;
        crate::data::find_place(&atlas.data, name, self.persisted.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_no_window_can_use_fall_back_to_the_defaults() {
        let broken = Persisted {
            presentation_zoom: f32::NAN,
            view: Some([f64::INFINITY, 10.0, 5.0]),
            speed: usize::MAX,
            ..Persisted::default()
        }
        .sane();
        assert_eq!(broken.presentation_zoom, PRESENTATION_ZOOM);
        assert_eq!(broken.view, None);
        assert_eq!(broken.speed, SPEEDS.len() - 1);
        for zoom in [0.0, -1.0, 1e30] {
            let p = Persisted {
                presentation_zoom: zoom,
                ..Persisted::default()
            };
            assert_eq!(p.sane().presentation_zoom, PRESENTATION_ZOOM, "{zoom}");
        }
        // What a window can use stays.
        let good = Persisted {
            presentation_zoom: 2.5,
            view: Some([67.0, 48.0, 5.0]),
            ..Persisted::default()
        };
        assert_eq!(good.clone().sane(), good);
    }
}
