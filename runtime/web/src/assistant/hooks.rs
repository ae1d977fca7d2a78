//! The assistant's effects on the page around it, after each render for what changed since
//! the last: the draft follows the step, focus moves where the last action asked, the
//! `formlotse:step` event, sending starts, "Fehler:" in the page title, and the language the
//! host asked for. One effect for all of them: each `use_effect_with` of its own type was an
//! instance of the hook's generic code in the wasm.

use super::AssistantProps;
use super::stores::Stores;
use crate::field_host::input_id;
use crate::language;
use crate::sending;
use crate::state::{AssistantState, FocusTarget, Sending};
use crate::texts::texts;
use formlotse_core::Lang;
use formlotse_widgets::focus_by_id;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// What the effects saw after the last render (`None` before the first). Kept in the
/// assistant's [`Stores`], made once, rather than in a hook of its own.
#[derive(Default)]
pub(crate) struct Seen {
    step: Option<usize>,
    focus: Option<(FocusTarget, u32)>,
    attempt: Option<u32>,
    title: Option<(bool, &'static str)>,
    /// The prefix this assistant put in the page title, in whatever language it was then.
    added: Option<&'static str>,
    lang: Option<(Lang, u32)>,
}

/// Runs the assistant's effects; `refs` are the step heading's, the error summary's and the
/// receipt's.
#[hook]
pub(crate) fn use_effects(
    state: &UseReducerHandle<AssistantState>,
    stores: &Rc<Stores>,
    props: &AssistantProps,
    refs: [NodeRef; 3],
) {
    let (state, stores, props) = (state.clone(), stores.clone(), props.clone());
    use_effect(move || {
        let mut seen = stores.seen.borrow_mut();
        let step = state.flow.step();
        let was = seen.step.replace(step);
        if was != Some(step) {
            stores.saver.at_step(step);
        }
        if seen.focus != state.focus {
            seen.focus.clone_from(&state.focus);
            focus(state.focus.as_ref().map(|(target, _)| target), refs);
        }
        // Tells the host page when the citizen reaches another step (not on the first render).
        if was.is_some_and(|was| was != step) {
            let steps = &state.definition.0.steps;
            let id = steps.get(step).map(|s| s.id.clone()).unwrap_or_default();
            props.events.emit(
                "step",
                &[
                    ("step", (step as u32 + 1).into()),
                    ("of", (steps.len() as u32).into()),
                    ("stepId", id.into()),
                ],
            );
        }
        let attempt = match state.sending {
            Sending::InFlight { attempt, .. } => Some(attempt),
            _ => None,
        };
        if seen.attempt != attempt {
            seen.attempt = attempt;
            if let Some(attempt) = attempt {
                sending::send(&state, &stores, &props, attempt);
            }
        }
        let title = (!state.errors.is_empty(), texts(state.context.lang).error_prefix());
        if seen.title != Some(title) {
            seen.title = Some(title);
            seen.added = error_title(title, seen.added);
        }
        // The host set the element's `lang` attribute (again).
        if seen.lang != Some((props.lang, props.lang_set)) {
            seen.lang = Some((props.lang, props.lang_set));
            language::choose(&state, props.lang);
        }
    });
}

/// Moves focus where the last action asked for it.
fn focus(target: Option<&FocusTarget>, refs: [NodeRef; 3]) {
    let [heading, summary, receipt] = refs;
    let target = match target {
        Some(FocusTarget::StepHeading) => heading,
        Some(FocusTarget::ErrorSummary) => summary,
        Some(FocusTarget::Receipt) => receipt,
        Some(FocusTarget::Field(id)) => {
            // The step's heading is in the same shadow root as the field.
            if let Some(node) = heading.get() {
                focus_by_id(&node, &input_id(id));
            }
            return;
        }
        None => return,
    };
    if let Some(element) = target.cast::<HtmlElement>() {
        let _ = element.focus();
    }
}

/// Prefixes the page's title with "Fehler:" while a step shows errors, as GOV.UK does, so a
/// screen reader user hears at once that Weiter did not go on. `added` is the prefix put there
/// before, if any; returns the one there now.
fn error_title(
    (has_errors, prefix): (bool, &'static str),
    added: Option<&'static str>,
) -> Option<&'static str> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return added };
    let title = document.title();
    let bare = added
        .and_then(|known| title.strip_prefix(known).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or(&title)
        .to_owned();
    let wanted = if has_errors { format!("{prefix} {bare}") } else { bare };
    if wanted != title {
        document.set_title(&wanted);
    }
    has_errors.then_some(prefix)
}
