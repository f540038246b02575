//! 读取中的要求 — what running text's reader carries: the directive being read (its text,
//! units, supporting units, the words before it) and what a paragraph's run passes from one
//! directive to the next (the lead-in's units, the subject named last). Split from mod.rs,
//! which reads paragraphs with them.

/// A directive being read.
pub(super) struct Open {
    pub(super) text: String,
    pub(super) units: Option<Vec<String>>,
    /// An ordinal item: its units are looked for in all of its sentences, else the lead-in's.
    pub(super) enumerated: bool,
    pub(super) lead_units: Option<Vec<String>>,
    /// Supporting units its phrases name (`市督查室搞好配合`).
    pub(super) support: Vec<String>,
    /// The words of its sentence before it.
    pub(super) before: String,
    /// A row of a division of labour (安监部门牵头对…督促整改;): the next line that opens with a
    /// unit is another.
    pub(super) row: bool,
}

impl Open {
    /// A requirement of running text that is no ordinal item, with the units it names or
    /// inherits and the words of its sentence before it.
    pub(super) fn plain(text: &str, units: Option<Vec<String>>, before: &str) -> Open {
        let (text, before) = (text.to_owned(), before.to_owned());
        Open { text, units, enumerated: false, lead_units: None, support: Vec::new(), before, row: false }
    }
}

/// What a paragraph's run carries from directive to directive.
#[derive(Default)]
pub(super) struct Run {
    pub(super) lead_units: Option<Vec<String>>,
    pub(super) first_named: Option<bool>,
    pub(super) last_units: Option<Vec<String>>,
    pub(super) enumerated: bool,
    pub(super) semicolon_list: bool,
    /// Inside a list of duties (压实各部门职责：住建局…；应急局…).
    pub(super) duties: bool,
    /// Opened by a lead-in that asks (会议要求，…): its sentences that open with what to do are
    /// requirements of their own.
    pub(super) asked: bool,
    /// The lead units named in it (县民政局为…牵头单位): whom 各牵头单位 then points at.
    pub(super) leads: Vec<String>,
}

/// Ends the directive being read: an item's units looked for in its words (else the
/// lead-in's), the units that support it (市督查室搞好配合, 要会同县住建局…), and a goal told
/// as an item dropped.
pub(super) fn close(open: &mut Option<Open>, found: &mut Vec<Open>) {
    if let Some(mut o) = open.take() {
        let body = super::start::ordinal(&o.text).map_or(o.text.as_str(), |end| &o.text[end..]);
        if o.enumerated && crate::notice::report_list::is_goal(body) {
            return;
        }
        if o.enumerated && o.units.is_none() {
            let inline = crate::notice::units::find_inline(body).map(|u| u.lead).filter(|l| !l.is_empty());
            let led = body.split_inclusive(['，', ',']).next().and_then(crate::notice::subject::leading);
            o.units =
                inline.or(led).or_else(|| crate::notice::subject::units_in(body)).or(o.lead_units.take());
        }
        // 市督查室搞好配合 / 要会同县住建局、县市场监管局: the units that support it.
        let with =
            if o.units.is_some() { crate::notice::subject::together_with(&o.text) } else { Vec::new() };
        let phrases = o.text.split_inclusive(['，', ',', '。', '；', ';']).skip(1);
        let named = phrases
            .filter(|p| p.contains("配合"))
            .filter_map(|p| crate::notice::subject::supporting(p.trim()))
            .flatten();
        for u in with.into_iter().chain(named.collect::<Vec<_>>()) {
            let lead = o.units.as_deref().unwrap_or_default();
            if !lead.contains(&u) && !o.support.contains(&u) {
                o.support.push(u);
            }
        }
        found.push(o);
    }
}
