//! The atlas application: its state and the one place where actions change it.

use super::screenshot::ScreenshotJob;
use super::state::{Action, Persisted, SPEEDS, StartOptions};
use super::{about, details, keys, map, timeline, toolbar};
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::Place;
use crate::scene::{Scene, Style, View};
use std::sync::Arc;

const STORAGE_KEY: &str = "qantar-state";
/// The instant a first-time viewer starts at: the evening of 5 January, the height of the crisis.
const DEFAULT_START: &str = "2022-01-05T18:00";

/// The atlas window.
pub struct App {
    pub(super) atlas: Option<Arc<Atlas>>,
    pub(super) load_error: Option<String>,
    pub(super) persisted: Persisted,
    pub(super) instant: Instant,
    pub(super) selected: Option<Place>,
    pub(super) hovered: Option<Place>,
    pub(super) map_memory: walkers::MapMemory,
    /// Fit the country into the map once its size is known.
    pub(super) fit_pending: bool,
    /// Keep the country fitted as the map's size settles, until the user moves the map.
    pub(super) auto_fit: bool,
    /// The map size the last fit was made for.
    pub(super) fitted_for: [f32; 2],
    /// Bring this place into view once the map's size is known.
    pub(super) focus_pending: Option<Place>,
    pub(super) playing: bool,
    /// Story minutes accumulated by playback but not yet applied.
    pub(super) play_carry: f64,
    pub(super) search: toolbar::SearchState,
    pub(super) about_open: bool,
    pub(super) tiles: Option<walkers::HttpTiles>,
    pub(super) style: Style,
    /// The last scene painted on the map, and where: for clicks, tooltips and tests.
    pub(super) last_scene: Option<Scene>,
    pub(super) last_map_rect: egui::Rect,
    /// The view and size (points) of the last painted map, for "current view" exports.
    pub(super) last_view: Option<(View, [f32; 2])>,
    pub(super) export: super::export::ExportDialog,
    pub(super) screenshot: Option<ScreenshotJob>,
    /// A message for the user (a start option that could not be honoured, say).
    pub(super) notice: Option<String>,
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
        let loaded = Atlas::load(options.data.as_deref()).map_err(|e| e.problems().join("\n"));
        Self::with_atlas(loaded, persisted, options)
    }

    /// Creates the app around an already loaded (or failed) dataset.
    pub fn with_atlas(
        loaded: Result<Arc<Atlas>, String>,
        persisted: Persisted,
        options: StartOptions,
    ) -> Self {
        let (atlas, load_error) = match loaded {
            Ok(a) => (Some(a), None),
            Err(e) => (None, Some(e)),
        };
        let mut app = App {
            atlas,
            load_error,
            instant: Instant::from_unix_minutes(0),
            persisted,
            selected: None,
            hovered: None,
            map_memory: walkers::MapMemory::default(),
            fit_pending: true,
            auto_fit: true,
            fitted_for: [0.0, 0.0],
            focus_pending: None,
            playing: false,
            play_carry: 0.0,
            search: toolbar::SearchState::default(),
            about_open: false,
            tiles: None,
            style: Style::classroom(),
            last_scene: None,
            last_map_rect: egui::Rect::NOTHING,
            last_view: None,
            export: super::export::ExportDialog::default(),
            screenshot: options.screenshot_to.clone().map(ScreenshotJob::new),
            notice: None,
            save_state: !options.fresh,
        };
        app.start(&options);
        app
    }

    fn start(&mut self, options: &StartOptions) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        let clock = atlas.data.meta.clock;
        let default = clock
            .parse_when(DEFAULT_START)
            .unwrap_or_else(|_| atlas.timeline.first());
        let remembered = self.persisted.instant.map(Instant::from_unix_minutes);
        self.instant = atlas.timeline.clamp(remembered.unwrap_or(default));
        if let Some(at) = &options.at {
            match clock.parse_when(at) {
                Ok(t) => self.instant = atlas.timeline.clamp(t),
                Err(e) => self.notice = Some(format!("--at: {e}")),
            }
        }
        if let Some(name) = &options.select {
            match self.find_place(name) {
                Some(place) => {
                    self.selected = Some(place);
                    self.focus_pending = Some(place);
                    self.auto_fit = false;
                }
                None => self.notice = Some(format!("--select: no place is called \"{name}\"")),
            }
        }
    }

    /// The place with this id or name, if any.
    pub fn find_place(&self, name: &str) -> Option<Place> {
        let atlas = self.atlas.as_ref()?;
        crate::data::find_place(&atlas.data, name, self.persisted.lang)
    }

    pub fn atlas(&self) -> Option<&Arc<Atlas>> {
        self.atlas.as_ref()
    }

    pub fn instant(&self) -> Instant {
        self.instant
    }

    pub fn selected(&self) -> Option<Place> {
        self.selected
    }

    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// The scene last painted on the map.
    pub fn last_scene(&self) -> Option<&Scene> {
        self.last_scene.as_ref()
    }

    /// Where a place's marker or label point is on screen, from the last painted scene.
    pub fn screen_pos(&self, place: Place) -> Option<egui::Pos2> {
        let scene = self.last_scene.as_ref()?;
        scene.shapes().find_map(|(_, shape)| match shape {
            crate::scene::Shape::Circle(c) if c.target == Some(place) => Some(egui::pos2(
                self.last_map_rect.min.x + c.center[0],
                self.last_map_rect.min.y + c.center[1],
            )),
            _ => None,
        })
    }

    /// Carries out one action.
    pub fn apply(&mut self, ctx: &egui::Context, action: Action) {
        let Some(atlas) = self.atlas.clone() else {
            if let Action::ShowAbout(open) = action {
                self.about_open = open;
            }
            return;
        };
        let tl = &atlas.timeline;
        let set = |app: &mut App, t: Instant| app.instant = tl.clamp(t);
        match action {
            Action::SetInstant(m) => set(self, Instant::from_unix_minutes(m)),
            Action::StepDays(n) => set(self, self.instant.plus_minutes(n * 24 * 60)),
            Action::StepHours(n) => set(self, self.instant.plus_minutes(n * 60)),
            Action::NextChange => {
                if let Some(t) = tl.next_change(self.instant) {
                    set(self, t);
                }
            }
            Action::PrevChange => {
                if let Some(t) = tl.prev_change(self.instant) {
                    set(self, t);
                }
            }
            Action::First => set(self, tl.first()),
            Action::Last => set(self, tl.last()),
            Action::TogglePlay => {
                self.playing = !self.playing;
                self.play_carry = 0.0;
                if self.playing && self.instant >= tl.last() {
                    self.instant = tl.first();
                }
            }
            Action::SetSpeed(i) => self.persisted.speed = i.min(SPEEDS.len() - 1),
            Action::SetLooping(on) => self.persisted.looping = on,
            Action::SetMode(mode) => self.persisted.mode = mode,
            Action::Select(place) => self.selected = place,
            Action::Focus(place) => {
                self.selected = Some(place);
                self.focus_pending = Some(place);
                self.auto_fit = false;
            }
            Action::Hover(place) => self.hovered = place,
            Action::FitCountry => {
                self.fit_pending = true;
                self.auto_fit = true;
            }
            Action::ZoomIn => {
                self.auto_fit = false;
                let z = (self.map_memory.zoom() + 0.5).min(map::MAX_ZOOM);
                let _ = self.map_memory.set_zoom(z);
            }
            Action::ZoomOut => {
                self.auto_fit = false;
                let z = (self.map_memory.zoom() - 0.5).max(map::MIN_ZOOM);
                let _ = self.map_memory.set_zoom(z);
            }
            Action::SetTiles(on) => {
                self.persisted.tiles = on;
                if on && self.tiles.is_none() {
                    self.tiles = Some(map::osm_tiles(ctx));
                }
            }
            Action::SetLegend(on) => self.persisted.legend = on,
            Action::ShowAbout(open) => self.about_open = open,
            Action::ShowExport(open) => {
                if open {
                    self.export.open_for(self.instant, atlas.data.meta.clock);
                } else {
                    self.export.open = false;
                }
            }
            Action::CopyImage => self.copy_image(ctx, &atlas),
            Action::OpenUrl(url) => {
                if crate::data::is_http_url(&url) {
                    ctx.open_url(egui::OpenUrl::new_tab(url));
                }
            }
        }
        ctx.request_repaint();
    }

    /// Puts the map as shown (with its title, date and legend) on the clipboard.
    fn copy_image(&mut self, ctx: &egui::Context, atlas: &Atlas) {
        let Some((view, size)) = self.last_view else {
            return;
        };
        let ppp = ctx.pixels_per_point();
        let pixels = [
            (size[0] * ppp).round().max(1.0) as u32,
            (size[1] * ppp).round().max(1.0) as u32,
        ];
        let style = Style::classroom();
        let scene = crate::scene::build(&crate::scene::SceneInput {
            atlas,
            instant: self.instant,
            view,
            size,
            scale: 1.0,
            lang: self.persisted.lang,
            lod: crate::scene::Lod::for_zoom(view.zoom),
            mode: self.persisted.mode,
            selected: self.selected,
            hovered: None,
            context: true,
            overlay: crate::scene::OverlayParts {
                title: Some(atlas.data.meta.name.get(self.persisted.lang).to_owned()),
                date: true,
                legend: true,
                scale_bar: true,
                attribution: true,
                progress: None,
                tiles_credit: None,
            },
            style: &style,
        });
        match crate::paint::raster::render(&scene, pixels, ppp) {
            Ok(pixmap) => {
                let rgba = crate::paint::raster::rgba(&pixmap);
                let image = egui::ColorImage::from_rgba_unmultiplied(
                    [pixels[0] as usize, pixels[1] as usize],
                    &rgba,
                );
                ctx.copy_image(image);
                self.notice = Some("The map was copied to the clipboard.".into());
            }
            Err(e) => self.notice = Some(format!("The map could not be copied: {e}")),
        }
    }

    /// Advances playback by the frame's duration.
    fn play(&mut self, ctx: &egui::Context) {
        let Some(atlas) = self.atlas.clone() else {
            return;
        };
        if !self.playing {
            return;
        }
        let dt = f64::from(ctx.input(|i| i.stable_dt).min(0.1));
        self.play_carry += dt * SPEEDS[self.persisted.speed.min(SPEEDS.len() - 1)] * 60.0;
        let whole = self.play_carry.floor();
        if whole >= 1.0 {
            self.play_carry -= whole;
            let next = self.instant.plus_minutes(whole as i64);
            if next > atlas.timeline.last() {
                if self.persisted.looping {
                    self.instant = atlas.timeline.first();
                } else {
                    self.instant = atlas.timeline.last();
                    self.playing = false;
                }
            } else {
                self.instant = next;
            }
        }
        ctx.request_repaint();
    }

    /// The view that fits the whole country into a map of `size` points.
    pub(super) fn country_view(&self, size: [f32; 2]) -> Option<View> {
        let atlas = self.atlas.as_ref()?;
        Some(View::fit(atlas.geometry.country_bbox, size, 24.0))
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.play(&ctx);
        let mut actions = keys::actions(&ctx);
        actions.extend(toolbar::show(ui, self));
        actions.extend(timeline::show(ui, self));
        actions.extend(details::show(ui, self));
        actions.extend(map::show(ui, self));
        actions.extend(about::show(&ctx, self));
        actions.extend(super::export::show(&ctx, self));
        for action in actions {
            self.apply(&ctx, action);
        }
        if let Some(job) = &mut self.screenshot
            && let Some(done) = job.step(&ctx, self.last_scene.is_some())
        {
            super::screenshot::finish(&ctx, done);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.save_state {
            self.persisted.instant = Some(self.instant.unix_minutes());
            eframe::set_value(storage, STORAGE_KEY, &self.persisted);
        }
    }
}
