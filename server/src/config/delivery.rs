//! Where a form's applications go (`[[forms.ID.deliver]]`, any number of channels) and how the
//! outbox retries (`[delivery]`), checked key by key with `FILE:line` errors.

use std::path::{Path, PathBuf};
use std::time::Duration;

use toml::Spanned;

use super::check::Errors;
pub use super::email::{Email, Tls};
use super::{file, secret};

/// How the outbox works off its deliveries.
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// Attempts per delivery before it is `failed` (then `formlotse-server deliveries retry`).
    pub attempts: u32,
    /// The wait after the first failed attempt; it doubles per attempt, with jitter.
    pub first_retry: Duration,
    /// The longest wait between two attempts.
    pub max_retry: Duration,
    /// How long a claimed delivery is reserved for its worker; after that (the process died)
    /// another worker takes it. Longer than any channel's timeout.
    pub lease: Duration,
    /// How often an idle worker looks for due deliveries (a new application wakes it at once).
    pub poll: Duration,
    /// Deliveries sent at the same time by one process.
    pub concurrency: usize,
    /// The server's public address (`https://formulare.musterstadt.de`), for the attachment
    /// links in webhooks; without it the links are paths.
    pub public_url: Option<String>,
}

impl Default for Delivery {
    fn default() -> Delivery {
        Delivery {
            attempts: 12,
            first_retry: Duration::from_secs(30),
            max_retry: Duration::from_secs(3600),
            lease: Duration::from_secs(300),
            poll: Duration::from_secs(1),
            concurrency: 4,
            public_url: None,
        }
    }
}

/// One channel of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    /// Unique per form; part of every delivery id, so renaming it starts new deliveries.
    pub name: String,
    pub target: Target,
}

/// Where a channel delivers.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Email(Email),
    /// One folder per application below this directory.
    Folder(PathBuf),
    Webhook(Webhook),
}

/// A signed HTTP POST (Standard Webhooks).
#[derive(Debug, Clone, PartialEq)]
pub struct Webhook {
    pub url: String,
    /// The key the secret `whsec_…` encodes.
    pub key: Vec<u8>,
    pub timeout: Duration,
    /// The files inline, as parts of a `multipart/form-data` body (`attachments = "inline"`),
    /// instead of links to the pull API.
    pub inline: bool,
}

pub(super) fn settings(errors: &mut Errors<'_>, file: Option<&file::Delivery>) -> Delivery {
    let mut delivery = Delivery::default();
    let Some(file) = file else { return delivery };
    let mut positive = |value: &Option<Spanned<u64>>, name: &str| -> Option<u64> {
        let value = value.as_ref()?;
        if *value.get_ref() == 0 {
            errors.at_value(value, format!("{name} must be at least 1"));
            return None;
        }
        Some(*value.get_ref())
    };
    if let Some(n) = positive(&file.attempts, "attempts") {
        delivery.attempts = u32::try_from(n).unwrap_or(u32::MAX);
    }
    let ms = Duration::from_millis;
    delivery.first_retry = positive(&file.first_retry_ms, "first_retry_ms").map_or(delivery.first_retry, ms);
    delivery.max_retry = positive(&file.max_retry_ms, "max_retry_ms").map_or(delivery.max_retry, ms);
    delivery.lease = positive(&file.lease_ms, "lease_ms").map_or(delivery.lease, ms);
    delivery.poll = positive(&file.poll_ms, "poll_ms").map_or(delivery.poll, ms);
    if let Some(n) = positive(&file.concurrency, "concurrency") {
        delivery.concurrency = usize::try_from(n).unwrap_or(64).min(64);
    }
    if let Some(url) = &file.public_url {
        let text = url.get_ref().trim_end_matches('/');
        if text.starts_with("https://") || text.starts_with("http://") {
            delivery.public_url = Some(text.to_owned());
        } else {
            errors.at_value(
                url,
                "public_url is the server's address, like \"https://formulare.musterstadt.de\"",
            );
        }
    }
    delivery
}

