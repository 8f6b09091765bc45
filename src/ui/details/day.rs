//! With nothing selected, the details panel tells the shown day across the country: how many
//! units are under the status, the day's events grouped by place (each place a link), then the
//! national ones, and, in cumulative mode, the earlier national events.

use super::super::card::event_card;
use super::super::state::{Action, AppState};
use crate::atlas::Atlas;
use crate::data::{EventIdx, Place};
use crate::i18n::{Msg, tr};
use crate::paint::egui::color;
use egui::RichText;

/// The cards a day shows before "Show all" (the embedded dataset's busiest day has 33).
const FIRST_CARDS: usize = 40;

pub(super) fn show(ui: &mut egui::Ui, app: &AppState, atlas: &Atlas, actions: &mut Vec<Action>) {
    let lang = app.persisted.lang;
    let data = &atlas.data;
    let clock = data.meta.clock;
    let day = clock.day(app.instant);
    ui.heading(clock.date_text(lang, day));
    let under = atlas.timeline.units_under_status(data, app.instant).len();
    let open = atlas.timeline.units_uncertain(data, app.instant).len();
    if let Some(status) = data.meta.main_status_name(lang) {
        let mut line = crate::i18n::units_of_total(lang, status, under, data.units.len());
        if open > 0 {
            line = format!("{line} · {}", crate::i18n::uncertain_n(lang, open));
        }
        ui.label(
            RichText::new(line)
                .strong()
                .color(color(app.style.status_fill.with_alpha(255))),
        );
    }
    ui.label(RichText::new(tr(lang, Msg::ClickHint)).weak());
    ui.separator();
    let events = app.filtered(&atlas.timeline.events_on_day(data, day));
    // The day's events by place, in the order each place first appears that day.
    let mut places: Vec<(Place, Vec<EventIdx>)> = Vec::new();
    for &e in &events {
        let place = data.event(e).place;
        if place == Place::Country {
            continue;
        }
        match places.iter_mut().find(|(p, _)| *p == place) {
            Some((_, list)) => list.push(e),
            None => places.push((place, vec![e])),
        }
    }
    if events.is_empty() {
        ui.label(tr(lang, Msg::NoEventsOnDay));
    }
    // A busy day (hundreds of events in a big dataset) shows its first cards, a button for the
    // rest, and then only the names of the other places: laying out every card in every frame
    // would slow the whole window.
    let all_id = egui::Id::unique(("every-card", day));
    let show_all = ui.data(|d| d.get_temp::<bool>(all_id)).unwrap_or(false);
    let mut left = if show_all { usize::MAX } else { FIRST_CARDS };
    let mut button = !show_all && places.iter().map(|(_, l)| l.len()).sum::<usize>() > left;
    for (place, list) in &places {
        ui.add_space(4.0);
        let name = format!(
            "{} · {}",
            data.place_name(*place, lang),
            crate::i18n::events_n(lang, list.len())
        );
        if ui.link(RichText::new(name).strong().size(16.0)).clicked() {
            actions.push(Action::Select(Some(*place)));
        }
        for &e in list.iter().take(left) {
            event_card(ui, app, atlas, e, false, actions);
            left -= 1;
        }
        if left == 0 && button {
            button = false;
            ui.add_space(4.0);
            let all = crate::i18n::show_all_events_n(lang, events.len());
            if ui.button(RichText::new(all).size(16.0)).clicked() {
                ui.data_mut(|d| d.insert_temp(all_id, true));
            }
        }
    }
    let national: Vec<EventIdx> = events
        .iter()
        .copied()
        .filter(|&e| data.event(e).place == Place::Country)
        .collect();
    if !national.is_empty() {
        ui.add_space(6.0);
        ui.label(
            RichText::new(tr(lang, Msg::WholeCountryEvents))
                .strong()
                .size(16.0),
        );
        for &e in &national {
            event_card(ui, app, atlas, e, false, actions);
        }
    }
    if app.persisted.mode == crate::scene::EventMode::Cumulative {
        let earlier: Vec<EventIdx> = atlas
            .timeline
            .events_until(clock.day_start(day).plus_minutes(-1))
            .iter()
            .copied()
            .filter(|&e| data.event(e).place == Place::Country && !national.contains(&e))
            .filter(|&e| crate::scene::passes(app.events.as_deref(), e))
            .collect();
        if !earlier.is_empty() {
            ui.add_space(6.0);
            egui::CollapsingHeader::new(format!(
                "{} ({})",
                tr(lang, Msg::EarlierNational),
                earlier.len()
            ))
            .id_salt("earlier-national")
            .show(ui, |ui| {
                for &e in earlier.iter().rev() {
                    event_card(ui, app, atlas, e, true, actions);
                }
            });
        }
    }
}
