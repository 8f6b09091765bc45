//! Small builders the overlay parts share: a rectangle, a line of text, text wrapped to a width.

use crate::scene::fonts::Metrics;
use crate::scene::shapes::{RectShape, Shape, Stroke, TextShape};
use crate::scene::style::{Rgba, Style};

/// Breaks `text` at spaces into lines no wider than `max_width`.
pub(super) fn wrap(text: &str, size: f32, max_width: f32) -> Vec<String> {
    let m = Metrics::get();
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && m.width(&candidate, size, false) > max_width {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

pub(super) fn rect(
    min: [f32; 2],
    max: [f32; 2],
    fill: Option<Rgba>,
    stroke: Option<Stroke>,
    radius: f32,
) -> Shape {
    Shape::Rect(RectShape {
        min,
        max,
        fill,
        stroke,
        radius,
    })
}

pub(super) fn text_shape(
    text: String,
    min: [f32; 2],
    width: f32,
    size: f32,
    bold: bool,
    color: Rgba,
) -> Shape {
    Shape::Text(TextShape {
        text,
        min,
        width,
        size,
        bold,
        italic: false,
        color,
        halo: None,
        target: None,
    })
}

/// A framed panel (the legend, the title block) from `min` to `max`.
pub(super) fn panel(min: [f32; 2], max: [f32; 2], style: &Style, s: f32) -> Shape {
    rect(
        min,
        max,
        Some(style.panel),
        Some(Stroke::solid(
            style.widths.panel_border * s,
            style.panel_border,
        )),
        4.0 * s,
    )
}
