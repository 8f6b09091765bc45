//! The keyboard: ←/→ a day, Shift+←/→ an hour, PageUp/PageDown the previous or next change,
//! Space play or pause, Home/End the first or last instant, +/− zoom, Escape clear the
//! selection, Ctrl+E export. Keys typed into a text field (the search box) are left alone.

use super::state::Action;
use egui::{Key, Modifiers};

/// The actions of the keys pressed this frame; with the story open, ←/→ turn its chapters.
pub fn actions(ctx: &egui::Context, story_open: bool, presenting: bool) -> Vec<Action> {
    if ctx.egui_wants_keyboard_input() {
        return Vec::new();
    }
    ctx.input_mut(|i| {
        let mut out = Vec::new();
        let mut take = |mods: Modifiers, key: Key, action: Action| {
            if i.consume_key(mods, key) {
                out.push(action);
            }
        };
        take(Modifiers::SHIFT, Key::ArrowRight, Action::StepHours(1));
        take(Modifiers::SHIFT, Key::ArrowLeft, Action::StepHours(-1));
        if story_open {
            take(Modifiers::NONE, Key::ArrowRight, Action::StoryStep(1));
            take(Modifiers::NONE, Key::ArrowLeft, Action::StoryStep(-1));
        } else {
            take(Modifiers::NONE, Key::ArrowRight, Action::StepDays(1));
            take(Modifiers::NONE, Key::ArrowLeft, Action::StepDays(-1));
        }
        take(Modifiers::NONE, Key::S, Action::Story(!story_open));
        take(Modifiers::NONE, Key::F, Action::FitCountry);
        take(Modifiers::SHIFT, Key::C, Action::CityStep(-1));
        take(Modifiers::NONE, Key::C, Action::CityStep(1));
        take(Modifiers::NONE, Key::Questionmark, Action::ShowKeys(true));
        take(Modifiers::SHIFT, Key::Questionmark, Action::ShowKeys(true));
        take(Modifiers::SHIFT, Key::Slash, Action::ShowKeys(true));
        take(Modifiers::NONE, Key::F11, Action::Presentation(!presenting));
        if presenting {
            take(Modifiers::NONE, Key::Escape, Action::Presentation(false));
        }
        take(Modifiers::NONE, Key::PageDown, Action::NextChange);
        take(Modifiers::NONE, Key::PageUp, Action::PrevChange);
        take(Modifiers::NONE, Key::Space, Action::TogglePlay);
        take(Modifiers::NONE, Key::Home, Action::First);
        take(Modifiers::NONE, Key::End, Action::Last);
        take(Modifiers::NONE, Key::Plus, Action::ZoomIn);
        take(Modifiers::NONE, Key::Equals, Action::ZoomIn);
        take(Modifiers::SHIFT, Key::Equals, Action::ZoomIn);
        take(Modifiers::NONE, Key::Minus, Action::ZoomOut);
        take(Modifiers::NONE, Key::Escape, Action::Select(None));
        take(Modifiers::COMMAND, Key::E, Action::ShowExport(true));
        out
    })
}
