//! The multi-step assistant: one `<form>` per step, error summary, buttons, sending, receipt.

use crate::answers_file;
use crate::draft::{DraftMode, DraftSaver, DraftStore};
use crate::draft_banner::{self, BannerState};
use crate::events::Events;
use crate::field_host::{FieldHost, input_id};
use crate::markup;
use crate::review;
use crate::sending::{self, use_sending};
use crate::state::{
    Action, AnswerStore, AssistantState, FileStore, FocusTarget, Logic, LogicStore, Sending, Shared,
};
use crate::texts::texts;
use formlotse_core::definition::ContentKind;
use formlotse_core::definition::{Condition, Repeat};
use formlotse_core::draft::{decode, encode};
use formlotse_core::{Answers, Context, Date, Definition, Field, Flow, Item, Lang, Resolved, messages, path};
use formlotse_widgets::{
    Actions, AnswersFile, ContentBlock, ContentStyle, ErrorLink, ErrorSummary, Fieldset, LanguageChoice,
    LanguageSwitch, Receipt, RepeatGroup, RepeatItem, StepHeading, SummaryList, focus_by_id,
};
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`Assistant`].
#[derive(Properties, PartialEq, Clone)]
pub struct AssistantProps {
    /// The loaded definition.
    pub definition: Rc<Definition>,
    /// The day of filling in, from the host's clock.
    pub today: Date,
    /// Where the payload is posted.
    pub endpoint: AttrValue,
    /// Language of the UI and of the definition's texts.
    pub lang: Lang,
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
    let drafts = use_memo((), |_| Rc::new(DraftStore::new(props.draft, &props.definition.id)));
    // Read once: the draft the citizen left, unless the host asked to start afresh.
    let restored = use_memo((), |_| {
        if props.fresh {
            drafts.clear();
            None
        } else {
            drafts.load(&props.definition)
        }
    });
    let state = use_reducer({
        let definition = Shared(props.definition.clone());
        let context = Context { lang: props.lang, today: props.today };
        let step = restored.as_ref().as_ref().map_or(0, |restored| restored.step);
        // A reload while sending: back to the review, where "Absenden" sends it again, with
        // the same key.
        let was_sending = restored.as_ref().as_ref().is_some_and(|restored| restored.pending.is_some());
        move || {
            let mut state = AssistantState::new(definition.clone(), context);
            state.flow =
                if was_sending { Flow::at_review(&definition.0) } else { Flow::at(step, &definition.0) };
            state
        }
    });
    let answers = use_memo((), |_| {
        let restored = restored.as_ref().as_ref().map(|restored| restored.answers.clone());
        Shared(Rc::new(RefCell::new(restored.unwrap_or_default())))
    });
    let saver = use_memo((), |_| {
        let pending = restored.as_ref().as_ref().and_then(|restored| restored.pending.clone());
        DraftSaver::new((*drafts).clone(), props.definition.clone(), (*answers).clone(), pending)
    });
    let logic = use_memo((), |_| {
        let context = Context { lang: props.lang, today: props.today };
        Shared(Rc::new(RefCell::new(Logic::new(&props.definition, &answers.0.borrow(), context, 0))))
    });
    // A changed answer: the logic follows at once (re-rendering the step only if what it shows
    // changed), the draft within a moment.
    let changed = use_memo((), |_| {
        let (saver, logic, answers, dispatcher) =
            ((*saver).clone(), (*logic).clone(), (*answers).clone(), state.dispatcher());
        let definition = props.definition.clone();
        Callback::from(move |id: String| {
            saver.changed();
            if Logic::update(&logic, &definition, &answers.0.borrow(), &id) {
                dispatcher.dispatch(Action::Shown);
            }
        })
    });
    // An item of a repeatable group added or removed: answers move, the logic starts over.
    let items_changed = use_memo((), |_| {
        let (saver, logic, answers, dispatcher) =
            ((*saver).clone(), (*logic).clone(), (*answers).clone(), state.dispatcher());
        let (definition, today) = (props.definition.clone(), props.today);
        Callback::from(move |change: ItemsChange| {
            let (repeat, focus_item) = {
                let mut answers = answers.0.borrow_mut();
                match change {
                    ItemsChange::Add(repeat) => {
                        let added = answers.add_item(&repeat);
                        (repeat, added)
                    }
                    ItemsChange::Remove(repeat, index) => {
                        let removed = answers.remove_item(&repeat, index);
                        let left = formlotse_core::validation::items_of(&repeat, &answers);
                        (repeat, (removed && left > 0).then(|| index.min(left - 1)))
                    }
                }
            };
            Logic::reset(&logic, &definition, &answers.0.borrow(), today);
            saver.changed();
            // Focus the first question of the new item, or of the one now where the removed was.
            let focus = focus_item
                .and_then(|index| repeat.fields().next().map(|f| path::item(&repeat.id, index, &f.id)))
                .unwrap_or_default();
            dispatcher.dispatch(Action::Items { group: repeat.id.clone(), focus });
        })
    });
    Logic::refresh(&logic, &state, &answers.0.borrow());
    {
        let saver = (*saver).clone();
        use_effect_with(state.flow.step(), move |step| saver.at_step(*step));
    }
    let banner = use_state(|| match restored.as_ref() {
        Some(restored) => BannerState::Restored(Rc::new(restored.clone())),
        None if props.draft == DraftMode::Local => BannerState::Local,
        None => BannerState::Hidden,
    });
    let files = use_memo((), |_| FileStore::default());
    let heading_ref = use_node_ref();
    let summary_ref = use_node_ref();
    let receipt_ref = use_node_ref();
    use_focus(&state, [heading_ref.clone(), summary_ref.clone(), receipt_ref.clone()]);
    use_step_events(&state, &props.events);
    use_sending(&state, &logic, &files, &saver, props);
    use_error_title(!state.errors.is_empty(), texts(state.context.lang).error_prefix);
    {
        // The host changed the element's `lang` attribute.
        let state = state.clone();
        use_effect_with(props.lang, move |lang| state.dispatch(Action::SetLang(*lang)));
    }

