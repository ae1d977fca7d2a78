//! The schema, as numbered migrations applied in order at start-up and recorded in
//! `schema_migrations`. One list for both databases: each step is written once, with
//! `{serial}`, `{int}` and `{bytes}` where the dialects differ (row ids, integers, byte
//! columns). A released step is never edited (its SQL per dialect stays what it was); a change
//! is a new step.

/// One migration: its number and its SQL with the dialect's words as placeholders.
#[derive(Debug)]
pub struct Migration {
    pub version: i64,
    pub sql: &'static str,
}

/// The two SQL dialects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Migration {
    /// The SQL for `dialect`.
    pub fn sql(&self, dialect: Dialect) -> String {
        let (serial, int, bytes) = match dialect {
            Dialect::Sqlite => ("INTEGER PRIMARY KEY AUTOINCREMENT", "INTEGER", "BLOB"),
            Dialect::Postgres => ("BIGSERIAL PRIMARY KEY", "BIGINT", "BYTEA"),
        };
        self.sql.replace("{serial}", serial).replace("{int}", int).replace("{bytes}", bytes)
    }
}

/// Every migration, in order.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: "
CREATE TABLE applications (
    id {serial},
    reference TEXT NOT NULL UNIQUE,
    form_id TEXT NOT NULL,
    form_version TEXT NOT NULL,
    lang TEXT NOT NULL,
    received_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acknowledged')),
    acknowledged_at TEXT,
    acknowledged_by TEXT,
    idempotency_key TEXT UNIQUE,
    body_sha256 TEXT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX applications_by_state ON applications (state, form_id, id);
CREATE INDEX applications_by_acknowledgement ON applications (acknowledged_at) WHERE state = 'acknowledged';
CREATE TABLE attachments (
    application_id {int} NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL,
    field TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size {int} NOT NULL,
    sha256 TEXT NOT NULL,
    bytes {bytes} NOT NULL,
    PRIMARY KEY (application_id, attachment_id)
);",
    },
    // The delivery outbox: one row per application and channel, written in the application's
    // transaction. Times are milliseconds since 1970 (compared, never shown). And the hash of
    // the citizen's one-time receipt token (the PDF download of the receipt page).
    Migration {
        version: 2,
        sql: "
CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    application_id {int} NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'done', 'failed')),
    attempts {int} NOT NULL DEFAULT 0,
    due_at {int} NOT NULL,
    leased_until {int},
    lease_owner TEXT,
    last_error TEXT,
    done_at TEXT,
    UNIQUE (application_id, channel)
);
CREATE INDEX deliveries_due ON deliveries (state, due_at);
ALTER TABLE applications ADD COLUMN receipt_sha256 TEXT;",
    },
    // When the citizen's receipt link stops working (milliseconds since 1970): set by its first
    // use, so a second click, a HEAD request or a download manager still gets the PDF.
    Migration { version: 3, sql: "ALTER TABLE applications ADD COLUMN receipt_until {int};" },
];

/// The table recording which migrations ran (the same in both dialects).
pub const MIGRATIONS_TABLE: &str =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)";
