//! Map projections. The window's slippy map is Web Mercator ([`mercator`]), as its tiles are;
//! an export may
//! instead be drawn in a conic projection fitted to the area it shows: Albers equal-area
//! (regions compare truly by area) or Lambert conformal conic (shapes and angles kept locally).
//! The conics are proj4rs's (a pure-Rust port of PROJ.4), on the sphere of Web Mercator's
//! radius, so that all three projections draw one Earth.
//!
//! Projected points are "plane" coordinates in the units of normalised Web Mercator (1 = the
//! length of the equator, y pointing south), so a view's zoom means the same scale whatever the
//! projection.

use geo::Rect;
use proj4rs::Proj;
use std::f64::consts::PI;
use std::sync::Arc;

/// The radius of the sphere every projection here is drawn on: Web Mercator's, in metres.
pub const EARTH_RADIUS_M: f64 = 6_378_137.0;

/// Latitudes are kept this far from the poles, where a conic's far pole runs to infinity.
const MAX_LAT: f64 = 89.5;
/// Latitude limit of Web Mercator.
const MERCATOR_MAX_LAT: f64 = 85.051_128_78;

/// A lon/lat position in normalised Web Mercator: x and y from 0 to 1, y pointing south.
pub fn mercator(lon: f64, lat: f64) -> [f64; 2] {
    let lat = lat.clamp(-MERCATOR_MAX_LAT, MERCATOR_MAX_LAT).to_radians();
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

/// A projection an export can be drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Projection {
    /// Web Mercator, as the window and its tiles.
    #[default]
    Mercator,
    /// Albers equal-area conic.
    Albers,
    /// Lambert conformal conic.
    Lcc,
}

impl Projection {
    pub const ALL: [Projection; 3] = [Projection::Mercator, Projection::Albers, Projection::Lcc];

    /// The name on the command line and in files: `mercator`, `albers` or `lcc`.
    pub fn id(self) -> &'static str {
        match self {
            Projection::Mercator => "mercator",
            Projection::Albers => "albers",
            Projection::Lcc => "lcc",
        }
    }

    /// The name in words.
    pub fn name(self) -> &'static str {
        match self {
            Projection::Mercator => "Web Mercator",
            Projection::Albers => "Albers equal-area conic",
            Projection::Lcc => "Lambert conformal conic",
        }
    }

    /// This projection fitted to `area` (lon/lat): a conic gets the parameters of
    /// [`ConicParams::for_area`]; Web Mercator has none. Fails for a conic whose standard
    /// parallels lie either side of the equator at the same distance (it has no cone).
    pub fn fitted(self, area: Rect<f64>) -> Result<Projector, String> {
        let proj = match self {
            Projection::Mercator => return Ok(Projector::mercator()),
            Projection::Albers => "aea",
            Projection::Lcc => "lcc",
        };
        let params = ConicParams::for_area(area);
        let definition = format!(
            "+proj={proj} +lat_0={} +lat_1={} +lat_2={} +lon_0={} +R={EARTH_RADIUS_M} +units=m +no_defs",
            round6(params.lat0),
            round6(params.lat1),
            round6(params.lat2),
            round6(params.lon0),
        );
        let fail = |e: proj4rs::errors::Error| {
            format!(
                "the {} cannot be fitted to {}..{}°N: {e}",
                self.name(),
                area.min().y,
                area.max().y
            )
        };
        let geographic =
            Proj::from_proj_string(&format!("+proj=longlat +R={EARTH_RADIUS_M} +no_defs"))
                .map_err(fail)?;
        let projected = Proj::from_proj_string(&definition).map_err(fail)?;
        Ok(Projector {
            kind: self,
            conic: Some(Arc::new(Conic {
                params,
                definition,
                geographic,
                projected,
            })),
        })
    }
}

impl std::str::FromStr for Projection {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Projection::ALL
            .into_iter()
            .find(|p| p.id().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| format!("unknown projection {s:?}: use mercator, albers or lcc"))
    }
}

impl std::fmt::Display for Projection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id())
    }
}

/// A conic's parameters, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ConicParams {
    /// The central meridian.
    pub lon0: f64,
    /// The latitude of the origin.
    pub lat0: f64,
    /// The standard parallels, where the scale is true.
    pub lat1: f64,
    pub lat2: f64,
}

