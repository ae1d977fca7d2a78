//! A small map by text key as a sorted vector: the definition's localized texts, authors'
//! messages, code lists, the citizen's answers, the values by path and the loader's tables of
//! ids and types. Each `BTreeMap` key/value type brought its own B-tree and stable sort into the
//! wasm, each `HashMap` its own hashbrown table (several KB each); this brings a binary search.

/// Values by key, sorted by key, each key once. Looking up is a binary search; inserting moves
/// the later entries, so it suits maps filled in key order (from a JSON object, which the
/// reader sorted) or one entry at a time as a citizen types; bulk input in any order is
/// collected (`FromIterator` sorts once).
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

    /// Sets `key` to `value`; returns the value it replaces.
    pub fn insert(&mut self, key: String, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(at) => self.entries.get_mut(at).map(|entry| std::mem::replace(&mut entry.1, value)),
            Err(at) => {
                self.entries.insert(at, (key, value));
                None
            }
        }
    }

    /// Whether `key` has a value.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
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

    /// The entries, by key, to change their values.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&String, &mut V)> {
        self.entries.iter_mut().map(|(key, value)| (&*key, value))
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
    /// Of a key given twice, the last value counts. Inserts one by one: for few entries or
    /// entries in key order; [`ByKey::from_unsorted`] for many in any order.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(entries: I) -> Self {
        let mut map = ByKey::new();
        for (key, value) in entries {
            map.insert(key, value);
        }
        map
    }
}

impl<V> ByKey<V> {
    /// The map of `entries` in any order, sorted once (n log n), so that a form's thousands of
    /// item paths are no quadratic work. Of a key given twice, the last value counts.
    pub fn from_unsorted(entries: Vec<(String, V)>) -> Self {
        let order = key_order(&entries.iter().map(|(key, _)| key.as_str()).collect::<Vec<_>>());
        let mut slots: Vec<Option<(String, V)>> = entries.into_iter().map(Some).collect();
        let entries = order.into_iter().filter_map(|at| slots.get_mut(at).and_then(Option::take)).collect();
        ByKey { entries }
    }
}

/// The positions of `keys` in key order, of equal keys only the last. A merge sort of positions
/// written out: not generic, so every map shares it, and smaller in the wasm than a `sort`
/// instance of the standard library.
fn key_order(keys: &[&str]) -> Vec<usize> {
    let key = |at: usize| keys.get(at).copied().unwrap_or_default();
    let mut order: Vec<usize> = (0..keys.len()).collect();
    let mut merged = Vec::with_capacity(order.len());
    let mut width = 1;
    while width < order.len() {
        merged.clear();
        for run in order.chunks(width.saturating_mul(2)) {
            let (left, right) = run.split_at(width.min(run.len()));
            let (mut left, mut right) = (left.iter().peekable(), right.iter().peekable());
            // Stable: of equal keys, the earlier position comes first.
            while let Some(&at) = match (left.peek(), right.peek()) {
                (Some(&&a), Some(&&b)) if key(b) < key(a) => right.next(),
                (Some(_), _) => left.next(),
                (None, _) => right.next(),
            } {
                merged.push(at);
            }
        }
        std::mem::swap(&mut order, &mut merged);
        width = width.saturating_mul(2);
    }
    order.dedup_by(|later, earlier| {
        let same = key(*later) == key(*earlier);
        if same {
            *earlier = *later;
        }
        same
    });
    order
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
        assert_eq!((map.insert("d".into(), 7), map.insert("e".into(), 8)), (Some(5), None));
        assert_eq!((map.contains_key("e"), map.contains_key("c")), (true, false));
    }

    #[test]
    fn collects_like_a_b_tree() {
        // Item paths in evaluation order, with repeats: `g[10]` sorts before `g[2]`.
        let mut seed = 7u32;
        let entries: Vec<(String, u32)> = (0..3000)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (format!("g[{}].f{}", (seed >> 8) % 150, seed % 7), i)
            })
            .collect();
        let by_key = ByKey::from_unsorted(entries.clone());
        assert_eq!(entries.iter().cloned().collect::<ByKey<u32>>(), by_key);
        let tree: std::collections::BTreeMap<String, u32> = entries.into_iter().collect();
        assert!(by_key.iter().eq(tree.iter()));
    }
}
