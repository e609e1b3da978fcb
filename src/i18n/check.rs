//! The locale-completeness check: every message id used in code or templates exists in every
//! locale, and no locale holds an id that nothing uses.
//!
//! Code names ids through `i18n::key` or `Message::new` with a string literal; templates
//! through `t(key=...)` with a string literal, or with a variable holding an id named in code.

use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Problem {
    /// Used somewhere but absent from this locale.
    Missing { locale: String, id: String },
    /// Present in this locale but used nowhere.
    Unused { locale: String, id: String },
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Missing { locale, id } => write!(f, "{locale}: missing message {id}"),
            Problem::Unused { locale, id } => write!(f, "{locale}: message {id} is used nowhere"),
        }
    }
}

/// Ids named in Rust source text.
pub fn ids_in_code(source: &str) -> BTreeSet<String> {
    let mut ids = ids_after(source, "key(\"");
    ids.extend(ids_after(source, "Message::new(\""));
    ids
}

/// Ids named in template text.
pub fn ids_in_template(source: &str) -> BTreeSet<String> {
    ids_after(source, "key=\"")
}

/// Message ids defined in fluent source text (top-level `id = ...` lines).
pub fn ids_in_ftl(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter_map(|line| {
            let (id, _) = line.split_once('=')?;
            let id = id.trim_end();
            is_id(id).then(|| id.to_owned())
        })
        .collect()
}

fn ids_after(source: &str, marker: &str) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut rest = source;
    while let Some(at) = rest.find(marker) {
        // A call such as `contains_key(...)` is no message id: the marker must start a word.
        let starts_word = !rest[..at]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_');
        rest = &rest[at + marker.len()..];
        if !starts_word {
            continue;
        }
        if let Some(end) = rest.find('"') {
            let id = &rest[..end];
            if is_id(id) {
                ids.insert(id.to_owned());
            }
        }
    }
    ids
}

fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z'))
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Compares the ids used with those each locale defines.
pub fn check(
    used: &BTreeSet<String>,
    locales: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (locale, defined) in locales {
        for id in used.difference(defined) {
            problems.push(Problem::Missing {
                locale: locale.clone(),
                id: id.clone(),
            });
        }
        for id in defined.difference(used) {
            problems.push(Problem::Unused {
                locale: locale.clone(),
                id: id.clone(),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::locale::Locale;
    use std::path::Path;

    fn read_tree(dir: &Path, ext: &str, out: &mut Vec<String>) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let path = entry?.path();
            if path.is_dir() {
                read_tree(&path, ext, out)?;
            } else if path.extension().is_some_and(|e| e == ext) {
                out.push(std::fs::read_to_string(&path)?);
            }
        }
        Ok(())
    }

    #[test]
    fn every_locale_is_complete_and_holds_nothing_unused() -> std::io::Result<()> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (mut code, mut templates) = (Vec::new(), Vec::new());
        read_tree(&root.join("src"), "rs", &mut code)?;
        read_tree(&root.join("templates"), "html", &mut templates)?;
        let mut used: BTreeSet<String> = code.iter().flat_map(|s| ids_in_code(s)).collect();
        used.extend(templates.iter().flat_map(|s| ids_in_template(s)));
        assert!(used.len() > 50, "the scan found only {} ids", used.len());
        let locales = Locale::ALL
            .iter()
            .map(|l| {
                let ids = crate::i18n::locale_files(*l)
                    .iter()
                    .flat_map(|(_, text)| ids_in_ftl(text))
                    .collect();
                (l.tag().to_owned(), ids)
            })
            .collect();
        let problems = check(&used, &locales);
        let report: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            problems.is_empty(),
            "locale problems:\n{}",
            report.join("\n")
        );
        Ok(())
    }

    #[test]
    fn the_checker_reports_a_missing_and_an_unused_id() {
        let mut used = ids_in_code(
            "let a = key(\"nav-tours\"); Message::new(\"users-created\"); m.contains_key(\"acme\");",
        );
        used.extend(ids_in_template("{{ t(key=\"nav-groups\", lang=lang) }}"));
        assert_eq!(used.len(), 3);
        let th =
            ids_in_ftl("nav-tours = ทัวร์\nusers-created = สร้างแล้ว\n  .attr = x\nstale-id = เก่า\n");
        let en = ids_in_ftl("nav-tours = Tours\nusers-created = Created\nnav-groups = Groups\n");
        let locales = BTreeMap::from([("en".to_owned(), en), ("th".to_owned(), th)]);
        let problems = check(&used, &locales);
        assert_eq!(
            problems,
            vec![
                Problem::Missing {
                    locale: "th".into(),
                    id: "nav-groups".into()
                },
                Problem::Unused {
                    locale: "th".into(),
                    id: "stale-id".into()
                },
            ]
        );
    }
}
