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

/// Meshes of at least this many vertices go to egui in a buffer of their own.
const BIG_MESH: usize = 4096;

/// One shape of a painted scene, in painting order.
#[derive(Clone)]
enum Piece {
    /// A shape other than text, as triangles in screen points.
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
    layers: Vec<LayerPieces>,
}

/// A layer's triangles and texts.
#[derive(Default)]
struct LayerPieces {
    /// One piece per shape, kept so that the next scene of the same view can reuse the pieces
    /// of the shapes it draws the same; empty when the layer was made for a view that was
    /// moving (a pan or a zoom changes every shape).
    shapes: Vec<Piece>,
    /// What is painted each frame: consecutive meshes of each [`CHUNK`] of shapes merged into
    /// one, so that egui handles a few meshes rather than one per shape.
    painted: Vec<Piece>,
    /// Where each chunk's pieces end in `painted`.
    ends: Vec<usize>,
}

/// Shapes are merged in chunks of this many: when a few change (a few units change colour as
/// the timeline moves), only their chunks are merged again.
const CHUNK: usize = 256;

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
            let same_view = old_scene
                .as_ref()
                .is_some_and(|o| o.view == scene.view && o.size == scene.size);
            for (i, layer) in scene.layers.iter().enumerate() {
                let old = old_layers.next().unwrap_or_default();
                let old_layer = old_scene.as_ref().and_then(|s| s.layers.get(i));
                let unchanged = old_layer.is_some_and(|l| {
                    l.shapes.len() == layer.shapes.len()
                        && (l.shapes.iter())
                            .zip(&layer.shapes)
                            .all(|(a, b)| draws_the_same(a, b))
                });
                self.layers.push(match old_layer {
                    _ if !include(layer.kind) => LayerPieces::default(),
                    Some(_) if unchanged => old,
                    Some(l) if same_view => {
                        let kept = !old.shapes.is_empty();
                        let reuse = kept.then_some((&*l.shapes, &*old.shapes));
                        let shapes = t.pieces(origin, &layer.shapes, reuse);
                        let (painted, ends) = merged(&shapes, kept.then_some(&old));
                        LayerPieces {
                            painted,
                            ends,
                            shapes,
                        }
                    }
                    _ => LayerPieces {
                        shapes: Vec::new(),
                        painted: t.runs(origin, &layer.shapes),
                        ends: Vec::new(),
                    },
                });
            }
            self.scene = Some(scene);
            self.key = Some(key);
        }
        if let Some(bg) = &self.background {
            painter.add(egui::Shape::Mesh(Arc::clone(bg)));
        }
        let clip = painter.clip_rect();
        for (k, piece) in self.layers.iter().flat_map(|l| &l.painted).enumerate() {
            match piece {
                Piece::Mesh(mesh) if mesh.is_empty() => {}
                Piece::Mesh(mesh) if mesh.vertices.len() >= BIG_MESH => {
                    // A clip rectangle of its own (a thousandth of a point smaller, the same
                    // pixels) makes egui put this mesh in a buffer of its own, copied once,
                    // rather than growing one buffer for every layer, which copies again at
                    // each growth.
                    let own = clip.shrink((k + 1) as f32 * 1e-3);
                    painter
                        .with_clip_rect(own)
                        .add(egui::Shape::Mesh(Arc::clone(mesh)));
                }
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
    /// A pixel's size in points.
    pixel: f32,
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
            pixel: 1.0 / ctx.pixels_per_point(),
        }
    }

    fn mesh(&mut self, shapes: impl IntoIterator<Item = egui::Shape>) -> Arc<Mesh> {
        let mut mesh = Mesh::default();
        for s in shapes {
            self.tessellator.tessellate_shape(s, &mut mesh);
        }
        Arc::new(mesh)
    }

    /// `shapes` as meshes and texts, in painting order, consecutive meshes as one.
    fn runs(&mut self, origin: Pos2, shapes: &[Shape]) -> Vec<Piece> {
        let at = |p: [f32; 2]| Pos2::new(origin.x + p[0], origin.y + p[1]);
        let mut pieces = Vec::new();
        let mut mesh = Mesh::default();
        for (i, shape) in shapes.iter().enumerate() {
            // Chunk by chunk, as `merged` does.
            if i % CHUNK == 0 && !mesh.is_empty() {
                pieces.push(Piece::Mesh(Arc::new(std::mem::take(&mut mesh))));
            }
            if let Shape::Text(t) = shape {
                if !mesh.is_empty() {
                    pieces.push(Piece::Mesh(Arc::new(std::mem::take(&mut mesh))));
                }
                pieces.push(Piece::Text(at(t.min), t.clone()));
                continue;
            }
            for s in egui_shapes(shape, &at, self.clip, self.pixel) {
                self.tessellator.tessellate_shape(s, &mut mesh);
            }
        }
        if !mesh.is_empty() {
            pieces.push(Piece::Mesh(Arc::new(mesh)));
        }
        pieces
    }

    /// `shapes` as meshes and texts, one piece each, in painting order. A shape that draws
    /// the same as the one at its place in `old` (with its pieces) keeps its piece: while the
    /// timeline moves, most units keep their fill and every unit its outline.
    fn pieces(
        &mut self,
        origin: Pos2,
        shapes: &[Shape],
        old: Option<(&[Shape], &[Piece])>,
    ) -> Vec<Piece> {
        let at = |p: [f32; 2]| Pos2::new(origin.x + p[0], origin.y + p[1]);
        let mut pieces = Vec::with_capacity(shapes.len());
        for (i, shape) in shapes.iter().enumerate() {
            let kept = old.and_then(|(shapes, pieces)| {
                let piece = pieces.get(i)?;
                draws_the_same(shapes.get(i)?, shape).then(|| piece.clone())
            });
            pieces.push(match (kept, shape) {
                (Some(piece), _) => piece,
                (None, Shape::Text(t)) => Piece::Text(at(t.min), t.clone()),
                (None, _) => {
                    let mut mesh = Mesh::default();
                    for s in egui_shapes(shape, &at, self.clip, self.pixel) {
                        self.tessellator.tessellate_shape(s, &mut mesh);
                    }
                    Piece::Mesh(Arc::new(mesh))
                }
            });
        }
        pieces
    }
}

