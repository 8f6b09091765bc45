//! Qantar: an atlas of Kazakhstan's January 2022 crisis.
//!
//! Data flows one way, files → dataset → (instant, view, style) → scene → painter, and every
//! import points down this list of layers (lowest first; `.ci/run` checks it):
//!
//! 1. [`clock`] (pure): instants, minute by minute, the dataset's clock, parsing WHEN;
//! 2. [`i18n`]: languages, the interface's strings, dates in words;
//! 3. [`data`] (pure): the dataset model, its loaders and validation, search by name;
//! 4. [`text`]: data described in words (times, periods, figures, precision);
//! 5. [`timeline`] (pure): queries over a dataset at an instant;
//! 6. [`geometry`] (pure): projection, view, triangulated and simplified shapes;
//! 7. [`atlas`]: a dataset ready to show (dataset + timeline + geometry);
//! 8. [`scene`] (pure): what a map shows, as styled shapes, and hit testing;
//! 9. [`paint`]: painters of a scene (egui, tiny-skia PNG, SVG, GIF) and atomic writes;
//! 10. [`export`]: a request turned into files;
//! 11. [`ui`]: the eframe window, a star around one `AppState`;
//! 12. [`cli`]: the commands (`main.rs` stays thin).

pub mod atlas;
pub mod cli;
pub mod clock;
pub mod data;
pub mod export;
pub mod geometry;
pub mod i18n;
pub mod paint;
pub mod scene;
pub mod text;
pub mod timeline;
pub mod ui;
