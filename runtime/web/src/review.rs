//! The review page's and the receipt's answers: `formlotse_core::review` mapped to the
//! presentational `SummaryList`.

use formlotse_core::review::summary;
use formlotse_core::{Definition, Lang, Resolved};
use formlotse_widgets::{SummaryRow, SummarySection};
use yew::AttrValue;

/// Every step's answers as sections of a summary list.
pub(crate) fn sections(definition: &Definition, resolved: &Resolved, lang: Lang) -> Vec<SummarySection> {
    summary(definition, resolved, lang)
        .into_iter()
        .map(|step| SummarySection {
            index: step.step,
            title: step.title.into(),
            rows: step
                .rows
                .into_iter()
                .map(|row| SummaryRow {
                    key: row.field.into(),
                    label: row.label.into(),
                    value: row.value.map(AttrValue::from),
                    changeable: row.changeable,
                })
                .collect(),
        })
        .collect()
}
