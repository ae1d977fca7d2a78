//! The answers with the form's logic applied, shared by the assistant and its fields.

use crate::state::{AssistantState, Shared};
use formlotse_core::validation::resolve;
use formlotse_core::{Answers, Context, Definition, Lang, Resolved};
use std::cell::RefCell;

/// The answers with the form's logic applied (shown fields, calculated values), kept in step
/// with the answer store: a field's change updates it incrementally, and it is rebuilt when the
/// language (which reads numbers) or the answers as a whole change.
#[derive(Debug)]
pub(crate) struct Logic {
    pub(crate) resolved: Resolved,
    /// What it was built for: the language and the answers' generation.
    built_for: (Lang, u32),
}

/// The shared [`Logic`].
pub(crate) type LogicStore = Shared<RefCell<Logic>>;

impl Logic {
    pub(crate) fn new(definition: &Definition, answers: &Answers, context: Context, generation: u32) -> Self {
        Logic { resolved: resolve(definition, answers, context), built_for: (context.lang, generation) }
    }

    /// Takes the new answer at path `id`; returns whether that changed what a page shows.
    pub(crate) fn update(store: &LogicStore, definition: &Definition, answers: &Answers, id: &str) -> bool {
        let Some((field, _)) = definition.field_at(id) else { return false };
        let mut logic = store.0.borrow_mut();
        let reading = formlotse_core::value::from_answer(field, answers.get(id), logic.built_for.0);
        logic.resolved.set(definition, id, reading)
    }

    /// Evaluates everything again after the answers changed in more than one place (an item
    /// added or removed).
    pub(crate) fn reset(
        store: &LogicStore,
        definition: &Definition,
        answers: &Answers,
        today: formlotse_core::Date,
    ) {
        let mut logic = store.0.borrow_mut();
        let (lang, generation) = logic.built_for;
        *logic = Logic::new(definition, answers, Context { lang, today }, generation);
    }

    /// Rebuilds it if the state moved on to another language or other answers. In another
    /// language, the numbers typed are first written as it writes them ("1.200" in German is
    /// "1,200" in English), so that they keep their value.
    pub(crate) fn refresh(store: &LogicStore, state: &AssistantState, answers: &mut Answers) {
        let wanted = (state.context.lang, state.generation);
        let (built_lang, built_generation) = store.0.borrow().built_for;
        // A new generation's answers come from a draft or a file, already in this language.
        if built_lang != wanted.0 && built_generation == wanted.1 {
            formlotse_core::value::retype(answers, &state.definition.0, built_lang, wanted.0);
        }
        if (built_lang, built_generation) != wanted {
            *store.0.borrow_mut() = Logic::new(&state.definition.0, answers, state.context, state.generation);
        }
    }
}
