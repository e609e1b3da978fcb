//! Literal values of the demo data, read as the domain reads them.

use anyhow::Context;

use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;

pub fn cur(code: &str) -> anyhow::Result<Currency> {
    Currency::parse(code).with_context(|| format!("currency {code}"))
}

pub fn dec(text: &str) -> anyhow::Result<Dec> {
    Dec::parse_canonical(text).map_err(|e| anyhow::anyhow!("decimal {text}: {e}"))
}

/// Major units to minor units in `currency`.
pub fn minor(major: i64, currency: Currency) -> i64 {
    major * 10_i64.pow(currency.exponent())
}
