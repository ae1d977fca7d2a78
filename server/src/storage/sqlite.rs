//! SQLite: one file, WAL, `synchronous=FULL` (a commit is on disk before the `201`), one
//! connection behind a mutex (SQLite has one writer at a time anyway; the receiver's
//! concurrency limit bounds the queue in front of it).

use std::path::Path;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OptionalExtension, params};

use super::schema::{Dialect, MIGRATIONS, MIGRATIONS_TABLE};
use super::sqlite_lifecycle as lifecycle;
use super::sqlite_outbox as outbox;
use super::{
    Application, AttachmentMeta, Claimed, DeliveryStatus, Inserted, ListQuery, NewApplication, Outcome,
    Receipt, SUMMARY_COLUMNS, State, Storage, StorageError, Summary,
};

#[derive(Debug)]
pub struct Sqlite {
    connection: Mutex<Connection>,
}

fn error(error: rusqlite::Error) -> StorageError {
    match error.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            StorageError::Unavailable(error.to_string())
        }
        _ => StorageError::Failed(error.to_string()),
    }
}

pub(super) fn summary_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<Summary> {
    let state: String = row.get(6)?;
    Ok(Summary {
        id: row.get(0)?,
        reference: row.get(1)?,
        form_id: row.get(2)?,
        form_version: row.get(3)?,
        lang: row.get(4)?,
        received_at: row.get(5)?,
        state: State::parse(&state).unwrap_or(State::New),
        acknowledged_at: row.get(7)?,
    })
}

fn meta_of(row: &rusqlite::Row<'_>) -> rusqlite::Result<AttachmentMeta> {
    Ok(AttachmentMeta {
        id: row.get(0)?,
        field: row.get(1)?,
        name: row.get(2)?,
        mime: row.get(3)?,
        size: row.get(4)?,
        sha256: row.get(5)?,
    })
}

impl Sqlite {
    pub fn open(path: &Path) -> Result<Sqlite, StorageError> {
        if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StorageError::Failed(format!("cannot create {}: {e}", dir.display())))?;
        }
        let connection = Connection::open(path).map_err(error)?;
        connection.busy_timeout(Duration::from_secs(5)).map_err(error)?;
        let mode: String = connection
            .pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))
            .map_err(error)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StorageError::Failed(format!(
                "{} cannot use WAL (journal mode {mode})",
                path.display()
            )));
        }
        connection.pragma_update(None, "synchronous", "FULL").map_err(error)?;
        connection.pragma_update(None, "foreign_keys", "ON").map_err(error)?;
        let storage = Sqlite { connection: Mutex::new(connection) };
        storage.migrate()?;
        Ok(storage)
    }

    fn lock(&self) -> Result<MutexGuard<'_, Connection>, StorageError> {
        self.connection
            .lock()
            .map_err(|_| StorageError::Failed("the connection is unusable after a panic".into()))
    }

    fn migrate(&self) -> Result<(), StorageError> {
        let mut connection = self.lock()?;
        connection.execute_batch(MIGRATIONS_TABLE).map_err(error)?;
        let transaction =
            connection.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).map_err(error)?;
        let applied: i64 = transaction
            .query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))
            .map_err(error)?;
        for migration in MIGRATIONS.iter().filter(|m| m.version > applied) {
            transaction.execute_batch(&migration.sql(Dialect::Sqlite)).map_err(error)?;
            transaction
                .execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?1, ?2)",
                    params![migration.version, crate::clock::now_rfc3339()],
                )
                .map_err(error)?;
        }
        transaction.commit().map_err(error)
    }
}

impl Storage for Sqlite {
    fn insert(&self, new: &NewApplication) -> Result<Inserted, StorageError> {
        let mut connection = self.lock()?;
        let transaction = connection.transaction().map_err(error)?;
        let id: Option<i64> = transaction
            .query_row(
                "INSERT INTO applications (reference, form_id, form_version, lang, received_at, idempotency_key, body_sha256, payload, receipt_sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING RETURNING id",
                params![
                    new.reference,
                    new.form_id,
                    new.form_version,
                    new.lang,
                    new.received_at,
                    new.idempotency_key,
                    new.body_sha256,
                    new.payload,
                    new.receipt_sha256
                ],
                |row| row.get(0),
            )
            .optional()
            .map_err(error)?;
        let Some(id) = id else {
            let earlier: Option<(String, String, String)> = match &new.idempotency_key {
                Some(key) => transaction
                    .query_row(
                        "SELECT reference, received_at, body_sha256 FROM applications WHERE idempotency_key = ?1",
                        [key],
                        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
                    )
                    .optional()
                    .map_err(error)?,
                None => None,
            };
            return Ok(match earlier {
                Some((reference, received_at, hash)) if hash == new.body_sha256 => {
                    Inserted::Repeated(Receipt { reference, received_at })
                }
                Some(_) => Inserted::Conflict,
                None => Inserted::ReferenceTaken,
            });
        };
        for file in &new.attachments {
            let m = &file.meta;
            transaction
                .execute(
                    "INSERT INTO attachments (application_id, attachment_id, field, name, type, size, sha256, bytes)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![id, m.id, m.field, m.name, m.mime, m.size, m.sha256, file.bytes],
                )
                .map_err(error)?;
        }
        outbox::queue(&transaction, id, &new.reference, &new.channels, crate::clock::now_millis())
            .map_err(error)?;
        transaction.commit().map_err(error)?;
        Ok(Inserted::Created(Receipt {
            reference: new.reference.clone(),
            received_at: new.received_at.clone(),
        }))
    }

