//! Export sizes: pixels, pixels per point (the print scale) and, for print, dots per inch. A
//! scene is laid out in points, so a 3840×2160 export at scale 2 is the 1920×1080 map drawn
//! twice as sharp; a dpi only says how large the pixels are on paper.

use super::ExportError;

/// The largest side of an export, in pixels.
pub const MAX_SIDE: u32 = 8192;
/// The size an export has when none is given.
pub const DEFAULT: [u32; 2] = [1920, 1080];
/// The print resolutions an export may record, in dots per inch.
pub const DPI: std::ops::RangeInclusive<i64> = 10..=9600;

/// An export's size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Size {
    pub pixels: [u32; 2],
    /// Pixels per point.
    pub ppp: f32,
    /// The print resolution (a PNG's pHYs chunk); `None` for the screen, which records none.
    pub dpi: Option<u32>,
}

impl Size {
    /// From `--width`/`--height` (both or neither; 1920×1080 without them) and `--scale`, which
    /// multiplies them: `--width 1000 --height 800 --scale 3` is the 1000×800 map drawn at
    /// 3000×2400 pixels. Without a scale, a large export scales up so that it keeps the
    /// composition of a 1920×1080 map.
    pub fn new(
        width: Option<i64>,
        height: Option<i64>,
        scale: Option<f64>,
    ) -> Result<Size, ExportError> {
        if let Some(s) = scale
            && !(s.is_finite() && s > 0.0 && s <= 16.0)
        {
            return Err(ExportError::Size(format!(
                "--scale {s} must be above 0 and at most 16"
            )));
        }
        let side = |name: &str, v: i64| -> Result<u32, ExportError> {
            if v <= 0 {
                return Err(ExportError::Size(format!(
                    "--{name} {v} must be at least 1 pixel"
                )));
            }
            u32::try_from(v)
                .ok()
                .filter(|&v| v <= MAX_SIDE)
                .ok_or_else(|| {
                    ExportError::Size(format!(
                        "--{name} {v} is over the limit of {MAX_SIDE} pixels"
                    ))
                })
        };
        let base = match (width, height) {
            (Some(w), Some(h)) => [side("width", w)?, side("height", h)?],
            (None, None) => DEFAULT,
            _ => {
                return Err(ExportError::Size(
                    "give both --width and --height, or neither".into(),
                ));
            }
        };
        let pixels = match scale {
            None => base,
            Some(s) => {
                let w = (f64::from(base[0]) * s).round() as i64;
                let h = (f64::from(base[1]) * s).round() as i64;
                if w > i64::from(MAX_SIDE) || h > i64::from(MAX_SIDE) {
                    return Err(ExportError::Size(format!(
                        "{}x{} at --scale {s} makes {w}x{h} pixels, over the limit of {MAX_SIDE}",
                        base[0], base[1]
                    )));
                }
                [side("width", w)?, side("height", h)?]
            }
        };
        let ppp = match scale {
            Some(s) => s as f32,
            None => (pixels[0] as f32 / DEFAULT[0] as f32)
                .min(pixels[1] as f32 / DEFAULT[1] as f32)
                .max(1.0),
        };
        Ok(Size {
            pixels,
            ppp,
            dpi: None,
        })
    }

    /// The same size printed at `dpi` dots per inch (`--dpi`): 3508×2480 at 300 dpi is A4
    /// landscape.
    pub fn at_dpi(self, dpi: Option<i64>) -> Result<Size, ExportError> {
        let Some(dpi) = dpi else {
            return Ok(Size { dpi: None, ..self });
        };
        if !DPI.contains(&dpi) {
            return Err(ExportError::Size(format!(
                "--dpi {dpi} must be from {} to {}",
                DPI.start(),
                DPI.end()
            )));
        }
        Ok(Size {
            dpi: u32::try_from(dpi).ok(),
            ..self
        })
    }

    /// Pixels per metre at the print resolution, as a PNG records it.
    pub fn pixels_per_metre(&self) -> Option<u32> {
        self.dpi.map(|dpi| (f64::from(dpi) / 0.0254).round() as u32)
    }

    /// The canvas in points.
    pub fn points(&self) -> [f32; 2] {
        [
            self.pixels[0] as f32 / self.ppp,
            self.pixels[1] as f32 / self.ppp,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_full_hd() {
        let s = Size::new(None, None, None).unwrap();
        assert_eq!((s.pixels, s.ppp), ([1920, 1080], 1.0));
    }

    #[test]
    fn a_scale_multiplies_the_default() {
        let s = Size::new(None, None, Some(2.0)).unwrap();
        assert_eq!((s.pixels, s.points()), ([3840, 2160], [1920.0, 1080.0]));
    }

    #[test]
    fn a_scale_multiplies_a_given_size() {
        let s = Size::new(Some(1000), Some(800), Some(3.0)).unwrap();
        assert_eq!((s.pixels, s.points()), ([3000, 2400], [1000.0, 800.0]));
        assert!(
            Size::new(Some(5000), Some(100), Some(2.0)).is_err(),
            "10000 pixels wide"
        );
    }

    #[test]
    fn a_large_size_keeps_the_composition() {
        let s = Size::new(Some(3840), Some(2160), None).unwrap();
        assert_eq!(s.points(), [1920.0, 1080.0]);
    }

    #[test]
    fn a_dpi_is_recorded_in_pixels_per_metre() {
        let s = Size::new(Some(3508), Some(2480), None).unwrap();
        assert_eq!(s.pixels_per_metre(), None);
        let a4 = s.at_dpi(Some(300)).unwrap();
        assert_eq!(
            (a4.pixels, a4.pixels_per_metre()),
            ([3508, 2480], Some(11811))
        );
        assert_eq!(s.at_dpi(Some(96)).unwrap().pixels_per_metre(), Some(3780));
        assert!(s.at_dpi(Some(0)).is_err() && s.at_dpi(Some(100_000)).is_err());
    }

    #[test]
    fn zero_negative_and_oversized_sizes_are_refused() {
        for (w, h) in [(0, 100), (-5, 100), (8193, 100), (100, 9000)] {
            assert!(Size::new(Some(w), Some(h), None).is_err(), "{w}x{h}");
        }
        assert!(Size::new(Some(100), None, None).is_err());
        assert!(Size::new(None, None, Some(0.0)).is_err());
        assert!(
            Size::new(None, None, Some(5.0)).is_err(),
            "9600 pixels wide"
        );
        assert!(Size::new(Some(8192), Some(8192), None).is_ok());
    }
}
