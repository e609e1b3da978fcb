//! Guides' languages and licences, and the languages client agencies read their documents in.

use chrono::NaiveDate;

/// How well a guide speaks a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum LanguageLevel {
    Basic,
    Working,
    Fluent,
    Native,
}

impl LanguageLevel {
    pub const ALL: [LanguageLevel; 4] = [
        LanguageLevel::Basic,
        LanguageLevel::Working,
        LanguageLevel::Fluent,
        LanguageLevel::Native,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LanguageLevel::Basic => "basic",
            LanguageLevel::Working => "working",
            LanguageLevel::Fluent => "fluent",
            LanguageLevel::Native => "native",
        }
    }

    pub fn parse(raw: &str) -> Option<LanguageLevel> {
        let raw = raw.trim().to_lowercase();
        LanguageLevel::ALL.into_iter().find(|l| l.as_str() == raw)
    }
}

/// The languages guides are recorded for (ISO 639-1), in the order forms show them.
pub const GUIDE_LANGUAGES: [&str; 10] =
    ["zh", "ko", "en", "ru", "th", "vi", "ja", "de", "fr", "id"];

/// The languages a client agency's documents can be written in.
pub const AGENCY_LANGUAGES: [&str; 9] = ["en", "th", "zh-CN", "vi", "ko", "ja", "ru", "de", "fr"];

/// Where a guide's licence stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum LicenceState {
    /// No expiry recorded.
    Unknown,
    Valid,
    /// Valid, but expiring within 30 days.
    ExpiresSoon,
    Expired,
}

pub fn licence_state(expires_on: Option<NaiveDate>, today: NaiveDate) -> LicenceState {
    match expires_on {
        None => LicenceState::Unknown,
        Some(d) if d < today => LicenceState::Expired,
        Some(d) if (d - today).num_days() <= 30 => LicenceState::ExpiresSoon,
        Some(_) => LicenceState::Valid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap_or_default()
    }

    #[test]
    fn licences_expire() {
        let today = d(6, 1);
        assert_eq!(licence_state(None, today), LicenceState::Unknown);
        assert_eq!(licence_state(Some(d(5, 31)), today), LicenceState::Expired);
        assert_eq!(
            licence_state(Some(d(6, 1)), today),
            LicenceState::ExpiresSoon
        );
        assert_eq!(licence_state(Some(d(12, 1)), today), LicenceState::Valid);
    }
}
