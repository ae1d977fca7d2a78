//! Delivering a submission exactly once, as a policy without I/O: which answers of a receiver
//! are worth another try and when, and what a refusal says. The host sends, sleeps and asks
//! again; every retry of one submission carries the same `Idempotency-Key`, so a receiver that
//! got the first request but whose answer was lost stores it once.

use crate::json::Json as Value;

/// How persistent the host is before it hands the decision to the citizen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Requests in all, the first included.
    pub max_attempts: u32,
    /// The delay before the first retry; it doubles with each one.
    pub base_delay_ms: u64,
    /// No single wait is longer (a `Retry-After` beyond it means: give up, tell the citizen).
    pub max_delay_ms: u64,
    /// No retry starts after this much time since the first request.
    pub budget_ms: u64,
}

impl Default for Policy {
    /// Four requests within about half a minute: long enough to ride out a dropped mobile
    /// connection or a restarting server, short enough that the citizen is not left waiting.
    fn default() -> Policy {
        Policy { max_attempts: 4, base_delay_ms: 1_000, max_delay_ms: 15_000, budget_ms: 30_000 }
    }
}

/// What happened to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response<'a> {
    /// No answer: offline, DNS, refused, CORS.
    Network,
    /// An HTTP status, with the `Retry-After` header if there was one.
    Status {
        /// The status code.
        status: u16,
        /// The raw `Retry-After` value.
        retry_after: Option<&'a str>,
    },
}

/// What to do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Delivered.
    Done,
    /// Try again after this many milliseconds.
    RetryIn(u64),
    /// Worth retrying, but the attempts or the time are used up: let the citizen try again.
    GiveUp,
    /// Refused for good (4xx other than 408 and 429): retrying the same request cannot help.
    Refused,
}

impl Policy {
    /// The decision after `attempt` (from 1) got `response`, `elapsed_ms` after the first
    /// request started; `jitter` in `[0, 1)` spreads the retries of many clients apart.
    pub fn decide(&self, response: &Response, attempt: u32, elapsed_ms: u64, jitter: f64) -> Decision {
        let retry_after = match response {
            Response::Status { status: 200..=299, .. } => return Decision::Done,
            Response::Status { status: 408 | 429 | 500..=599, retry_after } => {
                retry_after.and_then(retry_after_ms)
            }
            Response::Status { .. } => return Decision::Refused,
            Response::Network => None,
        };
        if attempt >= self.max_attempts {
            return Decision::GiveUp;
        }
        let delay = match retry_after {
            Some(asked) if asked > self.max_delay_ms => return Decision::GiveUp,
            Some(asked) => asked,
            None => {
                // Exponential backoff with "equal jitter": half fixed, half random.
                let exponential = self.base_delay_ms.saturating_mul(1 << attempt.saturating_sub(1).min(20));
                let capped = exponential.min(self.max_delay_ms);
                let jitter = jitter.clamp(0.0, 1.0);
                (capped / 2).saturating_add((capped as f64 / 2.0 * jitter) as u64)
            }
        };
        if elapsed_ms.saturating_add(delay) > self.budget_ms {
            return Decision::GiveUp;
        }
        Decision::RetryIn(delay)
    }
}

/// `Retry-After` as delay-seconds. An HTTP-date would need the clock the engine does not have;
/// it counts as absent (the backoff applies).
pub fn retry_after_ms(value: &str) -> Option<u64> {
    let value = value.trim();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse::<u64>().ok().map(|seconds| seconds.saturating_mul(1000))
}

/// A receiver's refusal, from an `application/problem+json` body (RFC 9457).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Refusal {
    /// `title`, if any.
    pub title: Option<String>,
    /// `detail`, if any.
    pub detail: Option<String>,
    /// Field errors from the `errors` member: `(field id, message)`. Accepted shapes:
    /// `{"field": "plz", "detail": "…"}` and `{"pointer": "#/answers/plz", "detail": "…"}`.
    pub fields: Vec<(String, String)>,
}

/// Reads a problem body; `None` when it is not a JSON object.
pub fn refusal(body: &str) -> Option<Refusal> {
    let problem = crate::json::parse(body).ok()?;
    let problem = problem.as_object()?;
    let text = |key: &str| problem.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
    let fields = problem
        .get("errors")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|error| {
            let field = error.get("field").and_then(Value::as_str).map(str::to_owned).or_else(|| {
                let pointer = error.get("pointer").and_then(Value::as_str)?;
                let rest = pointer.trim_start_matches('#').strip_prefix("/answers/")?;
                Some(rest.split('/').next().unwrap_or(rest).replace("~1", "/").replace("~0", "~"))
            })?;
            let message = ["detail", "message", "title"]
                .iter()
                .find_map(|key| error.get(key).and_then(Value::as_str))
                .map(str::trim)
                .filter(|s| !s.is_empty())?;
            (!field.is_empty()).then(|| (field, message.to_owned()))
        })
        .collect();
    Some(Refusal {
        title: text("title").map(str::to_owned),
        detail: text("detail").map(str::to_owned),
        fields,
    })
}

