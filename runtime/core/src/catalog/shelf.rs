//! The catalogs of several languages at once, for whoever answers in whichever language an
//! application was written in: the receiver's problem details, the PDF. (The browser keeps
//! its own, fetched one language at a time.)

use super::Catalog;
use crate::lang::Lang;

/// Catalogs by language, German built in.
#[derive(Debug, Clone)]
pub struct Catalogs {
    german: Catalog,
    others: Vec<Catalog>,
}

impl Default for Catalogs {
    fn default() -> Catalogs {
        Catalogs { german: Catalog::german(), others: Vec::new() }
    }
}

impl Catalogs {
    /// German and `catalogs` (of a language given twice, the first stays).
    pub fn new(catalogs: impl IntoIterator<Item = Catalog>) -> Catalogs {
        let mut shelf = Catalogs::default();
        for catalog in catalogs {
            if catalog.lang() != Lang::De && !shelf.others.iter().any(|c| c.lang() == catalog.lang()) {
                shelf.others.push(catalog);
            }
        }
        shelf
    }

    /// The words for `lang`: its catalog, else along its tag (`de-x-ls` → `de`), else German.
    pub fn get(&self, lang: Lang) -> &Catalog {
        lang.chain()
            .find_map(|wanted| self.others.iter().find(|c| c.lang() == wanted))
            .unwrap_or(&self.german)
    }

    /// The languages there are words for, German first.
    pub fn langs(&self) -> impl Iterator<Item = Lang> + '_ {
        std::iter::once(Lang::De).chain(self.others.iter().map(Catalog::lang))
    }
}
