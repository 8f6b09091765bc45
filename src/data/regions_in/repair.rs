//! A feature's rings made into a valid `MultiPolygon`, every change said in words.
//!
//! The steps: drop points that are not numbers or lie outside ±180/±90 (a hair outside is
//! clamped), remove repeated points, close open rings, drop rings of fewer than 3 distinct
//! points; then polygons found invalid (`validity.rs`) are repaired by a union with nothing,
//! which geo's boolean operations turn into valid parts (even-odd, so a bow-tie becomes two
//! triangles); parts that overlap, and a GeometryCollection's polygons, are united; last, rings
//! are oriented (exteriors counter-clockwise, holes clockwise). The boolean operations run under
//! `catch_unwind`: when they fail, the geometry is kept as it is, with a warning.

use super::geometry::{RawRing, Shape};
use super::validity::{self, Defects, SELF_INTERSECTION};
use geo::orient::Direction;
use geo::{
    Area, BooleanOps, Coord, LineString, MultiPolygon, Orient, Polygon, Winding, unary_union,
};
use geo::{MakeValid, winding_order::WindingOrder};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Coordinates this little beyond ±180/±90 are rounding, and are clamped.
const CLAMP_DEGREES: f64 = 1e-6;

#[derive(Debug, Clone)]
pub(super) struct Repaired {
    pub geometry: MultiPolygon<f64>,
    pub repairs: Vec<String>,
    pub warnings: Vec<String>,
}

/// Says whether most coordinates lie outside longitude/latitude: then the file is projected.
pub(super) fn projected_crs<'a>(
    shapes: impl Iterator<Item = &'a Shape>,
    crs: Option<&str>,
) -> Option<String> {
    let (mut total, mut outside, mut example) = (0usize, 0usize, None);
    let coords = shapes.flat_map(|s| s.polygons.iter().flatten().flatten());
    for c in coords.filter(|c| c.x.is_finite() && c.y.is_finite()) {
        total += 1;
        if c.x.abs() > 180.0 + CLAMP_DEGREES || c.y.abs() > 90.0 + CLAMP_DEGREES {
            outside += 1;
            example.get_or_insert(*c);
        }
    }
    let example = example.filter(|_| outside * 2 > total)?;
    let crs = crs
        .map(|c| format!(" (it declares \"{c}\")"))
        .unwrap_or_default();
    Some(format!(
        "the coordinates are not longitude/latitude ({outside} of {total} lie outside ±180/±90, \
         e.g. {}, {}): the file seems to be in a projected CRS{crs}. Reproject it to \
         EPSG:4326 (WGS 84 longitude/latitude), e.g. with \
         `ogr2ogr -t_srs EPSG:4326 out.geojson in.geojson`",
        example.x, example.y
    ))
}

/// How many of each change the cleaning made.
#[derive(Debug, Default)]
struct Counts {
    bad_points: usize,
    clamped: usize,
    repeated: usize,
    unclosed: usize,
    short_rings: usize,
}

/// Repairs one feature's shape. `Err` says why nothing is left of it.
pub(super) fn repair(shape: Shape) -> Result<Repaired, String> {
    let mut counts = Counts::default();
    let polygons: Vec<Polygon<f64>> = shape
        .polygons
        .iter()
        .filter_map(|rings| {
            let mut rings = rings.iter().map(|ring| clean_ring(ring, &mut counts));
            let exterior = rings.next()??;
            Some(Polygon::new(exterior, rings.flatten().collect()))
        })
        .collect();
    let mut repairs = Vec::new();
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            one.to_owned()
        } else {
            format!("{n} {many}")
        }
    };
    if counts.bad_points > 0 {
        repairs.push(if counts.bad_points == 1 {
            "dropped a point that was not a number or lay outside ±180/±90".to_owned()
        } else {
            let n = counts.bad_points;
            format!("dropped {n} points that were not numbers or lay outside ±180/±90")
        });
    }
    if counts.clamped > 0 {
        let what = count(counts.clamped, "a point", "points");
        repairs.push(format!(
            "moved {what} a hair outside ±180/±90 onto the edge"
        ));
    }
    if counts.repeated > 0 && !shape.topology {
        let what = count(counts.repeated, "a duplicate point", "duplicate points");
        repairs.push(format!("removed {what}"));
    }
    if counts.unclosed > 0 {
        let what = count(counts.unclosed, "an unclosed ring", "unclosed rings");
        repairs.push(format!("closed {what}"));
    }
    if counts.short_rings > 0 {
        let what = count(counts.short_rings, "a ring", "rings");
        repairs.push(format!("dropped {what} of fewer than 3 distinct points"));
    }
    let mut warnings = shape.warnings;
    if polygons.is_empty() {
        return Err(nothing_left(&repairs));
    }

    let geometry = make_valid(polygons, shape.collection, &mut repairs, &mut warnings);
    if geometry.0.is_empty() {
        return Err(nothing_left(&repairs));
    }
    if geometry.unsigned_area() == 0.0 {
        warnings.push("has zero area".into());
    }
    Ok(Repaired {
        geometry,
        repairs,
        warnings,
    })
}

