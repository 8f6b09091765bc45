//! Colours and sizes of the map. The palette is made to survive a classroom projector and
//! colour-blind eyes: status is orange against cream (a luminance step as well as a hue step),
//! event severity is a light-to-dark blue ramp, and every distinction also has a second cue
//! (outline, size, dash or ring).

use std::fmt;

/// A colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Rgba([r, g, b, 255])
    }

    /// The colour `t` of the way from `self` to `other` (0: self, 1: other).
    pub fn mix(self, other: Rgba, t: f32) -> Rgba {
        let t = t.clamp(0.0, 1.0);
        let c = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Rgba(std::array::from_fn(|i| c(self.0[i], other.0[i])))
    }

    pub const fn with_alpha(self, a: u8) -> Self {
        let [r, g, b, _] = self.0;
        Rgba([r, g, b, a])
    }

    pub fn r(self) -> u8 {
        self.0[0]
    }
    pub fn g(self) -> u8 {
        self.0[1]
    }
    pub fn b(self) -> u8 {
        self.0[2]
    }
    pub fn a(self) -> u8 {
        self.0[3]
    }

    /// Opacity from 0 to 1.
    pub fn opacity(self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }

    /// `#rrggbb`, without the alpha.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0[0], self.0[1], self.0[2])
    }

    /// This colour painted over an opaque `below`.
    pub fn over(self, below: Rgba) -> Rgba {
        let a = self.opacity();
        let mix = |top: u8, bottom: u8| {
            (f32::from(top) * a + f32::from(bottom) * (1.0 - a)).round() as u8
        };
        Rgba::rgb(
            mix(self.r(), below.r()),
            mix(self.g(), below.g()),
            mix(self.b(), below.b()),
        )
    }
}

impl fmt::Display for Rgba {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.hex())
    }
}

/// Every colour and size the scene uses. Sizes are in points at scale 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    pub background: Rgba,
    pub land: Rgba,
    pub land_border: Rgba,
    pub water: Rgba,
    pub river: Rgba,
    pub special: Rgba,
    pub special_border: Rgba,
    /// A unit under no status.
    pub unit_fill: Rgba,
    /// A unit under a state of emergency (or any other status).
    pub status_fill: Rgba,
    pub unit_border: Rgba,
    /// Outline of a unit whose status began or ended on the shown day.
    pub changed_outline: Rgba,
    pub selected_outline: Rgba,
    pub hover_outline: Rgba,
    /// Marker fills by severity: official or other, protest, clash, violence or deaths.
    pub marker_fill: [Rgba; 4],
    /// Marker of a city with earlier events but none on the shown day.
    pub marker_idle: Rgba,
    pub marker_outline: Rgba,
    pub text: Rgba,
    pub text_muted: Rgba,
    pub water_text: Rgba,
    pub halo: Rgba,
    pub panel: Rgba,
    pub panel_border: Rgba,
    pub region_label_size: f32,
    pub city_label_size: f32,
    pub country_label_size: f32,
    pub water_label_size: f32,
    pub legend_size: f32,
    pub attribution_size: f32,
    pub title_size: f32,
    pub date_size: f32,
    pub unit_border_width: f32,
    pub marker_min_radius: f32,
    /// Every other line width of the map.
    pub widths: Widths,
    /// The empty part of an animation's progress bar (the filled part is `changed_outline`).
    pub progress_track: Rgba,
    /// The colour of an event's kind written as text on a light panel, by severity: the
    /// marker colours, darkened where a marker colour is too light to read (white, light blue).
    pub kind_text: [Rgba; 4],
    /// Precision flags ("time unknown", "single source") in the details panel.
    pub caveat_text: Rgba,
    /// An event card's background; `card_later` for events still to come.
    pub card: Rgba,
    pub card_later: Rgba,
    /// The timeline track's background, its per-day bars, the shown day's column, the cursor
    /// and the day ticks.
    pub timeline_track: Rgba,
    pub timeline_bar: Rgba,
    pub timeline_today: Rgba,
    pub timeline_cursor: Rgba,
    pub timeline_tick: Rgba,
    /// The timeline's quieter words: day numbers, and the count of units when none is under a
    /// status.
    pub timeline_label: Rgba,
}

impl Default for Style {
    fn default() -> Self {
        Style::classroom()
    }
}

