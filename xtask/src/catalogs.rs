//! The language catalogs in dist/: `runtime/i18n/TAG.json` copied to `dist/i18n/TAG.json`,
//! each checked against the built-in German words and measured. A page fetches one only when a
//! citizen chooses its language; like `formlotse.js`, they keep their names (a town may add its
//! own next to them) and are revalidated (`no-cache`), see docs/embedding.md.

use crate::{Result, sizes};
use std::path::Path;

/// The most a catalog may weigh gzipped: a language must stay cheap to choose.
const MAX_GZIP: usize = 6 * 1024;

/// Copies, checks and measures every catalog; an incomplete or heavy one fails the build.
pub(crate) fn copy(root: &Path, dist: &Path) -> Result {
    let (from, to) = (root.join("runtime/i18n"), dist.join("i18n"));
    std::fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let mut names: Vec<String> = std::fs::read_dir(&from)
        .map_err(|e| format!("cannot read {}: {e}", from.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    println!("\nlanguage catalogs (fetched when a citizen chooses the language):");
    println!("{:<36} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    let mut problems = Vec::new();
    for name in &names {
        let path = from.join(name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        for problem in formlotse_core::catalog::check(&text) {
            problems.push(format!("{name}{}: {}", problem.pointer(), problem.code()));
        }
        match formlotse_core::catalog::Catalog::parse(&text) {
            Ok(catalog) if catalog.file_name() == *name => {}
            _ => problems.push(format!("{name}: its \"lang\" is not {}", name.trim_end_matches(".json"))),
        }
        let size = sizes::measure(text.as_bytes())?;
        println!("i18n/{name:<31} {:>10} {:>10} {:>10}", size.raw, size.gzip, size.brotli);
        if size.gzip > MAX_GZIP {
            problems.push(format!("{name}: {} bytes gzipped, more than {MAX_GZIP}", size.gzip));
        }
        std::fs::write(to.join(name), &text).map_err(|e| format!("cannot write i18n/{name}: {e}"))?;
    }
    if problems.is_empty() { Ok(()) } else { Err(format!("catalogs:\n  {}", problems.join("\n  "))) }
}
