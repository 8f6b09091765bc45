//! The CPU time of one whole frame of the real app at 1920×1080, headless: egui's run of every
//! panel (map, timeline, details) plus tessellation into triangles, with no GPU. Four
//! situations: idle, scrubbing (the instant changes every frame), panning and zooming, and a
//! city selected (the details panel full). The same on the stress dataset when
//! `QANTAR_STRESS_DIR` names one (benches/stress/README.md says how to make it), and the hit
//! test (a click's position to its city or unit). Figures and commands: BENCHMARKS.md.

#![expect(
    clippy::expect_used,
    reason = "a benchmark on a broken fixture should stop loudly"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Pos2, Rect, vec2};
use qantar::atlas::Atlas;
use qantar::data::{OpenSpec, find_place};
use qantar::export::{self, Area, ExportRequest, Format, Size, When};
use qantar::geometry::Projection;
use qantar::i18n::Lang;
use qantar::scene::EventMode;
use qantar::ui::{Action, App, StartOptions};
use std::hint::black_box;
use std::path::PathBuf;

const SIZE: [f32; 2] = [1920.0, 1080.0];

/// The app in a headless window: egui's context, eframe's frame and a clock.
struct Window {
    ctx: egui::Context,
    app: App,
    frame: eframe::Frame,
    time: f64,
}

impl Window {
    fn new(data: OpenSpec, at: &str) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let options = StartOptions {
            at: Some(at.to_owned()),
            data,
            fresh: true,
            ..Default::default()
        };
        let app = App::new(&cc, options);
        let mut w = Window {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            time: 0.0,
        };
        // Let the map fit the country and the fonts settle.
        for _ in 0..8 {
            w.frame(Vec::new());
        }
        eprintln!("{} triangle indices a frame", w.frame(Vec::new()));
        w
    }

    /// One frame with `events` as its input: egui's run, then tessellation. Returns the
    /// number of triangles' indices, so nothing is optimised away.
    fn frame(&mut self, events: Vec<Event>) -> usize {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(SIZE[0], SIZE[1]))),
            time: Some(self.time),
            predicted_dt: 1.0 / 60.0,
            events,
            ..Default::default()
        };
        let (app, frame) = (&mut self.app, &mut self.frame);
        let output = self.ctx.run_ui(input, |ui| {
            eframe::App::logic(app, ui, frame);
            eframe::App::ui(app, ui, frame);
        });
        let primitives = self.ctx.tessellate(output.shapes, output.pixels_per_point);
        primitives
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.indices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum()
    }

    fn apply(&mut self, action: Action) {
        self.app.apply(&self.ctx, action);
    }
}

/// The dataset of `QANTAR_STRESS_DIR`, if set.
fn stress() -> Option<OpenSpec> {
    let dir = std::env::var_os("QANTAR_STRESS_DIR")?;
    Some(OpenSpec {
        data: Some(PathBuf::from(dir)),
        ..Default::default()
    })
}

/// The four situations on one dataset, under `group`.
fn frames(c: &mut Criterion, group: &str, data: OpenSpec, at: &str, city: &str) {
    let mut g = c.benchmark_group(group);
    g.sample_size(30);

    let mut w = Window::new(data.clone(), at);
    g.bench_function("idle", |b| b.iter(|| black_box(w.frame(Vec::new()))));

    let atlas = Atlas::load(&data).expect("the dataset loads");
    let (first, last) = (atlas.timeline.first(), atlas.timeline.last());
    let mut t = first;
    g.bench_function("scrubbing (an hour a frame)", |b| {
        b.iter(|| {
            t = t.plus_minutes(60);
            if t > last {
                t = first;
            }
            w.apply(Action::SetInstant(t.unix_minutes()));
            black_box(w.frame(Vec::new()))
        })
    });

    // A drag of 30 frames (pressed, moved 6 points a frame, released), then 30 frames of
    // zooming in and out by 5 % around the same point, over and over.
    let centre = Pos2::new(SIZE[0] * 0.45, SIZE[1] * 0.5);
    let mut step = 0u32;
    g.bench_function("panning and zooming", |b| {
        b.iter(|| {
            step = (step + 1) % 120;
            let phase = step % 60;
            let dx = if step < 60 { 6.0 } else { -6.0 };
            let pos = centre + vec2(dx * phase.min(30) as f32, 0.0);
            let mut events = vec![Event::PointerMoved(pos)];
            if phase == 0 || phase == 30 {
                events.push(Event::PointerButton {
                    pos,
                    button: egui::PointerButton::Primary,
                    pressed: phase == 0,
                    modifiers: Default::default(),
                });
            } else if phase > 30 {
                let zoom = if phase.is_multiple_of(2) {
                    1.05
                } else {
                    1.0 / 1.05
                };
                events.push(Event::Zoom(zoom));
            }
            black_box(w.frame(events))
        })
    });

    let place = find_place(&atlas.data, city, Lang::En)
        .unwrap_or_else(|| panic!("{city} is a place of the dataset"));
    let mut w = Window::new(data, at);
    w.apply(Action::Select(Some(place)));
    w.frame(Vec::new());
    g.bench_function("a city selected", |b| {
        b.iter(|| black_box(w.frame(Vec::new())))
    });
    g.finish();
}

/// A click's position to the city or unit under it, over a grid of positions on an exported
/// 1920×1080 scene (the window's scene answers clicks the same way).
fn hit_test(c: &mut Criterion, group: &str, data: OpenSpec, at: &str) {
    let atlas = Atlas::load(&data).expect("the dataset loads");
    let instant = atlas
        .data
        .meta
        .clock
        .parse_when(at)
        .expect("a valid instant");
    let dir = tempfile::tempdir().expect("temp dir");
    let req = ExportRequest {
        chapter: None,
        format: Format::Png,
        out: dir.path().join("map.png"),
        size: Size::new(Some(1920), Some(1080), None).expect("a valid size"),
        area: Area::Country,
        projection: Projection::Mercator,
        when: When::At(instant),
        selected: None,
        title: None,
        lang: Lang::En,
        mode: EventMode::Cumulative,
        force: true,
        frame_ms: 800,
        filter: Default::default(),
    };
    let framing = export::framing(&atlas, &req).expect("a framing");
    let scene = export::scene_for(&atlas, &req, &framing, instant, 0, 1);
    let points: Vec<[f32; 2]> = (0..400)
        .map(|i| [(i % 20) as f32 * 96.0 + 7.0, (i / 20) as f32 * 54.0 + 5.0])
        .collect();
    let mut i = 0;
    c.bench_function(&format!("{group}/hit test"), |b| {
        b.iter(|| {
            i = (i + 1) % points.len();
            black_box(scene.hit(points[i]))
        })
    });
}

fn default_data(c: &mut Criterion) {
    frames(
        c,
        "frame 1920×1080",
        OpenSpec::default(),
        "2022-01-06T12:00",
        "almaty",
    );
    hit_test(c, "default", OpenSpec::default(), "2022-01-06T12:00");
}

fn stress_data(c: &mut Criterion) {
    let Some(data) = stress() else {
        eprintln!("QANTAR_STRESS_DIR is not set: the stress benchmarks are skipped");
        return;
    };
    frames(
        c,
        "stress frame 1920×1080",
        data.clone(),
        "2030-06-01T12:00",
        "Place 1",
    );
    hit_test(c, "stress", data, "2030-06-01T12:00");
}

criterion_group!(benches, default_data, stress_data);
criterion_main!(benches);
