//! The citizen's confirmation: when an e-mail channel names the form's e-mail field
//! (`confirm = "email"`) and the citizen answered it, the channel also sends them a short
//! message through the same outbox (its own delivery `REFERENCE.CHANNEL+citizen`, retried like
//! any other). It holds the form's title, the reference and the time of receipt, nothing else
//! of the application (no answers, no attachments: an e-mail address can be mistyped), in the
//! application's language: German, English, or for any other language both.

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

/// `2026-11-30T13:11:21.626Z` as `30.11.2026, 13:11 UTC` (German) or `2026-11-30 13:11 UTC`.
fn when(received_at: &str, german: bool) -> String {
    let part = |range: std::ops::Range<usize>| received_at.get(range).unwrap_or("");
    let (date, time) = (part(0..10), part(11..16));
    if german {
        format!("{}.{}.{}, {time} UTC", part(8..10), part(5..7), part(0..4))
    } else {
        format!("{date} {time} UTC")
    }
}

/// The subject and the text of the message, in `lang`.
pub fn text(lang: Lang, definition: &Definition, reference: &str, received_at: &str) -> (String, String) {
    let german = |title: &str| {
        (
            format!("Ihr Antrag ist eingegangen: {reference}"),
            format!(
                "Guten Tag,\n\nIhr Antrag „{title}“ ist am {} eingegangen.\nIhr Aktenzeichen: {reference}\n\n\
                 Bitte geben Sie das Aktenzeichen an, wenn Sie sich an die Verwaltung wenden. Diese E-Mail \
                 wurde automatisch versandt.\n",
                when(received_at, true)
            ),
        )
    };
    let english = |title: &str| {
        (
            format!("Your application has been received: {reference}"),
            format!(
                "Hello,\n\nyour application \"{title}\" was received on {}.\nYour reference number: {reference}\n\n\
                 Please quote the reference number when you contact the administration. This e-mail \
                 was sent automatically.\n",
                when(received_at, false)
            ),
        )
    };
    match lang.primary() {
        "de" => german(definition.title.get(Lang::De)),
        "en" => english(definition.title.get(lang)),
        _ => {
            let (subject, de) = german(definition.title.get(Lang::De));
            let (_, en) = english(definition.title.get(Lang::En));
            (subject, format!("{de}\n—\n\n{en}"))
        }
    }
}

/// Sends the confirmation of `claimed` over `email`'s server; `Ok` once it accepted it, and
/// `Ok` too when the answer is no longer there (nothing to confirm to).
pub fn deliver(
    email: &Email,
    storage: &dyn Storage,
    claimed: &Claimed,
    definition: &Definition,
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
        text(lang, definition, &application.summary.reference, &application.summary.received_at);
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
    fn the_time_is_written_as_each_language_writes_it() {
        assert_eq!(when("2026-11-30T07:05:09.120Z", true), "30.11.2026, 07:05 UTC");
        assert_eq!(when("2026-11-30T07:05:09.120Z", false), "2026-11-30 07:05 UTC");
    }
}
