//! The map: walkers with no tiles by default (offline), the scene painted by a plugin, clicks
//! and hovers tested against the painted scene, and the optional OpenStreetMap basemap.
//!
//! [`MapView`] is the map's own widget state (the walkers memory, fitting and focusing, the
//! tiles, the last painted scene); [`show`] reads the shared [`AppState`] and returns actions.

use super::state::{Action, AppState};
use super::tiles::{Basemap, Limits, show_unavailable};
use crate::data::Place;
use crate::paint::egui_cache::{PaintedScene, ScenePlugin};
use crate::scene::{self, LayerKind, Scene, SceneInput, Style, View};
use walkers::{MapMemory, lon_lat, sources::OpenStreetMap};

pub const MIN_ZOOM: f64 = 2.0;
pub const MAX_ZOOM: f64 = 13.0;
/// How much one press of + or − zooms.
const ZOOM_STEP: f64 = 0.5;

/// The map's widget state: kept between frames, changed only by the map itself and by
/// `App::apply` (fit, focus, zoom).
pub struct MapView {
    memory: MapMemory,
    /// Fit the country into the map once its size is known.
    fit_pending: bool,
    /// Keep the country fitted as the map's size settles, until the user moves the map.
    auto_fit: bool,
    /// The map size the last fit was made for.
    fitted_for: [f32; 2],
    /// Bring this place into view once the map's size is known.
    focus_pending: Option<Place>,
    /// Fit this area (lon/lat) once the map's size is known.
    bbox_pending: Option<geo::Rect<f64>>,
    /// Show this view once the map's size is known.
    view_pending: Option<View>,
    /// A flight in progress to a story chapter's view: from, to, and when it began (egui's
    /// clock, seconds).
    flight: Option<(View, View, f64)>,
    tiles: Option<Basemap>,
    /// Show hover outlines and tooltips (not in scripted screenshots, where the pointer is
    /// wherever the display left it).
    hover: bool,
    /// The last scene painted on the map, kept for the next frame and for clicks, tooltips
    /// and tests.
    painted: PaintedScene,
    /// The vector basemap painted under the tiles.
    under: PaintedScene,
    last_rect: egui::Rect,
}

impl MapView {
    /// A map that fits the country as soon as its size is known; `hover` shows hover outlines
    /// and tooltips.
    pub fn new(hover: bool) -> Self {
        MapView {
            memory: MapMemory::default(),
            fit_pending: true,
            auto_fit: true,
            fitted_for: [0.0, 0.0],
            focus_pending: None,
            bbox_pending: None,
            view_pending: None,
            flight: None,
            tiles: None,
            hover,
            painted: PaintedScene::default(),
            under: PaintedScene::default(),
            last_rect: egui::Rect::NOTHING,
        }
    }

    /// Fit the whole country, and keep it fitted while the window settles.
    pub fn fit_country(&mut self) {
        self.bbox_pending = None;
        self.flight = None;
        self.fit_pending = true;
        self.auto_fit = true;
    }

    /// Show `view` (a remembered one) once the map's size is known.
    pub fn restore(&mut self, view: View) {
        self.flight = None;
        self.bbox_pending = None;
        self.fit_pending = false;
        self.auto_fit = false;
        self.view_pending = Some(view);
    }

    /// Fit `bbox` (lon/lat) into the map once its size is known.
    pub fn fit_bbox(&mut self, bbox: geo::Rect<f64>) {
        self.bbox_pending = Some(bbox);
        self.focus_pending = None;
        self.fit_pending = false;
        self.auto_fit = false;
    }

    /// Bring `place` into view once the map's size is known.
    pub fn focus(&mut self, place: Place) {
        self.flight = None;
        self.focus_pending = Some(place);
        self.auto_fit = false;
    }

    /// Zoom in (`steps` > 0) or out by steps of [`ZOOM_STEP`].
    pub fn zoom_by(&mut self, steps: f64) {
        self.auto_fit = false;
        let z = (self.memory.zoom() + steps * ZOOM_STEP).clamp(MIN_ZOOM, MAX_ZOOM);
        let _ = self.memory.set_zoom(z);
    }

    /// The scene last painted.
    pub fn last_scene(&self) -> Option<&Scene> {
        self.painted.scene()
    }

    /// The view and size (points) of the last painted map, for "current view" exports.
    pub fn painted_view(&self) -> Option<(View, [f32; 2])> {
        self.painted.scene().map(|s| (s.view, s.size))
    }

    /// Where a place's marker is on screen, from the last painted scene.
    pub fn screen_pos(&self, place: Place) -> Option<egui::Pos2> {
        let scene = self.painted.scene()?;
        scene.shapes().find_map(|(_, shape)| match shape {
            scene::Shape::Circle(c) if c.target == Some(place) => {
                Some(self.last_rect.min + egui::vec2(c.center[0], c.center[1]))
            }
            _ => None,
        })
    }
}

