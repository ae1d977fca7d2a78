//! Catalogs of the runtime's own words (buttons, headings, banners, "Schritt 2 von 5", the
//! messages about answers): a key to a template with `{name}` parameters. German is built in
//! ([`german`]); every other language is a JSON file (`dist/i18n/TAG.json`) read with the
//! engine's own JSON reader:
//!
//! ```json
//! { "formlotse-catalog": 1, "lang": "uk", "name": "Українська", "dir": "ltr",
//!   "words": { "next": "Далі", "progress": "Крок {step} з {of}",
//!              "retrying.one": "… {seconds} секунду …", "retrying.few": "…", "retrying.many": "…", "retrying.other": "…" } }
//! ```
//!
//! A counted text has one key per CLDR plural category of its language (`crate::plural`). A word
//! a catalog lacks is taken from German, so a town's half-finished catalog still works.

mod check;
mod german;
mod german_documents;
mod german_messages;
mod german_problems;
mod shelf;

pub use check::{CatalogProblem, check};
pub use shelf::Catalogs;

use crate::json::{self, Json};
use crate::lang::Lang;
use crate::plural;

/// The words of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    lang: Lang,
    rtl: bool,
    /// The file as read (`null` for German; checked by [`Catalog::parse`], not by
    /// [`Catalog::fetched`]): words are looked up in its `words` object, sorted by key, rather
    /// than copied out of it (copying was ≈ 300 B of wasm).
    file: Json,
}

/// Why a text is not a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogError {
    /// Not JSON (the reader's detail).
    Json(String),
    /// A member is missing or of the wrong type; its name.
    Shape(&'static str),
}

impl Catalog {
    /// The built-in German catalog.
    pub fn german() -> Catalog {
        Catalog { lang: Lang::De, rtl: false, file: Json::Null }
    }

    /// Reads a catalog file.
    pub fn parse(text: &str) -> Result<Catalog, CatalogError> {
        Catalog::from_json(json::parse(text).map_err(|error| CatalogError::Json(error.detail()))?)
    }

    /// A catalog file already read as JSON, checked.
    pub fn from_json(value: Json) -> Result<Catalog, CatalogError> {
        let object = value.as_object().ok_or(CatalogError::Shape("catalog"))?;
        if object.get("formlotse-catalog").and_then(Json::as_u64) != Some(1) {
            return Err(CatalogError::Shape("formlotse-catalog"));
        }
        let lang = object
            .get("lang")
            .and_then(Json::as_str)
            // Kept whole: two tags cut to the same one would collide without a word.
            .and_then(|tag| Lang::parse(tag).filter(|lang| lang.tag().eq_ignore_ascii_case(tag)))
            .ok_or(CatalogError::Shape("lang"))?;
        object.get("name").and_then(Json::as_str).ok_or(CatalogError::Shape("name"))?;
        let rtl = match object.get("dir").map(Json::as_str) {
            None | Some(Some("ltr")) => false,
            Some(Some("rtl")) => true,
            Some(_) => return Err(CatalogError::Shape("dir")),
        };
        let words = object.get("words").and_then(Json::as_object).ok_or(CatalogError::Shape("words"))?;
        if words.iter().any(|(_, word)| word.as_str().is_none()) {
            return Err(CatalogError::Shape("words"));
        }
        Ok(Catalog { lang, rtl, file: value })
    }

    /// A catalog file of `lang` fetched by the browser: what showing its words needs (an object
    /// of version 1 with `words`; `dir`), nothing more. A word that is not a string falls back to
    /// German when looked up; the authors' tools ([`check`], [`Catalog::parse`]) report the rest,
    /// and the citizen's wasm does not carry their checks.
    pub fn fetched(lang: Lang, file: Json) -> Option<Catalog> {
        file.get("words")?.as_object()?;
        let rtl = file.get("dir").and_then(Json::as_str) == Some("rtl");
        (file.get("formlotse-catalog")?.as_u64()? == 1).then_some(Catalog { lang, rtl, file })
    }

    /// Whether `text` is meant as a catalog (a JSON object with `formlotse-catalog`), not a
    /// definition: the authors' tools check either.
    pub fn is_catalog(text: &str) -> bool {
        json::parse(text)
            .ok()
            .and_then(|value| value.as_object().map(|o| o.contains_key("formlotse-catalog")))
            == Some(true)
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The name its file must have: the browser fetches `i18n/TAG.json` by the lower-cased tag
    /// and takes what it gets as that language (`Catalog::fetched` reads no `lang`), so the
    /// receiver and `check` refuse a file named otherwise.
    pub fn file_name(&self) -> String {
        format!("{}.json", self.lang.tag())
    }

    /// The language's name in itself, for the language switch.
    pub fn name(&self) -> &str {
        self.file.get("name").and_then(Json::as_str).unwrap_or("Deutsch")
    }

    /// The keys of its own words, sorted (none for German).
    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.file.get("words").and_then(Json::as_object).into_iter().flat_map(|words| words.keys())
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.rtl
    }

    /// The catalog's own template for `key`, if it has one.
    pub(crate) fn own(&self, key: &str) -> Option<&str> {
        self.file.get("words")?.get(key)?.as_str()
    }

    /// The word for `key`: the catalog's, else German, else the key itself.
    pub fn word<'a>(&'a self, key: &'a str) -> &'a str {
        self.own(key).or_else(|| german::word(key)).unwrap_or(key)
    }

    /// The template for `key` with its `{name}` parameters filled in.
    pub fn text(&self, key: &str, params: &[(&str, &str)]) -> String {
        fill(self.word(key), params)
    }

    /// A text only the server writes (`pdf.*`, `email.*`, `time.*`, the receiver's refusals
    /// `problem.*`): the catalog's template, else German's, with `{name}` parameters filled in.
    /// Apart from [`Catalog::text`] so the citizen's wasm does not carry these German words.
    pub fn document_text(&self, key: &str, params: &[(&str, &str)]) -> String {
        let german = || german_documents::word(key).or_else(|| german_problems::word(key));
        fill(self.own(key).or_else(german).unwrap_or(key), params)
    }

    /// A counted text: the template `key.CATEGORY` for `count` in this language (else
    /// `key.other`, else German's), with `{name}` parameters filled in.
    pub fn counted(&self, key: &str, count: u64, params: &[(&str, &str)]) -> String {
        let in_language = |lang: Lang| format!("{key}.{}", plural::category(lang, count).name());
        let template = self
            .own(&in_language(self.lang))
            .or_else(|| self.own(&format!("{key}.other")))
            .or_else(|| german::word(&in_language(Lang::De)))
            .unwrap_or(key);
        fill(template, params)
    }
}

/// Replaces each `{name}` of `template` by its value in `params`; an unknown `{…}` stays.
fn fill(template: &str, params: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let value = from_brace.find('}').and_then(|close| {
            let name = from_brace.get(1..close)?;
            let value = params.iter().find(|(key, _)| *key == name)?.1;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = from_brace.get(close.saturating_add(1)..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = from_brace.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

/// The parameters a template uses: the names between `{` and `}`.
pub(crate) fn parameters(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open.saturating_add(1)..).unwrap_or_default();
        match after.find('}') {
            Some(close) => {
                names.push(after.get(..close).unwrap_or_default());
                rest = after.get(close.saturating_add(1)..).unwrap_or_default();
            }
            None => break,
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

#[cfg(test)]
mod tests;
