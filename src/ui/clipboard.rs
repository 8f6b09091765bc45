//! "Copy image": the map as shown, with its title, date and legend (the export preset of the
//! scene), painted by the PNG painter and put on the clipboard. "Copy citation": how to cite
//! the dataset and the map at the shown instant.

use super::state::AppState;
use crate::atlas::Atlas;
use crate::i18n::{Msg, tr};
use crate::scene::{self, SceneInput, View};

/// Copies the map of `view` (a canvas of `size` points) and returns what to tell the user.
pub fn copy_map(
    ctx: &egui::Context,
    state: &AppState,
    atlas: &Atlas,
    (view, size): (View, [f32; 2]),
) -> String {
    let lang = state.persisted.lang;
    let ppp = ctx.pixels_per_point();
    let pixels = [
        (size[0] * ppp).round().max(1.0) as u32,
        (size[1] * ppp).round().max(1.0) as u32,
    ];
    let title = atlas.data.meta.name.get(state.persisted.lang).to_owned();
    let input = SceneInput::export(
        atlas,
        &state.style,
        &state.shown(),
        (view, size),
        title,
        None,
    );
    let scene = scene::build(&input);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    match crate::paint::bands::render_on(&scene, pixels, ppp, cores) {
        Ok(pixmap) => {
            let rgba = crate::paint::raster::rgba(&pixmap);
            let image = egui::ColorImage::from_rgba_unmultiplied(
                [pixels[0] as usize, pixels[1] as usize],
                &rgba,
            );
            ctx.copy_image(image);
            tr(lang, Msg::MapCopied).to_owned()
        }
        Err(e) => format!("{} {e}", tr(lang, Msg::MapNotCopied)),
    }
}

/// "Copy citation": APA and BibTeX, of the dataset and the map at the shown instant, accessed
/// today, on the clipboard. Returns the notice saying so.
pub fn copy_citation(ctx: &egui::Context, state: &AppState, atlas: &Atlas) -> String {
    let text = crate::atlas::cite::Citation {
        meta: &atlas.data.meta,
        at: Some(state.instant),
        accessed: chrono::Local::now().date_naive(),
    }
    .text(crate::atlas::cite::CiteFormat::Both);
    ctx.copy_text(text);
    tr(state.persisted.lang, Msg::CitationCopied).to_owned()
}
