//! The scene of an export: the projection and view that fit the area asked for (its
//! [`Framing`], worked out once per export), the title, the export preset of the scene for each
//! frame, and the metadata that makes a file citable.

use super::{Area, ExportError, ExportRequest};
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::geometry::{Projector, View};
use crate::i18n::Lang;
use crate::scene::{self, EventMode, Scene, SceneInput, Shown, Style};
use geo::Rect;

/// The style of every export: the classroom style of the window.
pub(super) fn style() -> Style {
    Style::classroom()
}

/// How an export lays the world on its canvas: the projection fitted to the area shown, and
/// the view in it. The same for every frame of an animation.
#[derive(Debug, Clone)]
pub struct Framing {
    pub projector: Projector,
    pub view: View,
}

/// The framing of a request: its projection fitted to its area, and the view showing that area.
pub fn framing(atlas: &Atlas, req: &ExportRequest) -> Result<Framing, ExportError> {
    let projector = req
        .projection
        .fitted(area_bbox(atlas, req.area))
        .map_err(|e| ExportError::Projection(format!("--projection {}: {e}", req.projection)))?;
    let view = view_for(atlas, req.area, &projector, req.size.points());
    Ok(Framing { projector, view })
}

/// The lon/lat box of an area: what a conic is fitted to.
fn area_bbox(atlas: &Atlas, area: Area) -> Rect<f64> {
    match area {
        Area::Country => atlas.geometry.country_bbox,
        Area::BBox(b) => b,
        Area::View { view, size } => view.bounds(size),
    }
}

/// The view an export of `points` shows in `projector`, leaving room at the top for the title.
pub fn view_for(atlas: &Atlas, area: Area, projector: &Projector, points: [f32; 2]) -> View {
    let insets = match area {
        Area::Country => [28.0, 84.0, 28.0, 40.0],
        Area::BBox(_) => [16.0, 84.0, 16.0, 24.0],
        Area::View { .. } => [0.0, 0.0, 0.0, 0.0],
    };
    if projector.params().is_none() {
        // Web Mercator: the window's own fitting, so that an export matches the screen.
        return View::fit_in(area_bbox(atlas, area), points, insets);
    }
    let extent = match area {
        // The country's outlines themselves: a lon/lat box is a curved trapezoid in a conic.
        Area::Country => plane_extent(
            atlas
                .geometry
                .units
                .iter()
                .flatten()
                .flat_map(|u| u.meshes.full.vertices.iter())
                .map(|&v| projector.from_mercator(v)),
        ),
        Area::BBox(b) => plane_extent(outline(b).map(|(lon, lat)| projector.forward(lon, lat))),
        Area::View { view, size } => {
            plane_extent(outline(view.bounds(size)).map(|(lon, lat)| projector.forward(lon, lat)))
        }
    };
    View::fit_plane(projector, extent, points, insets)
}

/// Points along the outline of a lon/lat box: its parallels are arcs in a conic.
fn outline(b: Rect<f64>) -> impl Iterator<Item = (f64, f64)> {
    const STEPS: usize = 64;
    (0..=STEPS).flat_map(move |i| {
        let f = i as f64 / STEPS as f64;
        let lon = b.min().x + b.width() * f;
        let lat = b.min().y + b.height() * f;
        [
            (lon, b.min().y),
            (lon, b.max().y),
            (b.min().x, lat),
            (b.max().x, lat),
        ]
    })
}

fn plane_extent(points: impl Iterator<Item = [f64; 2]>) -> [f64; 4] {
    points
        .filter(|p| p[0].is_finite() && p[1].is_finite())
        .fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |e, p| {
                [
                    e[0].min(p[0]),
                    e[1].min(p[1]),
                    e[2].max(p[0]),
                    e[3].max(p[1]),
                ]
            },
        )
}

/// The title an export prints on the map: `--title`, or the dataset's name.
pub fn title_for(atlas: &Atlas, req: &ExportRequest) -> String {
    req.title
        .clone()
        .unwrap_or_else(|| atlas.data.meta.name.get(req.lang).to_owned())
}

/// The scene of one frame (`index` of `count`; a single map is frame 0 of 1).
pub fn scene_for(
    atlas: &Atlas,
    req: &ExportRequest,
    framing: &Framing,
    instant: Instant,
    index: usize,
    count: usize,
) -> Scene {
    let points = req.size.points();
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
    scene::build(
        &SceneInput::export(
            atlas,
            &style,
            &shown,
            (framing.view, points),
            title_for(atlas, req),
            progress,
        )
        .projected(framing.projector.clone()),
    )
}

