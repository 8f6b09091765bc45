//! The scene of an export: the view that fits the area asked for, the title, the export preset
//! of the scene for each frame, and the text chunks that make a PNG citable.

use super::{Area, ExportRequest};
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::i18n::Lang;
use crate::scene::{self, Scene, SceneInput, Shown, Style, View};

/// The style of every export: the classroom style of the window.
pub(super) fn style() -> Style {
    Style::classroom()
}

/// The view an export of `points` shows, leaving room at the top for the title.
pub fn view_for(atlas: &Atlas, area: Area, points: [f32; 2]) -> View {
    match area {
        Area::Country => View::fit_in(
            atlas.geometry.country_bbox,
            points,
            [28.0, 84.0, 28.0, 40.0],
        ),
        Area::BBox(b) => View::fit_in(b, points, [16.0, 84.0, 16.0, 24.0]),
        Area::View { view, size } => View::fit_in(view.bounds(size), points, [0.0, 0.0, 0.0, 0.0]),
    }
}

/// The title an export carries.
pub fn title_for(atlas: &Atlas, req: &ExportRequest) -> String {
    req.title
        .clone()
        .unwrap_or_else(|| atlas.data.meta.name.get(req.lang).to_owned())
}

/// The scene of one frame (`index` of `count`; a single map is frame 0 of 1).
pub fn scene_for(
    atlas: &Atlas,
    req: &ExportRequest,
    instant: Instant,
    index: usize,
    count: usize,
) -> Scene {
    let points = req.size.points();
    let view = view_for(atlas, req.area, points);
    let style = style();
    let shown = Shown {
        instant,
        lang: req.lang,
        mode: req.mode,
        selected: req.selected,
        chapter: req.chapter,
        events: req.filter.mask(&atlas.data),
    };
    let progress = (count > 1).then(|| (index + 1) as f32 / count as f32);
    scene::build(&SceneInput::export(
        atlas,
        &style,
        &shown,
        (view, points),
        title_for(atlas, req),
        progress,
    ))
}

/// The PNG text chunks that make an image citable.
pub fn png_text(atlas: &Atlas, scene: &Scene) -> Vec<(String, String)> {
    let meta = &scene.meta;
    vec![
        ("Title".into(), meta.title.clone()),
        ("Description".into(), meta.instant_text.clone()),
        ("Instant".into(), meta.instant.clone()),
        (
            "Dataset".into(),
            format!("{} ({})", meta.dataset, atlas.data.meta.name.get(Lang::En)),
        ),
        (
            "Software".into(),
            format!("Qantar {}", env!("CARGO_PKG_VERSION")),
        ),
        ("Source".into(), meta.sources.clone()),
    ]
}
