//! Export speed on the embedded dataset. The figures and how to reproduce them are in
//! BENCHMARKS.md; the whole-process targets (a 1920×1080 PNG ≤ 0.1 s, a 24-frame 1080p GIF
//! ≤ 2 s) are measured there with hyperfine on the release binary.

#![expect(
    clippy::expect_used,
    reason = "a benchmark on a broken fixture should stop loudly"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use qantar::atlas::Atlas;
use qantar::export::{self, Area, ExportRequest, Format, Progress, Size, When};
use qantar::geometry::Projection;
use qantar::i18n::Lang;
use qantar::paint::{bands, png};
use qantar::scene::EventMode;
use std::hint::black_box;
use std::path::Path;

fn request(out: &Path, when: When) -> ExportRequest {
    let animated = matches!(when, When::Range { .. });
    ExportRequest {
        chapter: None,
        format: Format::for_path(out, animated).expect("a known format"),
        out: out.to_owned(),
        size: Size::new(Some(1920), Some(1080), None).expect("a valid size"),
        area: Area::Country,
        projection: Projection::Mercator,
        when,
        selected: None,
        title: None,
        lang: Lang::En,
        mode: EventMode::Cumulative,
        force: true,
        frame_ms: 800,
        filter: Default::default(),
    }
}

fn at(atlas: &Atlas, when: &str) -> qantar::clock::Instant {
    atlas
        .data
        .meta
        .clock
        .parse_when(when)
        .expect("a valid instant")
}

fn png_1080p(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.png");
    c.bench_function("load the embedded dataset", |b| {
        b.iter(|| Atlas::load(&Default::default()).expect("the embedded dataset loads"));
    });
    let atlas = Atlas::load(&Default::default()).expect("the embedded dataset loads");
    let req = request(&out, When::At(at(&atlas, "2022-01-06")));
    let framing = export::framing(&atlas, &req).expect("a framing");
    let scene = export::scene_for(&atlas, &req, &framing, at(&atlas, "2022-01-06"), 0, 1);
    c.bench_function("scene 1920x1080", |b| {
        b.iter(|| {
            export::scene_for(
                &atlas,
                &req,
                &framing,
                black_box(at(&atlas, "2022-01-06")),
                0,
                1,
            )
        });
    });
    // The naive path, for comparison: every outline projected and triangulated again (and the
    // indexes rebuilt) for each scene, as a map that kept nothing between frames would.
    c.bench_function("scene 1920x1080, naive (triangulated again)", |b| {
        b.iter(|| {
            let fresh = Atlas::new(atlas.data.clone());
            export::scene_for(
                &fresh,
                &req,
                &framing,
                black_box(at(&atlas, "2022-01-06")),
                0,
                1,
            )
        });
    });
    c.bench_function("rasterise 1920x1080", |b| {
        b.iter(|| {
            bands::render(black_box(&scene), req.size.pixels, req.size.ppp).expect("renders")
        });
    });
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    c.bench_function("rasterise 1920x1080 on every core", |b| {
        b.iter(|| {
            bands::render_on(black_box(&scene), req.size.pixels, req.size.ppp, cores)
                .expect("renders")
        });
    });
    let pixmap = bands::render(&scene, req.size.pixels, req.size.ppp).expect("renders");
    let text = export::png_text(&atlas, &req, &scene);
    c.bench_function("encode PNG 1920x1080", |b| {
        b.iter(|| {
            let mut bytes = std::io::Cursor::new(Vec::new());
            png::write(black_box(&pixmap), &text, None, &mut bytes).expect("encodes");
            bytes
        });
    });
    c.bench_function("PNG 1920x1080: load, render, write", |b| {
        b.iter(|| {
            let atlas = Atlas::load(&Default::default()).expect("the embedded dataset loads");
            let req = request(&out, When::At(at(&atlas, "2022-01-06")));
            export::run(&atlas, &req, &Progress::default()).expect("exports")
        });
    });
}

fn gif_24_frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("timeline.gif");
    let mut group = c.benchmark_group("animation");
    group.sample_size(10);
    group.bench_function("GIF 24 frames 1920x1080: load, render, write", |b| {
        b.iter(|| {
            let atlas = Atlas::load(&Default::default()).expect("the embedded dataset loads");
            let when = When::Range {
                from: at(&atlas, "2022-01-02"),
                to: at(&atlas, "2022-01-25"),
                step_minutes: 24 * 60,
            };
            let report =
                export::run(&atlas, &request(&out, when), &Progress::default()).expect("exports");
            assert_eq!(report.frames, 24);
            report
        });
    });
    group.finish();
}

criterion_group!(benches, png_1080p, gif_24_frames);
criterion_main!(benches);
