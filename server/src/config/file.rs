//! The file as written, with the position of every value (`Spanned`), so a value that parses
//! but is wrong can still be reported at its line. Unknown keys are errors: a misspelt key
//! must not silently fall back to a default.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub listen: Option<Spanned<String>>,
    pub storage: Option<Spanned<String>>,
    pub forms_dir: Spanned<String>,
    pub i18n_dir: Option<Spanned<String>>,
    #[serde(default)]
    pub limits: Option<Spanned<Limits>>,
    #[serde(default)]
    pub retention: Option<Spanned<Retention>>,
    #[serde(default)]
    pub delivery: Option<Spanned<Delivery>>,
    #[serde(default)]
    pub forms: BTreeMap<Spanned<String>, Spanned<Form>>,
    #[serde(default)]
    pub clients: Vec<Spanned<Client>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    pub json_bytes: Option<Spanned<u64>>,
    pub multipart_bytes: Option<Spanned<u64>>,
    pub parts: Option<Spanned<u64>>,
    pub header_timeout_seconds: Option<Spanned<u64>>,
    pub body_timeout_seconds: Option<Spanned<u64>>,
    pub concurrency: Option<Spanned<u64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retention {
    pub acknowledged_days: Option<Spanned<u64>>,
    pub sweep_interval_seconds: Option<Spanned<u64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    #[serde(default)]
    pub origins: Vec<Spanned<String>>,
    /// `[[forms.ID.deliver]]`: where its applications go.
    #[serde(default)]
    pub deliver: Vec<Spanned<Channel>>,
}

/// `[delivery]`: how the outbox retries.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivery {
    pub attempts: Option<Spanned<u64>>,
    pub first_retry_ms: Option<Spanned<u64>>,
    pub max_retry_ms: Option<Spanned<u64>>,
    pub lease_ms: Option<Spanned<u64>>,
    pub poll_ms: Option<Spanned<u64>>,
    pub concurrency: Option<Spanned<u64>>,
    pub public_url: Option<Spanned<String>>,
}

/// One channel as written: the keys of every type in one table, checked against its `type`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub name: Option<Spanned<String>>,
    // email
    pub smtp: Option<Spanned<String>>,
    pub tls: Option<Spanned<String>>,
    pub ca_file: Option<Spanned<String>>,
    pub confirm: Option<Spanned<String>>,
    pub username: Option<Spanned<String>>,
    pub password: Option<Spanned<String>>,
    pub from: Option<Spanned<String>>,
    pub to: Option<Spanned<Vec<Spanned<String>>>>,
    // folder
    pub path: Option<Spanned<String>>,
    // webhook
    pub url: Option<Spanned<String>>,
    pub secret: Option<Spanned<String>>,
    pub timeout_seconds: Option<Spanned<u64>>,
    pub attachments: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Client {
    pub name: Spanned<String>,
    pub token: Spanned<String>,
    pub forms: Vec<Spanned<String>>,
}