/// Line widths and dash patterns, in points at scale 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Widths {
    /// Borders of neighbouring countries and special areas.
    pub context_border: f32,
    pub river: f32,
    /// The dashed outline of a unit whose status changed on the shown day, and its dash.
    pub changed: f32,
    pub changed_dash: [f32; 2],
    /// The strokes that hatch a unit whose status is uncertain, and the gap between them.
    pub hatch: f32,
    pub hatch_spacing: f32,
    /// A selected or hovered unit's outline.
    pub selected: f32,
    pub hover: f32,
    /// A marker's outline: plain, hovered, selected.
    pub marker_outline: f32,
    pub marker_hover: f32,
    pub marker_selected: f32,
    /// The orange band of a city's own status, and the dark edge around it.
    pub status_band: f32,
    pub status_band_edge: f32,
    /// The ring around a selected city, and the light halo under it.
    pub selection_ring: f32,
    pub selection_halo: f32,
    pub panel_border: f32,
    pub scale_bar: f32,
    /// The height of an animation frame's progress bar.
    pub progress_bar: f32,
    /// The legend's small symbols: the dashed swatch and its dash, and dot outlines.
    pub legend_dash: f32,
    pub legend_dash_pattern: [f32; 2],
    pub legend_outline: f32,
}

/// Marker fills by severity (see [`Style::marker_fill`]).
const SEVERITY_BLUES: [Rgba; 4] = [
    Rgba::rgb(0xff, 0xff, 0xff),
    Rgba::rgb(0x7c, 0xb3, 0xdc),
    Rgba::rgb(0x24, 0x6b, 0xb3),
    Rgba::rgb(0x08, 0x1d, 0x4a),
];

impl Style {
    /// The default style: light, high-contrast, large type.
    pub fn classroom() -> Self {
        Style {
            background: Rgba::rgb(0xe6, 0xec, 0xf0),
            land: Rgba::rgb(0xe1, 0xdc, 0xd2),
            land_border: Rgba::rgb(0xb3, 0xab, 0x9d),
            water: Rgba::rgb(0xad, 0xcb, 0xe3),
            river: Rgba::rgb(0x86, 0xb0, 0xd3),
            special: Rgba::rgb(0xcd, 0xc8, 0xc0),
            special_border: Rgba::rgb(0x8f, 0x88, 0x7d),
            unit_fill: Rgba::rgb(0xfd, 0xfa, 0xf2),
            status_fill: Rgba::rgb(0xe3, 0x5d, 0x23),
            unit_border: Rgba::rgb(0x4a, 0x41, 0x37),
            changed_outline: Rgba::rgb(0x14, 0x1f, 0x4d),
            selected_outline: Rgba::rgb(0x00, 0x00, 0x00),
            hover_outline: Rgba::rgb(0x30, 0x30, 0x30),
            marker_fill: SEVERITY_BLUES,
            marker_idle: Rgba::rgb(0xd9, 0xd9, 0xd9),
            marker_outline: Rgba::rgb(0x14, 0x14, 0x1e),
            text: Rgba::rgb(0x1b, 0x1b, 0x22),
            text_muted: Rgba::rgb(0x5b, 0x58, 0x52),
            water_text: Rgba::rgb(0x2f, 0x5f, 0x88),
            halo: Rgba::rgb(0xff, 0xff, 0xff).with_alpha(220),
            panel: Rgba::rgb(0xff, 0xff, 0xff).with_alpha(236),
            panel_border: Rgba::rgb(0x9a, 0x93, 0x88),
            region_label_size: 14.0,
            city_label_size: 14.0,
            country_label_size: 13.0,
            water_label_size: 13.0,
            legend_size: 12.5,
            attribution_size: 12.5,
            title_size: 24.0,
            date_size: 18.0,
            unit_border_width: 1.0,
            marker_min_radius: 4.5,
            widths: Widths {
                context_border: 0.9,
                river: 1.0,
                changed: 3.0,
                changed_dash: [7.0, 4.0],
                hatch: 2.4,
                hatch_spacing: 9.0,
                selected: 3.2,
                hover: 2.2,
                marker_outline: 1.4,
                marker_hover: 2.2,
                marker_selected: 3.0,
                status_band: 3.6,
                status_band_edge: 2.4,
                selection_ring: 2.5,
                selection_halo: 5.5,
                panel_border: 1.0,
                scale_bar: 2.0,
                progress_bar: 10.0,
                legend_dash: 2.5,
                legend_dash_pattern: [5.0, 3.0],
                legend_outline: 1.2,
            },
            progress_track: Rgba::rgb(0xbd, 0xbd, 0xbd),
            kind_text: [
                Rgba::rgb(0x55, 0x55, 0x55),
                // The protest blue, darkened to the same hue so that it reads as text.
                Rgba::rgb(0x2f, 0x7e, 0xb8),
                SEVERITY_BLUES[2],
                SEVERITY_BLUES[3],
            ],
            caveat_text: Rgba::rgb(0x8a, 0x4b, 0x08),
            card: Rgba::rgb(0xfb, 0xf8, 0xf0),
            card_later: Rgba::rgb(0xf8, 0xf8, 0xf8),
            timeline_track: Rgba::rgb(0xf6, 0xf6, 0xf6),
            timeline_bar: Rgba::rgb(0x4a, 0x6f, 0x9a),
            timeline_today: Rgba::rgb(0xdd, 0xe6, 0xf3),
            timeline_cursor: Rgba::rgb(0x00, 0x00, 0x00),
            timeline_tick: Rgba::rgb(0xa0, 0xa0, 0xa0),
            timeline_label: Rgba::rgb(0x60, 0x60, 0x60),
        }
    }

