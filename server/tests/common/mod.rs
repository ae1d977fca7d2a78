//! What the server's tests share: a temporary site (forms directory and configuration), the
//! server binary started on it on a free port, plain HTTP/1.1 over TCP, and the databases to
//! run against (SQLite always; PostgreSQL when `cargo xtask test` started one and put its URL
//! in `FORMLOTSE_TEST_POSTGRES`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

pub mod counterparts;
pub mod http;
pub mod openapi;

#[allow(unused_imports)] // each test file uses some of them
pub use http::{Response, parse, request};

/// The bearer token of the test client `hundesteuer` (forms ein-feld, mit-dateien,
/// mehrere-hunde, datum, hund-anmelden).
pub const TOKEN: &str = "test-token-hundesteuer-0123456789abcdef";
/// The bearer token of `gewerbe` (form gewerbe-anmelden only).
pub const OTHER_TOKEN: &str = "test-token-gewerbe-0123456789abcdef0123";
/// The page origin allowed to send the test forms.
pub const ORIGIN: &str = "https://www.musterstadt.de";

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The storage URLs to run a test against: `("sqlite", url)` in `dir`, and `("postgres", url)`
/// of a fresh database named `name` when PostgreSQL is there.
pub fn databases(name: &str, dir: &Path) -> Vec<(&'static str, String)> {
    let mut list = vec![("sqlite", format!("sqlite://{}", dir.join("formlotse.db").display()))];
    if let Some(url) = fresh_postgres(name) {
        list.push(("postgres", url));
    }
    list
}

/// A new, empty PostgreSQL database (dropped first if a previous run left it).
pub fn fresh_postgres(name: &str) -> Option<String> {
    let Ok(base) = std::env::var("FORMLOTSE_TEST_POSTGRES") else {
        eprintln!(
            "note: FORMLOTSE_TEST_POSTGRES is not set; {name} runs on SQLite only (cargo xtask test sets it)"
        );
        return None;
    };
    let database = format!("t_{}", name.replace('-', "_"));
    let mut client = postgres::Client::connect(&base, postgres::NoTls).expect("the test PostgreSQL answers");
    client.batch_execute(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)")).unwrap();
    client.batch_execute(&format!("CREATE DATABASE {database}")).unwrap();
    let (prefix, _) = base.rsplit_once('/').unwrap();
    Some(format!("{prefix}/{database}"))
}

/// A fresh directory, removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(name: &str) -> TempDir {
        let path = std::env::temp_dir().join(format!("formlotse-server-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A form with a date that may not be after today (for the midnight rule).
const DATE_FORM: &str = r#"{"formlotse": 1, "id": "datum", "title": "Datum", "steps": [{"id": "s", "title": "Wann",
  "fields": [{"id": "tag", "type": "date", "label": "Tag des Verlusts", "required": true, "maxDate": "today"}]}]}"#;

/// Writes `dir/forms/` (test fixtures and two samples) and `dir/formlotse.toml` for `storage`,
/// with `extra` appended; returns the configuration's path.
pub fn site(dir: &Path, storage: &str, extra: &str) -> PathBuf {
    let forms = dir.join("forms");
    std::fs::create_dir_all(&forms).unwrap();
    let root = workspace();
    for fixture in ["one-field.json", "with-file.json", "repeat.json"] {
        std::fs::copy(root.join("tests/fixtures").join(fixture), forms.join(fixture)).unwrap();
    }
    for sample in ["hund-anmelden.json", "gewerbe-anmelden.json"] {
        std::fs::copy(root.join("demo/forms").join(sample), forms.join(sample)).unwrap();
    }
    std::fs::write(forms.join("datum.json"), DATE_FORM).unwrap();
    let hash = |token: &str| formlotse_core::sha256::hex(token.as_bytes());
    let config = format!(
        r#"listen = "127.0.0.1:0"
storage = "{storage}"
forms_dir = "forms"

[limits]
header_timeout_seconds = 2
body_timeout_seconds = 3

[forms.ein-feld]
origins = ["{ORIGIN}"]
[forms.mit-dateien]
origins = ["{ORIGIN}"]
[forms.mehrere-hunde]
origins = ["{ORIGIN}"]
[forms.datum]
origins = ["{ORIGIN}"]
[forms.hund-anmelden]
origins = ["{ORIGIN}"]
[forms.gewerbe-anmelden]
origins = ["https://gewerbe.musterstadt.de"]

[[clients]]
name = "hundesteuer"
token = "sha256:{}"
forms = ["ein-feld", "mit-dateien", "mehrere-hunde", "datum", "hund-anmelden"]

[[clients]]
name = "gewerbe"
token = "sha256:{}"
forms = ["gewerbe-anmelden"]
{extra}"#,
        hash(TOKEN),
        hash(OTHER_TOKEN)
    );
    let path = dir.join("formlotse.toml");
    std::fs::write(&path, config).unwrap();
    path
}

/// The server binary, running.
pub struct Server {
    pub child: Child,
    pub address: String,
}

impl Server {
    /// Starts `formlotse-server serve --config CONFIG` and waits until it listens.
    pub fn start(config: &Path) -> Server {
        Server::start_with(config, &[])
    }

    /// The same, with these environment variables (secrets the configuration names).
    pub fn start_with(config: &Path, env: &[(&str, &str)]) -> Server {
        Server::spawn(config, env, Stdio::null())
    }

