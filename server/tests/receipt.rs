//! The citizen's PDF: the `201` carries a link with a token; it answers the application as a
//! tagged PDF in the citizen's language, again and again (a second click, a `HEAD`) within the
//! window its first use opened, then 404 like any wrong token or reference.

mod common;

use std::process::Command;

use common::openapi::{assert_valid, served};
use common::{Server, TempDir, databases, dog, site};

fn pdftotext(bytes: &[u8], dir: &std::path::Path) -> String {
    let file = dir.join("receipt.pdf");
    std::fs::write(&file, bytes).unwrap();
    let out = Command::new("pdftotext").arg(&file).arg("-").output().unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_receipt_pdf_downloads_with_its_token_until_its_window_closes() {
    let dir = TempDir::new("receipt");
    for (db, url) in databases("receipt", &dir.0) {
        let server = Server::start(&site(&dir.0, &url, ""));
        let doc = served(&server);
        let mut payload = dog("Öztürk");
        payload["lang"] = "en".into();
        let created = server.submit("hund-anmelden", Some("receipt-1"), &payload.to_string());
        assert_eq!(created.status, 201, "{db}: {}", created.text());
        assert_valid(&doc, "/api/v1/forms/{form}/submissions", "post", &created, "application/json");
        let link = created.json()["pdf"].as_str().unwrap().to_owned();
        let reference = created.json()["reference"].as_str().unwrap().to_owned();
        assert!(link.starts_with(&format!("/api/v1/receipts/{reference}?token=")), "{link}");

        let repeat = server.submit("hund-anmelden", Some("receipt-1"), &payload.to_string());
        assert_eq!((repeat.status, repeat.json().get("pdf").is_none()), (200, true), "{db}: no second token");
        let wrong = link.replace("token=", "token=0").chars().take(link.len()).collect::<String>();
        assert_eq!(server.request("GET", &wrong, &[], b"").status, 404, "{db}: a wrong token");
        let other = link.replace(&reference, "FL-2026-AAAA-AAAA");
        assert_eq!(server.request("GET", &other, &[], b"").status, 404, "{db}: another reference");

        let pdf = server.request("GET", &link, &[], b"");
        assert_eq!(pdf.status, 200, "{db}: {}", pdf.text());
        assert_eq!(pdf.header("content-type"), Some("application/pdf"));
        assert_eq!(pdf.header("cache-control"), Some("no-store"));
        let english = format!("application-{reference}.pdf");
        assert_eq!(
            pdf.header("content-disposition").unwrap(),
            format!("attachment; filename=\"{english}\"; filename*=UTF-8''{english}"),
            "{db}: the file is named in the citizen's language"
        );
        let text = pdftotext(&pdf.bytes, &dir.0);
        for word in [reference.as_str(), "Öztürk", "Bello"] {
            assert!(text.contains(word), "{db}: {word} not in {text}");
        }
        assert!(text.contains("Received") || text.contains("received"), "{db}: in English: {text}");
        // A Ukrainian application's receipt has the PDF's words of the Ukrainian catalog the
        // server loaded (runtime/i18n/uk.json).
        payload["lang"] = "uk".into();
        let ukrainian = server.submit("hund-anmelden", Some("receipt-uk"), &payload.to_string());
        assert_eq!(ukrainian.status, 201, "{db}: {}", ukrainian.text());
        let uk_link = ukrainian.json()["pdf"].as_str().unwrap().to_owned();
        let uk_pdf = server.request("GET", &uk_link, &[], b"");
        let uk_reference = ukrainian.json()["reference"].as_str().unwrap().to_owned();
        assert_eq!(
            uk_pdf.header("content-disposition").unwrap(),
            format!(
                "attachment; filename=\"antrag-{uk_reference}.pdf\"; \
                 filename*=UTF-8''%D0%B7%D0%B0%D1%8F%D0%B2%D0%B0-{uk_reference}.pdf"
            ),
            "{db}: заява-….pdf, and German's plain name for software that reads only `filename`"
        );
        let uk_text = pdftotext(&uk_pdf.bytes, &dir.0);
        for word in ["Номер справи", "Надійшла", "Öztürk"] {
            assert!(uk_text.contains(word), "{db}: {word} not in {uk_text}");
        }
        payload["lang"] = "en".into();
        let head = server.request("HEAD", &link, &[], b"");
        assert_eq!((head.status, head.header("content-type")), (200, Some("application/pdf")), "{db}: HEAD");
        let again = server.request("GET", &link, &[], b"");
        assert_eq!(again.status, 200, "{db}: a second click still downloads");
        assert!(again.bytes.starts_with(b"%PDF-"), "{db}: a PDF again");

        // The window its first use opened is over (set in the database, not waited for).
        close_window(&url, &reference);
        let late = server.request("GET", &link, &[], b"");
        assert_eq!(late.status, 404, "{db}: the link is dead after its window");
        assert_valid(&doc, "/api/v1/receipts/{reference}", "get", &late, "application/problem+json");
    }
}

/// Moves the end of the receipt link's window of `reference` into the past.
fn close_window(url: &str, reference: &str) {
    let sql = "UPDATE applications SET receipt_until = 1 WHERE reference = $1";
    if let Some(path) = url.strip_prefix("sqlite://") {
        let connection = rusqlite::Connection::open(path).unwrap();
        assert_eq!(connection.execute(sql, [reference]).unwrap(), 1);
    } else {
        let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
        assert_eq!(client.execute(sql, &[&reference]).unwrap(), 1);
    }
}
