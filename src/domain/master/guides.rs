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

/// A language a guide speaks or a client agency reads its documents in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Chinese,
    Korean,
    English,
    Russian,
    Thai,
    Vietnamese,
    Japanese,
    German,
    French,
    Indonesian,
}

impl Language {
    /// The languages guides are recorded for, in the order forms show them.
    pub const SPOKEN: [Language; 10] = [
        Language::Chinese,
        Language::Korean,
        Language::English,
        Language::Russian,
        Language::Thai,
        Language::Vietnamese,
        Language::Japanese,
        Language::German,
        Language::French,
        Language::Indonesian,
    ];

    /// The languages a client agency's documents can be written in, in the order forms show
    /// them.
    pub const DOCUMENTS: [Language; 9] = [
        Language::English,
        Language::Thai,
        Language::Chinese,
        Language::Vietnamese,
        Language::Korean,
        Language::Japanese,
        Language::Russian,
        Language::German,
        Language::French,
    ];

    /// The document tags of [`Language::DOCUMENTS`], for drop-down lists of stored values.
    pub const DOCUMENT_TAGS: [&'static str; 9] = {
        let mut tags = [""; 9];
        let mut i = 0;
        while i < tags.len() {
            tags[i] = Language::DOCUMENTS[i].document_tag();
            i += 1;
        }
        tags
    };

    /// The ISO 639-1 code, as a guide's languages are stored and filtered by (`zh`).
    pub const fn code(self) -> &'static str {
        match self {
            Language::Chinese => "zh",
            Language::Korean => "ko",
            Language::English => "en",
            Language::Russian => "ru",
            Language::Thai => "th",
            Language::Vietnamese => "vi",
            Language::Japanese => "ja",
            Language::German => "de",
            Language::French => "fr",
            Language::Indonesian => "id",
        }
    }

    /// The tag an agency's document language is stored as: the code, but `zh-CN` for Chinese,
    /// since documents are written in simplified characters.
    pub const fn document_tag(self) -> &'static str {
        match self {
            Language::Chinese => "zh-CN",
            other => other.code(),
        }
    }

    /// A language by its code or document tag, in any case (`zh`, `zh-CN`, `EN`).
    pub fn parse(raw: &str) -> Option<Language> {
        let raw = raw.trim();
        Language::SPOKEN.into_iter().find(|l| {
            l.code().eq_ignore_ascii_case(raw) || l.document_tag().eq_ignore_ascii_case(raw)
        })
    }
}

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
    fn languages_read_back_from_their_codes_and_tags() {
        for l in Language::SPOKEN {
            assert_eq!(Language::parse(l.code()), Some(l));
            assert_eq!(Language::parse(l.document_tag()), Some(l));
        }
        assert_eq!(Language::parse("ZH-cn"), Some(Language::Chinese));
        assert_eq!(Language::parse("xx"), None);
        assert_eq!(Language::DOCUMENT_TAGS[2], "zh-CN");
        assert!(
            Language::DOCUMENTS
                .iter()
                .all(|l| Language::SPOKEN.contains(l))
        );
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
