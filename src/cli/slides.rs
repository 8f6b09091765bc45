//! `qantar export --story --out slides/`: the guided story as slides, one PNG (or SVG with
//! `--svg`) per chapter, each the chapter's map with its title, narrative and sources burnt in.

use super::export::ExportArgs;
use crate::atlas::Atlas;
use crate::export::{self, Area, ExportRequest, Format, Progress, Size, When};
use crate::i18n::Lang;
use anyhow::{Context as _, bail};
use std::process::ExitCode;

pub fn run(
    args: &ExportArgs,
    data: &crate::data::OpenSpec,
    lang: Lang,
) -> anyhow::Result<ExitCode> {
    let atlas = &Atlas::load(data).map_err(|e| anyhow::anyhow!("{}", e.problems().join("\n")))?;
    let chapters = &atlas.data.story;
    if chapters.is_empty() {
        bail!("the dataset has no story (no \"story\" file in its dataset.json)");
    }
    let dir = &args.out;
    if dir.exists() && !dir.is_dir() {
        bail!(
            "--out {}: --story writes a folder of slides; this is a file",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir).with_context(|| format!("--out {}", dir.display()))?;
    let size = Size::new(args.width, args.height, args.scale)?.at_dpi(args.dpi)?;
    let (format, ext) = if args.svg {
        (Format::Svg, "svg")
    } else {
        (Format::Png, "png")
    };
    let started = std::time::Instant::now();
    for (i, chapter) in chapters.iter().enumerate() {
        let out = dir.join(format!("{:02}-{}.{ext}", i + 1, chapter.id));
        let req = ExportRequest {
            chapter: Some(i),
            out: out.clone(),
            format,
            size,
            area: chapter.bbox.map_or(Area::Country, Area::BBox),
            projection: args.projection,
            when: When::At(chapter.at),
            selected: chapter.select,
            title: args.title.clone(),
            lang,
            mode: args.mode(),
            force: args.force,
            frame_ms: args.frame_ms,
            filter: args.event_filter(&atlas.data)?,
        };
        export::run(atlas, &req, &Progress::default())
            .map_err(|e| anyhow::anyhow!("chapter {} ({}): {e}", i + 1, chapter.id))?;
        eprintln!("qantar: wrote {}", out.display());
    }
    eprintln!(
        "qantar: {} slides in {} ({:.2} s)",
        chapters.len(),
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
