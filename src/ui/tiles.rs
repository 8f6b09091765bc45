//! The OpenStreetMap basemap's tiles, fetched in the background with time limits.
//!
//! walkers' own `HttpTiles` waits for an answer for as long as the network takes and logs
//! every failed tile; a classroom without a network would wait for ever and fill the log. Here
//! each request gives up after [`Limits`] (a connection in 5 s, a whole tile in 20 s), a
//! failed tile is asked for again only after a minute, the log gets one line per kind of
//! failure, and [`Basemap::unavailable`] tells the window when the tiles cannot be had. The
//! disk cache is walkers' (HTTP caching in the same folder), as the tile policy asks.

mod fetch;

use fetch::{Done, Failure};
use lru::LruCache;
use std::collections::BTreeSet;
use std::num::NonZeroUsize;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use walkers::sources::{Attribution, TileSource};
use walkers::{Stats, Tile, TileId, TilePiece, Tiles};

pub use fetch::Limits;

/// Tiles kept in memory (the screen holds a few dozen).
const KEPT: usize = 256;
/// A tile that failed is asked for again after this long.
const RETRY_AFTER: Duration = Duration::from_secs(60);
/// Failures in a row, with no tile since, before the tiles are said to be unavailable.
const FAILURES_TO_GIVE_UP: usize = 3;

enum Slot {
    Asked,
    Ready(Tile),
    Failed(Instant),
}

/// Tiles of one source, fetched on a background thread: `walkers::Tiles` for the map.
pub struct Basemap {
    slots: LruCache<TileId, Slot>,
    fetcher: fetch::Fetcher,
    done: mpsc::Receiver<Done>,
    attribution: Attribution,
    tile_size: u32,
    max_zoom: u8,
    /// Failures since the last tile that came, and the last one's kind.
    failures_in_a_row: usize,
    last_failure: Option<Failure>,
    /// The kinds of failure logged already (each is logged once).
    logged: BTreeSet<Failure>,
    /// Where log lines go: standard error, or a test's list.
    log: Box<dyn FnMut(String)>,
}

impl Basemap {
    /// The tiles of `source`, cached on disk in `cache`, logging to standard error.
    pub fn new<S: TileSource + Send + Sync + 'static>(
        source: S,
        cache: Option<std::path::PathBuf>,
        limits: Limits,
        ctx: &egui::Context,
    ) -> Self {
        let (attribution, tile_size, max_zoom) =
            (source.attribution(), source.tile_size(), source.max_zoom());
        let (tx, done) = mpsc::channel();
        Basemap {
            slots: LruCache::new(NonZeroUsize::new(KEPT).unwrap_or(NonZeroUsize::MIN)),
            fetcher: fetch::Fetcher::start(source, cache, limits, tx, ctx.clone()),
            done,
            attribution,
            tile_size,
            max_zoom,
            failures_in_a_row: 0,
            last_failure: None,
            logged: BTreeSet::new(),
            log: Box::new(|line| eprintln!("{line}")),
        }
    }

    /// Sends log lines to `log` instead of standard error.
    #[cfg(test)]
    pub fn logging_to(mut self, log: impl FnMut(String) + 'static) -> Self {
        self.log = Box::new(log);
        self
    }

    /// Why no tiles come, once several have failed in a row with none arriving since.
    pub fn unavailable(&self) -> Option<Failure> {
        (self.failures_in_a_row >= FAILURES_TO_GIVE_UP)
            .then_some(self.last_failure)
            .flatten()
    }

    /// Takes in what the background thread finished.
    pub fn take_finished(&mut self) {
        while let Ok(done) = self.done.try_recv() {
            match done.result {
                Ok(tile) => {
                    self.failures_in_a_row = 0;
                    self.slots.put(done.id, Slot::Ready(tile));
                }
                Err((failure, detail)) => {
                    self.failures_in_a_row += 1;
                    self.last_failure = Some(failure);
                    if self.logged.insert(failure) {
                        (self.log)(format!(
                            "qantar: map tiles: {} ({detail}); later tiles failing so are not \
                             logged",
                            failure.describe()
                        ));
                    }
                    self.slots.put(done.id, Slot::Failed(Instant::now()));
                }
            }
        }
    }

    /// The tile if it is here, else the piece of the nearest coarser one that is.
    fn best_available(&mut self, id: TileId) -> Option<TilePiece> {
        (0..=id.zoom).rev().find_map(|zoom| {
            let (coarser, uv) = coarser(id, zoom);
            match self.slots.get(&coarser) {
                Some(Slot::Ready(tile)) => Some(TilePiece::new(tile.clone(), uv)),
                _ => None,
            }
        })
    }
}

impl Tiles for Basemap {
    fn at(&mut self, id: TileId) -> Option<TilePiece> {
        self.take_finished();
        let side = 1u64 << id.zoom.min(31);
        if u64::from(id.x) >= side || u64::from(id.y) >= side {
            return None;
        }
        let wanted = coarser(id, id.zoom.min(self.max_zoom)).0;
        let ask = match self.slots.get(&wanted) {
            None => true,
            Some(Slot::Failed(at)) => at.elapsed() >= RETRY_AFTER,
            Some(_) => false,
        };
        if ask && self.fetcher.ask(wanted) {
            self.slots.put(wanted, Slot::Asked);
        }
        self.best_available(id)
    }

    fn attribution(&self) -> Attribution {
        self.attribution.clone()
    }

    fn tile_size(&self) -> u32 {
        self.tile_size
    }

    fn stats(&self) -> Stats {
        Stats {
            in_progress: self.fetcher.in_progress(),
        }
    }
}

/// The tile at `zoom` (not above `id`'s) that covers `id`, and the part of it `id` is.
fn coarser(id: TileId, zoom: u8) -> (TileId, egui::Rect) {
    let levels = u32::from(id.zoom.saturating_sub(zoom)).min(31);
    let n = 1u32 << levels;
    let (x, y) = (id.x / n, id.y / n);
    let part = 1.0 / n as f32;
    let min = egui::pos2((id.x % n) as f32 * part, (id.y % n) as f32 * part);
    let uv = egui::Rect::from_min_size(min, egui::vec2(part, part));
    (TileId { x, y, zoom }, uv)
}

/// Shows, in the map's upper right corner (over the neighbours, clear of the legend and the
/// scale bar), that the tiles cannot be had and why.
pub fn show_unavailable(ui: &egui::Ui, rect: egui::Rect, lang: crate::i18n::Lang, why: Failure) {
    use crate::i18n::{Msg, tr};
    let text = format!(
        "{} ({})",
        tr(lang, Msg::TilesUnavailable),
        tr(lang, why.msg())
    );
    let painter = ui.painter_at(rect);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let visuals = ui.visuals();
    let wrap = (rect.width() * 0.4).max(160.0);
    let galley = painter.layout(text, font, visuals.text_color(), wrap);
    let at = rect.right_top() + egui::vec2(-12.0 - galley.size().x, 12.0);
    let back = egui::Rect::from_min_size(at, galley.size()).expand(6.0);
    painter.rect_filled(back, 4.0, visuals.extreme_bg_color.gamma_multiply(0.9));
    painter.rect_stroke(
        back,
        4.0,
        visuals.widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Outside,
    );
    painter.galley(at, galley, visuals.text_color());
}

#[cfg(test)]
mod tests;
