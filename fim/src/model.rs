//! A FIM schema as read from either XDatenfelder version: the tree of groups and fields with
//! what the mapping needs, each part with its line in the XML.

/// The XDatenfelder version of the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Version {
    /// `urn:xoev-de:fim:standard:xdatenfelder_2`.
    Xdf2,
    /// `urn:xoev-de:fim:standard:xdatenfelder_3.0.0`.
    Xdf3,
}

/// A Stammdatenschema, or the root group of a Datenfeldgruppe message.
#[derive(Debug, Clone)]
pub(crate) struct Schema {
    pub(crate) version: Version,
    pub(crate) id: String,
    pub(crate) fim_version: Option<String>,
    pub(crate) title: String,
    pub(crate) hint: Option<String>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) children: Vec<Child>,
}

/// One `struktur`: a group or field with its multiplicity (`anzahl`).
#[derive(Debug, Clone)]
pub(crate) struct Child {
    pub(crate) min: u32,
    /// `None`: no upper limit (`*`, `n`).
    pub(crate) max: Option<u32>,
    pub(crate) element: Element,
}

impl Child {
    /// Asked more than once (`1:n`, `2:5`, `0:*`).
    pub(crate) fn repeats(&self) -> bool {
        self.max != Some(1) && self.max != Some(0)
    }
}

#[derive(Debug, Clone)]
pub(crate) enum Element {
    Group(Group),
    Field(Box<Field>),
}

/// The id and version of a FIM element, and the id derived for the definition.
#[derive(Debug, Clone, Default)]
pub(crate) struct Ident {
    pub(crate) id: String,
    pub(crate) version: Option<String>,
    /// Unique in the form (see `ids`); empty until assigned.
    pub(crate) key: String,
    pub(crate) line: u32,
}

#[derive(Debug, Clone)]
pub(crate) struct Group {
    pub(crate) ident: Ident,
    pub(crate) label: String,
    pub(crate) hint: Option<String>,
    pub(crate) rules: Vec<Rule>,
    pub(crate) children: Vec<Child>,
}

#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub(crate) ident: Ident,
    pub(crate) label: String,
    pub(crate) hint: Option<String>,
    /// input, select, label, hidden, locked.
    pub(crate) feldart: String,
    /// text, text_latin, date, time, datetime, bool, num, num_int, num_currency, file, obj.
    pub(crate) datentyp: String,
    pub(crate) precision: Precision,
    pub(crate) codes: Codes,
    /// `inhalt`: the text of a label field, or a preset value.
    pub(crate) content: Option<String>,
    /// XDF3 files: accepted media types.
    pub(crate) media_types: Vec<String>,
    /// XDF3 files: the largest file in bytes.
    pub(crate) max_size: Option<u64>,
    pub(crate) rules: Vec<Rule>,
}

/// `praezisierung`, as written (numbers still text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Precision {
    pub(crate) min_length: Option<String>,
    pub(crate) max_length: Option<String>,
    pub(crate) min_value: Option<String>,
    pub(crate) max_value: Option<String>,
    pub(crate) pattern: Option<String>,
}

/// Where a select field's options come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Codes {
    None,
    /// A genericode code list, by canonical URI and version.
    Reference {
        uri: String,
        version: Option<String>,
        version_uri: Option<String>,
        /// XDF3: the columns holding the code, the name and a help text.
        code_key: Option<String>,
        name_key: Option<String>,
        help_key: Option<String>,
    },
    /// XDF3 `werte`: (code, name, help).
    Inline(Vec<(String, String, Option<String>)>),
}

/// A rule (`regel`): prose, sometimes with a script.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub(crate) id: String,
    pub(crate) version: Option<String>,
    pub(crate) name: String,
    /// XDF2 `definition`, XDF3 `freitextRegel`.
    pub(crate) text: Option<String>,
    /// XDF2 `script`, XDF3 `skript`.
    pub(crate) script: Option<String>,
    pub(crate) line: u32,
}
