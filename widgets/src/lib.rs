//! Accessible, presentational Yew components for Formlotse.
//!
//! **Invariant:** widgets take plain props (strings, flags, callbacks) and know nothing of form
//! definitions or the engine; every text they show, including "Fehler:", comes in as a prop,
//! so language and wording stay with the caller. Markup follows the GOV.UK and KERN patterns.
//! All classes start with `fl-`; the stylesheet lives with the host (`runtime/web`).

mod actions;
mod error_summary;
mod focus;
mod notice;
mod receipt;
mod step_heading;
mod text_field;

pub use actions::{Actions, ActionsProps};
pub use error_summary::{ErrorLink, ErrorSummary, ErrorSummaryProps};
pub use focus::focus_by_id;
pub use notice::{Notice, NoticeProps};
pub use receipt::{Receipt, ReceiptProps};
pub use step_heading::{StepHeading, StepHeadingProps};
pub use text_field::{TextField, TextFieldProps};
