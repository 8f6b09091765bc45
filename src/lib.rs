//! Qantar: an atlas of Kazakhstan's January 2022 crisis.
//!
//! The shape of the crate, from the files inward:
//! - [`data`] (pure): the dataset model, loaders and validation;
//! - [`time`] (pure): instants on the dataset's clock and the queries of the timeline;
//! - [`i18n`]: every user-facing string; [`text`]: data described in words;
//! - [`cli`]: the `summary` and `check` commands;
//! - [`ui`]: the eframe window.

pub mod cli;
pub mod data;
pub mod i18n;
pub mod text;
pub mod time;
pub mod ui;
