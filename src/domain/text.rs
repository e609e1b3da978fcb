//! Free text typed into a field: control characters (NUL, escape sequences, bidi-breaking C1
//! codes...) are refused everywhere; tabs and line breaks only in multi-line fields.

/// Whether `text` holds a character a field of this kind refuses.
pub fn has_forbidden_control(text: &str, multi_line: bool) -> bool {
    text.chars()
        .any(|c| c.is_control() && !(multi_line && matches!(c, '\t' | '\n' | '\r')))
}

#[cfg(test)]
mod tests {
    use super::has_forbidden_control;

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
