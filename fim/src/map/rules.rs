//! Rules: FIM rules are prose (`definition`, `freitextRegel`) with, at most, a script the
//! runtime does not run. No logic is guessed: each rule is listed in the report with the ids
//! it names (and whether they are in this schema), and its text is an info block right where
//! it applies, for the author to turn into `visibleIf`/`requiredIf` and then delete.

use super::{Mapper, markup_text};
use crate::json::Json;
use crate::model::Rule;
use crate::report::NoteKind;

/// Report texts are cut after this many characters.
const QUOTE: usize = 160;

impl Mapper<'_> {
    /// Info blocks for `rules`, which apply to `place` ("field F… (Label)").
    pub(super) fn rule_blocks(&mut self, rules: &[Rule], place: &str) -> Vec<Json> {
        rules
            .iter()
            .map(|rule| {
                let text = rule.text.clone().unwrap_or_else(|| rule.name.clone());
                let named = named_ids(&format!("{text} {}", rule.script.as_deref().unwrap_or("")));
                let named: Vec<String> = named
                    .into_iter()
                    .map(
                        |id| if self.known.contains(&id) { id } else { format!("{id} (not in this schema)") },
                    )
                    .collect();
                let mut message = format!("rule {} ({}) on {place}: {:?}", rule.id, rule.name, quote(&text));
                if !named.is_empty() {
                    message.push_str(&format!("; names {}", named.join(", ")));
                }
                if rule.script.is_some() {
                    message.push_str("; its script is not run");
                }
                message.push_str("; write it as visibleIf/requiredIf (its text is an info block there)");
                self.report.note(rule.line, NoteKind::Rule, message);
                self.report.stats.rules += 1;
                Json::obj()
                    .with("type", Json::str("info"))
                    .with("text", Json::str(markup_text(&format!("FIM-Regel {}: {text}", rule.id))))
                    .with(
                        "fim",
                        Json::obj()
                            .with("id", Json::str(&rule.id))
                            .with_opt("version", rule.version.as_deref().map(Json::str)),
                    )
            })
            .collect()
    }
}

/// The FIM ids a rule's text names (a letter F, G, S or R and digits): `F00000043`,
/// `G60000086`, also inside paths
/// (`G00000283.G00001375.F00002365`), each once, in order.
pub(super) fn named_ids(text: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        let is_id = matches!(chars.next(), Some('F' | 'G' | 'S' | 'R'))
            && word.len() >= 2
            && chars.all(|c| c.is_ascii_digit());
        if is_id && !ids.iter().any(|id| id == word) {
            ids.push(word.to_owned());
        }
    }
    ids
}

fn quote(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE {
        flat
    } else {
        format!("{}…", flat.chars().take(QUOTE).collect::<String>())
    }
}
