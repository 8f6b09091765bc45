//! The Export dialog: PNG, SVG or an animation, at a preset or custom size, of the current view
//! or the whole country. The file is chosen in the system's save dialog (or typed); the export
//! runs on its own thread with progress and a Cancel button, and asks before replacing a file.

use super::app::App;
use super::state::Action;
use crate::clock::Instant;
use crate::export::{
    self, Area, ExportError, ExportRequest, Format, Progress, Report, Size, When, parse_step,
};
use crate::i18n::{Msg, tr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;

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

/// A running export.
struct Job {
    progress: Arc<Progress>,
    /// Taken when the export is collected.
    handle: Option<JoinHandle<Result<Report, ExportError>>>,
}

impl Job {
    fn finished(&self) -> bool {
        self.handle.as_ref().is_none_or(JoinHandle::is_finished)
    }
}

impl Drop for Job {
    /// A job still running when the window closes is stopped and waited for, so that it
    /// removes its temporary files before the process ends.
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.progress.cancel();
            let _ = handle.join();
        }
    }
}

/// The dialog's state. Transient: nothing here is saved between runs.
#[derive(Default)]
pub struct ExportDialog {
    pub open: bool,
    pub kind: Kind,
    /// Index into [`PRESETS`], or `PRESETS.len()` for a custom size.
    pub preset: usize,
    pub custom: [u32; 2],
    pub whole_country: bool,
    pub from: String,
    pub to: String,
    pub step: String,
    pub path: String,
    picking: Option<Receiver<Option<PathBuf>>>,
    confirm_replace: bool,
    job: Option<Job>,
    /// The outcome of the last export: (success, message).
    pub outcome: Option<(bool, String)>,
}

