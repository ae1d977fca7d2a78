//! The answers by step, as GOV.UK's "Check your answers": a heading per step and a
//! description list of label, answer and an "Ändern" button per row.

use yew::prelude::*;

/// One step's answers.
#[derive(Clone, PartialEq, Debug)]
pub struct SummarySection {
    /// Passed back by [`SummaryListProps::onchange`] (the step's index).
    pub index: usize,
    /// The step's title.
    pub title: AttrValue,
    /// Its rows.
    pub rows: Vec<SummaryRow>,
}

/// One answer.
#[derive(Clone, PartialEq, Debug)]
pub struct SummaryRow {
    /// Passed back by [`SummaryListProps::onchange`] (the field's id).
    pub key: AttrValue,
    /// The question.
    pub label: AttrValue,
    /// The answer; `None` when none was given.
    pub value: Option<AttrValue>,
    /// Whether the citizen can change it (a calculated value follows other answers instead).
    pub changeable: bool,
}

/// Props of [`summary_list`].
#[derive(PartialEq, Clone, Default)]
pub struct SummaryListProps {
    /// The sections, in order.
    pub sections: Vec<SummarySection>,
    /// Shown for an empty answer, e.g. "Keine Angabe".
    pub empty: AttrValue,
    /// The text of the change buttons ("Ändern"); no buttons when `None` (the receipt's copy).
    pub change: Option<AttrValue>,
    /// Called with the section's index and the row's key when a change button is pressed.
    pub onchange: Callback<(usize, AttrValue)>,
    /// The level of the section headings: 2, 4, or 3 (under the page's `h2`) for any other.
    pub heading_level: u8,
}

/// Every answer, grouped by step.
pub fn summary_list(props: &SummaryListProps) -> Html {
    props
        .sections
        .iter()
        .map(|section| {
            let title = section.title.clone();
            let heading = match props.heading_level {
                2 => html! { <h2 class="fl-summary__title">{title}</h2> },
                4 => html! { <h4 class="fl-summary__title">{title}</h4> },
                _ => html! { <h3 class="fl-summary__title">{title}</h3> },
            };
            html! {
                <section class="fl-summary" key={section.index}>
                    {heading}
                    <dl class="fl-summary__list">
                        { for section.rows.iter().map(|row| row_html(section.index, row, props)) }
                    </dl>
                </section>
            }
        })
        .collect()
}

fn row_html(index: usize, row: &SummaryRow, props: &SummaryListProps) -> Html {
    let value = match &row.value {
        Some(value) => html! { <dd class="fl-summary__value">{value.clone()}</dd> },
        None => html! { <dd class="fl-summary__value fl-summary__value--empty">{props.empty.clone()}</dd> },
    };
    html! {
        <div class="fl-summary__row" key={row.key.to_string()}>
            <dt class="fl-summary__key">{row.label.clone()}</dt>
            {value}
            if let (Some(change), true) = (&props.change, row.changeable) {
                <dd class="fl-summary__actions">
                    <button type="button" class="fl-link-button" onclick={
                        let (onchange, key) = (props.onchange.clone(), row.key.clone());
                        Callback::from(move |_: MouseEvent| onchange.emit((index, key.clone())))
                    }>
                        {change.clone()}
                        // The button's name says what it changes: "Ändern Vorname".
                        <span class="fl-visually-hidden">{" "}{row.label.clone()}</span>
                    </button>
                </dd>
            }
        </div>
    }
}
