//! The citizen's confirmation: when an e-mail channel names the form's e-mail field
//! (`confirm = "email"`) and the citizen answered it, the channel also sends them a short
//! message through the same outbox (its own delivery `REFERENCE.CHANNEL+citizen`, retried like
//! any other). It holds the form's title, the reference and the time of receipt, nothing else
//! of the application (no answers, no attachments: an e-mail address can be mistyped), in the
//! application's language (the `email.*` words of its catalog, the ones the server loaded, and
//! the time of receipt in the town's time zone as `time.winter`/`time.summer` word it), or for
//! a language without a catalog in German and English.

use formlotse_core::catalog::{Catalog, Catalogs};
use formlotse_core::{Definition, Lang};
use lettre::Message;
use lettre::message::header::ContentType;

use super::email::{message_id, send};
use crate::config::delivery::Email;
use crate::storage::{Claimed, Storage};

/// Appended to the channel's name in the delivery's channel (a name has no `+`).
pub const SUFFIX: &str = "+citizen";

/// The citizen's address in `payload`: the answer of `field`, if it is an address.
pub fn address(payload: &serde_json::Value, field: &str) -> Option<String> {
    let answer = payload.get("answers")?.get(field)?.as_str()?.trim();
    answer.parse::<lettre::Address>().ok().map(|_| answer.to_owned())
}

/// The subject and the text of the message in `lang`, from its catalog (`email.*` keys; German
/// built in); for a language without a catalog German, then English.
pub fn text(
    lang: Lang,
    catalogs: &Catalogs,
    definition: &Definition,
    reference: &str,
    received_at: &str,
) -> (String, String) {
    let in_words = |words: &Catalog| {
        let own = words.lang();
        // The town's civil time, as the PDF shows it (the stored time is UTC).
        let received =
            formlotse_pdf::received_at(received_at, words).unwrap_or_else(|| received_at.to_owned());
        let title = definition.title.get(own);
        let line = |key: &str| {
            words.document_text(key, &[("title", title), ("received", &received), ("reference", reference)])
        };
        (
            line("email.subject"),
            format!(
                "{}\n\n{}\n{}\n\n{}\n",
                line("email.greeting"),
                line("email.received"),
                line("email.reference"),
                line("email.closing")
            ),
        )
    };
    let words = catalogs.get(lang);
    let english = catalogs.get(Lang::En);
    if words.lang() != Lang::De || lang.primary() == "de" || english.lang() != Lang::En {
        return in_words(words);
    }
    let (subject, german) = in_words(words);
    let (_, english) = in_words(english);
    (subject, format!("{german}\n—\n\n{english}"))
}

