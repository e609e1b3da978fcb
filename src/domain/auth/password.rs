//! The password rule for staff accounts, and one-time passwords.

use rand::Rng;

use crate::domain::message::Message;

pub const MIN_LEN: usize = 10;
pub const MAX_LEN: usize = 128;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("the password must be at least {MIN_LEN} characters long")]
    TooShort,
    #[error("the password must be at most {MAX_LEN} characters long")]
    TooLong,
    #[error("the password must not be the e-mail address")]
    SameAsEmail,
}

impl PasswordError {
    pub fn message(&self) -> Message {
        match self {
            PasswordError::TooShort => {
                Message::new("account-password-error-too-short").arg("min", MIN_LEN)
            }
            PasswordError::TooLong => Message::new("account-password-error-too-long"),
            PasswordError::SameAsEmail => Message::new("account-password-error-same-as-email"),
        }
    }
}

/// A password that satisfies the rule. The text never appears in `Debug` output.
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

impl NewPassword {
    pub fn parse(raw: &str, email: &str) -> Result<NewPassword, PasswordError> {
        let len = raw.chars().count();
        if len < MIN_LEN {
            return Err(PasswordError::TooShort);
        }
        if len > MAX_LEN {
            return Err(PasswordError::TooLong);
        }
        if raw.trim().eq_ignore_ascii_case(email.trim()) {
            return Err(PasswordError::SameAsEmail);
        }
        Ok(NewPassword(raw.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A random one-time password of 16 characters from an alphabet without look-alikes.
pub fn one_time_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..16)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_holds() {
        assert_eq!(
            NewPassword::parse("short", "a@b.c").err(),
            Some(PasswordError::TooShort)
        );
        assert_eq!(
            NewPassword::parse(&"x".repeat(129), "a@b.c").err(),
            Some(PasswordError::TooLong)
        );
        assert_eq!(
            NewPassword::parse("Admin@Acme.local", "admin@acme.local").err(),
            Some(PasswordError::SameAsEmail)
        );
        assert!(NewPassword::parse("correct horse battery", "a@b.c").is_ok());
    }

    #[test]
    fn one_time_passwords_pass_the_rule_and_differ() {
        let a = one_time_password();
        assert!(NewPassword::parse(&a, "a@b.c").is_ok());
        assert_ne!(a, one_time_password());
    }
}
