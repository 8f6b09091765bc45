//! Helpers shared by the integration tests.

#![expect(clippy::unwrap_used, reason = "test helpers panic on a broken fixture")]

use std::path::Path;

/// Copies geodata/'s dataset files (not the build scripts) into `to`.
pub fn copy_geodata(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("geodata");
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file()
            && path
                .extension()
                .is_some_and(|e| e == "json" || e == "geojson")
        {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}
