//! PostgreSQL: the storage for more than one server process. A small pool of blocking
//! `postgres` clients (each call already runs in `spawn_blocking`); a connection that broke is
//! dropped, not returned. Two processes agree through the database alone: the unique
//! idempotency key decides which of two concurrent inserts stores, and migrations run under an
//! advisory lock.

use std::sync::Mutex;

use postgres::error::SqlState;
use postgres::{Client, Row};

use super::postgres_lifecycle as lifecycle;
use super::postgres_outbox as outbox;
use super::schema::{Dialect, MIGRATIONS, MIGRATIONS_TABLE};
use super::{
    Application, AttachmentMeta, Claimed, DeliveryStatus, Inserted, ListQuery, NewApplication, Outcome,
    Receipt, SUMMARY_COLUMNS, State, Storage, StorageError, Summary,
};

/// The advisory lock key migrations hold ("FL" in ASCII).
const MIGRATION_LOCK: i64 = 0x464c;

pub struct Postgres {
    pub(super) config: postgres::Config,
    pub(super) idle: Mutex<Vec<Client>>,
}

impl std::fmt::Debug for Postgres {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the URL: it may hold a password.
        f.write_str("Postgres")
    }
}

pub(super) fn error(error: postgres::Error) -> StorageError {
    let unavailable = error.is_closed()
        || error.code().is_some_and(|code| {
            code == &SqlState::T_R_SERIALIZATION_FAILURE
                || code == &SqlState::T_R_DEADLOCK_DETECTED
                || code == &SqlState::TOO_MANY_CONNECTIONS
                || code == &SqlState::CANNOT_CONNECT_NOW
                || code == &SqlState::ADMIN_SHUTDOWN
        })
        || error.as_db_error().is_none();
    if unavailable {
        StorageError::Unavailable(error.to_string())
    } else {
        StorageError::Failed(error.to_string())
    }
}

pub(super) fn summary_of(row: &Row) -> Summary {
    let state: String = row.get(6);
    Summary {
        id: row.get(0),
        reference: row.get(1),
        form_id: row.get(2),
        form_version: row.get(3),
        lang: row.get(4),
        received_at: row.get(5),
        state: State::parse(&state).unwrap_or(State::New),
        acknowledged_at: row.get(7),
    }
}

fn meta_of(row: &Row) -> AttachmentMeta {
    AttachmentMeta {
        id: row.get(0),
        field: row.get(1),
        name: row.get(2),
        mime: row.get(3),
        size: row.get(4),
        sha256: row.get(5),
    }
}

impl Postgres {
    pub fn open(url: &str) -> Result<Postgres, StorageError> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e| StorageError::Failed(format!("the PostgreSQL URL does not parse: {e}")))?;
        let storage = Postgres { config, idle: Mutex::new(Vec::new()) };
        storage.migrate()?;
        Ok(storage)
    }

    fn migrate(&self) -> Result<(), StorageError> {
        let mut client = self.connect()?;
        let mut transaction = client.transaction().map_err(error)?;
        // Two processes starting at once: the second waits here, then finds nothing to do.
        transaction.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).map_err(error)?;
        transaction.batch_execute(MIGRATIONS_TABLE).map_err(error)?;
        let applied: i64 = transaction
            .query_one("SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations", &[])
            .map_err(error)?
            .get(0);
        for migration in MIGRATIONS.iter().filter(|m| m.version > applied) {
            transaction.batch_execute(&migration.sql(Dialect::Postgres)).map_err(error)?;
            transaction
                .execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                    &[&migration.version, &crate::clock::now_rfc3339()],
                )
                .map_err(error)?;
        }
        transaction.commit().map_err(error)
    }
}

impl Storage for Postgres {
    fn insert(&self, new: &NewApplication) -> Result<Inserted, StorageError> {
        let mut client = self.connect()?;
        let mut transaction = client.transaction().map_err(error)?;
        // With a concurrent insert of the same key, ON CONFLICT waits for the other transaction
        // and then does nothing; the SELECT below (a new snapshot) sees its row.
        let row = transaction
            .query_opt(
                "INSERT INTO applications (reference, form_id, form_version, lang, received_at, idempotency_key, body_sha256, payload, receipt_sha256)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING id",
                &[
                    &new.reference,
                    &new.form_id,
                    &new.form_version,
                    &new.lang,
                    &new.received_at,
                    &new.idempotency_key,
                    &new.body_sha256,
                    &new.payload,
                    &new.receipt_sha256,
                ],
            )
            .map_err(error)?;
        let Some(row) = row else {
            let earlier = match &new.idempotency_key {
                Some(key) => transaction
                    .query_opt(
                        "SELECT reference, received_at, body_sha256 FROM applications WHERE idempotency_key = $1",
                        &[key],
                    )
                    .map_err(error)?,
                None => None,
            };
            return Ok(match earlier {
                Some(row) if row.get::<_, String>(2) == new.body_sha256 => {
                    Inserted::Repeated(Receipt { reference: row.get(0), received_at: row.get(1) })
                }
                Some(_) => Inserted::Conflict,
                None => Inserted::ReferenceTaken,
            });
        };
        let id: i64 = row.get(0);
        for file in &new.attachments {
            let m = &file.meta;
            transaction
                .execute(
                    "INSERT INTO attachments (application_id, attachment_id, field, name, type, size, sha256, bytes)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    &[&id, &m.id, &m.field, &m.name, &m.mime, &m.size, &m.sha256, &file.bytes],
                )
                .map_err(error)?;
        }
        outbox::queue(&mut transaction, id, &new.reference, &new.channels, crate::clock::now_millis())
            .map_err(error)?;
        transaction.commit().map_err(error)?;
        Ok(Inserted::Created(Receipt {
            reference: new.reference.clone(),
            received_at: new.received_at.clone(),
        }))
    }

