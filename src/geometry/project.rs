//! The view: what part of the world a canvas shows, in Web Mercator as walkers and the
//! OpenStreetMap tiles use it (the window), or in another [`Projector`] (exports).

use super::projection::{Projector, lonlat, mercator};
use geo::Rect;
use serde::{Deserialize, Serialize};

/// Pixels across the whole world at zoom 0 (one tile).
const TILE_PX: f64 = 256.0;
const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.686;

/// What a canvas shows: the centre and the zoom level (walkers' convention: the world is
/// `256 × 2^zoom` points across).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub center_lon: f64,
    pub center_lat: f64,
    pub zoom: f64,
}

/// The per-frame transform from cached Mercator coordinates to canvas points, through the
/// view's projection (plane coordinates, then a scale and a shift).
#[derive(Debug, Clone, PartialEq)]
pub struct Transform {
    /// The plane position of the canvas's top left corner.
    origin: [f64; 2],
    scale: f64,
    projector: Projector,
}

impl Transform {
    /// Canvas position of a Mercator point.
    #[inline]
    pub fn apply(&self, merc: [f64; 2]) -> [f32; 2] {
        let p = self.projector.from_mercator(merc);
        [
            ((p[0] - self.origin[0]) * self.scale) as f32,
            ((p[1] - self.origin[1]) * self.scale) as f32,
        ]
    }

    /// Mercator position of a canvas point.
    pub fn invert(&self, pos: [f32; 2]) -> [f64; 2] {
        let plane = self.invert_plane(pos);
        if self.projector.params().is_none() {
            return plane;
        }
        let (lon, lat) = self.projector.inverse(plane);
        mercator(lon, lat)
    }

    /// Plane position of a canvas point.
    fn invert_plane(&self, pos: [f32; 2]) -> [f64; 2] {
        [
            f64::from(pos[0]) / self.scale + self.origin[0],
            f64::from(pos[1]) / self.scale + self.origin[1],
        ]
    }

    /// The canvas box (min x, min y, max x, max y) around a Mercator box (a mesh's `bbox`). In
    /// a conic, parallels are arcs and meridians converge: the box's outline is sampled.
    pub fn rect(&self, bbox: [f64; 4]) -> [f32; 4] {
        if self.projector.params().is_none() {
            let a = self.apply([bbox[0], bbox[1]]);
            let b = self.apply([bbox[2], bbox[3]]);
            return [a[0], a[1], b[0], b[1]];
        }
        const STEPS: usize = 8;
        let mut out = [
            f32::INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NEG_INFINITY,
        ];
        for i in 0..=STEPS {
            let f = i as f64 / STEPS as f64;
            let x = bbox[0] + (bbox[2] - bbox[0]) * f;
            let y = bbox[1] + (bbox[3] - bbox[1]) * f;
            for merc in [[x, bbox[1]], [x, bbox[3]], [bbox[0], y], [bbox[2], y]] {
                let p = self.apply(merc);
                out = [
                    out[0].min(p[0]),
                    out[1].min(p[1]),
                    out[2].max(p[0]),
                    out[3].max(p[1]),
                ];
            }
        }
        out
    }

    /// Canvas points per Mercator unit.
    pub fn scale(&self) -> f64 {
        self.scale
    }
}

impl View {
    /// Points across the whole world at this zoom.
    pub fn world_points(&self) -> f64 {
        TILE_PX * 2f64.powf(self.zoom)
    }

    /// The transform for a canvas of `size` points centred on this view, in Web Mercator.
    pub fn transform(&self, size: [f32; 2]) -> Transform {
        self.transform_in(&Projector::mercator(), size)
    }

    /// The transform for a canvas of `size` points centred on this view, in `projector`.
    pub fn transform_in(&self, projector: &Projector, size: [f32; 2]) -> Transform {
        let scale = self.world_points();
        let c = projector.forward(self.center_lon, self.center_lat);
        Transform {
            origin: [
                c[0] - f64::from(size[0]) / 2.0 / scale,
                c[1] - f64::from(size[1]) / 2.0 / scale,
            ],
            scale,
            projector: projector.clone(),
        }
    }

