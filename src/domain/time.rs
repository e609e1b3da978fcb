//! The agency's own time: its time zone (an IANA name such as `Asia/Bangkok`), "today" as the
//! agency's office sees it, and how a user reads years (Gregorian, or the Thai Buddhist Era).
//!
//! Instants are stored in UTC and calendar dates are stored as dates, both Gregorian; a time
//! zone and a year style only change what a page shows.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone as _, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::domain::locale::Locale;
use crate::domain::message::{Message, Refusal};

/// An IANA time zone known to the tz database the binary carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimeZone(chrono_tz::Tz);

/// A name that is no IANA time zone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown time zone {0:?}: give an IANA name such as Asia/Bangkok, Asia/Ho_Chi_Minh or Europe/Berlin"
)]
pub struct UnknownTimeZone(pub String);

impl Refusal for UnknownTimeZone {
    fn refusal(&self) -> Option<Message> {
        Some(Message::new("time-zone-error-unknown").arg("zone", &self.0))
    }
}

impl TimeZone {
    /// UTC, the zone instants are stored in.
    pub const UTC: TimeZone = TimeZone(chrono_tz::Tz::UTC);

    /// Reads an IANA name, ignoring surrounding blanks and the case of ASCII letters
    /// (`asia/bangkok` is `Asia/Bangkok`).
    pub fn parse(name: &str) -> Result<TimeZone, UnknownTimeZone> {
        let trimmed = name.trim();
        if let Ok(tz) = trimmed.parse::<chrono_tz::Tz>() {
            return Ok(TimeZone(tz));
        }
        chrono_tz::TZ_VARIANTS
            .iter()
            .find(|tz| tz.name().eq_ignore_ascii_case(trimmed))
            .map(|tz| TimeZone(*tz))
            .ok_or_else(|| UnknownTimeZone(name.to_owned()))
    }

    /// The IANA name, as stored and shown (`Asia/Bangkok`).
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Every zone a tenant may choose, by name.
    pub fn all() -> impl Iterator<Item = TimeZone> {
        chrono_tz::TZ_VARIANTS.iter().map(|tz| TimeZone(*tz))
    }

    /// The zone a new tenant gets when none is given: that of the country its language is
    /// spoken in. English goes to Bangkok, the product's first market (and the UTC+7 of
    /// Vietnam, western Indonesia and Cambodia).
    pub fn default_for(locale: Locale) -> TimeZone {
        TimeZone(match locale {
            Locale::En | Locale::Th => chrono_tz::Asia::Bangkok,
            Locale::Vi => chrono_tz::Asia::Ho_Chi_Minh,
            Locale::ZhCn => chrono_tz::Asia::Shanghai,
        })
    }

    /// The calendar date in this zone at the instant `now`.
    pub fn today(self, now: DateTime<Utc>) -> NaiveDate {
        now.with_timezone(&self.0).date_naive()
    }

    /// The wall-clock time in this zone of `at`, an instant stored in UTC.
    pub fn local(self, at: NaiveDateTime) -> NaiveDateTime {
        self.0.from_utc_datetime(&at).naive_local()
    }
}

impl fmt::Display for TimeZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a user reads the years of dates: the product shows Gregorian years unless the user
/// chose the Buddhist Era (year + 543), which Thai offices commonly read. What is stored and
/// what every date input takes stays Gregorian.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum YearStyle {
    #[default]
    Gregorian,
    Buddhist,
}

/// Years of the Buddhist Era are Gregorian years plus this.
pub const BUDDHIST_ERA_OFFSET: i32 = 543;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown year style {0:?} (gregorian or buddhist)")]
pub struct UnknownYearStyle(pub String);

impl Refusal for UnknownYearStyle {
    fn refusal(&self) -> Option<Message> {
        Some(Message::new("time-zone-error-year-style"))
    }
}

impl YearStyle {
    pub const ALL: [YearStyle; 2] = [YearStyle::Gregorian, YearStyle::Buddhist];

    pub fn parse(text: &str) -> Result<YearStyle, UnknownYearStyle> {
        match text.trim() {
            "gregorian" => Ok(YearStyle::Gregorian),
            "buddhist" => Ok(YearStyle::Buddhist),
            other => Err(UnknownYearStyle(other.to_owned())),
        }
    }

