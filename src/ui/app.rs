//! The atlas application, a star: [`App`] owns the one [`AppState`] and each panel's own widget
//! state, shows the panels (each gets `&AppState` and `&mut` of its own state, and returns
//! actions), and carries the actions out in [`App::apply`], the one place where shared state
//! changes, for keys, clicks and tests alike. Only this file and its `frame.rs` import the
//! panels.

use super::export::ExportDialog;
use super::map::MapView;
use super::open::Opener;
use super::screenshot::ScreenshotJob;
use super::state::{Action, AppState, OpenKind, OpenWindows, Persisted, SPEEDS, StartOptions};
use super::toolbar::SearchBox;
use super::{clipboard, map};
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::{LoadError, Place};
use crate::i18n::{Msg, tr};
use crate::scene::Style;
use std::sync::Arc;

mod access;
mod frame;

const STORAGE_KEY: &str = "qantar-state";

/// The atlas window.
pub struct App {
    state: AppState,
    map: MapView,
    search: SearchBox,
    export: ExportDialog,
    screenshot: Option<ScreenshotJob>,
    save_state: bool,
    /// Actions to apply on the first frame (start options that need the window).
    pending: Vec<Action>,
    /// When playback last advanced (egui's clock, seconds).
    play_clock: Option<f64>,
    /// Why a scripted screenshot cannot be taken (a start option could not be honoured).
    failed_start: Option<String>,
    /// File dialogs and loads in progress.
    opener: Opener,
}

