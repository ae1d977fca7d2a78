//! Snapshot tests of diagnostics: each `tests/broken/NAME.json` is loaded and its diagnostics,
//! rendered as `check` prints them, must equal `NAME.expected`. Run with `UPDATE_EXPECT=1` to
//! rewrite the expectations after a deliberate change (and read the diff).

use formlotse_core::{Lang, load, messages};
use std::path::Path;

#[test]
fn broken_definitions_match_their_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut entries: Vec<_> =
        std::fs::read_dir(&dir).expect("tests/broken exists").flatten().map(|e| e.path()).collect();
    entries.sort();
    let mut checked = 0;
    for path in entries.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let source = std::fs::read_to_string(path).expect("readable");
        let diagnostics = load(&source).expect_err("a broken definition must not load");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let rendered: String = diagnostics
            .iter()
            .flat_map(|d| {
                let (line, column) = d.position.map_or((0, 0), |p| (p.line, p.column));
                [Lang::En, Lang::De].map(|lang| {
                    format!(
                        "{name}:{line}:{column}: {} {}: {}\n",
                        d.problem.code(),
                        d.pointer,
                        messages::diagnostic(d, lang)
                    )
                })
            })
            .collect();
        let expected_path = path.with_extension("expected");
        if std::env::var_os("UPDATE_EXPECT").is_some() {
            std::fs::write(&expected_path, &rendered).expect("writable");
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        assert_eq!(rendered, expected, "diagnostics of {name} changed (UPDATE_EXPECT=1 rewrites)");
        checked += 1;
    }
    assert!(checked >= 4, "found only {checked} cases");
}
