//! The Export dialog: PNG, SVG or an animation, at a preset or custom size, of the current view
//! or the whole country. The file is chosen in the system's save dialog (or typed); the export
//! runs on its own thread with progress and a Cancel button, and asks before replacing a file.

mod job;

use super::state::{Action, AppState};
use crate::clock::{Clock, Instant};
use crate::export;
use crate::i18n::{Msg, tr};
use crate::scene::View;
use job::{Job, default_dir, pick_file, poll, start};
use std::path::PathBuf;
use std::sync::mpsc::Receiver;

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
    picking: Option<Receiver<Option<PathBuf>>>,
    confirm_replace: bool,
    job: Option<Job>,
    /// The outcome of the last export: (success, message).
    pub outcome: Option<(bool, String)>,
}

impl ExportDialog {
    /// Fills in sensible defaults for the current instant, before the dialog opens.
    pub fn prepare(&mut self, app_instant: Instant, clock: Clock) {
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

pub fn show(
    ctx: &egui::Context,
    app: &AppState,
    painted: Option<(View, [f32; 2])>,
    dialog: &mut ExportDialog,
) -> Vec<Action> {
    let mut actions = Vec::new();
    poll(dialog, app.persisted.lang);
    if !app.windows.export {
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
            let busy = dialog.busy();
            ui.add_enabled_ui(!busy, |ui| {
                let d = &mut *dialog;
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
                        let label = ui.label(tr(lang, Msg::ExportFrom));
                        ui.add(egui::TextEdit::singleline(&mut d.from).desired_width(130.0))
                            .labelled_by(label.id);
                        let label = ui.label(tr(lang, Msg::ExportTo));
                        ui.add(egui::TextEdit::singleline(&mut d.to).desired_width(130.0))
                            .labelled_by(label.id);
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
            if let Some(job) = &dialog.job {
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
            } else if dialog.confirm_replace {
                ui.colored_label(
                    egui::Color32::from_rgb(0xa0, 0x40, 0x00),
                    format!(
                        "{} {}",
                        dialog.fixed_path().display(),
                        tr(lang, Msg::ExportExists)
                    ),
                );
                ui.horizontal(|ui| {
                    if ui.button(tr(lang, Msg::ExportReplace)).clicked() {
                        go = true;
                    }
                    if ui.button(tr(lang, Msg::Cancel)).clicked() {
                        dialog.confirm_replace = false;
                    }
                });
            } else if ui
                .button(egui::RichText::new(tr(lang, Msg::ExportButton)).strong())
                .clicked()
            {
                go = true;
            }
            if let Some((ok, message)) = &dialog.outcome {
                let color = if *ok {
                    egui::Color32::from_rgb(0x1b, 0x6e, 0x2a)
                } else {
                    egui::Color32::from_rgb(0xb0, 0x20, 0x10)
                };
                ui.colored_label(color, message);
            }
        });
    if go {
        start(app, painted, dialog, ctx);
    }
    if !open && !dialog.busy() {
        actions.push(Action::ShowExport(false));
    }
    actions
}
