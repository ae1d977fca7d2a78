//! What the assistant opens once, when it is first shown: the draft left behind (if any), the
//! answer, logic and file stores, the draft saver and the first state; once the reducer exists, the two
//! callbacks through which answers change. Each group is one `use_memo`: every hook call of
//! its own type is a generic instance in the wasm.

use super::AssistantProps;
use super::hooks::Seen;
use super::items::ItemsChange;
use crate::draft::{DraftMode, DraftSaver, DraftStore};
use crate::field_host::Fields;
use crate::state::{Action, AnswerStore, AssistantState, BannerState, FileStore, Logic, LogicStore, Shared};
use formlotse_core::draft::Restored;
use formlotse_core::{Context, Definition, Flow, path};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The assistant's stores, made once.
pub(crate) struct Stores {
    /// The draft the citizen left, unless there was none or the host asked to start afresh.
    pub(crate) restored: Option<Restored>,
    pub(crate) answers: AnswerStore,
    pub(crate) saver: Rc<DraftSaver>,
    pub(crate) logic: LogicStore,
    pub(crate) files: FileStore,
    /// What the assistant's effects saw after the last render.
    pub(crate) seen: RefCell<Seen>,
}

impl Stores {
    pub(crate) fn open(props: &AssistantProps) -> Stores {
        let definition = &props.definition.0;
        let drafts = Rc::new(DraftStore::new(props.draft, &definition.id));
        let restored = if props.fresh {
            drafts.clear();
            None
        } else {
            drafts.load(definition, props.lang)
        };
        let (answers, pending) = match &restored {
            Some(restored) => (restored.answers.clone(), restored.pending.clone()),
            None => Default::default(),
        };
        let answers = Shared(Rc::new(RefCell::new(answers)));
        let saver = DraftSaver::new(drafts, definition.clone(), answers.clone(), props.lang, pending);
        let context = Context { lang: props.lang, today: props.today };
        let logic = Shared(Rc::new(RefCell::new(Logic::new(definition, &answers.0.borrow(), context, 0))));
        Stores { restored, answers, saver, logic, files: FileStore::default(), seen: RefCell::default() }
    }

    /// The assistant's state when it first shows: at the step of the draft left, if any, and
    /// its banner saying so.
    pub(crate) fn first_state(
        &self,
        definition: Shared<Definition>,
        context: Context,
        draft: DraftMode,
    ) -> AssistantState {
        let restored = self.restored.as_ref();
        let mut state = AssistantState::new(definition, context);
        let definition = &state.definition.0;
        // A reload while sending: back to the review, where "Absenden" sends it again, with
        // the same key.
        state.flow = match restored {
            Some(restored) if restored.pending.is_some() => Flow::at_review(definition),
            _ => Flow::at(restored.map_or(0, |restored| restored.step), definition),
        };
        state.banner = match restored {
            Some(restored) => BannerState::Restored(Rc::new(restored.clone())),
            None if draft == DraftMode::Local => BannerState::Local,
            None => BannerState::Hidden,
        };
        state
    }
}

/// How answers change: through the fields (which tell `changed` in [`Fields`] the path of an
/// answer that changed), and `items` after an item of a repeatable group was added or removed.
pub(crate) struct Changes {
    pub(crate) fields: Shared<Fields>,
    pub(crate) items: Callback<ItemsChange>,
}

impl Changes {
    pub(crate) fn new(
        stores: &Stores,
        state: &UseReducerHandle<AssistantState>,
        props: &AssistantProps,
    ) -> Changes {
        // A changed answer: the logic follows at once (re-rendering the step only if what it
        // shows changed), the draft within a moment.
        let changed = {
            let (saver, logic, answers, dispatcher) =
                (stores.saver.clone(), stores.logic.clone(), stores.answers.clone(), state.dispatcher());
            let definition = props.definition.0.clone();
            Callback::from(move |id: String| {
                saver.changed();
                if Logic::update(&logic, &definition, &answers.0.borrow(), &id) {
                    dispatcher.dispatch(Action::Shown);
                }
            })
        };
        // An item of a repeatable group added or removed: answers move, the logic starts over.
        let items = {
            let (saver, logic, answers, dispatcher) =
                (stores.saver.clone(), stores.logic.clone(), stores.answers.clone(), state.dispatcher());
            let (definition, today) = (props.definition.0.clone(), props.today);
            Callback::from(move |change: ItemsChange| {
                let group = match &change {
                    ItemsChange::Add(group) | ItemsChange::Remove(group, _) => group,
                };
                let Some(repeat) = definition.repeats().find(|repeat| repeat.id == group.as_str()) else {
                    return;
                };
                let focus_item = {
                    let mut answers = answers.0.borrow_mut();
                    match change {
                        ItemsChange::Add(_) => answers.add_item(repeat),
                        ItemsChange::Remove(_, index) => {
                            let removed = answers.remove_item(repeat, index);
                            let left = formlotse_core::validation::items_of(repeat, &answers);
                            (removed && left > 0).then(|| index.min(left - 1))
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
        };
        let fields = Fields {
            definition: props.definition.0.clone(),
            answers: stores.answers.clone(),
            files: stores.files.clone(),
            logic: stores.logic.clone(),
            changed,
        };
        Changes { fields: Shared(Rc::new(fields)), items }
    }
}