impl App {
    /// Creates the app for eframe. Loads the dataset; a failure is shown in the window.
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let saved = cc.storage.filter(|_| !options.fresh);
        let persisted = saved.and_then(|s| eframe::get_value::<Persisted>(s, STORAGE_KEY));
        let persisted = persisted.map(Persisted::sane);
        // Settings that exist but do not read (corrupt, or from an incompatible version).
        let unreadable =
            persisted.is_none() && saved.is_some_and(|s| s.get_string(STORAGE_KEY).is_some());
        let mut app = Self::with_settings(cc, persisted.unwrap_or_default(), options);
        if unreadable {
            app.state.notice = Some(tr(app.state.persisted.lang, Msg::SettingsReset).to_owned());
        }
        app
    }

    /// Creates the app with `persisted` as the remembered settings (the start options still
    /// win over them).
    pub fn with_settings(
        cc: &eframe::CreationContext<'_>,
        persisted: Persisted,
        options: StartOptions,
    ) -> Self {
        super::fonts::install(&cc.egui_ctx);
        super::fonts::style(&cc.egui_ctx);
        let loaded = Atlas::load(&options.data);
        let app = Self::with_atlas(loaded, persisted, options);
        super::fonts::visuals(&cc.egui_ctx, app.state.persisted.theme);
        app
    }

    /// Creates the app around an already loaded (or failed) dataset.
    pub fn with_atlas(
        loaded: Result<Arc<Atlas>, LoadError>,
        persisted: Persisted,
        options: StartOptions,
    ) -> Self {
        let (atlas, load_error) = (loaded.as_ref().ok().cloned(), loaded.err());
        let style = Style::for_theme(persisted.theme);
        let mut app = App {
            state: AppState {
                atlas,
                load_error,
                spec: options.data.clone(),
                filter: Default::default(),
                events: None,
                persisted,
                instant: Instant::from_unix_minutes(0),
                selected: None,
                hovered: None,
                playing: false,
                play_carry: 0.0,
                windows: OpenWindows::default(),
                style,
                notice: None,
                chapter: None,
                presenting: false,
                glide: None,
                gliding: None,
            },
            map: MapView::new(options.screenshot_to.is_none()),
            search: SearchBox::default(),
            export: ExportDialog::default(),
            screenshot: options.screenshot_to.clone().map(ScreenshotJob::new),
            save_state: !options.fresh,
            pending: Vec::new(),
            play_clock: None,
            failed_start: None,
            opener: Opener::default(),
        };
        app.start(&options);
        app
    }

    /// Applies the start options: the instant (remembered, `--at` or the default) and
    /// `--select`.
    fn start(&mut self, options: &StartOptions) {
        if let Some(lang) = options.lang {
            self.state.persisted.lang = lang;
        }
        let Some(atlas) = self.state.atlas.clone() else {
            // No map will be drawn: a scripted screenshot fails with the load error.
            let error = self.state.load_problems();
            return error.into_iter().for_each(|e| self.start_error(e));
        };
        // Files laid from the command line: say what was read, guessed and skipped.
        self.state.windows.report =
            !(options.data.is_plain() || atlas.data.report.is_empty() || self.screenshot.is_some());
        // Applied on the first frame, when the window exists.
        if options.presentation {
            self.pending.push(Action::Presentation(true));
        }
        if let Some(chapter) = options.story {
            self.pending.push(Action::StoryGo(chapter));
        }
        let clock = atlas.data.meta.clock;
        let default = atlas.default_instant();
        let remembered = self.state.persisted.instant.map(Instant::from_unix_minutes);
        self.state.instant = atlas.timeline.clamp(remembered.unwrap_or(default));
        if let Some([lon, lat, zoom]) = self.state.persisted.view
            && [lon, lat, zoom].iter().all(|v| v.is_finite())
        {
            self.map.restore(crate::scene::View {
                center_lon: lon.clamp(-180.0, 180.0),
                center_lat: lat.clamp(-85.0, 85.0),
                zoom: zoom.clamp(map::MIN_ZOOM, map::MAX_ZOOM),
            });
        }
        if let Some(at) = &options.at {
            match clock.parse_when(at) {
                Ok(t) => self.state.instant = atlas.timeline.clamp(t),
                Err(e) => self.start_error(format!("--at: {e}")),
            }
        }
        if let Some(name) = &options.select {
            match self.state.find_place(name) {
                Some(place) => {
                    self.state.selected = Some(place);
                    self.map.focus(place);
                }
                None => self.start_error(format!("--select: no place is called \"{name}\"")),
            }
        }
    }

    /// A start option that could not be honoured: a notice in the window; a failed scripted
    /// screenshot (exit code 1), as `export` fails.
    fn start_error(&mut self, message: String) {
        if self.screenshot.take().is_some() {
            self.failed_start = Some(message.clone());
        }
        self.state.notice = Some(message);
    }

    /// Carries out one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Open(kind) => return self.opener.pick(kind),
            Action::OpenPath(kind, path) => {
                let path = (kind != OpenKind::Default).then_some(path);
                return self.opener.open(&self.state.spec, kind, path);
            }
            _ => {}
        }
        let Some(atlas) = self.state.atlas.clone() else {
            if let Action::ShowAbout(open) = action {
                self.state.windows.about = open;
            }
            return;
        };
        if matches!(
            action,
            Action::Story(_) | Action::StoryGo(_) | Action::StoryStep(_) | Action::Presentation(_)
        ) {
            super::chapters::apply(&mut self.state, &mut self.map, ctx, &atlas, action);
            ctx.request_repaint();
            return;
        }
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
            Action::SetSkipQuiet(on) => state.persisted.skip_quiet = on,
            Action::SetTheme(theme) => {
                state.persisted.theme = theme;
                state.style = Style::for_theme(theme);
                super::fonts::visuals(ctx, theme);
            }
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
            Action::SetLang(lang) => state.persisted.lang = lang,
            Action::CityStep(d) => {
                let cities = tl.cities_with_events_by(now);
                if !cities.is_empty() {
                    let n = cities.len() as i64;
                    let at = match state.selected {
                        Some(Place::City(c)) => cities.iter().position(|&x| x == c),
                        _ => None,
                    };
                    let next = at.map_or(if d > 0 { 0 } else { n - 1 }, |i| {
                        (i as i64 + d).rem_euclid(n)
                    });
                    let city = Place::City(cities[next as usize]);
                    state.selected = Some(city);
                    self.map.focus(city);
                }
            }
            Action::Story(_)
            | Action::StoryGo(_)
            | Action::StoryStep(_)
            | Action::Presentation(_) => {}

            Action::ShowAbout(open) => state.windows.about = open,
            Action::ShowKeys(open) => state.windows.keys = open,
            Action::ShowExport(open) => {
                if open {
                    self.export.prepare(state.instant, &atlas.data.meta);
                }
                state.windows.export = open || self.export.busy();
            }
            Action::CopyImage => {
                if let Some(view) = self.map.painted_view() {
                    state.notice = Some(clipboard::copy_map(ctx, state, &atlas, view));
                }
            }
            Action::CopyCitation => {
                state.notice = Some(clipboard::copy_citation(ctx, state, &atlas))
            }
            Action::OpenUrl(url) => {
                if crate::data::is_http_url(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                } else {
                    let refused = tr(state.persisted.lang, Msg::OnlyWebLinks);
                    state.notice = Some(format!("{refused}: {url}"));
                }
            }
            Action::SetFilter(filter) => {
                state.events = filter.mask(&atlas.data);
                state.filter = filter;
            }
            Action::ShowReport(open) => state.windows.report = open,
            Action::Open(_) | Action::OpenPath(..) => {}
        }
        ctx.request_repaint();
    }

    /// Puts a newly loaded dataset on screen, at its default instant, fitted, with its load
    /// report open when there is something to report.
    fn show_loaded(&mut self, loaded: super::open::Loaded) {
        let atlas = loaded.atlas;
        let state = &mut self.state;
        state.instant = atlas.timeline.clamp(atlas.default_instant());
        state.windows.report = !atlas.data.report.is_empty();
        state.atlas = Some(atlas);
        state.load_error = None;
        state.spec = loaded.spec;
        state.selected = None;
        state.hovered = None;
        state.playing = false;
        state.chapter = None;
        state.glide = None;
        state.events = state
            .atlas
            .as_ref()
            .and_then(|a| state.filter.mask(&a.data));
        // A fresh map: the last scene's places belong to the dataset no longer shown.
        self.map = MapView::new(self.screenshot.is_none());
    }

    /// Advances playback by the frame's duration.
    fn play(&mut self, ctx: &egui::Context) {
        let Some(atlas) = self.state.atlas.clone() else {
            return;
        };
        if !self.state.playing {
            self.play_clock = None;
            return;
        }
        // Wall-clock time since the last frame, so that the speed holds whatever the frame
        // rate; a long stall (the window hidden) counts as half a second at most.
        let now = ctx.input(|i| i.time);
        let dt = self
            .play_clock
            .map_or(0.0, |last| (now - last).clamp(0.0, 0.5));
        self.play_clock = Some(now);
        super::playback::advance(&mut self.state, &atlas, dt);
        ctx.request_repaint();
    }
}
