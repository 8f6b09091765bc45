//! Maps: SVG structure and determinism, PNG size, pixels and metadata, golden images, and the
//! frames of animations.

use super::{atlas, request, run};
use qantar::atlas::Atlas;
use qantar::data::Standing;
use qantar::export::{self, Area, ExportError, Format, Size, When};
use qantar::geometry::{Projector, mercator};
use qantar::scene::Style;
use std::path::Path;

/// `data-status` of each unit path in an SVG document, by id.
fn svg_statuses(svg: &str) -> Vec<(String, String)> {
    svg.lines()
        .filter(|l| l.contains(r#"class="unit""#))
        .map(|l| {
            let attr = |name: &str| {
                let start = l.find(&format!(r#"{name}=""#)).expect("attribute") + name.len() + 2;
                l[start..start + l[start..].find('"').expect("closing quote")].to_owned()
            };
            (attr("id"), attr("data-status"))
        })
        .collect()
}

#[test]
fn svg_statuses_follow_the_time_model_at_every_boundary_minute() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let data = &atlas.data;
    let mut boundaries: Vec<_> = data
        .periods
        .iter()
        .flat_map(|p| p.bounds().flat_map(|b| [b.earliest, b.latest]))
        .collect();
    boundaries.sort();
    boundaries.dedup();
    for (i, b) in boundaries.iter().enumerate() {
        for t in [b.plus_minutes(-1), *b] {
            let when = data.meta.clock.iso(t)[..16].to_owned();
            let out = dir.path().join(format!("b{i}-{}.svg", t.unix_minutes()));
            run(&atlas, &request(&atlas, out.clone(), &when, [960, 540])).expect("export");
            let svg = std::fs::read_to_string(&out).expect("read back");
            let statuses = svg_statuses(&svg);
            assert_eq!(statuses.len(), 16, "every outlined unit is one element");
            for (id, status) in statuses {
                let unit = data.unit_by_id(&id).expect("a known unit");
                let expected = match atlas.timeline.standing_at(data, unit, t) {
                    Some((_, Standing::Uncertain)) => "uncertain".to_owned(),
                    Some((p, Standing::In)) => data.meta.status(data.period(p).status).key.clone(),
                    _ => "none".to_owned(),
                };
                assert_eq!(status, expected, "{id} at {when}");
            }
        }
    }
}

#[test]
fn svg_is_a_vector_document_with_its_date_and_deterministic() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let a = dir.path().join("a.svg");
    let b = dir.path().join("b.svg");
    run(
        &atlas,
        &request(&atlas, a.clone(), "2022-01-05T13:00", [1920, 1080]),
    )
    .expect("export a");
    run(
        &atlas,
        &request(&atlas, b.clone(), "2022-01-05T13:00", [1920, 1080]),
    )
    .expect("export b");
    let svg = std::fs::read(&a).expect("read a");
    assert_eq!(
        svg,
        std::fs::read(&b).expect("read b"),
        "the same inputs give the same bytes"
    );
    let svg = String::from_utf8(svg).expect("UTF-8");
    assert!(svg.contains(">Wednesday, 5 January 2022, 13:00 (Nur-Sultan time, UTC+6)</text>"));
    assert!(svg.contains(r#"<path id="KZ-MAN" class="unit" data-status="emergency""#));
    assert!(svg.contains(r#"<path id="KZ-AST" class="unit" data-status="none""#));
    assert!(svg.contains(r#"<g id="city-zhanaozen">"#));
    assert!(
        svg.contains(">Legend</text>") && svg.contains(">Data: Natural Earth"),
        "legend and attribution are text"
    );
    assert!(!svg.contains("<image"), "no raster inside");
}

/// The pixel of a lon/lat point in an export of the whole country.
fn pixel_of(atlas: &Atlas, size: [u32; 2], lon: f64, lat: f64) -> (u32, u32) {
    let req_size =
        Size::new(Some(i64::from(size[0])), Some(i64::from(size[1])), None).expect("size");
    let view = export::view_for(
        atlas,
        Area::Country,
        &Projector::mercator(),
        req_size.points(),
    );
    let p = view.transform(req_size.points()).apply(mercator(lon, lat));
    ((p[0] * req_size.ppp) as u32, (p[1] * req_size.ppp) as u32)
}

fn read_png(path: &Path) -> (image::RgbaImage, Vec<(String, String)>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("open"),
    ));
    let reader = decoder.read_info().expect("a PNG");
    let text = reader
        .info()
        .utf8_text
        .iter()
        .map(|t| (t.keyword.clone(), t.get_text().unwrap_or_default()))
        .collect();
    (image::open(path).expect("decode").to_rgba8(), text)
}

#[test]
fn png_has_the_size_the_colours_and_the_citation() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let style = Style::classroom();
    // An interior point of Mangystau, on the Ustyurt plateau, away from cities and labels.
    let (lon, lat) = (55.2, 42.6);
    let man = atlas
        .data
        .unit(atlas.data.unit_by_id("KZ-MAN").expect("KZ-MAN"));
    assert!(geo::Intersects::intersects(
        man.geometry.as_ref().expect("outline"),
        &geo::Point::new(lon, lat)
    ));
    for (when, colour) in [
        ("2022-01-06T12:00", style.status_fill),
        ("2022-01-04T12:00", style.unit_fill),
    ] {
        let out = dir.path().join(format!("{when}.png"));
        run(&atlas, &request(&atlas, out.clone(), when, [1600, 900])).expect("export");
        let (img, text) = read_png(&out);
        assert_eq!(img.dimensions(), (1600, 900));
        let (x, y) = pixel_of(&atlas, [1600, 900], lon, lat);
        let p = img.get_pixel(x, y);
        assert_eq!(
            [p[0], p[1], p[2]],
            [colour.r(), colour.g(), colour.b()],
            "Mangystau on {when}"
        );
        let get = |k: &str| {
            text.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        assert_eq!(get("Instant"), format!("{when}:00+06:00"));
        assert!(get("Dataset").starts_with("kz-2022-01 1.0.0"));
        assert!(get("Software").starts_with("Qantar "));
        assert!(get("Source").contains("Natural Earth"));
    }
}

#[test]
fn a_scale_draws_the_same_map_sharper() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut req = request(
        &atlas,
        dir.path().join("x2.png"),
        "2022-01-06T12:00",
        [1920, 1080],
    );
    req.size = Size::new(None, None, Some(2.0)).expect("size");
    run(&atlas, &req).expect("export");
    let (img, _) = read_png(&req.out);
    assert_eq!(img.dimensions(), (3840, 2160));
}

/// Compares a fresh render with the image in tests/golden; `UPDATE_SNAPSHOTS=1` rewrites it.
fn golden(name: &str, when: &str, size: [u32; 2]) {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join(name);
    run(&atlas, &request(&atlas, out.clone(), when, size)).expect("export");
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(golden.parent().expect("parent")).expect("mkdir");
        std::fs::copy(&out, &golden).expect("update the golden image");
        return;
    }
    let (new, _) = read_png(&out);
    let (old, _) = read_png(&golden);
    assert_eq!(new.dimensions(), old.dimensions());
    let differing = new
        .pixels()
        .zip(old.pixels())
        .filter(|(a, b)| (0..3).any(|i| (i32::from(a[i]) - i32::from(b[i])).abs() > 24))
        .count();
    let share = differing as f64 / f64::from(new.width() * new.height());
    if share > 0.002 {
        let diff = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name.replace(".png", ".new.png"));
        let _ = std::fs::copy(&out, &diff);
        panic!(
            "{name}: {:.3}% of the pixels differ from the golden image; the new render is {}",
            share * 100.0,
            diff.display()
        );
    }
}

#[test]
fn the_export_of_6_january_matches_its_golden_image() {
    golden("6-january-960x540.png", "2022-01-06T12:00", [960, 540]);
}

#[test]
fn the_export_of_5_january_evening_matches_its_golden_image() {
    golden("5-january-18h-960x540.png", "2022-01-05T18:00", [960, 540]);
}

fn gif_frames(path: &Path) -> usize {
    let mut options = gif::DecodeOptions::new();
    options.set_color_output(gif::ColorOutput::Indexed);
    let mut decoder = options
        .read_info(std::fs::File::open(path).expect("open"))
        .expect("a GIF");
    let mut n = 0;
    while decoder.read_next_frame().expect("a frame").is_some() {
        n += 1;
    }
    n
}

#[test]
fn a_gif_has_one_frame_per_step_with_both_ends() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = atlas.data.meta.clock;
    for (from, to, step, frames) in [
        ("2022-01-02", "2022-01-19", "1d", 18),
        ("2022-01-05T00:00", "2022-01-05T13:00", "6h", 4),
        ("2022-01-05T12:00", "2022-01-05T12:00", "1h", 1),
    ] {
        let out = dir.path().join(format!("{from}-{step}.gif"));
        let mut req = request(&atlas, out.clone(), "2022-01-05", [320, 180]);
        req.format = Format::Gif;
        req.when = When::Range {
            from: clock.parse_when(from).expect("from"),
            to: clock.parse_when(to).expect("to"),
            step_minutes: export::parse_step(step).expect("step"),
        };
        let report = run(&atlas, &req).expect("export");
        assert_eq!(report.frames, frames);
        assert_eq!(gif_frames(&out), frames, "{from} to {to} every {step}");
    }
}

#[test]
fn a_folder_receives_numbered_png_frames() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = atlas.data.meta.clock;
    let out = dir.path().join("frames/");
    let mut req = request(&atlas, dir.path().join("x.png"), "2022-01-05", [320, 180]);
    req.out = out.clone();
    req.format = Format::for_path(&out, true).expect("frames");
    req.when = When::Range {
        from: clock.parse_when("2022-01-04").expect("from"),
        to: clock.parse_when("2022-01-06").expect("to"),
        step_minutes: 24 * 60,
    };
    run(&atlas, &req).expect("export");
    for n in 1..=3 {
        assert!(out.join(format!("frame-{n:04}.png")).is_file(), "frame {n}");
    }
    assert_eq!(
        run(&atlas, &req).err(),
        Some(ExportError::Exists(out.join("frame-0001.png")))
    );
}