fn nothing_left(repairs: &[String]) -> String {
    if repairs.is_empty() {
        "has no polygon left after repair".into()
    } else {
        format!("has no polygon left after repair ({})", repairs.join("; "))
    }
}

/// Cleans one ring; `None` when fewer than 3 distinct points are left.
fn clean_ring(raw: &RawRing, counts: &mut Counts) -> Option<LineString<f64>> {
    let mut ring: Vec<Coord<f64>> = Vec::with_capacity(raw.len());
    for c in raw {
        let fits = |v: f64, limit: f64| v.is_finite() && v.abs() <= limit + CLAMP_DEGREES;
        if !fits(c.x, 180.0) || !fits(c.y, 90.0) {
            counts.bad_points += 1;
            continue;
        }
        let clamped = Coord {
            x: c.x.clamp(-180.0, 180.0),
            y: c.y.clamp(-90.0, 90.0),
        };
        counts.clamped += usize::from(clamped != *c);
        if ring.last() == Some(&clamped) {
            counts.repeated += 1;
        } else {
            ring.push(clamped);
        }
    }
    let closed = ring.len() > 1 && ring.first() == ring.last();
    if closed {
        ring.pop();
    }
    while ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
        counts.repeated += 1;
    }
    if ring.len() < 3 {
        counts.short_rings += usize::from(!raw.is_empty());
        return None;
    }
    counts.unclosed += usize::from(!closed);
    let first = ring[0];
    ring.push(first);
    Some(LineString::new(ring))
}

