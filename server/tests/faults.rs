//! The fault matrix: each fault of a channel (SMTP refusing with 4xx or 5xx, closing in the
//! middle of DATA, down for a while; a webhook answering 500, timing out, answering slowly; a
//! read-only drop folder; the server killed with SIGKILL in the middle of a delivery) ends with
//! every application delivered exactly once per channel once the fault clears; a repeat after
//! a crash carries the same delivery id. Each case prints its exact counts.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::counterparts::{Counterpart, WEBHOOK_SECRET, free_port, hooks, mails, message_id, wait_for};
use common::{Server, TempDir, channels, databases, dog, fresh_postgres, site};

/// Applications per case (each goes to three channels).
const N: usize = 3;

/// One case's world: the counterparts, the drop folder and the running server.
struct Case {
    work: PathBuf,
    config: PathBuf,
    smtp_port: u16,
    smtp: Option<Counterpart>,
    _hook: Counterpart,
    drop: PathBuf,
    server: Server,
    references: Vec<String>,
}

impl Case {
    /// Starts the counterparts (the SMTP server only if `smtp` is given) and the server.
    fn start(dir: &Path, db: &str, name: &str, smtp: Option<&[&str]>, hook: &[&str], lease_ms: u64) -> Case {
        let work = dir.join(format!("{db}-{name}"));
        // A database of its own per case.
        let url = match db {
            "sqlite" => format!("sqlite://{}", work.join("formlotse.db").display()),
            _ => fresh_postgres(&format!("faults-{name}")).unwrap(),
        };
        let url = url.as_str();
        let drop = work.join("drop");
        std::fs::create_dir_all(&drop).unwrap();
        let (smtp_port, hook_port) = (free_port(), free_port());
        let smtp = smtp.map(|faults| Counterpart::smtp(smtp_port, &work.join("smtp"), faults));
        let hook = Counterpart::webhook(hook_port, &work.join("hook"), hook);
        let config = site(&work, url, &channels(smtp_port, hook_port, &drop, lease_ms, 20));
        let server = Server::start_with(&config, &[("HOOK_SECRET", WEBHOOK_SECRET)]);
        Case { work, config, smtp_port, smtp, _hook: hook, drop, server, references: Vec::new() }
    }

    fn submit(&mut self) {
        for i in 0..N {
            let answer =
                self.server.submit("hund-anmelden", Some(&format!("fault-{i}")), &dog("Fehler").to_string());
            assert_eq!(answer.status, 201, "{}", answer.text());
            self.references.push(answer.json()["reference"].as_str().unwrap().to_owned());
        }
    }

    /// The counter `formlotse_delivery_attempts_total{outcome, channel}` of the running server.
    fn attempts(&self, outcome: &str, channel: &str) -> u64 {
        let text = self.server.request("GET", "/metrics", &[], b"").text();
        let series =
            format!("formlotse_delivery_attempts_total{{outcome=\"{outcome}\",channel=\"{channel}\"}} ");
        text.lines().find_map(|l| l.strip_prefix(&series)).map_or(0, |n| n.parse().unwrap())
    }

