//! The server section of `cargo xtask bench`: `wrk` (Debian's, a real load generator) posts the
//! dog sample's payload to `formlotse-server` (profile `server`) at 32 concurrent connections
//! for 30 s, each request with its own `Idempotency-Key`, on SQLite (`synchronous=FULL`) and on
//! PostgreSQL, with one server and with two (two wrk processes, 16 connections each). Reported:
//! submissions per second, p50 and p99 latency, the answers `201`, and the applications stored
//! (counted through the pull API), which must be equal.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use serde_json::{Value, json};

use crate::Result;
use crate::cmd::{command, run};
use crate::postgres::Postgres;

const CONNECTIONS: usize = 32;
const SECONDS: u32 = 30;
const TOKEN: &str = "bench-token-0123456789abcdef0123456789abcdef";

/// Prints per request nothing; at the end one JSON line with the figures (the `201`s counted per
/// thread). Every request gets a key of its own (wrk process, thread, counter), as every
/// citizen's application has one.
const SCRIPT: &str = r#"
threads = {}
function setup(thread) table.insert(threads, thread); thread:set("id", #threads) end
function init(args) wrk.body = io.open(args[1]):read("*a"); prefix = args[2]; counter = 0; created = 0 end
function request()
  counter = counter + 1
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Idempotency-Key"] = "bench-" .. prefix .. "-" .. id .. "-" .. counter}, wrk.body)
end
function response(status) if status == 201 then created = created + 1 end end
function done(summary, latency, requests)
  local e, c = summary.errors, 0
  for _, thread in ipairs(threads) do c = c + thread:get("created") end
  io.write(string.format('FIGURES {"requests": %d, "created": %d, "micros": %d, "p50": %d, "p99": %d, "status_errors": %d, "socket_errors": %d}\n',
    summary.requests, c, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
"#;

/// Runs the four configurations; returns the report's section as JSON.
pub(crate) fn bench(root: &Path) -> Result<Value> {
    ensure_wrk(root)?;
    run(command("cargo", &["build", "--profile", "server", "--package", "formlotse-server"], root))?;
    let binary = root.join("target/server/formlotse-server");
    let work = root.join("target/bench/server");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("forms"))
        .map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    std::fs::copy(root.join("demo/forms/hund-anmelden.json"), work.join("forms/hund-anmelden.json"))
        .map_err(|e| format!("cannot copy the dog sample: {e}"))?;
    std::fs::write(work.join("payload.json"), payload().to_string()).map_err(|e| e.to_string())?;
    std::fs::write(work.join("post.lua"), SCRIPT).map_err(|e| e.to_string())?;

    let postgres = Postgres::start(root)?;
    let mut results = Vec::new();
    for (storage, instances) in [("sqlite", 1), ("sqlite", 2), ("postgres", 1), ("postgres", 2)] {
        let url = match storage {
            "sqlite" => format!("sqlite://{}", work.join(format!("bench-{instances}.db")).display()),
            _ => postgres.create_database(&format!("bench_{instances}"))?,
        };
        let figures = measure(&binary, &work, &url, instances)?;
        eprintln!("server bench {storage} × {instances}: {figures}");
        results.push(json!({"storage": storage, "instances": instances, "figures": figures}));
    }
    drop(postgres);
    let deliveries = super::delivery::bench(root, &binary, &work)?;
    // Other work on the machine shows in the latencies; say how busy it was.
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?").to_owned();
    Ok(
        json!({"connections": CONNECTIONS, "seconds": SECONDS, "deliveries": deliveries, "loadAverage": load, "cpus": std::thread::available_parallelism().map_or(0, std::num::NonZero::get), "runs": results}),
    )
}

/// A valid application of the dog sample (one dog, kept since ten days ago).
pub(super) fn payload() -> Value {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs() / 86_400).unwrap_or(0));
    let (y, m, d) =
        formlotse_core::Date::from_days(days - 10).map_or((2026, 1, 1), formlotse_core::Date::parts);
    json!({"formlotse": 1, "form": "hund-anmelden", "lang": "de", "answers": {
        "vorname": "Erika", "nachname": "Mustermann", "geburtsdatum": "1980-05-01", "strasse": "Marktplatz 1",
        "plz": "48143", "ort": "Münster",
        "hunde": [{"hundename": "Bello", "rasse": "mischling", "gefaehrlich": false,
            "haltungsbeginn": format!("{y:04}-{m:02}-{d:02}"), "satz": 144}],
        "weitere_hunde": 0, "ermaessigung": "keine", "zahlungsart": "ueberweisung", "steuerbetrag": 96, "richtig": true}})
}

fn ensure_wrk(root: &Path) -> Result {
    if Command::new("wrk").arg("--version").output().is_ok() {
        return Ok(());
    }
    run(command("apt-get", &["install", "-y", "--no-install-recommends", "wrk"], root))
        .map_err(|e| format!("{e}\nInstall wrk yourself: apt-get install wrk"))
}

/// A server process; killed when dropped.
pub(super) struct Instance(Child, pub(super) String);

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(super) fn start(binary: &Path, config: &Path) -> Result<Instance> {
    let mut child = Command::new(binary)
        .args(["serve", "--config"])
        .arg(config)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    loop {
        match lines.next() {
            Some(Ok(line)) => {
                if let Some(url) = line.strip_prefix("formlotse-server listening on ") {
                    return Ok(Instance(child, url.to_owned()));
                }
            }
            _ => return Err("the server ended before listening".into()),
        }
    }
}

