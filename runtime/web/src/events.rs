//! DOM events for the host page (CMS plugins, analytics): bubbling and composed, so they cross
//! the shadow boundary. Their details never hold what a citizen typed: only the form id, step
//! numbers, the reference and error codes.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Where events go: the `<form-lotse>` (or mount) element.
#[derive(Clone, PartialEq, Default)]
pub struct Events(pub Option<HtmlElement>);

impl Events {
    /// Dispatches `formlotse:<name>` with a detail object of `fields`.
    pub(crate) fn emit(&self, name: &str, fields: &[(&str, JsValue)]) {
        let Some(host) = &self.0 else { return };
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&detail, &JsValue::from_str(key), value);
        }
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("formlotse:{name}"), &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}
