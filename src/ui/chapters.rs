//! The story and presentation mode as `App` carries them out: open, close or turn a chapter
//! (the instant, the view and the selection become the chapter's), enter or leave
//! presentation mode.

use super::map::MapView;
use super::state::{Action, AppState};
use crate::atlas::Atlas;
use crate::i18n::{Msg, tr};

/// The story and presentation mode: open, close or turn a chapter (the instant, the view and
/// the selection become the chapter's), enter or leave presentation mode.
pub(super) fn apply(
    state: &mut AppState,
    map: &mut MapView,
    ctx: &egui::Context,
    atlas: &Atlas,
    action: Action,
) {
    let count = atlas.data.story.len();
    let go = match action {
        Action::Story(false) => {
            state.chapter = None;
            return;
        }
        Action::Story(true) => state.persisted.chapter,
        Action::StoryGo(i) => i,
        Action::StoryStep(d) => state
            .chapter
            .map_or(0, |c| c.saturating_add_signed(d as isize)),
        Action::Presentation(on) => {
            if on != state.presenting {
                state.presenting = on;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
                ctx.set_zoom_factor(if on {
                    state.persisted.presentation_zoom
                } else {
                    1.0
                });
                map.fit_country();
            }
            return;
        }
        _ => return,
    };
    if count == 0 {
        state.notice = Some(tr(state.persisted.lang, Msg::NoStory).to_owned());
        return;
    }
    let i = go.min(count - 1);
    let chapter = &atlas.data.story[i];
    state.chapter = Some(i);
    state.persisted.chapter = i;
    state.playing = false;
    // The time glides there, as the map flies.
    let to = atlas.timeline.clamp(chapter.at);
    state.glide = Some((state.instant, to, ctx.input(|i| i.time)));
    state.instant = to;
    state.selected = chapter.select;
    match chapter.bbox {
        Some(b) => map.fit_bbox(b),
        None => map.fit_country(),
    }
}
