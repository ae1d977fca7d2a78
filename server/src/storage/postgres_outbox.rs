//! The outbox on PostgreSQL, for any number of server processes: a claim locks the due rows
//! it takes with `FOR UPDATE SKIP LOCKED` (two processes claiming at once take different rows,
//! neither waits) and leases them, so no row is sent by two workers at a time.

use postgres::{GenericClient, Row, Transaction};

use super::outbox::{Claimed, DeliveryStatus, Outcome, STATUS_COLUMNS, delivery_id};

/// Queues one delivery per channel of a new application (inside its transaction).
pub(super) fn queue(
    transaction: &mut Transaction<'_>,
    application_id: i64,
    reference: &str,
    channels: &[String],
    now: i64,
) -> Result<(), postgres::Error> {
    for channel in channels {
        transaction.execute(
            "INSERT INTO deliveries (id, application_id, channel, due_at) VALUES ($1, $2, $3, $4)",
            &[&delivery_id(reference, channel), &application_id, channel, &now],
        )?;
    }
    Ok(())
}

pub(super) fn claim(
    client: &mut impl GenericClient,
    now: i64,
    lease_until: i64,
    owner: &str,
    limit: u32,
) -> Result<Vec<Claimed>, postgres::Error> {
    let limit = i64::from(limit);
    let rows = client.query(
        "WITH due AS (
             SELECT id FROM deliveries WHERE state = 'pending' AND due_at <= $1
             AND (leased_until IS NULL OR leased_until < $1) ORDER BY due_at LIMIT $4 FOR UPDATE SKIP LOCKED)
         UPDATE deliveries d SET leased_until = $2, lease_owner = $3, attempts = d.attempts + 1
         FROM due, applications a WHERE d.id = due.id AND a.id = d.application_id
         RETURNING d.id, a.reference, a.form_id, d.channel, d.attempts",
        &[&now, &lease_until, &owner, &limit],
    )?;
    Ok(rows
        .iter()
        .map(|row| Claimed {
            id: row.get(0),
            reference: row.get(1),
            form_id: row.get(2),
            channel: row.get(3),
            attempts: row.get(4),
        })
        .collect())
}

pub(super) fn finish(
    client: &mut impl GenericClient,
    id: &str,
    owner: &str,
    outcome: &Outcome,
) -> Result<(), postgres::Error> {
    let (state, due_at, error, done_at) = outcome.columns();
    client.execute(
        "UPDATE deliveries SET state = $3, due_at = $4, last_error = $5, done_at = $6,
                leased_until = NULL, lease_owner = NULL
         WHERE id = $1 AND lease_owner = $2 AND state = 'pending'",
        &[&id, &owner, &state, &due_at, &error, &done_at],
    )?;
    Ok(())
}

fn status_of(row: &Row) -> DeliveryStatus {
    DeliveryStatus {
        id: row.get(0),
        channel: row.get(1),
        state: row.get(2),
        attempts: row.get(3),
        last_error: row.get(4),
        done_at: row.get(5),
    }
}

pub(super) fn list(
    client: &mut impl GenericClient,
    reference: &str,
) -> Result<Vec<DeliveryStatus>, postgres::Error> {
    let rows = client.query(
        &format!(
            "SELECT {STATUS_COLUMNS} FROM deliveries d JOIN applications a ON a.id = d.application_id
             WHERE a.reference = $1 ORDER BY d.channel"
        ),
        &[&reference],
    )?;
    Ok(rows.iter().map(status_of).collect())
}

pub(super) fn retry(
    client: &mut impl GenericClient,
    reference: &str,
    now: i64,
) -> Result<usize, postgres::Error> {
    let n = client.execute(
        "UPDATE deliveries SET state = 'pending', attempts = 0, due_at = $2, leased_until = NULL, lease_owner = NULL
         WHERE state = 'failed' AND application_id = (SELECT id FROM applications WHERE reference = $1)",
        &[&reference, &now],
    )?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

pub(super) fn counts(client: &mut impl GenericClient) -> Result<Vec<(String, i64)>, postgres::Error> {
    let rows = client.query("SELECT state, COUNT(*) FROM deliveries GROUP BY state ORDER BY state", &[])?;
    Ok(rows.iter().map(|row| (row.get(0), row.get(1))).collect())
}