    /// The view that fits `bbox` (lon/lat) into `size` with `margin` points on every side.
    pub fn fit(bbox: Rect<f64>, size: [f32; 2], margin: f32) -> View {
        let a = mercator(bbox.min().x, bbox.max().y);
        let b = mercator(bbox.max().x, bbox.min().y);
        let w = (b[0] - a[0]).abs().max(1e-9);
        let h = (b[1] - a[1]).abs().max(1e-9);
        let avail_w = f64::from((size[0] - 2.0 * margin).max(16.0));
        let avail_h = f64::from((size[1] - 2.0 * margin).max(16.0));
        let world = (avail_w / w).min(avail_h / h);
        let zoom = (world / TILE_PX).log2().clamp(0.0, 20.0);
        let (center_lon, center_lat) = lonlat([(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0]);
        View {
            center_lon,
            center_lat,
            zoom,
        }
    }

    /// The view that fits `bbox` into `size` inside `insets` (left, top, right, bottom) points.
    pub fn fit_in(bbox: Rect<f64>, size: [f32; 2], insets: [f32; 4]) -> View {
        let inner = [
            (size[0] - insets[0] - insets[2]).max(16.0),
            (size[1] - insets[1] - insets[3]).max(16.0),
        ];
        let fitted = View::fit(bbox, inner, 0.0);
        // Shift the centre so that the box sits in the middle of the inset area.
        let t = fitted.transform(inner);
        let dx = (insets[2] - insets[0]) / 2.0;
        let dy = (insets[3] - insets[1]) / 2.0;
        let center = t.invert([inner[0] / 2.0 + dx, inner[1] / 2.0 + dy]);
        let (center_lon, center_lat) = lonlat(center);
        View {
            center_lon,
            center_lat,
            zoom: fitted.zoom,
        }
    }

    /// The view that shows `extent` (min x, min y, max x, max y in `projector`'s plane) in
    /// the middle of `size` inside `insets` (left, top, right, bottom) points.
    pub fn fit_plane(
        projector: &Projector,
        extent: [f64; 4],
        size: [f32; 2],
        insets: [f32; 4],
    ) -> View {
        let avail_w = f64::from((size[0] - insets[0] - insets[2]).max(16.0));
        let avail_h = f64::from((size[1] - insets[1] - insets[3]).max(16.0));
        let w = (extent[2] - extent[0]).abs().max(1e-9);
        let h = (extent[3] - extent[1]).abs().max(1e-9);
        let zoom = ((avail_w / w).min(avail_h / h) / TILE_PX)
            .log2()
            .clamp(0.0, 20.0);
        let scale = TILE_PX * 2f64.powf(zoom);
        // The canvas centre, where the view's centre goes, sits this far from the middle of
        // the inset area.
        let centre = [
            (extent[0] + extent[2]) / 2.0 + f64::from(insets[2] - insets[0]) / 2.0 / scale,
            (extent[1] + extent[3]) / 2.0 + f64::from(insets[3] - insets[1]) / 2.0 / scale,
        ];
        let (center_lon, center_lat) = projector.inverse(centre);
        View {
            center_lon,
            center_lat,
            zoom,
        }
    }

    /// Metres on the ground per canvas point at the centre of the view, in Web Mercator.
    pub fn meters_per_point(&self) -> f64 {
        EARTH_CIRCUMFERENCE_M * self.center_lat.to_radians().cos() / self.world_points()
    }

    /// Metres on the ground per canvas point along the parallel through the centre of the
    /// view, in `projector` (what a scale bar measures).
    pub fn meters_per_point_in(&self, projector: &Projector) -> f64 {
        if projector.params().is_none() {
            return self.meters_per_point();
        }
        let (_, k) = projector.scale_factors(self.center_lon, self.center_lat);
        EARTH_CIRCUMFERENCE_M / self.world_points() / k
    }

    /// The lon/lat box the canvas shows.
    pub fn bounds(&self, size: [f32; 2]) -> Rect<f64> {
        let t = self.transform(size);
        let (lon0, lat0) = lonlat(t.invert([0.0, 0.0]));
        let (lon1, lat1) = lonlat(t.invert(size));
        Rect::new((lon0, lat1), (lon1, lat0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_centre_of_the_view_is_the_centre_of_the_canvas() {
        let view = View {
            center_lon: 67.0,
            center_lat: 48.0,
            zoom: 4.5,
        };
        let p = view.transform([1280.0, 720.0]).apply(mercator(67.0, 48.0));
        assert!((p[0] - 640.0).abs() < 1e-3 && (p[1] - 360.0).abs() < 1e-3);
    }

    #[test]
    fn a_fitted_box_lies_inside_the_canvas() {
        let bbox = Rect::new((46.5, 40.6), (87.3, 55.4));
        let size = [1280.0, 720.0];
        let view = View::fit(bbox, size, 20.0);
        let t = view.transform(size);
        for (lon, lat) in [(46.5, 40.6), (87.3, 55.4)] {
            let p = t.apply(mercator(lon, lat));
            assert!(
                p[0] >= 19.0 && p[0] <= 1261.0 && p[1] >= 19.0 && p[1] <= 701.0,
                "{p:?}"
            );
        }
    }

    #[test]
    fn a_box_fitted_in_a_conic_lies_inside_its_insets() {
        let bbox = Rect::new((46.5, 40.6), (87.3, 55.4));
        let p = crate::geometry::Projection::Albers.fitted(bbox).unwrap();
        let corners = [
            (46.5, 40.6),
            (87.3, 40.6),
            (46.5, 55.4),
            (87.3, 55.4),
            (66.9, 40.6),
        ];
        let planes: Vec<[f64; 2]> = corners.iter().map(|&(x, y)| p.forward(x, y)).collect();
        let extent = planes.iter().fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |e, q| {
                [
                    e[0].min(q[0]),
                    e[1].min(q[1]),
                    e[2].max(q[0]),
                    e[3].max(q[1]),
                ]
            },
        );
        let size = [1280.0, 720.0];
        let insets = [20.0, 80.0, 20.0, 30.0];
        let t = View::fit_plane(&p, extent, size, insets).transform_in(&p, size);
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for &(lon, lat) in &corners {
            let q = t.apply(mercator(lon, lat));
            min = [min[0].min(q[0]), min[1].min(q[1])];
            max = [max[0].max(q[0]), max[1].max(q[1])];
        }
        assert!(min[0] >= 19.0 && max[0] <= 1261.0, "{min:?} {max:?}");
        assert!(min[1] >= 79.0 && max[1] <= 691.0, "{min:?} {max:?}");
        // Centred in the inset area along the axis that is filled.
        let fills_width = (min[0] - 20.0).abs() < 1.0 && (max[0] - 1260.0).abs() < 1.0;
        let fills_height = (min[1] - 80.0).abs() < 1.0 && (max[1] - 690.0).abs() < 1.0;
        assert!(fills_width || fills_height, "{min:?} {max:?}");
        // The scale bar's metres per point: the zoom's, over the scale along the parallel.
        let view = View::fit_plane(&p, extent, size, insets);
        let m = view.meters_per_point_in(&p);
        let (_, k) = p.scale_factors(view.center_lon, view.center_lat);
        assert!((m * k * view.world_points() / EARTH_CIRCUMFERENCE_M - 1.0).abs() < 1e-12);
    }
}