/// The channels of one form.
pub(super) fn channels(
    errors: &mut Errors<'_>,
    list: &[Spanned<file::Channel>],
    base: &Path,
) -> Vec<Channel> {
    let mut channels: Vec<Channel> = Vec::new();
    for spanned in list {
        let written = spanned.get_ref();
        let kind = written.kind.get_ref().as_str();
        // Named by `name`, else by its type (errors reported there).
        let named = written.name.as_ref().unwrap_or(&written.kind);
        let name = named.get_ref().clone();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            errors.at_value(named, format!("the channel name {name:?} is letters, digits, '-' and '_'"));
        }
        if channels.iter().any(|c| c.name == name) {
            let message = format!("a second channel named {name:?}: give each channel its own name = \"…\"");
            errors.at_value(named, message);
        }
        let allowed: &[&str] = match kind {
            "email" => &["smtp", "tls", "ca_file", "username", "password", "from", "to", "confirm"],
            "folder" => &["path"],
            "webhook" => &["url", "secret", "timeout_seconds", "attachments"],
            _ => {
                errors.at_value(
                    &written.kind,
                    format!("{kind:?} is no channel type: \"email\", \"folder\" or \"webhook\""),
                );
                continue;
            }
        };
        for (key, offset) in present_keys(written) {
            if !allowed.contains(&key) {
                errors.at(offset, format!("{key} is no key of a {kind} channel"));
            }
        }
        let target = match kind {
            "email" => super::email::email(errors, spanned, written, base).map(Target::Email),
            "folder" => folder(errors, spanned, written, base),
            _ => webhook(errors, spanned, written).map(Target::Webhook),
        };
        if let Some(target) = target {
            channels.push(Channel { name, target });
        }
    }
    channels
}

/// The keys given, with where they are (for "no key of a … channel").
fn present_keys(c: &file::Channel) -> Vec<(&'static str, usize)> {
    let text = [
        ("smtp", &c.smtp),
        ("tls", &c.tls),
        ("ca_file", &c.ca_file),
        ("confirm", &c.confirm),
        ("username", &c.username),
        ("password", &c.password),
        ("from", &c.from),
        ("path", &c.path),
        ("url", &c.url),
        ("secret", &c.secret),
        ("attachments", &c.attachments),
    ];
    let mut keys: Vec<(&'static str, usize)> =
        text.iter().filter_map(|(key, v)| v.as_ref().map(|v| (*key, v.span().start))).collect();
    if let Some(to) = &c.to {
        keys.push(("to", to.span().start));
    }
    if let Some(timeout) = &c.timeout_seconds {
        keys.push(("timeout_seconds", timeout.span().start));
    }
    keys
}

pub(super) fn required<'a>(
    errors: &mut Errors<'_>,
    at: &Spanned<file::Channel>,
    value: &'a Option<Spanned<String>>,
    what: &str,
) -> Option<&'a Spanned<String>> {
    if value.is_none() {
        errors.at_value(at, format!("this channel needs {what}"));
    }
    value.as_ref()
}

/// A secret that must come from the environment (never written in the file).
pub(super) fn env_secret(value: &Spanned<String>) -> Result<String, String> {
    if !value.get_ref().starts_with("env:") {
        return Err("a secret is written as \"env:NAME\", never itself".into());
    }
    secret::resolve(value.get_ref()).map_err(|e| e.to_string())
}

fn folder(
    errors: &mut Errors<'_>,
    at: &Spanned<file::Channel>,
    c: &file::Channel,
    base: &Path,
) -> Option<Target> {
    let path = required(errors, at, &c.path, "path = \"/srv/fachverfahren/hund\"")?;
    if path.get_ref().is_empty() {
        errors.at_value(path, "path names a directory");
        return None;
    }
    // Checked for existence when delivering, not here: a network share may mount later.
    Some(Target::Folder(base.join(path.get_ref())))
}

fn webhook(errors: &mut Errors<'_>, at: &Spanned<file::Channel>, c: &file::Channel) -> Option<Webhook> {
    let url = required(errors, at, &c.url, "url = \"https://fachverfahren.musterstadt.de/eingang\"")?;
    let text = url.get_ref();
    let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"];
    if !text.starts_with("https://") && !loopback.iter().any(|prefix| text.starts_with(prefix)) {
        errors.at_value(url, "a webhook url is https:// (plain http:// only to this machine)");
    }
    let secret = required(errors, at, &c.secret, "secret = \"env:NAME\" (a whsec_… secret)")?;
    let key = match env_secret(secret) {
        Ok(value) => match crate::deliver::webhook::secret_key(&value) {
            Some(key) => key,
            None => {
                errors.at_value(
                    secret,
                    "the secret is \"whsec_\" and base64 (e.g. whsec_$(openssl rand -base64 32))",
                );
                Vec::new()
            }
        },
        Err(message) => {
            errors.at_value(secret, message);
            Vec::new()
        }
    };
    let timeout = match &c.timeout_seconds {
        Some(t) if *t.get_ref() == 0 => {
            errors.at_value(t, "timeout_seconds must be at least 1");
            30
        }
        Some(t) => *t.get_ref(),
        None => 30,
    };
    let inline = match c.attachments.as_ref().map(|a| (a, a.get_ref().as_str())) {
        None | Some((_, "links")) => false,
        Some((_, "inline")) => true,
        Some((value, _)) => {
            errors.at_value(value, "attachments is \"links\" (the default) or \"inline\"");
            false
        }
    };
    Some(Webhook { url: text.clone(), key, timeout: Duration::from_secs(timeout), inline })
}