    let lang = state.context.lang;
    let t = texts(lang);
    let definition = &state.definition.0;
    if let Sending::Done { reference } = &state.sending {
        let copy = review::sections(definition, &logic.0.borrow().resolved, lang);
        return html! {
            <div class="fl-assistant">
                <Receipt
                    title={t.sent_title}
                    reference_label={t.reference_label}
                    reference={reference.clone().map(AttrValue::from)}
                    next={t.sent_next}
                    node_ref={receipt_ref}
                    print={AttrValue::from(t.print)}
                >
                    <h3 class="fl-receipt__copy">{t.your_answers}</h3>
                    <SummaryList sections={copy} empty={t.not_given} heading_level={4} />
                </Receipt>
            </div>
        };
    }

    // Only the steps and the review show these; the receipt does not.
    let switch = language_switch(definition, lang, &state);
    let banner_html = draft_banner(&state, &answers, &saver, &banner, props.draft, lang);
    let answers_file = answers_file_buttons(&state, &answers, &saver, &banner, lang);

    // Read in place while rendering; only the actions take a copy.
    let current = logic.0.borrow();
    let resolved = &current.resolved;
    let onsubmit = {
        let (state, logic) = (state.clone(), logic.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            state.dispatch(Action::Next(Box::new(logic.0.borrow().resolved.clone())));
        })
    };
    let onback = {
        let (state, logic) = (state.clone(), logic.clone());
        Callback::from(move |()| state.dispatch(Action::Back(Box::new(logic.0.borrow().resolved.clone()))))
    };
    let in_flight = matches!(state.sending, Sending::InFlight { .. });
    let sending_status = sending::status(&state.sending, lang);

    if state.flow.is_review() {
        let onchange = {
            let state = state.clone();
            Callback::from(move |(step, field): (usize, AttrValue)| {
                state.dispatch(Action::Change { step, field: field.to_string() });
            })
        };
        let sections = review::sections(definition, resolved, lang);
        return html! {
            <div class="fl-assistant">
                {switch}
                {banner_html}
                <p class="fl-form-title">{definition.title.get(lang).to_owned()}</p>
                <form class="fl-form" novalidate=true {onsubmit} aria-labelledby="fl-step-title">
                    <StepHeading title={t.review_title} node_ref={heading_ref} />
                    <SummaryList {sections} empty={t.not_given} change={AttrValue::from(t.change)} {onchange} />
                    <p class="fl-review-note">{t.review_note}</p>
                    {sending_status}
                    <Actions primary={t.send} back={AttrValue::from(t.back)} {onback} busy={in_flight} />
                </form>
                {answers_file}
            </div>
        };
    }

    let index = state.flow.step();
    let Some(step) = definition.steps.get(index) else {
        return Html::default();
    };
    let error_links: Vec<ErrorLink> = state
        .errors
        .iter()
        .filter_map(|error| {
            let (field, _) = definition.field_at(&error.path)?;
            Some(ErrorLink {
                target: input_id(&error.path).into(),
                message: messages::for_field(definition, field, &error.violation, lang).into(),
            })
        })
        .collect();
    // Hidden steps are not counted: "Schritt 3 von 4" even when a fifth is skipped.
    let shown: Vec<usize> = (0..definition.steps.len())
        .filter(|&i| i == index || resolved.shows_step(&definition.steps[i]))
        .collect();
    let position = shown.iter().position(|&i| i == index).unwrap_or(0);
    let progress = match lang {
        Lang::De => format!("Schritt {} von {}", position + 1, shown.len()),
        Lang::En => format!("Step {} of {}", position + 1, shown.len()),
    };
    let items = ItemContext {
        state: &state,
        answers: &answers,
        files: &files,
        logic: &logic,
        resolved,
        lang,
        changed: &changed,
        items_changed: &items_changed,
    };

    html! {
        <div class="fl-assistant">
            {switch}
            {banner_html}
            <p class="fl-form-title">{definition.title.get(lang).to_owned()}</p>
            if let (0, Some(description)) = (index, &definition.description) {
                <div class="fl-description">{markup::blocks(description.get(lang), lang)}</div>
            }
            if !error_links.is_empty() {
                <ErrorSummary title={t.error_summary_title} errors={error_links} node_ref={summary_ref} />
            }
            <form key={state.generation} class="fl-form" novalidate=true {onsubmit} aria-labelledby="fl-step-title">
                <StepHeading progress={AttrValue::from(progress)} title={step.title.get(lang).to_owned()} node_ref={heading_ref} />
                { render_items(&step.items, &items, None) }
                {sending_status}
                <Actions
                    primary={t.next}
                    back={(position > 0).then_some(AttrValue::from(t.back))}
                    {onback}
                />
            </form>
            {answers_file}
        </div>
    }
}

