//! `"equals": "other"` — the answer must be the same as another field's ("repeat your e-mail
//! address"). E-mail addresses compare without case in
//! the domain, as mail systems do.

use super::{Lookup, Violation};
use crate::definition::{Field, FieldKind};
use crate::value::Value;

pub(super) fn check(field: &Field, value: &Value, values: Lookup) -> Option<Violation> {
    let other = field.rules.equals.as_ref()?;
    let Some(Ok(Some(other_value))) = values(other) else { return None };
    let same = match (&field.kind, value, other_value) {
        (FieldKind::Email, Value::Text(a), Value::Text(b)) => normalize_email(a) == normalize_email(b),
        _ => value == other_value,
    };
    (!same).then(|| Violation::Equals { other: other.clone() })
}

fn normalize_email(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((local, domain)) => format!("{local}@{}", domain.to_ascii_lowercase()),
        None => address.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use crate::validation::testing::verdict;
    use crate::value::Answer;

    #[test]
    fn repeated_email() {
        let fields = r#"{"id": "wiederholung", "type": "email", "label": "E-Mail wiederholen", "equals": "email"}, {"id": "email", "type": "email", "label": "E-Mail"}"#;
        let text = |t: &str| Answer::Text(t.into());
        assert_eq!(verdict(fields, &[("email", text("a@b.de")), ("wiederholung", text("a@B.DE"))]), None);
        assert_eq!(
            verdict(fields, &[("email", text("a@b.de")), ("wiederholung", text("A@b.de"))]),
            Some("equals")
        );
        assert_eq!(verdict(fields, &[("wiederholung", text("a@b.de"))]), None);
    }
}
