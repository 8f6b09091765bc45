//! Painting a scene with egui, and the walkers plugin that builds the scene from the map's live
//! projector (so panning and zooming never lag a frame behind).

use crate::scene::{self, LayerKind, Rgba, Scene, Shape, View};
use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Align2, Color32, FontFamily, FontId, Pos2, Rect, Stroke, StrokeKind, pos2, vec2};

/// The egui font family names Qantar registers (see `ui::fonts`).
pub const BOLD: &str = "qantar-bold";
pub const ITALIC: &str = "qantar-italic";

pub fn color(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), c.a())
}

fn stroke(s: &scene::Stroke) -> Stroke {
    Stroke::new(s.width, color(s.color))
}

/// The egui font for a scene text.
/// A circle's outline, dashed when the stroke says so (egui draws only solid circles).
fn circle_stroke(painter: &egui::Painter, center: Pos2, r: f32, s: &scene::Stroke) {
    match s.dash {
        None => {
            painter.circle_stroke(center, r, stroke(s));
        }
        Some([dash, gap]) => {
            let steps = 48;
            let points: Vec<Pos2> = (0..=steps)
                .map(|i| {
                    let a = i as f32 / steps as f32 * std::f32::consts::TAU;
                    center + egui::vec2(a.cos(), a.sin()) * r
                })
                .collect();
            painter.extend(egui::Shape::dashed_line(&points, stroke(s), dash, gap));
        }
    }
}

pub fn font(size: f32, bold: bool, italic: bool) -> FontId {
    let family = if bold {
        FontFamily::Name(BOLD.into())
    } else if italic {
        FontFamily::Name(ITALIC.into())
    } else {
        FontFamily::Proportional
    };
    FontId::new(size, family)
}

/// Paints every layer of `scene` whose kind `include` accepts, with the canvas origin at
/// `origin` (screen points).
pub fn paint(
    painter: &egui::Painter,
    origin: Pos2,
    scene: &Scene,
    include: impl Fn(LayerKind) -> bool,
) {
    let at = |p: [f32; 2]| pos2(origin.x + p[0], origin.y + p[1]);
    if let Some(bg) = scene.background
        && include(LayerKind::Context)
    {
        painter.rect_filled(
            Rect::from_min_max(at([0.0, 0.0]), at(scene.size)),
            0.0,
            color(bg),
        );
    }
    for (kind, shape) in scene.shapes() {
        if !include(kind) {
            continue;
        }
        match shape {
            Shape::Polygon(p) => {
                let fill = color(p.fill);
                let vertices: Vec<Vertex> = p
                    .rings
                    .iter()
                    .flatten()
                    .map(|&v| Vertex {
                        pos: at(v),
                        uv: WHITE_UV,
                        color: fill,
                    })
                    .collect();
                let n = vertices.len() as u32;
                let mut indices: Vec<u32> =
                    p.triangles.iter().copied().filter(|&i| i < n).collect();
                indices.truncate(indices.len() / 3 * 3);
                let mesh = Mesh {
                    vertices,
                    indices,
                    ..Default::default()
                };
                painter.add(egui::Shape::mesh(mesh));
            }
            Shape::Line(l) => {
                let mut points: Vec<Pos2> = l.points.iter().map(|&p| at(p)).collect();
                match l.stroke.dash {
                    Some([dash, gap]) => {
                        if l.closed
                            && let Some(&first) = points.first()
                        {
                            points.push(first);
                        }
                        painter.extend(egui::Shape::dashed_line(
                            &points,
                            stroke(&l.stroke),
                            dash,
                            gap,
                        ));
                    }
                    None if l.closed => {
                        painter.add(egui::Shape::closed_line(points, stroke(&l.stroke)));
                    }
                    None => {
                        painter.add(egui::Shape::line(points, stroke(&l.stroke)));
                    }
                }
            }
            Shape::Circle(c) => {
                let center = at(c.center);
                for (r, ring) in &c.rings {
                    circle_stroke(painter, center, *r, ring);
                }
                if let Some(fill) = c.fill {
                    painter.circle_filled(center, c.radius, color(fill));
                }
                if let Some(s) = &c.stroke {
                    circle_stroke(painter, center, c.radius, s);
                }
            }
            Shape::Text(t) => {
                let font = font(t.size, t.bold, t.italic);
                let pos = at(t.min);
                if let Some(halo) = t.halo {
                    let h = color(halo);
                    let d = (t.size / 9.0).clamp(1.0, 2.5);
                    for (dx, dy) in [
                        (-d, 0.0),
                        (d, 0.0),
                        (0.0, -d),
                        (0.0, d),
                        (-d, -d),
                        (d, d),
                        (-d, d),
                        (d, -d),
                    ] {
                        painter.text(
                            pos + vec2(dx, dy),
                            Align2::LEFT_TOP,
                            &t.text,
                            font.clone(),
                            h,
                        );
                    }
                }
                painter.text(pos, Align2::LEFT_TOP, &t.text, font, color(t.color));
            }
            Shape::Rect(r) => {
                let rect = Rect::from_min_max(at(r.min), at(r.max));
                if let Some(fill) = r.fill {
                    painter.rect_filled(rect, r.radius, color(fill));
                }
                if let Some(s) = &r.stroke {
                    painter.rect_stroke(rect, r.radius, stroke(s), StrokeKind::Inside);
                }
            }
        }
    }
}

/// The view a walkers projector shows on its clip rect.
pub fn view_of(projector: &walkers::Projector<'_>) -> View {
    let rect = projector.clip_rect();
    let center = projector.unproject(rect.center().to_vec2());
    View {
        center_lon: center.x(),
        center_lat: center.y(),
        zoom: projector.zoom(),
    }
}

/// A walkers plugin that builds the scene for the map's current view, paints it, and leaves it
/// in `out` for hit testing.
pub struct ScenePlugin<'a> {
    pub make_scene: Box<dyn FnOnce(View, [f32; 2]) -> Scene + 'a>,
    pub out: &'a mut Option<Scene>,
}

impl walkers::Plugin for ScenePlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        _response: &egui::Response,
        projector: &walkers::Projector<'_>,
        _memory: &walkers::MapMemory,
    ) {
        let rect = projector.clip_rect();
        let view = view_of(projector);
        let this = *self;
        let scene = (this.make_scene)(view, [rect.width(), rect.height()]);
        paint(ui.painter(), rect.min, &scene, |_| true);
        *this.out = Some(scene);
    }
}
