//! The model into a definition: structure (steps, groups, repeatable groups), fields by kind
//! and data type, options from code lists, rules as info blocks. Everything that needs a
//! person goes into the report with its line.

mod field;
mod options;
mod precision;
mod rules;
mod structure;

use crate::genericode::CodeLists;
use crate::json::Json;
use crate::model::{Child, Element, Ident, Schema, Version};
use crate::report::Report;
use std::collections::HashSet;

/// The definition for `schema`.
pub(crate) fn definition(schema: &Schema, code_lists: &CodeLists, report: &mut Report) -> Json {
    let mut known = HashSet::from([schema.id.clone()]);
    collect_ids(&schema.children, &mut known);
    let mut mapper = Mapper { code_lists, report, lists: Vec::new(), known, hoisted: Vec::new() };
    let format = match schema.version {
        Version::Xdf2 => "XDatenfelder 2.0",
        Version::Xdf3 => "XDatenfelder 3.0",
    };
    mapper.report.stats.schema = match &schema.fim_version {
        Some(version) => format!("{} {version} ({format})", schema.id),
        None => format!("{} ({format})", schema.id),
    };
    let steps = mapper.steps(schema);
    let mut form = Json::obj()
        .with("$schema", Json::str("/formlotse/formlotse.schema.json"))
        .with("formlotse", Json::int(1))
        .with("id", Json::str(form_id(&schema.id)))
        .with_opt("version", schema.fim_version.clone().map(Json::Str))
        .with("title", Json::str(&schema.title))
        .with_opt("description", schema.hint.as_deref().map(|hint| Json::str(markup_text(hint))))
        .with("fim", fim_ref(&schema.id, schema.fim_version.as_deref()))
        .with("steps", Json::Arr(steps));
    if !mapper.lists.is_empty() {
        form.set("codeLists", Json::Obj(std::mem::take(&mut mapper.lists)));
    }
    form
}

struct Mapper<'a> {
    code_lists: &'a CodeLists,
    report: &'a mut Report,
    /// The form's `codeLists`, by name.
    lists: Vec<(String, Json)>,
    /// Every FIM id of the schema (rules name them).
    known: HashSet<String>,
    /// File fields of the repeatable group being mapped, to place after it.
    hoisted: Vec<(Json, u32)>,
}

fn collect_ids(children: &[Child], known: &mut HashSet<String>) {
    for child in children {
        match &child.element {
            Element::Field(field) => {
                known.insert(field.ident.id.clone());
                known.extend(field.rules.iter().map(|rule| rule.id.clone()));
            }
            Element::Group(group) => {
                known.insert(group.ident.id.clone());
                known.extend(group.rules.iter().map(|rule| rule.id.clone()));
                collect_ids(&group.children, known);
            }
        }
    }
}

/// `{"id": "F00000043", "version": "1.0"}`.
fn fim_ref(id: &str, version: Option<&str>) -> Json {
    Json::obj().with("id", Json::str(id)).with_opt("version", version.map(Json::str))
}

fn fim_of(ident: &Ident) -> Json {
    fim_ref(&ident.id, ident.version.as_deref())
}

/// The form's id: the schema's FIM id, made a valid definition id if it is not one.
fn form_id(id: &str) -> String {
    let clean: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-').collect();
    if clean.starts_with(|c: char| c.is_ascii_alphabetic()) { clean } else { format!("fim-{clean}") }
}

/// A FIM text as a help text: the runtime's markup reads `*` as emphasis, FIM means a star.
fn markup_text(text: &str) -> String {
    text.replace('*', "\\*")
}