/// Everything that shaped a map, as (keyword, text): the PNG's text chunks and the SVG's
/// `data-` attributes. Nothing here depends on when the file is made, so an SVG stays
/// byte-identical; a PNG adds its `Creation Time` (see [`png_text`]).
pub fn metadata(atlas: &Atlas, req: &ExportRequest, scene: &Scene) -> Vec<(String, String)> {
    let data = &atlas.data;
    let meta = &scene.meta;
    let name = data.meta.name.get(req.lang);
    let title = match &req.title {
        Some(t) => format!("{t} — {name}"),
        None => name.to_owned(),
    };
    let mode = match req.mode {
        EventMode::Cumulative => "cumulative: every event up to the instant",
        EventMode::DayOnly => "day only: the shown day's events up to the instant",
    };
    let chapter = req
        .chapter
        .and_then(|i| data.story.get(i).map(|c| (i, c)))
        .map(|(i, c)| {
            format!(
                "story chapter {} ({}): the events it is not about are dimmed",
                i + 1,
                c.id
            )
        });
    let filters = match (req.filter.is_active(), chapter) {
        (false, None) => "none".to_owned(),
        (false, Some(c)) => c,
        (true, None) => req.filter.describe(data, Lang::En),
        (true, Some(c)) => format!("{}; {c}", req.filter.describe(data, Lang::En)),
    };
    let selection = match req.selected {
        Some(p) => format!("{} ({})", data.place_id(p), data.place_name(p, Lang::En)),
        None => "none".to_owned(),
    };
    let mut out = vec![
        ("Title", title),
        ("Description", meta.instant_text.clone()),
        ("Instant", meta.instant.clone()),
        (
            "Dataset",
            format!("{} ({})", meta.dataset, data.meta.name.get(Lang::En)),
        ),
        ("Mode", mode.to_owned()),
        ("Filters", filters),
    ];
    match req.area {
        Area::Country => {}
        Area::BBox(b) => out.push(("BBox", format!("{} (west,south,east,north)", bbox_text(b)))),
        Area::View { view, size } => out.push((
            "BBox",
            format!(
                "{} (west,south,east,north; the window's view)",
                bbox_text(view.bounds(size))
            ),
        )),
    }
    out.extend([
        ("Selection", selection),
        (
            "Projection",
            format!(
                "{} ({}): {}",
                meta.projection.id(),
                meta.projection.name(),
                meta.projection_definition
            ),
        ),
        ("Software", format!("Qantar {}", env!("CARGO_PKG_VERSION"))),
        ("Source", meta.sources.clone()),
    ]);
    out.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// The PNG text chunks: [`metadata`] and the `Creation Time` (RFC 3339, UTC), which is
/// `SOURCE_DATE_EPOCH` when that is set, for reproducible files.
pub fn png_text(atlas: &Atlas, req: &ExportRequest, scene: &Scene) -> Vec<(String, String)> {
    let mut out = metadata(atlas, req, scene);
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
        .unwrap_or_else(chrono::Utc::now);
    out.push((
        "Creation Time".to_owned(),
        now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    ));
    out
}

/// `west,south,east,north` as numbers print.
pub(super) fn bbox_text(b: Rect<f64>) -> String {
    format!("{},{},{},{}", b.min().x, b.min().y, b.max().x, b.max().y)
}

/// True when some unit's outline or some city lies in `b`.
pub(super) fn shows_data(atlas: &Atlas, b: Rect<f64>) -> bool {
    use geo::Intersects as _;
    let data = &atlas.data;
    data.units
        .iter()
        .filter_map(|u| u.geometry.as_ref())
        .any(|g| g.intersects(&b))
        || data.cities.iter().any(|c| b.intersects(&c.position))
}

/// The data's extent, rounded outwards to a tenth of a degree.
pub(super) fn data_extent_text(atlas: &Atlas) -> String {
    let b = atlas.geometry.country_bbox;
    let down = |v: f64| (v * 10.0).floor() / 10.0;
    let up = |v: f64| (v * 10.0).ceil() / 10.0;
    format!(
        "{},{},{},{}",
        down(b.min().x),
        down(b.min().y),
        up(b.max().x),
        up(b.max().y)
    )
}
