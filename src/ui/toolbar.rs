//! The top bar: the title, place search, view buttons and map options.

use super::menus::{file_menu, filter_menu};
use super::state::{Action, AppState, SEARCH_LABEL};
use crate::data;
use crate::i18n::{Lang, Msg, tr};
use crate::scene::{EventMode, Theme};
use egui::{Key, RichText};

/// The search box's own state: what is typed in it.
#[derive(Debug, Default)]
pub struct SearchBox {
    pub query: String,
}

pub fn show(ui: &mut egui::Ui, app: &AppState, search: &mut SearchBox) -> Vec<Action> {
    let mut actions = Vec::new();
    let lang = app.persisted.lang;
    egui::Panel::top("toolbar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            file_menu(ui, app, &mut actions);
            ui.label(RichText::new(tr(lang, Msg::AppTitle)).heading())
                .on_hover_text(
                    app.atlas
                        .as_ref()
                        .map_or("", |a| a.data.meta.name.get(lang)),
                );
            ui.separator();
            search_box(ui, app, search, &mut actions);
            filter_menu(ui, app, &mut actions);
            ui.separator();
            if ui
                .button(tr(lang, Msg::FitCountry))
                .on_hover_text(tr(lang, Msg::FitCountryHint))
                .clicked()
            {
                actions.push(Action::FitCountry);
            }
            for (symbol, name, action) in [
                ("−", Msg::ZoomOut, Action::ZoomOut),
                ("+", Msg::ZoomIn, Action::ZoomIn),
            ] {
                let button = ui.button(symbol);
                // Named by what it does, for screen readers, not by its symbol.
                button.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, tr(lang, name))
                });
                if button.on_hover_text(tr(lang, name)).clicked() {
                    actions.push(action);
                }
            }
            ui.separator();
            let mode = app.persisted.mode;
            if ui
                .selectable_label(mode == EventMode::Cumulative, tr(lang, Msg::Cumulative))
                .on_hover_text(tr(lang, Msg::CumulativeHint))
                .clicked()
            {
                actions.push(Action::SetMode(EventMode::Cumulative));
            }
            if ui
                .selectable_label(mode == EventMode::DayOnly, tr(lang, Msg::DayOnly))
                .on_hover_text(tr(lang, Msg::DayOnlyHint))
                .clicked()
            {
                actions.push(Action::SetMode(EventMode::DayOnly));
            }
            ui.separator();
            ui.menu_button(tr(lang, Msg::ViewMenu), |ui| {
                let mut legend = app.persisted.legend;
                if ui
                    .checkbox(&mut legend, tr(lang, Msg::LegendTitle))
                    .changed()
                {
                    actions.push(Action::SetLegend(legend));
                }
                let mut tiles = app.persisted.tiles;
                if ui
                    .checkbox(&mut tiles, tr(lang, Msg::OsmTiles))
                    .on_hover_text(tr(lang, Msg::OsmTilesHint))
                    .changed()
                {
                    actions.push(Action::SetTiles(tiles));
                }
                ui.separator();
                for (theme, msg) in [
                    (Theme::Light, Msg::ThemeLight),
                    (Theme::Dark, Msg::ThemeDark),
                    (Theme::HighContrast, Msg::ThemeHighContrast),
                ] {
                    if ui
                        .radio(app.persisted.theme == theme, tr(lang, msg))
                        .clicked()
                    {
                        actions.push(Action::SetTheme(theme));
                    }
                }
            });
            ui.separator();
            if ui
                .button(tr(lang, Msg::ExportMenu))
                .on_hover_text(tr(lang, Msg::ExportMenuHint))
                .clicked()
            {
                actions.push(Action::ShowExport(!app.windows.export));
            }
            if ui
                .button(tr(lang, Msg::CopyImage))
                .on_hover_text(tr(lang, Msg::CopyImageHint))
                .clicked()
            {
                actions.push(Action::CopyImage);
            }
            let story_open = app.chapter.is_some();
            if ui
                .selectable_label(story_open, tr(lang, Msg::StoryButton))
                .on_hover_text(tr(lang, Msg::StoryHint))
                .clicked()
            {
                actions.push(Action::Story(!story_open));
            }
            if ui
                .button(tr(lang, Msg::PresentButton))
                .on_hover_text(tr(lang, Msg::PresentHint))
                .clicked()
            {
                actions.push(Action::Presentation(true));
            }
            let current = lang;
            egui::ComboBox::from_id_salt("language")
                .selected_text(current.endonym())
                .show_ui(ui, |ui| {
                    for l in Lang::ALL {
                        if ui.selectable_label(l == current, l.endonym()).clicked() {
                            actions.push(Action::SetLang(l));
                        }
                    }
                })
                .response
                .on_hover_text(tr(lang, Msg::LanguageHint));
            if ui.button(tr(lang, Msg::AboutButton)).clicked() {
                actions.push(Action::ShowAbout(!app.windows.about));
            }
        });
        if let Some(notice) = &app.notice {
            ui.colored_label(egui::Color32::from_rgb(0xa0, 0x30, 0x10), notice);
        }
        ui.add_space(2.0);
    });
    actions
}

