//! `qantar export` as a researcher scripts it: what it writes, its exit codes, and its refusals.

#![expect(clippy::expect_used, reason = "test helpers panic on a broken fixture")]

use std::path::Path;
use std::process::{Command, Output};

fn qantar(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qantar"))
        .current_dir(dir)
        .arg("export")
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The files in `dir`, sorted, hidden ones included.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn png_size(path: &Path) -> (u32, u32) {
    image::image_dimensions(path).expect("a PNG")
}

#[test]
fn a_png_is_written_at_the_requested_size_and_scale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = qantar(
        dir.path(),
        &[
            "--at",
            "2022-01-06",
            "--out",
            "map.png",
            "--width",
            "400",
            "--height",
            "300",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(png_size(&dir.path().join("map.png")), (400, 300));
    let out = qantar(
        dir.path(),
        &[
            "--at",
            "2022-01-06",
            "--out",
            "print.png",
            "--width",
            "320",
            "--height",
            "180",
            "--scale",
            "2",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(png_size(&dir.path().join("print.png")), (640, 360));
    assert_eq!(
        listing(dir.path()),
        ["map.png", "print.png"],
        "no temporary file is left"
    );
}

#[test]
fn the_default_size_is_1920_by_1080() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = qantar(
        dir.path(),
        &["--at", "2022-01-05T13:00", "--out", "map.svg"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let svg = std::fs::read_to_string(dir.path().join("map.svg")).expect("read");
    assert!(
        svg.contains(r#"width="1920" height="1080""#),
        "{}",
        &svg[..300.min(svg.len())]
    );
    assert!(svg.contains("Wednesday, 5 January 2022, 13:00"));
}

#[test]
fn an_existing_file_is_refused_without_force_and_left_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("map.svg");
    std::fs::write(&target, "my notes").expect("write");
    let out = qantar(dir.path(), &["--at", "2022-01-06", "--out", "map.svg"]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("map.svg already exists") && message.contains("--force"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "my notes");
    let out = qantar(
        dir.path(),
        &["--at", "2022-01-06", "--out", "map.svg", "--force"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        std::fs::read_to_string(&target)
            .expect("read")
            .starts_with("<svg")
    );
}

#[test]
fn bad_sizes_boxes_and_places_are_clear_errors_that_write_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (args, expected) in [
        (
            &["--width", "0", "--height", "100"][..],
            "--width 0 must be at least 1 pixel",
        ),
        (
            &["--width", "-5", "--height", "100"][..],
            "--width -5 must be at least 1 pixel",
        ),
        (
            &["--width", "9000", "--height", "100"][..],
            "--width 9000 is over the limit of 8192",
        ),
        (&["--width", "100"][..], "give both --width and --height"),
        (&["--scale", "0"][..], "--scale 0 must be above 0"),
        (&["--bbox", "1,2,3"][..], "--bbox 1,2,3: use four numbers"),
        (
            &["--bbox", "60,50,50,55"][..],
            "the west edge must be left of the east edge",
        ),
        (
            &["--select", "Atlantis"][..],
            "--select Atlantis: no place has this name",
        ),
    ] {
        let mut all = vec!["--at", "2022-01-06", "--out", "map.png"];
        all.extend_from_slice(args);
        let out = qantar(dir.path(), &all);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains(expected),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(listing(dir.path()).is_empty(), "nothing was written");
}

#[test]
fn unwritable_places_and_wrong_names_are_clear_errors() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = qantar(
        dir.path(),
        &["--at", "2022-01-06", "--out", "no/such/folder/map.png"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no/such/folder: there is no such folder"),
        "{}",
        stderr(&out)
    );
    let out = qantar(dir.path(), &["--at", "2022-01-06", "--out", "map.jpg"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("must end in .png or .svg"),
        "{}",
        stderr(&out)
    );
    let out = qantar(dir.path(), &["--at", "2021-12-31", "--out", "map.png"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("outside the dataset's window"),
        "{}",
        stderr(&out)
    );
    assert!(listing(dir.path()).is_empty(), "nothing was written");
}

#[test]
fn an_animation_goes_to_a_gif_or_to_numbered_frames() {
    let dir = tempfile::tempdir().expect("temp dir");
    let size = ["--width", "240", "--height", "135"];
    let mut args = vec![
        "--from",
        "2022-01-04",
        "--to",
        "2022-01-06",
        "--step",
        "1d",
        "--out",
        "frames/",
    ];
    args.extend_from_slice(&size);
    let out = qantar(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        listing(&dir.path().join("frames")),
        ["frame-0001.png", "frame-0002.png", "frame-0003.png"]
    );
    // The same frames again are refused without --force.
    let out = qantar(dir.path(), &args);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("frame-0001.png already exists"),
        "{}",
        stderr(&out)
    );

    let mut args = vec![
        "--from",
        "2022-01-05T00:00",
        "--to",
        "2022-01-05T12:00",
        "--step",
        "6h",
        "--out",
        "day.gif",
    ];
    args.extend_from_slice(&size);
    let out = qantar(dir.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let decoder = gif::DecodeOptions::new()
        .read_info(std::fs::File::open(dir.path().join("day.gif")).expect("open"))
        .expect("a GIF");
    assert_eq!((decoder.width(), decoder.height()), (240, 135));

    let out = qantar(
        dir.path(),
        &[
            "--from",
            "2022-01-02",
            "--to",
            "2022-01-04",
            "--step",
            "1d",
            "--out",
            "x.png",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("an animation is written to a .gif file or to a folder"),
        "{}",
        stderr(&out)
    );
}

#[cfg(unix)]
#[test]
fn an_interrupted_export_leaves_nothing_behind() {
    let dir = tempfile::tempdir().expect("temp dir");
    use nix::sys::signal::Signal;
    for (signal, out) in [(Signal::SIGINT, "long.gif"), (Signal::SIGTERM, "frames/")] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_qantar"))
            .current_dir(dir.path())
            .args([
                "export",
                "--from",
                "2022-01-01",
                "--to",
                "2022-01-25",
                "--step",
                "1h",
            ])
            .args(["--width", "640", "--height", "360", "--out", out])
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the binary runs");
        // Wait until it is writing: a temporary file here, or a staging folder in frames/.
        let writing = || {
            let here = listing(dir.path());
            let frames = dir.path().join("frames");
            here.iter().any(|n| n.starts_with(".qantar-"))
                || (frames.is_dir() && listing(&frames).iter().any(|n| n.starts_with(".qantar-")))
        };
        for _ in 0..1500 {
            if writing() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(writing(), "the export started writing");
        let pid = nix::unistd::Pid::from_raw(i32::try_from(child.id()).expect("a pid"));
        nix::sys::signal::kill(pid, signal).expect("the signal is sent");
        let status = child.wait().expect("the export ends");
        assert_eq!(status.code(), Some(130), "{signal:?}");
        let left: Vec<String> = listing(dir.path())
            .into_iter()
            .filter(|n| n != "frames")
            .collect();
        assert!(left.is_empty(), "{signal:?}: {left:?}");
        if dir.path().join("frames").is_dir() {
            assert!(listing(&dir.path().join("frames")).is_empty(), "{signal:?}");
        }
    }
}

#[test]
fn numbers_too_large_for_a_step_or_a_frame_time_are_clear_errors_not_overflows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let range = ["--from", "2022-01-04", "--to", "2022-01-06"];
    let cases: [(&[&str], &str); 5] = [
        (
            &["--step", "1d", "--frame-ms", "2000000000"],
            "--frame-ms 2000000000: a frame shows for 10 ms to 60000 ms",
        ),
        // Once 20 ms for the first and last frames (the first held three times, wrapping).
        (
            &["--step", "1d", "--frame-ms", "1431655766"],
            "--frame-ms 1431655766: a frame shows for 10 ms to 60000 ms",
        ),
        // Once a silent 704-minute step.
        (
            &["--step", "12810238940076078d"],
            "--step 12810238940076078d is longer than any animation can be",
        ),
        (
            &["--step", "1d", "--frame-ms", "0"],
            "--frame-ms 0: a frame shows for 10 ms to 60000 ms",
        ),
        (
            &["--step", "99999999999999999d"],
            "--step 99999999999999999d is longer than any animation can be",
        ),
    ];
    for (extra, message) in cases {
        let mut args: Vec<&str> = range.to_vec();
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--out", "t.gif"]);
        let out = qantar(dir.path(), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains(message), "{}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    }
    assert!(listing(dir.path()).is_empty(), "nothing was written");
}

#[test]
fn the_first_and_the_last_frame_are_each_checked_against_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = qantar(
        dir.path(),
        &[
            "--from",
            "2022-01-20",
            "--to",
            "2022-02-03",
            "--step",
            "1d",
            "--out",
            "t.gif",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("--to 2022-02-03 is outside the dataset's window (2022-01-01 to 2022-01-25)"),
        "{}",
        stderr(&out)
    );
}
