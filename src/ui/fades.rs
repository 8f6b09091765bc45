//! The window's fades: a unit's fill and a city's marker ease into the instant's state over a
//! third of a second instead of blinking, as playback and scrubbing change it.

use super::state::AppState;
use crate::scene::Fades;

/// How long a fill or a marker takes to fade in or out, in seconds.
const FADE: f64 = 0.35;

/// Where each unit's fill and each city's marker stands on its way to the instant's state.
pub(super) fn fades(ctx: &egui::Context, atlas: &crate::atlas::Atlas, state: &AppState) -> Fades {
    let data = &atlas.data;
    let t = state.instant;
    let now = ctx.input(|i| i.time);
    let units = data
        .unit_indices()
        .map(|u| atlas.timeline.status_at(data, u, t).is_some());
    let cities = data
        .city_indices()
        .map(|c| atlas.timeline.city_first_event(c).is_some_and(|f| f <= t));
    // Kept in egui's memory: one look-up a frame, not one per unit and city (thousands on a
    // big dataset).
    let (fades, moving) = ctx.data_mut(|d| {
        let clock: &mut FadeClock = d.get_temp_mut_or_default(egui::Id::unique("qantar-fades"));
        let (units, moving_units) = step(&mut clock.units, units, now);
        let (cities, moving_cities) = step(&mut clock.cities, cities, now);
        (Fades { units, cities }, moving_units || moving_cities)
    });
    if moving {
        ctx.request_repaint();
    }
    fades
}

/// Every unit's and city's fade.
#[derive(Debug, Clone, Default)]
struct FadeClock {
    units: Vec<Fade>,
    cities: Vec<Fade>,
}

/// A fade from one value to another (0 off, 1 on) that began at `since` (egui's clock,
/// seconds).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Fade {
    from: f32,
    to: f32,
    since: f64,
}

impl Fade {
    fn value(&self, now: f64) -> f32 {
        let k = ((now - self.since) / FADE).clamp(0.0, 1.0) as f32;
        self.from + (self.to - self.from) * k
    }

    fn done(&self, now: f64) -> bool {
        now - self.since >= FADE
    }
}

/// Aims each fade at its item's state now (a new item starts there, as it was never shown
/// otherwise); gives every value and whether any is still on its way.
fn step(fades: &mut Vec<Fade>, on: impl Iterator<Item = bool>, now: f64) -> (Vec<f32>, bool) {
    let mut moving = false;
    let values = on
        .enumerate()
        .map(|(i, on)| {
            let to = if on { 1.0 } else { 0.0 };
            if i == fades.len() {
                fades.push(Fade {
                    from: to,
                    to,
                    since: f64::NEG_INFINITY,
                });
            }
            let fade = &mut fades[i];
            if fade.to != to {
                *fade = Fade {
                    from: fade.value(now),
                    to,
                    since: now,
                };
            }
            moving |= !fade.done(now);
            fade.value(now)
        })
        .collect();
    (values, moving)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fade_starts_where_it_is_eases_over_its_time_and_turns_back_midway() {
        let mut fades = Vec::new();
        // First seen: at its state at once.
        assert_eq!(
            step(&mut fades, [true, false].into_iter(), 10.0),
            (vec![1.0, 0.0], false)
        );
        // The first item turns off: it eases down over FADE seconds.
        let (v, moving) = step(&mut fades, [false, false].into_iter(), 10.0);
        assert_eq!((v[0], moving), (1.0, true));
        let (v, _) = step(&mut fades, [false, false].into_iter(), 10.0 + FADE / 2.0);
        assert!((v[0] - 0.5).abs() < 1e-5, "{}", v[0]);
        // Turned back on half way: from 0.5 up again, no jump.
        let (v, _) = step(&mut fades, [true, false].into_iter(), 10.0 + FADE / 2.0);
        assert!((v[0] - 0.5).abs() < 1e-5, "{}", v[0]);
        let (v, moving) = step(&mut fades, [true, false].into_iter(), 11.0 + FADE);
        assert_eq!((v, moving), (vec![1.0, 0.0], false));
    }
}
