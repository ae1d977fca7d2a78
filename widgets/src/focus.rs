//! Moving focus inside whatever root a widget lives in (a shadow root or the document).

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, Node, ScrollIntoViewOptions, ScrollLogicalPosition, ShadowRoot};

/// Focuses the element with `id` in the same root as `near` and scrolls it to the middle of
/// the view. `document.getElementById` would not see into a shadow root, so the root is asked.
pub fn focus_by_id(near: &Node, id: &str) {
    let root = near.get_root_node();
    let element = if let Some(shadow) = root.dyn_ref::<ShadowRoot>() {
        shadow.get_element_by_id(id)
    } else if let Some(document) = root.dyn_ref::<Document>() {
        document.get_element_by_id(id)
    } else {
        None
    };
    if let Some(element) = element.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        let _ = element.focus();
    }
}
