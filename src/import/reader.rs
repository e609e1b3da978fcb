//! Reading one row's cells into typed values, with the same rules and limits as the forms.
//!
//! Every cell says one of three things about its field: nothing (blank: a stored record keeps
//! its value), "clear it" (the marker [`CLEAR`]), or a value. [`Cell`] keeps the three apart
//! until the row's record is known; `fill` then decides what the record gets.

use chrono::NaiveDate;

use super::Reading;
use super::sheet::{RowCells, normalize_header};
use crate::domain::currency::Currency;
use crate::domain::decimal::{Dec, NumberError, NumberStyle};
use crate::domain::email::Email;
use crate::domain::locale::Locale;
use crate::domain::message::{Message, key};
use crate::i18n::I18n;

/// The clear marker: a cell holding only this removes the stored value. A blank cell keeps it.
/// The same in text, number and date columns (in a number or date column it is a text cell);
/// `0` is a number like any other, never a clear.
pub const CLEAR: &str = "-";

/// What a cell says about its field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell<T> {
    /// Blank: a stored record keeps its value; a new one gets none (or its default).
    Keep,
    /// The clear marker: the value is removed.
    Clear,
    Set(T),
    /// The cell could not be read; its error is already on the row.
    Refused,
}

impl<T> Cell<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Cell<U> {
        match self {
            Cell::Keep => Cell::Keep,
            Cell::Clear => Cell::Clear,
            Cell::Set(v) => Cell::Set(f(v)),
            Cell::Refused => Cell::Refused,
        }
    }

    /// The value, or what the cell says instead (as a cell of any type).
    pub fn into_value<U>(self) -> Result<T, Cell<U>> {
        match self {
            Cell::Set(v) => Ok(v),
            Cell::Keep => Err(Cell::Keep),
            Cell::Clear => Err(Cell::Clear),
            Cell::Refused => Err(Cell::Refused),
        }
    }

    pub fn set(&self) -> Option<&T> {
        match self {
            Cell::Set(v) => Some(v),
            _ => None,
        }
    }

    pub fn is_keep(&self) -> bool {
        matches!(self, Cell::Keep)
    }
}

/// Reads a row's fields into [`Cell`]s, collecting error messages with the column named.
pub struct RowReader<'a> {
    pub row: &'a RowCells,
    pub errors: Vec<Message>,
    style: NumberStyle,
    i18n: &'a I18n,
}

/// A refusal of `value` in `column` by message `id`.
pub fn cell_error(id: &'static str, column: &'static str, value: &str) -> Message {
    Message::new(id).label("column", column).arg("value", value)
}

