//! The toolbar's menus: File (open a dataset, regions or events; the load report) and the
//! filters on events (kinds, words).

use super::state::{Action, AppState, OpenKind};
use crate::i18n::{Msg, tr};
use crate::scene::EventFilter;

/// The File menu's entries.
pub fn file_menu(ui: &mut egui::Ui, app: &AppState, actions: &mut Vec<Action>) {
    let lang = app.persisted.lang;
    ui.menu_button(tr(lang, Msg::MenuFile), |ui| {
        for (msg, hint, kind) in [
            (Msg::OpenDataset, Msg::OpenDatasetHint, OpenKind::Dataset),
            (Msg::OpenRegions, Msg::OpenRegionsHint, OpenKind::Regions),
            (Msg::OpenEvents, Msg::OpenEventsHint, OpenKind::Events),
        ] {
            if ui
                .button(tr(lang, msg))
                .on_hover_text(tr(lang, hint))
                .clicked()
            {
                actions.push(Action::Open(kind));
                ui.close();
            }
        }
        if ui.button(tr(lang, Msg::OpenDefault)).clicked() {
            actions.push(Action::OpenPath(
                OpenKind::Default,
                std::path::PathBuf::new(),
            ));
            ui.close();
        }
        ui.separator();
        if ui.button(tr(lang, Msg::LoadReport)).clicked() {
            actions.push(Action::ShowReport(true));
            ui.close();
        }
    });
}

/// The filters: a box of words and a checkbox per kind of event the dataset has; the button
/// says when a filter is on and how many events pass.
pub fn filter_menu(ui: &mut egui::Ui, app: &AppState, actions: &mut Vec<Action>) {
    let Some(atlas) = &app.atlas else {
        return;
    };
    let lang = app.persisted.lang;
    let data = &atlas.data;
    let filter = &app.filter;
    let title = match &app.events {
        Some(mask) => format!(
            "{} ({}/{})",
            tr(lang, Msg::Filter),
            mask.count,
            data.events.len()
        ),
        None => tr(lang, Msg::Filter).to_owned(),
    };
    let button = egui::RichText::new(title);
    let button = if app.events.is_some() {
        button.strong()
    } else {
        button
    };
    ui.menu_button(button, |ui| {
        ui.label(tr(lang, Msg::FilterText));
        let mut text = filter.text.clone();
        let edit = egui::TextEdit::singleline(&mut text).hint_text(tr(lang, Msg::FilterTextHint));
        if ui.add(edit).changed() {
            actions.push(Action::SetFilter(EventFilter {
                text,
                ..filter.clone()
            }));
        }
        ui.separator();
        ui.label(tr(lang, Msg::FilterKinds));
        for (k, kind) in data.meta.kinds.iter().enumerate() {
            let n = data.events.iter().filter(|e| e.kind.index() == k).count();
            if n == 0 {
                continue;
            }
            let mut on = !filter.hidden_kinds.contains(&kind.id);
            let name = super::card::kind_name(lang, kind);
            let mut chars = name.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>());
            let label = format!("{}{} ({n})", first.unwrap_or_default(), chars.as_str());
            if ui.checkbox(&mut on, label).changed() {
                let mut hidden = filter.hidden_kinds.clone();
                hidden.retain(|h| *h != kind.id);
                if !on {
                    hidden.push(kind.id.clone());
                }
                actions.push(Action::SetFilter(EventFilter {
                    hidden_kinds: hidden,
                    ..filter.clone()
                }));
            }
        }
        ui.separator();
        let clear = ui.add_enabled(
            filter.is_active(),
            egui::Button::new(tr(lang, Msg::FilterClear)),
        );
        if clear.clicked() {
            actions.push(Action::SetFilter(EventFilter::default()));
        }
    });
}
