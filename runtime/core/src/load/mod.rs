//! Loading a definition: JSON text in, a checked [`Definition`] or every diagnostic out.

mod field;
#[cfg(feature = "authoring")]
mod locate;
mod logic;
mod object;

use crate::definition::ByKey;
use crate::definition::{
    Choice, Content, ContentKind, Definition, FORMAT_VERSION, Group, Item, Repeat, Step,
};
use crate::diagnostic::{Diagnostic, Problem};
use crate::expr::Type;
use crate::format;
use crate::json::{self, Json as Value, JsonError, JsonErrorKind};
use object::{Object, Sink};

/// Parses and checks a definition. Returns the definition, or all diagnostics at once, each with
/// its JSON Pointer and (with the "authoring" feature) its source position. Never panics,
/// whatever the input.
pub fn load(source: &str) -> Result<Definition, Vec<Diagnostic>> {
    let value: Value = json::parse(source).map_err(|error| vec![syntax_diagnostic(source, error)])?;
    let mut sink = Sink::default();
    let definition = read_form(&value, &mut sink);
    match definition {
        Some(definition) if sink.diagnostics.is_empty() => Ok(definition),
        _ => Err(located(source, sink.diagnostics)),
    }
}

/// The diagnostics with line and column, in reading order, as an editor lists them.
#[cfg(feature = "authoring")]
fn located(source: &str, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    for diagnostic in &mut diagnostics {
        let key = matches!(diagnostic.problem, Problem::UnknownKey { .. });
        diagnostic.position = locate::locate(source, &diagnostic.pointer, key);
        // An expression's problem is at a spot inside the string: after its quote.
        if let (Problem::Expression { column, .. }, Some(position)) =
            (&diagnostic.problem, diagnostic.position.as_mut())
        {
            position.column = position.column.saturating_add(column.saturating_add(1));
        }
    }
    diagnostics.sort_by_key(|d| d.position.map(|p| (p.line, p.column)));
    diagnostics
}

/// Without "authoring" (a citizen's wasm), the diagnostics name their JSON Pointer only: finding
/// lines and columns is the authors' tools' work.
#[cfg(not(feature = "authoring"))]
fn located(_source: &str, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
}

/// The diagnostic of a source the JSON reader refused: a syntax error, or a key written
/// twice (which one counts would be a guess; serde_json silently took the last).
fn syntax_diagnostic(source: &str, error: JsonError) -> Diagnostic {
    let position = Some(error.position(source));
    match error.kind {
        JsonErrorKind::DuplicateKey => {
            let key =
                error.pointer.rsplit('/').next().unwrap_or_default().replace("~1", "/").replace("~0", "~");
            Diagnostic { problem: Problem::DuplicateKey { key }, pointer: error.pointer, position }
        }
        _ => Diagnostic {
            problem: Problem::JsonSyntax { detail: error.detail() },
            pointer: String::new(),
            position,
        },
    }
}

/// What the loader learns while reading, for checks that need the whole form.
#[derive(Default)]
struct Context {
    /// Step ids and where they were first used.
    step_ids: ByKey<String>,
    /// Field and group ids and where they were first used.
    item_ids: ByKey<String>,
    /// The code lists, by name.
    code_lists: ByKey<Vec<Choice>>,
    /// The type name of every field read so far, by id.
    field_types: ByKey<&'static str>,
    /// References to check once every field is known: (pointer, field id, wants a date field).
    references: Vec<(String, String, bool)>,
    /// Every field's expression type, known before reading (expressions may look ahead).
    types: ByKey<Type>,
    /// The pointer of each condition, by slot.
    condition_pointers: Vec<String>,
    /// The pointer of each calculated field's `expression`, by field id.
    expression_pointers: ByKey<String>,
    /// The repeatable group being read, if any: its fields are visible to its expressions only.
    in_repeat: Option<String>,
    /// The repeatable group of each field inside one.
    repeat_of: ByKey<String>,
}

