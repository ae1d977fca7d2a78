//! Prometheus metrics in the text exposition format, counted with atomics (no registry crate
//! for seven series): received, refused by code, stored, acknowledged, deleted, and request
//! latency as a histogram.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Latency bucket bounds in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1.0, 5.0];

/// The server's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    received: AtomicU64,
    stored: AtomicU64,
    acknowledged: AtomicU64,
    deleted: AtomicU64,
    refused: Mutex<BTreeMap<&'static str, u64>>,
    /// Deliveries by (outcome, channel kind): `delivered`, `retried`, `failed`.
    deliveries: Mutex<BTreeMap<(&'static str, &'static str), u64>>,
    buckets: [AtomicU64; BUCKETS.len()],
    requests: AtomicU64,
    /// Sum of request durations in microseconds.
    micros: AtomicU64,
}

impl Metrics {
    pub fn received(&self) {
        self.received.fetch_add(1, Ordering::Relaxed);
    }

    pub fn stored(&self) {
        self.stored.fetch_add(1, Ordering::Relaxed);
    }

    pub fn acknowledged(&self) {
        self.acknowledged.fetch_add(1, Ordering::Relaxed);
    }

    pub fn deleted(&self, n: u64) {
        self.deleted.fetch_add(n, Ordering::Relaxed);
    }

    /// A submission refused with problem `code`.
    pub fn refused(&self, code: &'static str) {
        let mut refused = self.refused.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *refused.entry(code).or_insert(0) += 1;
    }

    /// A delivery over a channel of `kind` confirmed.
    pub fn delivered(&self, kind: &'static str) {
        self.delivery("delivered", kind);
    }

    /// An attempt failed; the delivery is tried again later.
    pub fn attempt_failed(&self, kind: &'static str) {
        self.delivery("retried", kind);
    }

    /// The last attempt failed: the delivery is `failed`.
    pub fn delivery_failed(&self, kind: &'static str) {
        self.delivery("failed", kind);
    }

    fn delivery(&self, outcome: &'static str, kind: &'static str) {
        let mut deliveries = self.deliveries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        *deliveries.entry((outcome, kind)).or_insert(0) += 1;
    }

    /// One request answered after `elapsed`.
    pub fn request(&self, elapsed: Duration) {
        let seconds = elapsed.as_secs_f64();
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            if seconds <= *bound {
                bucket.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.requests.fetch_add(1, Ordering::Relaxed);
        self.micros.fetch_add(u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX), Ordering::Relaxed);
    }

    /// The exposition text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let counter = |out: &mut String, name: &str, help: &str, value: &AtomicU64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                value.load(Ordering::Relaxed)
            );
        };
        counter(
            &mut out,
            "formlotse_submissions_received_total",
            "Submissions received (before any check).",
            &self.received,
        );
        counter(
            &mut out,
            "formlotse_applications_stored_total",
            "Applications stored (answered 201).",
            &self.stored,
        );
        counter(
            &mut out,
            "formlotse_applications_acknowledged_total",
            "Applications acknowledged by a client.",
            &self.acknowledged,
        );
        counter(
            &mut out,
            "formlotse_applications_deleted_total",
            "Applications deleted after their retention.",
            &self.deleted,
        );
        let _ =
            writeln!(out, "# HELP formlotse_submissions_refused_total Submissions refused, by problem code.");
        let _ = writeln!(out, "# TYPE formlotse_submissions_refused_total counter");
        for (code, n) in self.refused.lock().unwrap_or_else(std::sync::PoisonError::into_inner).iter() {
            let _ = writeln!(out, "formlotse_submissions_refused_total{{code=\"{code}\"}} {n}");
        }
        let name = "formlotse_delivery_attempts_total";
        let _ = writeln!(
            out,
            "# HELP {name} Delivery attempts of this process, by outcome (delivered, retried, failed) and channel.\n# TYPE {name} counter"
        );
        for ((outcome, kind), n) in
            self.deliveries.lock().unwrap_or_else(std::sync::PoisonError::into_inner).iter()
        {
            let _ = writeln!(out, "{name}{{outcome=\"{outcome}\",channel=\"{kind}\"}} {n}");
        }
        let name = "formlotse_http_request_duration_seconds";
        let _ = writeln!(out, "# HELP {name} Time to answer an HTTP request.\n# TYPE {name} histogram");
        for (bound, bucket) in BUCKETS.iter().zip(&self.buckets) {
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {}", bucket.load(Ordering::Relaxed));
        }
        let count = self.requests.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(out, "{name}_sum {}", self.micros.load(Ordering::Relaxed) as f64 / 1e6);
        let _ = writeln!(out, "{name}_count {count}");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_format_has_every_series() {
        let metrics = Metrics::default();
        metrics.received();
        metrics.refused("tooLarge");
        metrics.refused("tooLarge");
        metrics.request(Duration::from_millis(3));
        let text = metrics.render();
        assert!(text.contains("formlotse_submissions_received_total 1\n"), "{text}");
        assert!(text.contains("formlotse_submissions_refused_total{code=\"tooLarge\"} 2\n"), "{text}");
        assert!(text.contains("formlotse_http_request_duration_seconds_bucket{le=\"0.002\"} 0\n"), "{text}");
        assert!(text.contains("formlotse_http_request_duration_seconds_bucket{le=\"0.005\"} 1\n"), "{text}");
        assert!(text.contains("formlotse_http_request_duration_seconds_count 1\n"), "{text}");
    }
}
