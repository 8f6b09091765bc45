//! Qantar: an atlas of Kazakhstan's January 2022 crisis.
//!
//! The shape of the crate, from the files inward:
//! - [`data`] (pure): the dataset model, loaders and validation;
//! - [`time`] (pure): instants on the dataset's clock and the queries of the timeline;
//! - [`i18n`]: every user-facing string; [`text`]: data described in words;
//! - [`scene`] (pure): what a map shows, as styled shapes; [`atlas`]: a dataset ready to show;
//! - [`export`]: PNG, SVG and animations of the scene, without a window;
//! - [`cli`]: the `summary`, `check` and `export` commands;
//! - [`paint`]: painters of a scene; [`ui`]: the eframe window.

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
