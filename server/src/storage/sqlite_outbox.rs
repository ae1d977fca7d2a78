//! The outbox on SQLite. One connection, one writer: a claim is a single `UPDATE … RETURNING`,
//! so two workers of one process never take the same row; the lease covers a process that
//! died while sending (SQLite serves one process, see docs/operating.md).

use rusqlite::{Connection, Transaction, params};

use super::outbox::{Claimed, DeliveryStatus, Outcome, STATUS_COLUMNS, delivery_id};

/// Queues one delivery per channel of a new application (inside its transaction).
pub(super) fn queue(
    transaction: &Transaction<'_>,
    application_id: i64,
    reference: &str,
    channels: &[String],
    now: i64,
) -> rusqlite::Result<()> {
    for channel in channels {
        transaction.execute(
            "INSERT INTO deliveries (id, application_id, channel, due_at) VALUES (?1, ?2, ?3, ?4)",
            params![delivery_id(reference, channel), application_id, channel, now],
        )?;
    }
    Ok(())
}

pub(super) fn claim(
    connection: &Connection,
    now: i64,
    lease_until: i64,
    owner: &str,
    limit: u32,
) -> rusqlite::Result<Vec<Claimed>> {
    let mut statement = connection.prepare(
        "UPDATE deliveries SET leased_until = ?2, lease_owner = ?3, attempts = attempts + 1
         WHERE id IN (SELECT id FROM deliveries WHERE state = 'pending' AND due_at <= ?1
                      AND (leased_until IS NULL OR leased_until < ?1) ORDER BY due_at LIMIT ?4)
         RETURNING id, (SELECT reference FROM applications a WHERE a.id = application_id),
                   (SELECT form_id FROM applications a WHERE a.id = application_id), channel, attempts",
    )?;
    let rows = statement.query_map(params![now, lease_until, owner, limit], |row| {
        Ok(Claimed {
            id: row.get(0)?,
            reference: row.get(1)?,
            form_id: row.get(2)?,
            channel: row.get(3)?,
            attempts: row.get(4)?,
        })
    })?;
    rows.collect()
}

pub(super) fn finish(
    connection: &Connection,
    id: &str,
    owner: &str,
    outcome: &Outcome,
) -> rusqlite::Result<()> {
    let (state, due_at, error, done_at) = outcome.columns();
    connection.execute(
        "UPDATE deliveries SET state = ?3, due_at = ?4, last_error = ?5, done_at = ?6,
                leased_until = NULL, lease_owner = NULL
         WHERE id = ?1 AND lease_owner = ?2 AND state = 'pending'",
        params![id, owner, state, due_at, error, done_at],
    )?;
    Ok(())
}

pub(super) fn list(connection: &Connection, reference: &str) -> rusqlite::Result<Vec<DeliveryStatus>> {
    let mut statement = connection.prepare(&format!(
        "SELECT {STATUS_COLUMNS} FROM deliveries d JOIN applications a ON a.id = d.application_id
         WHERE a.reference = ?1 ORDER BY d.channel"
    ))?;
    let rows = statement.query_map([reference], |row| {
        Ok(DeliveryStatus {
            id: row.get(0)?,
            channel: row.get(1)?,
            state: row.get(2)?,
            attempts: row.get(3)?,
            last_error: row.get(4)?,
            done_at: row.get(5)?,
        })
    })?;
    rows.collect()
}

pub(super) fn retry(connection: &Connection, reference: &str, now: i64) -> rusqlite::Result<usize> {
    connection.execute(
        "UPDATE deliveries SET state = 'pending', attempts = 0, due_at = ?2, leased_until = NULL, lease_owner = NULL
         WHERE state = 'failed' AND application_id = (SELECT id FROM applications WHERE reference = ?1)",
        params![reference, now],
    )
}

pub(super) fn counts(connection: &Connection) -> rusqlite::Result<Vec<(String, i64)>> {
    let mut statement =
        connection.prepare("SELECT state, COUNT(*) FROM deliveries GROUP BY state ORDER BY state")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}
