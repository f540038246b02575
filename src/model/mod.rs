//! Plain data shared by every layer: no I/O, no egui, no SQL.

mod board;
mod brief;
mod bulletin;
mod continuation;
mod detail;
mod draft;
mod edit;
mod evidence;
mod figures;
mod file_kind;
mod finished_apart;
mod form;
mod ids;
mod loop_edit;
mod loop_records;
mod office;
mod office_index;
mod office_state;
mod overview;
mod periods;
mod recurrence;
mod settings;
mod source;
mod status;
mod track;
mod track_rare;
mod urgency;

pub use board::{
    Assignment, Board, BoardFilter, DirectiveRow, Latest, NoticeInfo, Office, OfficeCounts, Role,
    short_meeting,
};
pub use brief::{BriefItem, BriefOffice, FilesAdded, MeetingBrief};
pub use bulletin::{Bulletin, BulletinSpan, Deployment, OverdueEntry, REPEATED_AT, RepeatedEntry};
pub use continuation::{
    Candidate, PRESELECT_AT, SUGGEST_AT, Suggester, already_imported, already_imported_among,
    is_earlier_notice, preselect, similarity, suggest,
};
pub use detail::{ChangeEntry, Continuation, DirectiveDetail, EarlierStep, Note};
pub use draft::{DeadlineDraft, DirectiveDraft, NoticeDraft, SectionDraft};
pub use edit::{DirectiveEdit, RosterEdit};
pub use evidence::{Evidence, NewEvidence, PhotoMeta, backs_closing, human_size};
pub use figures::{
    DEFAULT_FEEDBACK_DAYS, FigureTally, OfficeFigures, ReminderDue, ReminderReason, office_figures,
    reminders_due,
};
pub use file_kind::{is_bidi_control, is_image, never_launch, without_bidi_controls};
pub use finished_apart::{FinishedApart, FinishedCount, LIST_WHOLE_UP_TO};
pub use form::{AppliedReturn, FormKind, IssuedForm, ReturnItem, ReturnToApply, StoredFile};
pub use ids::{DirectiveId, EvidenceId, NoteId, NoticeId, OfficeId};
pub use loop_edit::{LoopAction, LoopEdit};
pub use loop_records::{
    Channel, EscalationStep, LoopEvent, LoopEventKind, NewExtension, NewFeedback, NewReminder,
};
pub use office::{OfficeGroup, UnitKind, classify_unit};
pub use office_index::OfficeIndex;
pub use office_state::{LoopState, OfficeState};
pub use overview::{AttentionGroup, AttentionItem, MeetingStat, OfficeStat, Overview, Totals};
pub use periods::{PeriodItem, Recurrence, RuleVersion};
pub use recurrence::{PeriodSpan, Rule};
pub use settings::Settings;
pub use source::{ByHand, NewDirective, RegisterEdit, SetAside, Source, SourceKind};
pub use status::Status;
pub use track::{
    Deadlines, ExtensionNote, ExtensionStep, FeedbackLateness, OfficeTrack, ReportNote, apply_extensions,
    is_late_request,
};
pub use track_rare::TrackRare;
pub use urgency::{DEFAULT_DUE_SOON_DAYS, Urgency, days_left};
