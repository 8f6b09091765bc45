//! Filters on events: by kind and by free text over titles, descriptions and places. The map,
//! the markers, the histogram, the details and every export follow the same [`EventMask`].

use crate::data::{Dataset, Event, EventIdx, normalize};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What the user filters on. The default admits every event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Ids of the kinds not shown.
    pub hidden_kinds: Vec<String>,
    /// Words an event's text must contain (any script, case and accents ignored).
    pub text: String,
}

/// A filter and, for each event of a dataset, whether it passes.
#[derive(Debug, Clone, PartialEq)]
pub struct EventMask {
    pub filter: EventFilter,
    shown: Vec<bool>,
    /// How many events pass.
    pub count: usize,
}

impl EventFilter {
    /// True when the filter hides something.
    pub fn is_active(&self) -> bool {
        !self.hidden_kinds.is_empty() || !self.text.trim().is_empty()
    }

    /// True when `event` passes.
    pub fn admits(&self, data: &Dataset, event: &Event) -> bool {
        let kind = &data.meta.kind(event.kind).id;
        if self.hidden_kinds.iter().any(|k| k == kind) {
            return false;
        }
        let words: Vec<String> = self.text.split_whitespace().map(normalize).collect();
        if words.iter().all(String::is_empty) {
            return true;
        }
        let text = searchable(data, event);
        words.iter().all(|w| text.contains(w.as_str()))
    }

    /// The mask of this filter over `data`: `None` when it admits everything.
    pub fn mask(&self, data: &Dataset) -> Option<Arc<EventMask>> {
        if !self.is_active() {
            return None;
        }
        let shown: Vec<bool> = data.events.iter().map(|e| self.admits(data, e)).collect();
        let count = shown.iter().filter(|&&s| s).count();
        Some(Arc::new(EventMask {
            filter: self.clone(),
            shown,
            count,
        }))
    }

    /// The filter in words, for an export's metadata: `none`, or the kinds shown and the text.
    pub fn describe(&self, data: &Dataset, lang: Lang) -> String {
        if !self.is_active() {
            return "none".into();
        }
        let mut parts = Vec::new();
        if !self.hidden_kinds.is_empty() {
            let shown: Vec<&str> = data
                .meta
                .kinds
                .iter()
                .filter(|k| !self.hidden_kinds.contains(&k.id))
                .map(|k| k.names.get(lang))
                .collect();
            parts.push(format!("kinds: {}", shown.join(", ")));
        }
        if !self.text.trim().is_empty() {
            parts.push(format!("text: \"{}\"", self.text.trim()));
        }
        parts.join("; ")
    }
}

impl EventMask {
    /// True when the event passes.
    pub fn shows(&self, e: EventIdx) -> bool {
        self.shown.get(e.index()).copied().unwrap_or(true)
    }
}

/// True when `e` passes `mask` (every event passes no mask).
pub fn passes(mask: Option<&EventMask>, e: EventIdx) -> bool {
    mask.is_none_or(|m| m.shows(e))
}

/// Everything a text filter looks in, normalised: titles and descriptions in every language,
/// the place in words, the kind as the file named it, and the event's id.
fn searchable(data: &Dataset, e: &Event) -> String {
    let place = data.place_name(e.place, Lang::En);
    e.title
        .all()
        .chain(e.description.all())
        .chain([place, e.id.as_str()])
        .chain(e.location.as_deref())
        .chain(e.original_kind.as_deref())
        .map(normalize)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        Dataset::embedded().expect("the embedded dataset loads")
    }

    #[test]
    fn no_filter_has_no_mask() {
        assert!(EventFilter::default().mask(&data()).is_none());
    }

    #[test]
    fn a_text_filter_finds_the_airport_events_in_any_script() {
        let data = data();
        let latin = EventFilter {
            text: "airport".into(),
            ..Default::default()
        };
        let mask = latin.mask(&data).expect("active");
        assert!(
            mask.count > 0 && mask.count < data.events.len(),
            "{}",
            mask.count
        );
        for (i, e) in data.events.iter().enumerate() {
            if mask.shows(EventIdx(i as u32)) {
                let text = searchable(&data, e);
                assert!(text.contains("airport"), "{}", e.id);
            }
        }
        let cyrillic = EventFilter {
            text: "аэропорт".into(),
            ..Default::default()
        };
        assert!(cyrillic.mask(&data).expect("active").count > 0);
    }

    #[test]
    fn hiding_a_kind_hides_exactly_its_events() {
        let data = data();
        let filter = EventFilter {
            hidden_kinds: vec!["protest".into()],
            ..Default::default()
        };
        let mask = filter.mask(&data).expect("active");
        let protests = data
            .events
            .iter()
            .filter(|e| data.meta.kind(e.kind).id == "protest")
            .count();
        assert!(protests > 0);
        assert_eq!(mask.count, data.events.len() - protests);
        assert!(filter.describe(&data, Lang::En).starts_with("kinds: "));
        assert!(!filter.describe(&data, Lang::En).contains("Protest"));
    }
}