impl<'a> RowReader<'a> {
    pub fn new(row: &'a RowCells, reading: Reading<'a>) -> RowReader<'a> {
        RowReader {
            row,
            errors: Vec::new(),
            style: reading.locale.number_style(),
            i18n: reading.i18n,
        }
    }

    fn fail(&mut self, id: &'static str, column: &'static str, value: &str) {
        self.errors.push(cell_error(id, column, value));
    }

    /// A rule refused the cell: the column and the value, and the rule's own message.
    pub fn refused(&mut self, column: &'static str, value: &str, reason: Message) {
        self.errors.push(
            Message::new("imports-error-refused")
                .label("column", column)
                .arg("value", value)
                .message("reason", reason),
        );
    }

    /// The cell as it is: blank, the clear marker, an Excel error (refused) or its text.
    fn raw(&mut self, field: &str, column: &'static str) -> Cell<String> {
        match self.row.get(field) {
            "" => Cell::Keep,
            CLEAR => Cell::Clear,
            "#ERROR" => {
                self.fail(key("imports-error-cell"), column, "#ERROR");
                Cell::Refused
            }
            v => Cell::Set(v.to_owned()),
        }
    }

    /// The text of a cell that holds a value, or what the cell says instead.
    fn value<U>(&mut self, field: &str, column: &'static str) -> Result<String, Cell<U>> {
        self.raw(field, column).into_value()
    }

    fn checked_text(
        &mut self,
        field: &str,
        column: &'static str,
        max: usize,
        multi_line: bool,
    ) -> Cell<String> {
        let cell = self.raw(field, column);
        let Cell::Set(v) = &cell else {
            return cell;
        };
        if v.chars().count() > max {
            self.fail(key("imports-error-too-long"), column, "");
            Cell::Refused
        } else if crate::domain::text::has_forbidden_control(v, multi_line) {
            self.fail(key("imports-error-control-character"), column, "");
            Cell::Refused
        } else {
            cell
        }
    }

    /// One-line text of at most `max` characters, the length the form allows.
    pub fn text(&mut self, field: &str, column: &'static str, max: usize) -> Cell<String> {
        self.checked_text(field, column, max, false)
    }

    /// Text that may hold line breaks (an address), of at most `max` characters.
    pub fn multi_line(&mut self, field: &str, column: &'static str, max: usize) -> Cell<String> {
        self.checked_text(field, column, max, true)
    }

    /// Text that names the row's record (a hotel's name): it must be given, and cannot be
    /// cleared.
    pub fn key_text(&mut self, field: &str, column: &'static str, max: usize) -> Option<String> {
        match self.text(field, column, max) {
            Cell::Set(v) => Some(v),
            Cell::Keep => {
                self.fail(key("imports-error-required"), column, "");
                None
            }
            Cell::Clear => {
                self.fail(key("imports-error-key-clear"), column, CLEAR);
                None
            }
            Cell::Refused => None,
        }
    }

    /// An e-mail address, lower-cased; refused as the forms refuse it.
    pub fn email(&mut self, field: &str, column: &'static str) -> Cell<String> {
        let cell = self.text(field, column, 254);
        let Cell::Set(v) = &cell else {
            return cell;
        };
        match Email::parse(v) {
            Ok(email) => Cell::Set(email.to_string()),
            Err(e) => {
                let v = v.clone();
                self.refused(column, &v, e.message());
                Cell::Refused
            }
        }
    }

    pub fn currency(&mut self, field: &str, column: &'static str) -> Cell<Currency> {
        let v = match self.value(field, column) {
            Ok(v) => v,
            Err(other) => return other,
        };
        match Currency::parse(&v) {
            Ok(c) => Cell::Set(c),
            Err(_) => {
                self.fail(key("imports-error-currency"), column, &v);
                Cell::Refused
            }
        }
    }

    pub fn date(&mut self, field: &str, column: &'static str) -> Cell<NaiveDate> {
        let v = match self.value(field, column) {
            Ok(v) => v,
            Err(other) => return other,
        };
        match NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
            Ok(d) if crate::domain::calendar::in_range(d) => Cell::Set(d),
            Ok(_) => {
                self.fail(key("imports-error-date-range"), column, &v);
                Cell::Refused
            }
            Err(_) => {
                self.fail(key("imports-error-date"), column, &v);
                Cell::Refused
            }
        }
    }

    /// A date that names the row's record (a season's first night): it must be given.
    pub fn key_date(&mut self, field: &str, column: &'static str) -> Option<NaiveDate> {
        match self.date(field, column) {
            Cell::Set(d) => Some(d),
            Cell::Keep => {
                self.fail(key("imports-error-required"), column, "");
                None
            }
            Cell::Clear => {
                self.fail(key("imports-error-key-clear"), column, CLEAR);
                None
            }
            Cell::Refused => None,
        }
    }

    /// A number that is not negative: a number cell as it is, a text cell as the uploader's
    /// language writes numbers.
    pub fn decimal(&mut self, field: &str, column: &'static str) -> Cell<Dec> {
        let v = match self.value(field, column) {
            Ok(v) => v,
            Err(other) => return other,
        };
        let parsed = if self.row.is_numeric(field) {
            Dec::parse_canonical(&v)
        } else {
            Dec::parse_in(&v, self.style)
        };
        match parsed {
            Ok(d) if d.is_negative() => {
                self.fail(key("imports-error-negative"), column, &v);
                Cell::Refused
            }
            Ok(d) => Cell::Set(d),
            Err(NumberError::Ambiguous) => {
                self.fail(key("imports-error-ambiguous"), column, &v);
                Cell::Refused
            }
            Err(_) => {
                self.fail(key("imports-error-number"), column, &v);
                Cell::Refused
            }
        }
    }

    /// A whole number within `min..=max`, the range the form allows.
    pub fn integer(&mut self, field: &str, column: &'static str, min: i64, max: i64) -> Cell<i64> {
        let v = match self.value(field, column) {
            Ok(v) => v,
            Err(other) => return other,
        };
        match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Cell::Set(n),
            _ => {
                self.errors.push(
                    cell_error(key("imports-error-range"), column, &v)
                        .arg("min", min)
                        .arg("max", max),
                );
                Cell::Refused
            }
        }
    }

    /// One of `choices` (its value, the text a cell may hold, and the label's message id),
    /// matched by its value or by its label in any language, ignoring case and spacing.
    pub fn choice<T: Copy>(
        &mut self,
        field: &str,
        column: &'static str,
        choices: &[(&'static str, &'static str, T)],
    ) -> Cell<T> {
        let v = match self.value(field, column) {
            Ok(v) => v,
            Err(other) => return other,
        };
        let wanted = normalize_header(&v);
        let found = choices.iter().find(|(text, label, _)| {
            normalize_header(text) == wanted
                || Locale::ALL
                    .iter()
                    .any(|l| normalize_header(&self.i18n.t(*l, label, &[])) == wanted)
        });
        match found {
            Some((_, _, value)) => Cell::Set(*value),
            None => {
                self.fail(key("imports-error-choice"), column, &v);
                Cell::Refused
            }
        }
    }
}
