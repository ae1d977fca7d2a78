//! What every channel delivers, made once per attempt from the stored application: the
//! application as JSON (the pull API's document with the delivery id), the office's PDF (in
//! German) and the files as received.

use formlotse_core::{Definition, Lang};

use crate::storage::{AttachmentMeta, Claimed, Storage};

/// An application ready to send.
#[derive(Debug)]
pub struct Parcel {
    /// Stable over every attempt: a receiver recognizes a repeat by it.
    pub delivery_id: String,
    pub reference: String,
    pub form_id: String,
    /// The form's title in German.
    pub form_title: String,
    pub received_at: String,
    /// `antrag.json`.
    pub json: Vec<u8>,
    /// `antrag.pdf`, tagged (PDF/UA), in German.
    pub pdf: Vec<u8>,
    pub files: Vec<(AttachmentMeta, Vec<u8>)>,
}

/// Reads the application of `claimed` and renders its PDF. `Ok(None)`: it is gone (deleted).
pub fn make(
    storage: &dyn Storage,
    claimed: &Claimed,
    definition: &Definition,
    fonts: &formlotse_pdf::Fonts,
    public_url: &str,
) -> Result<Option<Parcel>, String> {
    let Some(application) = storage.get(&claimed.reference).map_err(|e| e.to_string())? else {
        return Ok(None);
    };
    let mut files = Vec::with_capacity(application.attachments.len());
    for meta in &application.attachments {
        let found = storage.attachment(&claimed.reference, &meta.id).map_err(|e| e.to_string())?;
        let (meta, bytes) = found.ok_or_else(|| format!("attachment {} is missing", meta.id))?;
        files.push((meta, bytes));
    }
    let payload: serde_json::Value =
        serde_json::from_str(&application.payload).map_err(|e| format!("stored payload: {e}"))?;
    let attachments: Vec<formlotse_core::payload::Attachment> =
        files.iter().map(|(meta, _)| meta.to_core()).collect();
    let pdf = formlotse_pdf::render(
        &formlotse_pdf::Application {
            definition,
            payload: &payload,
            reference: &application.summary.reference,
            received_at: &application.summary.received_at,
            attachments: &attachments,
        },
        Lang::De,
        &formlotse_core::catalog::Catalog::german(),
        fonts,
    )
    .map_err(|e| e.to_string())?;
    let mut document = crate::pull::application_json(&application, public_url);
    document["deliveryId"] = claimed.id.clone().into();
    let json = serde_json::to_vec_pretty(&document).map_err(|e| e.to_string())?;
    Ok(Some(Parcel {
        delivery_id: claimed.id.clone(),
        reference: application.summary.reference.clone(),
        form_id: application.summary.form_id.clone(),
        form_title: definition.title.get(Lang::De).to_owned(),
        received_at: application.summary.received_at,
        json,
        pdf,
        files,
    }))
}

/// A file name that is safe in a folder and a mail header: the attachment id, then the
/// citizen's name with anything but letters, digits, `.`, `-` and `_` replaced.
pub fn file_name(meta: &AttachmentMeta) -> String {
    let name: String = meta
        .name
        .chars()
        .map(|c| if c.is_alphanumeric() || ".-_".contains(c) { c } else { '_' })
        .take(100)
        .collect();
    let name = name.trim_start_matches('.');
    format!("{}-{}", meta.id, if name.is_empty() { "datei" } else { name })
}
