//! Laying a region file on a dataset: its regions become the units, matched to the dataset's
//! units by id, by the ids other layouts use (`KZ-47`, `kz-mg`), by name across spellings, or
//! to the units the lineage says were carved out of them; everything that referred to a unit
//! follows it, and what no longer has a unit is reported.

use super::ids::{CityIdx, Place, UnitIdx};
use super::lineage::Successor;
use super::model::{Dataset, Unit, UnitKind};
use super::regions_in::{ImportedRegion, RegionsReport};
use super::unit_match::{Match, match_all};
use crate::i18n::{Lang, LocalText};
use geo::{BoundingRect, Contains};

/// Replaces the dataset's units by the file's regions; see the module's description.
pub fn lay_regions(mut data: Dataset, file: &str, read: RegionsReport) -> Dataset {
    report_reading(&mut data.report, file, &read);
    data.skipped += read.skipped.len();
    let matches = match_all(&data, &read.regions);
    let old_units = std::mem::take(&mut data.units);
    let mut map: Vec<Option<UnitIdx>> = vec![None; old_units.len()];
    let mut units = Vec::new();
    let mut successors = Vec::new();
    for (region, m) in read.regions.into_iter().zip(&matches) {
        let idx = UnitIdx(units.len() as u32);
        let unit = match *m {
            Match::Unit(i) => {
                map[i] = Some(idx);
                from_unit(&old_units[i], region)
            }
            Match::Successor(s) => {
                let succ = &data.lineage.successors[s];
                successors.push((idx, succ.clone()));
                from_successor(succ, region)
            }
            Match::New => from_region(region),
        };
        units.push(unit);
    }
    keep_drawn_within(&old_units, &mut units, &mut map);
    report_matches(&mut data.report, file, &old_units, &units, &matches);
    data.units = units;
    let old_periods = data.periods.clone();
    remap(&mut data, &old_units, &map, file);
    inherit_periods(&mut data, &old_units, &old_periods, &successors);
    let name = std::path::Path::new(file)
        .file_name()
        .map_or_else(|| file.to_owned(), |n| n.to_string_lossy().into_owned());
    data.meta.attribution = [data.meta.attribution.as_str(), &format!("Regions: {name}")]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    data.report.push(format!(
        "{file}: {} units laid on {}",
        data.units.len(),
        data.meta.name.get(Lang::En)
    ));
    data
}

/// The regions of a file as units of their own, for a manifest that names a region file.
pub fn regions_as_units(file: &str, read: RegionsReport, report: &mut Vec<String>) -> Vec<Unit> {
    report_reading(report, file, &read);
    read.regions.into_iter().map(from_region).collect()
}

/// What was read, guessed, repaired and skipped.
fn report_reading(report: &mut Vec<String>, file: &str, read: &RegionsReport) {
    let how = if read.guessed { "guessed" } else { "as given" };
    report.push(format!(
        "{file}: read {} regions ({}); ids from {}, names from {} ({how})",
        read.regions.len(),
        match read.format {
            super::regions_in::Format::GeoJson => "GeoJSON",
            super::regions_in::Format::TopoJson => "TopoJSON",
        },
        read.id_property
            .as_deref()
            .map_or("their position".into(), |p| format!("property \"{p}\"")),
        read.name_property
            .as_deref()
            .map_or("their ids".into(), |p| format!("property \"{p}\"")),
    ));
    // "file:LINE:COLUMN" of a feature where its place is known, else "file".
    let at = |index: usize| match read.positions.get(index) {
        Some((line, column)) => format!("{file}:{line}:{column}"),
        None => file.to_owned(),
    };
    for r in &read.regions {
        for what in &r.repairs {
            report.push(format!(
                "{}: region \"{}\" ({}): repaired: {what}",
                at(r.index),
                r.id,
                r.name
            ));
        }
        for what in &r.warnings {
            report.push(format!(
                "{}: region \"{}\" ({}): warning: {what}",
                at(r.index),
                r.id,
                r.name
            ));
        }
    }
    for s in &read.skipped {
        let id =
            s.id.as_deref()
                .map(|i| format!(" \"{i}\""))
                .unwrap_or_default();
        report.push(format!(
            "{}: feature #{}{id}: skipped: {}",
            at(s.index),
            s.index + 1,
            s.message
        ));
    }
}

