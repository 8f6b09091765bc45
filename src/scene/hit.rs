//! What is under a point of the canvas: a city marker (or its label) first, then a unit.

use super::shapes::{LayerKind, Scene, Shape};
use crate::data::Place;

/// Extra reach around small markers, in points, so that they are easy to click.
const MARKER_SLACK: f32 = 4.0;

impl Scene {
    /// The place under `pos` (canvas points), if any: markers and labels before units, the
    /// topmost first.
    pub fn hit(&self, pos: [f32; 2]) -> Option<Place> {
        for shape in self.layer(LayerKind::Markers).iter().rev() {
            if let Shape::Circle(c) = shape {
                let reach = c.radius.max(6.0) + MARKER_SLACK;
                let (dx, dy) = (pos[0] - c.center[0], pos[1] - c.center[1]);
                if dx * dx + dy * dy <= reach * reach
                    && let Some(target) = c.target
                {
                    return Some(target);
                }
            }
        }
        for shape in self.layer(LayerKind::Labels).iter().rev() {
            if let Shape::Text(t) = shape
                && let Some(target) = t.target
                && matches!(target, Place::City(_))
            {
                let r = t.rect();
                if pos[0] >= r[0] && pos[0] <= r[2] && pos[1] >= r[1] && pos[1] <= r[3] {
                    return Some(target);
                }
            }
        }
        let regions = self.layer(LayerKind::Regions);
        let boxes = self
            .region_boxes
            .get_or_init(|| regions.iter().map(bbox).collect());
        for (shape, b) in regions.iter().zip(boxes).rev() {
            if pos[0] >= b[0]
                && pos[0] <= b[2]
                && pos[1] >= b[1]
                && pos[1] <= b[3]
                && let Shape::Polygon(p) = shape
                && p.target.is_some()
                && contains(&p.polygon.rings, pos)
            {
                return p.target;
            }
        }
        None
    }

    /// The merged marker under `pos` (canvas points), if any.
    pub fn cluster_at(&self, pos: [f32; 2]) -> Option<&super::Cluster> {
        self.clusters.iter().rev().find(|c| {
            let reach = c.radius + MARKER_SLACK;
            let (dx, dy) = (pos[0] - c.center[0], pos[1] - c.center[1]);
            dx * dx + dy * dy <= reach * reach
        })
    }
}

/// A polygon's bounding box (min x, min y, max x, max y); an empty box for other shapes.
fn bbox(shape: &Shape) -> [f32; 4] {
    let empty = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    let Shape::Polygon(p) = shape else {
        return empty;
    };
    p.polygon
        .rings
        .iter()
        .flat_map(|r| r.iter())
        .fold(empty, |b, v| {
            [
                b[0].min(v[0]),
                b[1].min(v[1]),
                b[2].max(v[0]),
                b[3].max(v[1]),
            ]
        })
}

/// Even-odd point in polygon over all rings (holes and separate parts alike).
pub(super) fn contains<R: AsRef<[[f32; 2]]>>(rings: &[R], p: [f32; 2]) -> bool {
    let mut inside = false;
    for ring in rings {
        let ring = ring.as_ref();
        let n = ring.len();
        if n < 3 {
            continue;
        }
        let mut j = n - 1;
        for i in 0..n {
            let (a, b) = (ring[i], ring[j]);
            if (a[1] > p[1]) != (b[1] > p[1]) {
                let x = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1]);
                if p[0] < x {
                    inside = !inside;
                }
            }
            j = i;
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::contains;

    #[test]
    fn a_hole_is_outside() {
        let outer = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let hole = vec![[4.0, 4.0], [6.0, 4.0], [6.0, 6.0], [4.0, 6.0]];
        let rings = vec![outer, hole];
        assert!(contains(&rings, [2.0, 2.0]));
        assert!(!contains(&rings, [5.0, 5.0]));
        assert!(!contains(&rings, [12.0, 5.0]));
    }
}
