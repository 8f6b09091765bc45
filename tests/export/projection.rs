//! Projections and what a file says about itself: the same instant in Web Mercator, Albers and
//! Lambert conformal conic; the metadata of PNG and SVG; the print resolution; a box with no
//! data in it.

use super::{atlas, request, run};
use qantar::atlas::Atlas;
use qantar::export::{self, Area, ExportError, ExportRequest};
use qantar::geometry::Projection;
use qantar::scene::{EventMode, LayerKind, Shape};
use std::path::Path;

/// What a PNG says about itself: its text chunks, its pHYs chunk and its size.
type PngInfo = (
    Vec<(String, String)>,
    Option<png::PixelDimensions>,
    (u32, u32),
);

/// The keyword/text pairs, the pHYs chunk and the size of a PNG.
fn png_info(path: &Path) -> PngInfo {
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(path).expect("open"),
    ));
    let reader = decoder.read_info().expect("a PNG");
    let info = reader.info();
    let text = info
        .utf8_text
        .iter()
        .map(|t| (t.keyword.clone(), t.get_text().unwrap_or_default()))
        .collect();
    (text, info.pixel_dims, (info.width, info.height))
}

fn get(text: &[(String, String)], key: &str) -> String {
    text.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| panic!("no {key} in {text:?}"))
}

fn projected(atlas: &Atlas, out: &Path, projection: Projection) -> ExportRequest {
    let mut req = request(atlas, out.to_owned(), "2022-01-05T18:00", [1200, 800]);
    req.projection = projection;
    req
}

