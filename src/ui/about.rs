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
            let about = app.atlas.as_ref().map(|a| &a.data.meta);
            if let Some(meta) = about {
                let intro = meta.about.intro.as_ref().unwrap_or(&meta.description);
                ui.label(intro.get(lang));
                ui.add_space(4.0);
                // First, where it is seen without scrolling: how to cite this map.
                ui.horizontal(|ui| {
                    let copy = ui
                        .button(tr(lang, Msg::CopyCitation))
                        .on_hover_text(tr(lang, Msg::CopyCitationHint));
                    if copy.clicked() {
                        actions.push(Action::CopyCitation);
                    }
                    let copied = tr(lang, Msg::CitationCopied);
                    if app.notice.as_deref() == Some(copied) {
                        ui.label(RichText::new(copied).weak());
                    }
                });
            }
            ui.add_space(6.0);
            ui.label(RichText::new(tr(lang, Msg::AboutDataHeading)).strong());
            let sources = about
                .map(|m| m.about.sources.as_slice())
                .unwrap_or_default();
            for line in sources
                .iter()
                .map(|t| t.get(lang))
                .chain([Msg::AboutData5, Msg::AboutData6].map(|m| tr(lang, m)))
            {
                ui.label(format!("• {line}"));
            }
            let simplifications = about
                .map(|m| m.about.simplifications.as_slice())
                .unwrap_or_default();
            if !simplifications.is_empty() {
                ui.add_space(6.0);
                ui.label(RichText::new(tr(lang, Msg::AboutSimplificationsHeading)).strong());
                for line in simplifications {
                    ui.label(format!("• {}", line.get(lang)));
                }
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