/// The OpenStreetMap tile layer, cached on disk.
fn osm_tiles(ctx: &egui::Context) -> Basemap {
    let cache = eframe::storage_dir("qantar")
        .unwrap_or_else(std::env::temp_dir)
        .join("tiles");
    Basemap::new(OpenStreetMap, Some(cache), Limits::default(), ctx)
}

/// The style of the map: translucent fills over tiles, opaque otherwise.
fn style_for(state: &AppState, tiles_shown: bool) -> Style {
    if tiles_shown {
        state.style.over_tiles()
    } else {
        state.style.clone()
    }
}

pub fn show(ui: &mut egui::Ui, state: &AppState, map: &mut MapView) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(atlas) = state.atlas.clone() else {
        return actions;
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            let rect = ui.available_rect_before_wrap();
            let size = [rect.width(), rect.height()];
            let country = View::fit(atlas.geometry.country_bbox, size, 24.0);
            let now = ui.input(|i| i.time);
            let current = View {
                center_lon: map.memory.detached().map_or(country.center_lon, |p| p.x()),
                center_lat: map.memory.detached().map_or(country.center_lat, |p| p.y()),
                zoom: map.memory.zoom(),
            };
            apply_pending_view(map, &atlas.data, country, size, (current, now));
            if fly(map, now) {
                ui.ctx().request_repaint();
            }
            let tiles_on = state.persisted.tiles;
            if tiles_on && map.tiles.is_none() {
                map.tiles = Some(osm_tiles(ui.ctx()));
            }
            // Tiles that cannot be had are asked for again now and then; meanwhile the map is
            // drawn as without them.
            let unavailable = (map.tiles.as_ref())
                .filter(|_| tiles_on)
                .and_then(Basemap::unavailable);
            let tiles_shown = tiles_on && unavailable.is_none();
            let center = lon_lat(country.center_lon, country.center_lat);
            let style = style_for(state, tiles_shown);
            // The view before this frame's gestures; the map plugin gets the one after.
            let now = map.memory.detached().unwrap_or(center);
            let view = View {
                center_lon: now.x(),
                center_lat: now.y(),
                zoom: map.memory.zoom(),
            };
            let hovered = if map.hover { state.hovered } else { None };
            // Fades, in the interactive window only (scripted screenshots show the instant's
            // state at once, as exports do).
            let fades = map
                .hover
                .then(|| super::fades::fades(ui.ctx(), &atlas, state));
            let input = SceneInput::screen(
                &atlas,
                &style,
                &state.shown(),
                (view, size),
                state.persisted.legend,
                tiles_shown,
            )
            .hovering(hovered);
            let mut input = input;
            input.overlay.compact_legend = state.presenting;
            input.fades = fades.as_ref();
            let plugin = ScenePlugin {
                input: &input,
                painted: &mut map.painted,
            };
            let before = (map.memory.zoom(), map.memory.detached());
            if tiles_shown {
                // Under the tiles: the vector basemap, which shows wherever tiles are missing
                // (offline, or still loading).
                let under = SceneInput {
                    style: &state.style,
                    ..input.clone()
                };
                map.under.paint(
                    &ui.painter_at(rect),
                    rect.min,
                    &under,
                    scene::build_basemap,
                    |k| k == LayerKind::Context,
                );
            }
            let tiles = if tiles_on {
                map.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles)
            } else {
                None
            };
            let walkers_map = walkers::Map::new(tiles, &mut map.memory, center)
                .with_plugin(plugin)
                .double_click_to_zoom(true);
            let response = ui.add(walkers_map);
            if response.dragged() || (map.memory.zoom(), map.memory.detached()) != before {
                map.auto_fit = false;
                map.flight = None;
            }
            clamp_zoom(&mut map.memory);
            map.last_rect = response.rect;
            if let Some(why) = unavailable {
                show_unavailable(ui, rect, state.persisted.lang, why);
            }
            if let Some(area) = interact(state, map, &response, &mut actions) {
                map.fit_bbox(area);
                ui.ctx().request_repaint();
            }
        });
    actions
}

fn clamp_zoom(memory: &mut MapMemory) {
    let z = memory.zoom();
    if !(MIN_ZOOM..=MAX_ZOOM).contains(&z) {
        let _ = memory.set_zoom(z.clamp(MIN_ZOOM, MAX_ZOOM));
    }
}

