//! The assistant's state as a pure reducer: what step, which errors, where focus goes, and
//! how sending stands. Answers are not here: they live in an [`AnswerStore`] so that a
//! keystroke changes no state that would re-render the form.

pub(crate) use crate::draft_banner::BannerState;
use formlotse_core::{Answers, Context, Definition, FieldError, Flow, Lang, Move, Resolved, Violation};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Reducible;

/// Shared data compared by identity: props holding it re-render a component only when it is
/// replaced, never because of a deep comparison of a large definition.
#[derive(Debug, Default)]
pub(crate) struct Shared<T>(pub(crate) Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The answers, shared by the fields (which write) and the assistant (which reads on "Weiter").
pub(crate) type AnswerStore = Shared<RefCell<Answers>>;

pub(crate) use crate::logic::{Logic, LogicStore};

/// The chosen files themselves, by field id; the answers hold only their name, type and size.
pub(crate) type FileStore = Shared<RefCell<formlotse_core::definition::ByKey<Vec<web_sys::File>>>>;

/// Where focus should go after the next render.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum FocusTarget {
    /// The step's (or the review page's) heading.
    StepHeading,
    ErrorSummary,
    Receipt,
    /// The input of a field (by field id), after "Ändern".
    Field(String),
}

/// How sending stands.
#[derive(Clone, PartialEq, Debug)]
pub(crate) enum Sending {
    /// Not yet asked to send.
    Idle,
    /// A request is under way; `attempt` identifies it. `retry_in`: the last request failed
    /// and the next starts in that many seconds.
    InFlight { attempt: u32, retry_in: Option<u32> },
    /// The last attempt failed; the citizen may try again.
    Failed(Failure),
    /// Delivered; `pdf` is the citizen's download link, resolved against the endpoint.
    Done { reference: Option<String>, pdf: Option<String> },
}

/// Why a submission did not arrive.
#[derive(Clone, PartialEq, Debug)]
pub(crate) enum Failure {
    /// No receiver answered usefully, even after retries: trying again later may work.
    Unreachable { status: Option<u16> },
    /// The receiver refused it (a 4xx); `message` is its explanation, if it gave one.
    Refused { status: u16, message: Option<String> },
}

/// Everything the assistant shows, apart from the answers.
#[derive(Clone, PartialEq, Debug)]
pub(crate) struct AssistantState {
    pub(crate) definition: Shared<Definition>,
    /// Language and day of filling in, for reading and checking answers.
    pub(crate) context: Context,
    pub(crate) flow: Flow,
    pub(crate) errors: Vec<FieldError>,
    pub(crate) sending: Sending,
    pub(crate) attempts: u32,
    /// Focus request: the target, and a counter so that the same target can be asked again.
    pub(crate) focus: Option<(FocusTarget, u32)>,
    /// Bumped when the answers are replaced wholesale: the inputs are created afresh.
    pub(crate) generation: u32,
    /// Bumped whenever `errors` are set (a refused "Weiter", the receiver's field errors): each
    /// time shows them at their fields again, even the same ones after a field was corrected.
    pub(crate) refused: u32,
    /// Bumped when an answer changed what the step shows (a field, group or option appearing
    /// or going, a calculated value), so the step re-renders; other keystrokes do not.
    pub(crate) shown: u32,
    /// Bumped when items of a repeatable group are added or removed: their inputs are created
    /// afresh, since a removal moves answers from one item to the one before.
    pub(crate) items: u32,
    /// The language last chosen; `context.lang` follows once its catalog is there.
    pub(crate) wanted_lang: Lang,
    /// What the banner about kept answers says.
    pub(crate) banner: BannerState,
}

/// What can happen to the assistant.
pub(crate) enum Action {
    /// "Weiter" or "Absenden", with the answers (resolved) as they are now.
    Next(Box<Resolved>),
    /// "Zurück"; hidden steps are skipped.
    Back(Box<Resolved>),
    /// An answer changed what the step shows.
    Shown,
    /// An item of repeatable group `group` was added or removed (the answers and the logic
    /// already changed); focus goes to the input `focus`.
    Items { group: String, focus: String },
    /// The request of `attempt` failed and is retried in `seconds`.
    Retrying { attempt: u32, seconds: u32 },
    /// The request of `attempt` failed for good; `fields` are the receiver's field errors.
    SendFailed { attempt: u32, failure: Failure, fields: Vec<(String, String)> },
    /// The request of `attempt` was accepted.
    Sent { attempt: u32, reference: Option<String>, pdf: Option<String> },
    /// "Ändern" on the review page: open `step` at `field`.
    Change { step: usize, field: String },
    /// The language switch, or the host's `lang`: shown at once if its catalog is at hand,
    /// else once [`Action::CatalogLoaded`] says it is.
    SetLang(Lang),
    /// The catalog of a language was fetched (or found missing): shown if it is still the
    /// one wanted (a citizen may have chosen another meanwhile).
    CatalogLoaded(Lang),
    /// "Entwurf löschen": the answers were cleared; start at the first step.
    Discard,
    /// "Antworten laden": the answers were replaced from a file; continue at `step`.
    Loaded { step: usize },
    /// The banner about kept answers says something else.
    Banner(BannerState),
}

