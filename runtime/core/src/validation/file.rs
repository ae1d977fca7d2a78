//! `"type": "file"` — `"accept"` (MIME types like `application/pdf`, `image/*`, or extensions
//! like `.pdf`), `"maxSize"` in bytes per file, `"maxFiles"` (default 1).
//!
//! ```json
//! {"id": "lageplan", "type": "file", "label": "Lageplan", "accept": ["application/pdf", "image/*"], "maxSize": 10485760}
//! ```

use super::Violation;
use crate::definition::{Field, FieldKind, FileRules};
use crate::value::{FileMeta, Value};

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let (FieldKind::File(rules), Value::Files(files)) = (&field.kind, value) else { return None };
    if files.len() > rules.max_files as usize {
        return Some(Violation::FileCount { max: rules.max_files });
    }
    files.iter().find_map(|file| {
        if !accepts(rules, file) {
            Some(Violation::FileType { name: file.name.clone() })
        } else {
            rules
                .max_size
                .filter(|max| file.size > *max)
                .map(|max| Violation::FileSize { name: file.name.clone(), max })
        }
    })
}

fn accepts(rules: &FileRules, file: &FileMeta) -> bool {
    let name = file.name.to_ascii_lowercase();
    let mime = file.mime.to_ascii_lowercase();
    rules.accept.is_empty()
        || rules.accept.iter().any(|accepted| {
            let accepted = accepted.to_ascii_lowercase();
            if accepted.starts_with('.') {
                name.ends_with(&accepted)
            } else if let Some(family) = accepted.strip_suffix("/*") {
                mime.split('/').next() == Some(family)
            } else {
                mime == accepted
            }
        })
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::verdict;
    use crate::value::{Answer, FileMeta};

    fn files(list: &[(&str, &str, u64)]) -> Vec<(&'static str, Answer)> {
        let metas = list
            .iter()
            .map(|(n, m, s)| FileMeta { name: (*n).into(), mime: (*m).into(), size: *s })
            .collect();
        vec![("f", Answer::Files(metas))]
    }

    #[test]
    fn cases() {
        let field = r#"{"id": "f", "type": "file", "label": "Nachweis", "accept": ["application/pdf", "image/*", ".odt"], "maxSize": 1000, "maxFiles": 2}"#;
        assert_eq!(verdict(field, &files(&[("a.pdf", "application/pdf", 1000)])), None);
        assert_eq!(verdict(field, &files(&[("Foto.JPG", "image/jpeg", 10), ("b.odt", "", 10)])), None);
        assert_eq!(verdict(field, &files(&[("a.exe", "application/x-msdownload", 10)])), Some("fileType"));
        assert_eq!(verdict(field, &files(&[("a.pdf", "application/pdf", 1001)])), Some("fileSize"));
        assert_eq!(verdict(field, &files(&[("a.pdf", "application/pdf", 1); 3])), Some("fileCount"));
    }
}
