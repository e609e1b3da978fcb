//! Decimal numbers for rates, percentages and quantities: one newtype over
//! `rust_decimal::Decimal`, stored as canonical text, and the parser of what people type or
//! paste, in the way their language writes numbers.
//!
//! **Invariant:** [`Dec::canonical`] and [`Dec::parse_canonical`] round-trip exactly, so a
//! rate read back from the database is the rate that was written.

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt;
use std::str::FromStr;

/// How a language writes numbers: the mark that groups thousands and the decimal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub group: char,
    pub decimal: char,
}

impl NumberStyle {
    /// `1,234.50`: English, Thai, Chinese.
    pub const POINT: NumberStyle = NumberStyle {
        group: ',',
        decimal: '.',
    };
    /// `1.234,50`: Vietnamese.
    pub const COMMA: NumberStyle = NumberStyle {
        group: '.',
        decimal: ',',
    };
}

/// A decimal number (rate, percentage, quantity). Never a float.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Dec(pub Decimal);

/// Why typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NumberError {
    #[error("not a number")]
    Invalid,
    /// Marks placed as the reader's language would not place them (`1,50` in English).
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

    /// Parses what a person typed in a language that writes numbers in `style`: in English,
    /// Thai and Chinese `1,234.50` (and `2,800`, `0.035`); in Vietnamese `1.234,50` (and
    /// `2.800`, `0,035`). Spaces may group digits too. What reads otherwise in that language —
    /// a group that is not three digits (`1,50` in English), the other language's decimal mark
    /// after a group (`1.234,50` in English) — is refused as ambiguous, never guessed.
    pub fn parse_in(text: &str, style: NumberStyle) -> Result<Dec, NumberError> {
        let cleaned: String = text
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_'))
            .collect();
        let (negative, digits) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.strip_prefix('+').unwrap_or(&cleaned)),
        };
        if digits.is_empty()
            || !digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            return Err(NumberError::Invalid);
        }
        let (int, frac) = match digits.rfind(style.decimal) {
            Some(at) => (&digits[..at], Some(&digits[at + 1..])),
            None => (digits, None),
        };
        if frac.is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit())) {
            // `1.234,50` in English: the other language's decimal mark, or a stray mark.
            return Err(if frac.is_some_and(|f| f.contains(style.group)) {
                NumberError::Ambiguous
            } else {
                NumberError::Invalid
            });
        }
        if int.is_empty() {
            return Err(NumberError::Invalid);
        }
        if int.contains(style.decimal) {
            // `1.234.567` in English: a decimal mark cannot come twice.
            return Err(NumberError::Ambiguous);
        }
        let int = if int.contains(style.group) {
            thousands(int, style.group).map_err(|_| NumberError::Ambiguous)?
        } else {
            int.to_owned()
        };
        let plain = match frac {
            Some(frac) => format!("{int}.{frac}"),
            None => int,
        };
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

    fn en(s: &str) -> Result<String, NumberError> {
        Dec::parse_in(s, NumberStyle::POINT).map(|d| d.canonical())
    }

    fn vi(s: &str) -> Result<String, NumberError> {
        Dec::parse_in(s, NumberStyle::COMMA).map(|d| d.canonical())
    }

    #[test]
    fn numbers_are_read_the_way_the_language_writes_them() {
        assert_eq!(en("2,800"), Ok("2800".into()));
        assert_eq!(en("2,800.00"), Ok("2800".into()));
        assert_eq!(en("1,234.50"), Ok("1234.5".into()));
        assert_eq!(en("1 234.5"), Ok("1234.5".into()));
        assert_eq!(en("0.035"), Ok("0.035".into()));
        assert_eq!(en("1.085"), Ok("1.085".into()));
        assert_eq!(en("2,500,000"), Ok("2500000".into()));
        assert_eq!(en("-12"), Ok("-12".into()));
        assert_eq!(vi("2.800"), Ok("2800".into()));
        assert_eq!(vi("1.234,50"), Ok("1234.5".into()));
        assert_eq!(vi("1 234,5"), Ok("1234.5".into()));
        assert_eq!(vi("0,035"), Ok("0.035".into()));
        assert_eq!(vi("1,5"), Ok("1.5".into()));
        assert_eq!(vi("2.500.000"), Ok("2500000".into()));
    }

    #[test]
    fn what_reads_otherwise_in_the_language_is_refused_not_guessed() {
        // Groups that are not of three digits, or the other language's decimal mark.
        assert_eq!(en("1,50"), Err(NumberError::Ambiguous));
        assert_eq!(en("1.234,50"), Err(NumberError::Ambiguous));
        assert_eq!(en("1.234.567"), Err(NumberError::Ambiguous));
        assert_eq!(en("1,23,4"), Err(NumberError::Ambiguous));
        assert_eq!(vi("35.1"), Err(NumberError::Ambiguous));
        assert_eq!(vi("2,800.00"), Err(NumberError::Ambiguous));
        assert_eq!(en("12a"), Err(NumberError::Invalid));
        assert_eq!(en(""), Err(NumberError::Invalid));
        assert_eq!(en("."), Err(NumberError::Invalid));
        assert_eq!(en("5."), Err(NumberError::Invalid));
        assert_eq!(en(".5"), Err(NumberError::Invalid));
        assert_eq!(vi("-"), Err(NumberError::Invalid));
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
            Dec::parse_canonical("2.345")?.round_half_up(2).canonical(),
            "2.35"
        );
        assert_eq!(
            Dec::parse_canonical("-2.345")?.round_half_up(2).canonical(),
            "-2.35"
        );
        assert_eq!(
            Dec::parse_canonical("2.344")?.round_half_up(2).canonical(),
            "2.34"
        );
        Ok(())
    }
}
