//! The e-mail channel's settings (`type = "email"`): the SMTP server, its encryption and the
//! certificates trusted for it, the credentials, sender and recipients.

use std::path::Path;

use toml::Spanned;

use super::check::Errors;
use super::delivery::{env_secret, required};
use super::file;

/// An e-mail to the office over SMTP.
#[derive(Debug, Clone, PartialEq)]
pub struct Email {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    /// Certificates (PEM) trusted besides the Mozilla roots built in: the town's own CA for
    /// an internal mail server (`ca_file`).
    pub ca: Option<Vec<u8>>,
    /// User name and password (resolved from `env:NAME`).
    pub credentials: Option<(String, String)>,
    pub from: String,
    pub to: Vec<String>,
    /// The id of the form's e-mail field whose answer gets a confirmation (`confirm`): the
    /// citizen's copy of the receipt, sent by this channel as its own delivery.
    pub confirm: Option<String>,
}

/// How the SMTP connection is encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tls {
    /// Plain connection upgraded with STARTTLS (port 587); refused if the server cannot.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine.
    None,
}

pub(super) fn email(
    errors: &mut Errors<'_>,
    at: &Spanned<file::Channel>,
    c: &file::Channel,
    base: &Path,
) -> Option<Email> {
    let smtp = required(errors, at, &c.smtp, "smtp = \"smtp.musterstadt.de:587\"")?;
    let (host, port) = match smtp.get_ref().rsplit_once(':').map(|(h, p)| (h, p.parse::<u16>())) {
        Some((host, Ok(port))) if !host.is_empty() => (host.trim_matches(['[', ']']).to_owned(), port),
        _ => {
            errors
                .at_value(smtp, "smtp is the mail server's host and port, like \"smtp.musterstadt.de:587\"");
            return None;
        }
    };
    let tls = match c.tls.as_ref().map(|t| (t, t.get_ref().as_str())) {
        None | Some((_, "starttls")) => Tls::StartTls,
        Some((_, "tls")) => Tls::Tls,
        Some((_, "none")) => Tls::None,
        Some((value, _)) => {
            errors.at_value(value, "tls is \"starttls\" (the default), \"tls\" or \"none\"");
            Tls::StartTls
        }
    };
    let ca = c.ca_file.as_ref().and_then(|file| match ca_certificates(&base.join(file.get_ref())) {
        Ok(pem) => Some(pem),
        Err(message) => {
            errors.at_value(file, message);
            None
        }
    });
    let credentials = match (&c.username, &c.password) {
        (None, None) => None,
        (Some(user), Some(password)) => match env_secret(password) {
            Ok(password) => Some((user.get_ref().clone(), password)),
            Err(message) => {
                errors.at_value(password, message);
                None
            }
        },
        (Some(user), None) => {
            errors.at_value(user, "username needs password = \"env:NAME\"");
            None
        }
        (None, Some(password)) => {
            errors.at_value(password, "password needs username");
            None
        }
    };
    let from = required(errors, at, &c.from, "from = \"formulare@musterstadt.de\"")?;
    let mut to = Vec::new();
    match &c.to {
        Some(list) if !list.get_ref().is_empty() => {
            for address in list.get_ref() {
                if mailbox(address.get_ref()) {
                    to.push(address.get_ref().clone());
                } else {
                    errors.at_value(address, format!("{:?} is no e-mail address", address.get_ref()));
                }
            }
        }
        Some(list) => errors.at_value(list, "to names at least one address"),
        None => errors.at_value(at, "this channel needs to = [\"hundesteuer@musterstadt.de\"]"),
    }
    if !mailbox(from.get_ref()) {
        errors.at_value(from, format!("{:?} is no e-mail address", from.get_ref()));
    }
    let confirm = c.confirm.as_ref().map(|field| field.get_ref().clone());
    Some(Email { host, port, tls, ca, credentials, from: from.get_ref().clone(), to, confirm })
}

fn mailbox(address: &str) -> bool {
    address.parse::<lettre::Address>().is_ok()
}

/// The PEM certificates of `path`, checked to hold at least one certificate.
fn ca_certificates(path: &Path) -> Result<Vec<u8>, String> {
    let pem = std::fs::read(path).map_err(|e| format!("ca_file cannot be read: {}: {e}", path.display()))?;
    let holds = String::from_utf8_lossy(&pem).contains("-----BEGIN CERTIFICATE-----")
        && lettre::transport::smtp::client::Certificate::from_pem(&pem).is_ok();
    if !holds {
        return Err(format!(
            "ca_file holds no PEM certificate (-----BEGIN CERTIFICATE-----): {}",
            path.display()
        ));
    }
    Ok(pem)
}
