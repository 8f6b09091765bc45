//! A chapter of a guided story, as the dataset holds it (`story.rs` loads it).

use super::ids::{EventIdx, Place, SourceIdx};
use crate::clock::Instant;
use crate::i18n::LocalText;
use geo::Rect;

/// One chapter of the story.
#[derive(Debug, Clone)]
pub struct Chapter {
    pub id: String,
    /// The instant the map shows.
    pub at: Instant,
    /// The end of an interval to play through, if any.
    pub until: Option<Instant>,
    /// The view (lon/lat); `None`: the whole dataset.
    pub bbox: Option<Rect<f64>>,
    pub select: Option<Place>,
    /// The events the chapter is about; the others are dimmed.
    pub events: Vec<EventIdx>,
    pub title: LocalText,
    pub text: LocalText,
    pub sources: Vec<SourceIdx>,
}
