//! A file picker with the chosen files listed, each with a button to remove it.

use crate::parts::{FieldShell, class_list};
use wasm_bindgen::JsCast;
use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

/// A chosen file as shown in the list.
#[derive(Clone, PartialEq, Debug)]
pub struct ChosenFile {
    /// The file name.
    pub name: AttrValue,
    /// Its size, formatted ("1,2 MB").
    pub size: AttrValue,
}

/// What a file input has beyond its [`FieldShell`].
#[derive(PartialEq, Clone)]
pub struct FilePicker {
    /// The `accept` attribute, e.g. "application/pdf,image/*".
    pub accept: Option<AttrValue>,
    /// Whether several files may be chosen.
    pub multiple: bool,
    /// The files chosen so far.
    pub files: Vec<ChosenFile>,
    /// The heading of the list, e.g. "Ausgewählte Dateien".
    pub files_label: AttrValue,
    /// The remove button's text, e.g. "Entfernen"; the file name is added for screen readers.
    pub remove_label: AttrValue,
    /// Called with newly chosen files.
    pub onchoose: Callback<Vec<File>>,
    /// Called with the index of a file to remove.
    pub onremove: Callback<usize>,
}

/// `<input type="file">` plus the list of chosen files.
pub fn file_input(shell: &FieldShell, props: &FilePicker) -> Html {
    let onchange = props.onchoose.reform(|event: Event| {
        let Some(input) = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else {
            return Vec::new();
        };
        let files = input
            .files()
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        // Cleared, so that choosing the same file again after removing it fires a change.
        input.set_value("");
        files
    });
    shell.field(html! {
        <>
            {shell.label_and_messages()}
            <input
                ~className={class_list(&[Some("fl-file"), shell.invalid().then_some("fl-input--error")])}
                type="file"
                id={shell.id.clone()}
                name={shell.id.clone()}
                accept={props.accept.clone()}
                multiple={props.multiple}
                aria-invalid={shell.aria_invalid()}
                aria-describedby={shell.described_by()}
                {onchange}
            />
            if !props.files.is_empty() {
                <div class="fl-files">
                    <p class="fl-files__title">{props.files_label.clone()}</p>
                    <ul class="fl-files__list">
                        { for props.files.iter().enumerate().map(|(i, file)| {
                            let onclick = props.onremove.reform(move |_: MouseEvent| i);
                            html! {
                                <li class="fl-files__item">
                                    <span>{file.name.clone()}{" ("}{file.size.clone()}{")"}</span>
                                    <button type="button" class="fl-button fl-button--secondary fl-button--small" {onclick}>
                                        {props.remove_label.clone()}
                                        <span class="fl-visually-hidden">{": "}{file.name.clone()}</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </>
    })
}
