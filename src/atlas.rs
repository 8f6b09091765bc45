//! A loaded dataset together with everything derived from it once: the timeline's indices and
//! the prepared geometry. Shared (behind an `Arc`) by the window and the exporters. [`cite`]
//! says how to cite a dataset and the map of it at an instant.

pub mod cite;

use crate::data::OpenSpec;
use crate::data::{Dataset, LoadError};
use crate::geometry::GeometryCache;
use crate::timeline::Timeline;
use std::sync::Arc;

/// A dataset ready to be shown.
#[derive(Debug)]
pub struct Atlas {
    pub data: Dataset,
    pub timeline: Timeline,
    pub geometry: GeometryCache,
}

impl Atlas {
    pub fn new(data: Dataset) -> Self {
        let timeline = Timeline::new(&data);
        let geometry = GeometryCache::new(&data);
        Atlas {
            data,
            timeline,
            geometry,
        }
    }

    /// Where the window opens for a first-time viewer: the instant the dataset names, else
    /// noon of the first day with events, else the start of the window.
    pub fn default_instant(&self) -> crate::clock::Instant {
        let clock = self.data.meta.clock;
        let t = self.data.meta.default_instant.unwrap_or_else(|| {
            let first_day = self.timeline.day_counts().iter().find(|(_, n)| *n > 0);
            match first_day {
                Some((day, _)) => clock.day_start(*day).plus_minutes(12 * 60),
                None => self.timeline.first(),
            }
        });
        self.timeline.clamp(t)
    }

    /// The dataset `spec` asks for: the embedded one or a folder, with files laid on it.
    pub fn load(spec: &OpenSpec) -> Result<Arc<Atlas>, LoadError> {
        Ok(Arc::new(Atlas::new(Dataset::open(spec)?)))
    }
}