impl ConicParams {
    /// The common rule for an area: the central meridian through its middle, the standard
    /// parallels at one sixth and five sixths of its latitudes, the origin at its middle.
    pub fn for_area(area: Rect<f64>) -> ConicParams {
        let (south, north) = (area.min().y, area.max().y);
        let span = north - south;
        ConicParams {
            lon0: area.center().x,
            lat0: area.center().y,
            lat1: south + span / 6.0,
            lat2: south + span * 5.0 / 6.0,
        }
    }
}

/// A projection with its parameters, ready to turn lon/lat into plane coordinates. Cheap to
/// clone.
#[derive(Clone, Default)]
pub struct Projector {
    kind: Projection,
    /// `None` for Web Mercator.
    conic: Option<Arc<Conic>>,
}

/// The same projection with the same parameters (the same fitted conic, not an equal one).
impl PartialEq for Projector {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && match (&self.conic, &other.conic) {
                (None, None) => true,
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                _ => false,
            }
    }
}

struct Conic {
    params: ConicParams,
    definition: String,
    geographic: Proj,
    projected: Proj,
}

impl std::fmt::Debug for Projector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.definition())
    }
}

impl Projector {
    /// Web Mercator: the window's projection.
    pub fn mercator() -> Projector {
        Projector::default()
    }

    pub fn kind(&self) -> Projection {
        self.kind
    }

    /// A conic's parameters; `None` for Web Mercator.
    pub fn params(&self) -> Option<ConicParams> {
        self.conic.as_ref().map(|c| c.params)
    }

    /// The projection as a PROJ string, which GIS software reads.
    pub fn definition(&self) -> String {
        match &self.conic {
            Some(c) => c.definition.clone(),
            None => format!(
                "+proj=merc +a={EARTH_RADIUS_M} +b={EARTH_RADIUS_M} +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"
            ),
        }
    }

    /// The plane position of a lon/lat point (NaN where the projection has none).
    pub fn forward(&self, lon: f64, lat: f64) -> [f64; 2] {
        let Some(c) = &self.conic else {
            return mercator(lon, lat);
        };
        let lat = lat.clamp(-MAX_LAT, MAX_LAT);
        let mut p = (lon.to_radians(), lat.to_radians(), 0.0);
        match proj4rs::transform::transform(&c.geographic, &c.projected, &mut p) {
            Ok(()) => [
                p.0 / (2.0 * PI * EARTH_RADIUS_M),
                -p.1 / (2.0 * PI * EARTH_RADIUS_M),
            ],
            Err(_) => [f64::NAN, f64::NAN],
        }
    }

    /// The lon/lat of a plane position: the inverse of [`Projector::forward`].
    pub fn inverse(&self, plane: [f64; 2]) -> (f64, f64) {
        let Some(c) = &self.conic else {
            return lonlat(plane);
        };
        let metres = 2.0 * PI * EARTH_RADIUS_M;
        let mut p = (plane[0] * metres, -plane[1] * metres, 0.0);
        match proj4rs::transform::transform(&c.projected, &c.geographic, &mut p) {
            Ok(()) => (p.0.to_degrees(), p.1.to_degrees()),
            Err(_) => (f64::NAN, f64::NAN),
        }
    }

    /// The plane position of a point given in normalised Web Mercator (the geometry cache's
    /// coordinates): itself in Web Mercator.
    #[inline]
    pub fn from_mercator(&self, merc: [f64; 2]) -> [f64; 2] {
        if self.conic.is_none() {
            return merc;
        }
        let (lon, lat) = lonlat(merc);
        self.forward(lon, lat)
    }

    /// The local scale factors at a point: `h` along the meridian and `k` along the parallel
    /// (1 where the map is true to scale; equal where it is conformal; `h·k` is the area scale).
    pub fn scale_factors(&self, lon: f64, lat: f64) -> (f64, f64) {
        // Central differences over ±0.0001°, in metres on the sphere.
        let d: f64 = 1e-4;
        let metres = |lon: f64, lat: f64| {
            let p = self.forward(lon, lat);
            [
                p[0] * 2.0 * PI * EARTH_RADIUS_M,
                p[1] * 2.0 * PI * EARTH_RADIUS_M,
            ]
        };
        let dist = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        let step_m = (2.0 * d).to_radians() * EARTH_RADIUS_M;
        let h = dist(metres(lon, lat + d), metres(lon, lat - d)) / step_m;
        let k =
            dist(metres(lon + d, lat), metres(lon - d, lat)) / (step_m * lat.to_radians().cos());
        (h, k)
    }
}

/// Six decimals (about 10 cm) make a short, exact PROJ string.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests;
