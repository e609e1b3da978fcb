//! ISO 4217 currencies, with the exponent that fixes each one's minor unit.

use std::fmt;
use std::str::FromStr;

/// The currencies offered in drop-downs and templates; any ISO 4217 code is accepted.
pub const COMMON: [&str; 12] = [
    "THB", "VND", "IDR", "MYR", "SGD", "USD", "CNY", "EUR", "KRW", "AUD", "JPY", "GBP",
];

/// A currency known to ISO 4217 (e.g. `THB`, exponent 2; `VND`, exponent 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Currency(iso_currency::Currency);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown currency code {0:?} (expected an ISO 4217 code such as THB, VND, USD)")]
pub struct UnknownCurrency(pub String);

impl Currency {
    pub fn parse(code: &str) -> Result<Currency, UnknownCurrency> {
        let upper = code.trim().to_ascii_uppercase();
        iso_currency::Currency::from_code(&upper)
            .map(Currency)
            .ok_or_else(|| UnknownCurrency(code.to_owned()))
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
}
