//! The SQLite store of received submissions: one table, one connection behind a mutex.
//! A demo receiver takes a handful of requests a minute; a pool would be ceremony.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params};

/// The file name of the database inside the data directory.
pub const DATABASE_FILE: &str = "submissions.sqlite3";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    reference TEXT NOT NULL UNIQUE,
    form_id TEXT,
    received_at TEXT NOT NULL,
    verdict TEXT NOT NULL,
    payload TEXT NOT NULL,
    idempotency_key TEXT UNIQUE
);
CREATE TABLE IF NOT EXISTS attachments (
    submission_id INTEGER NOT NULL REFERENCES submissions(id),
    attachment_id TEXT NOT NULL,
    type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (submission_id, attachment_id)
);";

/// The columns [`submission_of`] reads.
const SELECT_SUBMISSION: &str =
    "SELECT id, reference, form_id, received_at, verdict, payload FROM submissions";

/// A row of [`SELECT_SUBMISSION`].
fn submission_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<Submission> {
    Ok(Submission {
        id: row.get(0)?,
        reference: row.get(1)?,
        form_id: row.get(2)?,
        received_at: row.get(3)?,
        verdict: row.get(4)?,
        payload: row.get(5)?,
    })
}

/// What the receiver answers for a stored submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// Row id, counting from 1.
    pub id: i64,
    /// The citizen-facing reference ("Aktenzeichen"), see [`reference`].
    pub reference: String,
    /// RFC 3339 UTC time of storage, with milliseconds.
    pub received_at: String,
}

/// One stored submission, as it is in the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// Row id, counting from 1.
    pub id: i64,
    /// The citizen-facing reference.
    pub reference: String,
    /// The payload's top-level `"form"` string, if it had one.
    pub form_id: Option<String>,
    /// RFC 3339 UTC time of storage.
    pub received_at: String,
    /// How the server checked it: `valid` (its form's rules passed) or `unchecked` (the server
    /// does not know the form).
    pub verdict: String,
    /// The request body exactly as received (a JSON object).
    pub payload: String,
}

/// A failure of the store at run time.
#[derive(Debug)]
pub enum StoreError {
    /// A thread panicked while holding the connection; its transaction was rolled back by
    /// SQLite, but this process no longer trusts the connection's state.
    Poisoned,
    /// SQLite said no.
    Sqlite(rusqlite::Error),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Poisoned => f.write_str("the database connection is unusable after an earlier panic"),
            StoreError::Sqlite(error) => write!(f, "database error: {error}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(error)
    }
}

/// The reference of submission `id`: `FL-` and the id zero-padded to six digits, so references
/// sort and read alike ("FL-000042"); beyond 999999 they simply grow a digit.
pub fn reference(id: i64) -> String {
    format!("FL-{id:06}")
}

