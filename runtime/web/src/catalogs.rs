//! The catalogs of the runtime's words a page has: German built in, every other language
//! fetched from `i18n/TAG.json` next to the loader the first time a citizen (or the host page)
//! chooses it, then kept for every assistant on the page. A language costs nothing until chosen.
//!
//! A loaded catalog lives as long as the page (leaked once per language, so that words can be
//! `&'static str` everywhere): at most one per language a definition lists.

use crate::fetch;
use crate::texts::Texts;
use formlotse_core::Lang;
use formlotse_core::catalog::Catalog;
use std::cell::RefCell;

/// What became of a language's catalog.
#[derive(Clone, Copy)]
enum Entry {
    Loaded(&'static Texts),
    /// Fetched, but not there or not a catalog (`Catalog::fetched`): its words fall back along
    /// the tag to German (a town that lists a language without a catalog still gets a form).
    Absent,
}

/// The page's catalogs and where to fetch more (one thread-local: each access is code).
#[derive(Default)]
struct Registry {
    german: Option<&'static Texts>,
    loaded: Vec<(Lang, Entry)>,
    /// The folder of the runtime's files (where `formlotse.js` is), ending in `/`.
    base: String,
}

thread_local! {
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

/// Remembers where the catalogs are: `i18n/` under the loader's folder.
pub(crate) fn set_base(base: &str) {
    REGISTRY.with_borrow_mut(|registry| base.clone_into(&mut registry.base));
}

/// The words for `lang`: its catalog, else along its tag (`de-x-ls` → `de`), else German.
#[inline(never)] // called wherever words are shown: one copy in the wasm
pub(crate) fn texts(lang: Lang) -> &'static Texts {
    REGISTRY.with_borrow_mut(|registry| {
        let loaded = lang.chain().find_map(|wanted| match entry(&registry.loaded, wanted) {
            Some(Entry::Loaded(texts)) => Some(texts),
            _ => None,
        });
        loaded.unwrap_or_else(|| *registry.german.get_or_insert_with(|| kept(Catalog::german())))
    })
}

/// `catalog`'s words, kept for the page's lifetime (one place, so that the wasm has one copy of
/// reading them).
#[inline(never)]
fn kept(catalog: Catalog) -> &'static Texts {
    Box::leak(Box::new(Texts::of(Box::leak(Box::new(catalog)))))
}

fn entry(loaded: &[(Lang, Entry)], lang: Lang) -> Option<Entry> {
    loaded.iter().find(|(known, _)| *known == lang).map(|(_, entry)| *entry)
}

/// Whether `lang` can be shown without fetching: German, or fetched before.
pub(crate) fn is_known(lang: Lang) -> bool {
    lang == Lang::De || REGISTRY.with_borrow(|registry| entry(&registry.loaded, lang).is_some())
}

/// Fetches the catalog of `lang` unless known. Never fails: without it, German words show.
pub(crate) async fn load(lang: Lang) {
    if is_known(lang) {
        return;
    }
    let url = format!("{}i18n/{}.json", REGISTRY.with_borrow(|registry| registry.base.clone()), lang.tag());
    let fetched = fetch::get_text(&url).await;
    let read = fetched.ok().and_then(|answer| formlotse_core::json::parse(&answer.body).ok());
    let entry = match read.and_then(|file| Catalog::fetched(lang, file)) {
        Some(catalog) => Entry::Loaded(kept(catalog)),
        None => Entry::Absent,
    };
    register_loaded(lang, entry);
}

/// Keeps what became of `lang`; two assistants may fetch the same language at once, and the
/// first answer stays.
fn register_loaded(lang: Lang, new: Entry) {
    REGISTRY.with_borrow_mut(|registry| {
        if entry(&registry.loaded, lang).is_none() {
            registry.loaded.push((lang, new));
        }
    });
}

/// Registers a catalog as if fetched: tests have no network (a shipped one).
#[cfg(test)]
pub(crate) fn register(text: &str) -> Lang {
    // Read as the browser reads a fetched one.
    let lang = Catalog::parse(text).expect("a catalog").lang(); // ok: test
    let file = formlotse_core::json::parse(text).expect("JSON"); // ok: test
    register_loaded(lang, Entry::Loaded(kept(Catalog::fetched(lang, file).expect("a catalog")))); // ok: test
    lang
}

/// The shipped English catalog, registered.
#[cfg(test)]
pub(crate) fn english() -> Lang {
    register(include_str!("../../i18n/en.json"))
}
