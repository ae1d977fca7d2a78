//! From the file as written to a [`Config`]: every value checked, every error at its line.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use formlotse_core::{Definition, FieldKind};
use toml::Spanned;

use super::file::{self, File};
use super::{Client, Config, FormConfig, Limits, Retention, delivery, secret};

/// One thing wrong with the configuration, at `file:line`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The configuration file as named on the command line.
    pub file: String,
    /// 1-based; 0 when the whole file is meant.
    pub line: usize,
    /// What is wrong, as a sentence fragment.
    pub message: String,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

pub(super) struct Errors<'a> {
    file: &'a str,
    text: &'a str,
    list: Vec<ConfigError>,
}

impl Errors<'_> {
    pub(super) fn at(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.text[..offset.min(self.text.len())].matches('\n').count() + 1;
        self.list.push(ConfigError { file: self.file.to_owned(), line, message: message.into() });
    }

    pub(super) fn at_value<T>(&mut self, value: &Spanned<T>, message: impl Into<String>) {
        self.at(value.span().start, message);
    }
}

pub(super) fn check(name: &str, text: &str, base: &Path) -> Result<Config, Vec<ConfigError>> {
    let mut errors = Errors { file: name, text, list: Vec::new() };
    let file: File = match toml::from_str(text) {
        Ok(file) => file,
        Err(error) => {
            let message = error.message().trim_end().replace('\n', " ");
            errors.at(error.span().map_or(0, |span| span.start), message);
            return Err(errors.list);
        }
    };
    let listen = file.listen.as_ref().map_or_else(|| "127.0.0.1:8080".to_owned(), |v| v.get_ref().clone());
    if let Some(value) = &file.listen
        && value.get_ref().parse::<std::net::SocketAddr>().is_err()
    {
        errors.at_value(value, "listen is an IP address and port, like \"127.0.0.1:8080\" or \"[::1]:8080\"");
    }
    let storage = storage(&mut errors, file.storage.as_ref(), base);
    let definitions = definitions(&mut errors, &file.forms_dir, base);
    let mut forms = BTreeMap::new();
    for (id, form) in &file.forms {
        let origins = form.get_ref().origins.iter().filter(|origin| check_origin(&mut errors, origin));
        let origins = origins.map(|origin| origin.get_ref().clone()).collect();
        let channels = delivery::channels(&mut errors, &form.get_ref().deliver, base);
        match definitions.get(id.get_ref()) {
            Some(definition) => {
                confirm_fields(&mut errors, &form.get_ref().deliver, definition);
                let definition = definition.clone();
                forms.insert(id.get_ref().clone(), FormConfig { definition, origins, channels });
            }
            None => errors.at_value(
                id,
                format!(
                    "no definition with id {:?} in the forms directory {:?}",
                    id.get_ref(),
                    file.forms_dir.get_ref()
                ),
            ),
        }
    }
    let mut clients: Vec<Client> = Vec::new();
    for client in &file.clients {
        let client = client.get_ref();
        if clients.iter().any(|c| &c.name == client.name.get_ref()) {
            errors.at_value(&client.name, format!("a second client named {:?}", client.name.get_ref()));
        }
        let token_sha256 = secret::token_hash(client.token.get_ref()).unwrap_or_else(|error| {
            errors.at_value(&client.token, error.to_string());
            String::new()
        });
        for form in &client.forms {
            if !file.forms.keys().any(|id| id.get_ref() == form.get_ref()) {
                errors.at_value(
                    form,
                    format!(
                        "{:?} is no form of this server (add a [forms.{}] table)",
                        form.get_ref(),
                        form.get_ref()
                    ),
                );
            }
        }
        let forms = client.forms.iter().map(|form| form.get_ref().clone()).collect();
        clients.push(Client { name: client.name.get_ref().clone(), token_sha256, forms });
    }
    let limits = limits(&mut errors, file.limits.as_ref().map(Spanned::get_ref));
    let retention = retention(&mut errors, file.retention.as_ref().map(Spanned::get_ref));
    let catalogs = catalogs(&mut errors, file.i18n_dir.as_ref(), base);
    let delivery = delivery::settings(&mut errors, file.delivery.as_ref().map(Spanned::get_ref));
    if errors.list.is_empty() {
        Ok(Config { listen, storage, forms, clients, limits, retention, delivery, catalogs })
    } else {
        Err(errors.list)
    }
}

fn storage(errors: &mut Errors<'_>, value: Option<&Spanned<String>>, base: &Path) -> String {
    let Some(value) = value else {
        return format!("sqlite://{}", base.join("data/formlotse.db").display());
    };
    let url = match secret::resolve(value.get_ref()) {
        Ok(url) => url,
        Err(error) => {
            errors.at_value(value, error.to_string());
            return String::new();
        }
    };
    if let Some(path) = url.strip_prefix("sqlite://") {
        if path.is_empty() {
            errors.at_value(value, "sqlite:// needs a file path, like \"sqlite://data/formlotse.db\"");
        }
        format!("sqlite://{}", base.join(path).display())
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        if url.contains(':')
            && url.contains('@')
            && !value.get_ref().starts_with("env:")
            && has_password(&url)
        {
            errors.at_value(value, "a PostgreSQL password does not belong in this file: write storage = \"env:NAME\" or use a .pgpass file");
        }
        url
    } else {
        errors.at_value(value, "storage is \"sqlite://PATH\" or \"postgres://USER@HOST/DATABASE\"");
        url
    }
}

