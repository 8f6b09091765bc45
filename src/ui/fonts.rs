//! Fonts and text sizes: DejaVu Sans everywhere (it covers Kazakh and Russian letters, and the
//! exports use the same files), at sizes readable from the back of a classroom.

use crate::paint::egui::{BOLD, ITALIC};
use crate::scene::Theme;
use crate::scene::fonts;
use egui::{FontData, FontDefinitions, FontFamily, FontId, TextStyle};

/// The panels' colours for `theme`: egui's light or dark visuals; high contrast has black text
/// and strong outlines.
pub fn visuals(ctx: &egui::Context, theme: Theme) {
    let mut v = match theme {
        Theme::Dark => egui::Visuals::dark(),
        Theme::Light | Theme::HighContrast => egui::Visuals::light(),
    };
    if theme == Theme::HighContrast {
        v.override_text_color = Some(egui::Color32::BLACK);
        v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, egui::Color32::BLACK);
        v.widgets.inactive.bg_stroke = egui::Stroke::new(1.5, egui::Color32::BLACK);
        v.hyperlink_color = egui::Color32::from_rgb(0x00, 0x33, 0xaa);
    }
    ctx.set_visuals(v);
}
use std::sync::Arc;

/// Makes DejaVu Sans the interface font, with bold and oblique families for the map.
pub fn install(ctx: &egui::Context) {
    let mut defs = FontDefinitions::default();
    defs.font_data.insert(
        "dejavu".into(),
        Arc::new(FontData::from_static(fonts::regular_bytes())),
    );
    defs.font_data.insert(
        "dejavu-bold".into(),
        Arc::new(FontData::from_static(fonts::bold_bytes())),
    );
    defs.font_data.insert(
        "dejavu-oblique".into(),
        Arc::new(FontData::from_static(dejavu::sans::oblique())),
    );
    let fallbacks: Vec<String> = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let with = |first: &str| {
        std::iter::once(first.to_owned())
            .chain(fallbacks.iter().cloned())
            .collect::<Vec<_>>()
    };
    defs.families
        .insert(FontFamily::Proportional, with("dejavu"));
    defs.families
        .insert(FontFamily::Name(BOLD.into()), with("dejavu-bold"));
    defs.families
        .insert(FontFamily::Name(ITALIC.into()), with("dejavu-oblique"));
    ctx.set_fonts(defs);
}

/// Larger text than egui's defaults, and a light theme that projects well.
pub fn style(ctx: &egui::Context) {
    ctx.set_theme(egui::Theme::Light);
    // egui measures every mesh's bounds each frame to skip those outside their clip; the map's
    // meshes, the biggest by far, are already cut to their clip triangle by triangle
    // (paint::egui), so the measuring only costs (1-1.5 ms of a 10 ms frame on the stress
    // data, and nothing gained on the other frames: `cargo bench --bench frame`).
    ctx.tessellation_options_mut(|o| o.coarse_tessellation_culling = false);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(12.5)),
            (TextStyle::Body, FontId::proportional(15.0)),
            (TextStyle::Button, FontId::proportional(15.0)),
            (
                TextStyle::Heading,
                FontId::new(21.0, FontFamily::Name(BOLD.into())),
            ),
            (TextStyle::Monospace, FontId::monospace(14.0)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}