/// The draft banner, with "Entwurf löschen" wired to clear the answers and the draft.
fn draft_banner(
    state: &UseReducerHandle<AssistantState>,
    answers: &Rc<AnswerStore>,
    saver: &Rc<DraftSaver>,
    banner: &UseStateHandle<BannerState>,
    mode: DraftMode,
    lang: Lang,
) -> Html {
    let ondiscard = {
        let (state, answers, saver, banner) = (state.clone(), answers.clone(), saver.clone(), banner.clone());
        Callback::from(move |()| {
            *answers.0.borrow_mut() = Answers::default();
            saver.discard();
            banner.set(BannerState::Deleted);
            state.dispatch(Action::Discard);
        })
    };
    draft_banner::view(banner, mode, &state.definition.0, lang, ondiscard)
}

/// "Antworten speichern" (the draft as a download) and "Antworten laden" (a draft file replaces
/// the answers, and the banner says what came back).
fn answers_file_buttons(
    state: &UseReducerHandle<AssistantState>,
    answers: &Rc<AnswerStore>,
    saver: &Rc<DraftSaver>,
    banner: &UseStateHandle<BannerState>,
    lang: Lang,
) -> Html {
    let t = texts(lang);
    let onsave = {
        let (state, answers) = (state.clone(), answers.clone());
        Callback::from(move |()| {
            let definition = &state.definition.0;
            let text = encode(definition, &answers.0.borrow(), state.flow.step(), js_sys::Date::now(), None);
            answers_file::download(&format!("{}-antworten.json", definition.id), &text);
        })
    };
    let onload = {
        let (state, answers, saver, banner) = (state.clone(), answers.clone(), saver.clone(), banner.clone());
        Callback::from(move |file: web_sys::File| {
            let (state, answers, saver, banner) =
                (state.clone(), answers.clone(), saver.clone(), banner.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = answers_file::read(&file).await.unwrap_or_default();
                match decode(&state.definition.0, &text) {
                    Some(mut loaded) => {
                        *answers.0.borrow_mut() = std::mem::take(&mut loaded.answers);
                        saver.changed();
                        let step = loaded.step;
                        banner.set(BannerState::Loaded(Rc::new(loaded)));
                        state.dispatch(Action::Loaded { step });
                    }
                    None => banner.set(BannerState::NotAnswers),
                }
            });
        })
    };
    html! { <AnswersFile save={t.answers_save} load={t.answers_load} {onsave} {onload} /> }
}

