//! What the demo's tests share: the binary started on a free port with a fresh data
//! directory, spoken to with the server tests' plain HTTP/1.1 client (one file, included).

#![allow(dead_code)]

#[path = "../../../server/tests/common/http.rs"]
pub mod http;

pub use http::Response;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

pub struct Server {
    pub child: Child,
    pub address: String,
    pub data: PathBuf,
}

impl Server {
    /// A server on a fresh data directory.
    pub fn start(name: &str) -> Server {
        let data = std::env::temp_dir().join(format!("formlotse-demo-http-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        Server::start_on(data)
    }

    /// A server on `data`, as it is.
    pub fn start_on(data: PathBuf) -> Server {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf();
        let mut child = Command::new(env!("CARGO_BIN_EXE_formlotse-demo"))
            .args(["serve", "--port", "0", "--data-dir"])
            .arg(&data)
            .arg("--fixtures")
            .arg(root.join("tests/fixtures"))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let address = http::listening_address(&mut child, "formlotse-demo listening on http://");
        Server { child, address, data }
    }

    /// One request; returns status, lower-cased headers and body.
    pub fn request(&self, method: &str, path: &str, content_type: Option<&str>, body: &[u8]) -> Response {
        let headers: Vec<(&str, &str)> = content_type.map(|t| ("Content-Type", t)).into_iter().collect();
        http::request(&self.address, method, path, &headers, body)
    }

    /// A JSON submission with an `Idempotency-Key`.
    pub fn post_keyed(&self, path: &str, key: &str, body: &str) -> Response {
        let headers = [("Content-Type", "application/json"), ("Idempotency-Key", key)];
        http::request(&self.address, "POST", path, &headers, body.as_bytes())
    }

    pub fn post_json(&self, body: &str) -> Response {
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

pub fn dog_payload() -> serde_json::Value {
    serde_json::json!({
        "formlotse": 1, "form": "ein-feld", "lang": "de",
        "answers": {"antwort": "Erika Mustermann"}
    })
}

pub fn is_reference(value: &serde_json::Value) -> bool {
    value.as_str().is_some_and(|r| r.len() == 17 && r.starts_with("FL-") && r.as_bytes()[7] == b'-')
}

pub fn multipart_body(payload: &serde_json::Value, files: &[(&str, &[u8])]) -> (String, Vec<u8>) {
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
pub fn file_payload(size: usize, sha256: &str) -> serde_json::Value {
    serde_json::json!({
        "formlotse": 1, "form": "mit-dateien", "lang": "de",
        "answers": {"ort": "Marktplatz 1", "plan": [{"id": "f1", "name": "plan.pdf", "type": "application/pdf", "size": size}]},
        "attachments": [{"id": "f1", "field": "plan", "name": "plan.pdf", "type": "application/pdf", "size": size, "sha256": sha256}]
    })
}
