//! The real window under a real display server: `.ci/run` starts Xvfb and runs these with
//! `cargo test --release --test window_smoke -- --ignored`. They open the release binary with
//! `--screenshot-to` and look at the PNG it writes.

#![expect(clippy::expect_used, reason = "test helpers panic on a broken fixture")]

use image::{Rgba, RgbaImage};
use qantar::scene::Style;
use std::path::Path;
use std::process::Command;

const SIZE: [u32; 2] = [1280, 720];

fn screenshot(at: &str, dir: &Path) -> RgbaImage {
    let out = dir.join(format!("{at}.png"));
    let status = Command::new(env!("CARGO_BIN_EXE_qantar"))
        .args([
            "--at",
            at,
            "--window-size",
            &format!("{}x{}", SIZE[0], SIZE[1]),
        ])
        .arg("--screenshot-to")
        .arg(&out)
        .status()
        .expect("the binary runs");
    assert!(status.success(), "qantar --screenshot-to failed for {at}");
    image::open(&out).expect("a PNG was written").to_rgba8()
}

fn near(p: &Rgba<u8>, c: qantar::scene::Rgba, tolerance: i32) -> bool {
    (0..3).all(|i| (i32::from(p[i]) - i32::from(c.0[i])).abs() <= tolerance)
}

/// The map's box: where the canvas background and the neighbouring land are, which appear
/// nowhere else in the window.
fn map_box(img: &RgbaImage, style: &Style) -> [u32; 4] {
    let mut b = [u32::MAX, u32::MAX, 0, 0];
    for (x, y, p) in img.enumerate_pixels() {
        if near(p, style.background, 1) || near(p, style.land, 1) {
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
    }
    assert!(b[0] < b[2] && b[1] < b[3], "no map found in the screenshot");
    b
}

/// The share of the map's pixels in the state-of-emergency colour.
fn emergency_share(img: &RgbaImage) -> f64 {
    let style = Style::classroom();
    let [x0, y0, x1, y1] = map_box(img, &style);
    let (mut hits, mut total) = (0u64, 0u64);
    for y in y0..=y1 {
        for x in x0..=x1 {
            total += 1;
            if near(img.get_pixel(x, y), style.status_fill, 6) {
                hits += 1;
            }
        }
    }
    hits as f64 / total as f64
}

#[test]
#[ignore = "needs a display: run by .ci/run under Xvfb"]
fn the_window_shows_the_emergency_on_6_january_and_none_on_4_january() {
    let dir = tempfile::tempdir().unwrap();
    let before = screenshot("2022-01-04T12:00", dir.path());
    let during = screenshot("2022-01-06T12:00", dir.path());
    for img in [&before, &during] {
        assert_eq!(
            img.dimensions(),
            (SIZE[0], SIZE[1]),
            "the PNG has the requested size"
        );
    }
    let share_before = emergency_share(&before);
    let share_during = emergency_share(&during);
    eprintln!(
        "emergency colour: {:.2}% of the map on 4 January, {:.2}% on 6 January",
        share_before * 100.0,
        share_during * 100.0
    );
    // On 4 January only the legend's swatch has the colour.
    assert!(
        share_before < 0.002,
        "4 January shows emergency colour on {:.2}% of the map",
        share_before * 100.0
    );
    assert!(
        share_during > 0.25,
        "6 January shows emergency colour on only {:.2}% of the map",
        share_during * 100.0
    );
}

#[test]
#[ignore = "needs a display: run by .ci/run under Xvfb"]
fn a_screenshot_of_a_dataset_that_fails_to_load_exits_1_with_the_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("dataset.json"), "{\"id\": ").expect("written");
    let out = dir.path().join("shot.png");
    let mut child = Command::new(env!("CARGO_BIN_EXE_qantar"))
        .arg("--data")
        .arg(dir.path())
        .arg("--screenshot-to")
        .arg(&out)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = std::time::Instant::now();
    while child.try_wait().expect("waited").is_none() {
        if start.elapsed() > std::time::Duration::from_secs(60) {
            child.kill().expect("killed");
            panic!("--screenshot-to did not exit within 60 s of a failed load");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("its output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("dataset.json"), "{stderr}");
    assert!(!out.exists(), "no screenshot was written");
}
