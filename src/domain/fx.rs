//! Exchange rates as data: `(date, from, to, rate, source)`. The rate used for a document is
//! the latest one on or before the document's date.
//!
//! Beside the stored rates, what an accountant reads off them: whether a pair's latest rate is
//! stale ([`is_stale`]), and rates for pairs nobody stored, derived on the fly from the latest
//! stored ones ([`derive`]: the inverse of the opposite pair, or a cross rate through a
//! common currency). Derived rates are shown, never stored and never used by the books.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

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

/// A pair's latest rate is stale once this many days have passed since its date without a
/// newer one: a pair the agency has not updated for a week. Banks publish no rates at weekends
/// and on holidays, so a shorter span would flag every Monday.
pub const STALE_AFTER_DAYS: i64 = 7;

/// Days from `date` to `today` (negative for a rate dated ahead of today).
pub fn age_in_days(date: NaiveDate, today: NaiveDate) -> i64 {
    (today - date).num_days()
}

/// Whether a rate dated `date` is stale on `today`: dated [`STALE_AFTER_DAYS`] or more days
/// before it. A rate dated today or ahead of today is never stale.
pub fn is_stale(date: NaiveDate, today: NaiveDate) -> bool {
    age_in_days(date, today) >= STALE_AFTER_DAYS
}

/// A currency pair: `from → to`, read "units of `to` for one `from`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Pair {
    pub from: Currency,
    pub to: Currency,
}

impl Pair {
    pub fn new(from: Currency, to: Currency) -> Pair {
        Pair { from, to }
    }

    /// The opposite pair: `to → from`.
    pub fn inverse(self) -> Pair {
        Pair::new(self.to, self.from)
    }

    /// The pair of a stored rate.
    pub fn of(rate: &Rate) -> Pair {
        Pair::new(rate.from, rate.to)
    }
}

impl std::fmt::Display for Pair {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} → {}", self.from, self.to)
    }
}

/// Significant digits a derived rate is rounded to, HALF-UP, once, after all the arithmetic.
/// Significant digits rather than decimals, because rates span 1e-9..1e9: ten decimals would
/// keep one digit of a VND → KWD rate and nineteen of its inverse. Ten digits are more than
/// any bank quotes, so the rounding never shows beyond the stored rates' own precision.
pub const DERIVED_DIGITS: u32 = 10;

/// How a rate shown for a pair was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basis {
    /// The pair's own latest stored rate, as stored.
    Stored,
    /// One divided by the latest stored rate of the opposite pair.
    Inverse,
    /// Through `via`: `from → via` times `via → to`, each leg from a stored rate of that pair
    /// or, when only the opposite pair is stored, its inverse. `legs` are the stored pairs used,
    /// as stored.
    Cross { via: Currency, legs: [Pair; 2] },
}

/// A rate for `pair`, stored or derived from stored rates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Derived {
    pub pair: Pair,
    /// Units of `pair.to` for one `pair.from`: as stored, or rounded to [`DERIVED_DIGITS`]
    /// significant digits HALF-UP.
    pub rate: Dec,
    /// The date of the stored rate, or for a cross rate the older of its two legs' dates: a
    /// derived rate is no more recent than the oldest rate it rests on.
    pub date: NaiveDate,
    pub basis: Basis,
}

/// The latest usable rate of `pair` among `rates`: positive, so that it may be divided by.
fn latest_of(rates: &[Rate], pair: Pair) -> Option<&Rate> {
    rates
        .iter()
        .filter(|r| Pair::of(r) == pair && r.rate.0 > Decimal::ZERO)
        .max_by_key(|r| r.date)
}

/// One leg of a cross rate: `pair` from its own stored rate (`inverted` false), or from the
/// opposite pair's (`inverted` true, to be divided by).
struct Leg<'a> {
    stored: &'a Rate,
    inverted: bool,
}

/// A leg for `pair`: its own stored rate first, else the opposite pair's.
fn leg(rates: &[Rate], pair: Pair) -> Option<Leg<'_>> {
    latest_of(rates, pair)
        .map(|stored| Leg {
            stored,
            inverted: false,
        })
        .or_else(|| {
            latest_of(rates, pair.inverse()).map(|stored| Leg {
                stored,
                inverted: true,
            })
        })
}

/// `value` rounded to [`DERIVED_DIGITS`] significant digits, HALF-UP.
fn round_derived(value: Decimal) -> Option<Dec> {
    value
        .round_sf_with_strategy(DERIVED_DIGITS, RoundingStrategy::MidpointAwayFromZero)
        .map(|d| Dec(d.normalize()))
}

/// The cross rate `first × second`, dividing by a leg instead where it is inverted: the
/// multiplications first, one division last, one rounding at the end. `None` on overflow.
fn cross_value(first: &Leg<'_>, second: &Leg<'_>) -> Option<Dec> {
    let (mut num, mut den) = (Decimal::ONE, Decimal::ONE);
    for l in [first, second] {
        if l.inverted {
            den = den.checked_mul(l.stored.rate.0)?;
        } else {
            num = num.checked_mul(l.stored.rate.0)?;
        }
    }
    round_derived(num.checked_div(den)?)
}

