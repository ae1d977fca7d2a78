//! The multi-step assistant: owns the session's state (the reducer in `state.rs`, the answer,
//! logic and file stores and the draft saver opened in `stores.rs`, the banner), runs its
//! effects on the page (`hooks.rs`) and hands the state to the page being shown: a step
//! (`step.rs`), the review (`crate::review`) or the receipt (`crate::receipt`). Sending is
//! `crate::sending`'s, drafts are `crate::draft`'s.

mod hooks;
mod items;
mod step;
mod stores;

use crate::answers_file;
use crate::draft::{DraftMode, DraftSaver};
use crate::draft_banner;
use crate::events::Events;
use crate::language;
use crate::receipt;
use crate::review;
use crate::sending;
use crate::state::{Action, AnswerStore, AssistantState, Logic, Sending, Shared};
use crate::texts::texts;
use formlotse_core::{Context, Date, Definition, Lang};
use hooks::use_effects;
use std::rc::Rc;
use stores::Changes;
pub(crate) use stores::Stores;
use yew::prelude::*;

/// Props of [`Assistant`].
#[derive(Properties, PartialEq, Clone)]
pub struct AssistantProps {
    /// The loaded definition, compared by identity: one definition is loaded once, and a deep
    /// comparison on every render of the app walked all its fields (and cost 3 KB of wasm).
    pub(crate) definition: Shared<Definition>,
    /// The day of filling in, from the host's clock.
    pub today: Date,
    /// Where the payload is posted.
    pub endpoint: AttrValue,
    /// Language of the UI and of the definition's texts.
    pub lang: Lang,
    /// Counts the host's settings of `lang` (`AppProps::lang_set`).
    pub lang_set: u32,
    /// Where `formlotse:*` events go.
    pub events: Events,
    /// Where drafts are kept.
    pub draft: DraftMode,
    /// Ignore and delete a stored draft.
    pub fresh: bool,
    /// How long one submission request may take, in seconds.
    pub timeout: u32,
}

/// The assistant for one loaded definition.
#[function_component]
pub fn Assistant(props: &AssistantProps) -> Html {
    let stores = use_memo((), |_| Stores::open(props));
    let state = use_reducer({
        let (stores, definition, draft) = (stores.clone(), props.definition.clone(), props.draft);
        let context = Context { lang: props.lang, today: props.today };
        move || stores.first_state(definition, context, draft)
    });
    let changes = use_memo((), |_| Changes::new(&stores, &state, props));
    let (answers, saver, logic) = (&stores.answers, &stores.saver, &stores.logic);
    Logic::refresh(logic, &state, &mut answers.0.borrow_mut());
    saver.in_lang(state.context.lang);
    let heading_ref = use_node_ref();
    let summary_ref = use_node_ref();
    let receipt_ref = use_node_ref();
    use_effects(&state, &stores, props, [heading_ref.clone(), summary_ref.clone(), receipt_ref.clone()]);

    let session = Session { state: state.clone(), answers: answers.clone(), saver: saver.clone() };
    let lang = state.context.lang;
    let definition = &state.definition.0;
    if let Sending::Done { reference, pdf } = &state.sending {
        let resolved = &logic.0.borrow().resolved;
        return receipt::view(definition, resolved, reference.as_deref(), pdf.as_deref(), lang, receipt_ref);
    }

    // Read in place while rendering; only the actions take a copy.
    let current = logic.0.borrow();
    let page = Page {
        state: &state,
        resolved: &current.resolved,
        lang,
        heading_ref,
        onsubmit: {
            let (state, logic) = (state.clone(), logic.clone());
            Callback::from(move |event: SubmitEvent| {
                event.prevent_default();
                state.dispatch(Action::Next(Box::new(logic.0.borrow().resolved.clone())));
            })
        },
        onback: {
            let (state, logic) = (state.clone(), logic.clone());
            Callback::from(move |()| {
                state.dispatch(Action::Back(Box::new(logic.0.borrow().resolved.clone())))
            })
        },
        status: sending::status(&state.sending, lang),
    };
    let content = if state.flow.is_review() {
        review::page(&page)
    } else {
        step::page(&page, summary_ref, &changes.fields, &changes.items)
    };
    // The steps and the review share the frame; the receipt does not show it. `lang` follows
    // the switch, so screen readers pronounce the words in the language shown.
    html! {
        <div class="fl-assistant" lang={lang.tag().to_owned()} dir={direction(lang)}>
            {language::switch(definition, lang, &state)}
            {draft_banner::wired(&session, props.draft, lang)}
            <p class="fl-form-title">{definition.title.get(lang).to_owned()}</p>
            {content}
            {answers_file::buttons(&session, lang)}
        </div>
    }
}

/// `rtl` for a language its catalog marks so (Arabic), else `ltr`.
pub(crate) fn direction(lang: Lang) -> &'static str {
    if texts(lang).catalog().is_rtl() { "rtl" } else { "ltr" }
}

/// The assistant's state and stores, for the callbacks of the banner and the answers file.
pub(crate) struct Session {
    pub(crate) state: UseReducerHandle<AssistantState>,
    pub(crate) answers: AnswerStore,
    pub(crate) saver: Rc<DraftSaver>,
}

/// What a step page and the review page share: the state read in place, and the form's
/// actions.
pub(crate) struct Page<'a> {
    pub(crate) state: &'a UseReducerHandle<AssistantState>,
    pub(crate) resolved: &'a formlotse_core::Resolved,
    pub(crate) lang: Lang,
    pub(crate) heading_ref: NodeRef,
    /// "Weiter" or "Absenden".
    pub(crate) onsubmit: Callback<SubmitEvent>,
    /// "Zurück".
    pub(crate) onback: Callback<()>,
    /// How sending stands, in words.
    pub(crate) status: Html,
}
