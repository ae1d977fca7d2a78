//! The root component: fetches and loads the definition, then shows the assistant or says
//! exactly what went wrong. Never a blank box.

use crate::assistant::{Assistant, AssistantProps};
use crate::draft::DraftMode;
use crate::events::Events;
use crate::fetch::{InFlight, get_definition};
use crate::load_error::LoadError;
use crate::state::Shared;
use crate::texts::texts;
use formlotse_core::{Definition, Lang};
use formlotse_widgets::{NoticeProps, notice};
use std::rc::Rc;
use yew::prelude::*;

/// The element's configuration, read from its attributes at mount.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// URL of the definition (`src`).
    pub src: Option<AttrValue>,
    /// The loader's request for `src`, if it started one (taken over instead of fetching again).
    pub in_flight: InFlight,
    /// The definition's JSON text itself (inline or from `Formlotse.mount`); wins over `src`.
    pub definition: Option<AttrValue>,
    /// URL submissions are posted to (`endpoint`).
    pub endpoint: Option<AttrValue>,
    /// Language of the UI.
    pub lang: Lang,
    /// Counts the host's settings of `lang`: each one applies, even the same tag again after
    /// the citizen chose another language in the switch.
    pub lang_set: u32,
    /// Where `formlotse:*` events go.
    pub events: Events,
    /// Where drafts are kept (`draft`).
    pub draft: DraftMode,
    /// Ignore and delete a stored draft (`reset()`).
    pub fresh: bool,
    /// How long one submission request may take, in seconds (`timeout`).
    pub timeout: u32,
}

enum Loaded {
    Pending,
    Ready(Rc<Definition>),
    Failed(LoadError),
}

/// Loads the definition named by `src` and renders the assistant.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    // A cell and a re-render once it is filled: a `use_state` would be one more instance of
    // the reducer hook's generic code for this one change.
    let loaded = use_mut_ref(|| Loaded::Pending);
    let rerender = use_force_update();
    {
        let (loaded, props) = (loaded.clone(), props.clone());
        // Once: the element's `src`, inline definition and `endpoint` are read at mount and never
        // change (`reset()` mounts a new app); a changed `lang` keeps what was loaded.
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                *loaded.borrow_mut() = match load(&props).await {
                    Ok(definition) => {
                        // The words of the language the assistant starts in, before it shows.
                        crate::catalogs::load(definition.speaks(props.lang)).await;
                        props.events.emit(
                            "ready",
                            &[
                                ("form", definition.id.as_str().into()),
                                ("steps", (definition.steps.len() as u32).into()),
                            ],
                        );
                        Loaded::Ready(Rc::new(definition))
                    }
                    Err(error) => {
                        props.events.emit(
                            "error",
                            &[("code", "load_failed".into()), ("reason", error.reason().into())],
                        );
                        Loaded::Failed(error)
                    }
                };
                rerender.force_update();
                if matches!(*loaded.borrow(), Loaded::Failed(_)) {
                    // The notice shows at once; its words follow in the page's language once its
                    // catalog is there (by the primary subtag: `en` for `en-GB`, none for German).
                    crate::catalogs::load(Lang::from_tag(props.lang.primary())).await;
                    rerender.force_update();
                }
            });
        });
    }
    let t = texts(props.lang);
    match &*loaded.borrow() {
        Loaded::Pending => html! { <p class="fl-loading" role="status">{t.loading()}</p> },
        // In the direction of its words: an Arabic page's notice reads right to left.
        Loaded::Failed(error) => html! {
            <div dir={crate::assistant::direction(props.lang)}>
                {notice(&NoticeProps {
                    title: t.load_failed().into(),
                    text: Some(t.load_failed_help().into()),
                    details: error.details(t).into_iter().map(AttrValue::from).collect(),
                })}
            </div>
        },
        Loaded::Ready(definition) => {
            let assistant = AssistantProps {
                definition: Shared(definition.clone()),
                today: today(),
                endpoint: props.endpoint.clone().unwrap_or_default(),
                lang: definition.speaks(props.lang),
                lang_set: props.lang_set,
                events: props.events.clone(),
                draft: props.draft,
                fresh: props.fresh,
                timeout: props.timeout,
            };
            html! { <Assistant ..assistant /> }
        }
    }
}

/// Today by the browser's clock, in the citizen's time zone: the host gives the engine the date.
fn today() -> formlotse_core::Date {
    let now = js_sys::Date::new_0();
    formlotse_core::Date::new(
        i64::from(now.get_full_year()),
        i64::from(now.get_month()) + 1,
        i64::from(now.get_date()),
    )
    .unwrap_or_else(|| formlotse_core::Date::from_days(0).unwrap_or_else(|| unreachable!()))
}

async fn load(props: &AppProps) -> Result<Definition, LoadError> {
    if props.endpoint.is_none() {
        return Err(LoadError::MissingAttribute("endpoint"));
    }
    let (source, url) = match (&props.definition, &props.src) {
        (Some(text), _) => (text.to_string(), "(inline)".to_owned()),
        (None, Some(src)) => {
            let answer = get_definition(src, &props.in_flight)
                .await
                .map_err(|error| LoadError::Fetch { url: src.to_string(), error })?;
            (answer.body, src.to_string())
        }
        (None, None) => return Err(LoadError::MissingAttribute("src")),
    };
    formlotse_core::load(&source).map_err(|diagnostics| LoadError::Invalid { url, diagnostics })
}