/// The submissions database.
#[derive(Debug)]
pub struct Store {
    connection: Mutex<Connection>,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if needed) `<data_dir>/submissions.sqlite3` in WAL mode. The error is a
    /// complete sentence for the person starting the server.
    pub fn open(data_dir: &Path) -> Result<Store, String> {
        std::fs::create_dir_all(data_dir)
            .map_err(|e| format!("cannot create data directory {}: {e}", data_dir.display()))?;
        let path = data_dir.join(DATABASE_FILE);
        let cannot_open = |e: rusqlite::Error| format!("cannot open database {}: {e}", path.display());
        let connection = Connection::open(&path).map_err(cannot_open)?;
        // A second process (the sqlite3 shell, say) may hold the lock for a moment; wait for it
        // rather than failing a citizen's submission at once, but not forever.
        connection.busy_timeout(Duration::from_secs(5)).map_err(cannot_open)?;
        // WAL lets a reader (sqlite3 on the file while the demo runs) not block the writer.
        let mode: String = connection
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(cannot_open)?;
        if !mode.eq_ignore_ascii_case("wal") {
            eprintln!(
                "formlotse-demo: warning: {} uses journal mode {mode}, not WAL (file system without shared memory?)",
                path.display()
            );
        }
        connection.execute_batch(SCHEMA).map_err(cannot_open)?;
        Ok(Store { connection: Mutex::new(connection), path })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Stores `payload` (already checked to be a JSON object) and returns its receipt, and
    /// whether it is new: a submission whose `Idempotency-Key` is already stored is not stored
    /// again, and gets the first one's receipt.
    pub fn insert(
        &self,
        form_id: Option<&str>,
        verdict: &str,
        payload: &str,
        idempotency_key: Option<&str>,
    ) -> Result<(Receipt, bool), StoreError> {
        let mut connection = self.lock()?;
        if let Some(key) = idempotency_key {
            let existing = connection
                .query_row(
                    "SELECT id, reference, received_at FROM submissions WHERE idempotency_key = ?1",
                    [key],
                    |row| Ok(Receipt { id: row.get(0)?, reference: row.get(1)?, received_at: row.get(2)? }),
                )
                .optional()?;
            if let Some(receipt) = existing {
                return Ok((receipt, false));
            }
        }
        // The reference derives from the id, which exists only after the insert. Inside one
        // transaction, a random placeholder satisfies NOT NULL UNIQUE and is never visible.
        let transaction = connection.transaction()?;
        let (id, received_at): (i64, String) = transaction.query_row(
            "INSERT INTO submissions (reference, form_id, received_at, verdict, payload, idempotency_key)
             VALUES ('pending-' || hex(randomblob(16)), ?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?2, ?3, ?4)
             RETURNING id, received_at",
            params![form_id, verdict, payload, idempotency_key],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let reference = reference(id);
        transaction.execute("UPDATE submissions SET reference = ?1 WHERE id = ?2", params![reference, id])?;
        transaction.commit()?;
        Ok((Receipt { id, reference, received_at }, true))
    }

    /// Stores the files of submission `id`.
    pub fn insert_attachments(&self, id: i64, files: &[crate::multipart::File]) -> Result<(), StoreError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction()?;
        for file in files {
            transaction.execute(
                "INSERT INTO attachments (submission_id, attachment_id, type, bytes) VALUES (?1, ?2, ?3, ?4)",
                params![id, file.id, file.mime, file.bytes],
            )?;
        }
        transaction.commit()?;
        Ok(())
    }

    /// The type and bytes of attachment `attachment` of the submission `reference`.
    pub fn attachment(
        &self,
        reference: &str,
        attachment: &str,
    ) -> Result<Option<(String, Vec<u8>)>, StoreError> {
        let connection = self.lock()?;
        Ok(connection
            .query_row(
                "SELECT a.type, a.bytes FROM attachments a JOIN submissions s ON s.id = a.submission_id
                 WHERE s.reference = ?1 AND a.attachment_id = ?2",
                [reference, attachment],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?)
    }

    /// Every submission, oldest first.
    pub fn list(&self) -> Result<Vec<Submission>, StoreError> {
        let connection = self.lock()?;
        let mut statement = connection.prepare(&format!("{SELECT_SUBMISSION} ORDER BY id"))?;
        let rows = statement.query_map([], submission_of)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The submission with reference `reference`, if any.
    pub fn find(&self, reference: &str) -> Result<Option<Submission>, StoreError> {
        let connection = self.lock()?;
        let query = format!("{SELECT_SUBMISSION} WHERE reference = ?1");
        Ok(connection.query_row(&query, [reference], submission_of).optional()?)
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, StoreError> {
        self.connection.lock().map_err(|_| StoreError::Poisoned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory under the system temp dir, removed on drop.
    struct TempDir(PathBuf);

    impl TempDir {
        fn new(name: &str) -> TempDir {
            let path =
                std::env::temp_dir().join(format!("formlotse-demo-store-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            TempDir(path)
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn references_are_padded_to_six_digits() {
        assert_eq!(reference(1), "FL-000001");
        assert_eq!(reference(42), "FL-000042");
        assert_eq!(reference(1_234_567), "FL-1234567");
    }

    #[test]
    fn inserts_number_from_one_and_list_in_order() {
        let dir = TempDir::new("order");
        let store = Store::open(&dir.0.join("nested/data")).unwrap();
        assert!(store.path().is_file());
        let first = store.insert(Some("hund"), "valid", r#"{"form":"hund"}"#, Some("k1")).unwrap().0;
        let second = store.insert(None, "unchecked", "{}", None).unwrap().0;
        let (again, created) = store.insert(Some("hund"), "valid", r#"{"form":"hund"}"#, Some("k1")).unwrap();
        assert_eq!((again.reference.as_str(), created), ("FL-000001", false), "the same key is stored once");
        assert_eq!((first.id, first.reference.as_str()), (1, "FL-000001"));
        assert_eq!((second.id, second.reference.as_str()), (2, "FL-000002"));
        assert!(first.received_at.ends_with('Z') && first.received_at.contains('T'), "{}", first.received_at);

        let all = store.list().unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].form_id.as_deref(), Some("hund"));
        assert_eq!(all[0].payload, r#"{"form":"hund"}"#);
        assert_eq!((all[0].verdict.as_str(), all[1].verdict.as_str()), ("valid", "unchecked"));
        assert_eq!(all[0].received_at, first.received_at);
        assert_eq!(all[1].form_id, None);
        assert_eq!(store.find("FL-000002").unwrap().map(|s| s.id), Some(2));
        assert_eq!(store.find("FL-000003").unwrap(), None);
    }

    #[test]
    fn the_database_is_in_wal_mode_and_survives_reopening() {
        let dir = TempDir::new("reopen");
        {
            let store = Store::open(&dir.0).unwrap();
            store.insert(None, "unchecked", "{}", None).unwrap();
        }
        let store = Store::open(&dir.0).unwrap();
        let mode: String =
            store.lock().unwrap().query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(store.insert(None, "unchecked", "{}", None).unwrap().0.reference, "FL-000002");
    }

    #[test]
    fn an_unusable_data_dir_is_a_sentence_naming_it() {
        let dir = TempDir::new("file");
        std::fs::create_dir_all(&dir.0).unwrap();
        let file = dir.0.join("not-a-dir");
        std::fs::write(&file, "x").unwrap();
        let error = Store::open(&file).unwrap_err();
        assert!(error.starts_with("cannot create data directory ") && error.contains("not-a-dir"), "{error}");
    }
}
