//! More than one process, and processes that die: two servers on one PostgreSQL store each
//! application exactly once however the retries are spread; a server killed with SIGKILL
//! under load has kept every application it answered `201`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;
use std::time::Duration;

use common::{Server, TOKEN, TempDir, databases, fresh_postgres, one_field, request, site};

/// Every stored reference with its answer, through the pull API.
fn stored(server: &Server) -> BTreeMap<String, String> {
    let mut all = BTreeMap::new();
    let mut after = String::new();
    loop {
        let page = server.pull(&format!("/api/v1/applications?limit=500{after}")).json();
        for item in page["items"].as_array().unwrap() {
            let reference = item["reference"].as_str().unwrap().to_owned();
            let one = server.pull(&format!("/api/v1/applications/{reference}")).json();
            all.insert(reference, one["payload"]["answers"]["antwort"].as_str().unwrap().to_owned());
        }
        match page["next"].as_str() {
            Some(next) => after = format!("&after={next}"),
            None => return all,
        }
    }
}

#[test]
fn two_servers_on_one_postgresql_store_each_application_once() {
    let Some(url) = fresh_postgres("cluster") else { return };
    let dir = TempDir::new("cluster");
    let config = site(&dir.0, &url, "");
    let servers = [Server::start(&config), Server::start(&config)];
    let receipts: Mutex<BTreeMap<String, BTreeSet<String>>> = Mutex::default();
    // 200 applications from 20 threads at once; each is sent up to three times, its tries
    // alternating between the two servers, all with one key (as a browser retries a lost answer).
    std::thread::scope(|scope| {
        for thread in 0..20 {
            let (servers, receipts) = (&servers, &receipts);
            scope.spawn(move || {
                for n in 0..10 {
                    let key = format!("key-{thread}-{n}");
                    let body = one_field(&key).to_string();
                    for attempt in 0..=(n % 3) {
                        let server = &servers[(thread + n + attempt) % 2];
                        let answer = server.submit("ein-feld", Some(&key), &body);
                        assert!(answer.status == 201 || answer.status == 200, "{}", answer.text());
                        let reference = answer.json()["reference"].as_str().unwrap().to_owned();
                        receipts.lock().unwrap().entry(key.clone()).or_default().insert(reference);
                    }
                }
            });
        }
    });
    let receipts = receipts.into_inner().unwrap();
    assert_eq!(receipts.len(), 200);
    assert!(
        receipts.values().all(|references| references.len() == 1),
        "every try of a key got the same receipt"
    );
    let stored = stored(&servers[0]);
    assert_eq!(stored.len(), 200, "exactly one application per key");
    for (key, references) in &receipts {
        assert_eq!(stored.get(references.first().unwrap()), Some(key));
    }
    assert_eq!(crate::stored(&servers[1]), stored, "both servers see the same");
}

#[test]
fn a_server_killed_under_load_keeps_every_application_it_answered_201() {
    let dir = TempDir::new("sigkill");
    for (db, url) in databases("sigkill", &dir.0) {
        let config = site(&dir.0, &url, "");
        let mut server = Server::start(&config);
        let address = server.address.clone();
        let answered: Mutex<Vec<(String, String)>> = Mutex::default();
        std::thread::scope(|scope| {
            for thread in 0..8 {
                let (address, answered) = (&address, &answered);
                scope.spawn(move || {
                    for n in 0.. {
                        let answer = format!("t{thread}-{n}");
                        let body = one_field(&answer).to_string();
                        let headers = [("Content-Type", "application/json")];
                        // After the kill the connection fails: that ends this client.
                        let Ok(response) = std::panic::catch_unwind(|| {
                            request(
                                address,
                                "POST",
                                "/api/v1/forms/ein-feld/submissions",
                                &headers,
                                body.as_bytes(),
                            )
                        }) else {
                            return;
                        };
                        if response.status == 201 {
                            let reference = response.json()["reference"].as_str().unwrap().to_owned();
                            answered.lock().unwrap().push((reference, answer));
                        }
                    }
                });
            }
            std::thread::sleep(Duration::from_millis(2000));
            server.kill();
        });
        let answered = answered.into_inner().unwrap();
        assert!(answered.len() >= 8, "{db}: the load ran ({} answered)", answered.len());
        let again = Server::start(&config);
        let stored = stored(&again);
        for (reference, answer) in &answered {
            assert_eq!(stored.get(reference), Some(answer), "{db}: {reference} was answered 201 and is gone");
        }
        let auth = format!("Bearer {TOKEN}");
        assert_eq!(again.request("GET", "/readyz", &[("Authorization", &auth)], b"").status, 200);
    }
}
