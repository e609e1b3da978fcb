//! ISO 4217 currencies, with the exponent that fixes each one's minor unit.

use std::fmt;
use std::str::FromStr;

/// The currencies offered in drop-downs and templates; any ISO 4217 code is accepted.
pub const COMMON: [&str; 12] = [
    "THB", "VND", "IDR", "MYR", "SGD", "USD", "CNY", "EUR", "KRW", "AUD", "JPY", "GBP",
];

/// A currency of payment known to ISO 4217 (e.g. `THB`, exponent 2; `VND`, exponent 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnknownCurrency {
    #[error("unknown currency code {0:?} (expected an ISO 4217 code such as THB, VND, USD)")]
    Unknown(String),
    /// ISO 4217 codes that no one pays a hotel with: funds (`BOV`), precious metals (`XAU`),
    /// units of account (`XDR`), the test and no-currency codes (`XTS`, `XXX`), and
    /// currencies replaced by another (`HRK` → `EUR`).
    #[error("{0:?} is not a currency of payment (expected a code such as THB, VND, USD)")]
    NotForPayment(String),
}

impl Currency {
    /// A currency of payment by its code, in any case.
    pub fn parse(code: &str) -> Result<Currency, UnknownCurrency> {
        let upper = code.trim().to_ascii_uppercase();
        let currency = iso_currency::Currency::from_code(&upper)
            .ok_or_else(|| UnknownCurrency::Unknown(code.to_owned()))?;
        if currency.is_fund()
            || currency.is_special()
            || currency.is_superseded().is_some()
            || currency.exponent().is_none()
        {
            return Err(UnknownCurrency::NotForPayment(upper));
        }
        Ok(Currency(currency))
    }

    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// Digits after the decimal mark in the minor unit (VND 0, THB 2, KWD 3).
    pub fn exponent(&self) -> u32 {
        self.0.exponent().map(u32::from).unwrap_or(0)
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = UnknownCurrency;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exponents_follow_iso_4217() {
        assert_eq!(Currency::parse("THB").map(|c| c.exponent()), Ok(2));
        assert_eq!(Currency::parse("vnd").map(|c| c.exponent()), Ok(0));
        assert_eq!(Currency::parse("KRW").map(|c| c.exponent()), Ok(0));
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert!(Currency::parse("XYZ1").is_err());
        assert!(Currency::parse("").is_err());
    }

    #[test]
    fn only_currencies_of_payment_are_currencies() {
        for code in ["XXX", "XAU", "XTS", "XDR", "XAG", "BOV", "CHE", "hrk"] {
            assert!(
                matches!(
                    Currency::parse(code),
                    Err(UnknownCurrency::NotForPayment(_))
                ),
                "{code}"
            );
        }
        for code in ["THB", "VND", "XOF", "XAF", "XPF", "CNY", "EUR"] {
            assert!(Currency::parse(code).is_ok(), "{code}");
        }
    }
}
