//! Return targets after sign-in or a language change (`?next=`, `back=`): only a path on this
//! site may be one, or a redirect could send a signed-in user to another site.

/// `target` when it is a local path — one leading `/` not followed by `/` or `\`, no control
/// characters (browsers drop tabs and newlines, so `/\t/evil.example` reads as
/// `//evil.example`), no backslash, no scheme — else `/`.
pub fn local_path(target: Option<&str>) -> &str {
    match target {
        Some(t) if is_local_path(t) => t,
        _ => "/",
    }
}

fn is_local_path(t: &str) -> bool {
    let mut chars = t.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && t.len() <= 2048
        && !t.chars().any(|c| c.is_control() || c == '\\')
        && !t.split(['?', '#']).next().unwrap_or("").contains("://")
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn local_paths_are_kept() {
        for ok in [
            "/",
            "/hotels?q=a%20b",
            "/guides/3/edit#contacts",
            "/a?next=//x",
        ] {
            assert_eq!(local_path(Some(ok)), ok);
        }
    }

    #[test]
    fn anything_else_goes_home() {
        for bad in [
            "//evil.example/",
            "/\\evil.example",
            "/\t/evil.example/",
            "/\n/evil.example/",
            "/\r\nSet-Cookie: x=1",
            "/ok\u{0}",
            "/\u{7f}/evil.example",
            "/\u{85}/evil.example",
            "https://evil.example/",
            "javascript:alert(1)",
            "evil.example",
            "/x\\y",
            "/https://evil.example",
            "",
        ] {
            assert_eq!(local_path(Some(bad)), "/", "{bad:?}");
        }
        assert_eq!(local_path(None), "/");
        assert_eq!(local_path(Some(&format!("/{}", "a".repeat(3000)))), "/");
    }
}