    /// The same, its log (JSON lines on stderr) written to `log`.
    pub fn start_logged(config: &Path, env: &[(&str, &str)], log: &Path) -> Server {
        Server::spawn(config, env, std::fs::File::create(log).unwrap().into())
    }

    fn spawn(config: &Path, env: &[(&str, &str)], stderr: Stdio) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_formlotse-server"))
            .args(["serve", "--config"])
            .arg(config)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let address = http::listening_address(&mut child, "formlotse-server listening on http://");
        Server { child, address }
    }

    /// One request; `headers` are added as given.
    pub fn request(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Response {
        request(&self.address, method, path, headers, body)
    }

    /// A JSON submission of form `form`.
    pub fn submit(&self, form: &str, key: Option<&str>, body: &str) -> Response {
        let mut headers = vec![("Content-Type", "application/json")];
        if let Some(key) = key {
            headers.push(("Idempotency-Key", key));
        }
        self.request("POST", &format!("/api/v1/forms/{form}/submissions"), &headers, body.as_bytes())
    }

    /// A pull API GET with the test client's token.
    pub fn pull(&self, path: &str) -> Response {
        self.request("GET", path, &[("Authorization", &format!("Bearer {TOKEN}"))], b"")
    }

    /// Stops the process at once (SIGKILL).
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Asks the process to stop (SIGTERM) and waits for it.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill").arg("-TERM").arg(self.child.id().to_string()).status();
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

/// A valid payload of `ein-feld`.
pub fn one_field(answer: &str) -> serde_json::Value {
    serde_json::json!({"formlotse": 1, "form": "ein-feld", "lang": "de", "answers": {"antwort": answer}})
}

/// A multipart body: the payload as `submission`, then the files as parts named by their ids.
pub fn multipart(payload: &[u8], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----formlotse-server-test";
    let mut body = Vec::new();
    let mut part = |name: &str, mime: &str, bytes: &[u8]| {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\nContent-Type: {mime}\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    };
    part("submission", "application/json", payload);
    for (id, mime, bytes) in files {
        part(id, mime, bytes);
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A `mit-dateien` payload with the given files (`(id, name, type, bytes)`) in field `plan`.
pub fn file_payload(files: &[(&str, &str, &str, &[u8])]) -> serde_json::Value {
    let answers: Vec<_> = files
        .iter()
        .map(|(id, name, mime, bytes)| serde_json::json!({"id": id, "name": name, "type": mime, "size": bytes.len()}))
        .collect();
    let attachments: Vec<_> = files
        .iter()
        .map(|(id, name, mime, bytes)| {
            serde_json::json!({"id": id, "field": "plan", "name": name, "type": mime, "size": bytes.len(),
                "sha256": formlotse_core::sha256::hex(bytes)})
        })
        .collect();
    serde_json::json!({"formlotse": 1, "form": "mit-dateien", "lang": "de",
        "answers": {"ort": "Marktplatz 1", "plan": answers}, "attachments": attachments})
}

/// A valid application of the dog sample (one dog, kept since ten days ago).
pub fn dog(name: &str) -> serde_json::Value {
    let days = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400;
    let (y, m, d) = formlotse_core::Date::from_days(days as i64 - 10).unwrap().parts();
    serde_json::json!({"formlotse": 1, "form": "hund-anmelden", "lang": "de", "answers": {
        "vorname": "Erika", "nachname": name, "geburtsdatum": "1980-05-01", "strasse": "Marktplatz 1",
        "plz": "48143", "ort": "Münster",
        "hunde": [{"hundename": "Bello", "rasse": "mischling", "gefaehrlich": false,
            "haltungsbeginn": format!("{y:04}-{m:02}-{d:02}"), "satz": 144}],
        "weitere_hunde": 0, "ermaessigung": "keine", "zahlungsart": "ueberweisung", "steuerbetrag": 96, "richtig": true}})
}

/// `[delivery]` with waits of milliseconds, and the dog form delivered by e-mail, as a folder
/// and by webhook (secret in `HOOK_SECRET`); the file form by e-mail and as a folder.
pub fn channels(smtp: u16, hook: u16, drop: &Path, lease_ms: u64, attempts: u32) -> String {
    let email = format!(
        "type = \"email\"\nsmtp = \"127.0.0.1:{smtp}\"\ntls = \"none\"\nfrom = \"formulare@musterstadt.de\"\nto = [\"hundesteuer@musterstadt.de\"]\n"
    );
    let folder = format!("type = \"folder\"\npath = \"{}\"\n", drop.display());
    format!(
        "[delivery]\nattempts = {attempts}\nfirst_retry_ms = 40\nmax_retry_ms = 400\npoll_ms = 50\nlease_ms = {lease_ms}\n\n\
         [[forms.hund-anmelden.deliver]]\n{email}\n[[forms.hund-anmelden.deliver]]\n{folder}\n\
         [[forms.hund-anmelden.deliver]]\ntype = \"webhook\"\nurl = \"http://127.0.0.1:{hook}/eingang\"\nsecret = \"env:HOOK_SECRET\"\ntimeout_seconds = 2\n\n\
         [[forms.mit-dateien.deliver]]\n{email}\n[[forms.mit-dateien.deliver]]\n{folder}"
    )
}
