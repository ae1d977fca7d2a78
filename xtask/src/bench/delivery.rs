//! Deliveries per second through the outbox, beside the receiving figures: `formlotse-server`
//! (profile `server`, SQLite) with the dog form delivered over one channel — e-mail to a real
//! SMTP server (aiosmtpd, as in the tests) or a folder on disk. `APPLICATIONS` submissions are
//! sent at once (receiving is an order of magnitude faster than delivering, each delivery
//! renders the PDF), then the time until the outbox holds every delivery done is taken:
//! deliveries per second = applications / that time, from the first submission.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::server::{get, payload, start};
use crate::Result;

const APPLICATIONS: u64 = 300;

/// The SMTP server of the tests, on a free port; killed when dropped.
struct Smtp(Child, u16);

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn smtp(root: &Path, out: &Path) -> Result<Smtp> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let mut child = Command::new("/usr/bin/python3")
        .arg(root.join("server/tests/counterparts/smtp.py"))
        .args(["--port", &port.to_string(), "--out"])
        .arg(out)
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the SMTP server: {e}"))?;
    let mut line = String::new();
    let stdout = child.stdout.take().ok_or("no stdout")?;
    BufReader::new(stdout).read_line(&mut line).map_err(|e| e.to_string())?;
    if line.trim() != "listening" {
        return Err("the SMTP server did not start (python3-aiosmtpd?)".into());
    }
    Ok(Smtp(child, port))
}

/// `cargo xtask bench deliveries`: this measurement alone; returns its table.
pub(crate) fn standalone(root: &Path) -> Result<String> {
    crate::cmd::run(crate::cmd::command(
        "cargo",
        &["build", "--profile", "server", "--package", "formlotse-server"],
        root,
    ))?;
    let work = root.join("target/bench/deliveries");
    std::fs::create_dir_all(work.join("forms")).map_err(|e| e.to_string())?;
    std::fs::copy(root.join("demo/forms/hund-anmelden.json"), work.join("forms/hund-anmelden.json"))
        .map_err(|e| format!("cannot copy the dog sample: {e}"))?;
    let rows = bench(root, &root.join("target/server/formlotse-server"), &work)?;
    Ok(markdown(&rows))
}

/// Both channels; returns the rows of the section.
pub(crate) fn bench(root: &Path, binary: &Path, work: &Path) -> Result<Value> {
    crate::tools::ensure_smtp_server(root)?;
    let mut rows = Vec::new();
    for channel in ["email", "folder"] {
        let dir = work.join(format!("delivery-{channel}"));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("drop")).map_err(|e| e.to_string())?;
        let server_smtp = smtp(root, &dir.join("smtp"))?;
        let target = match channel {
            "email" => format!(
                "type = \"email\"\nsmtp = \"127.0.0.1:{}\"\ntls = \"none\"\nfrom = \"formulare@musterstadt.de\"\nto = [\"hundesteuer@musterstadt.de\"]\n",
                server_smtp.1
            ),
            _ => format!("type = \"folder\"\npath = \"{}\"\n", dir.join("drop").display()),
        };
        let config = dir.join("formlotse.toml");
        let text = format!(
            "listen = \"127.0.0.1:0\"\nstorage = \"sqlite://{}\"\nforms_dir = \"{}\"\n[delivery]\npoll_ms = 50\n\n[forms.hund-anmelden]\n[[forms.hund-anmelden.deliver]]\n{target}",
            dir.join("bench.db").display(),
            work.join("forms").display()
        );
        std::fs::write(&config, text).map_err(|e| e.to_string())?;
        let server = start(binary, &config)?;
        let address = server.1.trim_start_matches("http://").to_owned();
        let body = payload().to_string();
        let begin = Instant::now();
        for _ in 0..APPLICATIONS {
            post(&address, &body)?;
        }
        let submitted = begin.elapsed();
        loop {
            let metrics = get(&address, "/metrics")?;
            let done = metrics
                .lines()
                .find_map(|l| l.strip_prefix("formlotse_deliveries{state=\"done\"} "))
                .and_then(|n| n.trim().parse::<u64>().ok())
                .unwrap_or(0);
            if done >= APPLICATIONS {
                break;
            }
            if begin.elapsed() > Duration::from_secs(600) {
                return Err(format!("{channel}: only {done} of {APPLICATIONS} delivered in 600 s"));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let seconds = begin.elapsed().as_secs_f64();
        let figures = json!({
            "channel": channel,
            "applications": APPLICATIONS,
            "deliveriesPerSecond": (APPLICATIONS as f64 / seconds * 10.0).round() / 10.0,
            "seconds": (seconds * 100.0).round() / 100.0,
            "submittedInSeconds": (submitted.as_secs_f64() * 100.0).round() / 100.0,
        });
        eprintln!("delivery bench {channel}: {figures}");
        rows.push(figures);
        drop(server);
    }
    Ok(Value::Array(rows))
}

/// One submission; an error unless `201`.
fn post(address: &str, body: &str) -> Result {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).map_err(|e| e.to_string())?;
    write!(
        stream,
        "POST /api/v1/forms/hund-anmelden/submissions HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .map_err(|e| e.to_string())?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw).map_err(|e| e.to_string())?;
    if raw.starts_with("HTTP/1.1 201") { Ok(()) } else { Err(format!("not stored: {raw}")) }
}

/// The table under the receiving figures.
pub(crate) fn markdown(rows: &Value) -> String {
    let mut out = format!(
        "\nDelivery through the outbox (SQLite, one server, `concurrency` 4): {APPLICATIONS} dog applications sent at once, then the time until every delivery was confirmed (each renders the tagged PDF).\n\n| channel | deliveries/s | all delivered after | all submitted after |\n| --- | --- | --- | --- |\n"
    );
    for row in rows.as_array().into_iter().flatten() {
        out.push_str(&format!(
            "| {} | {} | {} s | {} s |\n",
            row["channel"].as_str().unwrap_or("?"),
            row["deliveriesPerSecond"],
            row["seconds"],
            row["submittedInSeconds"]
        ));
    }
    out
}
