//! Playback: story time advanced by wall-clock time at the chosen speed, looping or stopping
//! at the end, and crossing quiet stretches when asked.

use super::state::{AppState, SPEEDS};
use crate::atlas::Atlas;

/// How long the time takes to glide to a chapter's instant, in seconds (as the map flies).
const GLIDE: f64 = 0.7;

/// The instant shown while the time glides to a chapter's (`glide`), eased in and out; `None`
/// once it has arrived.
pub(super) fn glide(state: &mut AppState, now: f64) -> Option<crate::clock::Instant> {
    let (from, to, start) = state.glide?;
    let t = ((now - start) / GLIDE).clamp(0.0, 1.0);
    if t >= 1.0 {
        state.glide = None;
        return None;
    }
    let e = t * t * (3.0 - 2.0 * t);
    let span = (to.unix_minutes() - from.unix_minutes()) as f64;
    Some(from.plus_minutes((span * e).round() as i64))
}

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
        // Playing a story chapter with an interval stops at its end.
        let until = state
            .chapter
            .and_then(|i| atlas.data.story.get(i))
            .and_then(|ch| ch.until);
        if let Some(until) = until
            && next >= until
            && state.instant < until
        {
            state.instant = until;
            state.playing = false;
        } else if next > atlas.timeline.last() {
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
