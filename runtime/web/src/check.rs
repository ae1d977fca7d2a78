//! `Formlotse.check(json)`: the diagnostics of a definition, for editors and CMS plugins.

use crate::texts::diagnostic_line;
use formlotse_core::Lang;
use wasm_bindgen::JsValue;

/// An array of `{code, pointer, line, column, message, text}`; empty when the definition loads.
pub(crate) fn check(source: &str, lang: Lang) -> JsValue {
    let diagnostics = formlotse_core::load(source).err().unwrap_or_default();
    diagnostics
        .iter()
        .map(|d| {
            let object = js_sys::Object::new();
            let set = |key: &str, value: JsValue| {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
            };
            set("code", d.problem.code().into());
            set("pointer", d.pointer.as_str().into());
            set("line", d.position.map_or(JsValue::NULL, |p| (p.line as u32).into()));
            set("column", d.position.map_or(JsValue::NULL, |p| (p.column as u32).into()));
            set("message", formlotse_core::messages::diagnostic(d, lang).into());
            set("text", diagnostic_line(d, lang).into());
            JsValue::from(object)
        })
        .collect::<js_sys::Array>()
        .into()
}
