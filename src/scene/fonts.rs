//! The one typeface of Qantar, DejaVu Sans (it covers Kazakh and Russian letters), and its
//! metrics. The scene measures text with these metrics to place labels without overlaps; every
//! painter draws with the same font files, so what was measured is what is drawn.

use std::sync::OnceLock;

/// DejaVu Sans, regular.
pub fn regular_bytes() -> &'static [u8] {
    dejavu::sans::regular()
}

/// DejaVu Sans, bold.
pub fn bold_bytes() -> &'static [u8] {
    dejavu::sans::bold()
}

/// The family name painters should ask their font systems for.
pub const FAMILY: &str = "DejaVu Sans";

/// Characters below this (Latin, Greek, Cyrillic with Kazakh letters) have their advance
/// looked up once, when the metrics are made: labels are measured on every frame.
const TABLED: u32 = 0x0530;

struct Face {
    face: Option<ttf_parser::Face<'static>>,
    /// The advance of each character below [`TABLED`], in font units.
    table: Vec<f32>,
    units_per_em: f32,
    ascender: f32,
    descender: f32,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Self {
        let face = ttf_parser::Face::parse(bytes, 0).ok();
        let (units_per_em, ascender, descender) =
            face.as_ref().map_or((2048.0, 1901.0, -483.0), |f| {
                (
                    f32::from(f.units_per_em()),
                    f32::from(f.ascender()),
                    f32::from(f.descender()),
                )
            });
        let mut f = Face {
            face,
            table: Vec::new(),
            units_per_em,
            ascender,
            descender,
        };
        f.table = (0..TABLED)
            .map(|u| char::from_u32(u).map_or(0.0, |c| f.look_up(c)))
            .collect();
        f
    }

    fn advance(&self, c: char) -> f32 {
        match self.table.get(c as usize) {
            Some(&a) => a,
            None => self.look_up(c),
        }
    }

    fn look_up(&self, c: char) -> f32 {
        let Some(face) = &self.face else {
            return 0.6 * self.units_per_em;
        };
        face.glyph_index(c)
            .and_then(|g| face.glyph_hor_advance(g))
            .map_or(0.6 * self.units_per_em, f32::from)
    }
}

/// Text measurement in the scene's units (points at the given font size).
pub struct Metrics {
    regular: Face,
    bold: Face,
}

impl Metrics {
    /// The shared metrics of DejaVu Sans.
    pub fn get() -> &'static Metrics {
        static METRICS: OnceLock<Metrics> = OnceLock::new();
        METRICS.get_or_init(|| Metrics {
            regular: Face::new(regular_bytes()),
            bold: Face::new(bold_bytes()),
        })
    }

    fn face(&self, bold: bool) -> &Face {
        if bold { &self.bold } else { &self.regular }
    }

    /// The advance width of `text` set in one line at `size`.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = self.face(bold);
        let units: f32 = text.chars().map(|c| face.advance(c)).sum();
        units * size / face.units_per_em
    }

    /// Distance from the top of the line box to the baseline.
    pub fn ascent(&self, size: f32) -> f32 {
        let face = self.face(false);
        face.ascender * size / face.units_per_em
    }

    /// Height of one line box (ascender to descender).
    pub fn line_height(&self, size: f32) -> f32 {
        let face = self.face(false);
        (face.ascender - face.descender) * size / face.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kazakh_and_russian_letters_have_their_own_glyphs() {
        let face = ttf_parser::Face::parse(regular_bytes(), 0).unwrap();
        for c in "ӘәҒғҚқҢңӨөҰұҮүҺһІі Жаңаөзен Уральск"
            .chars()
            .filter(|c| !c.is_whitespace())
        {
            assert!(face.glyph_index(c).is_some(), "DejaVu Sans lacks {c}");
        }
    }

    #[test]
    fn wider_text_measures_wider() {
        let m = Metrics::get();
        assert!(m.width("Mangystau", 14.0, false) > m.width("Oral", 14.0, false));
        assert!(m.width("Oral", 14.0, true) > m.width("Oral", 14.0, false));
        let w = m.width("Oral", 28.0, false);
        assert!((w - 2.0 * m.width("Oral", 14.0, false)).abs() < 1e-3);
    }

    #[test]
    fn tabled_advances_are_the_font_s_own() {
        let m = Metrics::get();
        for c in ['a', 'W', 'ә', 'Ұ', 'ж', '€', '漢'] {
            assert_eq!(m.regular.advance(c), m.regular.look_up(c), "{c}");
        }
    }
}
