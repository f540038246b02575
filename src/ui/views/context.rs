//! 视图上下文 — what every view reads besides its own state: the cached board, today, the
//! due-soon window and the search words to mark. Built once per frame by the app and passed
//! by reference, so a view's signature names only what is its own.

use chrono::NaiveDate;

use crate::model::Board;

#[derive(Clone, Copy)]
pub struct ViewContext<'a> {
    pub board: &'a Board,
    /// The board's offices and the directives of each (rebuilt with the board).
    pub index: &'a crate::model::OfficeIndex,
    pub today: NaiveDate,
    /// 即将到期: days ahead that count as due soon.
    pub due_soon_days: i64,
    /// Search words to mark in texts (empty: none).
    pub highlight: &'a [&'a str],
    /// What is typed in the search box, if anything.
    pub search: Option<&'a str>,
    /// The first data has arrived from the worker (before that, nothing is "empty": it is loading).
    pub loaded: bool,
    /// The office chosen in the sidebar: the table shows that office's own 督办 state.
    pub office: Option<crate::model::OfficeId>,
}
