//! Translations with fluent, locale negotiation, and (in [`format`]) ICU4X number and date
//! formatting.
//!
//! Message ids are kebab-case, prefixed by area (`nav-`, `users-`, `sign-in-`...). Code names
//! them only through `domain::message::key` and `Message::new` so that [`check`] can find
//! every id used.

pub mod check;
pub mod format;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use rust_embed::Embed;
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

use crate::domain::locale::Locale;
use crate::domain::master::guides::Language;
use crate::domain::message::{Arg, Message, key};
use format::Formats;

#[derive(Embed)]
#[folder = "locales/"]
#[include = "*.ftl"]
pub struct LocaleFiles;

/// The message id naming a language in the reader's language.
pub fn language_key(language: Language) -> &'static str {
    match language {
        Language::Chinese => key("lang-zh"),
        Language::Korean => key("lang-ko"),
        Language::English => key("lang-en"),
        Language::Russian => key("lang-ru"),
        Language::Thai => key("lang-th"),
        Language::Vietnamese => key("lang-vi"),
        Language::Japanese => key("lang-ja"),
        Language::German => key("lang-de"),
        Language::French => key("lang-fr"),
        Language::Indonesian => key("lang-id"),
    }
}

/// Every locale's bundle, loaded once at start-up.
pub struct I18n {
    bundles: HashMap<Locale, FluentBundle<FluentResource>>,
}

impl I18n {
    /// Loads `locales/<tag>/*.ftl` for every supported locale; a syntax error is fatal.
    pub fn load() -> anyhow::Result<I18n> {
        let mut bundles = HashMap::new();
        for locale in Locale::ALL {
            let langid: LanguageIdentifier = locale
                .tag()
                .parse()
                .map_err(|e| anyhow::anyhow!("locale tag {}: {e:?}", locale.tag()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![langid]);
            bundle.set_use_isolating(false);
            for (name, text) in locale_files(locale) {
                let resource = FluentResource::try_new(text).map_err(|(_, errors)| {
                    anyhow::anyhow!("syntax errors in {name}: {errors:?}")
                })?;
                bundle.add_resource(resource).map_err(|errors| {
                    anyhow::anyhow!("duplicate messages in {name}: {errors:?}")
                })?;
            }
            bundles.insert(locale, bundle);
        }
        Ok(I18n { bundles })
    }

    /// Translates `id` with `args`; a missing id renders as the id itself and is logged.
    pub fn t(&self, locale: Locale, id: &str, args: &[(String, String)]) -> String {
        let args: Vec<(String, FluentValue<'static>)> = args
            .iter()
            .map(|(name, value)| (name.clone(), FluentValue::from(value.clone())))
            .collect();
        self.format(locale, id, args)
    }

    fn format(
        &self,
        locale: Locale,
        id: &str,
        args: Vec<(String, FluentValue<'static>)>,
    ) -> String {
        let Some(bundle) = self.bundles.get(&locale) else {
            return id.to_owned();
        };
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            tracing::warn!(locale = locale.tag(), id, "missing translation");
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(locale = locale.tag(), id, ?errors, "translation errors");
        }
        text.into_owned()
    }

    /// Translates `message`: its dates in the locale's format (Gregorian years), its labels
    /// and nested messages translated, its counts as numbers (which choose plural forms).
    pub fn message(&self, locale: Locale, message: &Message) -> String {
        self.message_in(locale, &Formats::default(), message)
    }

    /// Translates `message` for one reader: as [`I18n::message`], its dates formatted by
    /// `formats` (the reader's years).
    pub fn message_in(&self, locale: Locale, formats: &Formats, message: &Message) -> String {
        let args = message
            .args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Date { date } => FluentValue::from(formats.date(locale, *date)),
                    Arg::Count { count } => FluentValue::from(*count),
                    Arg::Label { label } => FluentValue::from(self.t(locale, label, &[])),
                    Arg::Message { message } => {
                        FluentValue::from(self.message_in(locale, formats, message))
                    }
                };
                (name.clone(), value)
            })
            .collect();
        self.format(locale, &message.id, args)
    }
}

/// The `.ftl` files of one locale, by name, in a stable order.
pub fn locale_files(locale: Locale) -> Vec<(String, String)> {
    let prefix = format!("{}/", locale.tag());
    let mut files: Vec<(String, String)> = LocaleFiles::iter()
        .filter(|name| name.starts_with(&prefix))
        .filter_map(|name| {
            let file = LocaleFiles::get(&name)?;
            let text = String::from_utf8(file.data.into_owned()).ok()?;
            Some((name.into_owned(), text))
        })
        .collect();
    files.sort();
    files
}

/// The best supported locale for an `Accept-Language` header, if any matches.
pub fn negotiate(accept_language: &str) -> Option<Locale> {
    use fluent_langneg::{NegotiationStrategy, negotiate_languages};
    let requested = fluent_langneg::accepted_languages::parse(accept_language);
    let available: Vec<LanguageIdentifier> = Locale::ALL
        .iter()
        .filter_map(|l| l.tag().parse().ok())
        .collect();
    let chosen = negotiate_languages(&requested, &available, None, NegotiationStrategy::Lookup);
    let first = chosen.first()?;
    Locale::parse(&first.to_string()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_accept_language() {
        assert_eq!(negotiate("th-TH,th;q=0.9,en;q=0.8"), Some(Locale::Th));
        assert_eq!(negotiate("zh-CN,zh;q=0.9"), Some(Locale::ZhCn));
        assert_eq!(negotiate("vi"), Some(Locale::Vi));
        assert_eq!(negotiate("en-GB,en;q=0.9"), Some(Locale::En));
        assert_eq!(negotiate("fr-FR"), None);
        assert_eq!(negotiate(""), None);
    }

    #[test]
    fn counts_choose_the_plural_form() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        let throttled = |n| Message::new("sign-in-error-throttled").count("minutes", n);
        let one = i18n.message(Locale::En, &throttled(1));
        assert!(one.ends_with("Try again in 1 minute."), "{one}");
        let many = i18n.message(Locale::En, &throttled(15));
        assert!(many.ends_with("Try again in 15 minutes."), "{many}");
        let th = i18n.message(Locale::Th, &throttled(1));
        assert!(th.contains('1'), "{th}");
        Ok(())
    }

    #[test]
    fn every_locale_loads_and_translates() -> anyhow::Result<()> {
        let i18n = I18n::load()?;
        for locale in Locale::ALL {
            let text = i18n.t(locale, "nav-dashboard", &[]);
            assert_ne!(text, "nav-dashboard", "{locale}");
        }
        assert_ne!(
            i18n.t(Locale::Th, "nav-dashboard", &[]),
            i18n.t(Locale::En, "nav-dashboard", &[])
        );
        Ok(())
    }
}