/// Whether a postgres URL has `user:password@`.
fn has_password(url: &str) -> bool {
    let rest = url.split_once("://").map_or("", |(_, rest)| rest);
    rest.split_once('@').is_some_and(|(credentials, _)| credentials.contains(':'))
}

fn definitions(
    errors: &mut Errors<'_>,
    dir: &Spanned<String>,
    base: &Path,
) -> BTreeMap<String, Arc<Definition>> {
    let path = base.join(dir.get_ref());
    let entries = match std::fs::read_dir(&path) {
        Ok(entries) => entries,
        Err(error) => {
            errors.at_value(dir, format!("cannot read the forms directory {}: {error}", path.display()));
            return BTreeMap::new();
        }
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.retain(|p| p.extension().is_some_and(|ext| ext == "json"));
    files.sort();
    let mut definitions = BTreeMap::new();
    for file in files {
        let Ok(source) = std::fs::read_to_string(&file) else { continue };
        match formlotse_core::load(&source) {
            Ok(definition) => {
                definitions.entry(definition.id.clone()).or_insert_with(|| Arc::new(definition));
            }
            Err(diagnostics) => errors.at_value(
                dir,
                format!(
                    "{} does not load ({} problems; `formlotse-demo check` lists them)",
                    file.display(),
                    diagnostics.len()
                ),
            ),
        }
    }
    definitions
}

/// The catalogs of `i18n_dir`, or of the default place (German only when there is none).
fn catalogs(
    errors: &mut Errors<'_>,
    dir: Option<&Spanned<String>>,
    base: &Path,
) -> Arc<formlotse_core::catalog::Catalogs> {
    let path = match dir {
        Some(dir) => Some(base.join(dir.get_ref())),
        None => crate::catalogs::default_dir(base),
    };
    match path.map(|path| crate::catalogs::load_dir(&path)) {
        Some(Ok(catalogs)) => Arc::new(catalogs),
        Some(Err(message)) => {
            match dir {
                Some(dir) => errors.at_value(dir, message),
                None => errors.list.push(ConfigError { file: errors.file.to_owned(), line: 0, message }),
            }
            Arc::default()
        }
        None => Arc::default(),
    }
}

/// An origin is `scheme://host[:port]`: no path, no wildcard.
fn check_origin(errors: &mut Errors<'_>, origin: &Spanned<String>) -> bool {
    let text = origin.get_ref();
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    let ok = rest.is_some_and(|host| {
        !host.is_empty() && host.bytes().all(|b| b.is_ascii_alphanumeric() || b"-.:[]".contains(&b))
    });
    if !ok {
        errors.at_value(origin, format!("{text:?} is no origin: write \"https://www.musterstadt.de\" (scheme, host and port; no path, no \"*\")"));
    }
    ok
}

fn limits(errors: &mut Errors<'_>, file: Option<&file::Limits>) -> Limits {
    let mut limits = Limits::default();
    let Some(file) = file else { return limits };
    let mut positive = |value: &Option<Spanned<u64>>, name: &str, default: u64| -> u64 {
        match value {
            Some(v) if *v.get_ref() == 0 => {
                errors.at_value(v, format!("{name} must be at least 1"));
                default
            }
            Some(v) => *v.get_ref(),
            None => default,
        }
    };
    let size = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    limits.json_bytes = size(positive(&file.json_bytes, "json_bytes", limits.json_bytes as u64));
    limits.multipart_bytes =
        size(positive(&file.multipart_bytes, "multipart_bytes", limits.multipart_bytes as u64));
    limits.parts = size(positive(&file.parts, "parts", limits.parts as u64));
    let header = positive(&file.header_timeout_seconds, "header_timeout_seconds", 10);
    limits.header_timeout = Duration::from_secs(header);
    limits.body_timeout =
        Duration::from_secs(positive(&file.body_timeout_seconds, "body_timeout_seconds", 60));
    limits.concurrency = size(positive(&file.concurrency, "concurrency", limits.concurrency as u64));
    limits
}

fn retention(errors: &mut Errors<'_>, file: Option<&file::Retention>) -> Retention {
    let mut retention = Retention::default();
    let Some(file) = file else { return retention };
    if let Some(days) = &file.acknowledged_days {
        match u32::try_from(*days.get_ref()) {
            Ok(days) => retention.acknowledged_days = days,
            Err(_) => errors.at_value(days, "acknowledged_days is too large"),
        }
    }
    if let Some(seconds) = &file.sweep_interval_seconds {
        if *seconds.get_ref() == 0 {
            errors.at_value(seconds, "sweep_interval_seconds must be at least 1");
        } else {
            retention.sweep_interval = Duration::from_secs(*seconds.get_ref());
        }
    }
    retention
}

/// Each `confirm` names an e-mail field of the form (answered once, not in a repeatable group).
fn confirm_fields(errors: &mut Errors<'_>, channels: &[Spanned<file::Channel>], definition: &Definition) {
    for confirm in channels.iter().filter_map(|channel| channel.get_ref().confirm.as_ref()) {
        let field = definition.field(confirm.get_ref());
        if !field.is_some_and(|field| matches!(field.kind, FieldKind::Email)) {
            errors.at_value(
                confirm,
                format!("confirm names the form's e-mail field; {:?} is none", confirm.get_ref()),
            );
        }
    }
}
