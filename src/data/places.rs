//! Placing events by their own point: each point becomes a place on the map (a known city
//! close by with the same name, or a new place), in the unit whose outline contains it.

use super::event::Event;
use super::ids::{CityIdx, Place, UnitIdx};
use super::model::{City, Unit};
use super::search::normalize;
use crate::i18n::LocalText;
use geo::{Contains, Distance, Euclidean, Point};
use std::collections::HashMap;

/// How far (in degrees) outside every outline a point may lie and still belong to the nearest
/// unit: a harbour or an airport on a generalised coastline.
const COAST_TOLERANCE_DEG: f64 = 0.25;

/// A known city within this distance (degrees) and with the same name is the same place.
const SAME_CITY_DEG: f64 = 0.3;

/// The unit whose own outline contains `p`; else the nearest within the coast tolerance.
pub fn unit_at(units: &[Unit], p: Point<f64>) -> Option<UnitIdx> {
    let with_outline = units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| u.geometry.as_ref().map(|g| (i, g)));
    let mut nearest: Option<(f64, usize)> = None;
    for (i, g) in with_outline {
        let inside_box = units[i].bbox.is_some_and(|b| {
            b.min().x - COAST_TOLERANCE_DEG <= p.x()
                && p.x() <= b.max().x + COAST_TOLERANCE_DEG
                && b.min().y - COAST_TOLERANCE_DEG <= p.y()
                && p.y() <= b.max().y + COAST_TOLERANCE_DEG
        });
        if !inside_box {
            continue;
        }
        if g.contains(&p) {
            return Some(UnitIdx(i as u32));
        }
        let d = Euclidean.distance(&p, g);
        if d <= COAST_TOLERANCE_DEG && nearest.is_none_or(|(best, _)| d < best) {
            nearest = Some((d, i));
        }
    }
    nearest.map(|(_, i)| UnitIdx(i as u32))
}

/// Places every event that has a point but no place of its own (`Place::Country` with a
/// point) at a city: a known one nearby with the same name, or a new place made for it.
/// Returns one line per point that lies outside every unit (those stay national events).
pub fn place_points(units: &[Unit], cities: &mut Vec<City>, events: &mut [Event]) -> Vec<String> {
    let mut made: HashMap<(String, i64, i64), CityIdx> = HashMap::new();
    let mut outside = Vec::new();
    for ev in events.iter_mut() {
        let (Some(p), Place::Country) = (ev.point, ev.place) else {
            continue;
        };
        let name = ev.location.clone().unwrap_or_default();
        let key = (
            normalize(&name),
            (p.x() * 1e4).round() as i64,
            (p.y() * 1e4).round() as i64,
        );
        if let Some(&c) = made.get(&key) {
            ev.place = Place::City(c);
            continue;
        }
        let known = (!name.is_empty())
            .then(|| same_city(cities, &name, p))
            .flatten();
        let city = match known {
            Some(c) => c,
            None => {
                let Some(unit) = unit_at(units, p) else {
                    outside.push(format!(
                        "event \"{}\" at {:.4}, {:.4} lies outside every region: shown as an \
                         event of the whole area",
                        ev.id,
                        p.y(),
                        p.x()
                    ));
                    continue;
                };
                cities.push(point_place(&name, p, unit, cities.len()));
                CityIdx((cities.len() - 1) as u32)
            }
        };
        made.insert(key, city);
        ev.place = Place::City(city);
    }
    outside
}

/// A known city with this name (in any language or spelling) near `p`.
fn same_city(cities: &[City], name: &str, p: Point<f64>) -> Option<CityIdx> {
    let wanted = normalize(name);
    cities
        .iter()
        .position(|c| {
            let near = Euclidean.distance(&c.position, &p) <= SAME_CITY_DEG;
            near && c
                .names
                .all()
                .chain(c.alt.iter().map(String::as_str))
                .any(|n| normalize(n) == wanted)
        })
        .map(|i| CityIdx(i as u32))
}

/// A place made for a point: named by its location, else by its coordinates.
fn point_place(name: &str, p: Point<f64>, unit: UnitIdx, n: usize) -> City {
    let label = if name.trim().is_empty() {
        format!("{:.3}, {:.3}", p.y(), p.x())
    } else {
        name.trim().to_owned()
    };
    City {
        id: format!("point-{n}"),
        names: LocalText::en(label),
        alt: Vec::new(),
        unit,
        position: p,
        population: 0,
        geonames_id: None,
        note: Some("placed by the coordinates of its events".into()),
    }
}
