//! Webhook attachments inline by choice (`attachments = "inline"`): one `multipart/form-data`
//! body with the document and every file as a part, signed over the whole body. The receiver
//! (counterparts/webhook.py) checks the signature and takes the parts apart with Python's own
//! email parser, matching each file against the size and SHA-256 the document lists.

mod common;

use std::time::Duration;

use common::counterparts::{Counterpart, WEBHOOK_SECRET, free_port, hooks, wait_for};
use common::{Server, TempDir, databases, file_payload, multipart, site};

#[test]
fn webhook_attachments_go_inline_as_multipart_by_choice() {
    let dir = TempDir::new("webhook-inline");
    for (db, url) in databases("webhook-inline", &dir.0) {
        let work = dir.0.join(db);
        let port = free_port();
        let _hook = Counterpart::webhook(port, &work.join("hook"), &[]);
        let extra = format!(
            "[delivery]\nfirst_retry_ms = 40\npoll_ms = 50\n\n[[forms.mit-dateien.deliver]]\ntype = \"webhook\"\n\
             url = \"http://127.0.0.1:{port}/eingang\"\nsecret = \"env:HOOK_SECRET\"\nattachments = \"inline\"\n"
        );
        let server = Server::start_with(&site(&work, &url, &extra), &[("HOOK_SECRET", WEBHOOK_SECRET)]);

        let plan: &[u8] = b"%PDF-1.4 Lageplan\r\n--not-a-boundary\r\n";
        let photo: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR foto";
        let files =
            [("f1", "Lage plan.pdf", "application/pdf", plan), ("f2", "Foto.png", "image/png", photo)];
        let payload = file_payload(&files);
        let (content_type, body) = multipart(
            payload.to_string().as_bytes(),
            &[("f1", "application/pdf", plan), ("f2", "image/png", photo)],
        );
        let answer = server.request(
            "POST",
            "/api/v1/forms/mit-dateien/submissions",
            &[("Content-Type", &content_type)],
            &body,
        );
        assert_eq!(answer.status, 201, "{db}: {}", answer.text());
        let reference = answer.json()["reference"].as_str().unwrap().to_owned();

        wait_for(Duration::from_secs(30), "the webhook", || hooks(&work.join("hook")).0.len() == 1);
        let (received, rejected) = hooks(&work.join("hook"));
        assert_eq!((received, rejected), (vec![format!("{reference}.webhook")], 0), "{db}: signed, verified");
        let parts = std::fs::read_to_string(work.join("hook/parts.log")).unwrap();
        let expected: Vec<String> = files
            .iter()
            .map(|(id, _, _, bytes)| {
                format!("{reference}.webhook {id} {}", formlotse_core::sha256::hex(bytes))
            })
            .collect();
        assert_eq!(parts.lines().collect::<Vec<_>>(), expected, "{db}: every file inline, byte for byte");
        assert!(!work.join("hook/invalid.log").exists(), "{db}: no part missing or wrong");
    }
}