fn measure(binary: &Path, work: &Path, url: &str, instances: usize) -> Result<Value> {
    let config = work.join(format!("bench-{instances}.toml"));
    let text = format!(
        "listen = \"127.0.0.1:0\"\nstorage = \"{url}\"\nforms_dir = \"forms\"\n[forms.hund-anmelden]\n\n[[clients]]\nname = \"bench\"\ntoken = \"sha256:{}\"\nforms = [\"hund-anmelden\"]\n",
        formlotse_core::sha256::hex(TOKEN.as_bytes())
    );
    std::fs::write(&config, text).map_err(|e| e.to_string())?;
    let servers: Vec<Instance> = (0..instances).map(|_| start(binary, &config)).collect::<Result<_>>()?;
    let per = CONNECTIONS / instances;
    let loads: Vec<Child> = servers
        .iter()
        .enumerate()
        .map(|(index, server)| {
            Command::new("wrk")
                .args(["-t", "2", "-c", &per.to_string(), "-d", &format!("{SECONDS}s"), "--latency", "-s"])
                .arg(work.join("post.lua"))
                .arg(format!("{}/api/v1/forms/hund-anmelden/submissions", server.1))
                .arg("--")
                .arg(work.join("payload.json"))
                .arg(index.to_string())
                .stdout(Stdio::piped())
                .spawn()
                .map_err(|e| format!("cannot start wrk: {e}"))
        })
        .collect::<Result<_>>()?;
    let mut figures = Vec::new();
    for load in loads {
        let output = load.wait_with_output().map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&output.stdout);
        let line = text
            .lines()
            .find_map(|l| l.strip_prefix("FIGURES "))
            .ok_or_else(|| format!("wrk printed no figures:\n{text}"))?;
        figures.push(serde_json::from_str::<Value>(line).map_err(|e| e.to_string())?);
    }
    let sum = |key: &str| figures.iter().map(|f| f[key].as_u64().unwrap_or(0)).sum::<u64>();
    let worst = |key: &str| figures.iter().map(|f| f[key].as_u64().unwrap_or(0)).max().unwrap_or(0);
    let answered_201 = sum("created");
    let seconds = worst("micros") as f64 / 1e6;
    let stored = count_stored(&servers[0].1)?;
    // wrk stops with up to one request per connection in flight: the server may store those
    // without wrk counting the answer. Fewer stored than answered 201 is a lost application.
    if stored < answered_201 || stored - answered_201 > CONNECTIONS as u64 {
        return Err(format!("{answered_201} answered 201 but {stored} stored ({url})"));
    }
    Ok(json!({
        "submissionsPerSecond": (answered_201 as f64 / seconds).round(),
        "p50Ms": worst("p50") as f64 / 1000.0,
        "p99Ms": worst("p99") as f64 / 1000.0,
        "answered201": answered_201,
        "otherAnswers": sum("requests") - answered_201,
        "socketErrors": sum("socket_errors"),
        "stored": stored,
        "storedInFlightAtTheEnd": stored - answered_201,
    }))
}

/// Applications stored, counted page by page through the pull API.
fn count_stored(base: &str) -> Result<u64> {
    let address = base.trim_start_matches("http://").to_owned();
    let mut count = 0;
    let mut after = String::new();
    loop {
        let body = get(&address, &format!("/api/v1/applications?limit=500{after}"))?;
        let page: Value = serde_json::from_str(&body).map_err(|e| format!("{e}: {body}"))?;
        let items = page["items"].as_array().map_or(0, Vec::len);
        count += items as u64;
        match page["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => return Ok(count),
        }
    }
}

pub(super) fn get(address: &str, path: &str) -> Result<String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).map_err(|e| e.to_string())?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nAuthorization: Bearer {TOKEN}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw).map_err(|e| e.to_string())?;
    let (_, body) = raw.split_once("\r\n\r\n").ok_or("no response")?;
    Ok(body.to_owned())
}

/// The section of report.md.
pub(crate) fn markdown(section: &Value) -> String {
    let mut out = format!(
        "## Server\n\n`wrk`, {} connections, {} s, the dog sample's payload with a key each; `formlotse-server` (profile `server`); {} CPUs, load average {} at the end.\n\n| storage | servers | submissions/s | p50 | p99 | answered 201 | stored | of them in flight at the end |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n",
        section["connections"],
        section["seconds"],
        section["cpus"],
        section["loadAverage"].as_str().unwrap_or("?")
    );
    for run in section["runs"].as_array().into_iter().flatten() {
        let f = &run["figures"];
        out.push_str(&format!(
            "| {} | {} | {} | {} ms | {} ms | {} | {} | {} |\n",
            run["storage"].as_str().unwrap_or("?"),
            run["instances"],
            f["submissionsPerSecond"],
            f["p50Ms"],
            f["p99Ms"],
            f["answered201"],
            f["stored"],
            f["storedInFlightAtTheEnd"]
        ));
    }
    if let Some(rows) = section.get("deliveries") {
        out.push_str(&super::delivery::markdown(rows));
    }
    out
}
