//! The Export dialog's own state: the form (kind, size, area, frames, file), the running
//! export and its outcome; the request it makes of `export`, and collecting what came back.

use super::job::{Job, default_dir};
use crate::clock::{Instant, TimeError};
use crate::export::{self, Area, ExportError, ExportRequest, Format, Size, When, parse_step};
use crate::geometry::Projection;
use crate::i18n::{Lang, Msg, tr};
use crate::scene::View;
use crate::ui::state::AppState;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

/// Why the dialog's form does not make a request.
#[derive(Debug, thiserror::Error)]
enum FormError {
    #[error("no dataset is loaded")]
    NoDataset,
    #[error("From: {0}")]
    From(TimeError),
    #[error("To: {0}")]
    To(TimeError),
    #[error(transparent)]
    Export(#[from] ExportError),
}

/// How long each frame of an animation made in the window shows.
const FRAME_MS_DEFAULT: u32 = 800;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Kind {
    #[default]
    Png,
    Svg,
    Gif,
    Frames,
}

/// Size presets: (label, pixels). A4 landscape at 300 dpi is 3508×2480.
pub const PRESETS: [(Msg, [u32; 2]); 3] = [
    (Msg::PresetFullHd, [1920, 1080]),
    (Msg::Preset4k, [3840, 2160]),
    (Msg::PresetA4, [3508, 2480]),
];

/// The dialog's own state: the form, the running export and its outcome. Transient: nothing
/// here is saved between runs. Whether the dialog shows is the shared state's.
#[derive(Default)]
pub struct ExportDialog {
    pub kind: Kind,
    /// Index into [`PRESETS`], or `PRESETS.len()` for a custom size.
    pub preset: usize,
    pub custom: [u32; 2],
    pub whole_country: bool,
    pub from: String,
    pub to: String,
    pub step: String,
    pub path: String,
    pub(super) picking: Option<Receiver<Option<PathBuf>>>,
    pub(super) confirm_replace: bool,
    pub(super) job: Option<Job>,
    /// The outcome of the last export: (success, message).
    pub outcome: Option<(bool, String)>,
}

impl ExportDialog {
    /// Fills in sensible defaults for the current instant, before the dialog opens.
    pub fn prepare(&mut self, app_instant: Instant, meta: &crate::data::Meta) {
        let clock = meta.clock;
        if self.custom == [0, 0] {
            self.custom = [2400, 1600];
        }
        if self.step.is_empty() {
            self.step = "1d".into();
        }
        if self.from.is_empty() {
            let (from, to) = meta.export_range.unwrap_or(meta.window);
            self.from = from.to_string();
            self.to = to.to_string();
        }
        if self.path.is_empty() {
            let stamp = clock.local(app_instant).format("%Y-%m-%dT%H%M");
            self.path = default_dir()
                .join(format!("qantar-{stamp}.png"))
                .display()
                .to_string();
        }
    }

    /// True while an export runs.
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn extension(&self) -> &'static str {
        match self.kind {
            Kind::Png => "png",
            Kind::Svg => "svg",
            Kind::Gif => "gif",
            Kind::Frames => "",
        }
    }

    /// The typed path with the extension the chosen kind needs.
    pub(super) fn fixed_path(&self) -> PathBuf {
        let p = PathBuf::from(self.path.trim());
        match self.kind {
            Kind::Frames => {
                let mut s = p.with_extension("").display().to_string();
                if !s.ends_with('/') {
                    s.push('/');
                }
                PathBuf::from(s)
            }
            _ => p.with_extension(self.extension()),
        }
    }

    /// Builds the request from the dialog and the app's state.
    fn request(
        &self,
        app: &AppState,
        painted: Option<(View, [f32; 2])>,
    ) -> Result<ExportRequest, FormError> {
        let atlas = app.atlas.as_ref().ok_or(FormError::NoDataset)?;
        let pixels = PRESETS.get(self.preset).map_or(self.custom, |(_, px)| *px);
        // The print preset (A4) records its 300 dpi; screen sizes record none.
        let print = PRESETS
            .get(self.preset)
            .is_some_and(|(m, _)| *m == Msg::PresetA4);
        let dpi = print.then_some(300);
        let size =
            Size::new(Some(i64::from(pixels[0])), Some(i64::from(pixels[1])), None)?.at_dpi(dpi)?;
        let area = match (self.whole_country, painted) {
            (false, Some((view, size))) => Area::View { view, size },
            _ => Area::Country,
        };
        let clock = atlas.data.meta.clock;
        let when = match self.kind {
            Kind::Png | Kind::Svg => When::At(app.instant),
            Kind::Gif | Kind::Frames => When::Range {
                from: clock.parse_when(&self.from).map_err(FormError::From)?,
                to: clock.parse_when(&self.to).map_err(FormError::To)?,
                step_minutes: parse_step(&self.step)?,
            },
        };
        let out = self.fixed_path();
        let format = Format::for_path(&out, matches!(when, When::Range { .. }))?;
        Ok(ExportRequest {
            chapter: app.chapter,
            out,
            format,
            size,
            area,
            // The window is Web Mercator, and its exports match it.
            projection: Projection::Mercator,
            when,
            selected: app.selected,
            title: None,
            lang: app.persisted.lang,
            mode: app.persisted.mode,
            force: self.confirm_replace,
            frame_ms: FRAME_MS_DEFAULT,
            filter: app.filter.clone(),
        })
    }

    /// Starts the export the dialog describes, or asks first when it would replace a file.
    pub(super) fn start(
        &mut self,
        app: &AppState,
        painted: Option<(View, [f32; 2])>,
        ctx: &egui::Context,
    ) {
        let req = match self.request(app, painted) {
            Ok(r) => r,
            Err(e) => {
                self.outcome = Some((false, sentence(&e.to_string())));
                return;
            }
        };
        if export::would_replace(&req).is_some() && !self.confirm_replace {
            self.confirm_replace = true;
            self.outcome = None;
            return;
        }
        let Some(atlas) = app.atlas.clone() else {
            return;
        };
        self.confirm_replace = false;
        self.outcome = None;
        self.job = Some(Job::spawn(atlas, req, ctx));
    }

    /// Collects a finished export and a chosen file.
    pub(super) fn poll(&mut self, lang: Lang) {
        if let Some(rx) = &self.picking
            && let Ok(choice) = rx.try_recv()
        {
            if let Some(path) = choice {
                self.path = path.display().to_string();
                self.confirm_replace = false;
            }
            self.picking = None;
        }
        if let Some(result) = self.job.as_mut().and_then(Job::take_result) {
            self.job = None;
            self.outcome = Some(match result {
                Ok(Ok(report)) => (
                    true,
                    format!(
                        "{} {} ({} {}, {} kB)",
                        tr(lang, Msg::ExportSaved),
                        report
                            .files
                            .first()
                            .map(|f| f.display().to_string())
                            .unwrap_or_default(),
                        report.frames,
                        tr(lang, Msg::ExportFramesUnit),
                        report.bytes.div_ceil(1024)
                    ),
                ),
                Ok(Err(e)) => (false, sentence(&e.to_string())),
                Err(_) => (false, tr(lang, Msg::ExportCrashed).to_owned()),
            });
        }
    }
}

/// A message as a sentence: its first letter in capitals.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
