//! `--timing`: how long the window took to show its first frame, and where the time went
//! (the window and graphics set-up, which is the system's; then Qantar's own: fonts and the
//! dataset, and the first frame's panels and scene), printed on standard error.

use super::App;
use std::time::{Duration, Instant};

/// The app, with the clock of its start-up.
pub struct Timed {
    app: App,
    launched: Instant,
    graphics: Duration,
    created: Duration,
    /// The first frame's own time, once it has run.
    first_frame: Option<Duration>,
    reported: bool,
}

impl Timed {
    /// Makes the app (as [`App::new`] does), timing it; `launched` is when the window was
    /// asked for.
    pub fn new(
        cc: &eframe::CreationContext<'_>,
        options: super::StartOptions,
        launched: Instant,
    ) -> Self {
        let graphics = launched.elapsed();
        let begun = Instant::now();
        let app = App::new(cc, options);
        Timed {
            app,
            launched,
            graphics,
            created: begun.elapsed(),
            first_frame: None,
            reported: false,
        }
    }
}

impl eframe::App for Timed {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(first) = self.first_frame
            && !self.reported
        {
            // The first frame has been painted and shown by the time the second one begins.
            self.reported = true;
            eprintln!(
                "qantar: first frame on screen {} ms after the window was asked for: window \
                 and graphics {} ms, fonts and dataset {} ms, first frame (panels, scene) {} ms",
                self.launched.elapsed().as_millis(),
                self.graphics.as_millis(),
                self.created.as_millis(),
                first.as_millis(),
            );
        }
        let begun = Instant::now();
        self.app.ui(ui, frame);
        if self.first_frame.is_none() {
            self.first_frame = Some(begun.elapsed());
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }
}
