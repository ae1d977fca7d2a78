//! Attaching the assistant to a host element: shadow root, stylesheet, Yew app.

use crate::app::{App, AppProps};
use crate::style;
use formlotse_core::Lang;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRootInit, ShadowRootMode};
use yew::AppHandle;

/// A mounted assistant; `unmount` removes it and frees its memory.
#[wasm_bindgen]
pub struct Mounted {
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Mounted {
    /// Removes the assistant from its element. Safe to call twice.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts into `host`'s (open) shadow root, creating it on first use: an element that is
/// moved in the page is disconnected and connected again, and a shadow root cannot be
/// attached twice.
pub(crate) fn mount(host: HtmlElement) -> Result<Mounted, JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    shadow.set_adopted_style_sheets(&style::sheets()?);
    shadow.set_inner_html("");
    let document = host.owner_document().ok_or("the element has no document")?;
    let root = document.create_element("div")?;
    root.set_class_name("fl-root");
    shadow.append_child(&root)?;

    let props = AppProps {
        src: host.get_attribute("src").map(Into::into),
        endpoint: host.get_attribute("endpoint").map(Into::into),
        lang: language_of(&host),
    };
    root.set_attribute("lang", props.lang.tag())?;
    let app = yew::Renderer::<App>::with_root_and_props(root, props).render();
    Ok(Mounted { app: Some(app) })
}

/// The element's `lang`, else the nearest ancestor's (usually `<html lang>`), else German.
fn language_of(host: &HtmlElement) -> Lang {
    host.closest("[lang]")
        .ok()
        .flatten()
        .and_then(|element| element.get_attribute("lang"))
        .map_or(Lang::De, |tag| Lang::from_tag(&tag))
}
