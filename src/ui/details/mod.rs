//! The details panel: a selected city's or region's events and status, or, with nothing
//! selected, the shown day across the country (`day.rs`). Every event shows its time (or that the time is
//! unknown), kind, title, description, precision flags, figures and sources as links.

mod day;

use super::card::{event_card, sources};
use super::state::{Action, AppState};
use crate::atlas::Atlas;
use crate::data::{CityIdx, Place, Standing, UnitIdx};
use crate::i18n::{Lang, LocalText, Msg, tr};
use crate::paint::egui::color;
use crate::text;
use crate::timeline::effective_start;
use egui::RichText;

pub fn show(ui: &mut egui::Ui, app: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(atlas) = app.atlas.clone() else {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading(tr(app.persisted.lang, Msg::LoadFailed));
            egui::ScrollArea::vertical().show(ui, |ui| {
                for problem in app.load_error.iter().flat_map(|e| e.problems()) {
                    ui.label(RichText::new(problem).monospace());
                }
            });
        });
        return actions;
    };
    egui::Panel::right("details")
        .default_size(370.0)
        .size_range(300.0..=640.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    super::card::new_frame(ui);
                    ui.add_space(6.0);
                    match app.selected {
                        Some(Place::City(c)) => city(ui, app, &atlas, c, &mut actions),
                        Some(Place::Unit(u)) => region(ui, app, &atlas, u, &mut actions),
                        Some(Place::Country) | None => day::show(ui, app, &atlas, &mut actions),
                    }
                });
        });
    actions
}

/// A place's heading: the way back to the country, its name in `lang`, and its other names
/// (in the other languages and other spellings) once each.
fn heading(
    ui: &mut egui::Ui,
    lang: Lang,
    names: &LocalText,
    alt: &[String],
    actions: &mut Vec<Action>,
) {
    let name = names.get(lang);
    close_button(ui, lang, actions);
    ui.heading(name);
    let mut others: Vec<&str> = Vec::new();
    for n in names.all().chain(alt.iter().map(String::as_str)) {
        if n != name && !others.contains(&n) {
            others.push(n);
        }
    }
    if !others.is_empty() {
        ui.label(RichText::new(others.join(" · ")).weak());
    }
}

fn status_line(ui: &mut egui::Ui, app: &AppState, atlas: &Atlas, unit: UnitIdx) {
    let lang = app.persisted.lang;
    let data = &atlas.data;
    match atlas.timeline.standing_at(data, unit, app.instant) {
        Some((p, Standing::Uncertain)) => {
            let period = data.period(p);
            let name = data.meta.status(period.status).names.get(lang);
            let (what, when) = if period.declared.undecided_at(app.instant) {
                (Msg::Declared, text::period_declared(data, lang, period))
            } else {
                (Msg::Lifted, text::period_lifted(data, lang, period))
            };
            ui.label(
                RichText::new(format!("{name}: {} {when}", tr(lang, what).to_lowercase()))
                    .strong()
                    .italics()
                    .color(color(app.style.status_fill.with_alpha(255))),
            );
        }
        Some((p, _)) => {
            let period = data.period(p);
            let name = data.meta.status(period.status).names.get(lang);
            ui.label(
                RichText::new(format!(
                    "{name}, {} {}",
                    tr(lang, Msg::Since),
                    text::period_declared(data, lang, period)
                ))
                .strong()
                .color(color(app.style.status_fill.with_alpha(255))),
            );
        }
        None => {
            if let Some(none) = crate::text::no_status(&data.meta, lang) {
                ui.label(RichText::new(none).strong());
            }
        }
    }
}

