//! Numbers, dates and instants formatted per locale with ICU4X. Dates are Gregorian, the
//! calendar of business documents (Thai's default Buddhist calendar would print 2569 for
//! 2026), unless the reader chose Buddhist Era years for their own pages; instants are shown
//! on the agency's clock, labelled with its time zone.
//!
//! ICU4X formatters are neither `Send` nor `Sync`, so each worker thread builds its own on
//! first use and keeps them.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};
use icu_calendar::Gregorian;
use icu_calendar::cal::Buddhist;
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{YMD, YMDT};
use icu_datetime::input::{Date, DateTime, Time};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;

use crate::domain::locale::Locale;
use crate::domain::time::{TimeZone, YearStyle};

struct LocaleFormats {
    decimal: DecimalFormatter,
    date: FixedCalendarDateTimeFormatter<Gregorian, YMD>,
    datetime: FixedCalendarDateTimeFormatter<Gregorian, YMDT>,
    buddhist_date: FixedCalendarDateTimeFormatter<Buddhist, YMD>,
    buddhist_datetime: FixedCalendarDateTimeFormatter<Buddhist, YMDT>,
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
        let buddhist_date =
            FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::medium())
                .map_err(|e| anyhow::anyhow!("Buddhist date data for {}: {e:?}", locale.tag()))?;
        let buddhist_datetime =
            FixedCalendarDateTimeFormatter::try_new((&icu).into(), YMD::medium().with_time_hm())
                .map_err(|e| {
                    anyhow::anyhow!("Buddhist date-time data for {}: {e:?}", locale.tag())
                })?;
        Ok(LocaleFormats {
            decimal,
            date,
            datetime,
            buddhist_date,
            buddhist_datetime,
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

/// Locale-aware formatting of numbers, dates and instants for one reader: instants on the
/// clock of `zone`, years as `years` counts them. The default is UTC and Gregorian years,
/// for what no agency's reader sees (logs, the command line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    zone: TimeZone,
    years: YearStyle,
}

impl Default for Formats {
    fn default() -> Formats {
        Formats {
            zone: TimeZone::UTC,
            years: YearStyle::Gregorian,
        }
    }
}

impl Formats {
    /// Checks that every locale's data is present, so a gap shows at start-up.
    pub fn load() -> anyhow::Result<Formats> {
        for locale in Locale::ALL {
            LocaleFormats::build(locale)?;
        }
        Ok(Formats::default())
    }

    /// The formats of a reader at an agency in `zone` who reads years as `years`.
    pub fn new(zone: TimeZone, years: YearStyle) -> Formats {
        Formats { zone, years }
    }

    /// The zone instants are shown in.
    pub fn zone(&self) -> TimeZone {
        self.zone
    }

    pub fn years(&self) -> YearStyle {
        self.years
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

    /// A calendar date in the reader's format, its year as the reader counts years.
    pub fn date(&self, locale: Locale, date: NaiveDate) -> String {
        let fallback = || self.iso_date(date);
        let Some(d) = gregorian(date) else {
            return fallback();
        };
        match self.years {
            YearStyle::Gregorian => with(locale, |f| f.date.format(&d).to_string()),
            YearStyle::Buddhist => with(locale, |f| {
                f.buddhist_date.format(&d.to_calendar(Buddhist)).to_string()
            }),
        }
        .unwrap_or_else(fallback)
    }

    /// The year a heading shows for the Gregorian `year` (a month calendar's title).
    pub fn year(&self, year: i32) -> i32 {
        self.years.year(year)
    }

    /// An instant stored in UTC, on the agency's clock, with minutes, followed by the zone:
    /// `4 Dec 2026, 14:05 (Asia/Bangkok)`.
    pub fn instant(&self, locale: Locale, at: NaiveDateTime) -> String {
        format!("{} ({})", self.instant_local(locale, at), self.zone.name())
    }

    /// An instant on the agency's clock without the zone, for a table whose column header
    /// names it ([`Formats::zone`]).
    pub fn instant_local(&self, locale: Locale, at: NaiveDateTime) -> String {
        let local = self.zone.local(at);
        let fallback = || format!("{} {}", self.iso_date(local.date()), local.format("%H:%M"));
        let time = Time::try_new(
            local.hour() as u8,
            local.minute() as u8,
            local.second() as u8,
            0,
        )
        .ok();
        let (Some(date), Some(time)) = (gregorian(local.date()), time) else {
            return fallback();
        };
        match self.years {
            YearStyle::Gregorian => with(locale, |f| {
                f.datetime.format(&DateTime { date, time }).to_string()
            }),
            YearStyle::Buddhist => with(locale, |f| {
                let date = date.to_calendar(Buddhist);
                f.buddhist_datetime
                    .format(&DateTime { date, time })
                    .to_string()
            }),
        }
        .unwrap_or_else(fallback)
    }

    /// The calendar date at the agency of an instant stored in UTC (when a user was created).
    pub fn instant_date(&self, locale: Locale, at: NaiveDateTime) -> String {
        self.date(locale, self.zone.local(at).date())
    }

    /// `date` as ISO digits, its year as the reader counts years: what is shown when ICU has
    /// no data.
    fn iso_date(&self, date: NaiveDate) -> String {
        format!(
            "{:04}-{:02}-{:02}",
            self.years.year(date.year()),
            date.month(),
            date.day()
        )
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

    fn day(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| anyhow::anyhow!("date {y}-{m}-{d}"))
    }

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> anyhow::Result<NaiveDateTime> {
        day(y, m, d)?
            .and_hms_opt(h, min, 0)
            .ok_or_else(|| anyhow::anyhow!("time {h}:{min}"))
    }

    #[test]
    fn thai_dates_use_the_gregorian_year() -> anyhow::Result<()> {
        let f = Formats::load()?;
        let d = day(2026, 12, 1)?;
        let th = f.date(Locale::Th, d);
        assert!(th.contains("2026"), "{th}");
        assert!(!th.contains("2569"), "{th}");
        assert!(f.date(Locale::En, d).contains("2026"));
        let s = f.instant(Locale::ZhCn, at(2026, 12, 1, 9, 5)?);
        assert!(
            s.contains("2026") && s.contains("09:05") && s.ends_with("(UTC)"),
            "{s}"
        );
        Ok(())
    }

    #[test]
    fn buddhist_years_are_shown_in_the_readers_date_format() -> anyhow::Result<()> {
        Formats::load()?;
        let buddhist = Formats::new(TimeZone::UTC, YearStyle::Buddhist);
        let d = day(2026, 12, 1)?;
        for locale in Locale::ALL {
            let shown = buddhist.date(locale, d);
            assert!(shown.contains("2569"), "{locale}: {shown}");
            assert!(!shown.contains("2026"), "{locale}: {shown}");
        }
        // Thai writes the Buddhist year in its usual date format; English marks the era.
        assert_eq!(buddhist.date(Locale::Th, d), "1 ธ.ค. 2569");
        assert_eq!(Formats::default().date(Locale::Th, d), "1 ธ.ค. 2026");
        assert_eq!(buddhist.date(Locale::En, d), "Dec 1, 2569 BE");
        assert_eq!(buddhist.year(2026), 2569);
        assert_eq!(Formats::default().year(2026), 2026);
        Ok(())
    }

    #[test]
    fn instants_are_shown_on_the_agencys_clock_with_its_zone() -> anyhow::Result<()> {
        Formats::load()?;
        let bangkok = TimeZone::parse("Asia/Bangkok")?;
        let f = Formats::new(bangkok, YearStyle::Gregorian);
        let at_work = at(2026, 12, 4, 7, 5)?;
        assert_eq!(
            f.instant(Locale::En, at_work),
            "Dec 4, 2026, 2:05\u{202f}PM (Asia/Bangkok)"
        );
        assert_eq!(
            f.instant(Locale::Th, at_work),
            "4 ธ.ค. 2026 14:05 (Asia/Bangkok)"
        );
        assert_eq!(
            f.instant_local(Locale::ZhCn, at_work),
            "2026年12月4日 14:05"
        );
        // 20:00 UTC on New Year's Eve is already 2027 in Bangkok.
        let new_year = at(2026, 12, 31, 20, 0)?;
        assert!(f.instant(Locale::En, new_year).contains("2027"));
        assert_eq!(
            f.instant_date(Locale::En, new_year),
            f.date(Locale::En, day(2027, 1, 1)?)
        );
        let thai = Formats::new(bangkok, YearStyle::Buddhist).instant(Locale::Th, new_year);
        assert!(
            thai.contains("2570") && thai.contains("03:00") && thai.ends_with("(Asia/Bangkok)"),
            "{thai}"
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
