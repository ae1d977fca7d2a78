//! The pull API over real TCP, on SQLite and (under `cargo xtask test`) PostgreSQL: paging,
//! acknowledging, each client seeing only its forms, all against the OpenAPI document;
//! retention; health, readiness and metrics.

mod common;

use std::time::{Duration, Instant};

use common::openapi::{assert_valid, served};
use common::{OTHER_TOKEN, Server, TOKEN, TempDir, databases, file_payload, multipart, one_field, site};
use serde_json::{Value, json};

#[test]
fn the_pull_api_pages_acknowledges_and_shows_each_client_only_its_forms() {
    let dir = TempDir::new("pull");
    for (db, url) in databases("pull", &dir.0) {
        let server = Server::start(&site(&dir.0, &url, ""));
        let doc = served(&server);
        let mut references = Vec::new();
        for name in ["Anna", "Berta", "Clara"] {
            references.push(
                server.submit("ein-feld", None, &one_field(name).to_string()).json()["reference"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        let anonymous = server.request("GET", "/api/v1/applications", &[], b"");
        assert_eq!((anonymous.status, anonymous.header("www-authenticate")), (401, Some("Bearer")));
        assert_valid(&doc, "/api/v1/applications", "get", &anonymous, "application/problem+json");
        let wrong = server.request(
            "GET",
            "/api/v1/applications",
            &[("Authorization", "Bearer nicht-das-token")],
            b"",
        );
        assert_eq!(wrong.status, 401);

        let first = server.pull("/api/v1/applications?state=new&limit=2");
        assert_valid(&doc, "/api/v1/applications", "get", &first, "application/json");
        let page = first.json();
        let listed: Vec<&str> =
            page["items"].as_array().unwrap().iter().map(|i| i["reference"].as_str().unwrap()).collect();
        assert_eq!(listed, references[..2], "{db}: in order of arrival");
        let next = page["next"].as_str().unwrap();
        let second = server.pull(&format!("/api/v1/applications?state=new&limit=2&after={next}")).json();
        assert_eq!(second["items"][0]["reference"], references[2].as_str());
        assert_eq!(second["next"], Value::Null);
        assert_eq!(server.pull("/api/v1/applications?state=gelesen").status, 400);
        assert_eq!(server.pull("/api/v1/applications?form=gewerbe-anmelden").status, 400);

        let one = server.pull(&format!("/api/v1/applications/{}", references[1]));
        assert_valid(&doc, "/api/v1/applications/{reference}", "get", &one, "application/json");
        assert_eq!(one.json()["payload"], one_field("Berta"));
        let ack_path = format!("/api/v1/applications/{}/ack", references[1]);
        let auth = format!("Bearer {TOKEN}");
        let acked = server.request("POST", &ack_path, &[("Authorization", &auth)], b"");
        assert_eq!(acked.status, 200, "{db}: {}", acked.text());
        assert_valid(&doc, "/api/v1/applications/{reference}/ack", "post", &acked, "application/json");
        assert_eq!(acked.json()["state"], "acknowledged");
        let again = server.request("POST", &ack_path, &[("Authorization", &auth)], b"");
        assert_eq!(
            again.json()["acknowledgedAt"],
            acked.json()["acknowledgedAt"],
            "{db}: a repeat changes nothing"
        );
        let new: Vec<Value> =
            server.pull("/api/v1/applications?state=new").json()["items"].as_array().unwrap().clone();
        assert_eq!(new.len(), 2);
        assert_eq!(
            server.pull("/api/v1/applications?state=acknowledged").json()["items"][0]["reference"],
            references[1].as_str()
        );

        // Another office's client sees none of it, not even that it exists.
        let other = format!("Bearer {OTHER_TOKEN}");
        let theirs = server.request("GET", "/api/v1/applications", &[("Authorization", &other)], b"").json();
        assert_eq!(theirs["items"], json!([]));
        let hidden = server.request(
            "GET",
            &format!("/api/v1/applications/{}", references[0]),
            &[("Authorization", &other)],
            b"",
        );
        assert_eq!(hidden.status, 404);
        assert_valid(&doc, "/api/v1/applications/{reference}", "get", &hidden, "application/problem+json");
        let not_theirs = server.request(
            "POST",
            &format!("/api/v1/applications/{}/ack", references[0]),
            &[("Authorization", &other)],
            b"",
        );
        assert_eq!(not_theirs.status, 404);
        assert_eq!(server.pull("/api/v1/applications/FL-2026-0000-0001").status, 404);
        assert_eq!(server.pull(&format!("/api/v1/applications/{}", references[0])).json()["state"], "new");
    }
}

#[test]
fn acknowledged_applications_go_after_their_retention_unacknowledged_ones_stay() {
    let dir = TempDir::new("retention");
    for (db, url) in databases("retention", &dir.0) {
        let config = site(&dir.0, &url, "[retention]\nacknowledged_days = 0\nsweep_interval_seconds = 1\n");
        let server = Server::start(&config);
        let pdf: &[u8] = b"%PDF-1.4 Plan";
        let (content_type, body) = multipart(
            file_payload(&[("f1", "plan.pdf", "application/pdf", pdf)]).to_string().as_bytes(),
            &[("f1", "application/pdf", pdf)],
        );
        let with_file = server
            .request(
                "POST",
                "/api/v1/forms/mit-dateien/submissions",
                &[("Content-Type", &content_type)],
                &body,
            )
            .json();
        let kept = server.submit("ein-feld", None, &one_field("bleibt").to_string()).json();
        let reference = with_file["reference"].as_str().unwrap();
        let auth = format!("Bearer {TOKEN}");
        assert_eq!(
            server
                .request(
                    "POST",
                    &format!("/api/v1/applications/{reference}/ack"),
                    &[("Authorization", &auth)],
                    b""
                )
                .status,
            200
        );
        let start = Instant::now();
        while server.pull(&format!("/api/v1/applications/{reference}")).status != 404 {
            assert!(start.elapsed() < Duration::from_secs(10), "{db}: not deleted");
            std::thread::sleep(Duration::from_millis(200));
        }
        assert_eq!(server.pull(&format!("/api/v1/applications/{reference}/attachments/f1")).status, 404);
        std::thread::sleep(Duration::from_millis(1500));
        assert_eq!(
            server.pull(&format!("/api/v1/applications/{}", kept["reference"].as_str().unwrap())).status,
            200,
            "{db}"
        );
        let metrics = server.request("GET", "/metrics", &[], b"").text();
        assert!(metrics.contains("formlotse_applications_deleted_total 1\n"), "{metrics}");
    }
}

#[test]
fn health_readiness_and_metrics_answer() {
    let dir = TempDir::new("ops");
    let server = Server::start(&site(&dir.0, &databases("ops", &dir.0)[0].1, ""));
    assert_eq!(server.request("GET", "/healthz", &[], b"").status, 200);
    assert_eq!(server.request("GET", "/readyz", &[], b"").status, 200);
    server.submit("ein-feld", None, &one_field("x").to_string());
    server.submit("ein-feld", None, "{");
    let metrics = server.request("GET", "/metrics", &[], b"");
    assert!(metrics.header("content-type").unwrap().starts_with("text/plain; version=0.0.4"));
    let text = metrics.text();
    for line in [
        "formlotse_submissions_received_total 2\n",
        "formlotse_applications_stored_total 1\n",
        "formlotse_submissions_refused_total{code=\"malformed\"} 1\n",
        "formlotse_applications_acknowledged_total 0\n",
        "formlotse_http_request_duration_seconds_count ",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
}
