//! A dataset's own unit outlines checked, not repaired: a dataset's author fixes them at the
//! source, so `qantar check` names what would draw wrongly (a bow-tie or a spike over the
//! neighbours, a unit of no area, an empty MultiPolygon, a label that would not show on its
//! unit). The rules are the ones the own-data reader repairs by (`validity.rs`).

use super::validity;
use geo::{Area, Coord, Intersects, LineString, MultiPolygon, Point, Polygon};
use std::panic::{AssertUnwindSafe, catch_unwind};

/// What is wrong with a unit's outline and its label point, in words; empty when nothing is.
pub fn outline_problems(geometry: &MultiPolygon<f64>, label: Option<Point<f64>>) -> Vec<String> {
    if geometry.0.is_empty() {
        return vec!["is an empty MultiPolygon: it has no polygon to draw".into()];
    }
    let mut found = Vec::new();
    // The check wants rings without repeated points.
    let polygons: Vec<Polygon<f64>> = geometry.0.iter().map(without_repeats).collect();
    match catch_unwind(AssertUnwindSafe(|| validity::defects(&polygons))) {
        Ok(defects) => {
            let several = polygons.len() > 1;
            for (i, defect) in defects.polygons.iter().enumerate() {
                let Some(kind) = defect else { continue };
                let which = if several {
                    format!("polygon {} of the MultiPolygon", i + 1)
                } else {
                    "the polygon".to_owned()
                };
                found.push(format!(
                    "{which} has {kind}: it would be drawn over its neighbours or with holes \
                     where there are none (make it valid, e.g. with `ogr2ogr -makevalid`)"
                ));
            }
            if defects.between_parts {
                found.push("has parts that overlap or share an edge".into());
            }
        }
        Err(_) => found.push("could not be checked for validity".into()),
    }
    // (A bow-tie's lobes cancel to no area: its self-intersection is said already.)
    if found.is_empty() && geometry.unsigned_area() == 0.0 {
        found.push("has zero area: there is nothing to colour".into());
    }
    if let Some(label) = label
        && !geometry.intersects(&label)
    {
        found.push(format!(
            "its label point [{}, {}] lies outside its outline (the name would be written \
             elsewhere)",
            label.x(),
            label.y()
        ));
    }
    found
}

fn without_repeats(polygon: &Polygon<f64>) -> Polygon<f64> {
    let ring = |r: &LineString<f64>| {
        let mut coords: Vec<Coord<f64>> = r.0.clone();
        coords.dedup();
        LineString::new(coords)
    };
    Polygon::new(
        ring(polygon.exterior()),
        polygon.interiors().iter().map(ring).collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::wkt;

    fn problems(mp: MultiPolygon<f64>, label: Option<Point<f64>>) -> Vec<String> {
        outline_problems(&mp, label)
    }

    #[test]
    fn a_sound_square_with_its_label_inside_has_no_problem() {
        let square = wkt!(MULTIPOLYGON(((0. 0.,1. 0.,1. 1.,0. 1.,0. 0.))));
        assert_eq!(
            problems(square, Some(Point::new(0.5, 0.5))),
            Vec::<String>::new()
        );
    }

    /// Rule: a bow-tie (a ring crossing itself) is named.
    #[test]
    fn a_bow_tie_is_a_self_intersection() {
        let bow = wkt!(MULTIPOLYGON(((0. 0.,2. 2.,2. 0.,0. 2.,0. 0.))));
        let found = problems(bow, None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("the polygon has self-intersections"));
    }

    /// Rule: a spike (a ring that runs out and back along itself) is named.
    #[test]
    fn a_spike_is_a_self_intersection() {
        let spike = wkt!(MULTIPOLYGON(((0. 0.,1. 0.,1. 1.,40. 1.,1. 1.,0. 1.,0. 0.))));
        let found = problems(spike, None);
        assert!(
            found.iter().any(|f| f.contains("self-intersections")),
            "{found:?}"
        );
    }

    /// Rule: a unit with no area (a ring along a line), and an empty MultiPolygon, are named.
    #[test]
    fn zero_area_and_empty_are_named() {
        // A ring along a line runs back over itself: that is the defect named.
        let flat = wkt!(MULTIPOLYGON(((0. 0.,1. 1.,2. 2.,0. 0.))));
        let found = problems(flat, None);
        assert!(found[0].contains("self-intersections"), "{found:?}");

        let empty = MultiPolygon::<f64>::new(vec![]);
        assert_eq!(
            problems(empty, None),
            ["is an empty MultiPolygon: it has no polygon to draw"]
        );
    }

    /// Rule: a label point outside the outline is named; one on the edge is not.
    #[test]
    fn a_label_outside_is_named() {
        let square = || wkt!(MULTIPOLYGON(((0. 0.,1. 0.,1. 1.,0. 1.,0. 0.))));
        let found = problems(square(), Some(Point::new(30.0, 0.5)));
        assert_eq!(found.len(), 1);
        assert!(found[0].starts_with("its label point [30, 0.5] lies outside"));
        assert!(problems(square(), Some(Point::new(1.0, 0.5))).is_empty());
    }

    /// Rule: repeated points are not themselves a defect.
    #[test]
    fn repeated_points_are_not_a_problem() {
        let square = wkt!(MULTIPOLYGON(((0. 0.,1. 0.,1. 0.,1. 1.,0. 1.,0. 0.))));
        assert!(problems(square, None).is_empty());
    }
}
