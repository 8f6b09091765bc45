//! What tests and the screenshot job read of the app.

use super::App;
use crate::atlas::Atlas;
use crate::clock::Instant;
use crate::data::Place;
use crate::scene::Scene;
use crate::ui::state::AppState;
use std::sync::Arc;

impl App {
    /// The shared state, as the panels see it.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The place with this id or name, if any.
    pub fn find_place(&self, name: &str) -> Option<Place> {
        self.state.find_place(name)
    }

    pub fn atlas(&self) -> Option<&Arc<Atlas>> {
        self.state.atlas.as_ref()
    }

    pub fn instant(&self) -> Instant {
        self.state.instant
    }

    pub fn selected(&self) -> Option<Place> {
        self.state.selected
    }

    pub fn is_playing(&self) -> bool {
        self.state.playing
    }

    /// The scene last painted on the map.
    pub fn last_scene(&self) -> Option<&Scene> {
        self.map.last_scene()
    }

    /// Where a place's marker is on screen, from the last painted scene.
    pub fn screen_pos(&self, place: Place) -> Option<egui::Pos2> {
        self.map.screen_pos(place)
    }
}
