//! The application's language: the payload's `lang`, a BCP 47 tag as a definition's `languages`
//! lists it (`de`, `uk`, `de-x-ls` for Leichte Sprache, `hsb` for Upper Sorbian, …). The
//! receiver answers in it, stores it (lower case, as the runtime sends it) and the citizen's PDF
//! and confirmation use it. A value that is no such tag is refused rather than taken for
//! German: a back office would otherwise file an application under a language nobody chose.

use formlotse_core::Lang;
use serde_json::Value;

/// The longest tag taken: the longest a definition's languages can have (core's `Lang`).
pub const MAX_TAG: usize = formlotse_core::lang::MAX;

/// The language the payload states: `Ok(None)` when it states none (the request's language
/// applies), `Err(())` when `lang` is there but no well-formed tag of at most [`MAX_TAG`]
/// characters: subtags of 1 to 8 letters or digits joined by `-`, the first letters only, no
/// singleton (`x`) at the end, nothing around it.
pub fn stated(payload: &Value) -> Result<Option<Lang>, ()> {
    let tag = match payload.get("lang") {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::String(tag)) => tag,
        Some(_) => return Err(()),
    };
    // Core's reading is lenient for tags from pages (`en_GB`, ` de `); a payload is exact.
    let exact = tag.len() <= MAX_TAG
        && !tag.contains('_')
        && tag.trim() == tag
        && tag.rsplit('-').next().is_some_and(|last| last.len() > 1);
    match Lang::parse(tag) {
        Some(lang) if exact => Ok(Some(lang)),
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::stated;
    use serde_json::json;

    #[test]
    fn a_payload_states_a_well_formed_tag_or_none() {
        let cases: &[(serde_json::Value, Result<Option<&str>, ()>)] = &[
            (json!("de"), Ok(Some("de"))),
            (json!("uk"), Ok(Some("uk"))),
            (json!("de-x-ls"), Ok(Some("de-x-ls"))),
            (json!("hsb"), Ok(Some("hsb"))),
            (json!("de-AT"), Ok(Some("de-at"))),
            (json!("zh-Hant"), Ok(Some("zh-hant"))),
            (json!("zh-Hant-TW"), Err(())),
            (json!(null), Ok(None)),
            (json!(""), Err(())),
            (json!("Deutsch bitte"), Err(())),
            (json!("en_GB"), Err(())),
            (json!(" de"), Err(())),
            (json!("de-"), Err(())),
            (json!("de-x"), Err(())),
            (json!("x"), Err(())),
            (json!("1de"), Err(())),
            (json!("de-ä"), Err(())),
            (json!("de-toolongsubtag"), Err(())),
            (json!("a-b-c-d-e-f-g-h-i"), Err(())),
            (json!("<script>"), Err(())),
            (json!(7), Err(())),
            (json!(["de"]), Err(())),
        ];
        for (value, expected) in cases {
            let got = stated(&json!({ "lang": value }));
            assert_eq!(
                got.map(|lang| lang.map(|l| l.tag().to_owned())),
                expected.map(|t| t.map(str::to_owned)),
                "{value}"
            );
        }
        assert_eq!(stated(&json!({})), Ok(None));
    }
}
