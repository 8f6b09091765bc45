//! The eframe window. For now it shows what dataset is loaded; the atlas comes next.

use crate::cli::{Cli, load_dataset};
use crate::data::Dataset;
use crate::i18n::Lang;
use std::process::ExitCode;

/// A window that names the loaded dataset and counts what it holds.
pub struct App {
    dataset: Result<Dataset, String>,
}

impl App {
    pub fn new(dataset: Result<Dataset, String>) -> Self {
        App { dataset }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| match &self.dataset {
            Ok(data) => {
                ui.heading(data.meta.name.get(Lang::En));
                ui.label(format!(
                    "{} units · {} cities · {} events · {} periods · {} sources",
                    data.units.len(),
                    data.cities.len(),
                    data.events.len(),
                    data.periods.len(),
                    data.sources.len()
                ));
            }
            Err(message) => {
                ui.heading("The dataset could not be loaded");
                ui.label(message);
            }
        });
    }
}

/// Opens the window and returns when it is closed.
pub fn run_window(cli: &Cli) -> anyhow::Result<ExitCode> {
    let dataset = load_dataset(cli.data.as_deref()).map_err(|e| format!("{e:#}"));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Qantar")
            .with_inner_size([1280.0, 720.0]),
        ..Default::default()
    };
    eframe::run_native(
        "qantar",
        options,
        Box::new(|_cc| Ok(Box::new(App::new(dataset)))),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
