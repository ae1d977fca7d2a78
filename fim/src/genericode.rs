//! Code lists in OASIS genericode 1.0, as XRepository publishes them: found by canonical URI
//! and version, columns chosen by key (XDF3 `codeKey`/`nameKey`/`helpKey`) or by default (the
//! code is the column of the first `Key`, else the first column; the name is the first other
//! column).

use crate::error::{ImportError, ImportErrorKind};
use crate::xml::{self, child, child_text, children, line};
use roxmltree::Node;
use std::path::Path;

const NS_GENERICODE: &str = "http://docs.oasis-open.org/codelist/ns/genericode/1.0/";

/// One genericode code list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeList {
    /// `CanonicalUri`.
    pub uri: String,
    /// `Version`.
    pub version: Option<String>,
    /// `CanonicalVersionUri`.
    pub version_uri: Option<String>,
    /// Where it was read from (a file name).
    pub source: String,
    columns: Vec<String>,
    key_column: Option<usize>,
    rows: Vec<Vec<Option<String>>>,
}

/// The code lists an import may use.
#[derive(Debug, Clone, Default)]
pub struct CodeLists {
    lists: Vec<CodeList>,
}

/// An option of a code list: code, name, help.
pub(crate) type Entry = (String, String, Option<String>);

impl CodeLists {
    /// No code lists.
    pub fn new() -> Self {
        CodeLists::default()
    }

    /// Every `*.xml` and `*.gc` file directly in `dir`, each a genericode code list.
    pub fn load_dir(dir: &Path) -> Result<Self, ImportError> {
        let io = |error: std::io::Error| {
            ImportError::new(ImportErrorKind::Io, None, format!("cannot read {}: {error}", dir.display()))
        };
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .map_err(io)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "xml" || ext == "gc"))
            .collect();
        files.sort();
        let mut lists = CodeLists::new();
        for file in files {
            let text = crate::cli::read_limited(&file)?;
            lists.add_xml(&text, &file.display().to_string())?;
        }
        Ok(lists)
    }

    /// Adds the code list in `text` (read from `source`).
    pub fn add_xml(&mut self, text: &str, source: &str) -> Result<(), ImportError> {
        let in_file = |error: ImportError| ImportError {
            kind: ImportErrorKind::CodeList,
            message: format!("{source}: {}", error.message),
            ..error
        };
        let document = xml::parse(text).map_err(in_file)?;
        let list = read(document.root_element(), source).map_err(in_file)?;
        self.lists.push(list);
        Ok(())
    }

    /// How many lists there are.
    pub fn len(&self) -> usize {
        self.lists.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.lists.is_empty()
    }

    /// The list with this canonical URI and version (or canonical version URI). A reference
    /// without a version matches only a single list of that URI.
    pub(crate) fn find(
        &self,
        uri: &str,
        version: Option<&str>,
        version_uri: Option<&str>,
    ) -> Option<&CodeList> {
        if let Some(version_uri) = version_uri
            && let Some(list) =
                self.lists.iter().find(|list| list.version_uri.as_deref() == Some(version_uri))
        {
            return Some(list);
        }
        let mut same_uri = self.lists.iter().filter(|list| list.uri == uri);
        match version {
            Some(version) => same_uri.find(|list| list.version.as_deref() == Some(version)),
            None => {
                let first = same_uri.next()?;
                same_uri.next().is_none().then_some(first)
            }
        }
    }

    /// The versions there are of `uri`, for a report.
    pub(crate) fn versions_of(&self, uri: &str) -> Vec<String> {
        self.lists
            .iter()
            .filter(|list| list.uri == uri)
            .map(|list| list.version.clone().unwrap_or_default())
            .collect()
    }
}

impl CodeList {
    /// The options: code, name and help from the named columns, or the default ones.
    pub(crate) fn entries(
        &self,
        code_key: Option<&str>,
        name_key: Option<&str>,
        help_key: Option<&str>,
    ) -> Result<Vec<Entry>, String> {
        let column =
            |key: Option<&str>| -> Result<Option<usize>, String> {
                match key {
                    None => Ok(None),
                    Some(key) => self.columns.iter().position(|c| c == key).map(Some).ok_or_else(|| {
                        format!("has no column {key:?} (columns: {})", self.columns.join(", "))
                    }),
                }
            };
        let code = column(code_key)?.or(self.key_column).unwrap_or(0);
        let name = column(name_key)?.or_else(|| (0..self.columns.len()).find(|i| *i != code)).unwrap_or(code);
        let help = column(help_key)?;
        let cell = |row: &Vec<Option<String>>, i: usize| row.get(i).cloned().flatten();
        Ok(self
            .rows
            .iter()
            .filter_map(|row| {
                let value = cell(row, code)?;
                let label = cell(row, name).unwrap_or_else(|| value.clone());
                Some((value, label, help.and_then(|i| cell(row, i))))
            })
            .collect())
    }
}

fn read(root: Node, source: &str) -> Result<CodeList, ImportError> {
    if root.tag_name().name() != "CodeList" || root.tag_name().namespace() != Some(NS_GENERICODE) {
        return Err(ImportError::new(
            ImportErrorKind::CodeList,
            Some(line(root)),
            format!(
                "the root element is {{{}}}{}; expected a genericode CodeList ({NS_GENERICODE})",
                root.tag_name().namespace().unwrap_or(""),
                root.tag_name().name()
            ),
        ));
    }
    let identification = child(root, "Identification");
    let uri = identification.and_then(|i| child_text(i, "CanonicalUri")).ok_or_else(|| {
        ImportError::new(ImportErrorKind::CodeList, Some(line(root)), "no Identification/CanonicalUri")
    })?;
    let column_set = child(root, "ColumnSet");
    let columns: Vec<String> = column_set
        .into_iter()
        .flat_map(|set| children(set, "Column"))
        .map(|column| column.attribute("Id").unwrap_or_default().to_owned())
        .collect();
    let key_column = column_set
        .and_then(|set| child(set, "Key"))
        .and_then(|key| child(key, "ColumnRef"))
        .and_then(|reference| reference.attribute("Ref"))
        .and_then(|id| columns.iter().position(|c| c == id));
    let rows = child(root, "SimpleCodeList")
        .into_iter()
        .flat_map(|list| children(list, "Row"))
        .map(|row| {
            let mut cells = vec![None; columns.len()];
            let mut next = 0;
            for value in children(row, "Value") {
                // A Value without ColumnRef is the column after the previous one.
                let at = value
                    .attribute("ColumnRef")
                    .and_then(|id| columns.iter().position(|c| c == id))
                    .unwrap_or(next);
                if let Some(cell) = cells.get_mut(at) {
                    *cell = child_text(value, "SimpleValue");
                }
                next = at + 1;
            }
            cells
        })
        .collect();
    Ok(CodeList {
        uri,
        version: identification.and_then(|i| child_text(i, "Version")),
        version_uri: identification.and_then(|i| child_text(i, "CanonicalVersionUri")),
        source: source.to_owned(),
        columns,
        key_column,
        rows,
    })
}
