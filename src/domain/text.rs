//! Free text typed into a field: control characters (NUL, escape sequences, bidi-breaking C1
//! codes...) are refused everywhere; tabs and line breaks only in multi-line fields. And the
//! key text is compared on: the same on SQLite and PostgreSQL, whatever the script.

use unicode_normalization::UnicodeNormalization;

/// The form of `text` that searches and "is it the same name?" compare, computed here rather
/// than by the database (SQLite's `lower()` folds ASCII only, PostgreSQL's all of Unicode):
/// compatibility-normalized (NFKC: composed and decomposed "Đà Lạt", full-width and
/// half-width forms compare equal), lower-cased in full Unicode, blanks collapsed.
pub fn search_key(text: &str) -> String {
    let folded: String = text.nfkc().flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The key of several fields searched together (name, local name, city...), one per line so
/// that a term never matches across two fields.
pub fn search_keys(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| search_key(f))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Whether `text` holds a character a field of this kind refuses.
pub fn has_forbidden_control(text: &str, multi_line: bool) -> bool {
    text.chars()
        .any(|c| c.is_control() && !(multi_line && matches!(c, '\t' | '\n' | '\r')))
}

#[cfg(test)]
mod tests {
    use super::{has_forbidden_control, search_key, search_keys};

    #[test]
    fn keys_fold_case_and_forms_in_every_script() {
        assert_eq!(search_key("  Đà Lạt   Palace "), "đà lạt palace");
        assert_eq!(
            search_key("Da\u{300} La\u{323}t"),
            search_key("Đà Lạt").replace('đ', "d"),
            "decomposed marks compose"
        );
        assert_eq!(search_key("Русь Тур"), "русь тур");
        assert_eq!(
            search_key("ＡＢＣ　Ｔｏｕｒｓ"),
            "abc tours",
            "full-width forms"
        );
        assert_eq!(search_key("河畔酒店"), "河畔酒店");
        assert_eq!(
            search_key("โรงแรม  ริมน้ำ"),
            search_key("โรงแรม ริมน\u{e49}\u{e4d}\u{e32}"),
            "Thai sara am, precomposed or spelt out"
        );
        assert_eq!(search_key("ΟΔΥΣΣΕΑΣ"), "οδυσσεασ");
        assert_eq!(search_keys(&["A", "B c"]), "a\nb c");
    }

    #[test]
    fn control_characters_are_refused_and_line_breaks_kept_where_they_belong() {
        for bad in [
            "a\u{0}b",
            "\u{1b}[31mred",
            "a\u{7f}",
            "a\u{85}b",
            "a\u{9b}b",
        ] {
            assert!(has_forbidden_control(bad, false), "{bad:?}");
            assert!(has_forbidden_control(bad, true), "{bad:?}");
        }
        for multi in ["line one\nline two", "a\tb", "a\r\nb"] {
            assert!(has_forbidden_control(multi, false), "{multi:?}");
            assert!(!has_forbidden_control(multi, true), "{multi:?}");
        }
        for ok in [
            "Riverside Hotel",
            "โรงแรมริมน้ำ",
            "河畔酒店",
            "Khách sạn Bờ Sông",
            "",
        ] {
            assert!(!has_forbidden_control(ok, false), "{ok:?}");
        }
    }
}
