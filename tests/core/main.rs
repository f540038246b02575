//! The core's integration tests — notice parser, store, search, evidence, reports and the
//! command line — in one test binary, so the tree links the app's dependencies once rather than
//! once per file (each link of egui, SQLite and the exporters is hundreds of megabytes).

mod support;

mod backup;
mod backup_safety;
mod bulletin;
mod by_hand;
mod cli;
mod closing_evidence;
mod continuation;
mod crash;
mod docx;
mod evidence;
mod evidence_cli;
mod evidence_files;
mod fonts;
mod forms;
mod fuzz_seeds;
mod genre_score;
mod hostile;
mod integrity;
mod layers;
mod loop_cli;
mod loop_migration;
mod loop_store;
mod model_based;
mod open_check;
mod overview;
mod package;
mod parse_corpus;
mod parse_genres;
mod parse_genres10;
mod parse_genres11;
mod parse_genres12;
mod parse_genres13;
mod parse_genres14;
mod parse_genres15;
mod parse_genres16;
mod parse_genres17;
mod parse_genres18;
mod parse_genres19;
mod parse_genres3;
mod parse_genres7;
mod parse_genres8;
mod parse_seed;
mod pdf;
mod periods;
mod relocate;
mod report;
mod robust;
mod roster;
mod search;
mod store;
mod swallowed;
mod window_board;
