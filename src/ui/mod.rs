//! The eframe window: the atlas, as a star. `app.rs` owns the one [`AppState`] and shows the
//! panels (toolbar, timeline, details, map, about, export), each of which gets `&AppState` and
//! its own widget state and returns [`Action`]s; `App::apply` carries them out.

mod about;
mod app;
mod card;
mod chapters;
mod clipboard;
mod details;
mod export;
mod fades;
mod fonts;
mod hover;
mod keys;
mod map;
mod menus;
mod open;
mod playback;
mod screenshot;
mod startup;
mod state;
mod story;
mod tiles;
mod timeline;
mod toolbar;

pub use app::App;
pub use state::{Action, AppState, OpenKind, Persisted, SEARCH_LABEL, StartOptions, TRACK_LABEL};

use std::process::ExitCode;

/// Opens the window and returns when it is closed. With a screenshot requested, returns once
/// the PNG is written (exit code 0) or has failed (an error).
pub fn run_window(options: StartOptions) -> anyhow::Result<ExitCode> {
    let size = options.window_size.unwrap_or([1280, 720]);
    let wants_screenshot = options.screenshot_to.is_some();
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Qantar")
            .with_inner_size([size[0] as f32, size[1] as f32])
            .with_min_inner_size([640.0, 400.0]),
        // A size asked for on the command line wins over the remembered one.
        persist_window: !options.fresh && options.window_size.is_none(),
        // OpenGL: under Mesa it shows the first frame in about 0.4 s where wgpu takes 0.95 s,
        // and holds about 45 MiB less (BENCHMARKS.md). QANTAR_RENDERER=wgpu chooses wgpu.
        renderer: if std::env::var("QANTAR_RENDERER").as_deref() == Ok("wgpu") {
            eframe::Renderer::Wgpu
        } else {
            eframe::Renderer::Glow
        },
        ..Default::default()
    };
    let launched = std::time::Instant::now();
    let timing = options.timing;
    eframe::run_native(
        "qantar",
        native,
        Box::new(move |cc| -> Result<Box<dyn eframe::App>, _> {
            if timing {
                Ok(Box::new(startup::Timed::new(cc, options, launched)))
            } else {
                Ok(Box::new(App::new(cc, options)))
            }
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))?;
    if wants_screenshot {
        match screenshot::take_outcome() {
            Some(Ok(path)) => {
                eprintln!("qantar: wrote {}", path.display());
                Ok(ExitCode::SUCCESS)
            }
            Some(Err(e @ screenshot::ScreenshotError::Start(_))) => Err(anyhow::anyhow!("{e}")),
            Some(Err(e)) => Err(anyhow::anyhow!("the screenshot could not be saved: {e}")),
            None => Err(anyhow::anyhow!(
                "the window closed before the screenshot was taken"
            )),
        }
    } else {
        Ok(ExitCode::SUCCESS)
    }
}
