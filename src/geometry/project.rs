//! Web Mercator, as walkers and the OpenStreetMap tiles use it, and the view: what part of the
//! world a canvas shows.

use geo::Rect;
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// Latitude limit of Web Mercator.
const MAX_LAT: f64 = 85.051_128_78;
/// Pixels across the whole world at zoom 0 (one tile).
const TILE_PX: f64 = 256.0;
const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.686;

/// A lon/lat position in normalised Web Mercator: x and y from 0 to 1, y pointing south.
pub fn mercator(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - lat.tan().asinh() / PI) / 2.0;
    [x, y]
}

/// The inverse of [`mercator`]: (lon, lat).
pub fn lonlat(merc: [f64; 2]) -> (f64, f64) {
    let lon = merc[0] * 360.0 - 180.0;
    let lat = ((1.0 - 2.0 * merc[1]) * PI).sinh().atan().to_degrees();
    (lon, lat)
}

/// What a canvas shows: the centre and the zoom level (walkers' convention: the world is
/// `256 × 2^zoom` points across).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct View {
    pub center_lon: f64,
    pub center_lat: f64,
    pub zoom: f64,
}

/// The per-frame transform from Mercator to canvas points.
#[derive(Debug, Clone, Copy)]
pub struct Transform {
    origin: [f64; 2],
    scale: f64,
}

impl Transform {
    /// Canvas position of a Mercator point.
    #[inline]
    pub fn apply(&self, merc: [f64; 2]) -> [f32; 2] {
        [
            ((merc[0] - self.origin[0]) * self.scale) as f32,
            ((merc[1] - self.origin[1]) * self.scale) as f32,
        ]
    }

    /// Mercator position of a canvas point.
    pub fn invert(&self, pos: [f32; 2]) -> [f64; 2] {
        [
            f64::from(pos[0]) / self.scale + self.origin[0],
            f64::from(pos[1]) / self.scale + self.origin[1],
        ]
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

    /// The transform for a canvas of `size` points centred on this view.
    pub fn transform(&self, size: [f32; 2]) -> Transform {
        let scale = self.world_points();
        let c = mercator(self.center_lon, self.center_lat);
        Transform {
            origin: [
                c[0] - f64::from(size[0]) / 2.0 / scale,
                c[1] - f64::from(size[1]) / 2.0 / scale,
            ],
            scale,
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

    /// Metres on the ground per canvas point at the centre of the view.
    pub fn meters_per_point(&self) -> f64 {
        EARTH_CIRCUMFERENCE_M * self.center_lat.to_radians().cos() / self.world_points()
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
    fn mercator_round_trips() {
        let (lon, lat) = lonlat(mercator(71.446, 51.1801));
        assert!((lon - 71.446).abs() < 1e-9 && (lat - 51.1801).abs() < 1e-9);
    }

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
}
