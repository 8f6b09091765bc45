//! Playback: story time advanced by wall-clock time at the chosen speed, looping or stopping
//! at the end, and crossing quiet stretches when asked.

use super::state::{AppState, SPEEDS};
use crate::atlas::Atlas;

/// Advances `state`'s instant by `dt` seconds of wall-clock time.
pub(super) fn advance(state: &mut AppState, atlas: &Atlas, dt: f64) {
    state.play_carry += dt * SPEEDS[state.persisted.speed.min(SPEEDS.len() - 1)] * 60.0;
    let whole = state.play_carry.floor();
    if whole >= 1.0 {
        state.play_carry -= whole;
        let mut next = state.instant.plus_minutes(whole as i64);
        // Skipping quiet hours: a stretch with no change longer than an hour is crossed at
        // once, so that playback spends its time where something happens.
        if state.persisted.skip_quiet
            && let Some(change) = atlas.timeline.next_change(state.instant)
            && change.unix_minutes() - next.unix_minutes() > 60
        {
            next = change.plus_minutes(-60);
        }
        if next > atlas.timeline.last() {
            if state.persisted.looping {
                state.instant = atlas.timeline.first();
            } else {
                state.instant = atlas.timeline.last();
                state.playing = false;
            }
        } else {
            state.instant = next;
        }
    }
}
