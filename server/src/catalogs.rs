//! The language catalogs the receiver answers in: the very JSON files a citizen's browser
//! fetches (`dist/i18n/TAG.json`, built from `runtime/i18n`), read once at start, so a refused
//! Ukrainian application is refused in Ukrainian and there is no second copy of the words.

use std::path::{Path, PathBuf};

use formlotse_core::catalog::{Catalog, CatalogError, Catalogs};

/// Where the catalogs are when the configuration names no `i18n_dir`: `i18n/` or
/// `dist/i18n/` next to the configuration, else the source tree's `runtime/i18n` (a server
/// run from a checkout). `None`: German words only.
pub fn default_dir(base: &Path) -> Option<PathBuf> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/i18n");
    [base.join("i18n"), base.join("dist/i18n"), source].into_iter().find(|dir| dir.is_dir())
}

/// Every `*.json` file of `dir` as a catalog (German is built in); an unreadable directory or a
/// file that is no catalog is an error naming it.
pub fn load_dir(dir: &Path) -> Result<Catalogs, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read the catalog directory {}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.retain(|p| p.extension().is_some_and(|ext| ext == "json"));
    files.sort();
    let mut catalogs = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let catalog = Catalog::parse(&text).map_err(|error| match error {
            CatalogError::Json(detail) => format!("{} is not JSON: {detail}", file.display()),
            CatalogError::Shape(member) => {
                format!(
                    "{} is no language catalog: {member:?} is missing or of the wrong form",
                    file.display()
                )
            }
        })?;
        let named = file.file_name().and_then(|name| name.to_str()).unwrap_or_default();
        if named != catalog.file_name() {
            return Err(format!(
                "{} is the catalog of \"{}\", which browsers fetch as i18n/{}: rename the file",
                file.display(),
                catalog.lang().tag(),
                catalog.file_name()
            ));
        }
        catalogs.push(catalog);
    }
    Ok(Catalogs::new(catalogs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use formlotse_core::Lang;

    #[test]
    fn the_shipped_catalogs_load() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/i18n");
        let catalogs = load_dir(&dir).expect("the shipped catalogs");
        let tags: Vec<&str> =
            catalogs.langs().map(|lang| lang.tag().to_owned()).map(|t| &*t.leak()).collect();
        assert_eq!(tags, ["de", "ar", "cs", "de-x-ls", "en", "pl", "ru", "tr", "uk"]);
        assert_eq!(catalogs.get(Lang::from_tag("uk")).word("next"), "Далі");
        assert_eq!(catalogs.get(Lang::from_tag("fr")).word("next"), "Weiter");
        assert!(load_dir(&dir.join("missing")).unwrap_err().starts_with("cannot read the catalog directory"));
    }

    #[test]
    fn a_catalog_is_named_by_its_language() {
        let dir = std::env::temp_dir().join(format!("formlotse-catalog-names-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a folder");
        let sorbian = r#"{"formlotse-catalog": 1, "lang": "hsb", "name": "Hornjoserbšćina", "words": {}}"#;
        for (name, refused) in [("hsb.json", false), ("dsb.json", true), ("HSB.json", true)] {
            let file = dir.join(name);
            std::fs::write(&file, sorbian).expect("written");
            let loaded = load_dir(&dir);
            std::fs::remove_file(&file).expect("removed");
            match loaded {
                Ok(catalogs) => {
                    assert!(!refused, "{name}");
                    assert_eq!(catalogs.get(Lang::from_tag("hsb")).lang().tag(), "hsb");
                }
                Err(error) => {
                    assert!(refused, "{name}: {error}");
                    assert!(
                        error.contains(name) && error.ends_with("fetch as i18n/hsb.json: rename the file"),
                        "{error}"
                    );
                }
            }
        }
        std::fs::remove_dir(&dir).expect("removed");
    }
}
