//! PURE. What a scene depends on, as a value: two inputs with equal keys build the same scene,
//! so a painter may keep what it made of the first and skip building the second (the window
//! redraws at 60 frames a second while nothing changes).

use super::filter::EventMask;
use super::input::{EventMode, Fades, OverlayParts, SceneInput};
use super::style::Style;
use crate::clock::Instant;
use crate::data::Place;
use crate::geometry::{Lod, Projector, View};
use crate::i18n::Lang;
use std::sync::Arc;

/// Everything [`SceneInput`] holds, owned: the dataset by identity, the rest by value.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneKey {
    /// The dataset, by address: a dataset loaded again is another one.
    atlas: usize,
    instant: Instant,
    view: View,
    projector: Projector,
    size: [f32; 2],
    scale: f32,
    lang: Lang,
    lod: Lod,
    mode: EventMode,
    selected: Option<Place>,
    chapter: Option<usize>,
    events: Option<Arc<EventMask>>,
    hovered: Option<Place>,
    context: bool,
    overlay: OverlayParts,
    style: Style,
    fades: Option<Fades>,
}

impl SceneInput<'_> {
    /// The key of the scene this input builds.
    pub fn key(&self) -> SceneKey {
        SceneKey {
            atlas: std::ptr::from_ref(self.atlas) as usize,
            instant: self.instant,
            view: self.view,
            projector: self.projector.clone(),
            size: self.size,
            scale: self.scale,
            lang: self.lang,
            lod: self.lod,
            mode: self.mode,
            selected: self.selected,
            chapter: self.chapter,
            events: self.events.clone(),
            hovered: self.hovered,
            context: self.context,
            overlay: self.overlay.clone(),
            style: self.style.clone(),
            fades: self.fades.cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::atlas::Atlas;
    use crate::scene::{Shown, Style};

    #[test]
    fn a_key_changes_with_the_instant_and_the_view_and_not_otherwise() {
        let atlas = Atlas::load(&Default::default()).unwrap();
        let style = Style::default();
        let shown = Shown {
            instant: atlas.default_instant(),
            lang: crate::i18n::Lang::Ru,
            mode: Default::default(),
            selected: None,
            chapter: None,
            events: None,
        };
        let view = crate::geometry::View::fit(atlas.geometry.country_bbox, [800.0, 600.0], 24.0);
        let input = crate::scene::SceneInput::screen(
            &atlas,
            &style,
            &shown,
            (view, [800.0, 600.0]),
            true,
            false,
        );
        assert_eq!(input.key(), input.clone().key());
        let later = crate::scene::SceneInput {
            instant: shown.instant.plus_minutes(1),
            ..input.clone()
        };
        assert_ne!(input.key(), later.key());
        let mut moved = view;
        moved.center_lon += 0.01;
        assert_ne!(input.key(), input.at(moved, [800.0, 600.0]).key());
        assert_ne!(
            input.key(),
            input
                .clone()
                .hovering(Some(crate::data::Place::Country))
                .key()
        );
    }
}
