//! Structure: top-level groups become steps (consecutive top-level fields share a step titled
//! like the form); nested groups become groups; a group with a maximum above 1 becomes a
//! repeatable group (`minItems`/`maxItems`, at most 100). The format nests no repeatable
//! groups and keeps no files in them: a repeatable group inside one is flattened into a group
//! asked once per item, and a file field inside one is placed after it (one file per item).
//! Fields of an optional group (`0:1`) are optional: the format cannot say "required once the
//! group is begun", so the report asks for a `requiredIf`.

use super::{Mapper, fim_of, markup_text};
use crate::json::Json;
use crate::model::{Child, Element, Field, Group, Schema};
use crate::report::NoteKind;

/// The most items of a repeatable group the format allows.
const MAX_ITEMS: u32 = 100;

/// Where a part is mapped.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Place {
    /// Inside a repeatable group.
    pub(super) in_repeat: bool,
    /// Inside an optional group: nothing is required.
    pub(super) optional: bool,
}

struct StepOut {
    id: String,
    title: String,
    fim: Option<Json>,
    fields: Vec<Json>,
}

impl Mapper<'_> {
    pub(super) fn steps(&mut self, schema: &Schema) -> Vec<Json> {
        let mut steps: Vec<StepOut> = Vec::new();
        let mut loose: Vec<Json> = Vec::new();
        let flush = |loose: &mut Vec<Json>, steps: &mut Vec<StepOut>| {
            if !loose.is_empty() {
                let n = steps.iter().filter(|s| s.id.starts_with("angaben")).count();
                let id = if n == 0 { "angaben".to_owned() } else { format!("angaben-{}", n + 1) };
                steps.push(StepOut {
                    id,
                    title: schema.title.clone(),
                    fim: None,
                    fields: std::mem::take(loose),
                });
            }
        };
        for child in &schema.children {
            match &child.element {
                Element::Group(group) => {
                    flush(&mut loose, &mut steps);
                    if let Some(step) = self.step(child, group) {
                        steps.push(step);
                    }
                }
                Element::Field(field) => loose.extend(self.field_items(child, field, Place::default())),
            }
        }
        flush(&mut loose, &mut steps);
        let schema_rules = self.rule_blocks(&schema.rules, &format!("the schema {}", schema.id));
        if steps.is_empty() {
            self.report.note(
                1,
                NoteKind::Dropped,
                "the schema has no data fields; the form has one step with a note",
            );
            let note = Json::obj()
                .with("type", Json::str("paragraph"))
                .with("text", Json::str("Dieses Schema enthält keine Datenfelder."));
            steps.push(StepOut {
                id: "angaben".into(),
                title: schema.title.clone(),
                fim: None,
                fields: vec![note],
            });
        }
        steps[0].fields.splice(0..0, schema_rules);
        self.report.stats.steps = steps.len();
        steps
            .into_iter()
            .map(|step| {
                Json::obj()
                    .with("id", Json::Str(step.id))
                    .with("title", Json::Str(step.title))
                    .with_opt("fim", step.fim)
                    .with("fields", Json::Arr(step.fields))
            })
            .collect()
    }

    /// A top-level group as a step; a repeatable one as a step holding the repeatable group.
    fn step(&mut self, child: &Child, group: &Group) -> Option<StepOut> {
        let mut fields = Vec::new();
        if child.repeats() {
            fields.extend(self.repeat(child, group));
        } else {
            if let Some(hint) = &group.hint {
                fields.push(
                    Json::obj()
                        .with("type", Json::str("paragraph"))
                        .with("text", Json::str(markup_text(hint))),
                );
            }
            fields
                .extend(self.rule_blocks(&group.rules, &place_name("group", &group.ident.id, &group.label)));
            let optional = child.min == 0;
            if optional {
                self.note_optional(group);
            }
            fields.extend(self.items(&group.children, Place { in_repeat: false, optional }));
        }
        if fields.is_empty() {
            self.report.note(
                group.ident.line,
                NoteKind::Dropped,
                format!("group {} holds no fields: left out", group.ident.id),
            );
            return None;
        }
        Some(StepOut {
            id: group.ident.key.clone(),
            title: group.label.clone(),
            fim: Some(fim_of(&group.ident)),
            fields,
        })
    }

    /// The fields, groups and blocks of `children`.
    pub(super) fn items(&mut self, children: &[Child], place: Place) -> Vec<Json> {
        let mut items = Vec::new();
        for child in children {
            match &child.element {
                Element::Field(field) => items.extend(self.field_items(child, field, place)),
                Element::Group(group) if child.repeats() && !place.in_repeat => {
                    items.extend(self.repeat(child, group))
                }
                Element::Group(group) => {
                    if child.repeats() {
                        self.report.note(
                            group.ident.line,
                            NoteKind::Flattened,
                            format!(
                                "group {} ({}) repeats ({}) inside a repeatable group, which the format cannot nest: imported as a group asked once per item",
                                group.ident.id, group.label, multiplicity(child)
                            ),
                        );
                    }
                    items.extend(self.group(child, group, place));
                }
            }
        }
        items
    }

    fn group(&mut self, child: &Child, group: &Group, place: Place) -> Option<Json> {
        let optional = place.optional || child.min == 0;
        if optional && !place.optional {
            self.note_optional(group);
        }
        let mut fields = self.rule_blocks(&group.rules, &place_name("group", &group.ident.id, &group.label));
        fields.extend(self.items(&group.children, Place { optional, ..place }));
        if fields.is_empty() {
            self.report.note(
                group.ident.line,
                NoteKind::Dropped,
                format!("group {} holds no fields: left out", group.ident.id),
            );
            return None;
        }
        self.report.stats.groups += 1;
        Some(
            Json::obj()
                .with("type", Json::str("group"))
                .with("id", Json::str(&group.ident.key))
                .with("legend", Json::str(&group.label))
                .with_opt("hint", group.hint.as_deref().map(|hint| Json::str(markup_text(hint))))
                .with("fim", fim_of(&group.ident))
                .with("fields", Json::Arr(fields)),
        )
    }

    /// A repeatable group, followed by the file fields it held.
    fn repeat(&mut self, child: &Child, group: &Group) -> Vec<Json> {
        let outer = std::mem::take(&mut self.hoisted);
        let mut fields = self.rule_blocks(&group.rules, &place_name("group", &group.ident.id, &group.label));
        fields.extend(self.items(&group.children, Place { in_repeat: true, optional: false }));
        let hoisted = std::mem::replace(&mut self.hoisted, outer);
        let (min_items, max_items) = self.items_range(child, &group.ident.id, group.ident.line);
        let mut out = Vec::new();
        if fields.is_empty() {
            self.report.note(
                group.ident.line,
                NoteKind::Flattened,
                format!("repeatable group {} holds only files: they follow as file fields", group.ident.id),
            );
        } else {
            self.report.stats.repeats += 1;
            out.push(repeat_json(
                &group.ident.key,
                &group.label,
                group.hint.as_deref(),
                (min_items, max_items),
                Some(fim_of(&group.ident)),
                fields,
            ));
        }
        out.extend(hoisted.into_iter().map(|(mut file, per_item)| {
            let max_files = max_items.saturating_mul(per_item).min(MAX_ITEMS);
            if let Json::Obj(entries) = &mut file {
                entries.retain(|(key, _)| key != "maxFiles");
                let at = entries.iter().position(|(key, _)| key == "fim").unwrap_or(entries.len());
                entries.insert(at, ("maxFiles".into(), Json::int(u64::from(max_files))));
            }
            file
        }));
        out
    }

    /// `minItems`, `maxItems` of a repeating `child`, within the format's limits.
    pub(super) fn items_range(&mut self, child: &Child, id: &str, line: u32) -> (u32, u32) {
        let max = child.max.unwrap_or(u32::MAX);
        if max > MAX_ITEMS {
            self.report.note(
                line,
                NoteKind::Limit,
                format!(
                    "{id} may occur {}; the format allows at most {MAX_ITEMS} items",
                    multiplicity(child)
                ),
            );
        }
        (child.min.min(MAX_ITEMS), max.min(MAX_ITEMS))
    }

    /// An optional group holding fields the schema requires.
    fn note_optional(&mut self, group: &Group) {
        let required = required_inside(&group.children);
        if required > 0 {
            self.report.note(
                group.ident.line,
                NoteKind::Optional,
                format!(
                    "group {} ({}) is optional (0:1): its {required} required fields are imported as optional; add requiredIf where they are needed once the group is begun",
                    group.ident.id, group.label
                ),
            );
        }
    }

    /// A field the format does not keep in a repeatable group, to place after it.
    pub(super) fn hoist(&mut self, field: &Field, json: Json, per_item: u32) {
        self.report.note(
            field.ident.line,
            NoteKind::Flattened,
            format!("file field {} ({}) is in a repeatable group, which holds no files: placed after it, one file per item", field.ident.id, field.label),
        );
        self.hoisted.push((json, per_item));
    }
}

