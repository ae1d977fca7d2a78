//! The assistant's stylesheet, adopted by each shadow root as a constructable stylesheet:
//! no `<style>` element and no `style=` attribute, so a strict `style-src 'self'` holds.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

const CSS: &str = include_str!("style.css");

thread_local! {
    /// One parsed sheet shared by every element on the page.
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// The array to assign to `adoptedStyleSheets`.
pub(crate) fn sheets() -> Result<JsValue, JsValue> {
    let sheet = SHEET.with(|cell| -> Result<CssStyleSheet, JsValue> {
        if let Some(sheet) = cell.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(CSS)?;
        *cell.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })?;
    Ok(js_sys::Array::of1(&sheet).into())
}
