//! `formlotse-server serve --config FILE | config-check FILE | deliveries retry --config FILE REF |
//! hash-token | import-fim SCHEMA.xml …`.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use formlotse_server::{App, config, deliver, retention, router, serve, storage};

const USAGE: &str = "\
Usage: formlotse-server serve --config FILE
       formlotse-server config-check FILE
       formlotse-server deliveries retry --config FILE REFERENCE
       formlotse-server hash-token < TOKEN
       formlotse-server import-fim SCHEMA.xml [--codelists DIR] [--out FORM.json]

serve:         receives applications and serves the pull API as FILE configures
               (docs/operating.md has every key).
config-check:  checks FILE and prints every error as FILE:LINE: what is wrong.
deliveries retry: queues the failed deliveries of an application again, with
               fresh attempts (a running server sends them within its poll_ms).
hash-token:    reads a client's bearer token from stdin and prints the line for
               the configuration (token = \"sha256:…\").
import-fim:    turns a FIM data-field schema (XDatenfelder 2.0 or 3.0) into a form
               definition and reports what needs an author (docs/fim-import.md).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    // The FIM import's command line is the fim crate's (the same as the `formlotse-fim` tool).
    if args.first().map(String::as_str) == Some("import-fim") {
        return formlotse_fim::run_cli(&args[1..]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["serve", "--config", file] => serve_with(Path::new(file)),
        ["deliveries", "retry", "--config", file, reference] => retry(Path::new(file), reference),
        ["config-check", file] => match config::load(Path::new(file)) {
            Ok(config) => {
                println!("{file}: ok ({} forms, {} clients)", config.forms.len(), config.clients.len());
                ExitCode::SUCCESS
            }
            Err(errors) => {
                for error in errors {
                    println!("{error}");
                }
                ExitCode::FAILURE
            }
        },
        ["hash-token"] => {
            let mut token = String::new();
            let _ = std::io::stdin().lock().read_line(&mut token);
            let token = token.trim_end_matches(['\r', '\n']);
            if token.len() < 32 {
                eprintln!(
                    "formlotse-server: a token needs at least 32 characters (try `openssl rand -hex 32`)"
                );
                return ExitCode::FAILURE;
            }
            println!("token = \"sha256:{}\"", formlotse_core::sha256::hex(token.as_bytes()));
            ExitCode::SUCCESS
        }
        ["--help" | "-h" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The checked configuration and its opened storage, or the exit after printing why not.
fn open(file: &Path) -> Result<(config::Config, Arc<dyn storage::Storage>), ExitCode> {
    let config = config::load(file).map_err(|errors| {
        for error in errors {
            eprintln!("{error}");
        }
        ExitCode::FAILURE
    })?;
    let storage = storage::open(&config.storage).map_err(|error| {
        eprintln!("formlotse-server: cannot open the storage: {error}");
        ExitCode::FAILURE
    })?;
    Ok((config, Arc::from(storage)))
}

/// `deliveries retry --config FILE REF`.
fn retry(file: &Path, reference: &str) -> ExitCode {
    let (_, storage) = match open(file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let reference = formlotse_server::reference::canonical(reference);
    match storage.retry_deliveries(&reference, formlotse_server::clock::now_millis()) {
        Ok(n) => {
            println!("{reference}: {n} failed deliveries queued again");
            if n == 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
        }
        Err(error) => {
            eprintln!("formlotse-server: {error}");
            ExitCode::FAILURE
        }
    }
}

fn serve_with(file: &Path) -> ExitCode {
    let (config, storage) = match open(file) {
        Ok(opened) => opened,
        Err(code) => return code,
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("formlotse-server: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let app = Arc::new(App::new(&config, storage.clone()));
    let outbox = if deliver::configured(&config) {
        let (metrics, wake) = (app.receiver.metrics.clone(), app.receiver.wake.clone());
        match deliver::Outbox::new(&config, storage.clone(), metrics, wake) {
            Ok(outbox) => Some(Arc::new(outbox)),
            Err(error) => {
                eprintln!("formlotse-server: cannot deliver: {error}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        None
    };
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&config.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
        let local = listener.local_addr().map_err(|e| format!("no local address: {e}"))?;
        let sweeper =
            tokio::spawn(retention::run(storage, config.retention.clone(), app.receiver.metrics.clone()));
        let worker = outbox.map(|outbox| tokio::spawn(deliver::run(outbox)));
        formlotse_server::log::info("listening", &[("address", &local.to_string())]);
        // Tests and scripts read this exact line to learn the port.
        println!("formlotse-server listening on http://{local}");
        let _ = std::io::stdout().flush();
        serve::serve(listener, router(app), config.limits.header_timeout, serve::signal()).await;
        sweeper.abort();
        // Attempts under way finish on their blocking threads before the runtime ends.
        if let Some(worker) = worker {
            worker.abort();
        }
        formlotse_server::log::info("stopped", &[]);
        Ok::<(), String>(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("formlotse-server: {message}");
            ExitCode::FAILURE
        }
    }
}
