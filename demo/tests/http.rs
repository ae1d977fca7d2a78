//! The demo server over real TCP: the binary is started on a free port with a fresh data
//! directory, and spoken to with plain HTTP/1.1.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

struct Server {
    child: Child,
    address: String,
    data: PathBuf,
}

impl Server {
    /// A server on a fresh data directory.
    fn start(name: &str) -> Server {
        let data = std::env::temp_dir().join(format!("formlotse-demo-http-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        Server::start_on(data)
    }

    /// A server on `data`, as it is.
    fn start_on(data: PathBuf) -> Server {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
        let mut child = Command::new(env!("CARGO_BIN_EXE_formlotse-demo"))
            .args(["serve", "--port", "0", "--data-dir"])
            .arg(&data)
            .arg("--fixtures")
            .arg(root.join("tests/fixtures"))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        let address = loop {
            line.clear();
            assert!(stdout.read_line(&mut line).unwrap() > 0, "the server ended before listening");
            if let Some(url) = line.trim().strip_prefix("formlotse-demo listening on http://") {
                break url.to_owned();
            }
        };
        Server { child, address, data }
    }

    /// One request; returns status, lower-cased headers and body.
    fn request(&self, method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> Response {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.address,
            body.len()
        );
        if let Some(content_type) = content_type {
            head.push_str(&format!("Content-Type: {content_type}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        // A server may answer (413) before reading everything; a broken pipe then is fine.
        let _ = stream.write_all(body);
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Response::parse(&raw)
    }

    fn post_json(&self, body: &str) -> Response {
        self.request("POST", "/api/submissions", Some("application/json"), body.as_bytes())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn parse(raw: &[u8]) -> Response {
        let text = String::from_utf8_lossy(raw);
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.to_ascii_lowercase(), value.trim().to_owned()))
            .collect::<Vec<_>>();
        let chunked = headers.iter().any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
        let body = if chunked { dechunk(body) } else { body.to_owned() };
        Response { status, headers, body }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn dechunk(mut body: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = body.split_once("\r\n") {
        let size = usize::from_str_radix(size.trim(), 16).unwrap();
        if size == 0 {
            break;
        }
        out.push_str(&rest[..size]);
        body = &rest[size + 2..];
    }
    out
}

fn dog_payload() -> serde_json::Value {
    serde_json::json!({
        "formlotse": 1, "form": "ein-feld", "lang": "de",
        "answers": {"antwort": "Erika Mustermann"}
    })
}

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
    assert!(page.body.contains("/formlotse/formlotse.js") && page.body.contains("/playground.js"));

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
fn is_reference(value: &serde_json::Value) -> bool {
    value.as_str().is_some_and(|r| r.len() == 17 && r.starts_with("FL-") && r.as_bytes()[7] == b'-')
}

#[test]
fn a_valid_submission_is_stored_and_listed() {
    let server = Server::start("store");
    let empty = server.request("GET", "/api/submissions", None, b"");
    assert_eq!((empty.status, empty.body.as_str()), (200, "[]"));

    let payload = dog_payload();
    let created = server.post_json(&payload.to_string());
    assert_eq!(created.status, 201, "{}", created.body);
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
    assert_eq!(rejected.status, 422, "{}", rejected.body);
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
    assert_eq!(rejected.status, 422, "{}", rejected.body);
    assert_eq!(rejected.json()["errors"][0]["code"], "duplicateKey");
    assert!(rejected.json()["errors"][0]["detail"].as_str().unwrap().contains("/form"));

    assert_eq!(server.request("GET", "/api/submissions", None, b"").body, "[]");
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

impl Server {
    fn post_keyed(&self, path: &str, key: &str, body: &str) -> Response {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Type: application/json\r\nIdempotency-Key: {key}\r\nContent-Length: {}\r\n\r\n",
            self.address,
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Response::parse(&raw)
    }
}

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
    assert_eq!(conflict.status, 409, "{}", conflict.body);
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
    assert_eq!(retried.status, 200, "{}", retried.body);
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

fn multipart_body(payload: &serde_json::Value, files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----formlotse-test-boundary";
    let mut body = Vec::new();
    let mut part = |name: &str, file_name: &str, mime: &str, bytes: &[u8]| {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: {mime}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    };
    part("submission", "submission.json", "application/json", payload.to_string().as_bytes());
    for (id, bytes) in files {
        part(id, "plan.pdf", "application/pdf", bytes);
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A submission of the fixture `mit-dateien` with one file `f1` of `size` bytes.
fn file_payload(size: usize, sha256: &str) -> serde_json::Value {
    serde_json::json!({
        "formlotse": 1, "form": "mit-dateien", "lang": "de",
        "answers": {"ort": "Marktplatz 1", "plan": [{"id": "f1", "name": "plan.pdf", "type": "application/pdf", "size": size}]},
        "attachments": [{"id": "f1", "field": "plan", "name": "plan.pdf", "type": "application/pdf", "size": size, "sha256": sha256}]
    })
}

#[test]
fn multipart_submissions_keep_their_files_and_must_match_their_checksums() {
    let server = Server::start("multipart");
    let file: &[u8] = b"%PDF-1.4 ein Lageplan";
    let payload = |sha256: &str| file_payload(file.len(), sha256);
    let good = payload(&formlotse_core::sha256::hex(file));
    let (content_type, body) = multipart_body(&good, &[("f1", file)]);
    let created = server.request("POST", "/api/submissions", Some(&content_type), &body);
    assert_eq!(created.status, 201, "{}", created.body);
    let reference = created.json()["reference"].as_str().unwrap().to_owned();
    let stored = server.request("GET", &format!("/api/submissions/{reference}/attachments/f1"), None, b"");
    assert_eq!((stored.status, stored.body.as_bytes()), (200, file));
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
    assert_eq!(refused.status, 422, "{}", refused.body);
    assert_eq!(refused.json()["errors"][0]["field"], "plan");
    assert_eq!(refused.json()["errors"][0]["code"], "fileContent");
    assert_eq!(server.request("GET", "/api/submissions", None, b"").json().as_array().map(Vec::len), Some(1));
}
