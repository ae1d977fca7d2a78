//! The e-mail channel: one message to the office per application over SMTP (lettre), with a
//! plain-text and an HTML body (reference, form, time of receipt; the answers are in the PDF),
//! the PDF, the JSON document and the files attached. Its `Message-ID` is made from the
//! delivery id, so a mail system or clerk recognizes a repeat. The server confirmed it when it
//! answered the end of DATA with `250`.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, MultiPart, SinglePart};
use lettre::transport::smtp::SmtpTransport;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls as SmtpTls, TlsParameters};
use lettre::{Message, Transport};

use super::parcel::{Parcel, file_name};
use crate::config::delivery::{Email, Tls};

/// How long one SMTP conversation may take.
const TIMEOUT: Duration = Duration::from_secs(60);

/// `<FL-2026-7K3M-Q9XD.email@musterstadt.de>`: the delivery id at the sender's domain.
pub fn message_id(delivery_id: &str, from: &str) -> String {
    let domain = from.rsplit_once('@').map_or("formlotse.invalid", |(_, domain)| domain);
    format!("<{delivery_id}@{domain}>")
}

/// Builds the message for `parcel`.
pub fn message(email: &Email, parcel: &Parcel) -> Result<Message, String> {
    let bad = |e: &dyn std::fmt::Display| format!("message: {e}");
    let mut builder = Message::builder()
        .from(email.from.parse().map_err(|e| bad(&e))?)
        .subject(format!("Antrag {} – {}", parcel.form_title, parcel.reference))
        .message_id(Some(message_id(&parcel.delivery_id, &email.from)));
    for to in &email.to {
        builder = builder.to(to.parse().map_err(|e| bad(&e))?);
    }
    let text = format!(
        "Ein neuer Antrag ist eingegangen.\n\nFormular: {}\nAktenzeichen: {}\nEingegangen: {}\nAnlagen: {}\n\n\
         Der vollständige Antrag liegt als PDF (antrag-{}.pdf) und als JSON bei.\n",
        parcel.form_title,
        parcel.reference,
        parcel.received_at,
        parcel.files.len(),
        parcel.reference
    );
    let html = format!(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Antrag {reference}</title></head>\
         <body><h1>Neuer Antrag: {title}</h1><table><tr><th scope=\"row\">Aktenzeichen</th><td>{reference}</td></tr>\
         <tr><th scope=\"row\">Eingegangen</th><td>{received}</td></tr><tr><th scope=\"row\">Anlagen</th><td>{files}</td></tr></table>\
         <p>Der vollständige Antrag liegt als PDF und als JSON bei.</p></body></html>",
        title = escape(&parcel.form_title),
        reference = escape(&parcel.reference),
        received = escape(&parcel.received_at),
        files = parcel.files.len()
    );
    let attach = |name: String, bytes: Vec<u8>, mime: &str| -> Result<SinglePart, String> {
        let mime = ContentType::parse(mime)
            .unwrap_or(ContentType::parse("application/octet-stream").map_err(|e| bad(&e))?);
        Ok(Attachment::new(name).body(bytes, mime))
    };
    let mut mixed = MultiPart::mixed()
        .multipart(MultiPart::alternative_plain_html(text, html))
        .singlepart(attach(
            format!("antrag-{}.pdf", parcel.reference),
            parcel.pdf.clone(),
            "application/pdf",
        )?)
        .singlepart(attach(
            format!("antrag-{}.json", parcel.reference),
            parcel.json.clone(),
            "application/json",
        )?);
    for (meta, bytes) in &parcel.files {
        mixed = mixed.singlepart(attach(file_name(meta), bytes.clone(), &meta.mime)?);
    }
    builder.multipart(mixed).map_err(|e| bad(&e))
}

/// Sends `parcel`; `Ok` once the server accepted the message.
pub fn deliver(email: &Email, parcel: &Parcel) -> Result<(), String> {
    send(email, &message(email, parcel)?)
}

/// Sends `message` over `email`'s server; `Ok` once it accepted the message.
pub fn send(email: &Email, message: &Message) -> Result<(), String> {
    let tls = |host: &str| -> Result<TlsParameters, String> {
        let mut parameters = TlsParameters::builder(host.to_owned());
        if let Some(pem) = &email.ca {
            let certificate = Certificate::from_pem(pem).map_err(|e| format!("ca_file: {e}"))?;
            parameters = parameters.add_root_certificate(certificate);
        }
        parameters.build_rustls().map_err(|e| format!("smtp tls: {e}"))
    };
    let builder = SmtpTransport::builder_dangerous(&email.host).tls(match email.tls {
        Tls::None => SmtpTls::None,
        Tls::StartTls => SmtpTls::Required(tls(&email.host)?),
        Tls::Tls => SmtpTls::Wrapper(tls(&email.host)?),
    });
    let mut builder = builder.port(email.port).timeout(Some(TIMEOUT));
    if let Some((user, password)) = &email.credentials {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    builder.build().send(message).map(drop).map_err(|e| format!("smtp: {e}"))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