/// Repairs invalid polygons, unites overlapping parts and orients the rings.
fn make_valid(
    mut polygons: Vec<Polygon<f64>>,
    collection: bool,
    repairs: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> MultiPolygon<f64> {
    let defects = checked_defects(&polygons, warnings);
    let wrong_winding: usize = polygons
        .iter()
        .zip(&defects.polygons)
        .filter(|(_, defect)| defect.is_none())
        .map(|(p, _)| wrong_windings(p))
        .sum();
    if wrong_winding > 0 {
        let s = if wrong_winding == 1 { "" } else { "s" };
        repairs.push(format!(
            "reoriented {wrong_winding} ring{s} (exteriors counter-clockwise, holes clockwise)"
        ));
    }

    let mut between_parts = defects.between_parts;
    if defects.polygons.iter().any(Option::is_some) {
        let mut kinds: Vec<&str> = Vec::new();
        let (mut before, mut after, mut failed, mut flat) = (0.0, 0.0, 0, 0);
        let mut fixed = Vec::with_capacity(polygons.len());
        for (polygon, defect) in polygons.into_iter().zip(&defects.polygons) {
            let Some(kind) = defect else {
                fixed.push(polygon);
                continue;
            };
            match valid_parts(&polygon) {
                // All on a line, or a hole as large as its exterior: nothing is left.
                Some(parts) if parts.0.is_empty() => flat += 1,
                Some(parts) => {
                    kinds.push(kind);
                    before += polygon.unsigned_area();
                    after += parts.unsigned_area();
                    fixed.extend(parts);
                }
                None => {
                    failed += 1;
                    fixed.push(polygon);
                }
            }
        }
        kinds.sort_unstable_by_key(|k| (*k != SELF_INTERSECTION, *k));
        kinds.dedup();
        if !kinds.is_empty() {
            repairs.push(format!(
                "fixed {} (area {} → {} deg²)",
                kinds.join(" and "),
                format_area(before),
                format_area(after)
            ));
        }
        if flat > 0 {
            let what = if flat == 1 {
                "a polygon".to_owned()
            } else {
                format!("{flat} polygons")
            };
            repairs.push(format!("dropped {what} of zero area"));
        }
        if failed > 0 {
            let what = if failed == 1 {
                "an invalid polygon".to_owned()
            } else {
                format!("{failed} invalid polygons")
            };
            warnings.push(format!(
                "has {what} that could not be repaired, drawn as is"
            ));
        }
        polygons = fixed;
        between_parts = checked_defects(&polygons, warnings).between_parts;
    }

    let oriented: Vec<Polygon<f64>> = polygons
        .iter()
        .map(|p| p.orient(Direction::Default))
        .collect();
    if (between_parts || collection) && oriented.len() > 1 {
        let before = oriented.iter().map(Area::unsigned_area).sum::<f64>();
        let parts = oriented.len();
        // Every exterior is counter-clockwise now: unary_union fills by positive winding.
        match catch_unwind(AssertUnwindSafe(|| unary_union(&oriented))) {
            Ok(united) => {
                let what = if collection {
                    "united the polygons of its GeometryCollection"
                } else {
                    "united parts that overlap or share an edge"
                };
                repairs.push(format!(
                    "{what} ({parts} parts → {}, area {} → {} deg²)",
                    united.0.len(),
                    format_area(before),
                    format_area(united.unsigned_area())
                ));
                return united.orient(Direction::Default);
            }
            Err(_) => warnings.push(
                "has parts that overlap and could not be united; they are drawn as they are".into(),
            ),
        }
    }
    MultiPolygon::new(oriented)
}

/// Exteriors that run clockwise and holes that run counter-clockwise.
fn wrong_windings(polygon: &Polygon<f64>) -> usize {
    let exterior = polygon.exterior().winding_order() == Some(WindingOrder::Clockwise);
    let holes = polygon
        .interiors()
        .iter()
        .filter(|h| h.winding_order() == Some(WindingOrder::CounterClockwise))
        .count();
    usize::from(exterior) + holes
}

/// The defects, or none known (with a warning) if the check fails.
fn checked_defects(polygons: &[Polygon<f64>], warnings: &mut Vec<String>) -> Defects {
    catch_unwind(AssertUnwindSafe(|| validity::defects(polygons))).unwrap_or_else(|_| {
        warnings.push("could not be checked for validity; it is drawn as it is".into());
        Defects {
            polygons: vec![None; polygons.len()],
            between_parts: false,
        }
    })
}

/// Valid parts of an invalid polygon, from geo's union with nothing (even-odd); geo's
/// `MakeValid` (odd-even too) is asked when the union fails or leaves nothing. `None`: both
/// failed.
fn valid_parts(polygon: &Polygon<f64>) -> Option<MultiPolygon<f64>> {
    let nothing = MultiPolygon::<f64>::new(vec![]);
    match catch_unwind(AssertUnwindSafe(|| polygon.union(&nothing))).ok() {
        Some(parts) if !parts.0.is_empty() => Some(parts),
        union => catch_unwind(AssertUnwindSafe(|| polygon.make_valid()))
            .ok()
            .and_then(Result::ok)
            .or(union),
    }
}

/// Three significant digits, at any scale.
pub(super) fn format_area(area: f64) -> String {
    if area == 0.0 || !area.is_finite() {
        return format!("{area}");
    }
    if area.abs() < 1e-6 {
        return format!("{area:.2e}");
    }
    let digits = (2 - area.abs().log10().floor() as i32).clamp(0, 12) as usize;
    format!("{area:.digits$}")
}
