//! `"minSelected"` / `"maxSelected"` — how many checkboxes may be ticked.

use super::Violation;
use crate::definition::Field;
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value) -> Option<Violation> {
    let Value::Choices(values) = value else { return None };
    let count = values.len() as u64;
    match (field.rules.min_selected, field.rules.max_selected) {
        (Some(min), _) if count < min => Some(Violation::MinSelected { min }),
        (_, Some(max)) if count > max => Some(Violation::MaxSelected { max }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::verdict;
    use crate::value::Answer;

    #[test]
    fn cases() {
        let field = r#"{"id": "f", "type": "checkboxes", "label": "F", "minSelected": 2, "maxSelected": 2,
            "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}, {"value": "c", "label": "C"}]}"#;
        let ticked = |v: &[&str]| vec![("f", Answer::Choices(v.iter().map(|s| s.to_string()).collect()))];
        assert_eq!(verdict(field, &ticked(&["a"])), Some("minSelected"));
        assert_eq!(verdict(field, &ticked(&["a", "b"])), None);
        assert_eq!(verdict(field, &ticked(&["a", "b", "c"])), Some("maxSelected"));
    }
}