    /// Waits until the outbox records every delivery done, then checks what each counterpart
    /// holds: every application once per channel (by delivery id). Returns the counts line.
    fn finish(&self, db: &str, name: &str, exactly_once: bool) -> String {
        wait_for(Duration::from_secs(90), "every delivery done", || {
            self.references.iter().all(|reference| {
                let shown = self.server.pull(&format!("/api/v1/applications/{reference}")).json();
                shown["deliveries"].as_array().unwrap().iter().all(|d| d["state"] == "done")
            })
        });
        let expected = |suffix: &str| -> BTreeSet<String> {
            self.references.iter().map(|r| format!("{r}.{suffix}")).collect()
        };
        let mails = mails(&self.work.join("smtp"));
        let mail_ids: BTreeSet<String> = mails
            .iter()
            .map(|m| message_id(m).trim_matches(['<', '>']).replace("@musterstadt.de", ""))
            .collect();
        let (hooks, rejected) = hooks(&self.work.join("hook"));
        let hook_ids: BTreeSet<String> = hooks.iter().cloned().collect();
        let mut folders: Vec<String> = std::fs::read_dir(&self.drop)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        folders.sort();
        let folder_ids: BTreeSet<String> = folders.iter().map(|f| format!("{f}.folder")).collect();
        assert_eq!(mail_ids, expected("email"), "{db} {name}: e-mail");
        assert_eq!(hook_ids, expected("webhook"), "{db} {name}: webhook");
        assert_eq!(folder_ids, expected("folder"), "{db} {name}: folders (no temporary left)");
        assert_eq!(rejected, 0, "{db} {name}: every signature verified");
        if exactly_once {
            assert_eq!((mails.len(), hooks.len()), (N, N), "{db} {name}: no repeat without a crash");
        }
        format!(
            "fault {name} [{db}]: {N} applications; e-mail {} ids in {} messages; folder {} ids in {} folders; webhook {} ids in {} requests",
            mail_ids.len(),
            mails.len(),
            folder_ids.len(),
            folders.len(),
            hook_ids.len(),
            hooks.len()
        )
    }
}

/// Makes `dir` read-only: a read-only bind mount as root (root ignores file modes), else mode
/// 0555. Returns how to undo it.
fn read_only(dir: &Path) -> Box<dyn FnOnce()> {
    let mounted = Command::new("mount")
        .args(["--bind", "-o", "ro"])
        .arg(dir)
        .arg(dir)
        .status()
        .is_ok_and(|s| s.success());
    let probe = dir.join("probe");
    if mounted && std::fs::write(&probe, b"").is_err() {
        let dir = dir.to_path_buf();
        return Box::new(move || assert!(Command::new("umount").arg(&dir).status().unwrap().success()));
    }
    let _ = std::fs::remove_file(probe);
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    assert!(std::fs::write(dir.join("probe"), b"").is_err(), "cannot make {} read-only", dir.display());
    let dir = dir.to_path_buf();
    Box::new(move || std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap())
}

#[test]
fn every_fault_ends_with_each_application_delivered_once_per_channel() {
    let dir = TempDir::new("faults");
    let mut report = Vec::new();
    for (db, _) in databases("faults", &dir.0) {
        // Refusals and a connection closed before the answer to DATA: each costs one attempt.
        for (name, faults, channel, failures) in [
            ("smtp-451", ["--refuse", "451:4"], "email", 4),
            ("smtp-554", ["--refuse", "554:2"], "email", 2),
            ("smtp-close-in-data", ["--close", "2"], "email", 2),
        ] {
            let mut case = Case::start(&dir.0, db, name, Some(&faults), &[], 5000);
            case.submit();
            report.push(case.finish(db, name, true));
            assert_eq!(case.attempts("retried", channel), failures, "{db} {name}");
        }
        for (name, faults, failures) in [
            ("webhook-500", ["--fail", "500:3"], 3),
            ("webhook-timeout", ["--hang", "2:3"], 2),
            ("webhook-slow-200", ["--delay", "1"], 0),
        ] {
            let mut case = Case::start(&dir.0, db, name, Some(&[]), &faults, 5000);
            case.submit();
            report.push(case.finish(db, name, true));
            assert_eq!(case.attempts("retried", "webhook"), failures, "{db} {name}");
        }

        // The mail server is down for a while, then comes up on its port.
        let mut case = Case::start(&dir.0, db, "smtp-down", None, &[], 5000);
        case.submit();
        wait_for(Duration::from_secs(30), "failed attempts while down", || {
            case.attempts("retried", "email") >= 6
        });
        case.smtp = Some(Counterpart::smtp(case.smtp_port, &case.work.join("smtp"), &[]));
        report.push(case.finish(db, "smtp-down", true));

        // The drop folder's disk is read-only for a while.
        let mut case = Case::start(&dir.0, db, "folder-read-only", Some(&[]), &[], 5000);
        let undo = read_only(&case.drop);
        case.submit();
        wait_for(Duration::from_secs(30), "failed attempts while read-only", || {
            case.attempts("retried", "folder") >= 6
        });
        undo();
        report.push(case.finish(db, "folder-read-only", true));

        // SIGKILL while the webhook receiver holds a delivery (it answers after 1.5 s), then a
        // restart: the lease (1.5 s) runs out and the delivery is sent again, same id.
        let mut case = Case::start(&dir.0, db, "sigkill", Some(&[]), &["--delay", "1.5"], 1500);
        case.submit();
        wait_for(Duration::from_secs(30), "a webhook in flight", || {
            !hooks(&case.work.join("hook")).0.is_empty()
        });
        case.server.kill();
        case.server = Server::start_with(&case.config, &[("HOOK_SECRET", WEBHOOK_SECRET)]);
        let line = case.finish(db, "sigkill", false);
        let (hooks, _) = hooks(&case.work.join("hook"));
        assert!(hooks.len() > N, "{db}: the delivery in flight was sent again: {line}");
        report.push(line);
    }
    // `cargo xtask test` prints this file after the suite: the matrix's exact counts.
    let text = report.join("\n") + "\n";
    std::fs::write(Path::new(env!("CARGO_TARGET_TMPDIR")).join("fault-matrix.txt"), &text).unwrap();
    print!("{text}");
}

