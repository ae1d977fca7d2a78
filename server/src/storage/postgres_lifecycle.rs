//! An application's life after storing, on PostgreSQL: acknowledged by the back office, deleted
//! by retention, and the citizen's receipt link opened.

use postgres::Client;

use super::postgres::summary_of;
use super::{SUMMARY_COLUMNS, Summary};

pub(super) fn acknowledge(
    client: &mut Client,
    reference: &str,
    client_name: &str,
    at: &str,
) -> Result<Option<Summary>, postgres::Error> {
    client.execute(
        "UPDATE applications SET state = 'acknowledged', acknowledged_at = $2, acknowledged_by = $3
         WHERE reference = $1 AND state = 'new'",
        &[&reference, &at, &client_name],
    )?;
    let row = client.query_opt(
        &format!("SELECT {SUMMARY_COLUMNS} FROM applications WHERE reference = $1"),
        &[&reference],
    )?;
    Ok(row.as_ref().map(summary_of))
}

pub(super) fn delete_acknowledged_before(
    client: &mut Client,
    cutoff: &str,
) -> Result<Vec<String>, postgres::Error> {
    // Attachments and deliveries go with their application (ON DELETE CASCADE); one with a
    // delivery still pending stays until it is delivered or failed.
    let rows = client.query(
        "DELETE FROM applications a WHERE state = 'acknowledged' AND acknowledged_at < $1
         AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.application_id = a.id AND d.state = 'pending')
         RETURNING reference",
        &[&cutoff],
    )?;
    Ok(rows.iter().map(|row| row.get(0)).collect())
}

/// See `Storage::open_receipt`.
pub(super) fn open_receipt(
    client: &mut Client,
    reference: &str,
    token_sha256: &str,
    now: i64,
    until: i64,
) -> Result<bool, postgres::Error> {
    let n = client.execute(
        "UPDATE applications SET receipt_until = COALESCE(receipt_until, $4)
         WHERE reference = $1 AND receipt_sha256 = $2 AND (receipt_until IS NULL OR receipt_until > $3)",
        &[&reference, &token_sha256, &now, &until],
    )?;
    Ok(n == 1)
}
