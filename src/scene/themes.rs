//! The map's themes: the light classroom style (the default, colour-blind safe), a dark one for
//! dim rooms, and a high-contrast one for projectors that wash colours out. All keep the same
//! meanings: orange for the status, blues for the severity of events.

use super::style::{Rgba, Style};
use serde::{Deserialize, Serialize};

/// A look for the whole atlas: the map and the panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    HighContrast,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];
}

impl Style {
    /// The style of `theme`.
    pub fn for_theme(theme: Theme) -> Self {
        match theme {
            Theme::Light => Style::classroom(),
            Theme::Dark => Style::dark(),
            Theme::HighContrast => Style::high_contrast(),
        }
    }

    /// Dark surroundings and panels; the units stay light enough for the orange and the blues
    /// to read as in the light style.
    pub fn dark() -> Self {
        let light = Style::classroom();
        Style {
            background: Rgba::rgb(0x1b, 0x1e, 0x24),
            land: Rgba::rgb(0x33, 0x36, 0x3c),
            land_border: Rgba::rgb(0x55, 0x58, 0x5e),
            water: Rgba::rgb(0x22, 0x3a, 0x52),
            river: Rgba::rgb(0x2f, 0x56, 0x7a),
            special: Rgba::rgb(0x4a, 0x4a, 0x4a),
            unit_fill: Rgba::rgb(0xd9, 0xd4, 0xc8),
            unit_border: Rgba::rgb(0x3a, 0x34, 0x2c),
            text: Rgba::rgb(0x14, 0x14, 0x18),
            water_text: Rgba::rgb(0x9c, 0xc3, 0xe6),
            panel: Rgba::rgb(0xf2, 0xf2, 0xf2).with_alpha(240),
            timeline_track: Rgba::rgb(0x2a, 0x2d, 0x33),
            timeline_today: Rgba::rgb(0x3a, 0x46, 0x5a),
            timeline_cursor: Rgba::rgb(0xff, 0xff, 0xff),
            timeline_label: Rgba::rgb(0xc8, 0xc8, 0xc8),
            card: Rgba::rgb(0x2c, 0x2f, 0x36),
            card_later: Rgba::rgb(0x26, 0x28, 0x2d),
            kind_text: [
                Rgba::rgb(0xc0, 0xc0, 0xc0),
                Rgba::rgb(0x8c, 0xc0, 0xea),
                Rgba::rgb(0x6f, 0xa8, 0xdc),
                Rgba::rgb(0xa9, 0xc8, 0xf0),
            ],
            caveat_text: Rgba::rgb(0xf0, 0xb0, 0x60),
            ..light
        }
    }

    /// Black outlines and text, pure white units and panels, a deeper orange: for projectors.
    pub fn high_contrast() -> Self {
        let light = Style::classroom();
        let mut widths = light.widths.clone();
        widths.marker_outline *= 1.5;
        Style {
            background: Rgba::rgb(0xff, 0xff, 0xff),
            land: Rgba::rgb(0xd0, 0xd0, 0xd0),
            land_border: Rgba::rgb(0x40, 0x40, 0x40),
            unit_fill: Rgba::rgb(0xff, 0xff, 0xff),
            status_fill: Rgba::rgb(0xd9, 0x48, 0x01),
            unit_border: Rgba::rgb(0x00, 0x00, 0x00),
            unit_border_width: light.unit_border_width * 1.8,
            marker_outline: Rgba::rgb(0x00, 0x00, 0x00),
            text: Rgba::rgb(0x00, 0x00, 0x00),
            text_muted: Rgba::rgb(0x20, 0x20, 0x20),
            halo: Rgba::rgb(0xff, 0xff, 0xff),
            panel: Rgba::rgb(0xff, 0xff, 0xff),
            panel_border: Rgba::rgb(0x00, 0x00, 0x00),
            timeline_label: Rgba::rgb(0x00, 0x00, 0x00),
            widths,
            ..light
        }
    }
}