fn read_form(value: &Value, sink: &mut Sink) -> Option<Definition> {
    let form = Object::read(value, String::new(), &[format::FORM], sink)?;
    check_format_version(&form, sink);
    let id = read_id(&form, None, sink);
    let version = form.string("version", sink).map(str::to_owned);
    let title = form.text("title", sink);
    let description = form.text("description", sink);
    let languages = read_languages(&form, sink);
    let (types, repeat_of) = logic::field_types(value);
    let mut context = Context { types, repeat_of, ..Context::default() };
    context.code_lists = read_code_lists(&form, &mut context, sink);
    let steps: Vec<Option<Step>> = form
        .list("steps", sink)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, step)| read_step(step, format!("/steps/{i}"), &mut context, sink))
        .collect();
    let steps: Option<Vec<Step>> = steps.into_iter().collect();
    check_references(&context, sink);
    let steps = steps?;
    let fim = form.fim(sink);
    let logic = logic::build_logic(&steps, &context, sink)?;
    Some(Definition { id: id?, version, title: title?, description, languages, steps, logic, fim })
}

fn check_format_version(form: &Object, sink: &mut Sink) {
    match form.value("formlotse") {
        Some(version) if version.as_u64() == Some(FORMAT_VERSION) => {}
        Some(found) => {
            sink.push(form.pointer_of("formlotse"), Problem::UnsupportedFormat { found: found.to_string() })
        }
        None => {}
    }
}

fn read_languages(form: &Object, sink: &mut Sink) -> Vec<String> {
    let Some(list) = form.list("languages", sink) else { return vec!["de".to_owned()] };
    let pointer = form.pointer_of("languages");
    let languages: Vec<String> = list
        .iter()
        .enumerate()
        .filter_map(|(i, lang)| match lang.as_str() {
            // Kept whole and as a text finds it (`Text::get`): not cut (`Lang`), no `_`, no spaces.
            Some(tag)
                if crate::lang::Lang::parse(tag).is_some_and(|lang| lang.tag().eq_ignore_ascii_case(tag)) =>
            {
                Some(tag.to_owned())
            }
            _ => {
                sink.push(format!("{pointer}/{i}"), Problem::WrongType { expected: "language tag" });
                None
            }
        })
        .collect();
    if languages.first().is_some_and(|first| first != "de") {
        sink.push(format!("{pointer}/0"), Problem::GermanFirst);
    }
    languages
}

fn read_code_lists(form: &Object, context: &mut Context, sink: &mut Sink) -> ByKey<Vec<Choice>> {
    let Some(value) = form.value("codeLists") else { return ByKey::new() };
    let pointer = form.pointer_of("codeLists");
    let Some(lists) = value.as_object() else {
        sink.push(pointer, Problem::WrongType { expected: "object" });
        return ByKey::new();
    };
    lists
        .iter()
        .filter_map(|(name, list)| {
            let choices = read_choices(list, crate::diagnostic::pointer_join(&pointer, name), context, sink)?;
            Some((name.clone(), choices))
        })
        .collect()
}

/// A non-empty list of options with distinct values.
fn read_choices(
    value: &Value,
    pointer: String,
    context: &mut Context,
    sink: &mut Sink,
) -> Option<Vec<Choice>> {
    let Some(items) = value.as_array() else {
        sink.push(pointer, Problem::WrongType { expected: "array" });
        return None;
    };
    if items.is_empty() {
        sink.push(pointer, Problem::Empty);
        return None;
    }
    let mut seen = Vec::new();
    let choices: Vec<Option<Choice>> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let choice = Object::read(item, format!("{pointer}/{i}"), &[format::CHOICE], sink)?;
            let value = choice.string("value", sink).map(str::to_owned);
            if let Some(value) = &value {
                if seen.contains(value) {
                    sink.push(choice.pointer_of("value"), Problem::DuplicateValue { value: value.clone() });
                }
                seen.push(value.clone());
            }
            let label = choice.text("label", sink);
            let hint = choice.text("hint", sink);
            let visible_if = logic::read_condition(&choice, "visibleIf", context, sink);
            Some(Choice { value: value?, label: label?, hint, visible_if })
        })
        .collect();
    choices.into_iter().collect()
}

fn read_step(value: &Value, pointer: String, context: &mut Context, sink: &mut Sink) -> Option<Step> {
    let step = Object::read(value, pointer, &[format::STEP], sink)?;
    let id = read_id(&step, Some(&mut context.step_ids), sink);
    let title = step.text("title", sink);
    let visible_if = logic::read_condition(&step, "visibleIf", context, sink);
    let items = read_items(&step, context, sink);
    let fim = step.fim(sink);
    Some(Step { id: id?, title: title?, visible_if, items: items?, fim })
}

/// The `fields` of a step or group.
fn read_items(parent: &Object, context: &mut Context, sink: &mut Sink) -> Option<Vec<Item>> {
    let items: Vec<Option<Item>> = parent
        .list("fields", sink)
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, item)| read_item(item, format!("{}/fields/{i}", parent.pointer), context, sink))
        .collect();
    items.into_iter().collect()
}

