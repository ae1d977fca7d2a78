//! The browser host of Formlotse: mounts the assistant into a `<form-lotse>` element.
//!
//! The loader script (`js/formlotse.js`) defines the custom element and the `Formlotse` API and
//! calls [`mount`]; everything else happens here, in Rust. `Formlotse.check` is another wasm
//! (`runtime/check`), loaded only when an author's tool asks for it.

mod answers_file;
mod app;
mod assistant;
mod catalogs;
mod draft;
mod draft_banner;
mod edits;
mod events;
mod fetch;
mod field_host;
mod language;
mod load_error;
mod logic;
mod markup;
mod mount;
mod receipt;
mod review;
mod sending;
mod state;
mod style;
mod texts;

use wasm_bindgen::prelude::*;

// SAFETY: the browser runs this wasm on one thread (no atomics, no workers share its memory).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
#[allow(unsafe_code)]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

pub use mount::Mounted;

/// Renders the assistant into `host`'s shadow root; `options` may override the attributes;
/// `loader` (`{base, src, response}`) holds the loader's folder, where the language catalogs are
/// (`i18n/TAG.json`), and its request for the definition, if it made one.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement, options: JsValue, loader: JsValue) -> Result<Mounted, JsValue> {
    // Authors' patterns are matched by the browser's own engine: the wasm carries none.
    formlotse_core::pattern::set_host_matcher(browser_matches);
    if let Some(base) = js_sys::Reflect::get(&loader, &"base".into()).ok().and_then(|base| base.as_string()) {
        catalogs::set_base(&base);
    }
    mount::mount(host, &options, &loader)
}

/// Whether `text` matches the anchored ECMAScript `source` (core's dialect, written for
/// `RegExp` with the `u` flag; see `formlotse_core::pattern`).
fn browser_matches(source: &str, text: &str) -> bool {
    js_sys::RegExp::new(source, "u").test(text)
}
