//! 要求/责令/督促… — a phrase that asks named units to act (`…并要求各责任单位要严格…`,
//! `镇党委、政府责令各村、各单位限期整改`): where the asked units' name begins, and the units.
//! Split from start.rs, which finds where requirements start.

use crate::notice::subject::{modal_subject, named_before_verb};

/// Words by which a speaker or an inspection team asks units for something.
pub(super) const ASKS: [&str; 8] = ["要求", "希望", "责成", "督促", "提醒", "责令", "嘱咐", "叮嘱"];

/// The last characters of [`ASKS`] (checked in a test when a word is added).
fn asking_end(c: char) -> bool {
    matches!(c, '求' | '望' | '成' | '促' | '醒' | '令' | '咐' | '嘱')
}

/// A phrase that asks named units to act (`…反馈并要求各责任单位要严格…`, `希望各县区要…`):
/// where the units' name begins in `phrase`, and the units. Only a unit followed by its own
/// 要 counts, so 按照要求 or 希望通过… start nothing.
pub(super) fn asked(phrase: &str) -> Option<(usize, Vec<String>)> {
    // 防溺水温馨提醒各中小学校、幼儿园、民办学校:暑期来临…: a title run into the addressees
    // before their colon asks nothing by itself (要求各单位: still leads in to what is asked).
    let addressed = |w: &str, rest: &str| {
        w != "要求"
            && rest.find([':', '：']).is_some_and(|c| {
                rest[..c].chars().count() <= 30 && crate::notice::subject::subject_units(&rest[..c]).is_some()
            })
    };
    // Every asking word ends in one of these: a phrase without them is told in one pass,
    // without a substring search per word (this runs on every phrase of running text).
    if !phrase.chars().any(asking_end) {
        return None;
    }
    ASKS.iter().find_map(|w| {
        // 镇党委、政府责令各村、各单位限期整改: the text starts at the asking word.
        let k = phrase.find(w)? + w.len();
        if addressed(w, &phrase[k..]) {
            return None;
        }
        let units = modal_subject(&phrase[k..])
            .map(|(u, _)| u)
            .or_else(|| crate::notice::subject::asked_collective(&phrase[k..]))
            // 要求扑火队靠前驻防: a unit's bare name before its verb.
            .or_else(|| named_before_verb(&phrase[k..]).filter(|_| *w == "要求"))?;
        Some((k - w.len(), units))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_asking_word_ends_in_a_character_the_quick_test_knows() {
        for w in super::ASKS {
            assert!(w.chars().next_back().is_some_and(super::asking_end), "{w}");
        }
    }
}
