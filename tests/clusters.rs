//! Markers merged when many places are in view: a synthetic events file with 600 places over
//! Kazakhstan, and the real data (which never merges).

#![expect(clippy::expect_used, reason = "test helpers panic on a broken fixture")]

use qantar::atlas::Atlas;
use qantar::data::{OpenSpec, Place};
use qantar::geometry::View;
use qantar::i18n::Lang;
use qantar::scene::{self, EventMode, MAX_MARKERS, Scene, SceneInput, Shape, Shown, Style};
use std::sync::Arc;

const SIZE: [f32; 2] = [1920.0, 1080.0];

/// 600 places on a 30 × 20 grid over Kazakhstan, one protest each on 5 January 2022.
fn grid_atlas() -> Arc<Atlas> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let csv = dir.path().join("events.csv");
    let mut text = String::from("date,lat,lon,place,title,description,kind,source\n");
    for row in 0..20 {
        for col in 0..30 {
            let (lat, lon) = (42.0 + 0.55 * f64::from(row), 52.0 + 1.0 * f64::from(col));
            text.push_str(&format!(
                "2022-01-05,{lat},{lon},Place {row}-{col},Protest {row}-{col},People gathered.,protest,Wire\n"
            ));
        }
    }
    std::fs::write(&csv, text).expect("the CSV is written");
    Atlas::load(&OpenSpec {
        events: Some(csv),
        ..OpenSpec::default()
    })
    .expect("the grid loads")
}

fn scene_of(atlas: &Atlas, view: Option<View>, selected: Option<Place>) -> Scene {
    scene_in(atlas, view, selected, Lang::En)
}

fn scene_in(atlas: &Atlas, view: Option<View>, selected: Option<Place>, lang: Lang) -> Scene {
    let style = Style::default();
    let shown = Shown {
        instant: atlas
            .data
            .meta
            .clock
            .parse_when("2022-01-06T12:00")
            .expect("an instant"),
        lang,
        mode: EventMode::Cumulative,
        selected,
        chapter: None,
        events: None,
    };
    let view = view.unwrap_or_else(|| View::fit(atlas.geometry.country_bbox, SIZE, 24.0));
    let input = SceneInput::export(atlas, &style, &shown, (view, SIZE), "Grid".into(), None);
    scene::build(&input)
}

/// The places with events: the grid's points that lie in some unit (the others, in the
/// Caspian or beyond the border, are events of the whole area).
fn with_events(atlas: &Atlas) -> Vec<Place> {
    atlas
        .data
        .city_indices()
        .filter(|&c| !atlas.timeline.events_of_city(c).is_empty())
        .map(Place::City)
        .collect()
}

/// The places with a marker of their own.
fn alone(scene: &Scene) -> Vec<Place> {
    scene
        .shapes()
        .filter_map(|(_, s)| match s {
            Shape::Circle(c) => c.target,
            _ => None,
        })
        .collect()
}

fn texts(scene: &Scene) -> Vec<&str> {
    scene
        .shapes()
        .filter_map(|(_, s)| match s {
            Shape::Text(t) => Some(t.text.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn the_real_data_never_merges_markers() {
    let atlas = Atlas::load(&OpenSpec::default()).expect("the embedded dataset");
    let scene = scene_of(&atlas, None, None);
    assert!(scene.clusters.is_empty());
    assert!(!alone(&scene).is_empty());
    assert!(!texts(&scene).contains(&"Places close together (how many)"));
}

#[test]
fn more_markers_than_the_limit_merge_by_cell_and_count_every_place_once() {
    let atlas = grid_atlas();
    let scene = scene_of(&atlas, None, None);
    let places = with_events(&atlas);
    // Markers of places with events (the cities with a status of their own have a ring even
    // without events).
    let single: Vec<Place> = alone(&scene)
        .into_iter()
        .filter(|p| places.contains(p))
        .collect();
    assert!(!scene.clusters.is_empty(), "600 places in view merge");
    let merged: usize = scene.clusters.iter().map(|c| c.places).sum();
    let places = places.len();
    assert!(
        places > 400,
        "most of the grid is inside Kazakhstan: {places}"
    );
    assert_eq!(single.len() + merged, places, "every place once, none lost");
    assert!(
        single.len() + scene.clusters.len() < places,
        "fewer markers than places"
    );
    for c in &scene.clusters {
        assert!(c.places >= 2);
        assert_eq!(c.events, c.places, "one protest at each place");
        // The protests were the day before, and have certainly happened: the colour of a
        // place with no event this day, as each place's own marker would have.
        assert_eq!((c.severity, c.certain), (None, true));
        assert!(texts(&scene).contains(&c.places.to_string().as_str()));
        let hit = scene.cluster_at(c.center).expect("a click on it finds it");
        assert_eq!(hit, c);
    }
    assert!(texts(&scene).contains(&"Places close together (how many)"));
    // Every place is within its cluster's area.
    let inside: usize = scene
        .clusters
        .iter()
        .map(|c| {
            atlas
                .data
                .cities
                .iter()
                .filter(|city| {
                    let p = city.position;
                    p.x() >= c.area[0]
                        && p.x() <= c.area[2]
                        && p.y() >= c.area[1]
                        && p.y() <= c.area[3]
                })
                .count()
        })
        .sum();
    assert!(inside >= merged);
}

#[test]
fn zooming_to_a_cluster_shows_each_of_its_places() {
    let atlas = grid_atlas();
    let scene = scene_of(&atlas, None, None);
    let c = scene
        .clusters
        .iter()
        .max_by_key(|c| c.places)
        .expect("a cluster");
    let area = geo::Rect::new(
        geo::coord! { x: c.area[0], y: c.area[1] },
        geo::coord! { x: c.area[2], y: c.area[3] },
    );
    let zoomed = scene_of(&atlas, Some(View::fit(area, SIZE, 60.0)), None);
    assert!(zoomed.clusters.is_empty(), "few enough places in view");
    assert!(alone(&zoomed).len() >= c.places);
    assert!(alone(&zoomed).len() <= MAX_MARKERS);
}

#[test]
fn the_selected_place_keeps_its_own_marker() {
    let atlas = grid_atlas();
    let scene = scene_of(&atlas, None, None);
    let merged_place = with_events(&atlas)
        .into_iter()
        .find(|p| !alone(&scene).contains(p))
        .expect("a merged place");
    let selected = scene_of(&atlas, None, Some(merged_place));
    assert!(alone(&selected).contains(&merged_place));
    let merged: usize = selected.clusters.iter().map(|c| c.places).sum();
    let places = with_events(&atlas);
    let single = alone(&selected).into_iter().filter(|p| places.contains(p));
    assert_eq!(single.count() + merged, places.len());
}

#[test]
fn the_legend_explains_merged_markers_in_russian_and_kazakh() {
    let atlas = grid_atlas();
    for (lang, words) in [
        (Lang::Ru, "Места рядом друг с другом (сколько их)"),
        (Lang::Kk, "Бір-біріне жақын орындар (саны)"),
    ] {
        let scene = scene_in(&atlas, None, None, lang);
        assert!(texts(&scene).contains(&words), "{lang:?}");
    }
}
