//! The atlas application, a star: [`App`] owns the one [`AppState`] and each panel's own widget
//! state, shows the panels (each gets `&AppState` and `&mut` of its own state, and returns
//! actions), and carries the actions out in [`App::apply`], the one place where shared state
//! changes, for keys, clicks and tests alike. Only this file imports the panels.

use super::export::ExportDialog;
use super::map::MapView;
use super::screenshot::ScreenshotJob;
use super::state::{Action, AppState, OpenWindows, Persisted, SPEEDS, StartOptions};
use super::toolbar::SearchBox;
use super::{about, clipboard, details, export, keys, map, timeline, toolbar};
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::{LoadError, Place};
use crate::scene::{Scene, Style};
use std::sync::Arc;

const STORAGE_KEY: &str = "qantar-state";
/// The instant a first-time viewer starts at: the evening of 5 January, the height of the crisis.
const DEFAULT_START: &str = "2022-01-05T18:00";

/// The atlas window.
pub struct App {
    state: AppState,
    map: MapView,
    search: SearchBox,
    export: ExportDialog,
    screenshot: Option<ScreenshotJob>,
    save_state: bool,
}

impl App {
    /// Creates the app for eframe. Loads the dataset; a failure is shown in the window.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        super::fonts::install(&cc.egui_ctx);
        super::fonts::style(&cc.egui_ctx);
        let persisted = if options.fresh {
            Persisted::default()
        } else {
            cc.storage
                .and_then(|s| eframe::get_value::<Persisted>(s, STORAGE_KEY))
                .unwrap_or_default()
        };
        let loaded = Atlas::load(options.data.as_deref());
        Self::with_atlas(loaded, persisted, options)
    }

    /// Creates the app around an already loaded (or failed) dataset.
    pub fn with_atlas(
        loaded: Result<Arc<Atlas>, LoadError>,
        persisted: Persisted,
        options: StartOptions,
    ) -> Self {
        let (atlas, load_error) = match loaded {
            Ok(a) => (Some(a), None),
            Err(e) => (None, Some(e)),
        };
        let mut app = App {
            state: AppState {
                atlas,
                load_error,
                persisted,
                instant: Instant::from_unix_minutes(0),
                selected: None,
                hovered: None,
                playing: false,
                play_carry: 0.0,
                windows: OpenWindows::default(),
                style: Style::classroom(),
                notice: None,
            },
            map: MapView::new(options.screenshot_to.is_none()),
            search: SearchBox::default(),
            export: ExportDialog::default(),
            screenshot: options.screenshot_to.clone().map(ScreenshotJob::new),
            save_state: !options.fresh,
        };
        app.start(&options);
        app
    }

    /// Applies the start options: the instant (remembered, `--at` or the default) and
    /// `--select`.
    fn start(&mut self, options: &StartOptions) {
        let Some(atlas) = self.state.atlas.clone() else {
            return;
        };
        let clock = atlas.data.meta.clock;
        let default = clock
            .parse_when(DEFAULT_START)
            .unwrap_or_else(|_| atlas.timeline.first());
        let remembered = self.state.persisted.instant.map(Instant::from_unix_minutes);
        self.state.instant = atlas.timeline.clamp(remembered.unwrap_or(default));
        if let Some(at) = &options.at {
            match clock.parse_when(at) {
                Ok(t) => self.state.instant = atlas.timeline.clamp(t),
                Err(e) => self.state.notice = Some(format!("--at: {e}")),
            }
        }
        if let Some(name) = &options.select {
            match self.state.find_place(name) {
                Some(place) => {
                    self.state.selected = Some(place);
                    self.map.focus(place);
                }
                None => {
                    self.state.notice = Some(format!("--select: no place is called \"{name}\""));
                }
            }
        }
    }

    /// The shared state, as the panels see it.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The place with this id or name, if any.
    pub fn find_place(&self, name: &str) -> Option<Place> {
        self.state.find_place(name)
    }

    pub fn atlas(&self) -> Option<&Arc<Atlas>> {
        self.state.atlas.as_ref()
    }

    pub fn instant(&self) -> Instant {
        self.state.instant
    }

    pub fn selected(&self) -> Option<Place> {
        self.state.selected
    }

    pub fn is_playing(&self) -> bool {
        self.state.playing
    }

    /// The scene last painted on the map.
    pub fn last_scene(&self) -> Option<&Scene> {
        self.map.last_scene()
    }

    /// Where a place's marker is on screen, from the last painted scene.
    pub fn screen_pos(&self, place: Place) -> Option<egui::Pos2> {
        self.map.screen_pos(place)
    }

    /// Carries out one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let Some(atlas) = self.state.atlas.clone() else {
            if let Action::ShowAbout(open) = action {
                self.state.windows.about = open;
            }
            return;
        };
        let tl = &atlas.timeline;
        let state = &mut self.state;
        let now = state.instant;
        let mut go = |t: Instant| state.instant = tl.clamp(t);
        match action {
            Action::SetInstant(m) => go(Instant::from_unix_minutes(m)),
            Action::StepDays(n) => go(now.plus_minutes(n * 24 * 60)),
            Action::StepHours(n) => go(now.plus_minutes(n * 60)),
            Action::NextChange => tl.next_change(now).into_iter().for_each(go),
            Action::PrevChange => tl.prev_change(now).into_iter().for_each(go),
            Action::First => go(tl.first()),
            Action::Last => go(tl.last()),
            Action::TogglePlay => {
                state.playing = !state.playing;
                state.play_carry = 0.0;
                if state.playing && state.instant >= tl.last() {
                    state.instant = tl.first();
                }
            }
            Action::SetSpeed(i) => state.persisted.speed = i.min(SPEEDS.len() - 1),
            Action::SetLooping(on) => state.persisted.looping = on,
            Action::SetMode(mode) => state.persisted.mode = mode,
            Action::Select(place) => state.selected = place,
            Action::Focus(place) => {
                state.selected = Some(place);
                self.map.focus(place);
            }
            Action::Hover(place) => state.hovered = place,
            Action::FitCountry => self.map.fit_country(),
            Action::ZoomIn => self.map.zoom_by(1.0),
            Action::ZoomOut => self.map.zoom_by(-1.0),
            Action::SetTiles(on) => state.persisted.tiles = on,
            Action::SetLegend(on) => state.persisted.legend = on,
            Action::ShowAbout(open) => state.windows.about = open,
            Action::ShowExport(open) => {
                if open {
                    self.export.prepare(state.instant, atlas.data.meta.clock);
                }
                state.windows.export = open || self.export.busy();
            }
            Action::CopyImage => {
                if let Some(view) = self.map.painted_view() {
                    state.notice = Some(clipboard::copy_map(ctx, state, &atlas, view));
                }
            }
            Action::OpenUrl(url) => {
                if crate::data::is_http_url(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
        }
        ctx.request_repaint();
    }

    /// Advances playback by the frame's duration.
    fn play(&mut self, ctx: &egui::Context) {
        let state = &mut self.state;
        let Some(atlas) = state.atlas.clone() else {
            return;
        };
        if !state.playing {
            return;
        }
        let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.1));
        state.play_carry += dt * SPEEDS[state.persisted.speed.min(SPEEDS.len() - 1)] * 60.0;
        let whole = state.play_carry.floor();
        if whole >= 1.0 {
            state.play_carry -= whole;
            let next = state.instant.plus_minutes(whole as i64);
            if next > atlas.timeline.last() {
                if state.persisted.looping {
                    state.instant = atlas.timeline.first();
                } else {
                    state.instant = atlas.timeline.last();
                    state.playing = false;
                }
            } else {
                state.instant = next;
            }
        }
        ctx.request_repaint();
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.play(&ctx);
        let state = &self.state;
        let mut actions = keys::actions(&ctx);
        actions.extend(toolbar::show(ui, state, &mut self.search));
        actions.extend(timeline::show(ui, state));
        actions.extend(details::show(ui, state));
        actions.extend(map::show(ui, state, &mut self.map));
        actions.extend(about::show(&ctx, state));
        let view = self.map.painted_view();
        actions.extend(export::show(&ctx, state, view, &mut self.export));
        for action in actions {
            self.apply(&ctx, action);
        }
        if let Some(job) = &mut self.screenshot
            && let Some(done) = job.step(&ctx, self.map.last_scene().is_some())
        {
            super::screenshot::finish(&ctx, done);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.save_state {
            self.state.persisted.instant = Some(self.state.instant.unix_minutes());
            eframe::set_value(storage, STORAGE_KEY, &self.state.persisted);
        }
    }
}