fn read_item(value: &Value, pointer: String, context: &mut Context, sink: &mut Sink) -> Option<Item> {
    let type_name = value.get("type").and_then(Value::as_str);
    match type_name {
        Some("group") => {
            let group = Object::read(value, pointer, &[format::GROUP], sink)?;
            let id = read_id(&group, Some(&mut context.item_ids), sink);
            let legend = group.text("legend", sink);
            let hint = group.text("hint", sink);
            let visible_if = logic::read_condition(&group, "visibleIf", context, sink);
            let items = read_items(&group, context, sink);
            let fim = group.fim(sink);
            Some(Item::Group(Group { id: id?, legend: legend?, hint, visible_if, items: items?, fim }))
        }
        Some("repeat") => {
            let repeat = Object::read(value, pointer, &[format::REPEAT], sink)?;
            let id = read_id(&repeat, Some(&mut context.item_ids), sink);
            if context.in_repeat.is_some() {
                sink.push(repeat.pointer_of("type"), Problem::NotInRepeat { what: "repeat" });
            }
            let legend = repeat.text("legend", sink);
            let hint = repeat.text("hint", sink);
            let item_label = repeat.text("itemLabel", sink);
            let add_label = repeat.text("addLabel", sink);
            let min_items = repeat.count("minItems", 0, 100, sink).unwrap_or(1) as usize;
            let max_items = repeat.count("maxItems", 1, 100, sink).unwrap_or(10) as usize;
            if min_items > max_items {
                sink.push(
                    repeat.pointer_of("minItems"),
                    Problem::MinAboveMax { min: "minItems", max: "maxItems" },
                );
            }
            let visible_if = logic::read_condition(&repeat, "visibleIf", context, sink);
            let outer = context.in_repeat.replace(id.clone().unwrap_or_default());
            let items = read_items(&repeat, context, sink);
            context.in_repeat = outer;
            Some(Item::Repeat(Repeat {
                id: id?,
                legend: legend?,
                hint,
                item_label: item_label?,
                add_label,
                min_items,
                max_items,
                visible_if,
                items: items?,
                fim: repeat.fim(sink),
            }))
        }
        Some(name) if format::CONTENT_TYPES.contains(&name) => {
            let content = Object::read(value, pointer, &[format::CONTENT], sink)?;
            if content.value("id").is_some() {
                read_id(&content, Some(&mut context.item_ids), sink);
            }
            let kind = ContentKind::ALL.iter().find(|(n, _)| *n == name).map(|(_, kind)| *kind)?;
            let text = content.text("text", sink);
            let visible_if = logic::read_condition(&content, "visibleIf", context, sink);
            let fim = content.fim(sink);
            Some(Item::Content(Content { kind, text: text?, visible_if, fim }))
        }
        _ => field::read_field(value, pointer, context, sink).map(|field| Item::Field(Box::new(field))),
    }
}

/// After every field is known: `after` and `equals` must name fields (a date field for `after`).
fn check_references(context: &Context, sink: &mut Sink) {
    for (pointer, name, wants_date) in &context.references {
        match context.field_types.get(name) {
            None => {
                sink.push(pointer.clone(), Problem::UnknownReference { name: name.clone(), what: "field" })
            }
            Some(type_name) if *wants_date && *type_name != "date" => {
                sink.push(
                    pointer.clone(),
                    Problem::UnknownReference { name: name.clone(), what: "date field" },
                );
            }
            Some(_) => {}
        }
    }
}

/// Reads the `id` of an object: letters, digits, `_` and `-`, starting with a letter, so that
/// it is safe as a payload key, in a JSON Pointer and as part of an HTML id. With `seen`,
/// reports a second use of the same id.
fn read_id(object: &Object, seen: Option<&mut ByKey<String>>, sink: &mut Sink) -> Option<String> {
    let id = object.string("id", sink)?;
    let pointer = object.pointer_of("id");
    if !is_id(id) {
        sink.push(pointer, Problem::InvalidId { id: id.to_owned() });
        return None;
    }
    if let Some(seen) = seen {
        if let Some(first) = seen.get(id) {
            sink.push(pointer, Problem::DuplicateId { id: id.to_owned(), first: first.clone() });
            return None;
        }
        seen.insert(id.to_owned(), pointer);
    }
    Some(id.to_owned())
}

/// Whether `id` is a valid id.
fn is_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests;
