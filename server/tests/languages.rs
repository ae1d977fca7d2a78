//! The receiver speaks the citizen's language: every refusal's `detail` and its errors' details
//! in the payload's language (or, before the payload is read, the Accept-Language header's),
//! from the very catalog files the browser fetches, along the tag and then German; and the
//! application keeps the language tag it was written in. Over real TCP, against the binary.

mod common;

use std::path::Path;

use common::openapi::{assert_valid, count, served};
use common::{Server, TempDir, databases, file_payload, multipart, one_field, site};
use serde_json::{Value, json};

const SUBMIT: &str = "/api/v1/forms/{form}/submissions";
/// Every catalog Formlotse ships, and German, built in.
const SHIPPED: [&str; 9] = ["de", "en", "uk", "ar", "tr", "ru", "pl", "cs", "de-x-ls"];

/// A town's own catalog (Upper Sorbian), with one of the receiver's words: the others are German.
const TOWN: &str = r#"{"formlotse-catalog": 1, "lang": "hsb", "name": "Hornjoserbšćina", "dir": "ltr",
  "words": {"problem.invalid": "Někotre podaća formularej njewotpowěduja. Ničo njeje so składowało."}}"#;

/// The template `key` as the catalog file of `tag` has it (German from the built-in catalog),
/// with its parameters filled: read here from the JSON, not through the server's code.
fn expected(tag: &str, key: &str, params: &[(&str, &str)]) -> String {
    let file = common::workspace().join(format!("runtime/i18n/{tag}.json"));
    let template = match std::fs::read_to_string(&file) {
        Ok(text) => serde_json::from_str::<Value>(&text).unwrap()["words"][key].as_str().unwrap().to_owned(),
        // German: built in (the server's own words apart from the citizen's).
        Err(_) => {
            let german = formlotse_core::catalog::Catalog::german();
            if key.starts_with("problem.") {
                german.document_text(key, &[])
            } else {
                german.word(key).to_owned()
            }
        }
    };
    params.iter().fold(template, |text, (name, value)| text.replace(&format!("{{{name}}}"), value))
}

/// A site whose catalog directory has the shipped catalogs and the town's `hsb.json`.
fn site_with_town_catalog(dir: &Path, storage: &str) -> std::path::PathBuf {
    let i18n = dir.join("i18n");
    std::fs::create_dir_all(&i18n).unwrap();
    for entry in std::fs::read_dir(common::workspace().join("runtime/i18n")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, i18n.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::write(i18n.join("hsb.json"), TOWN).unwrap();
    let config = site(dir, storage, "");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("i18n_dir = {:?}\n{text}", i18n.display().to_string())).unwrap();
    config
}

fn with_lang(mut payload: Value, tag: &str) -> Value {
    payload["lang"] = json!(tag);
    payload
}

#[test]
fn every_refusal_is_in_the_payloads_language_from_the_catalogs() {
    let dir = TempDir::new("refusal-words");
    let server = Server::start(&site_with_town_catalog(&dir.0, &databases("refusal-words", &dir.0)[0].1));
    let doc = served(&server);
    let german_invalid = expected("de", "problem.invalid", &[]);
    for tag in SHIPPED {
        // The form's rules: the overall detail and the field's.
        let refused = server.submit("ein-feld", None, &with_lang(one_field(""), tag).to_string());
        assert_eq!(refused.status, 422, "{tag}");
        assert_valid(&doc, SUBMIT, "post", &refused, "application/problem+json");
        let problem = refused.json();
        assert_eq!(problem["detail"], expected(tag, "problem.invalid", &[]), "{tag}");
        assert_eq!(problem["errors"][0]["detail"], expected(tag, "error.required", &[("label", "Antwort")]));
        if tag != "de" {
            assert_ne!(problem["detail"], german_invalid, "{tag} is not German");
        }

        // A payload that is no submission of this form: an answer the form does not ask.
        let mut unknown = with_lang(one_field("x"), tag);
        unknown["answers"]["admin"] = json!(true);
        let problem = server.submit("ein-feld", None, &unknown.to_string()).json();
        assert_eq!(problem["detail"], expected(tag, "problem.invalid", &[]), "{tag}");
        assert_eq!(problem["errors"][0]["code"], "unknownField");
        assert_eq!(
            problem["errors"][0]["detail"],
            expected(tag, "problem.unknownField", &[("field", "admin")])
        );

        // A file that is not what its type says: the detail for files and the file's error.
        let html: &[u8] = b"<!DOCTYPE html><p>";
        let payload = with_lang(file_payload(&[("f1", "plan.pdf", "application/pdf", html)]), tag);
        let (content_type, body) =
            multipart(payload.to_string().as_bytes(), &[("f1", "application/pdf", html)]);
        let refused = server.request(
            "POST",
            "/api/v1/forms/mit-dateien/submissions",
            &[("Content-Type", &content_type)],
            &body,
        );
        assert_eq!(refused.status, 422, "{tag}: {}", refused.text());
        let problem = refused.json();
        assert_eq!(problem["detail"], expected(tag, "problem.files", &[]), "{tag}");
        assert_eq!(
            problem["errors"][0]["detail"],
            expected(tag, "problem.fileContent", &[("name", "plan.pdf")])
        );

        // Before the payload is read, the request's language: a form the server does not take.
        let unknown_form = server.request(
            "POST",
            "/api/v1/forms/gibt-es-nicht/submissions",
            &[("Content-Type", "application/json"), ("Accept-Language", &format!("{tag}, en;q=0.5"))],
            b"{}",
        );
        assert_eq!(unknown_form.status, 404);
        assert_valid(&doc, SUBMIT, "post", &unknown_form, "application/problem+json");
        assert_eq!(
            unknown_form.json()["detail"],
            expected(tag, "problem.unknownForm", &[("form", "gibt-es-nicht")]),
            "{tag}"
        );
        let foreign = server.request(
            "POST",
            "/api/v1/forms/ein-feld/submissions",
            &[
                ("Content-Type", "application/json"),
                ("Accept-Language", tag),
                ("Origin", "https://evil.example"),
            ],
            one_field("x").to_string().as_bytes(),
        );
        assert_eq!(
            (foreign.status, &foreign.json()["detail"]),
            (403, &json!(expected(tag, "problem.origin", &[])))
        );
    }

    // Along the tag: a regional tag finds its language; a language without a catalog, German.
    let detail =
        |tag: &str| server.submit("ein-feld", None, &with_lang(one_field(""), tag).to_string()).json();
    assert_eq!(detail("uk-ua")["detail"], expected("uk", "problem.invalid", &[]));
    assert_eq!(detail("de-at")["detail"], german_invalid);
    assert_eq!(detail("fr")["detail"], german_invalid);
    // A town's catalog: its own word, and German for the words it lacks.
    let town = detail("hsb");
    assert_eq!(town["detail"], "Někotre podaća formularej njewotpowěduja. Ničo njeje so składowało.");
    assert_eq!(town["errors"][0]["detail"], expected("de", "error.required", &[("label", "Antwort")]));
    assert_eq!(count(&server), 0, "nothing refused was stored");
}

