//! `--timing`: how long the window took to show its first frame, and where the time went
//! (the window and graphics set-up, which is the system's; then Qantar's own: fonts and the
//! dataset, and the first frame's panels and scene), printed on standard error; then, every
//! few seconds while frames follow one another (playing, scrubbing, panning), how many were
//! drawn and how long they took.

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
    frames: FrameLog,
}

/// The frames since the last report: when each began, and Qantar's own part of each.
#[derive(Default)]
struct FrameLog {
    since: Option<Instant>,
    last: Option<Instant>,
    between: Vec<Duration>,
    own: Vec<Duration>,
}

/// How often the frame figures are printed, while frames keep coming.
const REPORT_EVERY: Duration = Duration::from_secs(3);
/// A pause longer than this ends a run of frames (the window was idle).
const IDLE: Duration = Duration::from_millis(500);

impl FrameLog {
    /// Records a frame that began at `begun` and took `own` in Qantar's code.
    fn record(&mut self, begun: Instant, own: Duration) {
        match self.last {
            Some(last) if begun - last <= IDLE => self.between.push(begun - last),
            _ => {
                self.report();
                self.since = Some(begun);
            }
        }
        self.last = Some(begun);
        self.own.push(own);
        if self.since.is_some_and(|s| begun - s >= REPORT_EVERY) {
            self.report();
            self.since = Some(begun);
        }
    }

    /// Prints the figures of the frames since the last report, if they were a run.
    fn report(&mut self) {
        let (between, own) = (
            std::mem::take(&mut self.between),
            std::mem::take(&mut self.own),
        );
        let (Some(since), Some(last)) = (self.since, self.last) else {
            return;
        };
        if between.len() < 10 {
            return;
        }
        let secs = (last - since).as_secs_f64();
        eprintln!(
            "qantar: {} frames in {secs:.1} s ({:.0} a second); from one frame to the next: {}; \
             Qantar's part of a frame: {}",
            between.len(),
            between.len() as f64 / secs,
            spread(between),
            spread(own),
        );
    }
}

/// "median 16.7 ms, 95th percentile 18.1 ms, worst 25.0 ms".
fn spread(mut d: Vec<Duration>) -> String {
    d.sort_unstable();
    let at = |q: f64| d[((d.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    format!(
        "median {:.1} ms, 95th percentile {:.1} ms, worst {:.1} ms",
        at(0.5),
        at(0.95),
        at(1.0)
    )
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
            frames: FrameLog::default(),
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
        } else if self.reported {
            self.frames.record(begun, begun.elapsed());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.app.save(storage);
    }
}
