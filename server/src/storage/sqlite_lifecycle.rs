//! An application's life after storing, on SQLite: acknowledged by the back office, deleted by
//! retention, and the citizen's receipt link opened.

use rusqlite::{Connection, OptionalExtension, params};

use super::sqlite::summary_of;
use super::{SUMMARY_COLUMNS, Summary};

/// Which applications retention deletes: acknowledged before `?1`, none of its deliveries
/// still pending.
const DUE: &str = "state = 'acknowledged' AND acknowledged_at < ?1
    AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.application_id = applications.id AND d.state = 'pending')";

pub(super) fn acknowledge(
    connection: &Connection,
    reference: &str,
    client: &str,
    at: &str,
) -> rusqlite::Result<Option<Summary>> {
    connection.execute(
        "UPDATE applications SET state = 'acknowledged', acknowledged_at = ?2, acknowledged_by = ?3
         WHERE reference = ?1 AND state = 'new'",
        params![reference, at, client],
    )?;
    connection
        .query_row(
            &format!("SELECT {SUMMARY_COLUMNS} FROM applications WHERE reference = ?1"),
            [reference],
            summary_of,
        )
        .optional()
}

pub(super) fn delete_acknowledged_before(
    connection: &mut Connection,
    cutoff: &str,
) -> rusqlite::Result<Vec<String>> {
    let transaction = connection.transaction()?;
    for table in ["attachments", "deliveries"] {
        transaction.execute(
            &format!("DELETE FROM {table} WHERE application_id IN (SELECT id FROM applications WHERE {DUE})"),
            [cutoff],
        )?;
    }
    let deleted = {
        let mut statement =
            transaction.prepare(&format!("DELETE FROM applications WHERE {DUE} RETURNING reference"))?;
        let rows = statement.query_map([cutoff], |row| row.get(0))?;
        rows.collect::<Result<Vec<String>, _>>()?
    };
    transaction.commit()?;
    Ok(deleted)
}

/// See `Storage::open_receipt`.
pub(super) fn open_receipt(
    connection: &Connection,
    reference: &str,
    token_sha256: &str,
    now: i64,
    until: i64,
) -> rusqlite::Result<bool> {
    let n = connection.execute(
        "UPDATE applications SET receipt_until = COALESCE(receipt_until, ?4)
         WHERE reference = ?1 AND receipt_sha256 = ?2 AND (receipt_until IS NULL OR receipt_until > ?3)",
        params![reference, token_sha256, now, until],
    )?;
    Ok(n == 1)
}