impl AssistantState {
    pub(crate) fn new(definition: Shared<Definition>, context: Context) -> Self {
        Self {
            definition,
            context,
            flow: Flow::default(),
            errors: Vec::new(),
            sending: Sending::Idle,
            attempts: 0,
            focus: None,
            generation: 0,
            refused: 0,
            shown: 0,
            items: 0,
            wanted_lang: context.lang,
            banner: BannerState::Hidden,
        }
    }

    fn is_sending(&self, attempt: u32) -> bool {
        matches!(self.sending, Sending::InFlight { attempt: current, .. } if current == attempt)
    }

    fn focus_on(&mut self, target: FocusTarget) {
        let count = self.focus.as_ref().map_or(0, |(_, n)| n + 1);
        self.focus = Some((target, count));
    }
}

impl Reducible for AssistantState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Next(resolved) => {
                if matches!(next.sending, Sending::InFlight { .. } | Sending::Done { .. }) {
                    // A double click or a second Enter while sending sends nothing twice.
                    return self;
                }
                match next.flow.next(&next.definition.0, &resolved) {
                    Move::Stepped(_) | Move::Review => {
                        next.errors.clear();
                        next.sending = Sending::Idle;
                        next.focus_on(FocusTarget::StepHeading);
                    }
                    Move::Blocked(errors) => {
                        // An error on an earlier step (only possible when answers changed
                        // behind the citizen's back) is shown there.
                        if let Some(step) = errors.first().and_then(|e| next.definition.0.step_of(&e.path)) {
                            next.flow.go_to(step);
                        }
                        next.errors = errors;
                        next.refused = next.refused.wrapping_add(1);
                        next.focus_on(FocusTarget::ErrorSummary);
                    }
                    Move::Complete => {
                        next.errors.clear();
                        next.attempts += 1;
                        next.sending = Sending::InFlight { attempt: next.attempts, retry_in: None };
                    }
                }
            }
            Action::Shown => next.shown = next.shown.wrapping_add(1),
            Action::Banner(banner) => next.banner = banner,
            Action::Items { group, focus } => {
                next.items = next.items.wrapping_add(1);
                // The items' errors no longer sit where they were; the next "Weiter" says anew.
                let prefix = format!("{group}[");
                next.errors.retain(|e| !e.path.starts_with(&prefix));
                next.focus_on(if focus.is_empty() {
                    FocusTarget::StepHeading
                } else {
                    FocusTarget::Field(focus)
                });
            }
            Action::Back(resolved) => {
                if matches!(next.sending, Sending::InFlight { .. } | Sending::Done { .. }) {
                    return self;
                }
                if next.flow.back(&next.definition.0, &resolved) {
                    next.errors.clear();
                    next.sending = Sending::Idle;
                    next.focus_on(FocusTarget::StepHeading);
                }
            }
            Action::Retrying { attempt, seconds } => {
                if !next.is_sending(attempt) {
                    return self;
                }
                next.sending = Sending::InFlight { attempt, retry_in: Some(seconds) };
            }
            Action::SendFailed { attempt, failure, fields } => {
                if !next.is_sending(attempt) {
                    return self;
                }
                next.sending = Sending::Failed(failure);
                // Field errors of the receiver are shown at their fields, like the browser's own,
                // on the step that holds the first; "Weiter" there returns to the review.
                let definition = next.definition.clone();
                next.errors = fields
                    .into_iter()
                    .filter(|(field, _)| definition.0.field_at(field).is_some())
                    .map(|(path, message)| FieldError { path, violation: Violation::Reported { message } })
                    .collect();
                next.refused = next.refused.wrapping_add(1);
                if let Some(step) = next.errors.first().and_then(|e| definition.0.step_of(&e.path)) {
                    next.flow.change(step, &definition.0);
                    next.focus_on(FocusTarget::ErrorSummary);
                }
            }
            Action::Sent { attempt, reference, pdf } => {
                if !next.is_sending(attempt) {
                    return self;
                }
                next.sending = Sending::Done { reference, pdf };
                next.focus_on(FocusTarget::Receipt);
            }
            Action::Change { step, field } => {
                if !next.flow.is_review()
                    || matches!(next.sending, Sending::InFlight { .. } | Sending::Done { .. })
                {
                    return self;
                }
                next.flow.change(step, &next.definition.0);
                next.errors.clear();
                next.sending = Sending::Idle;
                next.focus_on(FocusTarget::Field(field));
            }
            Action::Discard | Action::Loaded { .. } => {
                if matches!(next.sending, Sending::InFlight { .. } | Sending::Done { .. }) {
                    return self;
                }
                next.flow = match action {
                    Action::Loaded { step } => Flow::at(step, &next.definition.0),
                    _ => Flow::default(),
                };
                next.errors.clear();
                next.sending = Sending::Idle;
                next.generation += 1;
                next.focus_on(FocusTarget::StepHeading);
            }
            Action::SetLang(lang) => {
                if next.context.lang == lang && next.wanted_lang == lang {
                    return self;
                }
                next.wanted_lang = lang;
                if crate::catalogs::is_known(lang) {
                    next.context.lang = lang;
                }
            }
            Action::CatalogLoaded(lang) => {
                if next.wanted_lang != lang || next.context.lang == lang {
                    return self;
                }
                next.context.lang = lang;
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
