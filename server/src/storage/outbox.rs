//! The delivery outbox's rows: what a worker claims, how an attempt ends, what the pull API
//! shows. Invariants (ARCHITECTURE.md): a row is written in the application's transaction; it
//! is `done` only after its channel confirmed; a claimed row is reserved by a lease, so two
//! workers never send it at the same time, and a worker that died gives it back when the lease
//! ends; the delivery id never changes, so a receiver recognizes a repeat.

/// The stable id of an application's delivery over one channel (`FL-2026-7K3M-Q9XD.email`).
pub fn delivery_id(reference: &str, channel: &str) -> String {
    format!("{reference}.{channel}")
}

/// A delivery reserved for one worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimed {
    pub id: String,
    pub reference: String,
    pub form_id: String,
    pub channel: String,
    /// Attempts so far, this one included.
    pub attempts: i64,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The channel confirmed (`at`: RFC 3339).
    Done { at: String },
    /// Failed; try again at `at` (milliseconds).
    Retry { at: i64, error: String },
    /// Failed for the last time: `failed` until `deliveries retry`.
    Failed { error: String },
}

impl Outcome {
    /// The row's state, due time, error and completion time after this outcome.
    pub(crate) fn columns(&self) -> (&'static str, i64, Option<&str>, Option<&str>) {
        match self {
            Outcome::Done { at } => ("done", 0, None, Some(at)),
            Outcome::Retry { at, error } => ("pending", *at, Some(error), None),
            Outcome::Failed { error } => ("failed", 0, Some(error), None),
        }
    }
}

/// A delivery as the pull API shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryStatus {
    pub id: String,
    pub channel: String,
    /// `pending`, `done` or `failed`.
    pub state: String,
    pub attempts: i64,
    pub last_error: Option<String>,
    pub done_at: Option<String>,
}

/// The columns of a [`DeliveryStatus`], in this order, in both databases.
pub(crate) const STATUS_COLUMNS: &str = "d.id, d.channel, d.state, d.attempts, d.last_error, d.done_at";