pub(super) fn repeat_json(
    id: &str,
    label: &str,
    hint: Option<&str>,
    (min, max): (u32, u32),
    fim: Option<Json>,
    fields: Vec<Json>,
) -> Json {
    Json::obj()
        .with("type", Json::str("repeat"))
        .with("id", Json::str(id))
        .with("legend", Json::str(label))
        .with_opt("hint", hint.map(|hint| Json::str(markup_text(hint))))
        .with("itemLabel", Json::str(format!("{label} {{n}}")))
        .with("minItems", Json::int(u64::from(min)))
        .with("maxItems", Json::int(u64::from(max.max(1))))
        .with_opt("fim", fim)
        .with("fields", Json::Arr(fields))
}

/// How many fields under `children` the schema requires (outside repeatable groups).
fn required_inside(children: &[Child]) -> usize {
    children
        .iter()
        .map(|child| match &child.element {
            Element::Field(_) => usize::from(child.min >= 1),
            Element::Group(group) if child.min >= 1 && !child.repeats() => required_inside(&group.children),
            Element::Group(_) => 0,
        })
        .sum()
}

pub(super) fn multiplicity(child: &Child) -> String {
    match child.max {
        Some(max) => format!("{}:{max}", child.min),
        None => format!("{}:*", child.min),
    }
}

pub(super) fn place_name(what: &str, id: &str, label: &str) -> String {
    format!("{what} {id} ({label})")
}
