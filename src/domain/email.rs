//! E-mail addresses: the sign-in name of staff accounts, and the address of a contact.

use std::fmt;

use crate::domain::message::Message;

/// A trimmed, lower-cased address with one `@`, a local part and a dotted or `.local` domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid e-mail address {0:?}")]
pub struct InvalidEmail(pub String);

impl InvalidEmail {
    pub fn message(&self) -> Message {
        Message::new("users-error-email")
    }
}

impl Email {
    pub fn parse(raw: &str) -> Result<Email, InvalidEmail> {
        let email = raw.trim().to_lowercase();
        let invalid = || InvalidEmail(raw.to_owned());
        if email.len() > 254 || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(invalid());
        }
        let (local, domain) = email.split_once('@').ok_or_else(invalid)?;
        if local.is_empty() || domain.is_empty() || domain.contains('@') {
            return Err(invalid());
        }
        if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
            return Err(invalid());
        }
        Ok(Email(email))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_space() {
        assert_eq!(
            Email::parse("  Admin@Acme.Local ").map(|e| e.0),
            Ok("admin@acme.local".to_owned())
        );
    }

    #[test]
    fn refuses_malformed() {
        for bad in [
            "", "a", "a@", "@b.c", "a@b", "a b@c.d", "a@b@c.d", "a@.c", "a@c.",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad}");
        }
    }
}
