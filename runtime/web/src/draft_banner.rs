//! The banner above the assistant that talks about kept answers: restored from a draft or
//! loaded from a file (when saved, what changed, which files to attach again), kept on this
//! device (`draft="local"`), deleted, or a file that holds no answers to this form.

use crate::assistant::Session;
use crate::draft::DraftMode;
use crate::state::Action;
use crate::texts::texts;
use formlotse_core::draft::Restored;
use formlotse_core::{Answers, Date, Definition, Lang, messages};
use formlotse_widgets::{BannerProps, banner};
use std::rc::Rc;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// What the banner says.
#[derive(Clone, PartialEq, Debug)]
pub(crate) enum BannerState {
    Hidden,
    /// A draft was restored on load.
    Restored(Rc<Restored>),
    /// Answers were loaded from a file.
    Loaded(Rc<Restored>),
    /// No draft, but drafts are kept on this device.
    Local,
    Deleted,
    /// The chosen file holds no answers to this form.
    NotAnswers,
}

/// The banner, with "Entwurf löschen" wired to clear the answers and the draft.
pub(crate) fn wired(session: &Session, mode: DraftMode, lang: Lang) -> Html {
    let ondiscard = {
        let (state, answers, saver) = (session.state.clone(), session.answers.clone(), session.saver.clone());
        Callback::from(move |()| {
            *answers.0.borrow_mut() = Answers::default();
            saver.discard();
            state.dispatch(Action::Banner(BannerState::Deleted));
            state.dispatch(Action::Discard);
        })
    };
    view(&session.state.banner, mode, &session.state.definition.0, lang, ondiscard)
}

/// The banner for `state`; "Entwurf löschen" calls `ondiscard`.
fn view(
    state: &BannerState,
    mode: DraftMode,
    definition: &Definition,
    lang: Lang,
    ondiscard: Callback<()>,
) -> Html {
    let t = texts(lang);
    let (title, restored) = match state {
        BannerState::Hidden => return Html::default(),
        BannerState::Deleted => {
            return banner(&BannerProps { title: t.draft_deleted().into(), ..BannerProps::default() });
        }
        BannerState::NotAnswers => {
            return banner(&BannerProps { title: t.answers_not_found().into(), ..BannerProps::default() });
        }
        BannerState::Local => (t.draft_local(), None),
        BannerState::Restored(restored) => (t.draft_restored(), Some(restored)),
        BannerState::Loaded(restored) => (t.answers_loaded(), Some(restored)),
    };
    let mut lines: Vec<AttrValue> = Vec::new();
    if let Some(restored) = restored {
        let saved = js_sys::Date::new(&JsValue::from_f64(restored.saved_at));
        let day = Date::new(
            i64::from(saved.get_full_year()),
            i64::from(saved.get_month()) + 1,
            i64::from(saved.get_date()),
        );
        if let Some(day) = day {
            let time = format!("{:02}:{:02}", saved.get_hours(), saved.get_minutes());
            lines.push(t.draft_saved_at(&messages::date(day, t.catalog()), &time).into());
        }
        if restored.pending.is_some() {
            lines.push(t.draft_pending().into());
        }
        if restored.other_version || !restored.dropped.is_empty() {
            lines.push(t.draft_other_version().into());
        }
        if !restored.files.is_empty() {
            let files: Vec<String> = restored
                .files
                .iter()
                .map(|(id, names)| {
                    let label = definition.field(id).map_or(id.as_str(), |f| f.label.get(lang));
                    format!("{label}: {}", names.join(", "))
                })
                .collect();
            lines.push(format!("{} {}", t.draft_files(), files.join("; ")).into());
        }
        if mode == DraftMode::Local {
            lines.push(t.draft_local().into());
        }
    }
    let action = (mode != DraftMode::Off).then(|| AttrValue::from(t.draft_delete()));
    banner(&BannerProps { title: title.into(), lines, action, onaction: ondiscard })
}