    /// The stored name (the `users.year_style` column).
    pub fn as_str(self) -> &'static str {
        match self {
            YearStyle::Gregorian => "gregorian",
            YearStyle::Buddhist => "buddhist",
        }
    }

    /// The year a reader of this style reads for the Gregorian `year`.
    pub fn year(self, year: i32) -> i32 {
        match self {
            YearStyle::Gregorian => year,
            YearStyle::Buddhist => year.saturating_add(BUDDHIST_ERA_OFFSET),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn zones_parse_by_their_iana_names_whatever_the_case() {
        assert_eq!(
            TimeZone::parse("Asia/Bangkok").map(TimeZone::name),
            Ok("Asia/Bangkok")
        );
        assert_eq!(
            TimeZone::parse(" asia/ho_chi_minh ").map(TimeZone::name),
            Ok("Asia/Ho_Chi_Minh")
        );
        assert_eq!(TimeZone::parse("UTC"), Ok(TimeZone::UTC));
        for bad in ["Asia/Bangkk", "", "Bangkok", "+07:00", "ICT"] {
            assert_eq!(
                TimeZone::parse(bad),
                Err(UnknownTimeZone(bad.to_owned())),
                "{bad:?}"
            );
        }
        assert!(TimeZone::all().any(|z| z.name() == "Asia/Jakarta"));
    }

    #[test]
    fn each_language_defaults_to_its_country() {
        assert_eq!(TimeZone::default_for(Locale::Th).name(), "Asia/Bangkok");
        assert_eq!(TimeZone::default_for(Locale::Vi).name(), "Asia/Ho_Chi_Minh");
        assert_eq!(TimeZone::default_for(Locale::ZhCn).name(), "Asia/Shanghai");
        assert_eq!(TimeZone::default_for(Locale::En).name(), "Asia/Bangkok");
    }

    #[test]
    fn today_is_the_date_at_the_agency() -> Result<(), UnknownTimeZone> {
        let bangkok = TimeZone::parse("Asia/Bangkok")?;
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        // 16:59 UTC is 23:59 in Bangkok; a minute later it is tomorrow there.
        assert_eq!(
            bangkok.today(utc("2026-12-31T16:59:00Z")),
            date(2026, 12, 31).unwrap_or_default()
        );
        assert_eq!(
            bangkok.today(utc("2026-12-31T17:00:00Z")),
            date(2027, 1, 1).unwrap_or_default()
        );
        // West of Greenwich the date lags behind UTC's.
        let new_york = TimeZone::parse("America/New_York")?;
        assert_eq!(
            new_york.today(utc("2027-01-01T03:00:00Z")),
            date(2026, 12, 31).unwrap_or_default()
        );
        assert_eq!(
            TimeZone::UTC.today(utc("2027-01-01T03:00:00Z")),
            date(2027, 1, 1).unwrap_or_default()
        );
        Ok(())
    }

    #[test]
    fn local_time_follows_the_zone_and_its_summer_time() -> Result<(), UnknownTimeZone> {
        let at = |text: &str| utc(text).naive_utc();
        let berlin = TimeZone::parse("Europe/Berlin")?;
        assert_eq!(
            berlin.local(at("2026-01-15T12:00:00Z")),
            at("2026-01-15T13:00:00Z")
        );
        assert_eq!(
            berlin.local(at("2026-07-15T12:00:00Z")),
            at("2026-07-15T14:00:00Z")
        );
        let shanghai = TimeZone::parse("Asia/Shanghai")?;
        assert_eq!(
            shanghai.local(at("2026-12-04T06:05:00Z")),
            at("2026-12-04T14:05:00Z")
        );
        Ok(())
    }

    #[test]
    fn buddhist_years_are_gregorian_plus_543() {
        assert_eq!(YearStyle::Buddhist.year(2026), 2569);
        assert_eq!(YearStyle::Gregorian.year(2026), 2026);
        for style in YearStyle::ALL {
            assert_eq!(YearStyle::parse(style.as_str()), Ok(style));
        }
        assert!(YearStyle::parse("lunar").is_err());
        assert_eq!(YearStyle::default(), YearStyle::Gregorian);
    }
}
