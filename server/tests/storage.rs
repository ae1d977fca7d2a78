//! The storage API, the same cases on SQLite and (under `cargo xtask test`) PostgreSQL.

mod common;

use common::{TempDir, databases};
use formlotse_server::storage::{
    AttachmentMeta, Inserted, ListQuery, NewApplication, NewAttachment, Receipt, State, open,
};

fn application(reference: &str, form: &str, key: Option<&str>, payload: &str) -> NewApplication {
    NewApplication {
        reference: reference.into(),
        form_id: form.into(),
        form_version: "1".into(),
        lang: "de".into(),
        received_at: "2026-11-30T06:00:00.000Z".into(),
        idempotency_key: key.map(str::to_owned),
        body_sha256: formlotse_core::sha256::hex(payload.as_bytes()),
        payload: payload.into(),
        attachments: Vec::new(),
        channels: Vec::new(),
        receipt_sha256: None,
    }
}

#[test]
fn the_same_cases_hold_on_every_database() {
    let dir = TempDir::new("storage");
    for (db, url) in databases("storage", &dir.0) {
        let storage = open(&url).unwrap();
        assert_eq!(storage.schema_version().unwrap(), 3, "{db}");
        storage.ping().unwrap();

        let mut first = application("FL-2026-AAAA-AAA1", "hund", Some("k1"), r#"{"a":1}"#);
        first.attachments.push(NewAttachment {
            meta: AttachmentMeta {
                id: "f1".into(),
                field: "plan".into(),
                name: "plan.pdf".into(),
                mime: "application/pdf".into(),
                size: 5,
                sha256: formlotse_core::sha256::hex(b"%PDF-"),
            },
            bytes: b"%PDF-".to_vec(),
        });
        let receipt = Receipt { reference: first.reference.clone(), received_at: first.received_at.clone() };
        assert_eq!(storage.insert(&first).unwrap(), Inserted::Created(receipt.clone()), "{db}");
        let mut repeat = first.clone();
        repeat.reference = "FL-2026-AAAA-AAA2".into();
        assert_eq!(
            storage.insert(&repeat).unwrap(),
            Inserted::Repeated(receipt),
            "{db}: same key, same payload"
        );
        let mut other = application("FL-2026-AAAA-AAA3", "hund", Some("k1"), r#"{"a":2}"#);
        assert_eq!(storage.insert(&other).unwrap(), Inserted::Conflict, "{db}: same key, other payload");
        other.idempotency_key = Some("k2".into());
        other.reference = first.reference.clone();
        assert_eq!(storage.insert(&other).unwrap(), Inserted::ReferenceTaken, "{db}");
        other.reference = "FL-2026-AAAA-AAA3".into();
        assert!(matches!(storage.insert(&other).unwrap(), Inserted::Created(_)));
        assert!(matches!(
            storage.insert(&application("FL-2026-AAAA-AAA4", "gewerbe", None, "{}")).unwrap(),
            Inserted::Created(_)
        ));

        let all = storage.list(&ListQuery { limit: 10, ..ListQuery::default() }).unwrap();
        let references: Vec<&str> = all.iter().map(|s| s.reference.as_str()).collect();
        assert_eq!(references, ["FL-2026-AAAA-AAA1", "FL-2026-AAAA-AAA3", "FL-2026-AAAA-AAA4"], "{db}");
        let hund = storage
            .list(&ListQuery { forms: vec!["hund".into()], limit: 1, ..ListQuery::default() })
            .unwrap();
        assert_eq!(hund.len(), 1);
        let next = storage
            .list(&ListQuery {
                forms: vec!["hund".into()],
                after: hund[0].id,
                limit: 10,
                ..ListQuery::default()
            })
            .unwrap();
        assert_eq!(next.iter().map(|s| s.reference.as_str()).collect::<Vec<_>>(), ["FL-2026-AAAA-AAA3"]);

        let got = storage.get("FL-2026-AAAA-AAA1").unwrap().unwrap();
        assert_eq!((got.payload.as_str(), got.summary.state), (r#"{"a":1}"#, State::New));
        assert_eq!(got.attachments, vec![first.attachments[0].meta.clone()]);
        let (meta, bytes) = storage.attachment("FL-2026-AAAA-AAA1", "f1").unwrap().unwrap();
        assert_eq!((meta.mime.as_str(), bytes.as_slice()), ("application/pdf", &b"%PDF-"[..]));
        assert_eq!(storage.get("FL-2026-ZZZZ-ZZZZ").unwrap(), None);

        let acked = storage
            .acknowledge("FL-2026-AAAA-AAA1", "hundesteuer", "2026-11-30T07:00:00.000Z")
            .unwrap()
            .unwrap();
        assert_eq!(
            (acked.state, acked.acknowledged_at.as_deref()),
            (State::Acknowledged, Some("2026-11-30T07:00:00.000Z"))
        );
        let again = storage
            .acknowledge("FL-2026-AAAA-AAA1", "hundesteuer", "2026-12-01T07:00:00.000Z")
            .unwrap()
            .unwrap();
        assert_eq!(again.acknowledged_at, acked.acknowledged_at, "{db}: the first acknowledgement counts");
        let new =
            storage.list(&ListQuery { state: Some(State::New), limit: 10, ..ListQuery::default() }).unwrap();
        assert_eq!(new.len(), 2);

        assert_eq!(
            storage.delete_acknowledged_before("2026-11-30T07:00:00.000Z").unwrap(),
            Vec::<String>::new(),
            "{db}"
        );
        assert_eq!(
            storage.delete_acknowledged_before("2026-11-30T07:00:00.001Z").unwrap(),
            ["FL-2026-AAAA-AAA1"]
        );
        assert_eq!(storage.get("FL-2026-AAAA-AAA1").unwrap(), None);
        assert_eq!(storage.attachment("FL-2026-AAAA-AAA1", "f1").unwrap(), None, "{db}: files go with it");
        assert_eq!(
            storage.delete_acknowledged_before("2099-01-01T00:00:00.000Z").unwrap(),
            Vec::<String>::new(),
            "{db}: never the unacknowledged"
        );

        // Migrations run once: opening again finds the schema and the data.
        drop(storage);
        let reopened = open(&url).unwrap();
        assert_eq!(reopened.schema_version().unwrap(), 3);
        assert_eq!(reopened.list(&ListQuery { limit: 10, ..ListQuery::default() }).unwrap().len(), 2, "{db}");
    }
}

#[test]
fn sqlite_runs_in_wal_mode_and_says_where_it_cannot_open() {
    let dir = TempDir::new("sqlite-pragmas");
    let path = dir.0.join("nested/formlotse.db");
    let _storage = open(&format!("sqlite://{}", path.display())).unwrap();
    let connection = rusqlite::Connection::open(&path).unwrap();
    let mode: String = connection.query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let url = format!("sqlite://{}", dir.0.join("not-a-dir/x.db").display());
    std::fs::write(dir.0.join("not-a-dir"), "x").unwrap();
    assert!(open(&url).unwrap_err().to_string().contains("not-a-dir"));
}