/// The language switch, when the definition offers more than one language the runtime speaks.
fn language_switch(definition: &Definition, lang: Lang, state: &UseReducerHandle<AssistantState>) -> Html {
    let choices: Vec<LanguageChoice> = definition
        .languages
        .iter()
        .filter_map(|tag| match Lang::from_tag(tag) {
            Lang::De if tag.eq_ignore_ascii_case("de") => Some(Lang::De),
            Lang::En => Some(Lang::En),
            Lang::De => None,
        })
        .map(|choice| LanguageChoice { tag: choice.tag().into(), name: texts(choice).language_name.into() })
        .collect();
    if choices.len() < 2 {
        return Html::default();
    }
    let onchoose = {
        let state = state.clone();
        Callback::from(move |tag: AttrValue| state.dispatch(Action::SetLang(Lang::from_tag(&tag))))
    };
    html! { <LanguageSwitch label={texts(lang).language_label} {choices} current={lang.tag()} {onchoose} /> }
}

/// What rendering a step's items needs.
struct ItemContext<'a> {
    state: &'a AssistantState,
    answers: &'a AnswerStore,
    files: &'a FileStore,
    logic: &'a LogicStore,
    resolved: &'a Resolved,
    lang: Lang,
    changed: &'a Callback<String>,
    items_changed: &'a Callback<ItemsChange>,
}

/// An item of a repeatable group added or removed.
pub(crate) enum ItemsChange {
    Add(Repeat),
    Remove(Repeat, usize),
}

/// The shown fields, groups (as fieldsets), repeatable groups and content blocks, in order;
/// `scope` is the item of a repeatable group they belong to, if any.
fn render_items(items: &[Item], context: &ItemContext, scope: Option<(&Repeat, usize)>) -> Html {
    let (lang, resolved) = (context.lang, context.resolved);
    let definition = &context.state.definition.0;
    let at = scope.map(|(repeat, index)| (repeat.id.as_str(), index));
    let shows = |condition: Option<&Condition>| resolved.holds_at(definition, condition, at);
    let path_of = |id: &str| match scope {
        Some((repeat, index)) => path::item(&repeat.id, index, id),
        None => id.to_owned(),
    };
    items
        .iter()
        .filter(|item| match item {
            Item::Field(field) => !resolved.is_hidden(&path_of(&field.id)),
            Item::Group(group) => shows(group.visible_if.as_ref()),
            Item::Repeat(repeat) => matches!(resolved.values().get(&repeat.id), Some(Ok(Some(_)))),
            Item::Content(content) => shows(content.visible_if.as_ref()),
        })
        .map(|item| match item {
            Item::Field(field) => {
                let path = path_of(&field.id);
                let error = context.state.errors.iter().find(|e| e.path == path).map(|e| e.violation.clone());
                let calculated = resolved.calculated(&path).map(|v| AttrValue::from(formlotse_core::review::display(field, v, lang)));
                // Inside items, the inputs are made afresh when items move (see `items`).
                let key = match scope {
                    Some(_) => format!("{path}~{}", context.state.items),
                    None => path.clone(),
                };
                html! {
                    <FieldHost {key} field={offered(field, &shows)} path={AttrValue::from(path)} definition={context.state.definition.clone()}
                        {error} answers={context.answers.clone()} files={context.files.clone()} logic={context.logic.clone()} {lang}
                        {calculated} changed={context.changed.clone()} />
                }
            }
            Item::Group(group) => html! {
                <Fieldset key={path_of(&group.id)} id={format!("fl-group-{}", path_of(&group.id))} legend={group.legend.get(lang).to_owned()}
                    hint={group.hint.as_ref().map(|h| markup::hint(h.get(lang), lang))}>
                    { render_items(&group.items, context, scope) }
                </Fieldset>
            },
            Item::Repeat(repeat) => render_repeat(repeat, context),
            Item::Content(content) => {
                let style = match content.kind {
                    ContentKind::Heading => ContentStyle::Heading,
                    ContentKind::Paragraph => ContentStyle::Paragraph,
                    ContentKind::Info => ContentStyle::Info,
                    ContentKind::Warning => ContentStyle::Warning,
                };
                let text = content.text.get(lang);
                let text = if style == ContentStyle::Heading { html! { {text.to_owned()} } } else { markup::blocks(text, lang) };
                html! { <ContentBlock {style} {text} warning_prefix={AttrValue::from(texts(lang).warning_prefix)} /> }
            }
        })
        .collect()
}

