//! `Formlotse.check(json)`: the diagnostics of a definition, for editors, CMS plugins and the
//! playground. Authors need line, column, "did you mean" and the messages; citizens do not, so
//! this is a wasm of its own that the loader fetches only when `check` is called (see
//! ARCHITECTURE.md, "Two wasm files").

use formlotse_core::Lang;
use formlotse_core::catalog::{self, Catalog};
use formlotse_core::messages::diagnostic_line;
use wasm_bindgen::prelude::*;

/// An array of `{code, pointer, line, column, message, text}`; empty when the definition loads.
/// Messages are in `lang` (default German). A language catalog (`formlotse-catalog`) is checked
/// as one: its missing and extra words and wrong placeholders.
#[wasm_bindgen]
pub fn check(source: &str, lang: Option<String>) -> JsValue {
    let lang = lang.as_deref().map_or(Lang::De, Lang::from_tag);
    if Catalog::is_catalog(source) {
        return check_catalog(source, lang);
    }
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

/// The problems of a catalog in the same shape as a definition's diagnostics (no line and
/// column: the JSON Pointer names the word).
fn check_catalog(source: &str, lang: Lang) -> JsValue {
    catalog::check(source)
        .iter()
        .map(|problem| {
            let object = js_sys::Object::new();
            let set = |key: &str, value: JsValue| {
                let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &value);
            };
            let message = formlotse_core::messages::catalog_problem(problem, lang);
            let pointer = problem.pointer();
            set("code", problem.code().into());
            set("pointer", pointer.as_str().into());
            set("line", JsValue::NULL);
            set("column", JsValue::NULL);
            set("text", format!("{pointer}: {message}").into());
            set("message", message.into());
            JsValue::from(object)
        })
        .collect::<js_sys::Array>()
        .into()
}
