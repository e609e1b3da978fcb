//! Money: an integer number of minor units in one currency. Never a float.

use rust_decimal::Decimal;

use crate::domain::currency::Currency;
use crate::domain::decimal::{Dec, NumberError, NumberStyle};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    pub minor: i64,
    pub currency: Currency,
}

impl Money {
    pub fn new(minor: i64, currency: Currency) -> Money {
        Money { minor, currency }
    }

    /// An amount a person typed in `currency`, written in `style`. More decimals than the
    /// currency has (`12.345 THB`, `10.5 VND`) are refused: a price is never silently rounded.
    pub fn parse_in(
        text: &str,
        currency: Currency,
        style: NumberStyle,
    ) -> Result<Money, NumberError> {
        Money::from_dec(Dec::parse_in(text, style)?, currency)
    }

    /// An exact decimal amount in `currency`, refused when it needs more decimals.
    pub fn from_dec(value: Dec, currency: Currency) -> Result<Money, NumberError> {
        if value.scale() > currency.exponent() {
            return Err(NumberError::TooPrecise);
        }
        let factor = Decimal::from(10_i64.pow(currency.exponent()));
        let minor = value
            .0
            .checked_mul(factor)
            .ok_or(NumberError::TooLarge)?
            .trunc()
            .mantissa();
        let minor = i64::try_from(minor).map_err(|_| NumberError::TooLarge)?;
        Ok(Money { minor, currency })
    }

    /// The amount as a plain decimal string with the currency's digits (`1200.50`, `350000`).
    pub fn amount_text(&self) -> String {
        let mut d = Decimal::from(self.minor);
        // Cannot fail: exponents are 0..=4.
        let _ = d.set_scale(self.currency.exponent());
        d.to_string()
    }

    pub fn checked_add(self, other: Money) -> Option<Money> {
        (self.currency == other.currency).then_some(())?;
        Some(Money::new(
            self.minor.checked_add(other.minor)?,
            self.currency,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cur(code: &str) -> Currency {
        Currency::parse(code).unwrap_or_else(|_| panic!("{code}"))
    }

    #[test]
    fn amounts_use_the_currency_exponent() -> Result<(), NumberError> {
        let (en, vi) = (NumberStyle::POINT, NumberStyle::COMMA);
        assert_eq!(Money::parse_in("1,200.50", cur("THB"), en)?.minor, 120050);
        assert_eq!(Money::parse_in("1.200,50", cur("THB"), vi)?.minor, 120050);
        assert_eq!(Money::parse_in("350000", cur("VND"), vi)?.minor, 350000);
        assert_eq!(
            Money::parse_in("12.5", cur("THB"), en)?.amount_text(),
            "12.50"
        );
        assert_eq!(Money::new(350000, cur("VND")).amount_text(), "350000");
        Ok(())
    }

    #[test]
    fn extra_decimals_are_refused() {
        assert_eq!(
            Money::parse_in("10.5", cur("VND"), NumberStyle::POINT),
            Err(NumberError::TooPrecise)
        );
        assert_eq!(
            Money::parse_in("1.999", cur("USD"), NumberStyle::POINT),
            Err(NumberError::TooPrecise)
        );
    }

    #[test]
    fn currencies_do_not_mix() {
        let a = Money::new(100, cur("THB"));
        assert_eq!(a.checked_add(Money::new(1, cur("USD"))), None);
        assert_eq!(a.checked_add(a).map(|m| m.minor), Some(200));
    }
}
