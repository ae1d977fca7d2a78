//! The import report: one note per thing a person has to look at, each with its line in the
//! schema, and counts of what was mapped. Printed as `SCHEMA.xml:line: message` lines and a
//! summary, as compilers do, so editors jump to the line.

use std::collections::BTreeMap;
use std::fmt::Write;

/// What a note is about (a stable code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NoteKind {
    /// An XSD pattern the runtime cannot express exactly: not imported.
    Pattern,
    /// A pattern imported with a generic message: write `messages.pattern`.
    PatternMessage,
    /// A code list that was not found: the field became a text field.
    CodeList,
    /// A rule (prose): write it as `visibleIf`/`requiredIf`; its text is an info block.
    Rule,
    /// A group the format cannot nest was flattened, or a file field moved.
    Flattened,
    /// Fields made optional because their group is optional.
    Optional,
    /// A part with no counterpart in the format (hidden field, empty group): left out.
    Dropped,
    /// A data type or field kind imported as something close (time as text, locked as input).
    DataType,
    /// A precision (`praezisierung`) that could not be applied.
    Precision,
    /// A multiplicity beyond the format's limits.
    Limit,
}

impl NoteKind {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            NoteKind::Pattern => "pattern",
            NoteKind::PatternMessage => "pattern_message",
            NoteKind::CodeList => "code_list",
            NoteKind::Rule => "rule",
            NoteKind::Flattened => "flattened",
            NoteKind::Optional => "optional",
            NoteKind::Dropped => "dropped",
            NoteKind::DataType => "data_type",
            NoteKind::Precision => "precision",
            NoteKind::Limit => "limit",
        }
    }
}

/// One thing a person has to look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The line in the schema.
    pub line: u32,
    /// What it is about.
    pub kind: NoteKind,
    /// What was found and what was done, in words.
    pub message: String,
}

/// What the definition holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// The FIM id and version of the schema.
    pub schema: String,
    /// Steps.
    pub steps: usize,
    /// Groups (fieldsets).
    pub groups: usize,
    /// Repeatable groups.
    pub repeats: usize,
    /// Input fields.
    pub fields: usize,
    /// Label fields as text blocks.
    pub texts: usize,
    /// Rules as info blocks.
    pub rules: usize,
    /// Code lists taken from genericode files.
    pub code_lists: usize,
}

/// The whole report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// In the order of the schema.
    pub notes: Vec<Note>,
    /// Counts.
    pub stats: Stats,
}

impl Report {
    pub(crate) fn note(&mut self, line: u32, kind: NoteKind, message: impl Into<String>) {
        self.notes.push(Note { line, kind, message: message.into() });
    }

    /// The notes of one kind.
    pub fn of(&self, kind: NoteKind) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(move |note| note.kind == kind)
    }

    /// `file:line: message [code]` per note, sorted by line, then the summary.
    pub fn render(&self, file: &str) -> String {
        let mut notes: Vec<&Note> = self.notes.iter().collect();
        notes.sort_by_key(|note| note.line);
        let mut out = String::new();
        for note in notes {
            let _ = writeln!(out, "{file}:{}: {} [{}]", note.line, note.message, note.kind.code());
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// One line: what was imported, and how many notes of which kind need an author.
    pub fn summary(&self) -> String {
        let s = &self.stats;
        let counts = [
            (s.steps, "step"),
            (s.groups, "group"),
            (s.repeats, "repeatable group"),
            (s.fields, "field"),
            (s.texts, "text"),
            (s.rules, "rule"),
            (s.code_lists, "code list"),
        ];
        let counts: Vec<String> = counts.iter().map(|(n, what)| plural(*n, what)).collect();
        let mut line = format!("imported {}: {}", s.schema, counts.join(", "));
        if self.notes.is_empty() {
            line.push_str("; nothing needs an author");
            return line;
        }
        let mut counts: BTreeMap<NoteKind, usize> = BTreeMap::new();
        for note in &self.notes {
            *counts.entry(note.kind).or_default() += 1;
        }
        let kinds: Vec<String> = counts.iter().map(|(kind, n)| format!("{n} {}", kind.code())).collect();
        let needs = if self.notes.len() == 1 { "needs" } else { "need" };
        let _ =
            write!(line, "; {} {needs} an author ({})", plural(self.notes.len(), "note"), kinds.join(", "));
        line
    }
}

/// `1 step`, `2 steps`.
fn plural(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}
