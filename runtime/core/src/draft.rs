//! Drafts: the answers as typed, kept by the host (sessionStorage, localStorage, a file the
//! citizen downloads) so that a reload, a crash or a closed tab loses nothing. The engine only
//! turns answers into text and back; where the text is kept and when is the host's business.
//!
//! A draft names its form and version. Restoring a draft into another version keeps every
//! answer whose field still exists and still takes that kind of answer, and says what it
//! dropped. Files are never in a draft (their bytes stay in the browser): the draft remembers
//! their names so the citizen can be told which ones to attach again.

use crate::answers::Answers;
use crate::definition::{Definition, FieldKind};
use crate::json::{Json, Object};
use crate::lang::Lang;
use crate::value::Answer;

/// The layout version of a draft (`"formlotseDraft": 1`).
pub const DRAFT_FORMAT: u64 = 1;

/// A draft read back for a definition.
#[derive(Debug, Clone, PartialEq)]
pub struct Restored {
    /// The answers that fit the definition.
    pub answers: Answers,
    /// The step the citizen was on (within the definition's steps).
    pub step: usize,
    /// When it was saved, in milliseconds since 1970 (the host's clock).
    pub saved_at: f64,
    /// The draft was made with another version of the form.
    pub other_version: bool,
    /// Ids of answered fields the form no longer has (or that now take another kind of answer).
    pub dropped: Vec<String>,
    /// File fields that had files, with the file names: to be attached again.
    pub files: Vec<(String, Vec<String>)>,
    /// A submission that was being sent when the draft was saved: its idempotency key and
    /// payload, so that sending it again cannot store it twice.
    pub pending: Option<Pending>,
}

/// A submission under way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending {
    /// Its `Idempotency-Key`.
    pub key: String,
    /// Its payload, as sent.
    pub payload: String,
}

/// The draft of `answers`, typed in `lang`, on `step`, saved at `saved_at` (ms since 1970), with
/// the submission under way, if any. The language is kept so that numbers read back as meant in
/// another one ("1,5" typed in German is 1.5 in English too, see [`decode`]).
pub fn encode(
    definition: &Definition,
    answers: &Answers,
    lang: Lang,
    step: usize,
    saved_at: f64,
    pending: Option<&Pending>,
) -> String {
    let strings = |items: &[String]| items.iter().map(String::as_str).collect::<Json>();
    let answers: Object = answers
        .iter()
        .filter_map(|(id, answer)| {
            let json = match answer {
                Answer::Text(text) if text.is_empty() => return None,
                Answer::Text(text) => Json::object([("text", text.as_str().into())]),
                Answer::Date { day, month, year } => {
                    Json::object([("date", [day, month, year].map(String::as_str).into_iter().collect())])
                }
                Answer::Flag(flag) => Json::object([("flag", (*flag).into())]),
                Answer::Choices(chosen) => Json::object([("choices", strings(chosen))]),
                Answer::Files(files) if files.is_empty() => return None,
                Answer::Files(files) => {
                    Json::object([("files", files.iter().map(|f| f.name.as_str()).collect())])
                }
            };
            Some((id.to_owned(), json))
        })
        .collect();
    let pending = pending
        .map(|p| Json::object([("key", p.key.as_str().into()), ("payload", p.payload.as_str().into())]));
    Json::object([
        ("formlotseDraft", Json::int(DRAFT_FORMAT)),
        ("form", definition.id.as_str().into()),
        ("version", definition.version.as_deref().into()),
        // Milliseconds since 1970 are whole: written without float formatting.
        ("savedAt", Json::int(saved_at.max(0.0) as u64)),
        ("step", Json::int(step as u64)),
        ("lang", lang.tag().into()),
        ("answers", Json::Object(answers)),
        ("pending", pending.into()),
    ])
    .to_string()
}