/// A repeatable group: each item's questions in its own fieldset, with remove and add buttons
/// within `minItems` and `maxItems`.
fn render_repeat(repeat: &Repeat, context: &ItemContext) -> Html {
    let (lang, t) = (context.lang, texts(context.lang));
    let count = context.resolved.items(&repeat.id);
    let items: Vec<RepeatItem> = (0..count)
        .map(|index| {
            let legend = repeat.item_label(index, lang);
            RepeatItem {
                remove: (count > repeat.min_items).then(|| AttrValue::from((t.remove_item)(&legend))),
                legend: legend.into(),
                content: render_items(&repeat.items, context, Some((repeat, index))),
            }
        })
        .collect();
    let add = (count < repeat.max_items).then(|| {
        AttrValue::from(repeat.add_label.as_ref().map_or(t.add_item, |label| label.get(lang)).to_owned())
    });
    let onadd = {
        let (repeat, items_changed) = (repeat.clone(), context.items_changed.clone());
        Callback::from(move |()| items_changed.emit(ItemsChange::Add(repeat.clone())))
    };
    let onremove = {
        let (repeat, items_changed) = (repeat.clone(), context.items_changed.clone());
        Callback::from(move |index: usize| items_changed.emit(ItemsChange::Remove(repeat.clone(), index)))
    };
    html! {
        <RepeatGroup key={repeat.id.clone()} id={format!("fl-group-{}", repeat.id)} legend={repeat.legend.get(lang).to_owned()}
            hint={repeat.hint.as_ref().map(|h| markup::hint(h.get(lang), lang))} {items} {add} {onadd} {onremove} />
    }
}

/// The field with only the options on offer now (options may have a `visibleIf`).
fn offered(field: &Field, shows: &dyn Fn(Option<&Condition>) -> bool) -> Field {
    let mut field = field.clone();
    if let Some(choices) = field.kind.choices_mut() {
        choices.retain(|choice| shows(choice.visible_if.as_ref()));
    }
    field
}

/// Moves focus where the last action asked for it, once per request.
#[hook]
fn use_focus(state: &UseReducerHandle<AssistantState>, refs: [NodeRef; 3]) {
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
fn use_error_title(has_errors: bool, prefix: &'static str) {
    use_effect_with((has_errors, prefix), move |(has_errors, prefix)| {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let title = document.title();
        // Whatever language set the prefix (the citizen may switch), take it off first.
        let bare = [texts(Lang::De).error_prefix, texts(Lang::En).error_prefix]
            .iter()
            .find_map(|known| title.strip_prefix(known).and_then(|rest| rest.strip_prefix(' ')))
            .unwrap_or(&title);
        let wanted = if *has_errors { format!("{prefix} {bare}") } else { bare.to_owned() };
        if wanted != title {
            document.set_title(&wanted);
        }
    });
}

/// Tells the host page when the citizen reaches another step (not on the first render).
#[hook]
fn use_step_events(state: &UseReducerHandle<AssistantState>, events: &Events) {
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
