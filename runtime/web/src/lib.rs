//! The browser host of Formlotse: mounts the assistant into a `<form-lotse>` element.
//!
//! The loader script (`js/formlotse.js`) defines the custom element and the `Formlotse` API and
//! calls [`mount`] and [`check`]; everything else happens here, in Rust.

mod answers_file;
mod app;
mod assistant;
mod check;
mod draft;
mod draft_banner;
mod events;
mod fetch;
mod field_host;
mod markup;
mod mount;
mod review;
mod sending;
mod state;
mod style;
mod texts;

use wasm_bindgen::prelude::*;

pub use mount::Mounted;

/// Renders the assistant into `host`'s shadow root; `options` may override the attributes;
/// `in_flight` (`{src, response}`) is the loader's request for the definition, if it made one.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, options: JsValue, in_flight: JsValue) -> Result<Mounted, JsValue> {
    mount::mount(host, &options, &in_flight)
}

/// The diagnostics of a definition's JSON text, with messages in `lang` (default German).
#[wasm_bindgen]
pub fn check(source: &str, lang: Option<String>) -> JsValue {
    check::check(source, lang.as_deref().map_or(formlotse_core::Lang::De, formlotse_core::Lang::from_tag))
}
