//! The paint cache's tests: a scene painted after another is painted as if alone, and only
//! the chunks with a changed shape are merged again.

use super::*;
use crate::atlas::Atlas;
use crate::scene::{EventMode, Shown, Style, View};

const SIZE: [f32; 2] = [1000.0, 700.0];

/// The meshes one frame paints through `painted` (texts left out).
fn frame(ctx: &egui::Context, painted: &mut PaintedScene, input: &SceneInput<'_>) -> Vec<Mesh> {
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            Pos2::ZERO,
            egui::vec2(SIZE[0], SIZE[1]),
        )),
        ..Default::default()
    };
    let mut output = ctx.run_ui(raw, |ui| {
        painted.paint(ui.painter(), Pos2::ZERO, input, scene::build, |_| true);
    });
    // The font texture is never uploaded here.
    output.textures_delta.clear();
    (output.shapes.into_iter())
        .filter_map(|s| match s.shape {
            egui::Shape::Mesh(m) => Some((*m).clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_scene_painted_after_another_of_the_same_view_is_painted_as_if_alone() {
    let atlas = Atlas::load(&Default::default()).expect("the embedded dataset");
    let style = Style::default();
    let clock = atlas.data.meta.clock;
    let view = View::fit(atlas.geometry.country_bbox, SIZE, 20.0);
    let shown = |when: &str| Shown {
        instant: clock.parse_when(when).expect("an instant"),
        lang: crate::i18n::Lang::En,
        mode: EventMode::Cumulative,
        selected: None,
        chapter: None,
        events: None,
    };
    let ctx = egui::Context::default();
    // Before the emergency, then as it spreads: most units keep their fill, some change.
    let steps = ["2022-01-04T12:00", "2022-01-05T20:00", "2022-01-06T03:00"];
    let mut kept = PaintedScene::default();
    for when in steps {
        let input = SceneInput::screen(&atlas, &style, &shown(when), (view, SIZE), true, false);
        let through_the_last = frame(&ctx, &mut kept, &input);
        let alone = frame(&ctx, &mut PaintedScene::default(), &input);
        assert_eq!(through_the_last.len(), alone.len(), "{when}");
        for (a, b) in through_the_last.iter().zip(&alone) {
            assert_eq!(a.indices, b.indices, "{when}");
            assert_eq!(a.vertices, b.vertices, "{when}");
        }
    }
}

#[test]
fn only_the_chunks_with_a_changed_shape_are_merged_again() {
    let piece = |i: usize| {
        let mut m = Mesh::default();
        let x = i as f32;
        m.add_colored_rect(
            egui::Rect::from_min_size(Pos2::new(x, 0.0), egui::vec2(1.0, 1.0)),
            egui::Color32::RED,
        );
        Piece::Mesh(Arc::new(m))
    };
    let before: Vec<Piece> = (0..2 * CHUNK + CHUNK / 2).map(piece).collect();
    let (painted, ends) = merged(&before, None);
    assert_eq!(ends, vec![1, 2, 3], "two and a half chunks");
    let old = LayerPieces {
        shapes: before.clone(),
        painted,
        ends,
    };
    let mut after = before.clone();
    after[CHUNK + 3] = piece(9999);
    let (again, _) = merged(&after, Some(&old));
    let (fresh, _) = merged(&after, None);
    let mesh = |p: &Piece| match p {
        Piece::Mesh(m) => Arc::clone(m),
        Piece::Text(..) => unreachable!(),
    };
    assert!(Arc::ptr_eq(&mesh(&again[0]), &mesh(&old.painted[0])));
    assert!(!Arc::ptr_eq(&mesh(&again[1]), &mesh(&old.painted[1])));
    assert!(Arc::ptr_eq(&mesh(&again[2]), &mesh(&old.painted[2])));
    for (a, f) in again.iter().zip(&fresh) {
        assert_eq!(mesh(a).vertices, mesh(f).vertices);
    }
}
