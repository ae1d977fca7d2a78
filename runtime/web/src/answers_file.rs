//! "Antworten speichern" and "Antworten laden": the draft as a file the citizen keeps, to
//! resume on another day or device without a server or an account.

use crate::assistant::Session;
use crate::draft_banner::BannerState;
use crate::state::Action;
use crate::texts::texts;
use formlotse_core::Lang;
use formlotse_core::draft::{decode, encode};
use formlotse_widgets::{AnswersFileProps, answers_file};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, HtmlAnchorElement, Url};
use yew::prelude::*;

/// "Antworten speichern" (the draft as a download) and "Antworten laden" (a draft file replaces
/// the answers, and the banner says what came back).
pub(crate) fn buttons(session: &Session, lang: Lang) -> Html {
    let t = texts(lang);
    let onsave = {
        let (state, answers) = (session.state.clone(), session.answers.clone());
        Callback::from(move |()| {
            let definition = &state.definition.0;
            let text = encode(
                definition,
                &answers.0.borrow(),
                state.context.lang,
                state.flow.step(),
                js_sys::Date::now(),
                None,
            );
            download(&texts(state.context.lang).answers_file_name(&definition.id), &text);
        })
    };
    let onload = {
        let (state, answers, saver) = (session.state.clone(), session.answers.clone(), session.saver.clone());
        Callback::from(move |file: File| {
            let (state, answers, saver) = (state.clone(), answers.clone(), saver.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = read(&file).await.unwrap_or_default();
                match decode(&state.definition.0, &text, state.context.lang) {
                    Some(mut loaded) => {
                        *answers.0.borrow_mut() = std::mem::take(&mut loaded.answers);
                        saver.changed();
                        let step = loaded.step;
                        state.dispatch(Action::Banner(BannerState::Loaded(Rc::new(loaded))));
                        state.dispatch(Action::Loaded { step });
                    }
                    None => state.dispatch(Action::Banner(BannerState::NotAnswers)),
                }
            });
        })
    };
    answers_file(&AnswersFileProps {
        save: t.answers_save().into(),
        load: t.answers_load().into(),
        onsave,
        onload,
    })
}

/// Offers `text` as a download named `name`.
fn download(name: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return };
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return };
    if let Some(link) = document.create_element("a").ok().and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = Url::revoke_object_url(&url);
}

/// The text of a chosen file; `None` when it cannot be read.
async fn read(file: &File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}
