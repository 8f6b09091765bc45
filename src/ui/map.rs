//! The map: walkers with no tiles by default (offline), the scene painted by a plugin, clicks
//! and hovers tested against the painted scene, and the optional OpenStreetMap basemap.

use super::app::App;
use super::state::Action;
use crate::data::Place;
use crate::i18n::{Msg, tr};
use crate::paint::egui::{ScenePlugin, paint};
use crate::scene::{self, LayerKind, Lod, OverlayParts, Scene, SceneInput, Style, View};
use walkers::{HttpOptions, HttpTiles, MapMemory, lon_lat, sources::OpenStreetMap};

pub const MIN_ZOOM: f64 = 2.0;
pub const MAX_ZOOM: f64 = 13.0;

/// Identifies Qantar to tile servers, as the OpenStreetMap tile policy asks.
const USER_AGENT: &str = concat!(
    "Qantar/",
    env!("CARGO_PKG_VERSION"),
    " (desktop atlas of Kazakhstan, January 2022)"
);

/// The OpenStreetMap tile layer, cached on disk.
pub fn osm_tiles(ctx: &egui::Context) -> HttpTiles {
    let cache = eframe::storage_dir("qantar")
        .unwrap_or_else(std::env::temp_dir)
        .join("tiles");
    let options = HttpOptions {
        cache: Some(cache),
        user_agent: Some(walkers::HeaderValue::from_static(USER_AGENT)),
        ..Default::default()
    };
    HttpTiles::with_options(OpenStreetMap, options, ctx.clone())
}

/// The style of the map: translucent fills over tiles, opaque otherwise.
fn style_for(app: &App) -> Style {
    if app.persisted.tiles {
        app.style.over_tiles()
    } else {
        app.style.clone()
    }
}

pub fn show(ui: &mut egui::Ui, app: &mut App) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(atlas) = app.atlas.clone() else {
        return actions;
    };
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            let rect = ui.available_rect_before_wrap();
            let size = [rect.width(), rect.height()];
            apply_pending_view(app, size);
            if app.persisted.tiles && app.tiles.is_none() {
                app.tiles = Some(osm_tiles(ui.ctx()));
            }
            let center = app
                .country_view(size)
                .map_or(lon_lat(67.0, 48.0), |v| lon_lat(v.center_lon, v.center_lat));
            let style = style_for(app);
            let lang = app.persisted.lang;
            let overlay = OverlayParts {
                title: None,
                date: false,
                legend: app.persisted.legend,
                scale_bar: true,
                attribution: true,
                progress: None,
                tiles_credit: app
                    .persisted
                    .tiles
                    .then(|| "© OpenStreetMap contributors".to_owned()),
            };
            // The view before this frame's gestures; the map plugin gets the one after.
            let view = View {
                center_lon: app.map_memory.detached().unwrap_or(center).x(),
                center_lat: app.map_memory.detached().unwrap_or(center).y(),
                zoom: app.map_memory.zoom(),
            };
            let input = SceneInput {
                atlas: &atlas,
                instant: app.instant,
                view,
                size,
                scale: 1.0,
                lang,
                lod: Lod::for_zoom(view.zoom),
                mode: app.persisted.mode,
                selected: app.selected,
                hovered: app.hovered,
                context: !app.persisted.tiles,
                overlay,
                style: &style,
            };
            let mut painted: Option<Scene> = None;
            let plugin = ScenePlugin {
                make_scene: Box::new(|view: View, size: [f32; 2]| {
                    scene::build(&SceneInput {
                        view,
                        size,
                        lod: Lod::for_zoom(view.zoom),
                        ..input.clone()
                    })
                }),
                out: &mut painted,
            };
            let before = (app.map_memory.zoom(), app.map_memory.detached());
            if app.persisted.tiles {
                // Under the tiles: the vector basemap, which shows wherever tiles are missing
                // (offline, or still loading).
                let under = scene::build_basemap(&SceneInput {
                    style: &app.style,
                    ..input.clone()
                });
                paint(&ui.painter_at(rect), rect.min, &under, |k| {
                    k == LayerKind::Context
                });
            }
            let tiles = if app.persisted.tiles {
                app.tiles.as_mut().map(|t| t as &mut dyn walkers::Tiles)
            } else {
                None
            };
            let map = walkers::Map::new(tiles, &mut app.map_memory, center)
                .with_plugin(plugin)
                .double_click_to_zoom(true);
            let response = ui.add(map);
            if response.dragged() || (app.map_memory.zoom(), app.map_memory.detached()) != before {
                app.auto_fit = false;
            }
            clamp_zoom(&mut app.map_memory);
            app.last_map_rect = response.rect;
            if let Some(scene) = painted {
                app.last_view = Some((scene.view, scene.size));
                app.last_scene = Some(scene);
            }
            interact(app, &response, &mut actions);
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
fn apply_pending_view(app: &mut App, size: [f32; 2]) {
    if size[0] < 50.0 || size[1] < 50.0 {
        return;
    }
    let resized =
        (size[0] - app.fitted_for[0]).abs() > 0.5 || (size[1] - app.fitted_for[1]).abs() > 0.5;
    if app.fit_pending || (app.auto_fit && resized) {
        if let Some(view) = app.country_view(size) {
            set_view(&mut app.map_memory, view);
        }
        app.fit_pending = false;
        app.fitted_for = size;
    }
    let Some(place) = app.focus_pending.take() else {
        return;
    };
    let Some(atlas) = &app.atlas else {
        return;
    };
    let data = &atlas.data;
    match place {
        Place::City(c) => {
            let p = data.city(c).position;
            app.map_memory.center_at(lon_lat(p.x(), p.y()));
            if app.map_memory.zoom() < 5.0 {
                let _ = app.map_memory.set_zoom(5.0);
            }
        }
        Place::Unit(u) => {
            let unit = data.unit(u);
            if let Some(bbox) = unit.bbox {
                let mut view = View::fit(bbox, size, 60.0);
                view.zoom = view.zoom.min(8.0);
                set_view(&mut app.map_memory, view);
            }
        }
        Place::Country => app.fit_pending = true,
    }
}

