//! Every application reaches every channel of its form, once: e-mail to a real SMTP server,
//! a folder on disk, a webhook whose receiver checks the signature with its own code. On
//! SQLite and (under `cargo xtask test`) PostgreSQL.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use common::counterparts::{Counterpart, WEBHOOK_SECRET, free_port, hooks, mails, message_id, wait_for};
use common::{Server, TempDir, channels, databases, dog, file_payload, multipart, site};

/// The application folders below `drop` (not the hidden temporary ones).
fn folders(drop: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(drop)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn tool(program: &str, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(out.status.success(), "{program} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Checks one application folder with independent tools: every file of the manifest with its
/// SHA-256 (`sha256sum`), the PDF's text (`pdftotext`) and tags (`pdfinfo`).
fn check_folder(folder: &Path, reference: &str, words: &[&str]) {
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["deliveryId"], format!("{reference}.folder"));
    for file in manifest["files"].as_array().unwrap() {
        let path = folder.join(file["path"].as_str().unwrap());
        let sum = tool("sha256sum", &[path.to_str().unwrap()]);
        assert_eq!(sum.split(' ').next().unwrap(), file["sha256"], "{}", path.display());
    }
    let pdf = folder.join("antrag.pdf");
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for word in words.iter().chain([&reference]) {
        assert!(text.contains(word), "{word} not in the PDF of {reference}: {text}");
    }
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    let tagged = info.lines().find_map(|line| line.strip_prefix("Tagged:")).map(str::trim);
    assert_eq!(tagged, Some("yes"), "{info}");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(folder.join("antrag.json")).unwrap()).unwrap();
    assert_eq!(json["reference"], reference);
}

#[test]
fn every_channel_delivers_each_application_once() {
    let dir = TempDir::new("delivery");
    for (db, url) in databases("delivery", &dir.0) {
        let work = dir.0.join(db);
        let drop = work.join("drop");
        std::fs::create_dir_all(&drop).unwrap();
        let (smtp_port, hook_port) = (free_port(), free_port());
        let _smtp = Counterpart::smtp(smtp_port, &work.join("smtp"), &[]);
        let _hook = Counterpart::webhook(hook_port, &work.join("hook"), &[]);
        let config = site(&work, &url, &channels(smtp_port, hook_port, &drop, 5000, 8));
        let server = Server::start_with(&config, &[("HOOK_SECRET", WEBHOOK_SECRET)]);

        let mut dogs = Vec::new();
        for name in ["Mustermann", "Schmidt", "Öztürk"] {
            let answer =
                server.submit("hund-anmelden", Some(&format!("key-{}", dogs.len())), &dog(name).to_string());
            assert_eq!(answer.status, 201, "{db}: {}", answer.text());
            dogs.push(answer.json()["reference"].as_str().unwrap().to_owned());
        }
        let plan: &[u8] = b"%PDF-1.4 Lageplan";
        let payload = file_payload(&[("f1", "Lage plan.pdf", "application/pdf", plan)]);
        let (content_type, body) =
            multipart(payload.to_string().as_bytes(), &[("f1", "application/pdf", plan)]);
        let answer = server.request(
            "POST",
            "/api/v1/forms/mit-dateien/submissions",
            &[("Content-Type", &content_type)],
            &body,
        );
        assert_eq!(answer.status, 201, "{db}: {}", answer.text());
        let with_file = answer.json()["reference"].as_str().unwrap().to_owned();

        let all = || {
            mails(&work.join("smtp")).len() == 4
                && hooks(&work.join("hook")).0.len() == 3
                && folders(&drop).len() == 4
        };
        wait_for(Duration::from_secs(60), "every delivery", all);
        // Each done in the outbox, as the pull API shows it.
        for reference in dogs.iter().chain([&with_file]) {
            wait_for(Duration::from_secs(10), "the outbox to record", || {
                let shown = server.pull(&format!("/api/v1/applications/{reference}")).json();
                shown["deliveries"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|d| d["state"] == "done" && d["attempts"] == 1)
            });
        }

        let ids: BTreeSet<String> = mails(&work.join("smtp")).iter().map(|m| message_id(m)).collect();
        let expected: BTreeSet<String> =
            dogs.iter().chain([&with_file]).map(|r| format!("<{r}.email@musterstadt.de>")).collect();
        assert_eq!(ids, expected, "{db}: one mail per application");
        for mail in mails(&work.join("smtp")) {
            let reference =
                message_id(&mail).trim_matches(['<', '>']).split(".email").next().unwrap().to_owned();
            for part in [format!("antrag-{reference}.pdf"), format!("antrag-{reference}.json")] {
                assert!(mail.contains(&part), "{db}: {part} not attached");
            }
            assert!(mail.contains("Content-Type: text/plain") && mail.contains("Content-Type: text/html"));
        }
        let with_file_mail = mails(&work.join("smtp")).into_iter().find(|m| m.contains(&with_file)).unwrap();
        assert!(with_file_mail.contains("f1-Lage_plan.pdf"), "{db}: the file attached");

        let (received, rejected) = hooks(&work.join("hook"));
        let received: BTreeSet<String> = received.into_iter().collect();
        let expected: BTreeSet<String> = dogs.iter().map(|r| format!("{r}.webhook")).collect();
        assert_eq!((received, rejected), (expected, 0), "{db}: signed webhooks, verified independently");

        let mut expected_folders: Vec<String> = dogs.iter().chain([&with_file]).cloned().collect();
        expected_folders.sort();
        assert_eq!(folders(&drop), expected_folders, "{db}: one folder each, nothing half-written");
        for (reference, name) in dogs.iter().zip(["Mustermann", "Schmidt", "Öztürk"]) {
            check_folder(&drop.join(reference), reference, &[name, "Bello"]);
        }
        check_folder(&drop.join(&with_file), &with_file, &["Marktplatz 1"]);
        let plan_copy = drop.join(&with_file).join("anlagen/f1-Lage_plan.pdf");
        assert_eq!(std::fs::read(plan_copy).unwrap(), plan);

        let metrics = server.request("GET", "/metrics", &[], b"").text();
        assert!(metrics.contains("formlotse_deliveries{state=\"done\"} 11\n"), "{db}: {metrics}");
        assert!(
            metrics
                .contains("formlotse_delivery_attempts_total{outcome=\"delivered\",channel=\"email\"} 4\n")
        );
    }
}

/// The SMTP server requires AUTH (aiosmtpd refuses mail without it): the message arrives
/// only because the configured credentials were sent.
#[test]
fn the_mail_server_gets_the_configured_credentials() {
    let dir = TempDir::new("delivery-auth");
    let url = format!("sqlite://{}", dir.0.join("formlotse.db").display());
    let port = free_port();
    let _smtp = Counterpart::smtp(port, &dir.0.join("smtp"), &["--auth", "formulare:geheim-123"]);
    let extra = format!(
        "[delivery]\nfirst_retry_ms = 40\npoll_ms = 50\n\n[[forms.ein-feld.deliver]]\ntype = \"email\"\nsmtp = \"127.0.0.1:{port}\"\ntls = \"none\"\nusername = \"formulare\"\npassword = \"env:SMTP_PASSWORD\"\nfrom = \"formulare@musterstadt.de\"\nto = [\"buergerbuero@musterstadt.de\"]\n"
    );
    let config = site(&dir.0, &url, &extra);
    let server = Server::start_with(&config, &[("SMTP_PASSWORD", "geheim-123")]);
    let answer = server.submit("ein-feld", None, &common::one_field("Erika").to_string());
    let reference = answer.json()["reference"].as_str().unwrap().to_owned();
    wait_for(Duration::from_secs(30), "the mail", || mails(&dir.0.join("smtp")).len() == 1);
    assert_eq!(message_id(&mails(&dir.0.join("smtp"))[0]), format!("<{reference}.email@musterstadt.de>"));

    assert_eq!(mails(&dir.0.join("smtp")).len(), 1);
}
