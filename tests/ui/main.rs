//! The window's tests: the app's `ui` driven headlessly by egui_kittest on a temporary data
//! directory with a fixed today (see `common`).

mod common;

mod about;
mod board;
mod by_hand;
mod closing;
mod continuation;
mod drafts;
mod editing;
mod export;
mod forms;
mod listing;
mod loop_actions;
mod no_file_dialog;
mod periods;
mod reliability;
mod roster;
mod screens;
mod texts;
mod window_start;
