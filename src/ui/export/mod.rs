//! The Export dialog: PNG, SVG or an animation, at a preset or custom size, of the current view
//! or the whole country. The file is chosen in the system's save dialog (or typed); the export
//! runs on its own thread with progress and a Cancel button, and asks before replacing a file.

mod form;
mod job;

pub use form::ExportDialog;

use super::state::{Action, AppState};
use crate::export;
use crate::i18n::{Msg, tr};
use crate::scene::View;
use form::{Kind, PRESETS};
use job::pick_file;

pub fn show(
    ctx: &egui::Context,
    app: &AppState,
    painted: Option<(View, [f32; 2])>,
    dialog: &mut ExportDialog,
) -> Vec<Action> {
    let mut actions = Vec::new();
    dialog.poll(app.persisted.lang);
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
        dialog.start(app, painted, ctx);
    }
    if !open && !dialog.busy() {
        actions.push(Action::ShowExport(false));
    }
    actions
}
