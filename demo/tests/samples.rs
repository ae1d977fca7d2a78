//! The sample definitions of demo/forms: every file loads, is named after its form, and speaks
//! German, English and every further language it lists (Leichte Sprache in the bulky-waste form,
//! Ukrainian and Arabic in the dog registration) throughout, so the playground offers nothing
//! broken or half-translated.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("forms");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_sample_loads_and_is_named_after_its_form() {
    let files = samples();
    assert!(files.len() >= 6, "the playground promises at least six samples, found {}", files.len());
    let mut ids = BTreeSet::new();
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        let definition = match formlotse_core::load(&source) {
            Ok(definition) => definition,
            Err(diagnostics) => panic!("{} does not load: {diagnostics:#?}", file.display()),
        };
        assert_eq!(file.file_stem().and_then(|stem| stem.to_str()), Some(definition.id.as_str()));
        assert!(ids.insert(definition.id.clone()), "two samples have id {}", definition.id);
        assert_eq!(
            definition.languages.get(..2),
            Some(&["de", "en"].map(String::from)[..]),
            "{}",
            file.display()
        );
    }
}

#[test]
fn every_translated_text_has_every_language_of_its_form() {
    fn walk(value: &Value, pointer: &str, languages: &[&str], missing: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if map.contains_key("de") || map.contains_key("en") {
                    let all = languages.iter().all(|lang| {
                        map.get(*lang).and_then(Value::as_str).is_some_and(|t| !t.trim().is_empty())
                    });
                    if !all || map.len() != languages.len() {
                        missing.push(pointer.to_owned());
                    }
                }
                for (key, child) in map {
                    walk(child, &format!("{pointer}/{key}"), languages, missing);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{pointer}/{i}"), languages, missing);
                }
            }
            _ => {}
        }
    }
    for file in samples() {
        let value: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let languages: Vec<&str> =
            value["languages"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        let mut missing = Vec::new();
        walk(&value, "", &languages, &mut missing);
        assert!(missing.is_empty(), "{}: texts without all of {languages:?} at {missing:?}", file.display());
    }
}

#[test]
fn the_check_command_passes_every_sample() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_formlotse-demo"))
        .arg("check")
        .args(samples())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{text}");
    assert_eq!(text.lines().filter(|line| line.contains(": ok (form ")).count(), samples().len(), "{text}");
}
