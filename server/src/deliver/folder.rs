//! The file-drop channel, for back-office software that reads a folder: one folder per
//! application (`REFERENCE/`) with `antrag.pdf`, `antrag.json`, the files in `anlagen/` and
//! `manifest.json` (every file with size and SHA-256, and the delivery id). It is written
//! under a hidden temporary name, synced, and renamed: a reader never sees half an
//! application. A folder already there with this delivery id in its manifest is a repeat
//! after a crash between the rename and the outbox's record: it counts as delivered.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use serde_json::json;

use super::parcel::{Parcel, file_name};

/// Delivers `parcel` below `dir`.
pub fn deliver(dir: &Path, parcel: &Parcel) -> Result<(), String> {
    let fail = |what: &str, path: &Path, e: std::io::Error| format!("{what} {}: {e}", path.display());
    let target = dir.join(&parcel.reference);
    if target.exists() {
        return if delivered_before(&target, &parcel.delivery_id) {
            Ok(())
        } else {
            Err(format!("{} exists and is not this delivery", target.display()))
        };
    }
    let temporary = dir.join(format!(".{}.partial", parcel.reference));
    if temporary.exists() {
        // Left by an attempt that did not finish.
        fs::remove_dir_all(&temporary).map_err(|e| fail("cannot remove", &temporary, e))?;
    }
    fs::create_dir(&temporary).map_err(|e| fail("cannot create", &temporary, e))?;
    let mut manifest = Vec::new();
    let mut write = |relative: &str, bytes: &[u8]| -> Result<(), String> {
        let path = temporary.join(relative);
        let mut file = File::create(&path).map_err(|e| fail("cannot create", &path, e))?;
        file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| fail("cannot write", &path, e))?;
        manifest.push(json!({"path": relative, "size": bytes.len(),
            "sha256": formlotse_core::sha256::hex(bytes)}));
        Ok(())
    };
    write("antrag.pdf", &parcel.pdf)?;
    write("antrag.json", &parcel.json)?;
    if !parcel.files.is_empty() {
        let files = temporary.join("anlagen");
        fs::create_dir(&files).map_err(|e| fail("cannot create", &files, e))?;
        for (meta, bytes) in &parcel.files {
            write(&format!("anlagen/{}", file_name(meta)), bytes)?;
        }
        sync_dir(&files)?;
    }
    let manifest = json!({
        "deliveryId": parcel.delivery_id,
        "reference": parcel.reference,
        "form": parcel.form_id,
        "receivedAt": parcel.received_at,
        "files": manifest,
    });
    let bytes = serde_json::to_vec_pretty(&manifest).map_err(|e| e.to_string())?;
    let path = temporary.join("manifest.json");
    let mut file = File::create(&path).map_err(|e| fail("cannot create", &path, e))?;
    file.write_all(&bytes).and_then(|()| file.sync_all()).map_err(|e| fail("cannot write", &path, e))?;
    sync_dir(&temporary)?;
    fs::rename(&temporary, &target).map_err(|e| fail("cannot rename to", &target, e))?;
    sync_dir(dir)
}

/// Whether the folder's manifest names this delivery.
fn delivered_before(target: &Path, delivery_id: &str) -> bool {
    let Ok(bytes) = fs::read(target.join("manifest.json")) else { return false };
    serde_json::from_slice::<serde_json::Value>(&bytes)
        .is_ok_and(|manifest| manifest["deliveryId"] == delivery_id)
}

/// Makes a rename or a new entry in `dir` durable.
fn sync_dir(dir: &Path) -> Result<(), String> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| format!("cannot sync {}: {e}", dir.display()))
}
