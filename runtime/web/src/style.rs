//! The assistant's stylesheet, adopted by each shadow root as a constructable stylesheet:
//! no `<style>` element and no `style=` attribute, so a strict `style-src 'self'` holds.

use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::CssStyleSheet;

/// `style.css` minified by `build.rs` (comments and indentation are a tenth of its bytes).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

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

#[cfg(test)]
#[path = "../css_min.rs"]
mod css_min;

#[cfg(test)]
mod tests {
    use super::css_min::minify;

    #[test]
    fn minifying_keeps_rules_and_strings() {
        let cases = [
            (
                "/* theme */\n:host {\n  all: initial;\n  display: block;\n}\n",
                ":host{all:initial;display:block}",
            ),
            (".a,\n.b > .c { font: 1em \"Segoe UI\", Arial; }", ".a,.b>.c{font:1em \"Segoe UI\",Arial}"),
            (".fl-root :focus-visible { x: y }", ".fl-root :focus-visible{x:y}"),
            ("[aria-pressed=\"true\"] { a: b } /* end */", "[aria-pressed=\"true\"]{a:b}"),
            ("@media (max-width: 40em) {\n  .a { b: c; }\n}", "@media (max-width:40em){.a{b:c}}"),
            ("a { content: \"/* not a comment */\" }", "a{content:\"/* not a comment */\"}"),
        ];
        for (css, want) in cases {
            assert_eq!(minify(css), want, "{css}");
        }
    }

    #[test]
    fn the_shipped_sheet_is_the_source_minified() {
        let source = include_str!("style.css");
        assert_eq!(super::CSS, minify(source));
        assert!(super::CSS.len() < source.len() * 9 / 10, "{} of {}", super::CSS.len(), source.len());
        assert_eq!(super::CSS.matches('{').count(), super::CSS.matches('}').count());
    }
}
