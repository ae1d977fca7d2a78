//! Where applications are kept: one [`Storage`] trait, two databases behind it (SQLite,
//! embedded, the default; PostgreSQL, for more than one server process), one schema
//! (`schema.rs`, versioned migrations applied at start-up). The same test suite
//! (tests/storage.rs) runs against both.
//!
//! The trait is synchronous: every call runs inside `spawn_blocking` under the receiver's
//! concurrency limit, so a slow disk or database never blocks the async workers.
//!
//! The delivery outbox (`outbox.rs`): a `deliveries` table (migration 2) whose rows `insert`
//! writes in the same transaction as the application, claimed by the delivery worker with a
//! lease (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite has a single writer).

pub mod outbox;
mod postgres;
mod postgres_lifecycle;
mod postgres_outbox;
mod postgres_pool;
pub mod schema;
mod sqlite;
mod sqlite_lifecycle;
mod sqlite_outbox;

pub use outbox::{Claimed, DeliveryStatus, Outcome};

use std::fmt;

/// An application to store, checked and complete.
#[derive(Debug, Clone)]
pub struct NewApplication {
    /// Its new random reference (see `reference.rs`).
    pub reference: String,
    pub form_id: String,
    pub form_version: String,
    pub lang: String,
    /// RFC 3339 UTC with milliseconds.
    pub received_at: String,
    /// The `Idempotency-Key` it came with.
    pub idempotency_key: Option<String>,
    /// SHA-256 of the payload bytes: a repeated key must come with the same payload.
    pub body_sha256: String,
    /// The payload exactly as received (a JSON object).
    pub payload: String,
    pub attachments: Vec<NewAttachment>,
    /// The names of the form's delivery channels: one delivery each, queued with it.
    pub channels: Vec<String>,
    /// SHA-256 (hex) of the citizen's token for the PDF download.
    pub receipt_sha256: Option<String>,
}

/// A file of an application.
#[derive(Debug, Clone)]
pub struct NewAttachment {
    pub meta: AttachmentMeta,
    pub bytes: Vec<u8>,
}

/// What is known about a stored file besides its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentMeta {
    /// The attachment id of the payload (`f1`).
    pub id: String,
    /// The answer path of its file field (`plan`, `hunde[0].foto`).
    pub field: String,
    /// The file name the citizen's device gave it.
    pub name: String,
    /// The checked MIME type.
    pub mime: String,
    pub size: i64,
    pub sha256: String,
}

impl AttachmentMeta {
    /// The payload's attachment as core and the PDF describe it.
    pub fn to_core(&self) -> formlotse_core::payload::Attachment {
        formlotse_core::payload::Attachment {
            id: self.id.clone(),
            field: self.field.clone(),
            name: self.name.clone(),
            mime: self.mime.clone(),
            size: u64::try_from(self.size).unwrap_or(0),
            sha256: self.sha256.clone(),
        }
    }
}

/// What `insert` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inserted {
    /// Stored now.
    Created(Receipt),
    /// The idempotency key was stored before with the same payload: that one's receipt.
    Repeated(Receipt),
    /// The idempotency key was stored before with another payload: nothing stored.
    Conflict,
    /// The (random) reference exists already: nothing stored; try another.
    ReferenceTaken,
}

/// The receipt of a stored application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub reference: String,
    pub received_at: String,
}

/// Whether the back office has fetched an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Not acknowledged yet: never deleted.
    New,
    /// Acknowledged by a client: deleted after the retention period.
    Acknowledged,
}

impl State {
    /// The word in the database and the API.
    pub fn as_str(self) -> &'static str {
        match self {
            State::New => "new",
            State::Acknowledged => "acknowledged",
        }
    }

    /// The state a word names.
    pub fn parse(text: &str) -> Option<State> {
        match text {
            "new" => Some(State::New),
            "acknowledged" => Some(State::Acknowledged),
            _ => None,
        }
    }
}

/// A stored application without its payload (lists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Its place in the order of arrival; the list's cursor.
    pub id: i64,
    pub reference: String,
    pub form_id: String,
    pub form_version: String,
    pub lang: String,
    pub received_at: String,
    pub state: State,
    pub acknowledged_at: Option<String>,
}

/// A stored application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Application {
    pub summary: Summary,
    /// The payload exactly as received.
    pub payload: String,
    pub attachments: Vec<AttachmentMeta>,
}

