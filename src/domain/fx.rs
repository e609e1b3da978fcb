//! Exchange rates as data: `(date, from, to, rate, source)`. The rate used for a document is
//! the latest one on or before the document's date.

use chrono::NaiveDate;

use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::message::Message;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rate {
    pub date: NaiveDate,
    pub from: Currency,
    pub to: Currency,
    /// Units of `to` for one unit of `from`.
    pub rate: Dec,
    pub source: String,
}

/// Why a rate is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RateError {
    #[error("an exchange rate must be greater than zero")]
    NotPositive,
    #[error("an exchange rate must lie between 0.000000001 and 1000000000")]
    OutOfRange,
    #[error("an exchange rate converts between two different currencies")]
    SameCurrency,
}

impl RateError {
    pub fn message(&self) -> Message {
        match self {
            RateError::NotPositive => Message::new("rates-error-positive"),
            RateError::OutOfRange => Message::new("rates-error-range"),
            RateError::SameCurrency => Message::new("rates-error-same"),
        }
    }
}

/// Refuses a rate that converts a currency into itself.
pub fn check_pair(from: Currency, to: Currency) -> Result<(), RateError> {
    if from == to {
        return Err(RateError::SameCurrency);
    }
    Ok(())
}

/// A rate must be within 1e-9..=1e9: no currency pair is further apart (VND per KWD is about
/// 85,000), and anything outside is a typo that would wreck every conversion.
pub fn check_rate(rate: &Dec) -> Result<(), RateError> {
    if rate.is_negative() || rate.0.is_zero() {
        return Err(RateError::NotPositive);
    }
    let min = rust_decimal::Decimal::new(1, 9);
    let max = rust_decimal::Decimal::from(1_000_000_000u32);
    if rate.0 < min || rate.0 > max {
        return Err(RateError::OutOfRange);
    }
    Ok(())
}

/// The latest rate for `from → to` dated on or before `date`, if any.
pub fn latest_on_or_before(
    rates: &[Rate],
    from: Currency,
    to: Currency,
    date: NaiveDate,
) -> Option<&Rate> {
    rates
        .iter()
        .filter(|r| r.from == from && r.to == to && r.date <= date)
        .max_by_key(|r| r.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_must_be_positive_and_within_range() {
        let check = |text: &str| {
            Dec::parse_canonical(text)
                .map_err(|e| format!("{e:?}"))
                .map(|d| check_rate(&d))
        };
        assert_eq!(check("35.12"), Ok(Ok(())));
        assert_eq!(check("0.000000001"), Ok(Ok(())));
        assert_eq!(check("1000000000"), Ok(Ok(())));
        assert_eq!(check("0"), Ok(Err(RateError::NotPositive)));
        assert_eq!(check("-1"), Ok(Err(RateError::NotPositive)));
        assert_eq!(
            check("0.0000000000000000000000000001"),
            Ok(Err(RateError::OutOfRange))
        );
        assert_eq!(check("1000000000.5"), Ok(Err(RateError::OutOfRange)));
    }

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, day).unwrap_or_default()
    }

    fn rate(day: u32, from: &str, to: &str, value: &str) -> Rate {
        Rate {
            date: d(day),
            from: Currency::parse(from).unwrap_or_else(|_| panic!("{from}")),
            to: Currency::parse(to).unwrap_or_else(|_| panic!("{to}")),
            rate: Dec::parse_canonical(value).unwrap_or_default(),
            source: "test".into(),
        }
    }

    #[test]
    fn picks_the_latest_rate_on_or_before_the_date() {
        let rates = vec![
            rate(1, "USD", "THB", "35.1"),
            rate(5, "USD", "THB", "35.5"),
            rate(3, "USD", "THB", "35.3"),
            rate(4, "EUR", "THB", "38"),
        ];
        let usd = Currency::parse("USD").ok();
        let thb = Currency::parse("THB").ok();
        let (Some(usd), Some(thb)) = (usd, thb) else {
            panic!("currencies")
        };
        let pick = |day| latest_on_or_before(&rates, usd, thb, d(day)).map(|r| r.rate.canonical());
        assert_eq!(pick(1).as_deref(), Some("35.1"));
        assert_eq!(
            pick(2).as_deref(),
            Some("35.1"),
            "a day without a rate uses the day before"
        );
        assert_eq!(
            pick(4).as_deref(),
            Some("35.3"),
            "another pair's rate is ignored"
        );
        assert_eq!(pick(5).as_deref(), Some("35.5"));
        assert_eq!(pick(30).as_deref(), Some("35.5"));
        assert_eq!(
            latest_on_or_before(&rates, thb, usd, d(30)),
            None,
            "no inverse guessing"
        );
        let before_any = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
        assert_eq!(latest_on_or_before(&rates, usd, thb, before_any), None);
    }
}
