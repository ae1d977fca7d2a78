//! Shorter names between a wasm and its glue, and minified JavaScript.
//!
//! wasm-bindgen names each import after its function and a 16-digit hash
//! (`__wbg_checked_3f95ede4ece3a2c2`), once in the wasm and once in the glue; hashes do not
//! compress. wasm-opt renames them to one or two letters and prints the mapping, which is
//! applied to the glue here. Every name is checked: a glue that does not have the shape this
//! expects (a new wasm-bindgen) fails the build instead of loading a wasm with missing imports.

use crate::Result;
use crate::cmd::{command, run_for_stdout};
use std::path::Path;

/// The wasm-opt pass that renames the imports, their module and the exports.
const RENAME_PASS: &str = "--minify-imports-and-exports-and-modules";

/// Runs wasm-opt's renaming on `wasm` in place and applies the mapping to the glue `js`.
pub(crate) fn rename_names(wasm_opt: &Path, wasm: &Path, js: &Path, root: &Path) -> Result {
    let mut opt = command(&wasm_opt.to_string_lossy(), &[RENAME_PASS, "-o"], root);
    opt.arg(wasm).arg(wasm);
    let mapping = run_for_stdout(opt)?;
    let glue = std::fs::read_to_string(js).map_err(|e| format!("cannot read {}: {e}", js.display()))?;
    let renamed = apply_mapping(&glue, &mapping).map_err(|e| format!("{}: {e}", js.display()))?;
    std::fs::write(js, renamed).map_err(|e| format!("cannot write {}: {e}", js.display()))
}

/// The glue with the imports object's keys, its module name and `wasm.EXPORT` uses renamed as
/// wasm-opt's `mapping` says (`{"imports": [[module, name, new]], "exports": [[name, new]]}`;
/// the modules all become `a`).
fn apply_mapping(glue: &str, mapping: &str) -> Result<String> {
    let mapping: serde_json::Value =
        serde_json::from_str(mapping).map_err(|e| format!("wasm-opt's name mapping is not JSON: {e}"))?;
    let pairs = |key: &str| -> Result<Vec<Vec<String>>> {
        serde_json::from_value(mapping[key].clone())
            .map_err(|e| format!("wasm-opt's name mapping has no list \"{key}\": {e}"))
    };
    let mut js = glue.to_owned();
    let mut modules: Vec<String> = Vec::new();
    for import in pairs("imports")? {
        let [module, old, new] = import.as_slice() else {
            return Err(format!("an import mapping is not [module, name, new]: {import:?}"));
        };
        js = replace_once(&js, &format!("\n        {old}: "), &format!("\n        {new}: "))?;
        if !modules.contains(module) {
            modules.push(module.clone());
        }
    }
    for module in &modules {
        js = replace_once(&js, &format!("\"{module}\": import0,"), "a: import0,")?;
    }
    for export in pairs("exports")? {
        let [old, new] = export.as_slice() else {
            return Err(format!("an export mapping is not [name, new]: {export:?}"));
        };
        // Exports the glue never names (wasm-bindgen's abort hooks) need nothing.
        js = replace_member(&js, &format!("wasm.{old}"), &format!("wasm.{new}"));
    }
    Ok(js)
}

/// `text` with the one occurrence of `from` replaced; an error if there is none or more.
fn replace_once(text: &str, from: &str, to: &str) -> Result<String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("expected `{}` once in the glue, found it {n} times", from.trim())),
    }
}

/// `text` with every `from` that is not followed by more of an identifier replaced.
fn replace_member(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let after = &rest[at + from.len()..];
        out.push_str(&rest[..at]);
        let continues = after.chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
        out.push_str(if continues { from } else { to });
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Minifies a JavaScript file in place with terser (from tests/node_modules); `module` for ES
/// modules (the glue), a classic script otherwise (the loader).
pub(crate) fn javascript(root: &Path, file: &Path, module: bool) -> Result {
    let terser = root.join("tests/node_modules/.bin/terser");
    let mut minify = command(&terser.to_string_lossy(), &["--compress", "--mangle", "-o"], root);
    minify.arg(file).arg(file);
    if module {
        minify.arg("--module");
    }
    crate::cmd::run(minify)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        __wbg_checked_3f95: function(arg0) {\n            return wasm.__wbindgen_malloc(arg0) + wasm.__wbindgen_malloc_2;\n        },\n    };\n    return {\n        __proto__: null,\n        \"./x_bg.js\": import0,\n    };\n}\n";

    #[test]
    fn imports_module_and_exports_are_renamed() {
        let mapping = r#"{"imports": [["./x_bg.js", "__wbg_checked_3f95", "b"]],
            "exports": [["__wbindgen_malloc", "c"], ["__wbindgen_malloc_2", "d"], ["unused", "e"]]}"#;
        let js = apply_mapping(GLUE, mapping).unwrap();
        assert!(js.contains("\n        b: function(arg0)"), "{js}");
        assert!(js.contains("return wasm.c(arg0) + wasm.d;"), "{js}");
        assert!(js.contains("a: import0,"), "{js}");
        assert!(!js.contains("__wbg_checked") && !js.contains("x_bg.js"), "{js}");
    }

    #[test]
    fn an_import_the_glue_does_not_have_fails() {
        let mapping = r#"{"imports": [["./x_bg.js", "__wbg_gone_1234", "b"]], "exports": []}"#;
        let error = apply_mapping(GLUE, mapping).unwrap_err();
        assert!(error.contains("__wbg_gone_1234") && error.contains("0 times"), "{error}");
    }

    #[test]
    fn a_mapping_of_another_shape_fails() {
        assert!(apply_mapping(GLUE, "not json").unwrap_err().contains("not JSON"));
        assert!(apply_mapping(GLUE, r#"{"imports": 3}"#).unwrap_err().contains("\"imports\""));
    }
}