fn city(ui: &mut egui::Ui, app: &AppState, atlas: &Atlas, c: CityIdx, actions: &mut Vec<Action>) {
    let lang = app.persisted.lang;
    let data = &atlas.data;
    let city = data.city(c);
    heading(ui, lang, &city.names, &city.alt, actions);
    let unit = city.unit;
    ui.horizontal_wrapped(|ui| {
        if ui.link(data.unit(unit).names.get(lang)).clicked() {
            actions.push(Action::Focus(Place::Unit(unit)));
        }
    });
    status_line(ui, app, atlas, unit);
    if let Some(note) = &city.note {
        ui.label(RichText::new(note).italics());
    }
    let events = app.filtered(atlas.timeline.events_of_city(c));
    let so_far = events
        .iter()
        .filter(|&&e| effective_start(data.event(e)) <= app.instant)
        .count();
    ui.add_space(6.0);
    ui.label(
        RichText::new(format!(
            "{}: {so_far} / {}",
            tr(lang, Msg::SoFar),
            events.len()
        ))
        .strong(),
    );
    ui.separator();
    if events.is_empty() {
        ui.label(tr(lang, Msg::NoEventsHere));
    }
    for &e in &events {
        event_card(ui, app, atlas, e, false, actions);
    }
}

fn region(ui: &mut egui::Ui, app: &AppState, atlas: &Atlas, u: UnitIdx, actions: &mut Vec<Action>) {
    let lang = app.persisted.lang;
    let data = &atlas.data;
    let unit = data.unit(u);
    heading(ui, lang, &unit.names, &unit.alt, actions);
    ui.label(RichText::new(&unit.id).monospace().weak());
    status_line(ui, app, atlas, u);
    if let Some(note) = &unit.note {
        ui.label(RichText::new(note).italics());
    }
    for period in data.periods.iter().filter(|p| p.unit == u) {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let status = data.meta.status(period.status).names.get(lang);
            ui.label(RichText::new(status).strong());
            grid_row(
                ui,
                tr(lang, Msg::Declared),
                &text::period_declared(data, lang, period),
            );
            grid_row(
                ui,
                tr(lang, Msg::Lifted),
                &text::period_lifted(data, lang, period),
            );
            for reasons in period
                .bounds()
                .filter_map(|b| text::bound_reasons(data, lang, b))
            {
                ui.label(RichText::new(reasons).small().weak());
            }
            if let Some(end) = period.decreed_end {
                let clock = data.meta.clock;
                let v = format!(
                    "{}, {}",
                    clock.hhmm(end),
                    clock.short_date_text(lang, clock.day(end))
                );
                grid_row(ui, tr(lang, Msg::DecreedEnd), &v);
            }
            if let Some(curfew) = &period.curfew {
                grid_row(ui, tr(lang, Msg::Curfew), curfew);
            }
            if let Some(decree) = &period.decree {
                grid_row(ui, tr(lang, Msg::Decree), decree);
            }
            if let Some(note) = &period.note {
                ui.label(RichText::new(note).italics().small());
            }
            sources(ui, app, atlas, &period.sources, actions);
        });
    }
    let cities: Vec<CityIdx> = data
        .city_indices()
        .filter(|&c| data.city(c).unit == u)
        .collect();
    if !cities.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(tr(lang, Msg::CitiesHeading)).strong());
        for c in cities {
            let events = app.filtered(atlas.timeline.events_of_city(c));
            let header = format!("{} ({})", data.city(c).names.get(lang), events.len());
            egui::CollapsingHeader::new(header)
                .id_salt(("city", c.0))
                .show(ui, |ui| {
                    if ui.link(tr(lang, Msg::ShowOnMap)).clicked() {
                        actions.push(Action::Focus(Place::City(c)));
                    }
                    for &e in &events {
                        event_card(ui, app, atlas, e, false, actions);
                    }
                });
        }
    }
    let own = app.filtered(atlas.timeline.events_of_unit(u));
    if !own.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(tr(lang, Msg::RegionEvents)).strong());
        ui.separator();
        for &e in &own {
            event_card(ui, app, atlas, e, true, actions);
        }
    }
}

fn close_button(ui: &mut egui::Ui, lang: Lang, actions: &mut Vec<Action>) {
    if ui.button(tr(lang, Msg::BackToCountry)).clicked() {
        actions.push(Action::Select(None));
    }
}

fn grid_row(ui: &mut egui::Ui, key: &str, value: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("{key}:")).weak());
        ui.label(value);
    });
}
