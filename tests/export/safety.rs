//! The safety promises: an existing file is never replaced without `force`, and a failed or
//! cancelled export leaves nothing behind.

use super::{atlas, request, run};
use qantar::export::{self, ExportError, Format, Progress, When};
use qantar::paint::WriteError;
use std::path::PathBuf;
use std::sync::Arc;

#[test]
fn an_existing_file_is_never_replaced_without_force() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("map.png");
    std::fs::write(&out, b"keep me").expect("write");
    let mut req = request(&atlas, out.clone(), "2022-01-06", [320, 180]);
    assert_eq!(
        run(&atlas, &req).err(),
        Some(ExportError::Exists(out.clone()))
    );
    assert_eq!(
        std::fs::read(&out).expect("read"),
        b"keep me",
        "the file is untouched"
    );
    req.force = true;
    run(&atlas, &req).expect("export with force");
    assert_ne!(std::fs::read(&out).expect("read"), b"keep me");
}

#[test]
fn a_failed_or_cancelled_export_leaves_no_file() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    // A write that fails half-way leaves neither the target nor a temporary file.
    let target = dir.path().join("half.svg");
    let result: Result<(), ExportError> = qantar::paint::write_atomically(&target, |w| {
        w.write_all(b"<svg>")
            .map_err(|e| WriteError::io(&target, &e))?;
        Err(WriteError::Io {
            path: target.clone(),
            message: "the disk is full".into(),
        }
        .into())
    });
    assert!(result.is_err());
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("list").count(),
        0,
        "nothing is left behind"
    );
    // A cancelled animation writes nothing.
    let out = dir.path().join("cancelled.gif");
    let mut req = request(&atlas, out.clone(), "2022-01-05", [320, 180]);
    req.format = Format::Gif;
    req.when = When::Range {
        from: atlas.timeline.first(),
        to: atlas.timeline.last(),
        step_minutes: 60,
    };
    let progress = Progress::default();
    progress.cancel();
    assert_eq!(
        export::run(&atlas, &req, &progress).err(),
        Some(ExportError::Cancelled)
    );
    assert!(!out.exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
    // A folder that cannot be written is a clear error.
    let req = request(
        &atlas,
        PathBuf::from("/proc/qantar-cannot-write-here.png"),
        "2022-01-05",
        [320, 180],
    );
    let err = run(&atlas, &req).expect_err("an unwritable place");
    assert!(err.to_string().contains("/proc"), "{err}");
}

#[test]
fn frames_cancelled_half_way_leave_the_folder_as_it_was() {
    let atlas = atlas();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("frames/");
    let mut req = request(&atlas, dir.path().join("x.png"), "2022-01-05", [160, 90]);
    req.out = out.clone();
    req.format = Format::PngFrames;
    req.when = When::Range {
        from: atlas.timeline.first(),
        to: atlas.timeline.last(),
        step_minutes: 60,
    };
    let progress = Arc::new(Progress::default());
    let watcher = progress.clone();
    // Cancel once a few frames are done.
    let canceller = std::thread::spawn(move || {
        while watcher.get().0 < 3 {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        watcher.cancel();
    });
    let result = export::run(&atlas, &req, &progress);
    canceller.join().expect("the canceller ends");
    assert_eq!(result.err(), Some(ExportError::Cancelled));
    assert_eq!(
        std::fs::read_dir(&out).expect("list").count(),
        0,
        "no frame and no staging folder is left"
    );
}
