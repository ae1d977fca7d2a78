//! Where drafts live: the element's `draft` attribute picks sessionStorage (the default: a
//! reload keeps the answers, closing the tab ends them), localStorage (kept on this device for
//! [`LOCAL_DAYS`] days, for long applications) or nothing. Saving is debounced so a keystroke
//! costs no serialisation of the whole form.

use crate::state::AnswerStore;
use formlotse_core::draft::{Pending, Restored, decode, encode};
use formlotse_core::{Definition, Lang};
use gloo_timers::callback::Timeout;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::Storage;

/// How long a draft in localStorage is kept.
pub(crate) const LOCAL_DAYS: u32 = 7;

/// Quiet time after the last change before the draft is written.
const DEBOUNCE_MS: u32 = 400;

/// The `draft` attribute.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub enum DraftMode {
    /// sessionStorage.
    #[default]
    Session,
    /// localStorage with an expiry.
    Local,
    /// No draft.
    Off,
}

impl DraftMode {
    /// Reads the attribute; anything unknown means the safe default, `session`.
    pub(crate) fn from_attribute(value: Option<&str>) -> DraftMode {
        match value.map(str::trim) {
            Some(v) if v.eq_ignore_ascii_case("local") => DraftMode::Local,
            Some(v) if v.eq_ignore_ascii_case("off") || v.eq_ignore_ascii_case("none") => DraftMode::Off,
            _ => DraftMode::Session,
        }
    }
}

/// The draft of one form in one storage.
#[derive(Debug)]
pub(crate) struct DraftStore {
    mode: DraftMode,
    key: String,
}

impl DraftStore {
    pub(crate) fn new(mode: DraftMode, form_id: &str) -> DraftStore {
        DraftStore { mode, key: format!("formlotse-draft:{form_id}") }
    }

    pub(crate) fn mode(&self) -> DraftMode {
        self.mode
    }

    /// The storage, when the mode has one and the browser allows it (storage throws in some
    /// private modes and sandboxed frames: then there are simply no drafts).
    fn storage(&self) -> Option<Storage> {
        let window = web_sys::window()?;
        match self.mode {
            DraftMode::Session => window.session_storage().ok()?,
            DraftMode::Local => window.local_storage().ok()?,
            DraftMode::Off => None,
        }
    }

    /// The stored draft for `definition`, its numbers as `lang` writes them, unless there is
    /// none, it is not one, or it expired.
    pub(crate) fn load(&self, definition: &Definition, lang: Lang) -> Option<Restored> {
        let text = self.storage()?.get_item(&self.key).ok()??;
        let restored = decode(definition, &text, lang);
        let expired = restored.as_ref().is_some_and(|restored| {
            self.mode == DraftMode::Local
                && js_sys::Date::now() - restored.saved_at > f64::from(LOCAL_DAYS) * 86_400_000.0
        });
        if restored.is_none() || expired {
            self.clear();
            return None;
        }
        restored
    }

    fn save(&self, text: &str) {
        if let Some(storage) = self.storage() {
            // A full storage must not break the form; the answers are still in the page.
            let _ = storage.set_item(&self.key, text);
        }
    }

    pub(crate) fn clear(&self) {
        if let Some(storage) = self.storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}

/// Writes the draft a moment after the last change, and at once on a step change.
pub(crate) struct DraftSaver {
    store: Rc<DraftStore>,
    definition: Rc<Definition>,
    answers: AnswerStore,
    step: Cell<usize>,
    /// The language the answers are typed in (their numbers' separators).
    lang: Cell<Lang>,
    timer: RefCell<Option<Timeout>>,
    /// The submission under way (kept in the draft, so a reload while sending reuses its key).
    sending: RefCell<Option<Pending>>,
    /// After a successful submission nothing is written any more.
    finished: Cell<bool>,
}

impl DraftSaver {
    pub(crate) fn new(
        store: Rc<DraftStore>,
        definition: Rc<Definition>,
        answers: AnswerStore,
        lang: Lang,
        sending: Option<Pending>,
    ) -> Rc<DraftSaver> {
        Rc::new(DraftSaver {
            store,
            definition,
            answers,
            step: Cell::new(0),
            lang: Cell::new(lang),
            timer: RefCell::new(None),
            sending: RefCell::new(sending),
            finished: Cell::new(false),
        })
    }

    /// The submission under way, if any.
    pub(crate) fn pending(&self) -> Option<Pending> {
        self.sending.borrow().clone()
    }

    /// A submission starts: remember its key with the draft at once.
    pub(crate) fn sending(&self, pending: Pending) {
        *self.sending.borrow_mut() = Some(pending);
        self.save_now();
    }

    /// An answer changed.
    pub(crate) fn changed(self: &Rc<Self>) {
        if self.store.mode() == DraftMode::Off || self.finished.get() {
            return;
        }
        let saver = Rc::clone(self);
        // Replacing the timeout drops (cancels) the previous one.
        *self.timer.borrow_mut() = Some(Timeout::new(DEBOUNCE_MS, move || saver.save_now()));
    }

    /// The citizen is now on `step`.
    pub(crate) fn at_step(&self, step: usize) {
        if self.step.replace(step) != step {
            self.save_now();
        }
    }

    /// The answers are now typed in `lang` (the assistant rewrote their numbers for it).
    pub(crate) fn in_lang(&self, lang: Lang) {
        if self.lang.replace(lang) != lang {
            self.save_now();
        }
    }

    fn save_now(&self) {
        self.timer.borrow_mut().take();
        if self.finished.get() || self.store.mode() == DraftMode::Off {
            return;
        }
        let answers = self.answers.0.borrow();
        if answers.iter().next().is_none() {
            return;
        }
        let sending = self.sending.borrow();
        let text = encode(
            &self.definition,
            &answers,
            self.lang.get(),
            self.step.get(),
            js_sys::Date::now(),
            sending.as_ref(),
        );
        self.store.save(&text);
    }

    /// The application was delivered (or the citizen discarded the draft): delete it and
    /// write no more.
    pub(crate) fn finish(&self) {
        self.timer.borrow_mut().take();
        self.sending.borrow_mut().take();
        self.finished.set(true);
        self.store.clear();
    }

    /// The citizen discarded the draft but goes on filling in: delete it, keep saving.
    pub(crate) fn discard(&self) {
        self.timer.borrow_mut().take();
        self.sending.borrow_mut().take();
        self.store.clear();
    }
}
