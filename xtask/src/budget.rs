//! The size budget: the gzip total of the files a page downloads from dist/ may not pass the
//! number in `size-budget.txt`. Bytes are deterministic, so this is a test; timings are not,
//! so they are only reported (`cargo xtask bench`). Raising the budget takes a line in
//! CHANGELOG.md saying what the bytes bought.

use crate::Result;
use std::path::Path;

/// Fails when `total` (gzip bytes of the page files) is over the budget in `root/size-budget.txt`.
pub(crate) fn check(root: &Path, total: usize) -> Result {
    let file = root.join("size-budget.txt");
    let text = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let budget: usize = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .and_then(|line| line.parse().ok())
        .ok_or_else(|| {
            format!("{}: the first line that is not a comment must be a byte count", file.display())
        })?;
    if total > budget {
        return Err(format!(
            "the page files are {total} bytes gzipped, over the budget of {budget} ({} too many): \
             shrink them, or raise size-budget.txt with a line in CHANGELOG.md saying what the bytes bought",
            total - budget
        ));
    }
    println!("size budget: {total} of {budget} bytes gzipped ({} left)", budget - total);
    Ok(())
}
