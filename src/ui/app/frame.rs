//! One frame of the window: the panels shown and their actions carried out. A panic in any
//! of it is caught at the frame's end: logged with what the window showed, said in the window,
//! and the window goes on (egui starts the next frame afresh).

use super::super::{about, details, export, keys, map, story, timeline, toolbar};
use super::{App, STORAGE_KEY};
use crate::i18n::{Msg, tr};
use std::panic::{AssertUnwindSafe, catch_unwind};

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| self.frame(ui))) {
            self.after_panic(&ctx, panic.as_ref());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if self.save_state {
            self.state.persisted.instant = Some(self.state.instant.unix_minutes());
            self.state.persisted.view = self
                .map
                .painted_view()
                .map(|(v, _)| [v.center_lon, v.center_lat, v.zoom]);
            eframe::set_value(storage, STORAGE_KEY, &self.state.persisted);
        }
    }
}

impl App {
    /// One frame: the panels, their actions, the scripted screenshot.
    fn frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        #[cfg(test)]
        if self.state.notice.as_deref() == Some(tests::FAIL) {
            panic!("{}", tests::FAIL);
        }
        if let Some(message) = self.failed_start.take() {
            super::super::screenshot::finish(
                &ctx,
                Err(super::super::screenshot::ScreenshotError::Start(message)),
            );
            return;
        }
        if self.state.presenting {
            // Ctrl+= / Ctrl+− change egui's zoom: remember it as the presentation scale.
            self.state.persisted.presentation_zoom = ctx.zoom_factor();
        }
        self.play(&ctx);
        self.state.gliding = super::super::playback::glide(&mut self.state, ctx.input(|i| i.time));
        if self.state.gliding.is_some() {
            ctx.request_repaint();
        }
        if let Some(loaded) = self.opener.poll(&self.state.spec) {
            self.show_loaded(loaded);
        }
        let mut actions = std::mem::take(&mut self.pending);
        actions.extend(super::super::open::dropped(&ctx));
        let state = &self.state;
        actions.extend(keys::actions(
            &ctx,
            state.chapter.is_some(),
            state.presenting,
        ));
        if !state.presenting {
            actions.extend(toolbar::show(ui, state, &mut self.search));
        }
        actions.extend(timeline::show(ui, state));
        if state.chapter.is_some() {
            actions.extend(story::show(ui, state));
        } else if !state.presenting {
            actions.extend(details::show(ui, state));
        }
        actions.extend(map::show(ui, state, &mut self.map));
        actions.extend(about::show(&ctx, state));
        actions.extend(super::super::open::windows(&ctx, state, &mut self.opener));
        let view = self.map.painted_view();
        actions.extend(export::show(&ctx, state, view, &mut self.export));
        for action in actions {
            self.apply(&ctx, action);
        }
        if let Some(job) = &mut self.screenshot
            && let Some(done) = job.step(&ctx, self.map.last_scene().is_some())
        {
            super::super::screenshot::finish(&ctx, done);
        }
    }

    /// After a frame panicked: one line on standard error (once per message) with the instant,
    /// the selection and the dataset; the message in the window; playback stopped and the
    /// actions of the broken frame dropped, so that the next frames do not repeat it at once.
    fn after_panic(&mut self, ctx: &egui::Context, panic: &(dyn std::any::Any + Send)) {
        let message = (panic.downcast_ref::<&str>().copied())
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("an unknown failure");
        let lang = self.state.persisted.lang;
        let said = format!("{}: {message}", tr(lang, Msg::FrameFailed));
        if self.state.notice.as_deref() != Some(said.as_str()) {
            let origin =
                (self.state.atlas.as_ref()).map_or_else(String::new, |a| a.data.origin.clone());
            eprintln!(
                "qantar: a frame of the window failed and was dropped: {message} (at {} minutes \
                 since 1970 UTC, selected {:?}, dataset {origin}); the window goes on",
                self.state.instant.unix_minutes(),
                self.state.selected,
            );
        }
        self.state.notice = Some(said);
        self.state.playing = false;
        self.pending.clear();
        ctx.request_repaint();
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::StartOptions;
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable as _;

    /// A notice that makes the next frame panic (in tests only).
    pub(super) const FAIL: &str = "fail this frame";

    #[test]
    fn a_frame_that_panics_is_dropped_said_and_the_window_goes_on() {
        let options = StartOptions {
            at: Some("2022-01-06T12:00".into()),
            fresh: true,
            ..Default::default()
        };
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 720.0))
            .build_eframe(|cc| App::new(cc, options));
        h.run_steps(3);
        h.state_mut().state.playing = true;
        h.state_mut().state.notice = Some(FAIL.into());
        h.run_steps(1);
        let notice = h.state().state.notice.clone().unwrap_or_default();
        assert!(
            notice.starts_with("Something failed while drawing the window"),
            "{notice}"
        );
        assert!(notice.ends_with(FAIL), "{notice}");
        assert!(!h.state().state.playing, "playback stops");
        // The next frames draw the window whole, the failure said in it.
        h.run_steps(3);
        h.get_by_label_contains("Something failed while drawing the window");
        assert!(h.query_all_by_label_contains("6 January 2022").count() > 0);
    }
}
