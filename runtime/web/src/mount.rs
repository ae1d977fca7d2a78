//! Attaching the assistant to a host element: shadow root, stylesheet, Yew app. The
//! configuration comes from the element's attributes, an inline `<script
//! type="application/json">` child, or the options of `Formlotse.mount`.

use crate::app::{App, AppProps};
use crate::draft::DraftMode;
use crate::events::Events;
use crate::fetch::InFlight;
use crate::style;
use formlotse_core::Lang;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// How long one submission request may take before it is aborted and retried: generous for a
/// slow mobile connection, short enough that a hanging server does not hang the citizen.
const DEFAULT_TIMEOUT_SECONDS: u32 = 20;

/// A mounted assistant: `unmount` removes it and frees its memory, `reset` starts it afresh.
#[wasm_bindgen]
pub struct Mounted {
    host: HtmlElement,
    props: AppProps,
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the assistant from its element. Safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(shadow) = self.host.shadow_root() {
            shadow.set_inner_html("");
        }
    }

    /// The element's `lang` changed to `tag` (the loader passes the inherited one when the
    /// attribute was removed): the assistant speaks it in place, keeping its step, answers and
    /// focus.
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&mut self, tag: &str) {
        // Even the same tag applies again: the citizen may have chosen another one meanwhile.
        self.props.lang = Lang::from_tag(tag);
        self.props.lang_set = self.props.lang_set.wrapping_add(1);
        if let Some(app) = self.app.as_mut() {
            app.update(self.props.clone());
        }
    }

    /// Starts over: the definition is loaded again and every answer is cleared.
    pub fn reset(&mut self) -> Result<(), JsValue> {
        self.unmount();
        // Starting afresh means without the draft, too, and with the definition fetched again.
        let props = AppProps { fresh: true, in_flight: InFlight::default(), ..self.props.clone() };
        self.app = Some(render(&self.host, props)?);
        Ok(())
    }
}

/// Mounts into `host`'s (open) shadow root. `options` (from `Formlotse.mount`) may hold `src`,
/// `definition` (JSON text or object), `endpoint`, `lang` and `draft`; what it lacks comes from the
/// element's attributes and an inline JSON definition. `in_flight` is the loader's request for the
/// definition (`{src, response}`), used when it is for the `src` chosen here.
pub(crate) fn mount(host: HtmlElement, options: &JsValue, in_flight: &JsValue) -> Result<Mounted, JsValue> {
    let option = |key: &str| -> Option<String> {
        let value = js_sys::Reflect::get(options, &JsValue::from_str(key)).ok()?;
        if value.is_undefined() || value.is_null() {
            return None;
        }
        value.as_string().or_else(|| js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()))
    };
    let attribute = |key: &str| option(key).or_else(|| host.get_attribute(key));
    let definition = option("definition").or_else(|| inline_definition(&host));
    let props = AppProps {
        src: if definition.is_some() { None } else { attribute("src").map(Into::into) },
        in_flight: InFlight::from_js(in_flight),
        definition: definition.map(Into::into),
        endpoint: attribute("endpoint").map(Into::into),
        lang: attribute("lang").map_or_else(|| language_of(&host), |tag| Lang::from_tag(&tag)),
        lang_set: 0,
        events: Events(Some(host.clone())),
        draft: DraftMode::from_attribute(attribute("draft").as_deref()),
        fresh: false,
        timeout: attribute("timeout")
            .and_then(|seconds| seconds.trim().parse::<u32>().ok())
            .map_or(DEFAULT_TIMEOUT_SECONDS, |seconds| seconds.clamp(1, 300)),
    };
    let app = render(&host, props.clone())?;
    Ok(Mounted { host, props, app: Some(app) })
}

/// Renders into the shadow root, creating it on first use: an element that is moved in the
/// page is disconnected and connected again, and a shadow root cannot be attached twice.
fn render(host: &HtmlElement, props: AppProps) -> Result<AppHandle<App>, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_adopted_style_sheets(&style::sheets()?);
    shadow.set_inner_html("");
    let document = host.owner_document().ok_or("the element has no document")?;
    let root = document.create_element("div")?;
    root.set_class_name("fl-root");
    root.set_attribute("lang", props.lang.tag())?;
    shadow.append_child(&root)?;
    Ok(yew::Renderer::<App>::with_root_and_props(root, props).render())
}

/// The text of a `<script type="application/json">` child: a definition embedded in the page,
/// for CMSs that cannot host a separate file.
fn inline_definition(host: &HtmlElement) -> Option<String> {
    let script = host.query_selector(":scope > script[type='application/json']").ok()??;
    script.text_content()
}

/// The element's `lang`, else the nearest ancestor's (usually `<html lang>`), else German.
fn language_of(host: &HtmlElement) -> Lang {
    host.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("lang"))
        .map_or(Lang::De, |tag| Lang::from_tag(&tag))
}