/// Fits the country or centres a focused place, now that the map's size is known.
fn apply_pending_view(
    map: &mut MapView,
    data: &crate::data::Dataset,
    country: View,
    size: [f32; 2],
    (current, now): (View, f64),
) {
    if size[0] < 50.0 || size[1] < 50.0 {
        return;
    }
    let resized =
        (size[0] - map.fitted_for[0]).abs() > 0.5 || (size[1] - map.fitted_for[1]).abs() > 0.5;
    if map.fit_pending || (map.auto_fit && resized) {
        set_view(&mut map.memory, country);
        map.fit_pending = false;
        map.fitted_for = size;
    }
    if let Some(view) = map.view_pending.take() {
        set_view(&mut map.memory, view);
        map.fitted_for = size;
    }
    if let Some(bbox) = map.bbox_pending.take() {
        // A story chapter's area: fly there rather than jump.
        map.flight = Some((current, View::fit(bbox, size, 24.0), now));
        map.fitted_for = size;
    }
    let Some(place) = map.focus_pending.take() else {
        return;
    };
    match place {
        Place::City(c) => {
            let p = data.city(c).position;
            map.memory.center_at(lon_lat(p.x(), p.y()));
            if map.memory.zoom() < 5.0 {
                let _ = map.memory.set_zoom(5.0);
            }
        }
        Place::Unit(u) => {
            if let Some(bbox) = data.unit(u).bbox {
                let mut view = View::fit(bbox, size, 60.0);
                view.zoom = view.zoom.min(8.0);
                set_view(&mut map.memory, view);
            }
        }
        Place::Country => map.fit_pending = true,
    }
}

/// How long a flight to a chapter's view takes, in seconds.
const FLIGHT: f64 = 0.7;

/// Moves the map along its flight (eased in and out); true while it is still flying.
fn fly(map: &mut MapView, now: f64) -> bool {
    let Some((from, to, start)) = map.flight else {
        return false;
    };
    let t = ((now - start) / FLIGHT).clamp(0.0, 1.0);
    let e = t * t * (3.0 - 2.0 * t);
    let mix = |a: f64, b: f64| a + (b - a) * e;
    set_view(
        &mut map.memory,
        View {
            center_lon: mix(from.center_lon, to.center_lon),
            center_lat: mix(from.center_lat, to.center_lat),
            zoom: mix(from.zoom, to.zoom),
        },
    );
    if t >= 1.0 {
        map.flight = None;
    }
    t < 1.0
}

fn set_view(memory: &mut MapMemory, view: View) {
    memory.center_at(lon_lat(view.center_lon, view.center_lat));
    let _ = memory.set_zoom(view.zoom.clamp(MIN_ZOOM, MAX_ZOOM));
}

/// Hovers and clicks on the map; returns the area (lon/lat) to zoom to when a click falls on
/// places merged into one marker.
fn interact(
    state: &AppState,
    map: &MapView,
    response: &egui::Response,
    actions: &mut Vec<Action>,
) -> Option<geo::Rect<f64>> {
    let scene = map.painted.scene()?;
    let origin = response.rect.min;
    let to_canvas = |p: egui::Pos2| [p.x - origin.x, p.y - origin.y];
    let cluster_under = |p: egui::Pos2| {
        let pos = to_canvas(p);
        match scene.hit(pos) {
            Some(Place::City(_)) => None,
            _ => scene.cluster_at(pos),
        }
    };
    let over_cluster = response.hover_pos().and_then(cluster_under);
    let hovered = match response.hover_pos() {
        Some(p) if map.hover && over_cluster.is_none() => scene.hit(to_canvas(p)),
        _ => None,
    };
    if hovered != state.hovered {
        actions.push(Action::Hover(hovered));
    }
    let lang = state.persisted.lang;
    if map.hover
        && let Some(c) = over_cluster
    {
        let text = format!(
            "{}, {}\n{}",
            crate::i18n::places_n(lang, c.places),
            crate::i18n::events_n(lang, c.events),
            crate::i18n::tr(lang, crate::i18n::Msg::ClickToZoom)
        );
        response.clone().on_hover_text_at_pointer(text);
    } else if let Some(place) = hovered
        && let Some(atlas) = &state.atlas
    {
        let text = super::hover::text(state, atlas, place);
        response.clone().on_hover_text_at_pointer(text);
    }
    let pos = response
        .interact_pointer_pos()
        .filter(|_| response.clicked())?;
    if let Some(c) = cluster_under(pos) {
        // At least a few kilometres across, so that places at one point zoom in as far as
        // the map goes rather than without end.
        let [x0, y0, x1, y1] = c.area;
        let pad = |lo: f64, hi: f64| (0.02 - (hi - lo) / 2.0).max(0.0);
        let (px, py) = (pad(x0, x1), pad(y0, y1));
        return Some(geo::Rect::new(
            geo::coord! { x: x0 - px, y: y0 - py },
            geo::coord! { x: x1 + px, y: y1 + py },
        ));
    }
    actions.push(Action::Select(scene.hit(to_canvas(pos))));
    None
}
