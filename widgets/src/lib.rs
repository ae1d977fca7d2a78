//! Accessible, presentational Yew components for Formlotse.
//!
//! **Invariant:** widgets take plain props (strings, flags, callbacks) and know nothing of form
//! definitions or the engine; every text they show, including "Fehler:", comes in as a prop,
//! so language and wording stay with the caller. Markup follows the GOV.UK and KERN patterns.
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
mod select;
mod step_heading;
mod summary_list;
mod text_area;
mod text_field;

pub use actions::{Actions, ActionsProps};
pub use answers_file::{AnswersFile, AnswersFileProps};
pub use banner::{Banner, BannerProps};
pub use calculated_value::{CalculatedValue, CalculatedValueProps};
pub use checkboxes::{Checkbox, CheckboxProps, Checkboxes, CheckboxesProps};
pub use choice::ChoiceItem;
pub use content_block::{ContentBlock, ContentBlockProps, ContentStyle};
pub use date_input::{DateInput, DateInputProps, DatePart};
pub use error_summary::{ErrorLink, ErrorSummary, ErrorSummaryProps};
pub use fieldset::{Fieldset, FieldsetProps};
pub use file_input::{ChosenFile, FileInput, FileInputProps};
pub use focus::focus_by_id;
pub use language_switch::{LanguageChoice, LanguageSwitch, LanguageSwitchProps};
pub use notice::{Notice, NoticeProps};
pub use radios::{Radios, RadiosProps};
pub use receipt::{Receipt, ReceiptProps};
pub use select::{Select, SelectProps};
pub use step_heading::{StepHeading, StepHeadingProps};
pub use summary_list::{SummaryList, SummaryListProps, SummaryRow, SummarySection};
pub use text_area::{TextArea, TextAreaProps};
pub use text_field::{TextField, TextFieldProps};