impl ExportDialog {
    /// Opens the dialog with sensible defaults for the current instant.
    pub fn open_for(&mut self, app_instant: Instant, clock: crate::clock::Clock) {
        self.open = true;
        if self.custom == [0, 0] {
            self.custom = [2400, 1600];
        }
        if self.step.is_empty() {
            self.step = "1d".into();
        }
        if self.from.is_empty() {
            self.from = "2022-01-02".into();
            self.to = "2022-01-19".into();
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
    fn fixed_path(&self) -> PathBuf {
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
}

fn default_dir() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .map(|h| h.join("Pictures"))
        .filter(|p| p.is_dir())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Builds the request from the dialog and the app's state.
fn request(app: &App) -> Result<ExportRequest, String> {
    let atlas = app.atlas.as_ref().ok_or("no dataset is loaded")?;
    let d = &app.export;
    let pixels = PRESETS.get(d.preset).map_or(d.custom, |(_, px)| *px);
    let size = Size::new(Some(i64::from(pixels[0])), Some(i64::from(pixels[1])), None)
        .map_err(|e| e.to_string())?;
    let area = match (d.whole_country, app.last_view) {
        (false, Some((view, size))) => Area::View { view, size },
        _ => Area::Country,
    };
    let clock = atlas.data.meta.clock;
    let when = match d.kind {
        Kind::Png | Kind::Svg => When::At(app.instant),
        Kind::Gif | Kind::Frames => When::Range {
            from: clock
                .parse_when(&d.from)
                .map_err(|e| format!("From: {e}"))?,
            to: clock.parse_when(&d.to).map_err(|e| format!("To: {e}"))?,
            step_minutes: parse_step(&d.step).map_err(|e| e.to_string())?,
        },
    };
    let out = d.fixed_path();
    let format =
        Format::for_path(&out, matches!(when, When::Range { .. })).map_err(|e| e.to_string())?;
    Ok(ExportRequest {
        out,
        format,
        size,
        area,
        when,
        selected: app.selected,
        title: None,
        lang: app.persisted.lang,
        mode: app.persisted.mode,
        force: d.confirm_replace,
        frame_ms: 800,
    })
}

fn start(app: &mut App, ctx: &egui::Context) {
    let req = match request(app) {
        Ok(r) => r,
        Err(e) => {
            app.export.outcome = Some((false, sentence(&e)));
            return;
        }
    };
    if export::would_replace(&req).is_some() && !app.export.confirm_replace {
        app.export.confirm_replace = true;
        app.export.outcome = None;
        return;
    }
    let Some(atlas) = app.atlas.clone() else {
        return;
    };
    let progress = Arc::new(Progress::default());
    let watcher = progress.clone();
    let repaint = ctx.clone();
    let handle = std::thread::spawn(move || {
        let result = export::run(&atlas, &req, &watcher);
        repaint.request_repaint();
        result
    });
    app.export.confirm_replace = false;
    app.export.outcome = None;
    app.export.job = Some(Job {
        progress,
        handle: Some(handle),
    });
}

pub fn show(ctx: &egui::Context, app: &mut App) -> Vec<Action> {
    let mut actions = Vec::new();
    poll(app);
    if !app.export.open {
        return actions;
    }
    let lang = app.persisted.lang;
    let mut open = true;
    let mut go = false;
    egui::Window::new(tr(lang, Msg::ExportTitle))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
        .show(ctx, |ui| {
            let busy = app.export.busy();
            ui.add_enabled_ui(!busy, |ui| {
                let d = &mut app.export;
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr(lang, Msg::ExportWhat));
                    ui.radio_value(&mut d.kind, Kind::Png, "PNG");
                    ui.radio_value(&mut d.kind, Kind::Svg, "SVG");
                    ui.radio_value(&mut d.kind, Kind::Gif, tr(lang, Msg::ExportGif));
                    ui.radio_value(&mut d.kind, Kind::Frames, tr(lang, Msg::ExportFrames));
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr(lang, Msg::ExportSize));
                    let label = PRESETS
                        .get(d.preset)
                        .map_or(tr(lang, Msg::ExportCustom), |p| tr(lang, p.0));
                    egui::ComboBox::from_id_salt("export-size")
                        .selected_text(label)
                        .show_ui(ui, |ui| {
                            for (i, (name, _)) in PRESETS.iter().enumerate() {
                                ui.selectable_value(&mut d.preset, i, tr(lang, *name));
                            }
                            ui.selectable_value(
                                &mut d.preset,
                                PRESETS.len(),
                                tr(lang, Msg::ExportCustom),
                            );
                        });
                    if d.preset >= PRESETS.len() {
                        ui.add(
                            egui::DragValue::new(&mut d.custom[0])
                                .range(1..=export::MAX_SIDE)
                                .suffix(" px"),
                        );
                        ui.label("×");
                        ui.add(
                            egui::DragValue::new(&mut d.custom[1])
                                .range(1..=export::MAX_SIDE)
                                .suffix(" px"),
                        );
                    }
                });
                ui.horizontal_wrapped(|ui| {
                    ui.label(tr(lang, Msg::ExportArea));
                    ui.radio_value(
                        &mut d.whole_country,
                        false,
                        tr(lang, Msg::ExportCurrentView),
                    );
                    ui.radio_value(
                        &mut d.whole_country,
                        true,
                        tr(lang, Msg::ExportWholeCountry),
                    );
                });
                if matches!(d.kind, Kind::Gif | Kind::Frames) {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(tr(lang, Msg::ExportFrom));
                        ui.add(egui::TextEdit::singleline(&mut d.from).desired_width(130.0));
                        ui.label(tr(lang, Msg::ExportTo));
                        ui.add(egui::TextEdit::singleline(&mut d.to).desired_width(130.0));
                    });
                    ui.horizontal(|ui| {
                        ui.label(tr(lang, Msg::ExportStep));
                        egui::ComboBox::from_id_salt("export-step")
                            .selected_text(d.step.clone())
                            .show_ui(ui, |ui| {
                                for s in ["1d", "12h", "6h", "3h", "1h"] {
                                    ui.selectable_value(&mut d.step, s.to_owned(), s);
                                }
                            });
                    });
                }
                ui.horizontal(|ui| {
                    let label = ui.label(tr(lang, Msg::ExportFile));
                    let edit = egui::TextEdit::singleline(&mut d.path).desired_width(280.0);
                    if ui.add(edit).labelled_by(label.id).changed() {
                        d.confirm_replace = false;
                    }
                    if ui.button(tr(lang, Msg::ExportChoose)).clicked() && d.picking.is_none() {
                        d.picking = Some(pick_file(d.fixed_path(), d.kind == Kind::Frames));
                    }
                });
                ui.label(
                    egui::RichText::new(format!("→ {}", d.fixed_path().display()))
                        .small()
                        .weak(),
                );
            });
            ui.separator();
            if let Some(job) = &app.export.job {
                let (done, total) = job.progress.get();
                let frac = if total == 0 {
                    0.0
                } else {
                    done as f32 / total as f32
                };
                ui.add(egui::ProgressBar::new(frac).text(format!(
                    "{done} / {total} {} · {:.0}%",
                    tr(lang, Msg::ExportFramesUnit),
                    frac * 100.0
                )));
                if ui.button(tr(lang, Msg::Cancel)).clicked() {
                    job.progress.cancel();
                }
                ctx.request_repaint_after(std::time::Duration::from_millis(100));
            } else if app.export.confirm_replace {
                ui.colored_label(
                    egui::Color32::from_rgb(0xa0, 0x40, 0x00),
                    format!(
                        "{} {}",
                        app.export.fixed_path().display(),
                        tr(lang, Msg::ExportExists)
                    ),
                );
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, Msg::ExportReplace)).clicked() {
                        go = true;
                    }
                    if ui.button(tr(lang, Msg::Cancel)).clicked() {
                        app.export.confirm_replace = false;
                    }
                });
            } else if ui
                .button(egui::RichText::new(tr(lang, Msg::ExportButton)).strong())
                .clicked()
            {
                go = true;
            }
            if let Some((ok, message)) = &app.export.outcome {
                let color = if *ok {
                    egui::Color32::from_rgb(0x1b, 0x6e, 0x2a)
                } else {
                    egui::Color32::from_rgb(0xb0, 0x20, 0x10)
                };
                ui.colored_label(color, message);
            }
        });
    if go {
        start(app, ctx);
    }
    if !open && !app.export.busy() {
        actions.push(Action::ShowExport(false));
    }
    actions
}

/// Collects a finished export and a chosen file.
fn poll(app: &mut App) {
    let lang = app.persisted.lang;
    if let Some(rx) = &app.export.picking
        && let Ok(choice) = rx.try_recv()
    {
        if let Some(path) = choice {
            app.export.path = path.display().to_string();
            app.export.confirm_replace = false;
        }
        app.export.picking = None;
    }
    if app.export.job.as_ref().is_some_and(Job::finished)
        && let Some(mut job) = app.export.job.take()
        && let Some(handle) = job.handle.take()
    {
        app.export.outcome = Some(match handle.join() {
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

/// Runs the system's save dialog on its own thread, so that the window stays responsive. If
/// no dialog is available, the typed path stays as it is.
fn pick_file(current: PathBuf, folder: bool) -> Receiver<Option<PathBuf>> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let dir = current
            .parent()
            .map(PathBuf::from)
            .unwrap_or_else(default_dir);
        let name = current
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dialog = rfd::FileDialog::new().set_directory(&dir);
        let choice = if folder {
            dialog.pick_folder()
        } else {
            dialog.set_file_name(name).save_file()
        };
        let _ = tx.send(choice);
    });
    rx
}

/// A message as a sentence: its first letter in capitals.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
