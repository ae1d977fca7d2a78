//! Retention (GDPR: keep nothing longer than needed): an acknowledged application is deleted
//! with its files `acknowledged_days` after its acknowledgement; an unacknowledged one is never
//! deleted by the server. Each deletion is logged with reference and time only.

use std::sync::Arc;

use crate::config::Retention;
use crate::metrics::Metrics;
use crate::storage::{Storage, StorageError};

/// Deletes what is due now; returns the references deleted.
pub fn sweep(
    storage: &dyn Storage,
    retention: &Retention,
    metrics: &Metrics,
) -> Result<Vec<String>, StorageError> {
    let cutoff_millis = crate::clock::now_millis() - i64::from(retention.acknowledged_days) * 86_400_000;
    let deleted = storage.delete_acknowledged_before(&crate::clock::rfc3339(cutoff_millis))?;
    for reference in &deleted {
        crate::log::info("deleted", &[("reference", reference), ("reason", "retention")]);
    }
    metrics.deleted(deleted.len() as u64);
    Ok(deleted)
}

/// Sweeps every `sweep_interval`, forever (the task ends with the runtime).
pub async fn run(storage: Arc<dyn Storage>, retention: Retention, metrics: Arc<Metrics>) {
    loop {
        let (storage, retention_now, metrics_now) = (storage.clone(), retention.clone(), metrics.clone());
        match tokio::task::spawn_blocking(move || sweep(&*storage, &retention_now, &metrics_now)).await {
            Ok(Err(error)) => crate::log::warn("retention sweep failed", &[("what", &error.to_string())]),
            Err(error) => crate::log::error("retention sweep failed", &[("what", &error.to_string())]),
            Ok(Ok(_)) => {}
        }
        tokio::time::sleep(retention.sweep_interval).await;
    }
}
