//! Opening data in the window: File → Open dataset / regions / events, files dropped on the
//! window, loading on a thread (the window stays responsive), and the load report. A dataset
//! that fails to load leaves the one on screen in place.

use super::state::{Action, AppState, OpenKind};
use crate::atlas::Atlas;
use crate::data::{LoadError, OpenSpec};
use crate::i18n::{Msg, tr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

/// What a load on its thread sends back.
type LoadResult = Result<Arc<Atlas>, LoadError>;

/// The opener's own state: a file dialog or a load in progress, and the last failure.
#[derive(Default)]
pub struct Opener {
    picking: Option<(OpenKind, Receiver<Option<PathBuf>>)>,
    loading: Option<(OpenSpec, String, Receiver<LoadResult>)>,
    /// The file that failed and every problem found.
    failure: Option<(String, Vec<String>)>,
}

/// A dataset that finished loading.
pub struct Loaded {
    pub spec: OpenSpec,
    pub atlas: Arc<Atlas>,
}

impl Opener {
    /// Opens the system's file dialog for `kind` on its own thread.
    pub fn pick(&mut self, kind: OpenKind) {
        if kind == OpenKind::Default {
            return;
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let dialog = rfd::FileDialog::new();
            let choice = match kind {
                OpenKind::Dataset => dialog.pick_folder(),
                OpenKind::Regions => dialog
                    .add_filter("GeoJSON, TopoJSON", &["geojson", "json", "topojson"])
                    .pick_file(),
                _ => dialog
                    .add_filter("CSV, ACLED, events JSON", &["csv", "tsv", "txt", "json"])
                    .pick_file(),
            };
            let _ = tx.send(choice);
        });
        self.picking = Some((kind, rx));
    }

    /// Starts loading what `kind` and `path` make of the spec on screen.
    pub fn open(&mut self, current: &OpenSpec, kind: OpenKind, path: Option<PathBuf>) {
        let spec = spec_for(current, kind, path.clone());
        let name = path.map_or_else(
            || "the default dataset".to_owned(),
            |p| p.display().to_string(),
        );
        let (tx, rx) = channel();
        let for_thread = spec.clone();
        std::thread::spawn(move || {
            let _ = tx.send(Atlas::load(&for_thread));
        });
        self.failure = None;
        self.loading = Some((spec, name, rx));
    }

    /// Advances the dialog and the load; returns a dataset that has loaded.
    pub fn poll(&mut self, current: &OpenSpec) -> Option<Loaded> {
        if let Some((kind, rx)) = &self.picking
            && let Ok(choice) = rx.try_recv()
        {
            let kind = *kind;
            self.picking = None;
            if let Some(path) = choice {
                self.open(current, kind, Some(path));
            }
        }
        let (_, _, rx) = self.loading.as_ref()?;
        let result = rx.try_recv().ok()?;
        let (spec, name, _) = self.loading.take()?;
        match result {
            Ok(atlas) => Some(Loaded { spec, atlas }),
            Err(e) => {
                self.failure = Some((name, e.problems()));
                None
            }
        }
    }
}

/// The spec that opening `path` as `kind` makes of `current`.
pub fn spec_for(current: &OpenSpec, kind: OpenKind, path: Option<PathBuf>) -> OpenSpec {
    match kind {
        OpenKind::Default => OpenSpec::default(),
        OpenKind::Dataset => OpenSpec {
            data: path,
            ..OpenSpec::default()
        },
        OpenKind::Regions => OpenSpec {
            regions: path,
            region_id: None,
            region_name: None,
            ..current.clone()
        },
        OpenKind::Events => OpenSpec {
            events: path,
            ..current.clone()
        },
    }
}

/// What a dropped or chosen path opens as: a folder (or its `dataset.json`) as a dataset, a
/// CSV as events, a GeoJSON or TopoJSON as regions, another JSON as events.
pub fn kind_of(path: &Path) -> (OpenKind, PathBuf) {
    if path.is_dir() {
        return (OpenKind::Dataset, path.to_owned());
    }
    if path.file_name().is_some_and(|n| n == "dataset.json") {
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_owned);
        return (OpenKind::Dataset, dir);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let kind = match ext.as_str() {
        "geojson" | "topojson" => OpenKind::Regions,
        "json" if looks_like_regions(path) => OpenKind::Regions,
        _ => OpenKind::Events,
    };
    (kind, path.to_owned())
}

/// True when the start of a JSON file says it is a FeatureCollection or a Topology.
fn looks_like_regions(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = vec![0u8; 4096];
    // Only a regular file is opened: a pipe would wait for a writer.
    if !std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let n = std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .unwrap_or(0);
    let text = String::from_utf8_lossy(&head[..n]);
    text.contains("FeatureCollection") || text.contains("\"Topology\"")
}

/// Files dropped on the window, as actions.
pub fn dropped(ctx: &egui::Context) -> Vec<Action> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| {
                let (kind, path) = kind_of(f.path());
                Action::OpenPath(kind, path)
            })
            .collect()
    })
}

/// The load report, the failure of the last load, and the loading notice.
pub fn windows(ctx: &egui::Context, app: &AppState, opener: &mut Opener) -> Vec<Action> {
    let mut actions = Vec::new();
    let lang = app.persisted.lang;
    if let Some((_, name, _)) = &opener.loading {
        egui::Area::new(egui::Id::unique("loading"))
            .anchor(egui::Align2::CENTER_TOP, [0.0, 60.0])
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(format!("{} {name}", tr(lang, Msg::Loading)));
                    });
                });
            });
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
    if opener.picking.is_some() {
        ctx.request_repaint_after(std::time::Duration::from_millis(200));
    }
    let mut close_failure = false;
    if let Some((name, problems)) = &opener.failure {
        let mut open = true;
        egui::Window::new(tr(lang, Msg::OpenFailed))
            .open(&mut open)
            .default_width(640.0)
            .vscroll(true)
            .show(ctx, |ui| {
                ui.label(format!("{name}: {}", tr(lang, Msg::LoadFailedKept)));
                ui.separator();
                for p in problems {
                    ui.label(egui::RichText::new(p).monospace());
                }
            });
        close_failure = !open;
    }
    if close_failure {
        opener.failure = None;
    }
    if app.windows.report
        && let Some(atlas) = &app.atlas
    {
        let data = &atlas.data;
        let mut open = true;
        egui::Window::new(tr(lang, Msg::LoadReport))
            .open(&mut open)
            .default_width(680.0)
            .default_height(420.0)
            .vscroll(true)
            .show(ctx, |ui| {
                ui.label(egui::RichText::new(data.meta.name.get(lang)).strong());
                ui.label(format!(
                    "{} · {} {} · {} {} · {} {} · {} – {}",
                    data.origin,
                    data.units.len(),
                    tr(lang, Msg::ReportUnits),
                    data.cities.len(),
                    tr(lang, Msg::ReportPlaces),
                    data.events.len(),
                    tr(lang, Msg::ReportEvents),
                    data.meta.window.0,
                    data.meta.window.1
                ));
                ui.separator();
                if data.report.is_empty() {
                    ui.label(tr(lang, Msg::ReportNothing));
                }
                for line in &data.report {
                    ui.label(format!("• {line}"));
                }
            });
        if !open {
            actions.push(Action::ShowReport(false));
        }
    }
    actions
}
