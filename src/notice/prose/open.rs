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
