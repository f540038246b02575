//! 督办台 (duban) — turns a headquarters' work-requirements notice into tracked directives.
//!
//! The core (`model`, `notice`, `store`) has no GUI dependency; `ui` is the only module that
//! knows egui/eframe; `cli` holds the command-line verbs.

pub mod backup;
pub mod cli;
pub mod clock;
pub mod evidence;
pub mod fonts;
pub mod forms;
pub mod fsutil;
pub mod model;
pub mod notice;
pub mod report;
pub mod store;
pub mod ui;