fn set_view(memory: &mut MapMemory, view: View) {
    memory.center_at(lon_lat(view.center_lon, view.center_lat));
    let _ = memory.set_zoom(view.zoom.clamp(MIN_ZOOM, MAX_ZOOM));
}

fn interact(app: &App, response: &egui::Response, actions: &mut Vec<Action>) {
    let Some(scene) = &app.last_scene else {
        return;
    };
    let origin = response.rect.min;
    let to_canvas = |p: egui::Pos2| [p.x - origin.x, p.y - origin.y];
    // A scripted screenshot shows no hover state: the pointer is wherever the display left it.
    let hovered = if app.screenshot.is_some() {
        None
    } else {
        response.hover_pos().and_then(|p| scene.hit(to_canvas(p)))
    };
    if hovered != app.hovered {
        actions.push(Action::Hover(hovered));
    }
    if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        actions.push(Action::Select(scene.hit(to_canvas(pos))));
    }
    if let Some(place) = hovered
        && let Some(atlas) = &app.atlas
    {
        let lang = app.persisted.lang;
        let data = &atlas.data;
        let unit = match place {
            Place::City(c) => Some(data.city(c).unit),
            Place::Unit(u) => Some(u),
            Place::Country => None,
        };
        let status = unit.and_then(|u| atlas.timeline.status_at(data, u, app.instant));
        let status_text = match status {
            Some(p) => data
                .meta
                .status(data.period(p).status)
                .names
                .get(lang)
                .to_owned(),
            None => tr(lang, Msg::NoEmergency).to_owned(),
        };
        let mut text = format!("{}\n{status_text}", data.place_name(place, lang));
        if let Place::City(c) = place {
            let n = atlas.timeline.events_of_city(c).len();
            text = format!("{text}\n{n} {}", tr(lang, Msg::Events));
        }
        response.clone().on_hover_text_at_pointer(text);
    }
}
