//! Typed row ids, so a directive id is never passed where an office id belongs.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// 通知 — one imported work-requirements notice.
    NoticeId
);
id_type!(
    /// 工作要求 — one tracked directive.
    DirectiveId
);
id_type!(
    /// 单位 — an office, a detachment or a collective addressee in the roster.
    OfficeId
);
id_type!(
    /// 材料 — one evidence file attached to a directive.
    EvidenceId
);
id_type!(
    /// 进展 — one dated progress note on a directive (files may support it).
    NoteId
);
