//! The map's tooltip: the place under the pointer, its status (or why it is uncertain), and for
//! a city, its events so far.

use super::state::AppState;
use crate::atlas::Atlas;
use crate::data::{Place, Standing};
use crate::i18n::{Msg, tr};

/// The tooltip's text for `place`.
pub fn text(state: &AppState, atlas: &Atlas, place: Place) -> String {
    let lang = state.persisted.lang;
    let data = &atlas.data;
    let unit = match place {
        Place::City(c) => Some(data.city(c).unit),
        Place::Unit(u) => Some(u),
        Place::Country => None,
    };
    let standing = unit.and_then(|u| atlas.timeline.standing_at(data, u, state.instant));
    let status_text = match standing {
        Some((p, Standing::Uncertain)) => {
            let period = data.period(p);
            let (what, when) = if period.declared.undecided_at(state.instant) {
                (
                    Msg::Declared,
                    crate::text::period_declared(data, lang, period),
                )
            } else {
                (Msg::Lifted, crate::text::period_lifted(data, lang, period))
            };
            format!(
                "{}: {} {when}",
                data.meta.status(period.status).names.get(lang),
                tr(lang, what).to_lowercase()
            )
        }
        Some((p, _)) => data
            .meta
            .status(data.period(p).status)
            .names
            .get(lang)
            .to_owned(),
        None => crate::text::no_status(&data.meta, lang)
            .unwrap_or("")
            .to_owned(),
    };
    let mut text = format!("{}\n{status_text}", data.place_name(place, lang))
        .trim_end()
        .to_owned();
    if let Place::City(c) = place {
        let n = atlas.timeline.events_of_city(c).len();
        text = format!("{text}\n{}", crate::i18n::events_n(lang, n));
    }
    text
}
