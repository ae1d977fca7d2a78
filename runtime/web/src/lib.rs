//! The browser host of Formlotse: mounts the assistant into a `<form-lotse>` element.
//!
//! The loader script (`js/formlotse.js`) defines the custom element and calls [`mount`] from
//! its `connectedCallback`; everything else happens here, in Rust.

mod app;
mod assistant;
mod fetch;
mod field_host;
mod mount;
mod state;
mod style;
mod texts;

use wasm_bindgen::prelude::*;

pub use mount::Mounted;

/// Renders the assistant configured by the element's attributes into its shadow root.
#[wasm_bindgen]
pub fn mount(host: web_sys::HtmlElement) -> Result<Mounted, JsValue> {
    mount::mount(host)
}
