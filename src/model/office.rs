//! 单位 — who a directive is addressed to: 机关处室, 支队, or a collective such as 各处室.

use serde::{Deserialize, Serialize};

/// The two groups of the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OfficeGroup {
    /// 机关处室 — offices of the headquarters (…处, …室, …中心).
    Hq,
    /// 支队 — the city detachments.
    Detachment,
}

impl OfficeGroup {
    pub fn label(self) -> &'static str {
        match self {
            OfficeGroup::Hq => "机关处室",
            OfficeGroup::Detachment => "支队",
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            OfficeGroup::Hq => "hq",
            OfficeGroup::Detachment => "detachment",
        }
    }

    pub fn from_db(s: &str) -> Option<OfficeGroup> {
        match s {
            "hq" => Some(OfficeGroup::Hq),
            "detachment" => Some(OfficeGroup::Detachment),
            _ => None,
        }
    }
}

/// What a name in a 责任处室 line stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// One office or detachment.
    Office(OfficeGroup),
    /// 各处室 / 各支队 / 各单位 — every member of the groups it covers.
    Collective { hq: bool, detachments: bool },
}

/// Decides what a unit name means. Collective names are matched whole; a single unit is a
/// detachment when it ends in 支队 or 大队, otherwise an HQ office.
pub fn classify_unit(name: &str) -> UnitKind {
    const ALL_HQ: [&str; 6] = ["各处室", "机关各处室", "总队机关各处室", "机关各部门", "各部门", "总队机关"];
    const ALL_DETACHMENTS: [&str; 3] = ["各支队", "各市支队", "各消防救援支队"];
    const EVERYONE: [&str; 3] = ["各单位", "各级", "全体"];
    let name = name.trim();
    if ALL_HQ.contains(&name) {
        UnitKind::Collective { hq: true, detachments: false }
    } else if ALL_DETACHMENTS.contains(&name) {
        UnitKind::Collective { hq: false, detachments: true }
    } else if EVERYONE.contains(&name) {
        UnitKind::Collective { hq: true, detachments: true }
    } else if name.ends_with("支队") || name.ends_with("大队") {
        UnitKind::Office(OfficeGroup::Detachment)
    } else {
        UnitKind::Office(OfficeGroup::Hq)
    }
}

impl UnitKind {
    /// Whether a directive addressed to this unit concerns a member of `group`.
    pub fn covers_group(self, group: OfficeGroup) -> bool {
        match self {
            UnitKind::Office(_) => false,
            UnitKind::Collective { hq, detachments } => match group {
                OfficeGroup::Hq => hq,
                OfficeGroup::Detachment => detachments,
            },
        }
    }

    pub fn as_db(self) -> &'static str {
        match self {
            UnitKind::Office(g) => g.as_db(),
            UnitKind::Collective { hq: true, detachments: false } => "all_hq",
            UnitKind::Collective { hq: false, detachments: true } => "all_detachments",
            UnitKind::Collective { .. } => "all",
        }
    }

    pub fn from_db(s: &str) -> Option<UnitKind> {
        Some(match s {
            "all_hq" => UnitKind::Collective { hq: true, detachments: false },
            "all_detachments" => UnitKind::Collective { hq: false, detachments: true },
            "all" => UnitKind::Collective { hq: true, detachments: true },
            other => UnitKind::Office(OfficeGroup::from_db(other)?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_offices_detachments_and_collectives() {
        assert_eq!(classify_unit("防火监督处"), UnitKind::Office(OfficeGroup::Hq));
        assert_eq!(classify_unit("指挥中心"), UnitKind::Office(OfficeGroup::Hq));
        assert_eq!(classify_unit("沈阳支队"), UnitKind::Office(OfficeGroup::Detachment));
        let all_hq = classify_unit("各处室");
        assert!(all_hq.covers_group(OfficeGroup::Hq) && !all_hq.covers_group(OfficeGroup::Detachment));
        assert!(classify_unit("各支队").covers_group(OfficeGroup::Detachment));
        for kind in [all_hq, classify_unit("各单位"), classify_unit("队务处")] {
            assert_eq!(UnitKind::from_db(kind.as_db()), Some(kind));
        }
    }
}