/// Reads a draft for `definition`, its numbers written as `lang` writes them (a draft names the
/// language it was typed in; one without is taken as typed in `lang`); `None` when the text is
/// no draft of this form.
pub fn decode(definition: &Definition, text: &str, lang: Lang) -> Option<Restored> {
    let draft = crate::json::parse(text).ok()?;
    if draft.get("formlotseDraft")?.as_u64()? != DRAFT_FORMAT || draft.get("form")?.as_str()? != definition.id
    {
        return None;
    }
    let version = draft.get("version").and_then(Json::as_str);
    let mut restored = Restored {
        answers: Answers::default(),
        step: draft
            .get("step")
            .and_then(Json::as_u64)
            .and_then(|step| usize::try_from(step).ok())
            .unwrap_or(0)
            .min(definition.steps.len().saturating_sub(1)),
        saved_at: draft.get("savedAt").map_or(0.0, whole_ms),
        other_version: version != definition.version.as_deref(),
        dropped: Vec::new(),
        files: Vec::new(),
        pending: draft.get("pending").and_then(|pending| {
            Some(Pending {
                key: pending.get("key")?.as_str()?.to_owned(),
                payload: pending.get("payload")?.as_str()?.to_owned(),
            })
        }),
    };
    for (id, json) in draft.get("answers")?.as_object()? {
        // The number of items of a repeatable group is kept as text.
        if definition.repeats().any(|repeat| &repeat.id == id) {
            if let Some(count) = json.get("text").and_then(Json::as_str) {
                restored.answers.set(id, Answer::Text(count.to_owned()));
            }
            continue;
        }
        let kind = definition.field_at(id).map(|(field, _)| &field.kind);
        if let (Some(FieldKind::File(_)), Some(names)) = (kind, json.get("files").and_then(Json::as_array)) {
            let names = names.iter().filter_map(Json::as_str).map(str::to_owned).collect();
            restored.files.push((id.clone(), names));
            continue;
        }
        match kind.and_then(|kind| answer_for(kind, json)) {
            Some(answer) => restored.answers.set(id, answer),
            None => restored.dropped.push(id.clone()),
        }
    }
    let typed_in = draft.get("lang").and_then(Json::as_str).and_then(Lang::parse).unwrap_or(lang);
    crate::value::retype(&mut restored.answers, definition, typed_in, lang);
    Some(restored)
}

/// Milliseconds written as a whole number, or (by earlier releases) as `1700000000000.0`.
fn whole_ms(json: &Json) -> f64 {
    match json {
        Json::Number(text) => {
            text.split('.').next().and_then(|whole| whole.parse::<u64>().ok()).map_or(0.0, |ms| ms as f64)
        }
        _ => 0.0,
    }
}