#[test]
fn the_application_keeps_its_language_and_a_tag_that_is_none_is_refused() {
    let dir = TempDir::new("lang-stored");
    for (db, url) in databases("lang-stored", &dir.0) {
        let server = Server::start(&site_with_town_catalog(&dir.0, &url));
        let doc = served(&server);
        for (i, tag) in ["uk", "ar", "de-x-ls", "hsb", "zh-Hant", "en"].into_iter().enumerate() {
            let created = server.submit(
                "ein-feld",
                None,
                &with_lang(one_field(&format!("Antwort {i}")), tag).to_string(),
            );
            assert_eq!(created.status, 201, "{db} {tag}: {}", created.text());
            let reference = created.json()["reference"].as_str().unwrap().to_owned();
            let shown = server.pull(&format!("/api/v1/applications/{reference}"));
            assert_valid(&doc, "/api/v1/applications/{reference}", "get", &shown, "application/json");
            assert_eq!(shown.json()["lang"], tag.to_lowercase(), "{db}");
        }
        // Without `lang`, the request's language.
        let mut unnamed = one_field("ohne Sprache");
        unnamed.as_object_mut().unwrap().remove("lang");
        let created = server.request(
            "POST",
            "/api/v1/forms/ein-feld/submissions",
            &[("Content-Type", "application/json"), ("Accept-Language", "pl-PL, de;q=0.8")],
            unnamed.to_string().as_bytes(),
        );
        assert_eq!(created.status, 201, "{db}: {}", created.text());
        let list = server.pull("/api/v1/applications?limit=500");
        assert_valid(&doc, "/api/v1/applications", "get", &list, "application/json");
        let langs: Vec<String> = list.json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["lang"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(langs, ["uk", "ar", "de-x-ls", "hsb", "zh-hant", "en", "pl-pl"], "{db}");

        for garbage in [
            json!("Deutsch bitte"),
            json!("en_GB"),
            json!("x".repeat(16)),
            json!("zh-Hant-TW"),
            json!(""),
            json!("de-x"),
            json!(7),
        ] {
            let mut payload = one_field("x");
            payload["lang"] = garbage.clone();
            let refused = server.request(
                "POST",
                "/api/v1/forms/ein-feld/submissions",
                &[("Content-Type", "application/json"), ("Accept-Language", "uk")],
                payload.to_string().as_bytes(),
            );
            assert_eq!(
                (refused.status, refused.json()["code"].as_str()),
                (422, Some("lang")),
                "{db} {garbage}"
            );
            assert_valid(&doc, SUBMIT, "post", &refused, "application/problem+json");
            assert_eq!(refused.json()["detail"], expected("uk", "problem.lang", &[]), "{db} {garbage}");
        }
        assert_eq!(count(&server), 7, "{db}: nothing refused was stored");
    }
}
