//! A file picker with the chosen files listed, each with a button to remove it.

use crate::parts::{Described, field_class, label_text};
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

/// Props of [`FileInput`].
#[derive(Properties, PartialEq, Clone)]
pub struct FileInputProps {
    /// The input's id.
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// "(optional)".
    #[prop_or_default]
    pub optional_marker: Option<AttrValue>,
    /// Help, e.g. accepted types and the size limit.
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The error message.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// "Fehler:".
    pub error_prefix: AttrValue,
    /// The `accept` attribute, e.g. "application/pdf,image/*".
    #[prop_or_default]
    pub accept: Option<AttrValue>,
    /// Whether several files may be chosen.
    #[prop_or_default]
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
#[function_component]
pub fn FileInput(props: &FileInputProps) -> Html {
    let described = Described::new(&props.id, props.hint.as_ref(), props.error.as_ref());
    let invalid = props.error.is_some();
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
    html! {
        <div class={field_class(invalid)}>
            <label class="fl-label" for={props.id.clone()}>{label_text(&props.label, props.optional_marker.as_ref())}</label>
            {described.render(props.hint.as_ref(), props.error.as_ref(), &props.error_prefix)}
            <input
                class={classes!("fl-file", invalid.then_some("fl-input--error"))}
                type="file"
                id={props.id.clone()}
                name={props.id.clone()}
                accept={props.accept.clone()}
                multiple={props.multiple}
                aria-invalid={invalid.then_some("true")}
                aria-describedby={described.by.clone()}
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
        </div>
    }
}
