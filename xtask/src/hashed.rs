//! Content-hashed names for the runtime files: `formlotse_web_bg.wasm` becomes
//! `formlotse_web_bg.<hash>.wasm`. A web server may then let browsers keep them for a year
//! (`immutable`), because a new release has new names; `formlotse.js`, the one file a page
//! links by a fixed name, is short-lived and learns the new names here.

use crate::Result;
use std::path::Path;

/// Hex digits of the SHA-256 kept in a name: 48 bits, no collision between releases.
const HASH_DIGITS: usize = 12;

/// `stem.<hash>.ext` for a file called `name` (`stem.ext`) holding `bytes`.
pub(crate) fn name(name: &str, bytes: &[u8]) -> String {
    let hash = &formlotse_core::sha256::hex(bytes)[..HASH_DIGITS];
    match name.split_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash}.{ext}"),
        None => format!("{name}.{hash}"),
    }
}

/// Whether `file` (a file name, no folder) carries a content hash as [`name`] writes it.
#[cfg(test)]
pub(crate) fn is_hashed(file: &str) -> bool {
    file.split('.').any(|part| part.len() == HASH_DIGITS && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Renames `dir/name` to its hashed name and returns that name.
pub(crate) fn rename(dir: &Path, original: &str) -> Result<String> {
    let from = dir.join(original);
    let bytes = std::fs::read(&from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    let hashed = name(original, &bytes);
    std::fs::rename(&from, dir.join(&hashed))
        .map_err(|e| format!("cannot rename {}: {e}", from.display()))?;
    Ok(hashed)
}

/// The loader's text with each `"original"` name (quoted, exactly once, in its `FILES` table)
/// replaced by `"hashed"`. A name that is missing or twice there is an error: the loader and
/// the build would disagree on what a page downloads.
pub(crate) fn loader(text: &str, renamed: &[(String, String)]) -> Result<String> {
    let mut out = text.to_owned();
    for (original, hashed) in renamed {
        let quoted = format!("\"{original}\"");
        match out.matches(&quoted).count() {
            1 => out = out.replacen(&quoted, &format!("\"{hashed}\""), 1),
            n => return Err(format!("formlotse.js names {quoted} {n} times; it must name it exactly once")),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_goes_before_the_extension_and_follows_the_content() {
        let one = name("formlotse_web_bg.wasm", b"one");
        assert!(one.starts_with("formlotse_web_bg.") && one.ends_with(".wasm"), "{one}");
        assert!(is_hashed(&one));
        assert_eq!(one, name("formlotse_web_bg.wasm", b"one"), "the same bytes, the same name");
        assert_ne!(one, name("formlotse_web_bg.wasm", b"two"));
        assert!(!is_hashed("formlotse.js") && !is_hashed("formlotse_web_bg.wasm"));
    }

    #[test]
    fn the_loader_learns_each_name_once() {
        let renamed = vec![("a.js".to_owned(), "a.0123456789ab.js".to_owned())];
        let text = r#"var FILES = { glue: "a.js" }; // not "a.jsx""#;
        assert_eq!(
            loader(text, &renamed).as_deref(),
            Ok(r#"var FILES = { glue: "a.0123456789ab.js" }; // not "a.jsx""#)
        );
        assert!(loader("no name here", &renamed).is_err());
        assert!(loader(r#""a.js" "a.js""#, &renamed).is_err());
    }
}
