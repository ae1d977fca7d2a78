//! How long a browser may keep each static file, as docs/embedding.md asks of a town's server:
//! the runtime files with a content hash in their name never change, so a year and
//! `immutable`; everything else (`formlotse.js`, which names the current hashes, pages, forms)
//! is revalidated on every use, so a new release or an edited file shows at once.

/// For a file with a content hash in its name: kept a year, never revalidated.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For every other response: stored, but asked about (a cheap 304) before each use.
pub const REVALIDATE: &str = "no-cache";

/// The `Cache-Control` for a successful response to `path`.
pub fn cache_control(path: &str) -> &'static str {
    match path.strip_prefix("/formlotse/") {
        Some(file) if !file.contains('/') && is_hashed(file) => IMMUTABLE,
        _ => REVALIDATE,
    }
}

/// Whether a file name carries a content hash as `cargo xtask dist` writes it:
/// `stem.<12 hex digits>.ext`.
fn is_hashed(file: &str) -> bool {
    let mut parts = file.split('.');
    let (Some(_stem), Some(hash), Some(_ext)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    hash.len() == 12 && hash.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hashed_runtime_files_are_immutable() {
        let cases = [
            ("/formlotse/formlotse_web_bg.0123456789ab.wasm", IMMUTABLE),
            ("/formlotse/formlotse_web.a1b2c3d4e5f6.js", IMMUTABLE),
            ("/formlotse/formlotse.js", REVALIDATE),
            ("/formlotse/formlotse_web_bg.wasm", REVALIDATE),
            ("/formlotse/formlotse.schema.json", REVALIDATE),
            ("/formlotse/formlotse_web.0123456789AB.js", REVALIDATE),
            ("/formlotse/formlotse_web.0123456789a.js", REVALIDATE),
            ("/formlotse/sub/formlotse_web.0123456789ab.js", REVALIDATE),
            ("/formulare/hund.0123456789ab.json", REVALIDATE),
            ("/", REVALIDATE),
        ];
        for (path, expected) in cases {
            assert_eq!(cache_control(path), expected, "{path}");
        }
    }
}