fn region_names(r: &ImportedRegion) -> LocalText {
    let mut text = LocalText::en(r.name.clone());
    for (tag, name) in &r.names {
        text = text.with(tag, name.clone());
    }
    text
}

fn outline(mut unit: Unit, region: ImportedRegion) -> Unit {
    unit.bbox = region.geometry.bounding_rect();
    unit.label = unit.label.filter(|p| region.geometry.contains(p));
    unit.geometry = Some(region.geometry);
    unit.drawn_within = None;
    unit
}

fn from_unit(old: &Unit, region: ImportedRegion) -> Unit {
    let mut unit = old.clone();
    for alias in std::iter::once(&region.id).chain(&region.aliases) {
        if !unit.aliases.contains(alias) && *alias != unit.id {
            unit.aliases.push(alias.clone());
        }
    }
    if !unit.alt.contains(&region.name) {
        unit.alt.push(region.name.clone());
    }
    outline(unit, region)
}

fn from_successor(s: &Successor, region: ImportedRegion) -> Unit {
    let mut alt = s.alt.clone();
    alt.push(region.name.clone());
    let unit = Unit {
        id: s.id.clone(),
        kind: UnitKind::Region,
        names: s.names.clone(),
        short: s.short.clone(),
        alt,
        aliases: vec![region.id.clone()],
        note: Some(format!("carved out of {} in {}", s.from, s.since)),
        geometry: None,
        drawn_within: None,
        bbox: None,
        label: None,
    };
    outline(unit, region)
}

fn from_region(region: ImportedRegion) -> Unit {
    let names = region_names(&region);
    let unit = Unit {
        id: region.id.clone(),
        kind: UnitKind::Region,
        short: names.clone(),
        names,
        alt: region.aliases.clone(),
        aliases: Vec::new(),
        note: None,
        geometry: None,
        drawn_within: None,
        bbox: None,
        label: None,
    };
    outline(unit, region)
}

/// A unit of the dataset the file lacks but that was drawn within a unit the file has (a city
/// inside its region) stays, drawn within that unit.
fn keep_drawn_within(old: &[Unit], units: &mut Vec<Unit>, map: &mut [Option<UnitIdx>]) {
    for (i, u) in old.iter().enumerate() {
        let parent = u.drawn_within.and_then(|p| map[p.index()]);
        if let (None, Some(parent)) = (map[i], parent) {
            let mut kept = u.clone();
            kept.drawn_within = Some(parent);
            kept.bbox = units[parent.index()].bbox;
            map[i] = Some(UnitIdx(units.len() as u32));
            units.push(kept);
        }
    }
}

fn report_matches(report: &mut Vec<String>, file: &str, old: &[Unit], units: &[Unit], m: &[Match]) {
    if old.is_empty() {
        return;
    }
    let by_name = m.iter().filter(|x| matches!(x, Match::Unit(_))).count();
    let new: Vec<&str> = m
        .iter()
        .zip(units)
        .filter(|(x, _)| **x == Match::New)
        .map(|(_, u)| u.id.as_str())
        .collect();
    report.push(format!(
        "{file}: {by_name} regions matched units of the dataset by id, alias or name"
    ));
    if !new.is_empty() {
        report.push(format!(
            "{file}: {} regions match no unit of the dataset and have no status: {}",
            new.len(),
            new.join(", ")
        ));
    }
}

