//! `"after": "other"` — a date that must be later than another date field's (end after
//! start). Nothing is reported while the other date is missing or invalid: that field
//! reports its own problem.
//!
//! ```json
//! {"id": "ende", "type": "date", "label": "Ende", "after": "beginn"}
//! ```

use super::{Lookup, Violation};
use crate::definition::Field;
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value, values: Lookup) -> Option<Violation> {
    let other = field.rules.after.as_ref()?;
    let (Value::Date(date), Some(Ok(Some(Value::Date(before))))) = (value, values(other)) else {
        return None;
    };
    (date <= before).then(|| Violation::After { other: other.clone() })
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::verdict;
    use crate::value::Answer;

    #[test]
    fn end_after_start() {
        let fields = r#"{"id": "ende", "type": "date", "label": "Ende", "after": "beginn"}, {"id": "beginn", "type": "date", "label": "Beginn"}"#;
        let date = |d: &str| Answer::Text(d.into());
        assert_eq!(verdict(fields, &[("beginn", date("2026-12-01")), ("ende", date("2026-12-02"))]), None);
        assert_eq!(
            verdict(fields, &[("beginn", date("2026-12-01")), ("ende", date("2026-12-01"))]),
            Some("after")
        );
        assert_eq!(
            verdict(fields, &[("beginn", date("2026-12-01")), ("ende", date("2026-11-30"))]),
            Some("after")
        );
        assert_eq!(verdict(fields, &[("ende", date("2026-11-30"))]), None);
    }
}
