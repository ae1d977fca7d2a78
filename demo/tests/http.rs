//! The demo server over real TCP: samples, static files and their CSP, submissions stored,
//! listed and kept over a restart, refusals, `check`.

mod common;

use std::path::Path;
use std::process::Command;

use common::{CSP, Server, dog_payload, is_reference};

#[test]
fn the_sample_index_lists_every_sample_with_where_to_fetch_it() {
    let server = Server::start("forms");
    let index = server.request("GET", "/api/forms", None, b"");
    assert_eq!(index.status, 200);
    assert_eq!(index.header("content-type"), Some("application/json"));
    assert_eq!(index.header("content-security-policy"), Some(CSP));
    let entries = index.json();
    let entries = entries.as_array().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = std::fs::read_dir(root.join("forms")).unwrap().count();
    assert_eq!(entries.len(), files);
    for entry in entries {
        assert_eq!(entry["problems"], 0, "{entry}");
        let src = entry["src"].as_str().unwrap();
        let served = server.request("GET", src, None, b"");
        assert_eq!(served.status, 200, "{src}");
        assert_eq!(served.json()["id"], entry["id"], "{src}");
    }
}

#[test]
fn static_files_carry_the_csp_and_the_right_types() {
    let server = Server::start("static");
    let page = server.request("GET", "/", None, b"");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-security-policy"), Some(CSP));
    assert_eq!(page.header("cache-control"), Some("no-cache"));
    assert!(page.header("content-type").unwrap().starts_with("text/html"));
    assert!(page.text().contains("/formlotse/formlotse.js") && page.text().contains("/playground.js"));

    let form = server.request("GET", "/formulare/hund-anmelden.json", None, b"");
    assert_eq!(form.status, 200);
    assert_eq!(form.header("content-type"), Some("application/json"));
    assert_eq!(form.header("content-security-policy"), Some(CSP));

    let fixture = server.request("GET", "/fixtures/one-field.json", None, b"");
    assert_eq!(fixture.status, 200);

    let missing = server.request("GET", "/formulare/gibt-es-nicht.json", None, b"");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.header("content-security-policy"), Some(CSP));
}

/// A reference as the server crate makes them: `FL-2026-7K3M-Q9XD`.

#[test]
fn a_valid_submission_is_stored_and_listed() {
    let server = Server::start("store");
    let empty = server.request("GET", "/api/submissions", None, b"");
    assert_eq!((empty.status, empty.text().as_str()), (200, "[]"));

    let payload = dog_payload();
    let created = server.post_json(&payload.to_string());
    assert_eq!(created.status, 201, "{}", created.text());
    let receipt = created.json();
    assert!(is_reference(&receipt["reference"]), "{receipt}");
    assert!(receipt["receivedAt"].as_str().unwrap().ends_with('Z'));

    // A form no directory of the demo holds is refused: the receiver checks every application.
    let unknown = server.post_json(r#"{"form": "nicht-bekannt", "lang": "en", "answers": {"x": 1}}"#);
    assert_eq!(unknown.status, 404);
    assert_eq!(unknown.header("content-type"), Some("application/problem+json"));
    assert_eq!(unknown.json()["code"], "unknownForm");

    let list = server.request("GET", "/api/submissions", None, b"").json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["payload"], payload);
    assert_eq!(list[0]["formId"], "ein-feld");
    assert_eq!(list[0]["verdict"], "valid");
    assert_eq!(list[0]["reference"], receipt["reference"]);

    let path = format!("/api/submissions/{}", receipt["reference"].as_str().unwrap());
    assert_eq!(server.request("GET", &path, None, b"").json()["formId"], "ein-feld");
    assert_eq!(server.request("GET", "/api/submissions/FL-2026-0000-0000", None, b"").status, 404);
}

#[test]
fn submissions_survive_a_restart() {
    let mut first = Server::start("restart");
    assert_eq!(first.post_json(&dog_payload().to_string()).status, 201);
    let _ = first.child.kill();
    let _ = first.child.wait();
    // Keep the directory: the second server must find the submission in it.
    let data = std::mem::take(&mut first.data);
    drop(first);
    let second = Server::start_on(data);
    let list = second.request("GET", "/api/submissions", None, b"").json();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(second.post_json(&dog_payload().to_string()).status, 201);
    let list = second.request("GET", "/api/submissions", None, b"").json();
    assert_eq!(list.as_array().map(Vec::len), Some(2), "{list}");
}

#[test]
fn bad_submissions_are_problems_and_store_nothing() {
    let server = Server::start("bad");
    let wrong_type = server.request("POST", "/api/submissions", Some("text/plain"), b"{}");
    assert_eq!(wrong_type.status, 415);
    assert_eq!(wrong_type.header("content-type"), Some("application/problem+json"));
    assert_eq!(wrong_type.json()["status"], 415);

    let not_json = server.post_json("{\"form\": ");
    assert_eq!(not_json.status, 400);
    assert!(not_json.json()["detail"].as_str().unwrap().contains("not JSON"));

    assert_eq!(server.post_json("[1, 2]").status, 400);

    let huge = format!(r#"{{"form": "x", "answers": {{"a": "{}"}}}}"#, "x".repeat(2 * 1024 * 1024));
    assert_eq!(server.post_json(&huge).status, 413);

    // The browser would never send this: the server runs the same rules and says where.
    let mut tampered = dog_payload();
    tampered["answers"] = serde_json::json!({});
    let rejected = server.post_json(&tampered.to_string());
    assert_eq!(rejected.status, 422, "{}", rejected.text());
    let problem = rejected.json();
    assert_eq!(problem["errors"][0]["field"], "antwort");
    assert_eq!(problem["errors"][0]["code"], "required");
    assert!(!problem["errors"][0]["detail"].as_str().unwrap().is_empty());

    let mut extra = dog_payload();
    extra["answers"]["admin"] = serde_json::json!(true);
    let rejected = server.post_json(&extra.to_string());
    assert_eq!(rejected.status, 422);
    assert_eq!(rejected.json()["errors"][0]["code"], "unknownField");

    // serde_json would keep the last of two keys; the check refuses the guess.
    let dog = dog_payload();
    let twice = dog.to_string().replacen('{', &format!("{{\"form\": {}, ", dog["form"]), 1);
    let rejected = server.post_json(&twice);
    assert_eq!(rejected.status, 422, "{}", rejected.text());
    assert_eq!(rejected.json()["errors"][0]["code"], "duplicateKey");
    assert!(rejected.json()["errors"][0]["detail"].as_str().unwrap().contains("/form"));

    assert_eq!(server.request("GET", "/api/submissions", None, b"").text(), "[]");
}

#[test]
fn check_reports_file_line_and_column() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let bad = root.join("tests/fixtures/unknown-type.json");
    let output = Command::new(env!("CARGO_BIN_EXE_formlotse-demo")).arg("check").arg(&bad).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let prefix = format!("{}:", bad.display());
    assert!(text.lines().next().is_some_and(|line| line.starts_with(&prefix)), "{text}");
    assert!(
        text.lines().next().unwrap()[prefix.len()..].split(':').next().unwrap().parse::<u32>().is_ok(),
        "{text}"
    );

    let good = root.join("demo/forms/hund-anmelden.json");
    let output = Command::new(env!("CARGO_BIN_EXE_formlotse-demo")).arg("check").arg(&good).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stdout));
}
