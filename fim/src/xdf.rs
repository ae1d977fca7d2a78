//! Reading an XDatenfelder message into the model. Both versions share the tree
//! (`struktur` → `enthaelt` → `datenfeldgruppe` | `datenfeld`) and the texts; they differ in
//! how precision, code lists, rules and files are written, which `xdf_version` reads.

mod xdf_version;

use crate::error::{ImportError, ImportErrorKind};
use crate::model::{Child, Element, Field, Group, Ident, Schema, Version};
use crate::report::{NoteKind, Report};
use crate::xml::{self, child, child_text, children, line};
use roxmltree::{Document, Node};

const NS_XDF2: &str = "urn:xoev-de:fim:standard:xdatenfelder_2";
const NS_XDF3: &str = "urn:xoev-de:fim:standard:xdatenfelder_3.0.0";
const SCHEMA_MESSAGE: &str = "xdatenfelder.stammdatenschema.0102";
const GROUP_MESSAGE: &str = "xdatenfelder.datenfeldgruppe.0103";

/// Reads the message's schema (or root group), identified by the root's namespace.
pub(crate) fn read(document: &Document, report: &mut Report) -> Result<Schema, ImportError> {
    let root = document.root_element();
    let found = match root.tag_name().namespace() {
        Some(ns) => format!("{{{ns}}}{}", root.tag_name().name()),
        None => format!("{} without a namespace", root.tag_name().name()),
    };
    let version = match root.tag_name().namespace() {
        Some(NS_XDF2) => Version::Xdf2,
        Some(NS_XDF3) => Version::Xdf3,
        _ => {
            return Err(ImportError::new(
                ImportErrorKind::NotXDatenfelder,
                Some(line(root)),
                format!(
                    "the root element is {found}; expected an XDatenfelder 2.0 ({NS_XDF2}) or 3.0 ({NS_XDF3}) message"
                ),
            ));
        }
    };
    let (inner, what) = match root.tag_name().name() {
        SCHEMA_MESSAGE => ("stammdatenschema", "Stammdatenschema"),
        GROUP_MESSAGE => ("datenfeldgruppe", "Datenfeldgruppe"),
        _ => {
            return Err(ImportError::new(
                ImportErrorKind::NotXDatenfelder,
                Some(line(root)),
                format!(
                    "the root element is {found}; expected a {SCHEMA_MESSAGE} or {GROUP_MESSAGE} message"
                ),
            ));
        }
    };
    let node = child(root, inner).ok_or_else(|| {
        ImportError::new(
            ImportErrorKind::Incomplete,
            Some(line(root)),
            format!("the message holds no {what} ({inner})"),
        )
    })?;
    let mut reader = Reader { version, report, lines: xml::Lines::new(document.input_text()) };
    let ident = reader.ident(node)?;
    Ok(Schema {
        version,
        title: label(node, &ident),
        hint: child_text(node, "hilfetextEingabe"),
        rules: reader.rules(node),
        children: reader.structure(node, 0)?,
        id: ident.id,
        fim_version: ident.version,
    })
}

struct Reader<'r> {
    version: Version,
    report: &'r mut Report,
    lines: xml::Lines,
}

impl Reader<'_> {
    /// `identifikation/id` and `version`.
    fn ident(&mut self, node: Node) -> Result<Ident, ImportError> {
        let identification = child(node, "identifikation");
        let id = identification.and_then(|i| child_text(i, "id")).ok_or_else(|| {
            ImportError::new(
                ImportErrorKind::Incomplete,
                Some(self.lines.of(node)),
                format!("{} without identifikation/id", node.tag_name().name()),
            )
        })?;
        let version = identification.and_then(|i| child_text(i, "version"));
        Ok(Ident { id, version, key: String::new(), line: self.lines.of(node) })
    }

    /// The `struktur` children of a schema or group.
    fn structure(&mut self, node: Node, depth: usize) -> Result<Vec<Child>, ImportError> {
        if depth > crate::MAX_DEPTH {
            return Err(ImportError::new(
                ImportErrorKind::TooLarge,
                Some(self.lines.of(node)),
                format!("groups are nested more than {} levels deep", crate::MAX_DEPTH),
            ));
        }
        let mut result = Vec::new();
        for structure in children(node, "struktur") {
            let element = child(structure, "enthaelt").and_then(|contains| {
                contains.children().find(|n| {
                    n.is_element() && matches!(n.tag_name().name(), "datenfeldgruppe" | "datenfeld")
                })
            });
            let Some(element) = element else {
                self.report.note(
                    self.lines.of(structure),
                    NoteKind::Dropped,
                    "a struktur without a datenfeldgruppe or datenfeld: left out",
                );
                continue;
            };
            let (min, max) = self.multiplicity(structure);
            let element = if element.tag_name().name() == "datenfeldgruppe" {
                Element::Group(self.group(element, depth)?)
            } else {
                Element::Field(Box::new(self.field(element)?))
            };
            result.push(Child { min, max, element });
        }
        Ok(result)
    }

    /// `anzahl`: `1:1`, `0:1`, `2:5`, `1:n`, `0:*`.
    fn multiplicity(&mut self, structure: Node) -> (u32, Option<u32>) {
        let text = child_text(structure, "anzahl").unwrap_or_default();
        match parse_multiplicity(&text) {
            Some(multiplicity) => multiplicity,
            None => {
                self.report.note(
                    self.lines.of(structure),
                    NoteKind::Limit,
                    format!("anzahl {text:?} is not min:max; read as 0:1"),
                );
                (0, Some(1))
            }
        }
    }

    fn group(&mut self, node: Node, depth: usize) -> Result<Group, ImportError> {
        let ident = self.ident(node)?;
        Ok(Group {
            label: label(node, &ident),
            hint: child_text(node, "hilfetextEingabe"),
            rules: self.rules(node),
            children: self.structure(node, depth + 1)?,
            ident,
        })
    }

    fn field(&mut self, node: Node) -> Result<Field, ImportError> {
        let ident = self.ident(node)?;
        let feldart = xml::code(node, "feldart").unwrap_or_else(|| "input".to_owned());
        let datentyp = xml::code(node, "datentyp").unwrap_or_else(|| "text".to_owned());
        Ok(Field {
            label: label(node, &ident),
            hint: child_text(node, "hilfetextEingabe"),
            precision: self.precision(node),
            codes: self.codes(node),
            content: child_text(node, "inhalt"),
            media_types: children(node, "mediaType").filter_map(xml::text).collect(),
            max_size: child_text(node, "maxSize").and_then(|size| size.parse().ok()),
            rules: self.rules(node),
            feldart,
            datentyp,
            ident,
        })
    }
}

/// What a citizen reads: `bezeichnungEingabe`, else the `name`, else the id.
fn label(node: Node, ident: &Ident) -> String {
    let text = child_text(node, "bezeichnungEingabe")
        .or_else(|| child_text(node, "name"))
        .unwrap_or_else(|| ident.id.clone());
    // A label is one line.
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `min:max` with max a number, `*` or `n`.
pub(crate) fn parse_multiplicity(text: &str) -> Option<(u32, Option<u32>)> {
    let (min, max) = text.trim().split_once(':')?;
    let min: u32 = min.trim().parse().ok()?;
    let max = match max.trim() {
        "*" | "n" | "N" => None,
        number => Some(number.parse::<u32>().ok().filter(|max| *max >= min.max(1))?),
    };
    Some((min, max))
}

#[cfg(test)]
mod tests;
