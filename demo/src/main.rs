//! `formlotse-demo`: the dev server (demo page, dist/, sample forms, receiving endpoint) and the
//! `check` command for form definitions.

mod api;
mod caching;
mod check;
mod cli;
mod faults;
mod samples;
mod server;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use cli::{Command, ServeOptions, USAGE, UsageError};

/// The demo's database inside `--data-dir`: the server crate's schema (a file of the older
/// demo, `submissions.sqlite3`, is left alone).
const DATABASE_FILE: &str = "formlotse.db";

fn main() -> ExitCode {
    match cli::parse(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Check(files)) => {
            if check::run(&files) == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Ok(Command::Serve(options)) => match serve(&options) {
            Ok(()) => ExitCode::SUCCESS,
            Err(message) => {
                eprintln!("formlotse-demo: {message}");
                ExitCode::FAILURE
            }
        },
        Err(UsageError(message)) => {
            eprintln!("formlotse-demo: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn serve(options: &ServeOptions) -> Result<(), String> {
    if !options.dist.join("formlotse.js").is_file() {
        eprintln!(
            "formlotse-demo: warning: {} has no formlotse.js; run `cargo xtask dist` (or `cargo xtask demo`)",
            options.dist.display()
        );
    }
    let database = options.data_dir.join(DATABASE_FILE);
    let storage = formlotse_server::storage::open(&format!("sqlite://{}", database.display()))
        .map_err(|e| format!("cannot open {}: {e}", database.display()))?;
    println!("formlotse-demo: submissions are stored in {}", database.display());
    let mut dirs = vec![options.forms.clone()];
    dirs.extend(options.fixtures.clone());
    // The receiver refuses in the citizen's language with the catalogs the browser fetches.
    let i18n = options.dist.join("i18n");
    let i18n =
        if i18n.is_dir() { Some(i18n) } else { formlotse_server::catalogs::default_dir(&options.dist) };
    let catalogs = match i18n {
        Some(dir) => formlotse_server::catalogs::load_dir(&dir)?,
        None => Default::default(),
    };
    let receiver = Arc::new(
        formlotse_server::Receiver::new(
            Arc::from(storage),
            formlotse_server::forms::Forms::Directories(dirs),
            formlotse_server::config::Limits::default(),
            Arc::default(),
        )
        .with_catalogs(Arc::new(catalogs)),
    );
    let demo = Arc::new(api::Demo { receiver, samples: options.forms.clone(), faults: Default::default() });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    runtime.block_on(async {
        let address = format!("{}:{}", options.host, options.port);
        let listener = tokio::net::TcpListener::bind(&address)
            .await
            .map_err(|e| format!("cannot listen on {address}: {e}"))?;
        let local = listener.local_addr().map_err(|e| format!("no local address: {e}"))?;
        // xtask and the integration tests read this exact line to learn the port.
        println!("formlotse-demo listening on http://{local}");
        let _ = std::io::stdout().flush();
        axum::serve(listener, server::router(options, demo))
            .with_graceful_shutdown(formlotse_server::serve::signal())
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}