/// `pieces` with consecutive meshes merged.
fn merged(pieces: &[Piece], old: Option<&LayerPieces>) -> (Vec<Piece>, Vec<usize>) {
    let mut out = Vec::new();
    let mut ends = Vec::new();
    for (c, chunk) in pieces.chunks(CHUNK).enumerate() {
        // A chunk whose pieces are all the last layer's, at the same places, merges as it did.
        let kept = old.and_then(|o| {
            let before = o.shapes.get(c * CHUNK..c * CHUNK + chunk.len())?;
            let same = before.iter().zip(chunk).all(|pair| match pair {
                (Piece::Mesh(a), Piece::Mesh(b)) => Arc::ptr_eq(a, b),
                _ => false,
            });
            let start = if c == 0 { 0 } else { *o.ends.get(c - 1)? };
            same.then(|| o.painted.get(start..*o.ends.get(c)?))
                .flatten()
        });
        match kept {
            Some(painted) => out.extend(painted.iter().cloned()),
            None => {
                let mut mesh = Mesh::default();
                for piece in chunk {
                    match piece {
                        Piece::Mesh(m) => mesh.append_ref(m),
                        Piece::Text(..) => {
                            if !mesh.is_empty() {
                                out.push(Piece::Mesh(Arc::new(std::mem::take(&mut mesh))));
                            }
                            out.push(piece.clone());
                        }
                    }
                }
                if !mesh.is_empty() {
                    out.push(Piece::Mesh(Arc::new(mesh)));
                }
            }
        }
        ends.push(out.len());
    }
    (out, ends)
}

/// True when two shapes draw the same: outlines shared with the last scene (the same rings,
/// not only equal ones, which a pointer comparison tells at once) in the same colours.
fn draws_the_same(a: &Shape, b: &Shape) -> bool {
    let same = |a: &[scene::Ring], b: &[scene::Ring]| {
        a.len() == b.len() && a.iter().zip(b).all(|(a, b)| Arc::ptr_eq(a, b))
    };
    match (a, b) {
        (Shape::Polygon(a), Shape::Polygon(b)) => {
            let (p, q) = (&a.polygon, &b.polygon);
            a.fill == b.fill
                && (Arc::ptr_eq(p, q)
                    || Arc::ptr_eq(&p.triangles, &q.triangles) && same(&p.rings, &q.rings))
        }
        (Shape::Lines(a), Shape::Lines(b)) => {
            Arc::ptr_eq(&a.lines, &b.lines)
                && Arc::ptr_eq(&a.closed, &b.closed)
                && a.stroke == b.stroke
                && a.shown == b.shown
        }
        (Shape::Line(a), Shape::Line(b)) => {
            a.stroke == b.stroke
                && a.closed == b.closed
                && same(
                    std::slice::from_ref(&a.points),
                    std::slice::from_ref(&b.points),
                )
        }
        _ => a == b,
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

#[cfg(test)]
mod tests;
