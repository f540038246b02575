//! The board the window keeps (`Store::load_window_board`, issue #17) is the full board with
//! every text left out, and each of its rows is what the single-directive read gives (the row a
//! window patches its board with after a change): same offices in the same order, same tracks.
//! On a generated register with 督办 records (feedback, reminders, extensions, completions),
//! progress notes and directives carried on.

#[path = "../../benches/register/mod.rs"]
mod register;

use duban::store::Store;

#[test]
fn the_window_board_is_the_full_board_without_texts_row_for_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_dir(dir.path()).expect("store");
    let made = register::fill(&mut store, 400, |_, _| {});
    let full = store.load_board().expect("board");
    let window = store.load_window_board().expect("window board");
    assert_eq!(full.directives.len(), made);
    assert!(full.directives.iter().all(|d| !d.text.is_empty()), "the full board has every text");
    assert!(window.directives.iter().all(|d| d.text.is_empty()), "the window's has none");
    // What the generator made is there to compare: several offices, records, notes.
    let assignments = full.directives.iter().flat_map(|d| &d.assignments);
    assert!(assignments.clone().any(|a| a.track.extension().is_some()), "an extension");
    assert!(assignments.clone().any(|a| a.track.last_report.is_some()), "a report");
    assert!(full.directives.iter().any(|d| d.assignments.len() > 2), "several offices");
    assert!(full.directives.iter().any(|d| d.last_note.is_some()), "a progress note");

    let mut without_texts = full.clone();
    for d in &mut without_texts.directives {
        d.text = String::new();
    }
    assert_eq!(window, without_texts, "everything but the texts is the same");
    for d in &full.directives {
        let row = store.directive_row(d.id).expect("row");
        assert_eq!(&row, d, "directive {} read alone", d.id);
    }
    // No slack: each vector at its length (the window holds ~185,000 assignments at 100k).
    assert_eq!(window.directives.capacity(), window.directives.len());
    assert!(window.directives.iter().all(|d| d.assignments.capacity() == d.assignments.len()));
}

/// A large register's window leaves its finished directives out (issue #17: memory follows the
/// work in hand). Every figure it shows stays what the whole board gives: 总览's totals, each
/// meeting's and each office's, a chosen meeting's offices, the 督办 figures, the sidebar counts
/// and 今日待催办 — on a generated register where some are finished and some open.
#[test]
fn leaving_the_finished_out_changes_no_figure_the_window_shows() {
    use duban::model::{Overview, office_figures, reminders_due};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = Store::open_dir(dir.path()).expect("store");
    register::fill(&mut store, 400, |_, _| {});
    let whole = store.load_window_board().expect("window board");
    let today: chrono::NaiveDate = "2026-11-30".parse().expect("date");
    let (soon, cadence) = (3, Some(7));
    let mut apart = whole.clone();
    apart.leave_out_finished(today, cadence);

    let finished = whole.directives.iter().filter(|d| d.status.is_finished()).count();
    assert!(finished >= 40 && finished < whole.directives.len(), "finished and open to compare: {finished}");
    assert_eq!(apart.left_out(), finished);
    let open: Vec<_> = whole.directives.iter().filter(|d| !d.status.is_finished()).cloned().collect();
    assert_eq!(apart.directives, open, "the rows in work, in the board's order");

    let (a, w) = (Overview::build(&apart, today, soon), Overview::build(&whole, today, soon));
    assert_eq!(a, w, "总览");
    assert!(w.offices.len() > 3 && w.meetings.len() > 3, "offices and meetings to compare");
    let (ai, wi) = (duban::model::OfficeIndex::build(&apart), duban::model::OfficeIndex::build(&whole));
    for m in &w.meetings {
        assert_eq!(
            Overview::meeting_offices(&apart, &ai, m.notice, today, soon),
            Overview::meeting_offices(&whole, &wi, m.notice, today, soon),
            "{}",
            m.label
        );
    }
    assert_eq!(office_figures(&apart, today, cadence), office_figures(&whole, today, cadence), "督办指标");
    assert_eq!(apart.counts(today, soon), whole.counts(today, soon), "sidebar counts");
    assert_eq!(reminders_due(&apart, today, cadence), reminders_due(&whole, today, cadence), "今日待催办");
}
