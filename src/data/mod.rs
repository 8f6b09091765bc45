//! PURE. The dataset model, its loaders and its validation.
//!
//! Data flows one way: files → [`Dataset`]. Loading resolves every reference (places, units,
//! sources) into indices and reports every problem with its file, line and column; a dataset
//! that loads is internally consistent. The default dataset is embedded with `include_bytes!`
//! ([`Dataset::embedded`]); any folder with a `dataset.json` can be loaded the same way.

mod chapter;
mod csv_events;
mod embedded;
mod error;
mod event;
mod features;
mod files;
mod ids;
mod json;
mod lay_events;
mod lay_events_json;
mod lay_regions;
mod layers;
mod lineage;
mod load;
mod load_events;
mod load_layers;
mod load_periods;
mod load_refs;
mod missing;
mod model;
mod open;
mod period;
mod places;
mod raw;
mod read;
mod records;
mod regions_in;
mod replace;
mod resolve;
mod search;
mod source;
mod story;
mod unit_match;

pub use chapter::Chapter;
pub use csv_events::read_events_csv;
pub use error::{LineIndex, LoadError, Problem};
pub use event::*;
pub use files::{Dir, Embedded, Files};
pub use ids::*;
pub use json::SourceFile;
pub use lineage::{Lineage, Renamed, Successor};
pub use load::load;
pub use load_refs::is_http_url;
pub use model::*;
pub use open::OpenSpec;
pub use period::*;
pub use read::MAX_FILE_BYTES;
pub use read::{MAX_FILE_ENV, decode, read_text};
pub use regions_in::{RegionOptions, RegionsReport, read_regions};
pub use search::{SearchHit, find_place, normalize, search, search_events};
pub use source::*;
