//! PURE. The dataset model, its loaders and its validation.
//!
//! Data flows one way: files → [`Dataset`]. Loading resolves every reference (places, units,
//! sources) into indices and reports every problem with its file, line and column; a dataset
//! that loads is internally consistent. The default dataset is embedded with `include_bytes!`
//! ([`Dataset::embedded`]); any folder with a `dataset.json` can be loaded the same way.

mod chapter;
mod embedded;
mod error;
mod event;
mod features;
mod ids;
mod json;
mod layers;
mod load;
mod load_events;
mod load_periods;
mod load_refs;
mod model;
mod period;
mod places;
mod raw;
mod records;
mod resolve;
mod search;
mod source;
mod story;

pub use chapter::Chapter;
pub use error::{LineIndex, LoadError, Problem};
pub use event::*;
pub use ids::*;
pub use load::{Dir, Embedded, Files, load};
pub use load_refs::is_http_url;
pub use model::*;
pub use period::*;
pub use search::{SearchHit, find_place, normalize, search};
pub use source::*;