/// Sends the confirmation of `claimed` over `email`'s server; `Ok` once it accepted it, and
/// `Ok` too when the answer is no longer there (nothing to confirm to).
pub fn deliver(
    email: &Email,
    storage: &dyn Storage,
    claimed: &Claimed,
    definition: &Definition,
    catalogs: &Catalogs,
) -> Result<(), String> {
    let field = email.confirm.as_deref().ok_or("the channel no longer confirms")?;
    let Some(application) = storage.get(&claimed.reference).map_err(|e| e.to_string())? else {
        return Err("the application is gone".into());
    };
    let payload: serde_json::Value =
        serde_json::from_str(&application.payload).map_err(|e| format!("stored payload: {e}"))?;
    let to = address(&payload, field).ok_or("the citizen's address is no longer in the application")?;
    let lang = formlotse_pdf::application_lang(&payload);
    let (subject, body) =
        text(lang, catalogs, definition, &application.summary.reference, &application.summary.received_at);
    let bad = |e: &dyn std::fmt::Display| format!("message: {e}");
    let message = Message::builder()
        .from(email.from.parse().map_err(|e| bad(&e))?)
        .to(to.parse().map_err(|e| bad(&e))?)
        .subject(subject)
        .message_id(Some(message_id(&claimed.id, &email.from)))
        .header(ContentType::TEXT_PLAIN)
        .body(body)
        .map_err(|e| bad(&e))?;
    send(email, &message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_is_the_answer_when_it_is_one() {
        let payload = serde_json::json!({"answers": {"email": " erika@example.org ", "name": "x", "n": 3}});
        assert_eq!(address(&payload, "email").as_deref(), Some("erika@example.org"));
        for field in ["name", "n", "missing"] {
            assert_eq!(address(&payload, field), None, "{field}");
        }
    }

    #[test]
    fn a_language_without_a_catalog_reads_german_then_english() {
        let definition = formlotse_core::load(
            r#"{"formlotse": 1, "id": "f", "title": "Hundesteuer", "steps": [{"id": "s", "title": "S", "fields": [{"id": "a", "type": "text", "label": "A"}]}]}"#,
        )
        .expect("a definition");
        let english = Catalog::parse(include_str!("../../../runtime/i18n/en.json")).expect("en");
        let catalogs = Catalogs::new([english]);
        let at = "2026-11-30T07:05:09.120Z";
        let (subject, body) = text(Lang::from_tag("fr"), &catalogs, &definition, "FL-1", at);
        assert_eq!(subject, "Ihr Antrag ist eingegangen: FL-1");
        assert!(
            body.starts_with(
                "Guten Tag,\n\nIhr Antrag „Hundesteuer“ ist am 30.11.2026, 08:05 Uhr (MEZ) eingegangen."
            ),
            "{body}"
        );
        assert!(
            body.contains(
                "\n—\n\nHello,\n\nYour application “Hundesteuer” was received on 30 November 2026, 08:05 (CET)."
            ),
            "{body}"
        );
        let (subject, body) = text(Lang::En, &catalogs, &definition, "FL-1", at);
        assert_eq!(subject, "Your application has been received: FL-1");
        assert!(!body.contains("Guten Tag"), "{body}");
        let (_, body) = text(Lang::from_tag("fr"), &Catalogs::default(), &definition, "FL-1", at);
        assert!(!body.contains('—'), "German once when there is no English either: {body}");
    }

    #[test]
    fn the_time_is_the_towns_as_each_language_writes_it() {
        let definition = formlotse_core::load(
            r#"{"formlotse": 1, "id": "f", "title": "Hundesteuer", "steps": [{"id": "s", "title": "S", "fields": [{"id": "a", "type": "text", "label": "A"}]}]}"#,
        )
        .expect("a definition");
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/i18n");
        let catalogs = crate::catalogs::load_dir(&dir).expect("the shipped catalogs");
        // 12:05 UTC is 14:05 in Berlin in summer (CEST), 13:05 in winter (CET).
        let cases = [
            ("de", "2026-07-01T12:05:00Z", "am 01.07.2026, 14:05 Uhr (MESZ) eingegangen"),
            ("de", "2026-11-30T12:05:00Z", "am 30.11.2026, 13:05 Uhr (MEZ) eingegangen"),
            ("en", "2026-07-01T12:05:00Z", "received on 1 July 2026, 14:05 (CEST)."),
            ("en", "2026-11-30T12:05:00Z", "received on 30 November 2026, 13:05 (CET)."),
            ("de-x-ls", "2026-07-01T12:05:00Z", "Das war am 1. Juli 2026 um 14:05 Uhr (Sommer-Zeit)."),
            ("uk", "2026-11-30T12:05:00Z", "отримано 30.11.2026 о 13:05 за центральноєвропейським часом."),
            (
                "ru",
                "2026-07-01T12:05:00Z",
                "получено 01.07.2026 в 14:05 по центральноевропейскому летнему времени.",
            ),
            ("pl", "2026-11-30T12:05:00Z", "wpłynął 30.11.2026, godz. 13:05 (CET)."),
            ("cs", "2026-07-01T12:05:00Z", "doručena 1. 7. 2026 v 14:05 (SELČ)."),
            ("tr", "2026-11-30T12:05:00Z", "başvurunuz alındı: 30.11.2026, saat 13:05 (Orta Avrupa Saati)."),
            ("ar", "2026-07-01T12:05:00Z", "الساعة 14:05 بتوقيت وسط أوروبا الصيفي."),
        ];
        for (tag, at, expected) in cases {
            let (_, body) = text(Lang::from_tag(tag), &catalogs, &definition, "FL-1", at);
            assert!(body.contains(expected), "{tag}: {expected:?} not in {body}");
            assert!(!body.contains("UTC"), "{tag}: {body}");
            if tag != "de" {
                assert!(!body.contains("MEZ") && !body.contains("MESZ"), "{tag}: {body}");
            }
        }
    }
}
