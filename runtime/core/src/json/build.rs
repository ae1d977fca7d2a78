//! Building JSON for what the engine writes (payloads, drafts): a few members at a time, from
//! the engine's own data. No generic serialiser, no float formatting: numbers are written as
//! their exact text.

use super::{Json, Object};

impl Object {
    /// Sets member `key` to `value` (replacing an earlier value), keeping the keys sorted.
    /// One insertion moves the later members: for objects the engine builds from a form's
    /// fields, not for reading (the reader sorts once).
    pub fn insert(&mut self, key: String, value: Json) {
        match self.members.binary_search_by(|(known, _)| known.as_str().cmp(&key)) {
            Ok(at) => {
                if let Some(member) = self.members.get_mut(at) {
                    member.1 = value;
                }
            }
            Err(at) => self.members.insert(at, (key, value)),
        }
    }

    /// The value of member `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        let at = self.members.binary_search_by(|(known, _)| known.as_str().cmp(key)).ok()?;
        self.members.get_mut(at).map(|(_, value)| value)
    }

    /// The members, by key, to change their values.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut Json)> {
        self.members.iter_mut().map(|(key, value)| (&*key, value))
    }
}

impl FromIterator<(String, Json)> for Object {
    /// Of a key given twice, the last value counts.
    fn from_iter<I: IntoIterator<Item = (String, Json)>>(members: I) -> Object {
        let mut object = Object::new();
        for (key, value) in members {
            object.insert(key, value);
        }
        object
    }
}

impl Json {
    /// An object of `members` (of a key given twice, the last counts).
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(members.into_iter().map(|(key, value)| (key.to_owned(), value)).collect())
    }

    /// A whole number.
    pub fn int(n: u64) -> Json {
        Json::Number(n.to_string().into())
    }

    /// The members, if this is an object, to change them.
    pub fn as_object_mut(&mut self) -> Option<&mut Object> {
        match self {
            Json::Object(object) => Some(object),
            _ => None,
        }
    }

    /// The items, if this is an array, to change them.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The value, if this is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
}

impl From<&str> for Json {
    fn from(text: &str) -> Json {
        Json::String(text.to_owned())
    }
}

impl From<String> for Json {
    fn from(text: String) -> Json {
        Json::String(text)
    }
}

impl From<bool> for Json {
    fn from(b: bool) -> Json {
        Json::Bool(b)
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    /// `None` is `null`.
    fn from(value: Option<T>) -> Json {
        value.map_or(Json::Null, Into::into)
    }
}

impl<T: Into<Json>> FromIterator<T> for Json {
    /// An array.
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Json {
        Json::Array(items.into_iter().map(Into::into).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_objects_are_sorted_and_the_last_value_counts() {
        let mut built = Json::object([("b", Json::int(2)), ("a", "x".into()), ("b", Json::Null)]);
        if let Some(object) = built.as_object_mut() {
            object.insert("c".into(), [true, false].into_iter().collect());
            object.insert("a".into(), Some("y").into());
        }
        assert_eq!(built.to_string(), r#"{"a":"y","b":null,"c":[true,false]}"#);
        assert_eq!(super::super::parse(&built.to_string()), Ok(built));
    }
}
