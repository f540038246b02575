//! A page's table rules as few segments as draw the same lines: the layout rules each row on
//! its own (every column's left edge, the right edge, top and bottom), so a row's bottom is
//! the next row's top drawn twice, and a column's edge is one short segment per row. Joined,
//! a column edge is one segment down the table and each border between rows is drawn once:
//! the same picture with a fifth of the coordinates to write and compress.

/// A straight rule from (x1, y1) to (x2, y2).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
}

/// Joins vertical segments on one x that touch or overlap, and horizontal ones on one y
/// likewise; any other segment is kept as it is. The result is in no particular order.
pub fn join(segments: &mut Vec<Segment>) {
    // Vertical rules become (x, top, bottom), horizontal ones (y, left, right), keyed so that
    // those on one line sort together, by where they start.
    let mut vertical = Vec::new();
    let mut horizontal = Vec::new();
    let mut other = Vec::new();
    for s in segments.drain(..) {
        if s.x1 == s.x2 {
            vertical.push((s.x1, s.y1.min(s.y2), s.y1.max(s.y2)));
        } else if s.y1 == s.y2 {
            horizontal.push((s.y1, s.x1.min(s.x2), s.x1.max(s.x2)));
        } else {
            other.push(s);
        }
    }
    for (line, from, to) in merged(vertical) {
        other.push(Segment { x1: line, y1: from, x2: line, y2: to });
    }
    for (line, from, to) in merged(horizontal) {
        other.push(Segment { x1: from, y1: line, x2: to, y2: line });
    }
    *segments = other;
}

/// (line, from, to) spans joined where they touch on the same line.
fn merged(mut spans: Vec<(f32, f32, f32)>) -> Vec<(f32, f32, f32)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f32, f32, f32)> = Vec::with_capacity(spans.len() / 4);
    for (line, from, to) in spans {
        match out.last_mut() {
            Some(last) if last.0 == line && from <= last.2 => last.2 = last.2.max(to),
            _ => out.push((line, from, to)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(x1: f32, y1: f32, x2: f32, y2: f32) -> Segment {
        Segment { x1, y1, x2, y2 }
    }

    #[test]
    fn rows_ruled_one_by_one_become_one_grid() {
        // Two rows of two columns, each ruled on its own, as the layout does.
        let mut rules = Vec::new();
        for (top, bottom) in [(0.0, 10.0), (10.0, 25.0)] {
            for x in [0.0, 30.0, 50.0] {
                rules.push(seg(x, top, x, bottom));
            }
            rules.push(seg(0.0, top, 50.0, top));
            rules.push(seg(0.0, bottom, 50.0, bottom));
        }
        join(&mut rules);
        rules.sort_by(|a, b| (a.x1, a.y1, a.x2, a.y2).partial_cmp(&(b.x1, b.y1, b.x2, b.y2)).unwrap());
        assert_eq!(
            rules,
            [
                seg(0.0, 0.0, 0.0, 25.0),
                seg(0.0, 0.0, 50.0, 0.0),
                seg(0.0, 10.0, 50.0, 10.0),
                seg(0.0, 25.0, 50.0, 25.0),
                seg(30.0, 0.0, 30.0, 25.0),
                seg(50.0, 0.0, 50.0, 25.0),
            ]
        );
    }

    #[test]
    fn separate_tables_stay_apart_and_slanted_lines_are_kept() {
        let mut rules = vec![seg(0.0, 0.0, 0.0, 10.0), seg(0.0, 20.0, 0.0, 30.0), seg(0.0, 0.0, 5.0, 5.0)];
        join(&mut rules);
        assert_eq!(rules.len(), 3, "{rules:?}");
        assert!(rules.contains(&seg(0.0, 0.0, 5.0, 5.0)));
        assert!(rules.contains(&seg(0.0, 0.0, 0.0, 10.0)) && rules.contains(&seg(0.0, 20.0, 0.0, 30.0)));
    }
}