    fn list(&self, query: &ListQuery) -> Result<Vec<Summary>, StorageError> {
        let connection = self.lock()?;
        // The form filter is a JSON array, so one statement serves any number of forms.
        let forms = serde_json::to_string(&query.forms).unwrap_or_else(|_| "[]".into());
        let mut statement = connection
            .prepare(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM applications WHERE id > ?1
                 AND (?2 = '[]' OR form_id IN (SELECT value FROM json_each(?2)))
                 AND (?3 IS NULL OR state = ?3) ORDER BY id LIMIT ?4"
            ))
            .map_err(error)?;
        let state = query.state.map(State::as_str);
        let rows = statement
            .query_map(params![query.after, forms, state, query.limit], summary_of)
            .map_err(error)?;
        rows.collect::<Result<_, _>>().map_err(error)
    }

    fn get(&self, reference: &str) -> Result<Option<Application>, StorageError> {
        let connection = self.lock()?;
        let found: Option<(Summary, String)> = connection
            .query_row(
                &format!("SELECT {SUMMARY_COLUMNS}, payload FROM applications WHERE reference = ?1"),
                [reference],
                |row| Ok((summary_of(row)?, row.get(8)?)),
            )
            .optional()
            .map_err(error)?;
        let Some((summary, payload)) = found else { return Ok(None) };
        let mut statement = connection
            .prepare(
                "SELECT attachment_id, field, name, type, size, sha256 FROM attachments
                 WHERE application_id = ?1 ORDER BY rowid",
            )
            .map_err(error)?;
        let attachments = statement.query_map([summary.id], meta_of).map_err(error)?;
        let attachments = attachments.collect::<Result<_, _>>().map_err(error)?;
        Ok(Some(Application { summary, payload, attachments }))
    }

    fn attachment(
        &self,
        reference: &str,
        id: &str,
    ) -> Result<Option<(AttachmentMeta, Vec<u8>)>, StorageError> {
        let connection = self.lock()?;
        connection
            .query_row(
                "SELECT a.attachment_id, a.field, a.name, a.type, a.size, a.sha256, a.bytes FROM attachments a
                 JOIN applications s ON s.id = a.application_id WHERE s.reference = ?1 AND a.attachment_id = ?2",
                [reference, id],
                |row| Ok((meta_of(row)?, row.get(6)?)),
            )
            .optional()
            .map_err(error)
    }

    fn acknowledge(&self, reference: &str, client: &str, at: &str) -> Result<Option<Summary>, StorageError> {
        lifecycle::acknowledge(&*self.lock()?, reference, client, at).map_err(error)
    }

    fn delete_acknowledged_before(&self, cutoff: &str) -> Result<Vec<String>, StorageError> {
        lifecycle::delete_acknowledged_before(&mut *self.lock()?, cutoff).map_err(error)
    }

    fn ping(&self) -> Result<(), StorageError> {
        self.lock()?.query_row("SELECT 1", [], |_| Ok(())).map_err(error)
    }

    fn schema_version(&self) -> Result<i64, StorageError> {
        self.lock()?
            .query_row("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", [], |row| row.get(0))
            .map_err(error)
    }

    fn claim_deliveries(
        &self,
        now: i64,
        lease_until: i64,
        owner: &str,
        limit: u32,
    ) -> Result<Vec<Claimed>, StorageError> {
        outbox::claim(&*self.lock()?, now, lease_until, owner, limit).map_err(error)
    }

    fn finish_delivery(&self, id: &str, owner: &str, outcome: &Outcome) -> Result<(), StorageError> {
        outbox::finish(&*self.lock()?, id, owner, outcome).map_err(error)
    }

    fn deliveries(&self, reference: &str) -> Result<Vec<DeliveryStatus>, StorageError> {
        outbox::list(&*self.lock()?, reference).map_err(error)
    }

    fn retry_deliveries(&self, reference: &str, now: i64) -> Result<usize, StorageError> {
        outbox::retry(&*self.lock()?, reference, now).map_err(error)
    }

    fn delivery_counts(&self) -> Result<Vec<(String, i64)>, StorageError> {
        outbox::counts(&*self.lock()?).map_err(error)
    }

    fn open_receipt(
        &self,
        reference: &str,
        token_sha256: &str,
        now: i64,
        until: i64,
    ) -> Result<bool, StorageError> {
        lifecycle::open_receipt(&*self.lock()?, reference, token_sha256, now, until).map_err(error)
    }
}
