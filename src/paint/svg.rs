//! SVG documents: a real vector map. The root records the projection (`data-projection`,
//! `data-proj4`) and what shaped the map (`data-` attributes, one per metadata keyword); each
//! unit is one `<path>` with `id` = its code and `data-status`; each city marker is one
//! `<g id="city-…">`; every label, the title, the date, the legend and the attribution are
//! `<text>`. The same scene always gives the same bytes.

use crate::scene::{LayerKind, PolygonClass, Rgba, Scene, Shape, Stroke};
use std::fmt::Write as _;

/// The SVG document for `scene` (in points), `pixels` wide and high, with `metadata` (keyword,
/// text) as `data-` attributes of the root: `Selection` becomes `data-selection`.
pub fn to_svg(scene: &Scene, pixels: [u32; 2], metadata: &[(String, String)]) -> String {
    let mut s = String::with_capacity(512 * 1024);
    let [w, h] = scene.size;
    let meta = &scene.meta;
    let mut attributes = format!(
        r#" data-projection="{}" data-proj4="{}""#,
        meta.projection.id(),
        esc(&meta.projection_definition)
    );
    for (keyword, text) in metadata {
        let name = keyword.to_lowercase().replace(' ', "-");
        if name != "projection" {
            let _ = write!(attributes, r#" data-{}="{}""#, esc(&name), esc(text));
        }
    }
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" font-family="DejaVu Sans, Verdana, sans-serif"{attributes}>"#,
        pixels[0],
        pixels[1],
        num(w),
        num(h)
    );
    let _ = writeln!(s, "<title>{}</title>", esc(&meta.title));
    let _ = writeln!(
        s,
        "<desc>{}. {}. Dataset {}. Made with Qantar {}. Sources: {}</desc>",
        esc(&meta.instant_text),
        esc(&meta.instant),
        esc(&meta.dataset),
        env!("CARGO_PKG_VERSION"),
        esc(&meta.sources)
    );
    if let Some(bg) = scene.background {
        let _ = writeln!(
            s,
            r#"<rect id="background" width="{}" height="{}" fill="{}"/>"#,
            num(w),
            num(h),
            bg.hex()
        );
    }
    for layer in &scene.layers {
        let _ = writeln!(s, r#"<g id="{}">"#, layer.kind.id());
        for shape in &layer.shapes {
            shape_svg(&mut s, layer.kind, shape, &scene.meta.status_keys);
        }
        s.push_str("</g>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// A line as a path element with `attrs` (id, class).
fn line_svg(s: &mut String, attrs: &str, points: &[[f32; 2]], closed: bool, stroke: &Stroke) {
    let mut d = String::new();
    path_data(&mut d, points, closed);
    let _ = writeln!(
        s,
        r#"<path{attrs} fill="none"{} d="{d}"/>"#,
        stroke_attrs(stroke)
    );
}

fn shape_svg(s: &mut String, kind: LayerKind, shape: &Shape, status_keys: &[String]) {
    match shape {
        Shape::Polygon(p) => {
            let mut d = String::new();
            for ring in p.polygon.rings.iter() {
                path_data(&mut d, ring, true);
            }
            let status = match p.class {
                PolygonClass::Unit {
                    uncertain: Some(_), ..
                } => r#" data-status="uncertain""#.to_owned(),
                PolygonClass::Unit { status, .. } => format!(
                    r#" data-status="{}""#,
                    esc(status
                        .and_then(|i| status_keys.get(i.index()))
                        .map_or("none", String::as_str))
                ),
                _ => String::new(),
            };
            let _ = writeln!(
                s,
                r#"<path id="{}" class="{}"{status} fill="{}"{} fill-rule="evenodd" d="{d}"/>"#,
                esc(&p.polygon.id),
                p.class.id(),
                p.fill.hex(),
                opacity("fill-opacity", p.fill)
            );
        }
        Shape::Line(l) => {
            let id =
                l.id.as_ref()
                    .map(|i| format!(r#" id="{}""#, esc(i)))
                    .unwrap_or_default();
            let class = if kind == LayerKind::Context {
                r#" class="line""#
            } else {
                ""
            };
            line_svg(s, &format!("{id}{class}"), &l.points, l.closed, &l.stroke);
        }
        Shape::Lines(l) => {
            for (points, closed) in l.each() {
                line_svg(s, "", points, closed, &l.stroke);
            }
        }
        Shape::Circle(c) => {
            let open = c.id.as_ref().map(|id| {
                let _ = writeln!(s, r#"<g id="{}">"#, esc(id));
            });
            for (r, ring) in &c.rings {
                let _ = writeln!(
                    s,
                    r#"<circle cx="{}" cy="{}" r="{}" fill="none"{}/>"#,
                    num(c.center[0]),
                    num(c.center[1]),
                    num(*r),
                    stroke_attrs(ring)
                );
            }
            if c.radius > 0.0 {
                let fill = c.fill.map_or_else(
                    || r#"fill="none""#.to_owned(),
                    |f| format!(r#"fill="{}"{}"#, f.hex(), opacity("fill-opacity", f)),
                );
                let stroke = c.stroke.as_ref().map(stroke_attrs).unwrap_or_default();
                let _ = writeln!(
                    s,
                    r#"<circle cx="{}" cy="{}" r="{}" {fill}{stroke}/>"#,
                    num(c.center[0]),
                    num(c.center[1]),
                    num(c.radius)
                );
            }
            if open.is_some() {
                s.push_str("</g>\n");
            }
        }
        Shape::Text(t) => {
            let weight = if t.bold { r#" font-weight="bold""# } else { "" };
            let style = if t.italic {
                r#" font-style="italic""#
            } else {
                ""
            };
            let halo = t.halo.map_or_else(String::new, |h| {
                format!(
                    r#" stroke="{}"{} stroke-width="{}" stroke-linejoin="round" paint-order="stroke""#,
                    h.hex(),
                    opacity("stroke-opacity", h),
                    num((t.size / 4.5).clamp(2.0, 5.0))
                )
            });
            let _ = writeln!(
                s,
                r#"<text x="{}" y="{}" font-size="{}"{weight}{style} fill="{}"{}{halo}>{}</text>"#,
                num(t.min[0]),
                num(t.baseline()),
                num(t.size),
                t.color.hex(),
                opacity("fill-opacity", t.color),
                esc(&t.text)
            );
        }
        Shape::Rect(r) => {
            let fill = r.fill.map_or_else(
                || r#"fill="none""#.to_owned(),
                |f| format!(r#"fill="{}"{}"#, f.hex(), opacity("fill-opacity", f)),
            );
            let stroke = r.stroke.as_ref().map(stroke_attrs).unwrap_or_default();
            let _ = writeln!(
                s,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" {fill}{stroke}/>"#,
                num(r.min[0]),
                num(r.min[1]),
                num(r.max[0] - r.min[0]),
                num(r.max[1] - r.min[1]),
                num(r.radius)
            );
        }
    }
}

fn path_data(d: &mut String, points: &[[f32; 2]], close: bool) {
    for (i, p) in points.iter().enumerate() {
        let _ = write!(
            d,
            "{}{} {}",
            if i == 0 { "M" } else { "L" },
            num(p[0]),
            num(p[1])
        );
    }
    if close && !points.is_empty() {
        d.push('Z');
    }
}

fn stroke_attrs(st: &Stroke) -> String {
    let dash = st
        .dash
        .map(|[a, b]| format!(r#" stroke-dasharray="{} {}""#, num(a), num(b)))
        .unwrap_or_default();
    format!(
        r#" stroke="{}"{} stroke-width="{}" stroke-linejoin="round" stroke-linecap="round"{dash}"#,
        st.color.hex(),
        opacity("stroke-opacity", st.color),
        num(st.width)
    )
}

fn opacity(attr: &str, c: Rgba) -> String {
    if c.a() == 255 {
        String::new()
    } else {
        format!(r#" {attr}="{}""#, num(c.opacity()))
    }
}

/// A number with at most two decimals and no trailing zeros: stable and compact.
fn num(v: f32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(1.234_56), "1.23");
        assert_eq!(num(-0.001), "0");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(esc("a < b & \"c\""), "a &lt; b &amp; &quot;c&quot;");
    }
}
