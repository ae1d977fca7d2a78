//! The server binary over real TCP, on SQLite and (under `cargo xtask test`) PostgreSQL:
//! receiving, CORS, files, against the OpenAPI document; shutdown; the FIM import.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use common::openapi::{assert_valid, count, served};
use common::{ORIGIN, Server, TOKEN, TempDir, databases, file_payload, multipart, one_field, site};
use serde_json::{Value, json};

#[test]
fn submissions_are_checked_stored_once_and_refused_in_the_payloads_language() {
    let dir = TempDir::new("receive");
    for (db, url) in databases("receive", &dir.0) {
        let server = Server::start(&site(&dir.0, &url, ""));
        let doc = served(&server);
        let submit_path = "/api/v1/forms/{form}/submissions";
        let body = one_field("Erika Mustermann").to_string();
        let created = server.submit("ein-feld", Some("key-1"), &body);
        assert_eq!(created.status, 201, "{db}: {}", created.text());
        assert_valid(&doc, submit_path, "post", &created, "application/json");
        let again = server.submit("ein-feld", Some("key-1"), &body);
        let mut first = created.json();
        // The PDF link comes with the first answer only (its token is stored hashed).
        assert!(first.as_object_mut().unwrap().remove("pdf").is_some(), "{db}");
        assert_eq!((again.status, again.json()), (200, first), "{db}");
        assert_valid(&doc, submit_path, "post", &again, "application/json");

        let other = one_field("Max Mustermann").to_string();
        let conflict = server.submit("ein-feld", Some("key-1"), &other);
        assert_eq!(
            (conflict.status, conflict.json()["code"].as_str()),
            (409, Some("idempotencyConflict")),
            "{db}"
        );
        assert_valid(&doc, submit_path, "post", &conflict, "application/problem+json");
        for bad_key in ["", &"k".repeat(256), "schlüssel"] {
            let refused = server.request(
                "POST",
                "/api/v1/forms/ein-feld/submissions",
                &[("Content-Type", "application/json"), ("Idempotency-Key", bad_key)],
                body.as_bytes(),
            );
            assert_eq!(
                (refused.status, refused.json()["code"].as_str()),
                (400, Some("idempotencyKey")),
                "{db} {bad_key:?}"
            );
        }
        let unknown = server.submit("gibt-es-nicht", None, &body);
        assert_eq!((unknown.status, unknown.json()["code"].as_str()), (404, Some("unknownForm")));
        assert_valid(&doc, submit_path, "post", &unknown, "application/problem+json");
        let wrong_form = server.submit("datum", None, &body);
        assert_eq!(
            (wrong_form.status, wrong_form.json()["errors"][0]["code"].as_str()),
            (422, Some("otherForm"))
        );

        let mut english = one_field("");
        english["lang"] = json!("en");
        let refused = server.submit("ein-feld", None, &english.to_string());
        assert_eq!(refused.status, 422);
        assert_valid(&doc, submit_path, "post", &refused, "application/problem+json");
        let problem = refused.json();
        assert_eq!(
            problem["detail"],
            "Some answers do not meet the form's rules. Check the answers listed. Nothing was stored."
        );
        assert_eq!(
            (problem["errors"][0]["field"].as_str(), problem["errors"][0]["code"].as_str()),
            (Some("antwort"), Some("required"))
        );
        let german = server.submit("ein-feld", None, &one_field("").to_string()).json();
        assert!(german["detail"].as_str().unwrap().starts_with("Einige Angaben"), "{german}");
        let text = server.request(
            "POST",
            "/api/v1/forms/ein-feld/submissions",
            &[("Content-Type", "text/plain")],
            body.as_bytes(),
        );
        assert_eq!((text.status, text.json()["code"].as_str()), (415, Some("mediaType")));
        assert_eq!(count(&server), 1, "{db}: nothing refused was stored");
    }
}

