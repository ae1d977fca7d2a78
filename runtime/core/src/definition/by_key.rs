//! A small map by text key as a sorted vector: the definition's localized texts, authors'
//! messages, code lists, the citizen's answers and the loader's tables of ids and types. Each
//! `BTreeMap` key/value type brought its own B-tree and stable sort into the wasm, each `HashMap`
//! its own hashbrown table (several KB each); this brings a binary search.

/// Values by key, sorted by key, each key once. Looking up is a binary search; inserting moves
/// the later entries, so it suits maps filled in key order (from a JSON object, which the
/// reader sorted) or one entry at a time as a citizen types, not bulk input in random order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ByKey<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for ByKey<V> {
    fn default() -> Self {
        ByKey { entries: Vec::new() }
    }
}

impl<V> ByKey<V> {
    /// An empty map.
    pub fn new() -> Self {
        ByKey::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        // Appending in key order is the common case: compare with the last entry first.
        match self.entries.last() {
            Some((last, _)) if last.as_str() < key => Err(self.entries.len()),
            _ => self.entries.binary_search_by(|(known, _)| known.as_str().cmp(key)),
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&V> {
        let at = self.find(key).ok()?;
        self.entries.get(at).map(|(_, value)| value)
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        let at = self.find(key).ok()?;
        self.entries.get_mut(at).map(|(_, value)| value)
    }

    /// Sets `key` to `value`, replacing an earlier value.
    pub fn insert(&mut self, key: String, value: V) {
        match self.find(&key) {
            Ok(at) => {
                if let Some(entry) = self.entries.get_mut(at) {
                    entry.1 = value;
                }
            }
            Err(at) => self.entries.insert(at, (key, value)),
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<V> {
        let at = self.find(key).ok()?;
        Some(self.entries.remove(at).1)
    }

    /// The entries, by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }

    /// The values, by key.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, value)| value)
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl<V> FromIterator<(String, V)> for ByKey<V> {
    /// Of a key given twice, the last value counts.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = ByKey::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::ByKey;

    #[test]
    fn sorted_by_key_and_the_last_value_counts() {
        let mut map: ByKey<u8> =
            [("b", 1), ("a", 2), ("c", 3), ("a", 4)].map(|(k, v)| (k.to_owned(), v)).into_iter().collect();
        assert_eq!(map.iter().map(|(k, v)| format!("{k}{v}")).collect::<String>(), "a4b1c3");
        assert_eq!((map.get("a"), map.get("d")), (Some(&4), None));
        map.insert("d".into(), 5);
        map.insert("b".into(), 6);
        assert_eq!(map.remove("c"), Some(3));
        assert_eq!(map.remove("c"), None);
        assert_eq!(map.values().copied().collect::<Vec<_>>(), vec![4, 6, 5]);
        assert_eq!((map.len(), map.is_empty(), ByKey::<u8>::new().is_empty()), (3, false, true));
    }
}