    /// The same style for drawing over a tile basemap: translucent fills, no background.
    pub fn over_tiles(&self) -> Self {
        Style {
            unit_fill: self.unit_fill.with_alpha(70),
            status_fill: self.status_fill.with_alpha(150),
            ..self.clone()
        }
    }

    /// The fill of a unit under `status`: the colour the dataset gives it, else the style's
    /// status colour for the main status and a distinct colour of a fixed palette for others.
    pub fn status_colour(&self, meta: &crate::data::Meta, status: crate::data::StatusIdx) -> Rgba {
        const OTHERS: [[u8; 3]; 5] = [
            [0x7b, 0x3f, 0x9e],
            [0x1b, 0x8a, 0x7a],
            [0xb0, 0x8b, 0x12],
            [0x8c, 0x51, 0x3a],
            [0xc2, 0x3b, 0x7a],
        ];
        let alpha = self.status_fill.a();
        match meta.statuses.get(status.index()).and_then(|s| s.colour) {
            Some([r, g, b]) => Rgba::rgb(r, g, b).with_alpha(alpha),
            None if status.index() == 0 => self.status_fill,
            None => {
                let [r, g, b] = OTHERS[(status.index() - 1) % OTHERS.len()];
                Rgba::rgb(r, g, b).with_alpha(alpha)
            }
        }
    }

    /// The fill for a unit, given whether it is under a status.
    pub fn unit_fill_for(&self, under_status: bool) -> Rgba {
        if under_status {
            self.status_fill
        } else {
            self.unit_fill
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opaque_colour_covers_what_is_below() {
        let red = Rgba::rgb(255, 0, 0);
        assert_eq!(red.over(Rgba::rgb(0, 0, 255)), red);
        assert_eq!(
            red.with_alpha(0).over(Rgba::rgb(0, 0, 255)),
            Rgba::rgb(0, 0, 255)
        );
    }

    #[test]
    fn kind_text_is_the_marker_blue_of_its_severity_or_a_darker_one_of_the_same_hue() {
        let style = Style::classroom();
        for (text, fill) in style.kind_text.iter().zip(&style.marker_fill).skip(1) {
            let hue = |c: &Rgba| {
                let (r, g, b) = (f32::from(c.r()), f32::from(c.g()), f32::from(c.b()));
                (b - r).atan2(g - r)
            };
            let lightness = |c: &Rgba| u32::from(c.r()) + u32::from(c.g()) + u32::from(c.b());
            assert!(
                (hue(text) - hue(fill)).abs() < 0.1,
                "{text} drifted from {fill}"
            );
            assert!(
                lightness(text) <= lightness(fill),
                "{text} is lighter than {fill}"
            );
        }
    }

    #[test]
    fn hex_is_lowercase_rrggbb() {
        assert_eq!(Rgba::rgb(0xe3, 0x5d, 0x23).hex(), "#e35d23");
    }
}
