//! `cargo xtask test`: everything CI checks, in the order that fails fastest.

use crate::cmd::{command, run};
use crate::{Result, budget, dist, postgres, root, tools};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// Runs lints, native tests, the dist build and the browser tests.
pub(crate) fn test(args: &[String]) -> Result {
    let root = root();
    match args.first().map(String::as_str) {
        None => {}
        // The receiver's suites alone, on SQLite and PostgreSQL: quick while working on them.
        Some("server") => return server_tests(&root),
        Some(unknown) => return Err(format!("unknown argument {unknown}; usage: cargo xtask test [server]")),
    }
    run(command("cargo", &["fmt", "--all", "--check"], &root))?;
    run(command("cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"], &root))?;
    // The browser crate is linted for its own target, which a fresh machine does not have yet.
    tools::ensure_wasm_toolchain(&root)?;
    run(command(
        "cargo",
        &[
            "clippy",
            "--package",
            "formlotse-web",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
        &root,
    ))?;
    tools::ensure_pdf_tools(&root)?;
    tools::ensure_smtp_server(&root)?;
    // The server's suite runs on SQLite and on this real PostgreSQL (stopped when dropped).
    let postgres = postgres::Postgres::start(&root)?;
    let mut tests = command("cargo", &["test", "--workspace"], &root);
    tests.env("FORMLOTSE_TEST_POSTGRES", &postgres.url);
    run(tests)?;
    drop(postgres);
    print_fault_matrix(&root);
    let built = dist::dist()?;
    budget::check(&root, built.sizes.gzip)?;
    end_to_end(&root)
}

/// `cargo test` of the server and the demo with a real PostgreSQL.
fn server_tests(root: &Path) -> Result {
    tools::ensure_pdf_tools(root)?;
    tools::ensure_smtp_server(root)?;
    let postgres = postgres::Postgres::start(root)?;
    let mut tests = command("cargo", &["test", "-p", "formlotse-server", "-p", "formlotse-demo"], root);
    tests.env("FORMLOTSE_TEST_POSTGRES", &postgres.url);
    run(tests)?;
    print_fault_matrix(root);
    Ok(())
}

/// The delivery fault matrix's exact counts, as the server's test wrote them.
fn print_fault_matrix(root: &Path) {
    if let Ok(text) = std::fs::read_to_string(root.join("target/tmp/fault-matrix.txt")) {
        println!("delivery fault matrix (server/tests/faults.rs):\n{text}");
    }
}

/// Starts the demo server on a free loopback port and runs the Node suite against it.
fn end_to_end(root: &Path) -> Result {
    let chromium = tools::ensure_chromium(root)?;
    tools::ensure_npm_packages(root)?;
    run(command("cargo", &["build", "--package", "formlotse-demo"], root))?;

    let work = root.join("target/e2e");
    if work.exists() {
        std::fs::remove_dir_all(&work).map_err(|e| format!("cannot clear {}: {e}", work.display()))?;
    }
    let server = DemoServer::start(root, &work.join("data"))?;
    eprintln!("demo server for the browser tests: {}", server.url);

    let mut node = command("node", &["--test", "--test-concurrency=1", "e2e/"], &root.join("tests"));
    node.env("FORMLOTSE_URL", &server.url)
        .env("CHROMIUM", &chromium)
        .env("FORMLOTSE_ARTIFACTS", work.join("artifacts"));
    run(node)
}

/// The demo server as a child process; killed when dropped.
struct DemoServer {
    child: Child,
    url: String,
}

impl DemoServer {
    fn start(root: &Path, data: &Path) -> Result<DemoServer> {
        let binary: PathBuf = root.join("target/debug/formlotse-demo");
        let mut command = Command::new(&binary);
        command
            .args(["serve", "--host", "127.0.0.1", "--port", "0", "--data-dir"])
            .arg(data)
            .arg("--fixtures")
            .arg(root.join("tests/fixtures"))
            .current_dir(root)
            .stdout(Stdio::piped());
        let mut child = command.spawn().map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().ok_or("the demo server has no stdout")?;
        // The server prints its address once it listens; wait for it, but not forever.
        let (lines, received) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(std::result::Result::ok) {
                println!("[demo] {line}");
                let _ = lines.send(line);
            }
        });
        let mut server = DemoServer { child, url: String::new() };
        loop {
            match received.recv_timeout(Duration::from_secs(60)) {
                Ok(line) => {
                    if let Some(url) = line.split("listening on ").nth(1) {
                        server.url = url.trim().to_owned();
                        return Ok(server);
                    }
                }
                Err(_) => return Err("the demo server did not say where it listens within 60 s".into()),
            }
        }
    }
}

impl Drop for DemoServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
