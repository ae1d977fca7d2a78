//! The `Idempotency-Key` header: the runtime sends one random key per application and repeats
//! it on every retry, so the receiver stores each application once. The key is bound to the
//! payload: the same key with another payload is a conflict (409), never the first citizen's
//! receipt. A key that is there but malformed is refused (400), not ignored: ignoring it would
//! store every retry again.

use axum::http::HeaderMap;

/// The longest key accepted (the IETF draft's keys are UUIDs; 255 leaves room).
pub const MAX_KEY: usize = 255;

/// The key, `Ok(None)` when there is none, `Err` when it is malformed (empty, too long, not
/// visible ASCII, or given twice).
pub fn key(headers: &HeaderMap) -> Result<Option<String>, &'static str> {
    let mut values = headers.get_all("idempotency-key").iter();
    let Some(value) = values.next() else { return Ok(None) };
    if values.next().is_some() {
        return Err("twice");
    }
    let bytes = value.as_bytes();
    if bytes.is_empty() {
        return Err("empty");
    }
    if bytes.len() > MAX_KEY {
        return Err("longer than 255 bytes");
    }
    if !bytes.iter().all(|b| (0x21..=0x7e).contains(b)) {
        return Err("not visible ASCII");
    }
    Ok(Some(String::from_utf8_lossy(bytes).into_owned()))
}

#[cfg(test)]
mod tests {
    use super::key;
    use axum::http::{HeaderMap, HeaderValue};

    #[test]
    fn keys_are_visible_ascii_up_to_255_bytes() {
        let with = |value: &[u8]| {
            let mut headers = HeaderMap::new();
            headers.insert("idempotency-key", HeaderValue::from_bytes(value).unwrap());
            key(&headers)
        };
        assert_eq!(key(&HeaderMap::new()), Ok(None));
        assert_eq!(with(b"3f2a-uuid"), Ok(Some("3f2a-uuid".into())));
        assert_eq!(with(&[b'k'; 255]), Ok(Some("k".repeat(255))));
        assert_eq!(with(&[b'k'; 256]), Err("longer than 255 bytes"));
        assert_eq!(with(b""), Err("empty"));
        assert_eq!(with(b"a b"), Err("not visible ASCII"));
        assert_eq!(with("schlüssel".as_bytes()), Err("not visible ASCII"));
        let mut twice = HeaderMap::new();
        twice.append("idempotency-key", HeaderValue::from_static("a"));
        twice.append("idempotency-key", HeaderValue::from_static("b"));
        assert_eq!(key(&twice), Err("twice"));
    }
}