/// An `Idempotency-Key`: a version 4 UUID from 16 random bytes the host supplies.
pub fn idempotency_key(mut bytes: [u8; 16]) -> String {
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(status: u16, retry_after: Option<&str>) -> Response<'_> {
        Response::Status { status, retry_after }
    }

    #[test]
    fn decisions() {
        let policy = Policy::default();
        let cases: &[(Response, u32, u64, f64, Decision)] = &[
            (status(201, None), 1, 0, 0.5, Decision::Done),
            (status(204, None), 4, 99_999, 0.5, Decision::Done),
            (status(400, None), 1, 0, 0.5, Decision::Refused),
            (status(422, None), 1, 0, 0.5, Decision::Refused),
            (status(404, Some("1")), 1, 0, 0.5, Decision::Refused),
            (Response::Network, 1, 0, 0.0, Decision::RetryIn(500)),
            (Response::Network, 1, 0, 0.999_999, Decision::RetryIn(999)),
            (Response::Network, 2, 1_000, 0.0, Decision::RetryIn(1_000)),
            (Response::Network, 3, 3_000, 0.0, Decision::RetryIn(2_000)),
            (Response::Network, 4, 7_000, 0.0, Decision::GiveUp),
            (status(503, None), 1, 0, 1.0, Decision::RetryIn(1_000)),
            (status(500, None), 1, 0, 0.0, Decision::RetryIn(500)),
            (status(408, None), 1, 0, 0.0, Decision::RetryIn(500)),
            (status(429, Some("3")), 1, 0, 0.0, Decision::RetryIn(3_000)),
            (status(503, Some(" 2 ")), 2, 0, 0.0, Decision::RetryIn(2_000)),
            (status(503, Some("120")), 1, 0, 0.0, Decision::GiveUp),
            (status(503, Some("Wed, 21 Oct 2026 07:28:00 GMT")), 1, 0, 0.0, Decision::RetryIn(500)),
            (status(503, Some("10")), 1, 25_000, 0.0, Decision::GiveUp),
            (Response::Network, 1, 29_800, 0.0, Decision::GiveUp),
        ];
        for (response, attempt, elapsed, jitter, expected) in cases {
            assert_eq!(
                policy.decide(response, *attempt, *elapsed, *jitter),
                *expected,
                "{response:?} #{attempt}"
            );
        }
    }

    #[test]
    fn the_backoff_is_capped_and_never_overflows() {
        let policy = Policy { max_attempts: u32::MAX, budget_ms: u64::MAX, ..Policy::default() };
        for attempt in [10, 64, 1_000, u32::MAX - 1] {
            let Decision::RetryIn(delay) = policy.decide(&Response::Network, attempt, 0, 0.999) else {
                panic!("must retry") // ok: test
            };
            assert!(delay <= policy.max_delay_ms, "{attempt}: {delay}");
        }
    }

    #[test]
    fn refusals() {
        let body = r##"{"type": "about:blank", "title": "Unprocessable Entity", "status": 422,
            "detail": "Der Antrag enthält Fehler.",
            "errors": [{"field": "plz", "code": "postalCode", "detail": "Keine deutsche Postleitzahl."},
                       {"pointer": "#/answers/iban", "detail": "IBAN falsch."},
                       {"pointer": "/answers/a~1b/0", "message": "x"},
                       {"field": "", "detail": "ohne Feld"}, {"field": "ort"}, 7]}"##;
        let refusal = refusal(body).expect("a problem"); // ok: test
        assert_eq!(refusal.title.as_deref(), Some("Unprocessable Entity"));
        assert_eq!(refusal.detail.as_deref(), Some("Der Antrag enthält Fehler."));
        assert_eq!(
            refusal.fields,
            vec![
                ("plz".to_owned(), "Keine deutsche Postleitzahl.".to_owned()),
                ("iban".to_owned(), "IBAN falsch.".to_owned()),
                ("a/b".to_owned(), "x".to_owned()),
            ]
        );
        assert_eq!(super::refusal("<html>"), None);
        assert_eq!(super::refusal("[]"), None);
        assert_eq!(super::refusal("{}"), Some(Refusal::default()));
    }

    #[test]
    fn idempotency_keys_are_version_4_uuids() {
        assert_eq!(idempotency_key([0; 16]), "00000000-0000-4000-8000-000000000000");
        assert_eq!(idempotency_key([0xff; 16]), "ffffffff-ffff-4fff-bfff-ffffffffffff");
    }
}
