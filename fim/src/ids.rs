//! The ids of groups and fields in the definition. A FIM id is kept as it is (`F00000043`)
//! where it occurs once in the form. Where the same FIM id occurs in several places (a group
//! "Anschrift" used for the applicant and for a representative), every occurrence is keyed by
//! its path of FIM ids, as short as makes it unique, joined by `_`
//! (`G00000630_F00000043`, then `G00000001_G00000630_F00000043`); occurrences with the same
//! full path are numbered from the second on (`…_2`). FIM ids hold no `_`, so keys of
//! different length never meet.

use crate::model::{Child, Element, Ident, Schema};
use std::collections::HashMap;

/// Sets `key` of every group and field of `schema`.
pub(crate) fn assign(schema: &mut Schema) {
    let mut nodes: Vec<(Vec<String>, &mut Ident)> = Vec::new();
    collect(&mut schema.children, &[], &mut nodes);
    let paths: Vec<Vec<String>> = nodes.iter().map(|(path, _)| path.clone()).collect();
    for ((_, ident), key) in nodes.into_iter().zip(keys(&paths)) {
        ident.key = key;
    }
}

fn collect<'s>(children: &'s mut [Child], path: &[String], nodes: &mut Vec<(Vec<String>, &'s mut Ident)>) {
    for child in children {
        match &mut child.element {
            Element::Field(field) => {
                let mut own = path.to_vec();
                own.push(field.ident.id.clone());
                nodes.push((own, &mut field.ident));
            }
            Element::Group(group) => {
                let mut own = path.to_vec();
                own.push(group.ident.id.clone());
                collect(&mut group.children, &own, nodes);
                nodes.push((own, &mut group.ident));
            }
        }
    }
}

/// The shortest unique path suffix of each path, joined by `_`; numbered where paths repeat.
pub(crate) fn keys(paths: &[Vec<String>]) -> Vec<String> {
    let mut lengths = vec![1usize; paths.len()];
    loop {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, path) in paths.iter().enumerate() {
            by_key.entry(suffix(path, lengths[i])).or_default().push(i);
        }
        let mut grew = false;
        for clash in by_key.values().filter(|indices| indices.len() > 1) {
            for &i in clash {
                if lengths[i] < paths[i].len() {
                    lengths[i] += 1;
                    grew = true;
                }
            }
        }
        if !grew {
            break;
        }
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    paths
        .iter()
        .enumerate()
        .map(|(i, path)| {
            let key = suffix(path, lengths[i]);
            let count = seen.entry(key.clone()).or_default();
            *count += 1;
            if *count == 1 { key } else { format!("{key}_{count}") }
        })
        .collect()
}

fn suffix(path: &[String], length: usize) -> String {
    path[path.len().saturating_sub(length)..].join("_")
}

#[cfg(test)]
mod tests {
    use super::keys;

    #[test]
    fn shortest_unique_paths() {
        let path = |p: &str| p.split('.').map(str::to_owned).collect::<Vec<_>>();
        let cases: &[(&[&str], &[&str])] = &[
            (&["G1.F1", "G1.F2"], &["F1", "F2"]),
            // The same field in two groups: keyed by group.
            (&["G1.F1", "G2.F1", "G2.F2"], &["G1_F1", "G2_F1", "F2"]),
            // The same group (with its field) under two parents.
            (&["A.G1.F1", "A.G1", "B.G1.F1", "B.G1"], &["A_G1_F1", "A_G1", "B_G1_F1", "B_G1"]),
            // The same group twice under one parent: numbered.
            (&["A.G1.F1", "A.G1", "A.G1.F1", "A.G1"], &["A_G1_F1", "A_G1", "A_G1_F1_2", "A_G1_2"]),
            // A top-level field and the same field deeper.
            (&["F1", "G1.F1"], &["F1", "G1_F1"]),
        ];
        for (input, expected) in cases {
            let paths: Vec<Vec<String>> = input.iter().map(|p| path(p)).collect();
            assert_eq!(keys(&paths), *expected, "{input:?}");
        }
    }
}