#[test]
fn the_same_instant_in_three_projections_differs_and_keeps_its_size() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pixels = Vec::new();
    for projection in Projection::ALL {
        let png = dir.path().join(format!("{projection}.png"));
        run(&atlas, &projected(&atlas, &png, projection)).expect("PNG");
        let (text, _, size) = png_info(&png);
        assert_eq!(size, (1200, 800), "{projection}");
        assert!(
            get(&text, "Projection").starts_with(&format!("{projection} (")),
            "{projection}"
        );
        pixels.push(image::open(&png).expect("decode").to_rgba8().into_raw());

        let svg = dir.path().join(format!("{projection}.svg"));
        run(&atlas, &projected(&atlas, &svg, projection)).expect("SVG");
        let svg = std::fs::read_to_string(&svg).expect("read");
        let root = svg.lines().next().expect("a root");
        assert!(
            root.starts_with(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800""#
            ),
            "{root}"
        );
        assert!(
            root.contains(&format!(r#"data-projection="{projection}""#)),
            "{root}"
        );
    }
    assert_ne!(pixels[0], pixels[1], "Mercator and Albers");
    assert_ne!(pixels[0], pixels[2], "Mercator and LCC");
    assert_ne!(pixels[1], pixels[2], "Albers and LCC");
}

/// The area a unit covers on the canvas, in square points.
fn canvas_area(scene: &qantar::scene::Scene, id: &str) -> f64 {
    let polygon = scene
        .layers
        .iter()
        .filter(|l| l.kind == LayerKind::Regions)
        .flat_map(|l| &l.shapes)
        .find_map(|s| match s {
            Shape::Polygon(p) if &*p.polygon.id == id => Some(p),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{id} is drawn"));
    // Holes run the other way round, so the signed areas add up to the area.
    let signed: f64 = polygon
        .polygon
        .rings
        .iter()
        .map(|ring| {
            (0..ring.len())
                .map(|i| {
                    let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                    f64::from(a[0]) * f64::from(b[1]) - f64::from(b[0]) * f64::from(a[1])
                })
                .sum::<f64>()
                / 2.0
        })
        .sum();
    signed.abs()
}

#[test]
fn albers_draws_regions_in_proportion_to_their_true_areas() {
    use geo::ChamberlainDuquetteArea as _;
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let true_area = |id: &str| {
        let u = atlas.data.unit_by_id(id).expect("a unit");
        atlas
            .data
            .unit(u)
            .geometry
            .as_ref()
            .expect("an outline")
            .chamberlain_duquette_unsigned_area()
    };
    // North Kazakhstan (53–55°N) against Mangystau (41–46°N).
    let truth = true_area("KZ-SEV") / true_area("KZ-MAN");
    let ratio_in = |projection: Projection| {
        let mut req = request(
            &atlas,
            dir.path().join("map.png"),
            "2022-01-05T18:00",
            [1920, 1080],
        );
        req.projection = projection;
        let framing = export::framing(&atlas, &req).expect("a framing");
        let at = atlas
            .data
            .meta
            .clock
            .parse_when("2022-01-05T18:00")
            .expect("an instant");
        let scene = export::scene_for(&atlas, &req, &framing, at, 0, 1);
        canvas_area(&scene, "KZ-SEV") / canvas_area(&scene, "KZ-MAN") / truth
    };
    let albers = ratio_in(Projection::Albers);
    let mercator = ratio_in(Projection::Mercator);
    assert!((albers - 1.0).abs() < 0.01, "Albers: {albers}");
    assert!(mercator > 1.3, "Mercator enlarges the north: {mercator}");
}

#[test]
fn the_whole_country_fits_the_canvas_in_every_projection() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    for projection in Projection::ALL {
        let req = projected(&atlas, &dir.path().join("map.png"), projection);
        let framing = export::framing(&atlas, &req).expect("a framing");
        let at = atlas
            .data
            .meta
            .clock
            .parse_when("2022-01-05T18:00")
            .expect("an instant");
        let scene = export::scene_for(&atlas, &req, &framing, at, 0, 1);
        let [w, h] = scene.size;
        let regions: Vec<_> = scene
            .layers
            .iter()
            .filter(|l| l.kind == LayerKind::Regions)
            .flat_map(|l| &l.shapes)
            .filter_map(|s| match s {
                Shape::Polygon(p) => Some(p),
                _ => None,
            })
            .collect();
        let outlined = atlas.geometry.units.iter().flatten().count();
        assert_eq!(
            regions.len(),
            outlined,
            "{projection}: every outlined unit is drawn"
        );
        for p in regions {
            for &[x, y] in p.polygon.rings.iter().flat_map(|r| r.iter()) {
                assert!(
                    (0.0..=w).contains(&x) && (60.0..=h).contains(&y),
                    "{projection}: {} at {x},{y} is off the canvas or under the title",
                    p.polygon.id
                );
            }
        }
        let labels = scene
            .layers
            .iter()
            .filter(|l| l.kind == LayerKind::Labels)
            .map(|l| l.shapes.len())
            .sum::<usize>();
        assert!(labels >= 20, "{projection}: {labels} labels");
    }
}

#[test]
fn a_png_says_everything_that_shaped_it() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.png");
    let mut req = projected(&atlas, &out, Projection::Lcc);
    req.title = Some("My title".into());
    req.mode = EventMode::DayOnly;
    req.area = Area::BBox(geo::Rect::new((46.0, 40.0), (60.0, 48.0)));
    req.selected = qantar::data::find_place(&atlas.data, "KZ-MAN", req.lang);
    run(&atlas, &req).expect("export");
    let (text, phys, _) = png_info(&out);
    assert_eq!(
        get(&text, "Title"),
        "My title — Kazakhstan, January 2022 (Qandy Qantar)"
    );
    assert_eq!(get(&text, "Instant"), "2022-01-05T18:00:00+06:00");
    assert_eq!(
        get(&text, "Dataset"),
        "kz-2022-01 1.0.0 (Kazakhstan, January 2022 (Qandy Qantar))"
    );
    assert!(get(&text, "Mode").starts_with("day only"));
    assert_eq!(get(&text, "Filters"), "none");
    assert_eq!(get(&text, "BBox"), "46,40,60,48 (west,south,east,north)");
    assert_eq!(get(&text, "Selection"), "KZ-MAN (Mangystau Region)");
    assert!(
        get(&text, "Projection").starts_with("lcc (Lambert conformal conic): +proj=lcc +lat_0=44 "),
        "{}",
        get(&text, "Projection")
    );
    assert!(get(&text, "Software").starts_with("Qantar "));
    assert!(get(&text, "Source").contains("Natural Earth"));
    assert!(get(&text, "Creation Time").ends_with('Z'));
    assert!(phys.is_none(), "a screen size records no resolution");

    // The defaults say so, and the SVG carries the same words.
    let svg = dir.path().join("map.svg");
    run(
        &atlas,
        &request(&atlas, svg.clone(), "2022-01-05T18:00", [800, 600]),
    )
    .expect("SVG");
    let root = std::fs::read_to_string(&svg).expect("read");
    let root = root.lines().next().expect("a root");
    for attribute in [
        r#"data-projection="mercator""#,
        r#"data-proj4="+proj=merc "#,
        r#"data-title="Kazakhstan, January 2022 (Qandy Qantar)""#,
        r#"data-instant="2022-01-05T18:00:00+06:00""#,
        r#"data-mode="cumulative"#,
        r#"data-filters="none""#,
        r#"data-selection="none""#,
        r#"data-software="Qantar "#,
    ] {
        assert!(root.contains(attribute), "{attribute} in {root}");
    }
    assert!(
        !root.contains("data-bbox") && !root.contains("creation"),
        "{root}"
    );
}

#[test]
fn a_print_resolution_goes_into_the_phys_chunk() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("a4.png");
    let mut req = request(&atlas, out.clone(), "2022-01-06", [1754, 1240]);
    req.size = req.size.at_dpi(Some(150)).expect("a dpi");
    run(&atlas, &req).expect("export");
    let (_, phys, size) = png_info(&out);
    assert_eq!(size, (1754, 1240));
    assert_eq!(
        phys.map(|d| (d.xppu, d.yppu, d.unit)),
        Some((5906, 5906, png::Unit::Meter)),
        "150 dpi is 5905.5 pixels per metre"
    );
}

#[test]
fn a_box_without_data_is_refused_and_writes_nothing() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("empty.png");
    let mut req = request(&atlas, out.clone(), "2022-01-06", [800, 600]);
    req.area = Area::BBox(geo::Rect::new((10.0, 10.0), (20.0, 20.0)));
    let err = run(&atlas, &req).expect_err("an empty box");
    assert!(matches!(err, ExportError::EmptyBBox { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "--bbox 10,10,20,20 contains none of the dataset's regions or cities; \
         the data spans 46.4,40.5,87.4,55.5"
    );
    assert!(!out.exists());
    // A box that only touches one region's corner is enough.
    req.area = Area::BBox(geo::Rect::new((86.0, 49.0), (90.0, 52.0)));
    run(&atlas, &req).expect("a box with a bit of East Kazakhstan");
}
