//! The assistant's effects on the page around it: focus after an action, "Fehler:" in the
//! page title, and the `formlotse:step` event.

use crate::events::Events;
use crate::field_host::input_id;
use crate::state::{AssistantState, FocusTarget};
use formlotse_widgets::focus_by_id;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Moves focus where the last action asked for it, once per request.
#[hook]
pub(crate) fn use_focus(state: &UseReducerHandle<AssistantState>, refs: [NodeRef; 3]) {
    use_effect_with(state.focus.clone(), move |focus| {
        let [heading, summary, receipt] = refs;
        let target = match focus.as_ref().map(|(target, _)| target) {
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
    });
}

/// Prefixes the page's title with "Fehler:" while a step shows errors, as GOV.UK does, so a
/// screen reader user hears at once that Weiter did not go on.
#[hook]
pub(crate) fn use_error_title(has_errors: bool, prefix: &'static str) {
    // The prefix this assistant put there, in whatever language it was then.
    let added = use_mut_ref(|| None::<&'static str>);
    use_effect_with((has_errors, prefix), move |(has_errors, prefix)| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let title = document.title();
        let bare = added
            .borrow()
            .and_then(|known| title.strip_prefix(known).and_then(|rest| rest.strip_prefix(' ')))
            .unwrap_or(&title)
            .to_owned();
        let wanted = if *has_errors { format!("{prefix} {bare}") } else { bare };
        *added.borrow_mut() = has_errors.then_some(*prefix);
        if wanted != title {
            document.set_title(&wanted);
        }
    });
}

/// Tells the host page when the citizen reaches another step (not on the first render).
#[hook]
pub(crate) fn use_step_events(state: &UseReducerHandle<AssistantState>, events: &Events) {
    let first = use_mut_ref(|| true);
    let (step, steps, events) = (state.flow.step(), state.definition.0.steps.len(), events.clone());
    let id = state.definition.0.steps.get(step).map(|s| s.id.clone()).unwrap_or_default();
    use_effect_with(step, move |_| {
        if std::mem::replace(&mut *first.borrow_mut(), false) {
            return;
        }
        events.emit(
            "step",
            &[("step", (step as u32 + 1).into()), ("of", (steps as u32).into()), ("stepId", id.into())],
        );
    });
}
