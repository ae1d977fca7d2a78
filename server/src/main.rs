//! `formlotse-server serve --config FILE | config-check FILE | hash-token | import-fim SCHEMA.xml …`.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use formlotse_server::{App, config, retention, router, serve, storage};

const USAGE: &str = "\
Usage: formlotse-server serve --config FILE
       formlotse-server config-check FILE
       formlotse-server hash-token < TOKEN
       formlotse-server import-fim SCHEMA.xml [--codelists DIR] [--out FORM.json]

serve:         receives applications and serves the pull API as FILE configures
               (docs/operating.md has every key).
config-check:  checks FILE and prints every error as FILE:LINE: what is wrong.
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

fn serve_with(file: &Path) -> ExitCode {
    let config = match config::load(file) {
        Ok(config) => config,
        Err(errors) => {
            for error in errors {
                eprintln!("{error}");
            }
            return ExitCode::FAILURE;
        }
    };
    let storage: Arc<dyn storage::Storage> = match storage::open(&config.storage) {
        Ok(storage) => Arc::from(storage),
        Err(error) => {
            eprintln!("formlotse-server: cannot open the storage: {error}");
            return ExitCode::FAILURE;
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("formlotse-server: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let app = Arc::new(App::new(&config, storage.clone()));
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(&config.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?;
        let local = listener.local_addr().map_err(|e| format!("no local address: {e}"))?;
        let sweeper =
            tokio::spawn(retention::run(storage, config.retention.clone(), app.receiver.metrics.clone()));
        formlotse_server::log::info("listening", &[("address", &local.to_string())]);
        // Tests and scripts read this exact line to learn the port.
        println!("formlotse-server listening on http://{local}");
        let _ = std::io::stdout().flush();
        serve::serve(listener, router(app), config.limits.header_timeout, serve::signal()).await;
        sweeper.abort();
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
