//! Label placement: greedy, by priority, with no label overlapping another label, a marker or
//! the overlay. A city label tries the four sides of its marker; other labels sit centred on
//! their point or are left out.

use super::fonts::Metrics;
use super::shapes::TextShape;
use super::style::Rgba;
use crate::data::Place;

/// Where a label wants to go.
#[derive(Debug, Clone)]
pub enum Anchor {
    /// Centred on a point.
    Center([f32; 2]),
    /// Centred on the first of these points where it fits.
    Centers(Vec<[f32; 2]>),
    /// Beside a marker of this radius: right, left, above or below, in that order.
    Beside { center: [f32; 2], radius: f32 },
}

/// A label that may be placed.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub text: String,
    pub size: f32,
    pub bold: bool,
    pub italic: bool,
    pub color: Rgba,
    pub anchor: Anchor,
    pub target: Option<Place>,
    /// Lower goes first.
    pub priority: i32,
}

/// Rectangles as min x, min y, max x, max y.
pub type Box2 = [f32; 4];

fn overlaps(a: &Box2, b: &Box2) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

fn inside(a: &Box2, bounds: &Box2) -> bool {
    a[0] >= bounds[0] && a[1] >= bounds[1] && a[2] <= bounds[2] && a[3] <= bounds[3]
}

/// Places the candidates that fit, highest priority first. `obstacles` are boxes no label may
/// cover (markers, the legend); `bounds` is the area labels must stay inside.
pub fn place(
    mut candidates: Vec<Candidate>,
    obstacles: &[Box2],
    bounds: Box2,
    halo: Rgba,
    pad: f32,
) -> Vec<TextShape> {
    let metrics = Metrics::get();
    candidates.sort_by_key(|c| c.priority);
    let mut taken: Vec<Box2> = Vec::with_capacity(candidates.len());
    let mut out = Vec::new();
    for c in candidates {
        let width = metrics.width(&c.text, c.size, c.bold);
        let height = metrics.line_height(c.size);
        let spots: Vec<[f32; 2]> = match &c.anchor {
            Anchor::Center(p) => vec![[p[0] - width / 2.0, p[1] - height / 2.0]],
            Anchor::Centers(ps) => ps
                .iter()
                .map(|p| [p[0] - width / 2.0, p[1] - height / 2.0])
                .collect(),
            &Anchor::Beside { center, radius } => {
                let gap = radius + pad;
                vec![
                    [center[0] + gap, center[1] - height / 2.0],
                    [center[0] - gap - width, center[1] - height / 2.0],
                    [center[0] - width / 2.0, center[1] - gap - height],
                    [center[0] - width / 2.0, center[1] + gap],
                ]
            }
        };
        let fits = |min: &[f32; 2]| {
            let r = [
                min[0] - pad / 2.0,
                min[1],
                min[0] + width + pad / 2.0,
                min[1] + height,
            ];
            let own = match c.anchor {
                Anchor::Beside { center, radius } => Some([
                    center[0] - radius,
                    center[1] - radius,
                    center[0] + radius,
                    center[1] + radius,
                ]),
                Anchor::Center(_) | Anchor::Centers(_) => None,
            };
            inside(&r, &bounds)
                && !taken.iter().any(|t| overlaps(t, &r))
                && !obstacles
                    .iter()
                    .filter(|o| Some(**o) != own)
                    .any(|o| overlaps(o, &r))
        };
        let Some(min) = spots.into_iter().find(fits) else {
            continue;
        };
        taken.push([
            min[0] - pad / 2.0,
            min[1],
            min[0] + width + pad / 2.0,
            min[1] + height,
        ]);
        out.push(TextShape {
            text: c.text,
            min,
            width,
            size: c.size,
            bold: c.bold,
            italic: c.italic,
            color: c.color,
            halo: Some(halo),
            target: c.target,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(text: &str, at: [f32; 2], priority: i32) -> Candidate {
        Candidate {
            text: text.into(),
            size: 14.0,
            bold: false,
            italic: false,
            color: Rgba::rgb(0, 0, 0),
            anchor: Anchor::Center(at),
            target: None,
            priority,
        }
    }

    #[test]
    fn overlapping_labels_keep_the_more_important_one() {
        let placed = place(
            vec![
                candidate("Second", [100.0, 100.0], 2),
                candidate("First", [102.0, 101.0], 1),
            ],
            &[],
            [0.0, 0.0, 400.0, 400.0],
            Rgba::rgb(255, 255, 255),
            2.0,
        );
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].text, "First");
    }

    #[test]
    fn a_city_label_moves_to_the_left_when_the_right_is_taken() {
        let mut c = candidate("Oral", [0.0, 0.0], 1);
        c.anchor = Anchor::Beside {
            center: [200.0, 100.0],
            radius: 5.0,
        };
        let blocker = [206.0, 80.0, 260.0, 120.0];
        let placed = place(
            vec![c],
            &[blocker],
            [0.0, 0.0, 400.0, 400.0],
            Rgba::rgb(255, 255, 255),
            2.0,
        );
        assert_eq!(placed.len(), 1);
        assert!(
            placed[0].min[0] + placed[0].width <= 200.0,
            "{:?}",
            placed[0].min
        );
    }

    #[test]
    fn labels_stay_inside_the_canvas() {
        let placed = place(
            vec![candidate("Edge", [2.0, 2.0], 1)],
            &[],
            [0.0, 0.0, 400.0, 400.0],
            Rgba::rgb(255, 255, 255),
            2.0,
        );
        assert!(placed.is_empty());
    }
}