#[test]
fn a_failed_delivery_waits_for_the_retry_command() {
    let dir = TempDir::new("retry");
    let db = "sqlite";
    let url = format!("sqlite://{}", dir.0.join("formlotse.db").display());
    let work = dir.0.clone();
    let drop = work.join("drop");
    std::fs::create_dir_all(&drop).unwrap();
    let (smtp_port, hook_port) = (free_port(), free_port());
    let _smtp = Counterpart::smtp(smtp_port, &work.join("smtp"), &["--refuse", "554:2"]);
    let _hook = Counterpart::webhook(hook_port, &work.join("hook"), &[]);
    let config = site(&work, &url, &channels(smtp_port, hook_port, &drop, 5000, 2));
    let server = Server::start_with(&config, &[("HOOK_SECRET", WEBHOOK_SECRET)]);
    let answer = server.submit("hund-anmelden", None, &dog("Fehler").to_string());
    let reference = answer.json()["reference"].as_str().unwrap().to_owned();
    let email = |server: &Server| {
        let shown = server.pull(&format!("/api/v1/applications/{reference}")).json();
        shown["deliveries"].as_array().unwrap().iter().find(|d| d["channel"] == "email").unwrap().clone()
    };
    wait_for(Duration::from_secs(30), "the delivery to fail", || email(&server)["state"] == "failed");
    let failed = email(&server);
    assert_eq!(failed["attempts"], 2, "{db}: {failed}");
    assert!(failed["lastError"].as_str().unwrap().contains("554"), "{failed}");
    let metrics = server.request("GET", "/metrics", &[], b"").text();
    assert!(metrics.contains("formlotse_deliveries{state=\"failed\"} 1\n"), "{metrics}");
    assert!(mails(&work.join("smtp")).is_empty());

    let retry = Command::new(env!("CARGO_BIN_EXE_formlotse-server"))
        .args(["deliveries", "retry", "--config"])
        .arg(&config)
        .arg(&reference)
        .env("HOOK_SECRET", WEBHOOK_SECRET)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&retry.stdout);
    assert!(retry.status.success() && said.contains("1 failed deliveries queued again"), "{said}");
    wait_for(Duration::from_secs(30), "the retried delivery", || email(&server)["state"] == "done");
    let mails = mails(&work.join("smtp"));
    assert_eq!(mails.len(), 1);
    assert_eq!(message_id(&mails[0]), format!("<{reference}.email@musterstadt.de>"));
}
