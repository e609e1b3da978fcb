//! The languages of the user interface.

use serde::{Deserialize, Serialize};

use crate::domain::decimal::NumberStyle;
use std::fmt;

/// A supported UI locale. The tag is the BCP 47 form used in `locales/<tag>/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    En,
    Th,
    ZhCn,
    Vi,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale {0:?} (supported: en, th, zh-CN, vi)")]
pub struct UnknownLocale(pub String);

impl Locale {
    pub const ALL: [Locale; 4] = [Locale::En, Locale::Th, Locale::ZhCn, Locale::Vi];

    pub fn parse(tag: &str) -> Result<Locale, UnknownLocale> {
        match tag.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "en" => Ok(Locale::En),
            "th" => Ok(Locale::Th),
            "zh-cn" | "zh" | "zh-hans" => Ok(Locale::ZhCn),
            "vi" => Ok(Locale::Vi),
            _ => Err(UnknownLocale(tag.to_owned())),
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Th => "th",
            Locale::ZhCn => "zh-CN",
            Locale::Vi => "vi",
        }
    }

    /// How the language writes numbers, for reading what its users type.
    pub fn number_style(self) -> NumberStyle {
        match self {
            Locale::En | Locale::Th | Locale::ZhCn => NumberStyle::POINT,
            Locale::Vi => NumberStyle::COMMA,
        }
    }

    /// The language's own name, as shown in the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Th => "ไทย",
            Locale::ZhCn => "简体中文",
            Locale::Vi => "Tiếng Việt",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Locale {
    type Err = UnknownLocale;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip() {
        for l in Locale::ALL {
            assert_eq!(Locale::parse(l.tag()), Ok(l));
        }
        assert_eq!(Locale::parse("zh_CN"), Ok(Locale::ZhCn));
        assert!(Locale::parse("fr").is_err());
    }
}
