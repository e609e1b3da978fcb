//! Tenant slugs: the name of an agency in host names, paths and the manifest.

use std::fmt;

/// Names that would collide with the platform's own host names, or with what the launcher
/// keeps beside the manifest, where each tenant's data directory is `<slug>/`: `backups/`
/// (every tenant's backups), `run/` (the default run directory), `tenants/`.
const RESERVED: &[&str] = &[
    "backups",
    "run",
    "tenants",
    "exports",
    "www",
    "admin",
    "api",
    "static",
    "assets",
    "mail",
    "status",
    "app",
    "smtp",
    "imap",
    "pop",
    "ftp",
    "ns1",
    "ns2",
    "dns",
    "cdn",
    "help",
    "support",
    "docs",
    "blog",
    "login",
    "auth",
    "launcher",
    "root",
    "system",
    "test",
    "localhost",
];

/// A validated tenant slug: 2–40 of `a-z 0-9 -`, not starting or ending with `-`, not reserved.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slug(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SlugError {
    #[error("slug must be 2 to 40 characters long")]
    Length,
    #[error("slug may contain only lower-case letters a-z, digits and '-'")]
    Characters,
    #[error("slug must not start or end with '-'")]
    Hyphen,
    #[error("slug {0:?} is reserved: the platform uses this name")]
    Reserved(String),
}

impl Slug {
    pub fn parse(raw: &str) -> Result<Slug, SlugError> {
        let len = raw.chars().count();
        if !(2..=40).contains(&len) {
            return Err(SlugError::Length);
        }
        if !raw
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        {
            return Err(SlugError::Characters);
        }
        if raw.starts_with('-') || raw.ends_with('-') {
            return Err(SlugError::Hyphen);
        }
        if RESERVED.contains(&raw) {
            return Err(SlugError::Reserved(raw.to_owned()));
        }
        Ok(Slug(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::str::FromStr for Slug {
    type Err = SlugError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Slug::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_plain_slugs() {
        for ok in ["ab", "acme", "siam-tours-2", "a1", &"x".repeat(40)] {
            assert!(Slug::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn refuses_bad_slugs() {
        assert_eq!(Slug::parse("a"), Err(SlugError::Length));
        assert_eq!(Slug::parse(&"x".repeat(41)), Err(SlugError::Length));
        assert_eq!(Slug::parse("Acme"), Err(SlugError::Characters));
        assert_eq!(Slug::parse("ac_me"), Err(SlugError::Characters));
        assert_eq!(
            Slug::parse("ไทย"),
            Err(SlugError::Length).or(Err(SlugError::Characters))
        );
        assert_eq!(Slug::parse("-acme"), Err(SlugError::Hyphen));
        assert_eq!(Slug::parse("acme-"), Err(SlugError::Hyphen));
        assert!(matches!(Slug::parse("www"), Err(SlugError::Reserved(_))));
        assert!(matches!(Slug::parse("admin"), Err(SlugError::Reserved(_))));
        assert!(matches!(
            Slug::parse("backups"),
            Err(SlugError::Reserved(_))
        ));
        assert!(matches!(Slug::parse("run"), Err(SlugError::Reserved(_))));
    }
}
