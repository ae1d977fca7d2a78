//! The schema, as numbered migrations applied in order at start-up and recorded in
//! `schema_migrations`. One list for both databases: each step is written once per dialect
//! where they differ (row ids, byte columns). A released step is never edited; a change is a
//! new step. Issue 14 appends the delivery outbox as migration 2.

/// One migration: its number and its SQL for SQLite and for PostgreSQL.
#[derive(Debug)]
pub struct Migration {
    pub version: i64,
    pub sqlite: &'static str,
    pub postgres: &'static str,
}

/// Every migration, in order.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    sqlite: "
CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL,
    field TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (application_id, attachment_id)
);",
    postgres: "
CREATE TABLE applications (
    id BIGSERIAL PRIMARY KEY,
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
    application_id BIGINT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    attachment_id TEXT NOT NULL,
    field TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    PRIMARY KEY (application_id, attachment_id)
);",
}];

/// The table recording which migrations ran (the same in both dialects).
pub const MIGRATIONS_TABLE: &str =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)";