/// Which applications a list shows.
#[derive(Debug, Clone, Default)]
pub struct ListQuery {
    /// Only these forms.
    pub forms: Vec<String>,
    /// Only in this state.
    pub state: Option<State>,
    /// Only those after this id (the cursor).
    pub after: i64,
    /// At most this many.
    pub limit: u32,
}

/// A failure of the storage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// Unreachable, locked or out of connections: worth retrying (503).
    Unavailable(String),
    /// Anything else (500).
    Failed(String),
}

impl fmt::Display for StorageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StorageError::Unavailable(what) => write!(f, "storage unavailable: {what}"),
            StorageError::Failed(what) => write!(f, "storage failed: {what}"),
        }
    }
}

impl std::error::Error for StorageError {}

/// The storage API both databases implement.
pub trait Storage: Send + Sync + fmt::Debug {
    /// Stores an application with its files in one transaction, unless its idempotency key or
    /// reference is taken (see [`Inserted`]). When this returns `Created`, it is durable.
    fn insert(&self, application: &NewApplication) -> Result<Inserted, StorageError>;
    /// Applications in order of arrival.
    fn list(&self, query: &ListQuery) -> Result<Vec<Summary>, StorageError>;
    /// One application by reference.
    fn get(&self, reference: &str) -> Result<Option<Application>, StorageError>;
    /// One file of an application.
    fn attachment(
        &self,
        reference: &str,
        id: &str,
    ) -> Result<Option<(AttachmentMeta, Vec<u8>)>, StorageError>;
    /// Marks an application acknowledged (once; a repeat changes nothing) and returns it.
    fn acknowledge(&self, reference: &str, client: &str, at: &str) -> Result<Option<Summary>, StorageError>;
    /// Deletes every application acknowledged before `cutoff` (RFC 3339), with its files;
    /// returns their references.
    fn delete_acknowledged_before(&self, cutoff: &str) -> Result<Vec<String>, StorageError>;
    /// Whether the database answers.
    fn ping(&self) -> Result<(), StorageError>;
    /// The highest migration applied.
    fn schema_version(&self) -> Result<i64, StorageError>;
    /// Reserves up to `limit` pending deliveries due at `now` (milliseconds) whose lease is not
    /// held, for `owner` until `lease_until`, and counts an attempt for each.
    fn claim_deliveries(
        &self,
        now: i64,
        lease_until: i64,
        owner: &str,
        limit: u32,
    ) -> Result<Vec<Claimed>, StorageError>;
    /// Records how an attempt ended, if `owner` still holds the lease.
    fn finish_delivery(&self, id: &str, owner: &str, outcome: &Outcome) -> Result<(), StorageError>;
    /// The deliveries of one application.
    fn deliveries(&self, reference: &str) -> Result<Vec<DeliveryStatus>, StorageError>;
    /// Makes the failed deliveries of `reference` pending again with fresh attempts, due at
    /// `now`; returns how many.
    fn retry_deliveries(&self, reference: &str, now: i64) -> Result<usize, StorageError>;
    /// How many deliveries are in each state (`pending`, `done`, `failed`).
    fn delivery_counts(&self) -> Result<Vec<(String, i64)>, StorageError>;
    /// Opens the citizen's receipt link at `now` (milliseconds): `true` if `token_sha256` is the
    /// application's token and its window is not over. The first use starts the window (it ends
    /// at `until`), so repeated downloads work for a while and a leaked link not for long.
    fn open_receipt(
        &self,
        reference: &str,
        token_sha256: &str,
        now: i64,
        until: i64,
    ) -> Result<bool, StorageError>;
}

/// Opens the storage a URL names (`sqlite://PATH`, `postgres://…`) and migrates it.
pub fn open(url: &str) -> Result<Box<dyn Storage>, StorageError> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        Ok(Box::new(sqlite::Sqlite::open(std::path::Path::new(path))?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Box::new(postgres::Postgres::open(url)?))
    } else {
        Err(StorageError::Failed(format!("unknown storage URL {url:?}")))
    }
}

/// The columns of a [`Summary`], in this order, in both databases.
pub(crate) const SUMMARY_COLUMNS: &str =
    "id, reference, form_id, form_version, lang, received_at, state, acknowledged_at";
