//! `formlotse-demo`: the dev server (demo page, dist/, sample forms, receiving endpoint) and the
//! `check` command for form definitions.

mod api;
mod caching;
mod check;
mod cli;
mod faults;
mod forms;
mod multipart;
mod problem;
mod samples;
mod server;
mod store;

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use cli::{Command, ServeOptions, USAGE, UsageError};

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
    let store = store::Store::open(&options.data_dir)?;
    println!("formlotse-demo: submissions are stored in {}", store.path().display());
    let mut dirs = vec![options.forms.clone()];
    dirs.extend(options.fixtures.clone());
    let receiver = Arc::new(api::Receiver {
        store,
        forms: forms::FormDirs(dirs),
        samples: options.forms.clone(),
        faults: Default::default(),
    });
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
        axum::serve(listener, server::router(options, receiver))
            .with_graceful_shutdown(shutdown_signal())
            .await
            .map_err(|e| format!("the server stopped: {e}"))
    })
}

/// Ctrl-C or SIGTERM: stop accepting, finish the requests in flight.
async fn shutdown_signal() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
}
