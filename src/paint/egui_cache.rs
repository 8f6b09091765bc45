//! The window's map, painted from what the last frame made of it. The window redraws up to 60
//! times a second, mostly with nothing changed; a scene is built and turned into triangles only
//! when its [`SceneKey`] changes (the instant, the view, the hover, a fade, the filters…).
//! Shapes become triangles here, once, so that egui copies them each frame instead of
//! tessellating every border again; texts are painted each frame through egui's own cache of
//! laid-out text, which stays right if egui rebuilds its font atlas.

use super::egui::{background, egui_shapes, paint_text, view_of};
use crate::scene::{self, LayerKind, Scene, SceneInput, SceneKey, Shape, TextShape};
use egui::Pos2;
use egui::epaint::{Mesh, Tessellator};
use std::sync::Arc;

/// One part of a painted scene, in painting order.
enum Piece {
    /// Consecutive shapes other than text, as triangles in screen points.
    Mesh(Arc<Mesh>),
    Text(Pos2, TextShape),
}

/// Where and how a scene was painted: on which spot, at which pixel density, clipped to
/// which rectangle. Triangles made for one placement serve only that placement.
#[derive(PartialEq)]
struct Placement {
    origin: Pos2,
    pixels_per_point: f32,
    clip: egui::Rect,
}

/// A scene and its triangles, kept from one frame to the next.
#[derive(Default)]
pub struct PaintedScene {
    key: Option<(SceneKey, Placement)>,
    scene: Option<Scene>,
    /// The background, then each layer's pieces, in the scene's order.
    background: Option<Arc<Mesh>>,
    layers: Vec<Vec<Piece>>,
}

impl PaintedScene {
    /// The scene last painted (what a click is tested against).
    pub fn scene(&self) -> Option<&Scene> {
        self.scene.as_ref()
    }

    /// Paints the scene `build` makes of `input` with its canvas origin at `origin`: only the
    /// layers `include` accepts (the same for every call on one cache). Builds the scene only
    /// when the input, the origin, the pixel density or the clip changed, and then tessellates
    /// only the layers that differ from the last scene's (scrubbing the timeline changes the
    /// fills and markers, not the borders or the neighbours). Returns whether it built.
    pub fn paint(
        &mut self,
        painter: &egui::Painter,
        origin: Pos2,
        input: &SceneInput<'_>,
        build: impl FnOnce(&SceneInput<'_>) -> Scene,
        include: impl Fn(LayerKind) -> bool,
    ) -> bool {
        let placement = Placement {
            origin,
            pixels_per_point: painter.ctx().pixels_per_point(),
            clip: painter.clip_rect(),
        };
        let key = (input.key(), placement);
        let rebuilt = self.key.as_ref() != Some(&key);
        if rebuilt {
            let scene = build(input);
            let same_place = self.key.as_ref().is_some_and(|(_, p)| *p == key.1);
            let mut old_layers = std::mem::take(&mut self.layers).into_iter();
            let old_scene = self.scene.take().filter(|_| same_place);
            let mut t = Tessellation::new(painter);
            self.background = include(LayerKind::Context)
                .then(|| background(&scene, origin))
                .flatten()
                .map(|bg| t.mesh([bg]));
            for (i, layer) in scene.layers.iter().enumerate() {
                let old = old_layers.next();
                let unchanged = old_scene
                    .as_ref()
                    .and_then(|s| s.layers.get(i))
                    .is_some_and(|l| l == layer);
                self.layers.push(match old {
                    Some(pieces) if unchanged => pieces,
                    _ if !include(layer.kind) => Vec::new(),
                    _ => t.pieces(origin, &layer.shapes),
                });
            }
            self.scene = Some(scene);
            self.key = Some(key);
        }
        if let Some(bg) = &self.background {
            painter.add(egui::Shape::Mesh(Arc::clone(bg)));
        }
        for piece in self.layers.iter().flatten() {
            match piece {
                Piece::Mesh(mesh) => {
                    painter.add(egui::Shape::Mesh(Arc::clone(mesh)));
                }
                Piece::Text(pos, t) => paint_text(painter, *pos, t),
            }
        }
        rebuilt
    }
}

/// egui's tessellator set up as the painter's frame will be.
struct Tessellation {
    tessellator: Tessellator,
    clip: egui::Rect,
}

impl Tessellation {
    fn new(painter: &egui::Painter) -> Self {
        let ctx = painter.ctx();
        let options = ctx.tessellation_options(|o| *o);
        // Texts are not tessellated here, so the font texture's size does not matter.
        let mut t = Tessellator::new(ctx.pixels_per_point(), options, [1, 1], Vec::new());
        t.set_clip_rect(painter.clip_rect());
        Tessellation {
            tessellator: t,
            clip: painter.clip_rect(),
        }
    }

    fn mesh(&mut self, shapes: impl IntoIterator<Item = egui::Shape>) -> Arc<Mesh> {
        let mut mesh = Mesh::default();
        for s in shapes {
            self.tessellator.tessellate_shape(s, &mut mesh);
        }
        Arc::new(mesh)
    }

    /// `shapes` as meshes and texts, in painting order.
    fn pieces(&mut self, origin: Pos2, shapes: &[Shape]) -> Vec<Piece> {
        let at = |p: [f32; 2]| Pos2::new(origin.x + p[0], origin.y + p[1]);
        let mut pieces = Vec::new();
        let mut mesh = Mesh::default();
        for shape in shapes {
            if let Shape::Text(t) = shape {
                if !mesh.is_empty() {
                    pieces.push(Piece::Mesh(Arc::new(std::mem::take(&mut mesh))));
                }
                pieces.push(Piece::Text(at(t.min), t.clone()));
                continue;
            }
            for s in egui_shapes(shape, &at, self.clip) {
                self.tessellator.tessellate_shape(s, &mut mesh);
            }
        }
        if !mesh.is_empty() {
            pieces.push(Piece::Mesh(Arc::new(mesh)));
        }
        pieces
    }
}

/// A walkers plugin that paints the scene of `input` for the map's current view, through
/// `painted`, which keeps it for hit testing and for the next frame.
pub struct ScenePlugin<'a, 'b> {
    pub input: &'a SceneInput<'b>,
    pub painted: &'a mut PaintedScene,
}

impl walkers::Plugin for ScenePlugin<'_, '_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        _response: &egui::Response,
        projector: &walkers::Projector<'_>,
        _memory: &walkers::MapMemory,
    ) {
        let rect = projector.clip_rect();
        let input = self
            .input
            .at(view_of(projector), [rect.width(), rect.height()]);
        self.painted
            .paint(ui.painter(), rect.min, &input, scene::build, |_| true);
    }
}
