//! The window's fades: a unit's fill and a city's marker ease into the instant's state over a
//! third of a second instead of blinking, as playback and scrubbing change it.

use super::state::AppState;
use crate::scene::Fades;

/// How long a fill or a marker takes to fade in or out, in seconds.
const FADE: f32 = 0.35;

/// Where each unit's fill and each city's marker stands on its way to the instant's state.
pub(super) fn fades(ctx: &egui::Context, atlas: &crate::atlas::Atlas, state: &AppState) -> Fades {
    let data = &atlas.data;
    let t = state.instant;
    let to = |on: bool| if on { 1.0 } else { 0.0 };
    Fades {
        units: data
            .unit_indices()
            .map(|u| {
                let on = atlas.timeline.status_at(data, u, t).is_some();
                ctx.animate_value_with_time(egui::Id::unique(("fade-unit", u.0)), to(on), FADE)
            })
            .collect(),
        cities: data
            .city_indices()
            .map(|c| {
                let on = atlas.timeline.city_first_event(c).is_some_and(|f| f <= t);
                ctx.animate_value_with_time(egui::Id::unique(("fade-city", c.0)), to(on), FADE)
            })
            .collect(),
    }
}