/// Points periods, events, cities and the story at the new units.
fn remap(data: &mut Dataset, old: &[Unit], map: &[Option<UnitIdx>], file: &str) {
    let before = data.periods.len();
    let mut lost: Vec<&str> = Vec::new();
    data.periods.retain_mut(|p| match map[p.unit.index()] {
        Some(u) => {
            p.unit = u;
            true
        }
        None => {
            lost.push(&old[p.unit.index()].id);
            false
        }
    });
    if data.periods.len() < before {
        lost.dedup();
        data.report.push(format!(
            "{file}: {} status periods dropped: their units are not in the file ({})",
            before - data.periods.len(),
            lost.join(", ")
        ));
    }
    let city_map = place_cities(data, old, map, file);
    let mut national = Vec::new();
    for ev in &mut data.events {
        ev.units = ev.units.iter().filter_map(|u| map[u.index()]).collect();
        let place = match ev.place {
            Place::Unit(u) => map[u.index()].map(Place::Unit),
            Place::City(c) => city_map[c.index()].map(Place::City),
            Place::Country => Some(Place::Country),
        };
        if place.is_none() {
            national.push(ev.id.clone());
        }
        ev.place = place.unwrap_or(Place::Country);
    }
    if !national.is_empty() {
        data.report.push(format!(
            "{file}: {} events lost their place (not in the file) and are shown as events of \
             the whole area: {}",
            national.len(),
            national.join(", ")
        ));
    }
    for chapter in &mut data.story {
        chapter.select = match chapter.select {
            Some(Place::Unit(u)) => map[u.index()].map(Place::Unit),
            Some(Place::City(c)) => city_map[c.index()].map(Place::City),
            other => other,
        };
    }
}

/// Places every city in the new unit that contains it (else its old unit's); cities in no
/// unit are dropped. Returns the old-to-new city index.
fn place_cities(
    data: &mut Dataset,
    old: &[Unit],
    map: &[Option<UnitIdx>],
    file: &str,
) -> Vec<Option<CityIdx>> {
    let mut moved = Vec::new();
    let mut dropped = Vec::new();
    let mut out = Vec::new();
    let mut kept = Vec::new();
    for mut city in std::mem::take(&mut data.cities) {
        let at = super::places::unit_at(&data.units, city.position).or(map[city.unit.index()]);
        match at {
            Some(u) => {
                if map[city.unit.index()] != Some(u) {
                    moved.push(format!(
                        "{} → {} (was {})",
                        city.names.get(Lang::En),
                        data.units[u.index()].names.get(Lang::En),
                        old[city.unit.index()].names.get(Lang::En)
                    ));
                }
                city.unit = u;
                out.push(Some(CityIdx(kept.len() as u32)));
                kept.push(city);
            }
            None => {
                dropped.push(city.id.clone());
                out.push(None);
            }
        }
    }
    data.cities = kept;
    if !moved.is_empty() {
        data.report.push(format!(
            "{file}: {} cities are in another unit by their position: {}",
            moved.len(),
            moved.join("; ")
        ));
    }
    if !dropped.is_empty() {
        data.report.push(format!(
            "{file}: {} cities lie in no region of the file and are not shown: {}",
            dropped.len(),
            dropped.join(", ")
        ));
    }
    out
}

/// A unit carved out of a dataset's unit shows that unit's status periods.
fn inherit_periods(
    data: &mut Dataset,
    old: &[Unit],
    old_periods: &[super::period::Period],
    successors: &[(UnitIdx, Successor)],
) {
    for (idx, s) in successors {
        let Some(from) = old.iter().position(|u| u.id == s.from) else {
            continue;
        };
        let inherited: Vec<_> = old_periods
            .iter()
            .filter(|p| p.unit.index() == from)
            .map(|p| {
                let mut p = p.clone();
                p.unit = *idx;
                p
            })
            .collect();
        data.report.push(format!(
            "{} ({}) was carved out of {} ({}) in {}: it shows that unit's {} status period(s)",
            s.names.get(Lang::En),
            s.id,
            old[from].names.get(Lang::En),
            s.from,
            s.since,
            inherited.len()
        ));
        data.periods.extend(inherited);
    }
}
