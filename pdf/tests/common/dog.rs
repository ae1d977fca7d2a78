//! The dog registration as a citizen answered it (two dogs, one of a listed breed, a permit
//! attached, SEPA): shared by tests/dog.rs and the render benchmark (examples/bench.rs, which
//! includes this file by path).

#![allow(dead_code)]

use formlotse_core::Definition;
use formlotse_core::payload::Attachment;
use formlotse_pdf::Application;
use serde_json::{Value as Json, json};

pub const REFERENCE: &str = "FL-2026-7K3M-Q9XD";
pub const RECEIVED: &str = "2026-11-29T10:05:00Z";
pub const SHA: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

/// The application as the server hands it to the renderer: this reference, received at
/// [`RECEIVED`].
pub fn application<'a>(
    definition: &'a Definition,
    payload: &'a Json,
    files: &'a [Attachment],
) -> Application<'a> {
    Application { definition, payload, reference: REFERENCE, received_at: RECEIVED, attachments: files }
}

pub fn payload(lang: &str) -> Json {
    json!({
        "formlotse": 1, "form": "hund-anmelden", "version": "2026-12", "lang": lang,
        "answers": {
            "vorname": "Erika", "nachname": "Mustermann", "geburtsdatum": "1985-03-27",
            "strasse": "Musterstraße 1", "plz": "12345", "ort": "Musterstadt",
            "email": "erika.mustermann@example.org",
            "hunde": [
                {"hundename": "Bello", "rasse": "mischling", "chipnummer": "276098100123456",
                 "wurfdatum": "2024-05-14", "haltungsbeginn": "2026-10-01", "gefaehrlich": false, "satz": 144},
                {"hundename": "Rex", "rasse": "rottweiler", "haltungsbeginn": "2026-11-15",
                 "gefaehrlich": true, "satz": 600}
            ],
            "erlaubnis": [{"id": "f1", "name": "erlaubnis-rex.pdf", "type": "application/pdf", "size": 245760}],
            "versicherung": "Musterversicherung AG", "versicherungsnummer": "HV-2026-0042",
            "weitere_hunde": 0, "ermaessigung": "keine", "steuerbetrag": 696,
            "zahlungsart": "lastschrift", "iban": "DE02120300000000202051", "mandat": true, "richtig": true
        },
        "submittedAt": "2026-11-29T10:04:58.120Z",
        "attachments": [{"id": "f1", "field": "erlaubnis", "name": "erlaubnis-rex.pdf",
                         "type": "application/pdf", "size": 245760, "sha256": SHA}]
    })
}

pub fn attachments() -> Vec<Attachment> {
    vec![Attachment {
        id: "f1".into(),
        field: "erlaubnis".into(),
        name: "erlaubnis-rex.pdf".into(),
        mime: "application/pdf".into(),
        size: 245_760,
        sha256: SHA.into(),
    }]
}
