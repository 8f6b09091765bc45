//! The story card of a slide: the chapter's title, its narrative in the shown language and its
//! sources, in a panel along the bottom left, so that a slide says what the chapter says.

use super::draw::{panel, text_shape, wrap};
use crate::scene::fonts::Metrics;
use crate::scene::input::SceneInput;
use crate::scene::labels::Box2;
use crate::scene::shapes::Shape;

/// Draws the card above `bottom` and returns its top edge.
pub(super) fn story_card(
    input: &SceneInput<'_>,
    bottom: f32,
    out: &mut Vec<Shape>,
    obstacles: &mut Vec<Box2>,
) -> f32 {
    let data = &input.atlas.data;
    let Some(chapter) = input.chapter.and_then(|i| data.story.get(i)) else {
        return bottom;
    };
    let s = input.scale;
    let style = input.style;
    let m = Metrics::get();
    let lang = input.lang;
    let pad = 12.0 * s;
    let margin = 10.0 * s;
    let width = (input.size[0] * 0.6).min(980.0 * s).max(240.0 * s);
    let inner = width - 2.0 * pad;
    let title_size = style.title_size * s * 0.85;
    let text_size = style.legend_size * s * 1.35;
    let source_size = style.attribution_size * s * 1.1;
    let mut lines: Vec<(String, f32, bool, bool)> = Vec::new();
    for l in wrap(chapter.title.get(lang), title_size, inner) {
        lines.push((l, title_size, true, false));
    }
    for l in wrap(chapter.text.get(lang), text_size, inner) {
        lines.push((l, text_size, false, false));
    }
    let titles: Vec<&str> = chapter
        .sources
        .iter()
        .map(|&i| data.source(i).title.as_str())
        .collect();
    if !titles.is_empty() {
        let text = format!(
            "{}: {}",
            crate::i18n::tr(lang, crate::i18n::Msg::SourcesHeading),
            titles.join("; ")
        );
        for l in wrap(&text, source_size, inner) {
            lines.push((l, source_size, false, true));
        }
    }
    let height: f32 = lines
        .iter()
        .map(|(_, size, ..)| m.line_height(*size))
        .sum::<f32>()
        + 2.0 * pad;
    let top = (bottom - height - margin).max(margin);
    let min = [margin, top];
    let max = [margin + width, top + height];
    out.push(panel(min, max, style, s));
    let mut y = top + pad;
    for (line, size, bold, muted) in lines {
        let w = m.width(&line, size, bold);
        let color = if muted { style.text_muted } else { style.text };
        out.push(text_shape(line, [min[0] + pad, y], w, size, bold, color));
        y += m.line_height(size);
    }
    obstacles.push([min[0], min[1], max[0], max[1]]);
    top
}
