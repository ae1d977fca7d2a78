//! E-mail over an encrypted connection, for real: an aiosmtpd server with a certificate from a
//! CA made for the test (openssl), spoken to with STARTTLS and with TLS from the first byte,
//! AUTH only once encrypted. The server trusts the CA because `ca_file` names it, and only
//! then; a wrong password ends as a failed delivery with a log line that names the delivery
//! and the mail server's answer, and nothing the citizen typed.

mod common;

use std::path::Path;
use std::time::Duration;

use common::counterparts::{Counterpart, TestCa, free_port, mails, message_id, wait_for};
use common::{Server, TempDir, one_field, site};

const AUTH: &str = "formulare:geheim-123";

/// The configuration of one e-mail channel of the form `ein-feld`.
fn channel(port: u16, tls: &str, ca: Option<&Path>, attempts: u32) -> String {
    let ca = ca.map(|path| format!("ca_file = \"{}\"\n", path.display())).unwrap_or_default();
    format!(
        "[delivery]\nattempts = {attempts}\nfirst_retry_ms = 40\nmax_retry_ms = 80\npoll_ms = 50\n\n\
         [[forms.ein-feld.deliver]]\ntype = \"email\"\nsmtp = \"127.0.0.1:{port}\"\ntls = \"{tls}\"\n{ca}\
         username = \"formulare\"\npassword = \"env:SMTP_PASSWORD\"\nfrom = \"formulare@musterstadt.de\"\n\
         to = [\"buergerbuero@musterstadt.de\"]\n"
    )
}

/// The log lines (JSON) of `log` with `event`.
fn events(log: &Path, event: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|line| line["event"] == event)
        .collect()
}

#[test]
fn mail_goes_over_starttls_and_over_tls_to_a_server_the_ca_file_vouches_for() {
    let dir = TempDir::new("smtp-tls");
    let ca = TestCa::new(&dir.0.join("ca"));
    for mode in ["starttls", "tls"] {
        let work = dir.0.join(mode);
        let port = free_port();
        let _smtp = Counterpart::smtp_tls(port, &work.join("smtp"), mode, &ca, AUTH);
        let url = format!("sqlite://{}", work.join("formlotse.db").display());
        let config = site(&work, &url, &channel(port, mode, Some(&ca.ca_pem), 3));
        let log = work.join("server.log");
        let server = Server::start_logged(&config, &[("SMTP_PASSWORD", "geheim-123")], &log);
        let answer = server.submit("ein-feld", None, &one_field("Erika").to_string());
        assert_eq!(answer.status, 201, "{mode}: {}", answer.text());
        let reference = answer.json()["reference"].as_str().unwrap().to_owned();
        wait_for(Duration::from_secs(30), "the mail", || {
            let failed = events(&log, "delivery attempt failed");
            assert!(failed.is_empty(), "{mode}: {failed:?}");
            mails(&work.join("smtp")).len() == 1
        });
        let mail = &mails(&work.join("smtp"))[0];
        assert_eq!(message_id(mail), format!("<{reference}.email@musterstadt.de>"), "{mode}");
    }
}

#[test]
fn without_the_ca_file_the_certificate_is_refused_and_nothing_is_sent() {
    let dir = TempDir::new("smtp-untrusted");
    let ca = TestCa::new(&dir.0.join("ca"));
    let port = free_port();
    let _smtp = Counterpart::smtp_tls(port, &dir.0.join("smtp"), "starttls", &ca, AUTH);
    let url = format!("sqlite://{}", dir.0.join("formlotse.db").display());
    let config = site(&dir.0, &url, &channel(port, "starttls", None, 1));
    let log = dir.0.join("server.log");
    let server = Server::start_logged(&config, &[("SMTP_PASSWORD", "geheim-123")], &log);
    let answer = server.submit("ein-feld", None, &one_field("Erika").to_string());
    assert_eq!(answer.status, 201);
    wait_for(Duration::from_secs(30), "the failed delivery", || !events(&log, "delivery failed").is_empty());
    let what = events(&log, "delivery failed")[0]["what"].as_str().unwrap().to_owned();
    assert!(what.contains("certificate") || what.contains("Certificate"), "{what}");
    assert!(mails(&dir.0.join("smtp")).is_empty(), "nothing went to a server the town does not trust");
}

#[test]
fn a_wrong_password_ends_as_a_failed_delivery_with_a_clear_log_line_and_no_personal_data() {
    let dir = TempDir::new("smtp-wrong-password");
    let ca = TestCa::new(&dir.0.join("ca"));
    let port = free_port();
    let _smtp = Counterpart::smtp_tls(port, &dir.0.join("smtp"), "starttls", &ca, AUTH);
    let url = format!("sqlite://{}", dir.0.join("formlotse.db").display());
    let config = site(&dir.0, &url, &channel(port, "starttls", Some(&ca.ca_pem), 2));
    let log = dir.0.join("server.log");
    let server = Server::start_logged(&config, &[("SMTP_PASSWORD", "falsch-456")], &log);
    let answer = server.submit("ein-feld", None, &one_field("Erika Öztürk").to_string());
    let reference = answer.json()["reference"].as_str().unwrap().to_owned();
    wait_for(Duration::from_secs(30), "the failed delivery", || !events(&log, "delivery failed").is_empty());

    let failed = &events(&log, "delivery failed")[0];
    assert_eq!(failed["level"], "error");
    assert_eq!(failed["delivery"], format!("{reference}.email"));
    assert_eq!(failed["channel"], "email");
    assert_eq!(failed["attempts"], "2", "retried up to the configured attempts");
    let what = failed["what"].as_str().unwrap();
    assert!(what.starts_with("smtp: permanent error (535)"), "the mail server's refusal is named: {what}");
    assert_eq!(events(&log, "delivery attempt failed").len(), 1, "one retry before giving up");
    let text = std::fs::read_to_string(&log).unwrap();
    for secret in ["Erika", "Öztürk", "falsch-456", "geheim-123", "formulare:"] {
        assert!(!text.contains(secret), "{secret:?} in the log: {text}");
    }
    assert!(mails(&dir.0.join("smtp")).is_empty());
    let metrics =
        server.request("GET", "/metrics", &[("Authorization", &format!("Bearer {}", common::TOKEN))], b"");
    assert!(metrics.text().contains("formlotse_deliveries{state=\"failed\"} 1"), "{}", metrics.text());
}
