//! The forms a receiver accepts: in production the ones its configuration names (loaded once
//! at start-up, each with its allowed page origins); in the demo every definition in its
//! directories, read fresh per request so an edited sample counts at once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use formlotse_core::Definition;

use crate::config::{FormConfig, Target};

/// Where a receiver finds its forms.
#[derive(Debug, Clone)]
pub enum Forms {
    /// The configured forms, by id.
    Configured(BTreeMap<String, FormConfig>),
    /// Every loadable `*.json` in these directories (the demo); any origin may send.
    Directories(Vec<PathBuf>),
}

/// Which page origins may send a form from a browser.
#[derive(Debug, PartialEq, Eq)]
pub enum Origins<'a> {
    /// Any (the demo, a development tool).
    Any,
    /// Exactly these.
    Only(&'a [String]),
}

impl Origins<'_> {
    /// Whether a request with this `Origin` header may send (no header: not a browser's
    /// cross-origin request, CORS does not apply).
    pub fn allow(&self, origin: Option<&str>) -> bool {
        match (self, origin) {
            (_, None) | (Origins::Any, _) => true,
            (Origins::Only(list), Some(origin)) => list.iter().any(|allowed| allowed == origin),
        }
    }
}

impl Forms {
    /// The definition with id `id`, if this receiver accepts it.
    pub fn find(&self, id: &str) -> Option<Arc<Definition>> {
        match self {
            Forms::Configured(forms) => forms.get(id).map(|form| form.definition.clone()),
            Forms::Directories(dirs) => dirs.iter().flat_map(|dir| json_files(dir)).find_map(|file| {
                let source = std::fs::read_to_string(file).ok()?;
                formlotse_core::load(&source).ok().filter(|definition| definition.id == id).map(Arc::new)
            }),
        }
    }

    /// The deliveries to queue for `payload` of form `id` (none in the demo): one per channel,
    /// and a confirmation (`CHANNEL+citizen`) per e-mail channel with `confirm` whose field the
    /// citizen answered.
    pub fn channels(&self, id: &str, payload: &serde_json::Value) -> Vec<String> {
        let Forms::Configured(forms) = self else { return Vec::new() };
        let Some(form) = forms.get(id) else { return Vec::new() };
        let mut names: Vec<String> = form.channels.iter().map(|c| c.name.clone()).collect();
        for channel in &form.channels {
            if let Target::Email(email) = &channel.target
                && let Some(field) = &email.confirm
                && crate::deliver::confirmation::address(payload, field).is_some()
            {
                names.push(format!("{}{}", channel.name, crate::deliver::confirmation::SUFFIX));
            }
        }
        names
    }

    /// The origins allowed to send form `id`.
    pub fn origins(&self, id: &str) -> Origins<'_> {
        match self {
            Forms::Configured(forms) => {
                Origins::Only(forms.get(id).map_or(&[][..], |form| &form.origins[..]))
            }
            Forms::Directories(_) => Origins::Any,
        }
    }
}

/// The `*.json` files directly in `dir`, sorted so the first match is deterministic.
pub fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}