#[test]
fn a_date_of_today_is_accepted_from_every_time_zone_around_midnight() {
    let dir = TempDir::new("midnight");
    let server = Server::start(&site(&dir.0, &databases("midnight", &dir.0)[0].1, ""));
    let today = formlotse_server::clock::today();
    let date = |days: i64| {
        let (y, m, d) = today.add_days(days).unwrap().parts();
        json!({"formlotse": 1, "form": "datum", "lang": "de", "answers": {"tag": format!("{y:04}-{m:02}-{d:02}")}}).to_string()
    };
    // East of UTC it is already tomorrow for half an hour before UTC midnight.
    assert_eq!(server.submit("datum", None, &date(0)).status, 201);
    assert_eq!(server.submit("datum", None, &date(1)).status, 201);
    let refused = server.submit("datum", None, &date(2));
    assert_eq!(
        (refused.status, refused.json()["errors"][0]["code"].as_str()),
        (422, Some("maxDate")),
        "{}",
        refused.text()
    );
}

#[test]
fn cors_lets_only_the_forms_own_origins_send() {
    let dir = TempDir::new("cors");
    let server = Server::start(&site(&dir.0, &databases("cors", &dir.0)[0].1, ""));
    let preflight = |origin: &str| {
        server.request(
            "OPTIONS",
            "/api/v1/forms/ein-feld/submissions",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "content-type,idempotency-key"),
            ],
            b"",
        )
    };
    let allowed = preflight(ORIGIN);
    assert_eq!(allowed.status, 204);
    assert_eq!(allowed.header("access-control-allow-origin"), Some(ORIGIN));
    assert!(allowed.header("access-control-allow-headers").unwrap().contains("idempotency-key"));
    assert_eq!(allowed.header("vary"), Some("Origin"));
    let foreign = preflight("https://evil.example");
    assert_eq!(foreign.header("access-control-allow-origin"), None);
    // The gewerbe form has another origin.
    let other = server.request(
        "OPTIONS",
        "/api/v1/forms/gewerbe-anmelden/submissions",
        &[("Origin", ORIGIN), ("Access-Control-Request-Method", "POST")],
        b"",
    );
    assert_eq!(other.header("access-control-allow-origin"), None);

    let body = one_field("Erika").to_string();
    let sent = server.request(
        "POST",
        "/api/v1/forms/ein-feld/submissions",
        &[("Content-Type", "application/json"), ("Origin", ORIGIN)],
        body.as_bytes(),
    );
    assert_eq!((sent.status, sent.header("access-control-allow-origin")), (201, Some(ORIGIN)));
    // A simple request (no preflight) from a foreign page is refused, not merely unreadable.
    let forged = server.request(
        "POST",
        "/api/v1/forms/ein-feld/submissions",
        &[("Content-Type", "application/json"), ("Origin", "https://evil.example")],
        body.as_bytes(),
    );
    assert_eq!((forged.status, forged.json()["code"].as_str()), (403, Some("origin")));
    assert_eq!(forged.header("access-control-allow-origin"), None);
    assert_eq!(count(&server), 1);
    // The pull API answers no browser.
    let pulled = server.request(
        "GET",
        "/api/v1/applications",
        &[("Origin", ORIGIN), ("Authorization", &format!("Bearer {TOKEN}"))],
        b"",
    );
    assert_eq!((pulled.status, pulled.header("access-control-allow-origin")), (200, None));
}

