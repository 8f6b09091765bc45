//! The story panel: the chapter's title and narrative in the chosen language, its sources, the
//! events it is about, and the way through the chapters (buttons, a list, ←/→).

use super::card::{event_card, sources};
use super::state::{Action, AppState};
use crate::i18n::{Msg, tr};
use egui::RichText;

pub fn show(ui: &mut egui::Ui, app: &AppState) -> Vec<Action> {
    let mut actions = Vec::new();
    let (Some(atlas), Some(i)) = (app.atlas.clone(), app.chapter) else {
        return actions;
    };
    let data = &atlas.data;
    let Some(chapter) = data.story.get(i) else {
        return actions;
    };
    let lang = app.persisted.lang;
    let count = data.story.len();
    egui::Panel::right("story")
        .default_size(if app.presenting { 330.0 } else { 400.0 })
        .size_range(300.0..=760.0)
        .show(ui, |ui| {
            ui.add_space(6.0);
            ui.horizontal_wrapped(|ui| {
                if ui
                    .add_enabled(i > 0, egui::Button::new(tr(lang, Msg::StoryPrev)))
                    .clicked()
                {
                    actions.push(Action::StoryStep(-1));
                }
                if ui
                    .add_enabled(i + 1 < count, egui::Button::new(tr(lang, Msg::StoryNext)))
                    .clicked()
                {
                    actions.push(Action::StoryStep(1));
                }
                egui::ComboBox::from_id_salt("chapters")
                    .selected_text(format!("{} {} / {count}", tr(lang, Msg::ChapterOf), i + 1))
                    .show_ui(ui, |ui| {
                        for (j, ch) in data.story.iter().enumerate() {
                            let label = format!("{}. {}", j + 1, ch.title.get(lang));
                            if ui.selectable_label(j == i, label).clicked() {
                                actions.push(Action::StoryGo(j));
                            }
                        }
                    });
                let close = ui.button("✕");
                // Its accessible name says what it does, not the symbol.
                close.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Button, true, tr(lang, Msg::StoryClose))
                });
                if close.on_hover_text(tr(lang, Msg::StoryClose)).clicked() {
                    actions.push(Action::Story(false));
                }
            });
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.label(RichText::new(chapter.title.get(lang)).heading().strong());
                    ui.add_space(4.0);
                    ui.label(RichText::new(chapter.text.get(lang)).size(17.0));
                    ui.add_space(4.0);
                    sources(ui, app, &atlas, &chapter.sources, &mut actions);
                    ui.separator();
                    for &e in &chapter.events {
                        event_card(ui, app, &atlas, e, true, &mut actions);
                    }
                });
        });
    actions
}
