//! Decimal numbers for rates, percentages and quantities: one newtype over
//! `rust_decimal::Decimal`, stored as canonical text, and the lenient parser for what people
//! type or paste (either decimal mark, thousands separators).
//!
//! **Invariant:** [`Dec::canonical`] and [`Dec::parse_canonical`] round-trip exactly, so a
//! rate read back from the database is the rate that was written.

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;
use std::str::FromStr;

/// A decimal number (rate, percentage, quantity). Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(pub Decimal);

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("not a number")]
    Invalid,
    /// `1,500` could be fifteen hundred or one and a half.
    #[error("ambiguous decimal mark")]
    Ambiguous,
    #[error("too many digits after the decimal mark")]
    TooPrecise,
    #[error("must not be negative")]
    Negative,
    #[error("too large")]
    TooLarge,
}

impl Dec {
    pub const ZERO: Dec = Dec(Decimal::ZERO);

    /// Parses text that the database or this program wrote (`1234.5`, `-0.0325`).
    pub fn parse_canonical(text: &str) -> Result<Dec, NumberError> {
        Decimal::from_str(text.trim())
            .map(|d| Dec(d.normalize()))
            .map_err(|_| NumberError::Invalid)
    }

    /// Parses what a person typed: `1,234.50`, `1.234,50`, `1 234,5`, `0,035`, `36.5`.
    /// A dot alone is a decimal mark; a single comma followed by exactly three digits after a
    /// non-zero integer part (`1,500`) is refused as ambiguous rather than guessed.
    pub fn parse_input(text: &str) -> Result<Dec, NumberError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_'))
            .collect();
        if cleaned.is_empty() {
            return Err(NumberError::Invalid);
        }
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
        };
        if !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(NumberError::Invalid);
        }
        let commas = digits.matches(',').count();
        let dots = digits.matches('.').count();
        let plain = match (commas, dots) {
            (0, 0) | (0, 1) => digits.to_owned(),
            (0, _) => thousands(digits, '.')?,
            (_, 0) if commas > 1 => thousands(digits, ',')?,
            (1, 0) => {
                let (int, frac) = digits.split_once(',').ok_or(NumberError::Invalid)?;
                if frac.len() == 3 && !int.trim_start_matches('0').is_empty() {
                    return Err(NumberError::Ambiguous);
                }
                format!("{int}.{frac}")
            }
            _ => {
                // Both marks: the last one is the decimal mark.
                let last_comma = digits.rfind(',').unwrap_or(0);
                let last_dot = digits.rfind('.').unwrap_or(0);
                let (group, mark) = if last_comma > last_dot {
                    ('.', ',')
                } else {
                    (',', '.')
                };
                let (int, frac) = digits.rsplit_once(mark).ok_or(NumberError::Invalid)?;
                if frac.contains(group) || int.contains(mark) {
                    return Err(NumberError::Invalid);
                }
                format!("{}.{frac}", thousands(int, group)?)
            }
        };
        if plain.starts_with('.') || plain.ends_with('.') {
            return Err(NumberError::Invalid);
        }
        let value = Decimal::from_str(&plain).map_err(|_| NumberError::TooLarge)?;
        Ok(Dec(if negative { -value } else { value }.normalize()))
    }

    /// A number from a spreadsheet cell, which Excel keeps as a double: its shortest
    /// round-trip text is what the person typed (`1200.1`, not `1200.0999999`).
    pub fn from_cell_float(value: f64) -> Result<Dec, NumberError> {
        if !value.is_finite() {
            return Err(NumberError::Invalid);
        }
        Decimal::from_str(&format!("{value}"))
            .or_else(|_| Decimal::from_scientific(&format!("{value:e}")))
            .map(|d| Dec(d.normalize()))
            .map_err(|_| NumberError::TooLarge)
    }

    /// The text stored in the database: no exponent, no trailing zeros.
    pub fn canonical(&self) -> String {
        self.0.normalize().to_string()
    }

    pub fn is_negative(&self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// Rounds to `places` decimals, half away from zero (HALF-UP).
    pub fn round_half_up(&self, places: u32) -> Dec {
        Dec(self
            .0
            .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero))
    }

    pub fn scale(&self) -> u32 {
        self.0.normalize().scale()
    }
}

/// Removes thousands separators after checking they group by three.
fn thousands(int: &str, group: char) -> Result<String, NumberError> {
    let parts: Vec<&str> = int.split(group).collect();
    let first_ok = parts.first().is_some_and(|p| !p.is_empty() && p.len() <= 3);
    if !first_ok || parts.iter().skip(1).any(|p| p.len() != 3) {
        return Err(NumberError::Invalid);
    }
    Ok(parts.concat())
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.canonical())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<String, NumberError> {
        Dec::parse_input(s).map(|d| d.canonical())
    }

    #[test]
    fn either_decimal_mark_is_understood() {
        assert_eq!(p("1,234.50"), Ok("1234.5".into()));
        assert_eq!(p("1.234,50"), Ok("1234.5".into()));
        assert_eq!(p("1 234,5"), Ok("1234.5".into()));
        assert_eq!(p("0,035"), Ok("0.035".into()));
        assert_eq!(p("1.085"), Ok("1.085".into()));
        assert_eq!(p("36,5"), Ok("36.5".into()));
        assert_eq!(p("1.234.567"), Ok("1234567".into()));
        assert_eq!(p("2,500,000"), Ok("2500000".into()));
        assert_eq!(p("-12"), Ok("-12".into()));
    }

    #[test]
    fn doubtful_text_is_refused_not_guessed() {
        assert_eq!(p("1,500"), Err(NumberError::Ambiguous));
        assert_eq!(p("12a"), Err(NumberError::Invalid));
        assert_eq!(p(""), Err(NumberError::Invalid));
        assert_eq!(p("1,23,4"), Err(NumberError::Invalid));
        assert_eq!(p("1.2,3.4"), Err(NumberError::Invalid));
        assert_eq!(p("."), Err(NumberError::Invalid));
    }

    #[test]
    fn canonical_text_round_trips() -> Result<(), NumberError> {
        for s in ["0.0000000123", "35.125", "100", "1234567.891011"] {
            assert_eq!(Dec::parse_canonical(s)?.canonical(), s);
        }
        assert_eq!(Dec::from_cell_float(1200.1)?.canonical(), "1200.1");
        assert_eq!(Dec::from_cell_float(0.0285)?.canonical(), "0.0285");
        Ok(())
    }

    #[test]
    fn rounding_is_half_up() -> Result<(), NumberError> {
        assert_eq!(
            Dec::parse_input("2.345")?.round_half_up(2).canonical(),
            "2.35"
        );
        assert_eq!(
            Dec::parse_input("-2.345")?.round_half_up(2).canonical(),
            "-2.35"
        );
        assert_eq!(
            Dec::parse_input("2.344")?.round_half_up(2).canonical(),
            "2.34"
        );
        Ok(())
    }
}
