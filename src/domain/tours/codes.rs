//! The codes of quotations and groups: a pattern such as `G{yy}-{seq:4}` (→ `G26-0123`), with
//! the year in two or four digits and a sequence number, gapless per year, zero-padded to a
//! width. The number itself is allocated in the creating transaction (`db::sequences`).

use crate::domain::message::{Message, key};

/// A group's code by default: `G26-0123`.
pub const DEFAULT_GROUP_PATTERN: &str = "G{yy}-{seq:4}";
/// A quotation's number by default: `Q26-0001`.
pub const DEFAULT_QUOTATION_PATTERN: &str = "Q{yy}-{seq:4}";

/// The longest pattern, and the widest sequence.
const MAX_PATTERN: usize = 40;
const MAX_WIDTH: usize = 9;

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Year2,
    Year4,
    Seq(usize),
}

/// A parsed code pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodePattern {
    /// The pattern as written, which is what a tenant's settings store.
    source: String,
    parts: Vec<Part>,
}

/// Why a code pattern is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PatternError {
    #[error("the pattern needs exactly one {{seq}}")]
    Sequence,
    #[error("unknown placeholder")]
    Placeholder,
    #[error("letters, digits and - / _ . only, at most 40 characters")]
    Text,
}

impl PatternError {
    pub fn message(&self) -> Message {
        Message::new(match self {
            PatternError::Sequence => key("codes-error-sequence"),
            PatternError::Placeholder => key("codes-error-placeholder"),
            PatternError::Text => key("codes-error-text"),
        })
    }
}

impl CodePattern {
    pub fn parse(pattern: &str) -> Result<CodePattern, PatternError> {
        if pattern.is_empty() || pattern.chars().count() > MAX_PATTERN {
            return Err(PatternError::Text);
        }
        let mut parts = Vec::new();
        let mut rest = pattern;
        while !rest.is_empty() {
            match rest.find('{') {
                Some(0) => {
                    let end = rest.find('}').ok_or(PatternError::Placeholder)?;
                    parts.push(placeholder(&rest[1..end])?);
                    rest = &rest[end + 1..];
                }
                Some(i) => {
                    parts.push(text(&rest[..i])?);
                    rest = &rest[i..];
                }
                None => {
                    parts.push(text(rest)?);
                    rest = "";
                }
            }
        }
        let sequences = parts.iter().filter(|p| matches!(p, Part::Seq(_))).count();
        if sequences != 1 {
            return Err(PatternError::Sequence);
        }
        Ok(CodePattern {
            source: pattern.to_owned(),
            parts,
        })
    }

    /// The pattern as it was written (`G{yy}-{seq:4}`).
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The code of number `seq` of `year`.
    pub fn format(&self, year: i32, seq: i64) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.clone(),
                Part::Year2 => format!("{:02}", year.rem_euclid(100)),
                Part::Year4 => format!("{year:04}"),
                Part::Seq(width) => format!("{seq:0width$}"),
            })
            .collect()
    }
}

fn text(t: &str) -> Result<Part, PatternError> {
    if t.contains('}')
        || !t
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-/_.".contains(c))
    {
        return Err(PatternError::Text);
    }
    Ok(Part::Text(t.to_owned()))
}

fn placeholder(name: &str) -> Result<Part, PatternError> {
    match name {
        "yy" => Ok(Part::Year2),
        "yyyy" => Ok(Part::Year4),
        "seq" => Ok(Part::Seq(1)),
        other => {
            let width = other
                .strip_prefix("seq:")
                .and_then(|w| w.parse::<usize>().ok())
                .filter(|w| (1..=MAX_WIDTH).contains(w))
                .ok_or(PatternError::Placeholder)?;
            Ok(Part::Seq(width))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(p: &str) -> CodePattern {
        CodePattern::parse(p).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    #[test]
    fn the_default_patterns_make_the_usual_codes() {
        assert_eq!(pattern(DEFAULT_GROUP_PATTERN).format(2026, 123), "G26-0123");
        assert_eq!(
            pattern(DEFAULT_QUOTATION_PATTERN).format(2027, 1),
            "Q27-0001"
        );
        assert_eq!(
            pattern("GRP/{yyyy}/{seq:5}").format(2026, 42),
            "GRP/2026/00042"
        );
        // A number wider than its padding is written whole.
        assert_eq!(pattern("G{yy}-{seq:2}").format(2026, 1234), "G26-1234");
        assert_eq!(pattern("{seq}").format(2026, 7), "7");
    }

    #[test]
    fn bad_patterns_are_refused_with_their_reason() {
        for (bad, why) in [
            ("G{yy}", PatternError::Sequence),
            ("{seq}{seq}", PatternError::Sequence),
            ("G{month}-{seq}", PatternError::Placeholder),
            ("G{seq:0}", PatternError::Placeholder),
            ("G{seq:12}", PatternError::Placeholder),
            ("G{seq", PatternError::Placeholder),
            ("G {seq}", PatternError::Text),
            ("", PatternError::Text),
            ("ก{seq}", PatternError::Text),
        ] {
            assert_eq!(CodePattern::parse(bad), Err(why), "{bad}");
        }
    }

    #[test]
    fn the_refusals_show_the_placeholders_literally() {
        let i18n = crate::i18n::I18n::load().unwrap_or_else(|e| panic!("{e}"));
        for locale in crate::domain::locale::Locale::ALL {
            let text = i18n.message(locale, &PatternError::Sequence.message());
            assert!(text.contains("{seq}"), "{locale:?}: {text}");
        }
    }
}
