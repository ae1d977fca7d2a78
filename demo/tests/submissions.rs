//! The demo's submissions beyond the plain case: idempotency keys, the fault routes the
//! browser tests use, multipart files and their checksums.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;

use common::{Server, dog_payload, file_payload, multipart_body};

#[test]
fn an_idempotency_key_stores_a_submission_once() {
    let server = Server::start("idempotent");
    let body = dog_payload().to_string();
    let first = server.post_keyed("/api/submissions", "k-1", &body);
    let again = server.post_keyed("/api/submissions", "k-1", &body);
    let other = server.post_keyed("/api/submissions", "k-2", &body);
    assert_eq!((first.status, again.status, other.status), (201, 200, 201));
    assert_eq!(first.json()["reference"], again.json()["reference"]);
    assert_ne!(other.json()["reference"], first.json()["reference"]);

    // The key is bound to the payload: another body under it is a conflict, never the receipt.
    let mut changed = dog_payload();
    changed["answers"]["antwort"] = serde_json::json!("Max Mustermann");
    let conflict = server.post_keyed("/api/submissions", "k-1", &changed.to_string());
    assert_eq!(conflict.status, 409, "{}", conflict.text());
    assert_eq!(conflict.json()["code"], "idempotencyConflict");
    assert!(conflict.json().get("reference").is_none());
    let too_long = server.post_keyed("/api/submissions", &"k".repeat(256), &body);
    assert_eq!((too_long.status, too_long.json()["code"].as_str()), (400, Some("idempotencyKey")));
    assert_eq!(server.request("GET", "/api/submissions", None, b"").json().as_array().map(Vec::len), Some(2));
}

#[test]
fn fault_routes_fail_as_asked_per_submission() {
    let server = Server::start("faults");
    let body = dog_payload().to_string();
    let busy = server.post_keyed("/api/faults/503/2/submissions", "u", &body);
    assert_eq!((busy.status, busy.header("retry-after")), (503, Some("1")));
    assert_eq!(server.post_keyed("/api/faults/503/2/submissions", "u", &body).status, 503);
    assert_eq!(server.post_keyed("/api/faults/503/2/submissions", "u", &body).status, 201);
    assert_eq!(server.post_keyed("/api/faults/503/2/submissions", "v", &body).status, 503, "counted per key");

    // A lost answer: stored, but the client hears 503; its retry gets the same receipt.
    let lost = server.post_keyed("/api/faults/lost/1/submissions", "l", &body);
    assert_eq!(lost.status, 503);
    let retried = server.post_keyed("/api/faults/lost/1/submissions", "l", &body);
    assert_eq!(retried.status, 200, "{}", retried.text());
    let list = server.request("GET", "/api/submissions", None, b"").json();
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert_eq!(retried.json()["reference"], list[1]["reference"]);
}

#[test]
fn a_dropped_connection_answers_nothing_but_stores_and_other_faults_answer_as_named() {
    let server = Server::start("drop");
    let body = dog_payload().to_string();
    let mut stream = TcpStream::connect(&server.address).unwrap();
    let head = format!(
        "POST /api/faults/drop/1/submissions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nIdempotency-Key: d\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    assert!(raw.is_empty(), "{}", String::from_utf8_lossy(&raw));
    let retried = server.post_keyed("/api/faults/drop/1/submissions", "d", &body);
    let list = server.request("GET", "/api/submissions", None, b"").json();
    assert_eq!((retried.status, &retried.json()["reference"]), (200, &list[0]["reference"]));

    let limited = server.post_keyed("/api/faults/429/1/submissions", "r", &body);
    assert_eq!((limited.status, limited.header("retry-after")), (429, Some("2")));
    assert_eq!(server.post_keyed("/api/faults/500/1/submissions", "s", &body).status, 500);
    assert_eq!(server.post_keyed("/api/faults/teapot/1/submissions", "t", &body).status, 404);
    assert_eq!(server.request("GET", "/api/submissions", None, b"").json().as_array().map(Vec::len), Some(1));
}

#[test]
fn multipart_submissions_keep_their_files_and_must_match_their_checksums() {
    let server = Server::start("multipart");
    let file: &[u8] = b"%PDF-1.4 ein Lageplan";
    let payload = |sha256: &str| file_payload(file.len(), sha256);
    let good = payload(&formlotse_core::sha256::hex(file));
    let (content_type, body) = multipart_body(&good, &[("f1", file)]);
    let created = server.request("POST", "/api/submissions", Some(&content_type), &body);
    assert_eq!(created.status, 201, "{}", created.text());
    let reference = created.json()["reference"].as_str().unwrap().to_owned();
    let stored = server.request("GET", &format!("/api/submissions/{reference}/attachments/f1"), None, b"");
    assert_eq!((stored.status, stored.bytes.as_slice()), (200, file));
    assert_eq!(stored.header("content-disposition"), Some("attachment"));
    assert_eq!(server.request("GET", "/api/submissions", None, b"").json()[0]["payload"], good);

    let (content_type, body) = multipart_body(&payload(&"0".repeat(64)), &[("f1", file)]);
    let wrong = server.request("POST", "/api/submissions", Some(&content_type), &body);
    assert_eq!(wrong.status, 400);
    assert!(wrong.json()["detail"].as_str().unwrap().contains("SHA-256"));
    let (content_type, body) = multipart_body(&good, &[]);
    assert_eq!(server.request("POST", "/api/submissions", Some(&content_type), &body).status, 400);
    let (content_type, body) = multipart_body(&good, &[("f1", file), ("f2", file)]);
    assert_eq!(server.request("POST", "/api/submissions", Some(&content_type), &body).status, 400);

    // HTML declared as a PDF: its first bytes give it away.
    let html: &[u8] = b"<!DOCTYPE html><script>alert(1)</script>";
    let disguised = file_payload(html.len(), &formlotse_core::sha256::hex(html));
    let (content_type, body) = multipart_body(&disguised, &[("f1", html)]);
    let refused = server.request("POST", "/api/submissions", Some(&content_type), &body);
    assert_eq!(refused.status, 422, "{}", refused.text());
    assert_eq!(refused.json()["errors"][0]["field"], "plan");
    assert_eq!(refused.json()["errors"][0]["code"], "fileContent");
    assert_eq!(server.request("GET", "/api/submissions", None, b"").json().as_array().map(Vec::len), Some(1));
}
