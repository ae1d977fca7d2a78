//! The signed webhook channel (Standard Webhooks, <https://www.standardwebhooks.com>): an HTTP
//! POST of the application's JSON document (attachments as links to the pull API) with
//! `webhook-id` (the delivery id, the same on every attempt), `webhook-timestamp` (Unix
//! seconds) and `webhook-signature` (`v1,` and the base64 HMAC-SHA256 of
//! `id.timestamp.body` with the key the `whsec_` secret encodes). A `2xx` confirms it. With
//! `attachments = "inline"` the body is `multipart/form-data`: the document as the part
//! `application`, then each file as the part named by its attachment id; the signature covers
//! the whole body as sent.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::parcel::{Parcel, file_name};
use crate::config::delivery::Webhook;

/// The key a `whsec_…` secret encodes (the spec's format: the prefix, then base64).
pub fn secret_key(secret: &str) -> Option<Vec<u8>> {
    let key = STANDARD.decode(secret.strip_prefix("whsec_")?).ok()?;
    (key.len() >= 16).then_some(key)
}

/// The `webhook-signature` value for this message.
pub fn signature(key: &[u8], id: &str, timestamp: u64, body: &[u8]) -> String {
    // HMAC takes a key of any length.
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts any key length"); // ok: never fails
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes()))
}

/// Posts `parcel` to the webhook; `Ok` once it answered `2xx`.
pub fn deliver(webhook: &Webhook, parcel: &Parcel) -> Result<(), String> {
    let timestamp = u64::try_from(crate::clock::now_millis() / 1000).unwrap_or(0);
    let (content_type, body) = if webhook.inline {
        let boundary = boundary()?;
        (format!("multipart/form-data; boundary={boundary}"), multipart(parcel, &boundary))
    } else {
        ("application/json".to_owned(), parcel.json.clone())
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(webhook.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let response = agent
        .post(&webhook.url)
        .header("content-type", &content_type)
        .header("webhook-id", &parcel.delivery_id)
        .header("webhook-timestamp", &timestamp.to_string())
        .header("webhook-signature", &signature(&webhook.key, &parcel.delivery_id, timestamp, &body))
        .send(&body[..])
        .map_err(|e| format!("webhook: {e}"))?;
    let status = response.status();
    if status.is_success() { Ok(()) } else { Err(format!("webhook answered {}", status.as_u16())) }
}

/// A random multipart boundary (it cannot occur in the parts by chance).
fn boundary() -> Result<String, String> {
    let mut random = [0u8; 16];
    getrandom::fill(&mut random).map_err(|e| e.to_string())?;
    Ok(format!("formlotse-{}", random.iter().map(|b| format!("{b:02x}")).collect::<String>()))
}

/// The `multipart/form-data` body of `parcel`: the document, then every file.
fn multipart(parcel: &Parcel, boundary: &str) -> Vec<u8> {
    let mut body = Vec::with_capacity(
        parcel.json.len() + parcel.files.iter().map(|(_, b)| b.len() + 200).sum::<usize>(),
    );
    let mut part = |head: String, bytes: &[u8]| {
        body.extend_from_slice(format!("--{boundary}\r\n{head}\r\n\r\n").as_bytes());
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    };
    let json = "Content-Disposition: form-data; name=\"application\"\r\nContent-Type: application/json";
    part(json.to_owned(), &parcel.json);
    for (meta, bytes) in &parcel.files {
        // The id and the safe name need no quoting; the type was checked when received.
        let head = format!(
            "Content-Disposition: form-data; name=\"{}\"; filename=\"{}\"\r\nContent-Type: {}",
            meta.id,
            file_name(meta),
            meta.mime
        );
        part(head, bytes);
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example of the Standard Webhooks specification's test vectors.
    #[test]
    fn signs_as_the_specification_says() {
        let key = secret_key("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").unwrap();
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(
            signature(&key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
        );
        assert_eq!(secret_key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), None);
        assert_eq!(secret_key("whsec_!!"), None);
    }
}
