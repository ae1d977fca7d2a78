//! Accessible, presentational Yew components for Formlotse.
//!
//! **Invariant:** widgets take plain props (strings, flags, callbacks) and know nothing of form
//! definitions or the engine; every text they show, including "Fehler:", comes in as a prop,
//! so language and wording stay with the caller. Widgets are plain functions returning `Html`
//! (they hold no state, so a component's machinery would only add bytes to the download).
//! Field widgets share one [`FieldShell`]: label, hint, error and their ids. Markup follows the
//! GOV.UK and KERN patterns.
//! All classes start with `fl-`; the stylesheet lives with the host (`runtime/web`).

mod actions;
mod answers_file;
mod banner;
mod calculated_value;
mod checkboxes;
mod choice;
mod content_block;
mod date_input;
mod error_summary;
mod fieldset;
mod file_input;
mod focus;
mod language_switch;
mod notice;
mod parts;
mod radios;
mod receipt;
mod repeat_group;
mod select;
mod step_heading;
mod summary_list;
mod text_area;
mod text_field;

pub use actions::{ActionsProps, actions};
pub use answers_file::{AnswersFileProps, answers_file};
pub use banner::{BannerProps, banner};
pub use calculated_value::calculated_value;
pub use checkboxes::{checkbox, checkboxes};
pub use choice::ChoiceItem;
pub use content_block::{ContentBlockProps, ContentStyle, content_block};
pub use date_input::{DatePart, DateParts, date_input};
pub use error_summary::{ErrorLink, ErrorSummaryProps, error_summary};
pub use fieldset::{FieldsetProps, fieldset};
pub use file_input::{ChosenFile, FilePicker, file_input};
pub use focus::focus_by_id;
pub use language_switch::{LanguageChoice, LanguageSwitchProps, language_switch};
pub use notice::{NoticeProps, notice};
pub use parts::FieldShell;
pub use radios::radios;
pub use receipt::{ReceiptProps, receipt};
pub use repeat_group::{RepeatGroupProps, RepeatItem, repeat_group};
pub use select::select;
pub use step_heading::{StepHeadingProps, step_heading};
pub use summary_list::{SummaryListProps, SummaryRow, SummarySection, summary_list};
pub use text_area::text_area;
pub use text_field::{TextInput, text_field};
