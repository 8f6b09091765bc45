//! Exports on the real data: maps (SVG structure and determinism, PNG size, pixels and
//! metadata, golden images, GIF frame counts) and the safety promises (no silent overwrite,
//! atomic writes, cancelling leaves nothing), projections and the metadata of files.

#![expect(clippy::expect_used, reason = "test helpers panic on a broken fixture")]

mod maps;
mod projection;
mod safety;

use qantar::atlas::Atlas;
use qantar::export::{self, Area, ExportError, ExportRequest, Format, Progress, Size, When};
use qantar::geometry::Projection;
use qantar::i18n::Lang;
use qantar::scene::EventMode;
use std::path::PathBuf;
use std::sync::Arc;

pub fn atlas() -> Arc<Atlas> {
    Atlas::load(&Default::default()).expect("the embedded dataset loads")
}

pub fn request(atlas: &Atlas, out: PathBuf, when: &str, size: [u32; 2]) -> ExportRequest {
    let at = atlas
        .data
        .meta
        .clock
        .parse_when(when)
        .expect("a valid instant");
    ExportRequest {
        chapter: None,
        format: Format::for_path(&out, out.extension().is_some_and(|e| e == "gif"))
            .expect("a known format"),
        out,
        size: Size::new(Some(i64::from(size[0])), Some(i64::from(size[1])), None)
            .expect("a valid size"),
        area: Area::Country,
        projection: Projection::Mercator,
        when: When::At(at),
        selected: None,
        title: None,
        lang: Lang::En,
        mode: EventMode::Cumulative,
        force: false,
        frame_ms: 800,
        filter: Default::default(),
    }
}

pub fn run(atlas: &Atlas, req: &ExportRequest) -> Result<export::Report, ExportError> {
    export::run(atlas, req, &Progress::default())
}
