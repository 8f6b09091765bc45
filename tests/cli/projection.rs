//! `qantar export --projection`, `--dpi` and a `--bbox` with no data, as a user runs them.

use std::path::Path;
use std::process::{Command, Output};

fn export(dir: &Path, args: &[&str]) -> Output {
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

#[test]
fn an_albers_map_for_print_records_its_projection_and_resolution() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = export(
        dir.path(),
        &[
            "--at",
            "2022-01-05T18:00",
            "--out",
            "a4.png",
            "--width",
            "1169",
            "--height",
            "827",
            "--dpi",
            "100",
            "--projection",
            "albers",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(dir.path().join("a4.png")).expect("open"),
    ));
    let reader = decoder.read_info().expect("a PNG");
    let info = reader.info();
    assert_eq!((info.width, info.height), (1169, 827));
    assert_eq!(
        info.pixel_dims.map(|d| (d.xppu, d.yppu, d.unit)),
        Some((3937, 3937, png::Unit::Meter))
    );
    let projection = info
        .utf8_text
        .iter()
        .find(|t| t.keyword == "Projection")
        .and_then(|t| t.get_text().ok())
        .unwrap_or_default();
    assert!(
        projection.starts_with("albers (Albers equal-area conic): +proj=aea"),
        "{projection}"
    );

    let out = export(
        dir.path(),
        &[
            "--at",
            "2022-01-06",
            "--out",
            "m.png",
            "--projection",
            "robinson",
        ],
    );
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("robinson"), "{}", stderr(&out));
    let out = export(
        dir.path(),
        &["--at", "2022-01-06", "--out", "m.png", "--dpi", "0"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("--dpi 0 must be from 10"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("m.png").exists());
}

#[test]
fn a_bbox_without_data_names_itself_and_the_data_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    for out in ["map.png", "map.svg"] {
        let run = export(
            dir.path(),
            &["--at", "2022-01-06", "--out", out, "--bbox", "10,10,20,20"],
        );
        assert_eq!(run.status.code(), Some(1));
        assert!(
            stderr(&run).contains(
                "--bbox 10,10,20,20 contains none of the dataset's regions or cities; \
                 the data spans 46.4,40.5,87.4,55.5"
            ),
            "{}",
            stderr(&run)
        );
    }
    let run = export(
        dir.path(),
        &[
            "--from",
            "2022-01-05",
            "--to",
            "2022-01-06",
            "--step",
            "1d",
            "--out",
            "frames/",
            "--bbox",
            "-20,-20,-10,-10",
        ],
    );
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
    assert!(left.is_empty(), "nothing was written: {left:?}");
}