#[test]
fn files_are_bound_to_their_answers_checked_by_content_and_served_as_downloads() {
    let dir = TempDir::new("files");
    for (db, url) in databases("files", &dir.0) {
        let server = Server::start(&site(&dir.0, &url, ""));
        let doc = served(&server);
        let pdf: &[u8] = b"%PDF-1.4\n% Lageplan\n";
        let png: &[u8] = &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3];
        let send = |payload: &Value, parts: &[(&str, &str, &[u8])]| {
            let (content_type, body) = multipart(payload.to_string().as_bytes(), parts);
            server.request(
                "POST",
                "/api/v1/forms/mit-dateien/submissions",
                &[("Content-Type", &content_type)],
                &body,
            )
        };
        let payload = file_payload(&[
            ("f1", "Lage\"plan\".pdf", "application/pdf", pdf),
            ("f2", "foto.png", "image/png", png),
        ]);
        let created = send(&payload, &[("f1", "application/pdf", pdf), ("f2", "image/png", png)]);
        assert_eq!(created.status, 201, "{db}: {}", created.text());
        let reference = created.json()["reference"].as_str().unwrap().to_owned();
        let application = server.pull(&format!("/api/v1/applications/{reference}"));
        assert_valid(&doc, "/api/v1/applications/{reference}", "get", &application, "application/json");
        let attachments = application.json()["attachments"].clone();
        assert_eq!(attachments[0]["sha256"], formlotse_core::sha256::hex(pdf));
        assert_eq!(attachments[1]["field"], "plan");
        let file = server.pull(attachments[0]["href"].as_str().unwrap());
        assert_eq!((file.status, file.bytes.as_slice()), (200, pdf), "{db}");
        assert_eq!(file.header("content-type"), Some("application/pdf"));
        assert_eq!(
            file.header("content-disposition"),
            Some("attachment; filename=\"Lage_plan_.pdf\"; filename*=UTF-8''Lage%22plan%22.pdf")
        );
        assert_eq!(file.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(file.header("content-security-policy"), Some("default-src 'none'; sandbox"));

        let html: &[u8] = b"<!DOCTYPE html><script>alert(document.cookie)</script>";
        let disguised = send(
            &file_payload(&[("f1", "plan.pdf", "application/pdf", html)]),
            &[("f1", "application/pdf", html)],
        );
        assert_eq!(
            (disguised.status, disguised.json()["errors"][0]["code"].as_str()),
            (422, Some("fileContent")),
            "{db}"
        );
        let declared =
            send(&file_payload(&[("f1", "plan.html", "text/html", html)]), &[("f1", "text/html", html)]);
        assert_eq!(
            (declared.status, declared.json()["errors"][0]["code"].as_str()),
            (422, Some("fileType")),
            "{db}"
        );
        let unsent = send(&payload, &[("f1", "application/pdf", pdf)]);
        assert_eq!(unsent.status, 400, "{db}: a listed file must be sent");
        let extra = send(
            &file_payload(&[("f1", "plan.pdf", "application/pdf", pdf)]),
            &[("f1", "application/pdf", pdf), ("f9", "application/pdf", pdf)],
        );
        assert_eq!(extra.status, 400, "{db}: a part must be listed");
        let mut twice = file_payload(&[("f1", "plan.pdf", "application/pdf", pdf)]);
        let answer = twice["answers"]["plan"][0].clone();
        twice["answers"]["plan"] = json!([answer, answer]);
        assert_eq!(
            send(&twice, &[("f1", "application/pdf", pdf)]).status,
            400,
            "{db}: one file, two answers"
        );
        let empty = send(
            &file_payload(&[("f1", "plan.pdf", "application/pdf", b"")]),
            &[("f1", "application/pdf", b"")],
        );
        assert_eq!(empty.status, 422, "{db}: {}", empty.text());
        assert_eq!(count(&server), 1, "{db}");
    }
}

#[test]
fn a_request_in_flight_at_shutdown_is_finished_and_stored() {
    let dir = TempDir::new("shutdown");
    let mut server = Server::start(&site(&dir.0, &databases("shutdown", &dir.0)[0].1, ""));
    let body = one_field("spät").to_string();
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let head = format!(
        "POST /api/v1/forms/ein-feld/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(&body.as_bytes()[..10]).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let _ = std::process::Command::new("kill").arg("-TERM").arg(server.child.id().to_string()).status();
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(&body.as_bytes()[10..]).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    assert_eq!(common::parse(&raw).status, 201, "{}", String::from_utf8_lossy(&raw));
    assert!(server.child.wait().unwrap().success());
    let again = Server::start(&dir.0.join("formlotse.toml"));
    assert_eq!(count(&again), 1);
}

/// `formlotse-server import-fim` is the FIM importer's command line: the XDatenfelder 3.0 sample
/// becomes a definition the engine loads, with the report on standard error.
#[test]
fn import_fim_writes_a_definition_that_loads() {
    let dir = TempDir::new("import-fim");
    let schema = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/fim/xdf3-G60000000088-anschrift-inland.fixture.xml");
    let out = dir.0.join("anschrift.json");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_formlotse-server"))
        .arg("import-fim")
        .arg(&schema)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let written = std::fs::read_to_string(&out).unwrap();
    formlotse_core::load(&written).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/fim-anschrift-inland.json");
    let fixture: Value = serde_json::from_str(&std::fs::read_to_string(fixture).unwrap()).unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&written).unwrap(),
        fixture,
        "the fim crate's own golden import"
    );
    let usage = std::process::Command::new(env!("CARGO_BIN_EXE_formlotse-server"))
        .arg("import-fim")
        .output()
        .unwrap();
    assert_eq!(usage.status.code(), Some(2), "no schema named is a usage error");
}
