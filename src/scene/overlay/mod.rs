//! The overlay: title and date, legend, scale bar, attribution and progress bar, laid out in
//! canvas points. Each part it places is also an obstacle for the map labels.

mod draw;
mod entries;
mod legend;
mod placement;
mod story;

use super::fonts::Metrics;
use super::input::SceneInput;
use super::labels::Box2;
use super::shapes::{LineShape, Shape, Stroke};
use crate::i18n::{Msg, tr};
use draw::{panel, rect, text_shape, wrap};
use legend::legend;

pub(super) fn build(
    input: &SceneInput<'_>,
    map: &[&[Shape]],
    obstacles: &mut Vec<Box2>,
    clustered: bool,
) -> Vec<Shape> {
    let mut out = Vec::new();
    // What the overlay itself places; the obstacles before it are markers.
    let first_overlay = obstacles.len();
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let margin = 10.0 * s;
    let [w, h] = input.size;
    let mut bottom = h;

    if let Some(progress) = input.overlay.progress {
        let bar_h = style.widths.progress_bar * s;
        out.push(rect(
            [0.0, h - bar_h],
            [w, h],
            Some(style.progress_track),
            None,
            0.0,
        ));
        out.push(rect(
            [0.0, h - bar_h],
            [w * progress.clamp(0.0, 1.0), h],
            Some(style.changed_outline),
            None,
            0.0,
        ));
        obstacles.push([0.0, h - bar_h, w, h]);
        bottom -= bar_h;
    }

    if input.overlay.attribution {
        let size = style.attribution_size * s;
        let mut text = format!(
            "{}: {}",
            tr(input.lang, Msg::DataCredit),
            input.atlas.data.meta.attribution
        );
        if let Some(credit) = &input.overlay.tiles_credit {
            text = format!("{credit} · {text}");
        }
        let line_h = m.line_height(size);
        let lines = wrap(&text, size, (w - 2.0 * margin).max(80.0 * s));
        let width = lines
            .iter()
            .map(|l| m.width(l, size, false))
            .fold(0.0, f32::max);
        let x = (w - width - margin).max(margin / 2.0);
        let top = bottom - line_h * lines.len() as f32 - 3.0 * s;
        out.push(rect(
            [x - 4.0 * s, top - 1.0 * s],
            [x + width + 4.0 * s, bottom - 2.0 * s],
            Some(style.panel),
            None,
            3.0 * s,
        ));
        for (i, line) in lines.into_iter().enumerate() {
            let lw = m.width(&line, size, false);
            out.push(text_shape(
                line,
                [x + width - lw, top + i as f32 * line_h],
                lw,
                size,
                false,
                style.text_muted,
            ));
        }
        obstacles.push([x - 4.0 * s, top - 1.0 * s, w, bottom]);
        bottom = top - 4.0 * s;
    }

    if input.overlay.scale_bar {
        scale_bar(input, bottom, &mut out, obstacles);
    }

    if input.overlay.story_card {
        bottom = story::story_card(input, bottom, &mut out, obstacles);
    }

    if input.overlay.title.is_some() || input.overlay.date {
        title_block(input, &mut out, obstacles);
    }

    if input.overlay.legend {
        let placed: Vec<Box2> = obstacles[first_overlay..].to_vec();
        let rect = legend(input, bottom, map, (&placed, clustered), &mut out);
        obstacles.extend(rect);
    }
    out
}

fn title_block(input: &SceneInput<'_>, out: &mut Vec<Shape>, obstacles: &mut Vec<Box2>) {
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let data = &input.atlas.data;
    let pad = 10.0 * s;
    let mut lines: Vec<(String, f32, bool)> = Vec::new();
    if let Some(title) = &input.overlay.title {
        lines.push((title.clone(), style.title_size * s, true));
    }
    if input.overlay.date {
        let clock = data.meta.clock;
        lines.push((
            format!(
                "{} ({})",
                clock.long_text(input.lang, input.instant),
                clock.labelled(data.meta.clock_label.get(input.lang), input.instant)
            ),
            style.date_size * s,
            false,
        ));
    }
    let width = lines
        .iter()
        .map(|(t, size, bold)| m.width(t, *size, *bold))
        .fold(0.0, f32::max);
    let height: f32 = lines.iter().map(|(_, size, _)| m.line_height(*size)).sum();
    let min = [pad, pad];
    let max = [pad + width + 2.0 * pad, pad + height + 2.0 * pad];
    out.push(panel(min, max, style, s));
    let mut y = min[1] + pad;
    for (text, size, bold) in lines {
        let w = m.width(&text, size, bold);
        out.push(text_shape(
            text,
            [min[0] + pad, y],
            w,
            size,
            bold,
            style.text,
        ));
        y += m.line_height(size);
    }
    obstacles.push([min[0], min[1], max[0], max[1]]);
}

fn scale_bar(input: &SceneInput<'_>, bottom: f32, out: &mut Vec<Shape>, obstacles: &mut Vec<Box2>) {
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let meters_per_point = input.view.meters_per_point_in(&input.projector);
    if !meters_per_point.is_finite() || meters_per_point <= 0.0 {
        return;
    }
    let target_m = meters_per_point * f64::from(130.0 * s);
    let nice = [
        1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0,
    ]
    .into_iter()
    .map(|km| km * 1000.0)
    .rfind(|&len| len <= target_m)
    .unwrap_or(1000.0);
    let len_pt = (nice / meters_per_point) as f32;
    let size = style.legend_size * s;
    let label = format!("{} {}", nice / 1000.0, tr(input.lang, Msg::Kilometres));
    let label_w = m.width(&label, size, false);
    let x1 = input.size[0] - 14.0 * s;
    let x0 = x1 - len_pt;
    let y = bottom - 10.0 * s;
    let top = y - m.line_height(size) - 6.0 * s;
    out.push(rect(
        [x0 - 6.0 * s, top - 2.0 * s],
        [x1 + 6.0 * s, y + 6.0 * s],
        Some(style.panel),
        None,
        3.0 * s,
    ));
    let stroke = Stroke::solid(style.widths.scale_bar * s, style.text);
    out.push(Shape::Line(LineShape {
        id: Some("scale-bar".into()),
        points: std::sync::Arc::new([[x0, y - 5.0 * s], [x0, y], [x1, y], [x1, y - 5.0 * s]]),
        closed: false,
        stroke,
    }));
    out.push(text_shape(
        label,
        [x0 + (len_pt - label_w) / 2.0, top],
        label_w,
        size,
        false,
        style.text,
    ));
    obstacles.push([x0 - 6.0 * s, top - 2.0 * s, x1 + 6.0 * s, y + 6.0 * s]);
}
