//! Text with the search words marked, for the table and the detail pane.

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId};

use crate::ui::theme;

/// `text` as a layout job with every occurrence of `words` on a highlight background.
pub fn highlighted(text: &str, words: &[&str], font: FontId, color: Color32) -> LayoutJob {
    let mut job = LayoutJob::default();
    let mut at = 0;
    for (start, end) in
        highlight_ranges(text, words).into_iter().chain(std::iter::once((text.len(), text.len())))
    {
        if start > at {
            job.append(&text[at..start], 0.0, TextFormat::simple(font.clone(), color));
        }
        if end > start {
            // Dark text on the light marker, whatever the theme.
            let format = TextFormat {
                background: theme::HIGHLIGHT,
                ..TextFormat::simple(font.clone(), Color32::BLACK)
            };
            job.append(&text[start..end], 0.0, format);
        }
        at = end.max(at);
    }
    job
}

/// Byte ranges of `text` that match any of `words`, sorted and merged.
fn highlight_ranges(text: &str, words: &[&str]) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = words
        .iter()
        .filter(|w| !w.is_empty())
        .flat_map(|w| text.match_indices(*w).map(|(i, m)| (i, i + m.len())))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::highlight_ranges;

    #[test]
    fn marks_every_occurrence_and_merges_overlaps() {
        let text = "员工宿舍与员工";
        let r = highlight_ranges(text, &["员工", "工宿"]);
        assert_eq!(r.iter().map(|(s, e)| &text[*s..*e]).collect::<Vec<_>>(), ["员工宿", "员工"]);
        assert!(highlight_ranges(text, &[]).is_empty());
    }
}