/// The answer in `json` if a field of `kind` takes it.
fn answer_for(kind: &FieldKind, json: &Json) -> Option<Answer> {
    let strings = |value: &Json| -> Option<Vec<String>> {
        value.as_array()?.iter().map(|item| item.as_str().map(str::to_owned)).collect()
    };
    match kind {
        FieldKind::Date => {
            let [day, month, year]: [String; 3] = strings(json.get("date")?)?.try_into().ok()?;
            Some(Answer::Date { day, month, year })
        }
        FieldKind::Checkbox => Some(Answer::Flag(json.get("flag")?.as_bool()?)),
        FieldKind::Checkboxes(_) => Some(Answer::Choices(strings(json.get("choices")?)?)),
        FieldKind::File(_) => None,
        _ => Some(Answer::Text(json.get("text")?.as_str()?.to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;
    use crate::value::FileMeta;

    const FORM: &str = r#"{"formlotse": 1, "id": "hund", "version": "1", "title": "Hund", "steps": [
      {"id": "a", "title": "A", "fields": [
        {"id": "name", "type": "text", "label": "Name"},
        {"id": "geburt", "type": "date", "label": "Geburt"},
        {"id": "ok", "type": "checkbox", "label": "OK"},
        {"id": "farben", "type": "checkboxes", "label": "Farben", "options": [{"value": "rot", "label": "Rot"}, {"value": "blau", "label": "Blau"}]}]},
      {"id": "b", "title": "B", "fields": [
        {"id": "nachweis", "type": "file", "label": "Nachweis"},
        {"id": "alt", "type": "text", "label": "Alt"}]}]}"#;

    fn answers() -> Answers {
        let mut answers = Answers::default();
        answers.set("name", Answer::Text(" Erika \n".into()));
        answers.set("geburt", Answer::Date { day: "27".into(), month: "3".into(), year: "19".into() });
        answers.set("ok", Answer::Flag(true));
        answers.set("farben", Answer::Choices(vec!["blau".into()]));
        answers.set(
            "nachweis",
            Answer::Files(vec![FileMeta {
                name: "scan.pdf".into(),
                mime: "application/pdf".into(),
                size: 9,
            }]),
        );
        answers.set("alt", Answer::Text("x".into()));
        answers
    }

    #[test]
    fn a_draft_restores_exactly_what_was_typed_except_files() {
        let definition = load(FORM).expect("loads"); // ok: test
        let pending = Pending { key: "k".into(), payload: "{}".into() };
        let text = encode(&definition, &answers(), Lang::De, 1, 1_700_000_000_000.0, Some(&pending));
        let restored = decode(&definition, &text, Lang::De).expect("a draft of this form"); // ok: test
        let mut expected = answers();
        expected.set("nachweis", Answer::Files(Vec::new()));
        for (id, answer) in expected.iter() {
            let got = restored.answers.get(id);
            if matches!(answer, Answer::Files(_)) {
                assert_eq!(got, None);
            } else {
                assert_eq!(got, Some(answer), "{id}");
            }
        }
        assert_eq!(restored.step, 1);
        assert_eq!(restored.saved_at, 1_700_000_000_000.0);
        assert!(!restored.other_version);
        assert!(restored.dropped.is_empty());
        assert_eq!(restored.files, vec![("nachweis".to_owned(), vec!["scan.pdf".to_owned()])]);
        assert_eq!(restored.pending, Some(pending));
        // A draft of an earlier release wrote the time as a float.
        let earlier = text.replace("1700000000000", "1700000000000.0");
        assert_eq!(decode(&definition, &earlier, Lang::De).map(|r| r.saved_at), Some(1_700_000_000_000.0));
    }

    #[test]
    fn a_newer_version_keeps_what_still_fits_and_says_what_not() {
        let old = load(FORM).expect("loads"); // ok: test
        let text = encode(&old, &answers(), Lang::De, 1, 0.0, None);
        let new = FORM
            .replace(r#""version": "1""#, r#""version": "2""#)
            .replace(
                r#"{"id": "alt", "type": "text", "label": "Alt"}"#,
                r#"{"id": "neu", "type": "text", "label": "Neu"}"#,
            )
            .replace(r#""id": "ok", "type": "checkbox""#, r#""id": "ok", "type": "date""#);
        let new = load(&new).expect("loads"); // ok: test
        let restored = decode(&new, &text, Lang::De).expect("same form"); // ok: test
        assert!(restored.other_version);
        assert_eq!(restored.dropped, vec!["alt".to_owned(), "ok".to_owned()]);
        assert!(restored.answers.get("name").is_some());
    }

    #[test]
    fn anything_else_is_no_draft() {
        let definition = load(FORM).expect("loads"); // ok: test
        let other = encode(&definition, &answers(), Lang::De, 0, 0.0, None)
            .replace(r#""form":"hund""#, r#""form":"katze""#);
        for text in
            ["", "null", "[]", "{}", r#"{"formlotseDraft": 2, "form": "hund", "answers": {}}"#, &other]
        {
            assert_eq!(decode(&definition, text, Lang::De), None, "{text}");
        }
        let odd = r#"{"formlotseDraft": 1, "form": "hund", "step": 99, "answers": {"name": {"date": 1}, "geburt": {"date": ["1", "2"]}}}"#;
        let restored = decode(&definition, odd, Lang::De).expect("a draft"); // ok: test
        assert_eq!(restored.step, 1);
        assert_eq!(restored.dropped, vec!["geburt".to_owned(), "name".to_owned()]);
    }

    #[test]
    fn numbers_read_back_as_meant_in_another_language() {
        let definition =
            load(&FORM.replace(r#""type": "text", "label": "Alt""#, r#""type": "money", "label": "Alt""#))
                .expect("loads"); // ok: test
        let mut typed = Answers::default();
        typed.set("alt", Answer::Text("1,200".into()));
        let text = encode(&definition, &typed, Lang::En, 0, 0.0, None);
        let alt = |lang: Lang| decode(&definition, &text, lang).map(|r| r.answers.text("alt").to_owned());
        assert_eq!(alt(Lang::De).as_deref(), Some("1.200"), "typed in English, restored in German");
        assert_eq!(alt(Lang::En).as_deref(), Some("1,200"));
        // A draft of an earlier release names no language: taken as typed in the one shown.
        let earlier = text.replace(r#","lang":"en""#, "");
        assert_ne!(earlier, text);
        assert_eq!(
            decode(&definition, &earlier, Lang::De).map(|r| r.answers.text("alt").to_owned()).as_deref(),
            Some("1,200")
        );
    }
}
