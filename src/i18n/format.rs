//! Numbers and dates formatted per locale with ICU4X, always in the Gregorian calendar
//! (Thai's default Buddhist calendar would print 2569 for 2026 on business documents).
//!
//! ICU4X formatters are neither `Send` nor `Sync`, so each worker thread builds its own on
//! first use and keeps them.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use icu_calendar::Gregorian;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;

use crate::domain::locale::Locale;

struct LocaleFormats {
    decimal: DecimalFormatter,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    datetime: FixedCalendarDateTimeFormatter<Gregorian, YMDT>,
}

impl LocaleFormats {
    fn build(locale: Locale) -> anyhow::Result<LocaleFormats> {
        let icu: icu_locale_core::Locale = locale
            .tag()
            .parse()
            .map_err(|e| anyhow::anyhow!("ICU locale {}: {e:?}", locale.tag()))?;
        let decimal = DecimalFormatter::try_new((&icu).into(), Default::default())
            .map_err(|e| anyhow::anyhow!("number data for {}: {e:?}", locale.tag()))?;
        let date = FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::medium())
            .map_err(|e| anyhow::anyhow!("date data for {}: {e:?}", locale.tag()))?;
        let datetime =
            FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::medium().with_time_hm())
                .map_err(|e| anyhow::anyhow!("date-time data for {}: {e:?}", locale.tag()))?;
        Ok(LocaleFormats {
            decimal,
            date,
            datetime,
        })
    }
}

thread_local! {
    static FORMATS: RefCell<HashMap<Locale, LocaleFormats>> = RefCell::new(HashMap::new());
}

/// Runs `f` with this thread's formatters for `locale`; `None` if ICU has no data for it.
fn with<T>(locale: Locale, f: impl FnOnce(&LocaleFormats) -> T) -> Option<T> {
    FORMATS.with(|cell| {
        let mut map = cell.borrow_mut();
        if let std::collections::hash_map::Entry::Vacant(e) = map.entry(locale) {
            match LocaleFormats::build(locale) {
                Ok(formats) => {
                    e.insert(formats);
                }
                Err(e) => {
                    tracing::error!("{e:#}");
                    return None;
                }
            }
        }
        map.get(&locale).map(f)
    })
}

/// Locale-aware formatting of numbers and dates.
#[derive(Debug, Clone, Copy, Default)]
pub struct Formats;

impl Formats {
    /// Checks that every locale's data is present, so a gap shows at start-up.
    pub fn load() -> anyhow::Result<Formats> {
        for locale in Locale::ALL {
            LocaleFormats::build(locale)?;
        }
        Ok(Formats)
    }

    pub fn integer(&self, locale: Locale, n: i64) -> String {
        with(locale, |f| f.decimal.format(&Decimal::from(n)).to_string())
            .unwrap_or_else(|| n.to_string())
    }

    /// Formats a plain decimal string such as `-1234.50`, keeping its digits after the mark.
    pub fn decimal_str(&self, locale: Locale, text: &str) -> String {
        match Decimal::from_str(text) {
            Ok(d) => with(locale, |f| f.decimal.format(&d).to_string())
                .unwrap_or_else(|| text.to_owned()),
            Err(_) => text.to_owned(),
        }
    }

    pub fn date(&self, locale: Locale, date: NaiveDate) -> String {
        match gregorian(date) {
            Some(d) => {
                with(locale, |f| f.date.format(&d).to_string()).unwrap_or_else(|| date.to_string())
            }
            None => date.to_string(),
        }
    }

    /// An instant (UTC) with minutes, followed by `UTC`.
    pub fn datetime_utc(&self, locale: Locale, at: NaiveDateTime) -> String {
        let fallback = || format!("{} UTC", at.format("%Y-%m-%d %H:%M"));
        let time = Time::try_new(at.hour() as u8, at.minute() as u8, at.second() as u8, 0).ok();
        match (gregorian(at.date()), time) {
            (Some(date), Some(time)) => with(locale, |f| {
                format!("{} UTC", f.datetime.format(&DateTime { date, time }))
            })
            .unwrap_or_else(fallback),
            _ => fallback(),
        }
    }
}

fn gregorian(date: NaiveDate) -> Option<Date<Gregorian>> {
    let month = u8::try_from(date.month()).ok()?;
    let day = u8::try_from(date.day()).ok()?;
    Date::try_new_gregorian(date.year(), month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::decimal::Dec;

    #[test]
    fn numbers_follow_the_locale() -> anyhow::Result<()> {
        let f = Formats::load()?;
        assert_eq!(f.integer(Locale::En, 1234567), "1,234,567");
        assert_eq!(f.integer(Locale::Vi, 1234567), "1.234.567");
        assert_eq!(f.decimal_str(Locale::En, "-11437.50"), "-11,437.50");
        assert_eq!(f.decimal_str(Locale::Vi, "11437.50"), "11.437,50");
        Ok(())
    }

    #[test]
    fn thai_dates_use_the_gregorian_year() -> anyhow::Result<()> {
        let f = Formats::load()?;
        let d = NaiveDate::from_ymd_opt(2026, 12, 1).ok_or_else(|| anyhow::anyhow!("date"))?;
        let th = f.date(Locale::Th, d);
        assert!(th.contains("2026"), "{th}");
        assert!(!th.contains("2569"), "{th}");
        assert!(f.date(Locale::En, d).contains("2026"));
        let at = d
            .and_hms_opt(9, 5, 0)
            .ok_or_else(|| anyhow::anyhow!("time"))?;
        let s = f.datetime_utc(Locale::ZhCn, at);
        assert!(
            s.contains("2026") && s.contains("09:05") && s.ends_with("UTC"),
            "{s}"
        );
        Ok(())
    }

    /// What the product shows a user, the user can type back: every locale reads its own
    /// formatted numbers as the same number.
    #[test]
    fn each_locale_reads_back_the_numbers_it_shows() -> anyhow::Result<()> {
        let formats = Formats::load()?;
        for locale in Locale::ALL {
            for text in ["2800", "1234.5", "2500000.25", "0.035", "-12"] {
                let shown = formats.decimal_str(locale, text);
                let read = Dec::parse_in(&shown, locale.number_style())
                    .map_err(|e| anyhow::anyhow!("{locale}: {shown:?}: {e}"))?;
                assert_eq!(read, Dec::parse_canonical(text)?, "{locale}: {shown:?}");
            }
        }
        Ok(())
    }
}