/// The rate for `want` from `latest`, the latest stored rate of each pair (any number of rates
/// per pair may be given: the latest is taken). In this order:
/// 1. the pair's own stored rate, as stored ([`Basis::Stored`]);
/// 2. one divided by the opposite pair's ([`Basis::Inverse`]), dated as that rate;
/// 3. a cross rate through one common currency ([`Basis::Cross`]), dated as the older of its
///    two legs. Of several common currencies, the one whose older leg is the most recent wins;
///    on a tie `preferred` (the agency's base currency), then the first by currency code.
///
/// Rates that are not positive are never used, so nothing is divided by zero. `None` when the
/// two currencies are the same, when no stored rate links them directly or through one common
/// currency, or when the arithmetic would overflow.
pub fn derive(latest: &[Rate], want: Pair, preferred: Currency) -> Option<Derived> {
    if want.from == want.to {
        return None;
    }
    if let Some(r) = latest_of(latest, want) {
        return Some(Derived {
            pair: want,
            rate: r.rate,
            date: r.date,
            basis: Basis::Stored,
        });
    }
    if let Some(r) = latest_of(latest, want.inverse()) {
        return Some(Derived {
            pair: want,
            rate: round_derived(Decimal::ONE.checked_div(r.rate.0)?)?,
            date: r.date,
            basis: Basis::Inverse,
        });
    }
    let mut vias: Vec<Currency> = latest
        .iter()
        .flat_map(|r| [r.from, r.to])
        .filter(|c| *c != want.from && *c != want.to)
        .collect();
    vias.sort_by_key(|c| (*c != preferred, c.code()));
    vias.dedup();
    let mut best: Option<Derived> = None;
    for via in vias {
        let (Some(first), Some(second)) = (
            leg(latest, Pair::new(want.from, via)),
            leg(latest, Pair::new(via, want.to)),
        ) else {
            continue;
        };
        let Some(rate) = cross_value(&first, &second) else {
            continue;
        };
        let date = first.stored.date.min(second.stored.date);
        // Candidates come preferred first, then by code: only a more recent one replaces.
        if best.as_ref().is_some_and(|b| b.date >= date) {
            continue;
        }
        best = Some(Derived {
            pair: want,
            rate,
            date,
            basis: Basis::Cross {
                via,
                legs: [Pair::of(first.stored), Pair::of(second.stored)],
            },
        });
    }
    best
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

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap_or_else(|_| panic!("{code}"))
    }

    fn pair(from: &str, to: &str) -> Pair {
        Pair::new(cur(from), cur(to))
    }

    fn shown(d: Option<Derived>) -> Option<(String, NaiveDate, Basis)> {
        d.map(|d| (d.rate.canonical(), d.date, d.basis))
    }

    #[test]
    fn a_stored_rate_is_shown_as_stored_and_the_latest_one_wins() {
        let rates = vec![
            rate(1, "USD", "THB", "35.1"),
            rate(5, "USD", "THB", "35.50"),
            rate(4, "THB", "USD", "0.03"),
        ];
        assert_eq!(
            shown(derive(&rates, pair("USD", "THB"), cur("THB"))),
            Some(("35.5".into(), d(5), Basis::Stored))
        );
        assert_eq!(
            shown(derive(&rates, pair("THB", "USD"), cur("THB"))),
            Some(("0.03".into(), d(4), Basis::Stored)),
            "a stored pair is never replaced by the inverse of its opposite"
        );
    }

    #[test]
    fn an_inverse_is_one_over_the_opposite_rate_rounded_to_ten_digits() {
        let rates = vec![rate(3, "USD", "THB", "35.5"), rate(2, "EUR", "THB", "40")];
        // 1 / 35.5 = 0.028169014084507…, ten significant digits, half up.
        assert_eq!(
            shown(derive(&rates, pair("THB", "USD"), cur("THB"))),
            Some(("0.02816901408".into(), d(3), Basis::Inverse))
        );
        assert_eq!(
            shown(derive(&rates, pair("THB", "EUR"), cur("THB"))),
            Some(("0.025".into(), d(2), Basis::Inverse)),
            "an exact inverse keeps no trailing zeros"
        );
        let vnd = vec![rate(3, "USD", "VND", "25400")];
        assert_eq!(
            derive(&vnd, pair("VND", "USD"), cur("THB")).map(|d| d.rate.canonical()),
            Some("0.00003937007874".into()),
            "a small inverse keeps ten significant digits, not ten decimals"
        );
    }

    #[test]
    fn a_cross_rate_goes_through_a_common_currency_and_carries_the_older_date() {
        let rates = vec![rate(10, "USD", "THB", "35.5"), rate(8, "USD", "CNY", "7.1")];
        let via_usd = Basis::Cross {
            via: cur("USD"),
            legs: [pair("USD", "CNY"), pair("USD", "THB")],
        };
        // CNY → USD is the inverse of USD → CNY; 35.5 / 7.1 = 5 exactly.
        assert_eq!(
            shown(derive(&rates, pair("CNY", "THB"), cur("THB"))),
            Some(("5".into(), d(8), via_usd))
        );
        assert_eq!(
            shown(derive(&rates, pair("THB", "CNY"), cur("THB"))),
            Some((
                "0.2".into(),
                d(8),
                Basis::Cross {
                    via: cur("USD"),
                    legs: [pair("USD", "THB"), pair("USD", "CNY")],
                }
            ))
        );
        let direct = vec![
            rate(9, "CNY", "USD", "0.14"),
            rate(10, "USD", "THB", "35.5"),
        ];
        assert_eq!(
            derive(&direct, pair("CNY", "THB"), cur("THB")).map(|d| (d.rate.canonical(), d.date)),
            Some(("4.97".into(), d(9))),
            "two stored legs multiply"
        );
        let both_inverted = vec![rate(9, "THB", "USD", "0.028"), rate(7, "USD", "CNY", "7")];
        assert_eq!(
            derive(&both_inverted, pair("CNY", "THB"), cur("THB")).map(|d| d.rate.canonical()),
            // (1 / 7) / 0.028 = 5.102040816326…
            Some("5.102040816".into()),
            "two inverted legs divide once, then round once"
        );
    }

    #[test]
    fn rounding_is_half_up_and_happens_once() {
        // 1.0000000005 has eleven significant digits: half up gives 1.000000001 (half even
        // would give 1).
        let rates = vec![
            rate(1, "EUR", "USD", "1.0000000005"),
            rate(1, "USD", "THB", "1"),
        ];
        assert_eq!(
            derive(&rates, pair("EUR", "THB"), cur("THB")).map(|d| d.rate.canonical()),
            Some("1.000000001".into())
        );
        // Rounding the inverse leg first would give 1 / 3 ≈ 0.3333333333 × 3 = 0.9999999999.
        let thirds = vec![rate(1, "USD", "EUR", "3"), rate(1, "USD", "THB", "3")];
        assert_eq!(
            derive(&thirds, pair("EUR", "THB"), cur("THB")).map(|d| d.rate.canonical()),
            Some("1".into())
        );
    }

    #[test]
    fn nothing_is_divided_by_zero_and_unlinked_pairs_have_no_rate() {
        let rates = vec![rate(1, "USD", "THB", "0"), rate(1, "USD", "CNY", "7")];
        assert_eq!(derive(&rates, pair("THB", "USD"), cur("THB")), None);
        assert_eq!(
            derive(&rates, pair("CNY", "THB"), cur("THB")),
            None,
            "a zero leg is no leg"
        );
        assert_eq!(derive(&rates, pair("USD", "USD"), cur("THB")), None);
        let apart = vec![rate(1, "USD", "THB", "35"), rate(1, "EUR", "CNY", "7.8")];
        assert_eq!(
            derive(&apart, pair("USD", "CNY"), cur("THB")),
            None,
            "no common currency, no cross rate"
        );
        assert_eq!(derive(&[], pair("USD", "THB"), cur("THB")), None);
    }

    #[test]
    fn of_several_common_currencies_the_freshest_then_the_preferred_one_wins() {
        let rates = vec![
            rate(10, "USD", "THB", "35"),
            rate(10, "USD", "CNY", "7"),
            rate(4, "EUR", "THB", "40"),
            rate(4, "EUR", "CNY", "8"),
        ];
        let via = |d: Option<Derived>| match d.map(|d| d.basis) {
            Some(Basis::Cross { via, .. }) => Some(via.code()),
            _ => None,
        };
        // CNY → THB: via USD (both legs of day 10) beats via EUR (day 4).
        assert_eq!(
            via(derive(&rates, pair("CNY", "THB"), cur("THB"))),
            Some("USD")
        );
        let tie = vec![
            rate(4, "USD", "THB", "35"),
            rate(4, "USD", "CNY", "7"),
            rate(4, "EUR", "THB", "40"),
            rate(4, "EUR", "CNY", "8"),
        ];
        assert_eq!(
            via(derive(&tie, pair("CNY", "THB"), cur("USD"))),
            Some("USD"),
            "on a tie the preferred currency"
        );
        assert_eq!(
            via(derive(&tie, pair("CNY", "THB"), cur("THB"))),
            Some("EUR"),
            "then the first by code"
        );
    }

    #[test]
    fn a_rate_not_renewed_for_a_week_is_stale() {
        let today = d(15);
        assert!(!is_stale(d(15), today));
        assert!(!is_stale(d(9), today), "six days old");
        assert!(is_stale(d(8), today), "seven days old");
        assert!(is_stale(d(1), today));
        assert!(!is_stale(d(20), today), "dated ahead of today");
        assert_eq!(age_in_days(d(8), today), 7);
    }
}