    fn list(&self, query: &ListQuery) -> Result<Vec<Summary>, StorageError> {
        let mut client = self.connect()?;
        let state = query.state.map(State::as_str);
        let limit = i64::from(query.limit);
        let rows = client
            .query(
                &format!(
                    "SELECT {SUMMARY_COLUMNS} FROM applications WHERE id > $1
                     AND (cardinality($2::TEXT[]) = 0 OR form_id = ANY($2))
                     AND ($3::TEXT IS NULL OR state = $3) ORDER BY id LIMIT $4"
                ),
                &[&query.after, &query.forms, &state, &limit],
            )
            .map_err(error)?;
        Ok(rows.iter().map(summary_of).collect())
    }

    fn get(&self, reference: &str) -> Result<Option<Application>, StorageError> {
        let mut client = self.connect()?;
        let row = client
            .query_opt(
                &format!("SELECT {SUMMARY_COLUMNS}, payload FROM applications WHERE reference = $1"),
                &[&reference],
            )
            .map_err(error)?;
        let Some(row) = row else { return Ok(None) };
        let summary = summary_of(&row);
        let rows = client
            .query(
                "SELECT attachment_id, field, name, type, size, sha256 FROM attachments
                 WHERE application_id = $1 ORDER BY ctid",
                &[&summary.id],
            )
            .map_err(error)?;
        Ok(Some(Application {
            summary,
            payload: row.get(8),
            attachments: rows.iter().map(meta_of).collect(),
        }))
    }

    fn attachment(
        &self,
        reference: &str,
        id: &str,
    ) -> Result<Option<(AttachmentMeta, Vec<u8>)>, StorageError> {
        let mut client = self.connect()?;
        let row = client
            .query_opt(
                "SELECT a.attachment_id, a.field, a.name, a.type, a.size, a.sha256, a.bytes FROM attachments a
                 JOIN applications s ON s.id = a.application_id WHERE s.reference = $1 AND a.attachment_id = $2",
                &[&reference, &id],
            )
            .map_err(error)?;
        Ok(row.map(|row| (meta_of(&row), row.get(6))))
    }

    fn acknowledge(&self, reference: &str, client: &str, at: &str) -> Result<Option<Summary>, StorageError> {
        lifecycle::acknowledge(&mut *self.connect()?, reference, client, at).map_err(error)
    }

    fn delete_acknowledged_before(&self, cutoff: &str) -> Result<Vec<String>, StorageError> {
        lifecycle::delete_acknowledged_before(&mut *self.connect()?, cutoff).map_err(error)
    }

    fn ping(&self) -> Result<(), StorageError> {
        self.connect()?.simple_query("SELECT 1").map(drop).map_err(error)
    }

    fn schema_version(&self) -> Result<i64, StorageError> {
        let mut client = self.connect()?;
        let row = client
            .query_one("SELECT COALESCE(MAX(version), 0)::BIGINT FROM schema_migrations", &[])
            .map_err(error)?;
        Ok(row.get(0))
    }

    fn claim_deliveries(
        &self,
        now: i64,
        lease_until: i64,
        owner: &str,
        limit: u32,
    ) -> Result<Vec<Claimed>, StorageError> {
        outbox::claim(&mut *self.connect()?, now, lease_until, owner, limit).map_err(error)
    }

    fn finish_delivery(&self, id: &str, owner: &str, outcome: &Outcome) -> Result<(), StorageError> {
        outbox::finish(&mut *self.connect()?, id, owner, outcome).map_err(error)
    }

    fn deliveries(&self, reference: &str) -> Result<Vec<DeliveryStatus>, StorageError> {
        outbox::list(&mut *self.connect()?, reference).map_err(error)
    }

    fn retry_deliveries(&self, reference: &str, now: i64) -> Result<usize, StorageError> {
        outbox::retry(&mut *self.connect()?, reference, now).map_err(error)
    }

    fn delivery_counts(&self) -> Result<Vec<(String, i64)>, StorageError> {
        outbox::counts(&mut *self.connect()?).map_err(error)
    }

    fn open_receipt(
        &self,
        reference: &str,
        token_sha256: &str,
        now: i64,
        until: i64,
    ) -> Result<bool, StorageError> {
        lifecycle::open_receipt(&mut *self.connect()?, reference, token_sha256, now, until).map_err(error)
    }
}
