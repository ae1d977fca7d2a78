//! How a widget's report (an [`Edit`]) changes a field's answer, as pure functions: the old
//! answer in, the new one out.

use formlotse_core::Answer;
use formlotse_widgets::DatePart;

/// What a widget reported about its field's answer.
pub(crate) enum Edit {
    /// The whole text as now typed or chosen (text inputs and areas, selects, radios).
    Text(String),
    /// One part of a date as now typed.
    Date(DatePart, String),
    /// A single checkbox ticked or not.
    Flag(bool),
    /// An option of a group of checkboxes ticked (`true`) or unticked.
    Choice(String, bool),
    /// Files chosen, after those chosen before.
    AddFiles(Vec<web_sys::File>),
    /// The chosen file at this index removed.
    RemoveFile(usize),
}

/// The date with one part (day, month or year) as now typed; the others as they were.
pub(crate) fn date_with(old: Option<Answer>, part: DatePart, value: String) -> Answer {
    let (mut day, mut month, mut year) = match old {
        Some(Answer::Date { day, month, year }) => (day, month, year),
        _ => Default::default(),
    };
    match part {
        DatePart::Day => day = value,
        DatePart::Month => month = value,
        DatePart::Year => year = value,
    }
    Answer::Date { day, month, year }
}

/// The ticked options after `value` was ticked or unticked, kept in the options' `order`, so
/// the payload does not depend on the order of clicks.
pub(crate) fn choices_with(old: Option<Answer>, value: String, ticked: bool, order: &[String]) -> Answer {
    let mut chosen = match old {
        Some(Answer::Choices(chosen)) => chosen,
        _ => Vec::new(),
    };
    chosen.retain(|v| *v != value);
    if ticked {
        chosen.push(value);
    }
    // Values no longer among the options first, as they were; then the options' order.
    let mut sorted: Vec<String> = chosen.iter().filter(|v| !order.contains(v)).cloned().collect();
    sorted.extend(order.iter().filter(|o| chosen.contains(o)).cloned());
    Answer::Choices(sorted)
}

/// The chosen files without the one at `index` (an index past the end removes nothing).
pub(crate) fn files_without(old: Option<Answer>, index: usize) -> Answer {
    let mut metas = match old {
        Some(Answer::Files(files)) => files,
        _ => Vec::new(),
    };
    if index < metas.len() {
        metas.remove(index);
    }
    Answer::Files(metas)
}

#[cfg(test)]
mod tests {
    use super::*;
    use formlotse_core::value::FileMeta;

    #[test]
    fn a_date_part_changes_only_itself() {
        let date = date_with(None, DatePart::Month, "3".into());
        assert_eq!(date, Answer::Date { day: String::new(), month: "3".into(), year: String::new() });
        let date = date_with(Some(date), DatePart::Year, "2007".into());
        let date = date_with(Some(date), DatePart::Day, "27".into());
        assert_eq!(date, Answer::Date { day: "27".into(), month: "3".into(), year: "2007".into() });
        let replaced = date_with(Some(Answer::Text("x".into())), DatePart::Day, "1".into());
        assert_eq!(replaced, Answer::Date { day: "1".into(), month: String::new(), year: String::new() });
    }

    #[test]
    fn ticked_options_keep_the_options_order() {
        let order = ["a".to_owned(), "b".to_owned(), "c".to_owned()];
        let chosen = choices_with(None, "c".into(), true, &order);
        let chosen = choices_with(Some(chosen), "a".into(), true, &order);
        assert_eq!(chosen, Answer::Choices(vec!["a".into(), "c".into()]));
        let chosen = choices_with(Some(chosen), "a".into(), true, &order);
        assert_eq!(chosen, Answer::Choices(vec!["a".into(), "c".into()]), "ticking twice adds nothing");
        let chosen = choices_with(Some(chosen), "c".into(), false, &order);
        assert_eq!(chosen, Answer::Choices(vec!["a".into()]));
        // A value the options no longer have (a draft of an older version) stays, first.
        let stale = Some(Answer::Choices(vec!["b".into(), "alt".into()]));
        let chosen = choices_with(stale, "a".into(), true, &order);
        assert_eq!(chosen, Answer::Choices(vec!["alt".into(), "a".into(), "b".into()]));
    }

    #[test]
    fn removing_a_file_keeps_the_others() {
        let meta = |name: &str| FileMeta { name: name.into(), mime: "application/pdf".into(), size: 1 };
        let files = Some(Answer::Files(vec![meta("a.pdf"), meta("b.pdf")]));
        assert_eq!(files_without(files.clone(), 0), Answer::Files(vec![meta("b.pdf")]));
        assert_eq!(files_without(files, 5), Answer::Files(vec![meta("a.pdf"), meta("b.pdf")]));
        assert_eq!(files_without(None, 0), Answer::Files(Vec::new()));
    }
}
