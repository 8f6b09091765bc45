//! `qantar init DIR --regions FILE [--events FILE]`: makes a dataset folder from a user's files,
//! with a manifest that records what Qantar guessed, ready to edit.

use crate::data::{Dataset, OpenSpec, RegionOptions, read_regions};
use anyhow::{Context as _, bail};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Makes the dataset folder `dir` from the files of `spec`, then loads it to show it works.
pub fn run(dir: &Path, spec: &OpenSpec) -> anyhow::Result<ExitCode> {
    let Some(regions) = &spec.regions else {
        bail!(
            "qantar init needs a region file: qantar init {} --regions FILE.geojson \
             [--events FILE.csv]",
            dir.display()
        );
    };
    let manifest = dir.join("dataset.json");
    if manifest.exists() {
        bail!(
            "{} already exists: init does not overwrite a dataset; edit it, or choose another \
             folder",
            manifest.display()
        );
    }
    let text =
        crate::data::read_text(regions).map_err(|e| anyhow::anyhow!(e.problems().join("\n")))?;
    let options = RegionOptions {
        id_property: spec.region_id.clone(),
        name_property: spec.region_name.clone(),
    };
    let read =
        read_regions(&text, &options).map_err(|e| anyhow::anyhow!("{}: {e}", regions.display()))?;
    std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot be made", dir.display()))?;
    let regions_name = copy_into(dir, regions)?;
    let events_name = spec
        .events
        .as_deref()
        .map(|e| copy_into(dir, e))
        .transpose()?;
    let name = dir.file_name().map_or_else(
        || "My dataset".to_owned(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut files = serde_json::json!({
        "regions": {
            "file": regions_name,
            "id_property": read.id_property,
            "name_property": read.name_property,
        }
    });
    if let Some(events) = &events_name {
        files["events"] = serde_json::json!(events);
    }
    let value = serde_json::json!({
        "id": slug(&name),
        "version": "0.1.0",
        "name": {"en": name},
        "description": {"en": format!("Made by qantar init from {}; describe the dataset here.",
            [Some(regions_name.clone()), events_name.clone()].into_iter().flatten().collect::<Vec<_>>().join(" and "))},
        "time_zone": time_zone(spec.tz.as_deref()),
        "statuses": {},
        "files": files,
        "attribution": "",
    });
    let body = serde_json::to_string_pretty(&value)? + "\n";
    std::fs::write(&manifest, body)
        .with_context(|| format!("{}: cannot be written", manifest.display()))?;
    println!(
        "wrote {}: {} regions, ids from {}, names from {}{}",
        manifest.display(),
        read.regions.len(),
        read.id_property.as_deref().unwrap_or("their position"),
        read.name_property.as_deref().unwrap_or("their ids"),
        if read.guessed {
            " (guessed: check them)"
        } else {
            ""
        }
    );
    let data = Dataset::open(&OpenSpec {
        data: Some(dir.to_owned()),
        ..OpenSpec::default()
    })
    .map_err(|e| {
        anyhow::anyhow!(
            "the new dataset does not load:\n{}",
            e.problems().join("\n")
        )
    })?;
    for line in &data.report {
        println!("  {line}");
    }
    println!(
        "It loads: {} units, {} events from {} to {}. Edit dataset.json to name it, to declare \
         statuses and a periods file, and to set the time zone; then `qantar --data {}`.",
        data.units.len(),
        data.events.len(),
        data.meta.window.0,
        data.meta.window.1,
        dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Copies `file` into `dir` (unless it is already there) and returns its name there.
fn copy_into(dir: &Path, file: &Path) -> anyhow::Result<String> {
    let name = file
        .file_name()
        .with_context(|| format!("{}: not a file name", file.display()))?;
    if !std::fs::metadata(file).is_ok_and(|m| m.is_file()) {
        bail!(
            "{}: not a regular file: init copies only files",
            file.display()
        );
    }
    let to: PathBuf = dir.join(name);
    let same = to.canonicalize().ok() == file.canonicalize().ok() && to.exists();
    if !same {
        if to.exists() {
            bail!(
                "{} already exists: init does not overwrite it",
                to.display()
            );
        }
        std::fs::copy(file, &to)
            .with_context(|| format!("copying {} to {}", file.display(), to.display()))?;
    }
    Ok(name.to_string_lossy().into_owned())
}

/// The manifest's time zone: the one given, else UTC.
fn time_zone(tz: Option<&str>) -> serde_json::Value {
    match tz {
        Some(t) if t.starts_with(['+', '-']) => serde_json::json!({"utc_offset": t}),
        Some(t) => serde_json::json!({"zone": t}),
        None => serde_json::json!({"utc_offset": "+00:00"}),
    }
}

/// An id from a name: lower-case letters and digits joined by hyphens.
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "dataset".into()
    } else {
        words.join("-")
    }
}
