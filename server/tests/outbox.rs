//! The outbox in the storage, the same cases on SQLite and (under `cargo xtask test`)
//! PostgreSQL: leases, attempts, outcomes, the retry command's reset, retention waiting for
//! pending deliveries, and two claimers (two storages, as two processes) never taking the
//! same delivery.

mod common;

use std::collections::BTreeSet;

use common::{TempDir, databases};
use formlotse_server::storage::{NewApplication, Outcome, Storage, open};

fn application(n: usize, channels: &[&str]) -> NewApplication {
    NewApplication {
        reference: format!("FL-2026-AAAA-{n:04}"),
        form_id: "hund".into(),
        form_version: "1".into(),
        lang: "de".into(),
        received_at: "2026-11-30T06:00:00.000Z".into(),
        idempotency_key: None,
        body_sha256: "0".repeat(64),
        payload: "{}".into(),
        attachments: Vec::new(),
        channels: channels.iter().map(|c| (*c).to_owned()).collect(),
        receipt_sha256: None,
    }
}

fn states(storage: &dyn Storage, reference: &str) -> Vec<(String, String, i64)> {
    let list = storage.deliveries(reference).unwrap();
    list.into_iter().map(|d| (d.channel, d.state, d.attempts)).collect()
}

fn s(channel: &str, state: &str, attempts: i64) -> (String, String, i64) {
    (channel.into(), state.into(), attempts)
}

#[test]
fn deliveries_are_leased_retried_and_finished() {
    let dir = TempDir::new("outbox");
    for (db, url) in databases("outbox", &dir.0) {
        let storage = open(&url).unwrap();
        let reference = "FL-2026-AAAA-0001";
        storage.insert(&application(1, &["email", "folder"])).unwrap();
        let now = formlotse_server::clock::now_millis();
        let first = storage.claim_deliveries(now, now + 1000, "a", 10).unwrap();
        let ids: Vec<&str> = first.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, [format!("{reference}.email"), format!("{reference}.folder")], "{db}");
        assert!(first.iter().all(|c| c.attempts == 1 && c.reference == reference && c.form_id == "hund"));
        assert!(storage.claim_deliveries(now, now + 1000, "b", 10).unwrap().is_empty(), "{db}: leased");
        // Worker a died: its lease ends and b takes both.
        let second = storage.claim_deliveries(now + 1001, now + 2000, "b", 10).unwrap();
        assert_eq!(second.iter().map(|c| c.attempts).collect::<Vec<_>>(), [2, 2], "{db}");
        let done = Outcome::Done { at: "2026-11-30T06:01:00.000Z".into() };
        storage.finish_delivery(&second[0].id, "a", &done).unwrap();
        assert_eq!(
            states(&*storage, reference),
            [s("email", "pending", 2), s("folder", "pending", 2)],
            "{db}: not a's"
        );
        storage.finish_delivery(&second[0].id, "b", &done).unwrap();
        let retry = Outcome::Retry { at: now + 5000, error: "smtp: 451".into() };
        storage.finish_delivery(&second[1].id, "b", &retry).unwrap();
        assert_eq!(states(&*storage, reference), [s("email", "done", 2), s("folder", "pending", 2)], "{db}");
        assert!(
            storage.claim_deliveries(now + 4999, now + 9000, "c", 10).unwrap().is_empty(),
            "{db}: not due"
        );
        let third = storage.claim_deliveries(now + 5000, now + 9000, "c", 10).unwrap();
        assert_eq!((third.len(), third[0].attempts), (1, 3), "{db}");
        storage.finish_delivery(&third[0].id, "c", &Outcome::Failed { error: "read-only".into() }).unwrap();
        let shown = storage.deliveries(reference).unwrap();
        assert_eq!(shown[1].last_error.as_deref(), Some("read-only"));
        assert_eq!(shown[0].done_at.as_deref(), Some("2026-11-30T06:01:00.000Z"));
        let counts = storage.delivery_counts().unwrap();
        assert_eq!(counts, [("done".to_owned(), 1), ("failed".to_owned(), 1)], "{db}");
        assert!(storage.claim_deliveries(now + 99_999, now + 100_000, "c", 10).unwrap().is_empty());

        // `deliveries retry`: fresh attempts, due now.
        assert_eq!(storage.retry_deliveries(reference, now).unwrap(), 1, "{db}");
        assert_eq!(storage.retry_deliveries(reference, now).unwrap(), 0, "{db}: only failed ones");
        let again = storage.claim_deliveries(now, now + 1000, "d", 10).unwrap();
        assert_eq!((again.len(), again[0].attempts), (1, 1), "{db}");

        // Retention waits for pending deliveries, then deletes them with the application.
        storage.acknowledge(reference, "hundesteuer", "2026-11-30T07:00:00.000Z").unwrap();
        assert!(storage.delete_acknowledged_before("2099-01-01T00:00:00.000Z").unwrap().is_empty(), "{db}");
        storage.finish_delivery(&again[0].id, "d", &done).unwrap();
        assert_eq!(storage.delete_acknowledged_before("2099-01-01T00:00:00.000Z").unwrap(), [reference]);
        assert!(storage.deliveries(reference).unwrap().is_empty());
        assert!(storage.delivery_counts().unwrap().is_empty(), "{db}: the rows went with it");
    }
}

#[test]
fn two_claimers_never_take_the_same_delivery() {
    let dir = TempDir::new("outbox-claimers");
    for (db, url) in databases("outbox-claimers", &dir.0) {
        let first = open(&url).unwrap();
        for n in 0..60 {
            first.insert(&application(n, &["email"])).unwrap();
        }
        let second = open(&url).unwrap();
        let now = formlotse_server::clock::now_millis();
        let claim_all = |storage: &dyn Storage, owner: &str| {
            let mut taken = Vec::new();
            loop {
                let batch = storage.claim_deliveries(now, now + 60_000, owner, 3).unwrap();
                if batch.is_empty() {
                    return taken;
                }
                taken.extend(batch.into_iter().map(|c| c.id));
            }
        };
        let (a, b) = std::thread::scope(|scope| {
            let a = scope.spawn(|| claim_all(&*first, "a"));
            let b = scope.spawn(|| claim_all(&*second, "b"));
            (a.join().unwrap(), b.join().unwrap())
        });
        let all: BTreeSet<&String> = a.iter().chain(&b).collect();
        assert_eq!((a.len() + b.len(), all.len()), (60, 60), "{db}: {} and {} claimed", a.len(), b.len());
    }
}