fn search_box(
    ui: &mut egui::Ui,
    app: &AppState,
    search: &mut SearchBox,
    actions: &mut Vec<Action>,
) {
    let lang = app.persisted.lang;
    let search_hint = app
        .atlas
        .as_ref()
        .and_then(|a| a.data.meta.search_hint.as_ref())
        .map_or_else(
            || tr(lang, Msg::SearchHintAny).to_owned(),
            |h| h.get(lang).to_owned(),
        );
    let edit = egui::TextEdit::singleline(&mut search.query)
        .hint_text(search_hint)
        .desired_width(200.0);
    let label = ui.label(SEARCH_LABEL);
    let response = ui.add(edit).labelled_by(label.id);
    let Some(atlas) = app.atlas.clone() else {
        return;
    };
    let hits = data::search(&atlas.data, &search.query, lang);
    let enter = response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
    if enter && let Some(first) = hits.first() {
        actions.push(Action::Focus(first.place));
        search.query.clear();
        return;
    }
    if enter && let Some(&first) = data::search_events(&atlas.data, &search.query).first() {
        go_to_event(&atlas.data, first, actions);
        search.query.clear();
        return;
    }
    if search.query.trim().is_empty() || !(response.has_focus() || response.lost_focus()) {
        return;
    }
    let area = egui::Area::new(ui.make_persistent_id("search-results"))
        .order(egui::Order::Foreground)
        .fixed_pos(response.rect.left_bottom() + egui::vec2(0.0, 4.0));
    area.show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.set_min_width(response.rect.width());
            let events = data::search_events(&atlas.data, &search.query);
            if hits.is_empty() && events.is_empty() {
                ui.label(tr(lang, Msg::NoMatch));
            }
            for hit in hits.iter().take(8) {
                let text = match &hit.matched {
                    Some(m) => format!("{} ({m})", hit.name),
                    None => hit.name.clone(),
                };
                if ui.selectable_label(false, text).clicked() {
                    actions.push(Action::Focus(hit.place));
                    search.query.clear();
                }
            }
            event_hits(ui, app, &atlas, &events, search, actions);
        });
    });
}

/// The events the search finds, under the places: a click goes to the event's time and place.
fn event_hits(
    ui: &mut egui::Ui,
    app: &AppState,
    atlas: &crate::atlas::Atlas,
    events: &[data::EventIdx],
    search: &mut SearchBox,
    actions: &mut Vec<Action>,
) {
    if events.is_empty() {
        return;
    }
    let lang = app.persisted.lang;
    let data = &atlas.data;
    ui.separator();
    ui.label(RichText::new(tr(lang, Msg::SearchEvents)).weak());
    for &e in events.iter().take(8) {
        let ev = data.event(e);
        let day = data.meta.clock.day(ev.earliest()).format("%Y-%m-%d");
        let text = format!(
            "{day} · {} · {}",
            data.place_name(ev.place, lang),
            ev.title.get(lang)
        );
        if ui.selectable_label(false, text).clicked() {
            go_to_event(data, e, actions);
            search.query.clear();
        }
    }
    if events.len() > 8 {
        ui.label(RichText::new(format!("+{}", events.len() - 8)).weak());
    }
}

/// Goes to the instant an event had certainly begun, with its place selected.
fn go_to_event(data: &data::Dataset, e: data::EventIdx, actions: &mut Vec<Action>) {
    let ev = data.event(e);
    actions.push(Action::SetInstant(ev.certain_from().unix_minutes()));
    match ev.place {
        data::Place::Country => actions.push(Action::Select(None)),
        place => actions.push(Action::Focus(place)),
    }
}
