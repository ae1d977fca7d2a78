//! `GET /api/forms`: the sample definitions the playground offers, read fresh from `--forms` on
//! every request so a sample added or edited on disk shows up at once.

use std::path::Path;
use std::sync::Arc;

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use formlotse_core::Lang;
use serde_json::{Value, json};

use formlotse_server::forms::json_files;
use formlotse_server::problem::Problem;

use crate::api::Demo;

/// One entry per `*.json` file in `dir`, by file name: its form id and German and English
/// title when it loads, else the number of problems (the playground shows it to be fixed).
pub fn index(dir: &Path) -> Vec<Value> {
    json_files(dir)
        .iter()
        .filter_map(|path| {
            let file = path.file_name()?.to_str()?.to_owned();
            let source = std::fs::read_to_string(path).ok()?;
            let src = format!("/formulare/{file}");
            Some(match formlotse_core::load(&source) {
                Ok(definition) => json!({
                    "file": file,
                    "src": src,
                    "id": definition.id,
                    "title": {"de": definition.title.get(Lang::De), "en": definition.title.get(Lang::En)},
                    "problems": 0,
                }),
                Err(diagnostics) => json!({
                    "file": file,
                    "src": src,
                    "id": null,
                    "title": {"de": file, "en": file},
                    "problems": diagnostics.len(),
                }),
            })
        })
        .collect()
}

/// `GET /api/forms`: the index of the served samples.
pub async fn list(State(demo): State<Arc<Demo>>) -> Response {
    let dir = demo.samples.clone();
    match tokio::task::spawn_blocking(move || index(&dir)).await {
        Ok(entries) => Json(Value::Array(entries)).into_response(),
        Err(error) => {
            Problem::internal(Lang::En, format!("cannot list the samples: {error}")).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::index;
    use std::path::Path;

    #[test]
    fn every_sample_is_listed_with_its_id_and_titles() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("forms");
        let entries = index(&dir);
        let files = std::fs::read_dir(&dir)
            .unwrap()
            .filter(|entry| entry.as_ref().unwrap().path().extension().is_some_and(|ext| ext == "json"))
            .count();
        assert_eq!(entries.len(), files);
        let dog = entries.iter().find(|entry| entry["file"] == "hund-anmelden.json").unwrap();
        assert_eq!(dog["id"], "hund-anmelden");
        assert_eq!(dog["src"], "/formulare/hund-anmelden.json");
        assert_eq!(dog["problems"], 0);
        assert!(dog["title"]["de"].as_str().unwrap().starts_with("Hund anmelden"));
        assert!(dog["title"]["en"].as_str().unwrap().starts_with("Register a dog"));
    }

    #[test]
    fn a_broken_file_is_listed_with_its_problem_count() {
        let dir = std::env::temp_dir().join(format!("formlotse-samples-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("kaputt.json"), "{\"formlotse\": 1,}").unwrap();
        std::fs::write(dir.join("notiz.txt"), "not a definition").unwrap();
        let entries = index(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0]["file"], "kaputt.json");
        assert_eq!(entries[0]["id"], serde_json::Value::Null);
        assert_eq!(entries[0]["problems"], 1);
    }
}
