//! Small reusable widgets.

mod date_picker;
mod highlight;
mod office_picker;
mod picker;

pub use date_picker::{date_picker, format_date, optional_date_picker};
pub use highlight::highlighted;
pub use office_picker::office_picker;
pub use picker::{Pick, PickKind, Picker, typed_paths_ui, without_system_dialogs};
