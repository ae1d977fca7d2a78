//! The configuration file (TOML), documented key by key in docs/operating.md. Reading it is
//! [`load`]: the TOML is parsed ([`file`]), then every value is checked against the others and
//! the disk (`check`), and every error says `FILE:line: what is wrong`.

mod check;
pub mod delivery;
pub mod email;
mod file;
pub mod secret;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use formlotse_core::Definition;

pub use check::ConfigError;
pub use delivery::{Channel, Delivery, Target};

/// A checked configuration: everything a server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// `host:port` to listen on.
    pub listen: String,
    /// `sqlite://PATH` or `postgres://…` (the secret already resolved).
    pub storage: String,
    /// The accepted forms by id, with their definitions.
    pub forms: BTreeMap<String, FormConfig>,
    /// The back-office clients of the pull API.
    pub clients: Vec<Client>,
    /// Request limits and timeouts.
    pub limits: Limits,
    /// How long acknowledged applications are kept.
    pub retention: Retention,
    /// How the outbox retries.
    pub delivery: Delivery,
    /// The language catalogs problem details are written from (`i18n_dir`).
    pub catalogs: std::sync::Arc<formlotse_core::catalog::Catalogs>,
}

/// One accepted form.
#[derive(Debug, Clone)]
pub struct FormConfig {
    /// Its definition, loaded from the forms directory.
    pub definition: std::sync::Arc<Definition>,
    /// Page origins allowed to send it from a browser (`https://www.musterstadt.de`).
    pub origins: Vec<String>,
    /// Where its applications are delivered (none: only the pull API).
    pub channels: Vec<Channel>,
}

/// A back-office client of the pull API.
#[derive(Debug, Clone)]
pub struct Client {
    /// Its name, for logs.
    pub name: String,
    /// The SHA-256 (hex) of its bearer token.
    pub token_sha256: String,
    /// The form ids it may read and acknowledge.
    pub forms: Vec<String>,
}

/// Limits per route, and timeouts.
#[derive(Debug, Clone, PartialEq)]
pub struct Limits {
    /// The largest `application/json` submission.
    pub json_bytes: usize,
    /// The largest `multipart/form-data` submission, all parts together.
    pub multipart_bytes: usize,
    /// The most parts of a multipart submission (the payload and its files).
    pub parts: usize,
    /// Time for a client to send a request's head.
    pub header_timeout: Duration,
    /// Time for a client to send a request's body.
    pub body_timeout: Duration,
    /// How many submissions are checked and stored at the same time (more wait).
    pub concurrency: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            json_bytes: 1024 * 1024,
            multipart_bytes: 32 * 1024 * 1024,
            parts: 21,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(60),
            concurrency: std::thread::available_parallelism().map_or(2, |n| n.get() * 2),
        }
    }
}

/// Retention of acknowledged applications.
#[derive(Debug, Clone, PartialEq)]
pub struct Retention {
    /// Days an acknowledged application is kept after its acknowledgement.
    pub acknowledged_days: u32,
    /// How often the server looks for applications to delete.
    pub sweep_interval: Duration,
}

impl Default for Retention {
    fn default() -> Retention {
        Retention { acknowledged_days: 30, sweep_interval: Duration::from_secs(3600) }
    }
}

/// Reads and checks the configuration at `path`. Relative paths in it are relative to the
/// file's directory. `env:NAME` secrets are read from the environment now.
pub fn load(path: &Path) -> Result<Config, Vec<ConfigError>> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        vec![ConfigError {
            file: path.display().to_string(),
            line: 0,
            message: format!("cannot read: {error}"),
        }]
    })?;
    let base: PathBuf = path.parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    check::check(&path.display().to_string(), &text, &base)
}
