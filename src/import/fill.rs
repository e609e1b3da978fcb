//! What a row's record gets from its cells: for a stored record a blank cell keeps the stored
//! value and the clear marker removes it; a new record gets the cell's value, or none (or its
//! default). Every field that changes, or that a new record gets, is noted on the row's
//! [`Outcome`] with its value typed, so that the preview shows it in the reader's format.
//!
//! `before` is the stored record's value, `None` for a new record.

use super::reader::{CLEAR, Cell, cell_error};
use super::{Outcome, Value};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::message::key;
use crate::domain::money::Money;

/// Fills a record's fields from a row, noting changes and refusals on its outcome.
pub struct Fill<'o> {
    pub out: &'o mut Outcome,
}

/// An amount's currency: the stored record's and the one it ends with. An amount kept from a
/// stored record is in the stored currency, so a change of currency needs the amount again.
#[derive(Debug, Clone, Copy)]
pub struct Currencies {
    pub before: Option<Currency>,
    pub after: Currency,
}

impl Fill<'_> {
    pub fn new(out: &mut Outcome) -> Fill<'_> {
        Fill { out }
    }

    /// The value from a cell: its own, the stored one when blank, `cleared` when it holds the
    /// clear marker; `None` with the row's error when the field needs a value it did not get.
    fn merge<T: Clone>(
        &mut self,
        column: &'static str,
        before: Option<&T>,
        cell: Cell<T>,
        cleared: Option<T>,
    ) -> Option<T> {
        match cell {
            Cell::Set(v) => Some(v),
            Cell::Refused => None,
            Cell::Keep => match (before, cleared) {
                (Some(b), _) => Some(b.clone()),
                (None, Some(empty)) => Some(empty),
                (None, None) => {
                    self.out
                        .error(cell_error(key("imports-error-required"), column, ""));
                    None
                }
            },
            Cell::Clear => match cleared {
                Some(empty) => Some(empty),
                None => {
                    self.out
                        .error(cell_error(key("imports-error-no-clear"), column, CLEAR));
                    None
                }
            },
        }
    }

    fn note<T>(
        &mut self,
        column: &'static str,
        before: Option<&T>,
        after: &T,
        show: impl Fn(&T) -> Value,
    ) {
        self.out.change(column, before.map(&show), show(after));
    }

    /// A value the marker sets to `cleared` (an empty text, no languages); blank keeps.
    pub fn clearable<T: Clone>(
        &mut self,
        column: &'static str,
        before: Option<&T>,
        cell: Cell<T>,
        cleared: T,
        show: impl Fn(&T) -> Value,
    ) -> Option<T> {
        let after = self.merge(column, before, cell, Some(cleared))?;
        self.note(column, before, &after, show);
        Some(after)
    }

    /// Text that may be empty: blank keeps, the marker empties.
    pub fn text(
        &mut self,
        column: &'static str,
        before: Option<&String>,
        cell: Cell<String>,
    ) -> Option<String> {
        self.clearable(column, before, cell, String::new(), |t| Value::text(t))
    }

    /// A value every record has: a new record needs it, a stored one keeps it when blank, and
    /// it cannot be cleared.
    pub fn required<T: Clone>(
        &mut self,
        column: &'static str,
        before: Option<&T>,
        cell: Cell<T>,
        show: impl Fn(&T) -> Value,
    ) -> Option<T> {
        let after = self.merge(column, before, cell, None)?;
        self.note(column, before, &after, show);
        Some(after)
    }

    /// A value every record has, `default` for a new record that leaves it blank; it cannot
    /// be cleared.
    pub fn defaulted<T: Clone>(
        &mut self,
        column: &'static str,
        before: Option<&T>,
        cell: Cell<T>,
        default: T,
        show: impl Fn(&T) -> Value,
    ) -> Option<T> {
        let cell = match (cell, before) {
            (Cell::Keep, None) => Cell::Set(default),
            (cell, _) => cell,
        };
        self.required(column, before, cell, show)
    }

    /// A value a record may lack: blank keeps, the marker removes it.
    pub fn optional<T: Clone>(
        &mut self,
        column: &'static str,
        before: Option<&Option<T>>,
        cell: Cell<T>,
        show: impl Fn(&T) -> Value,
    ) -> Option<Option<T>> {
        let after = self.merge(column, before, cell.map(Some), Some(None))?;
        self.note(column, before, &after, |v| {
            v.as_ref().map_or(Value::Empty, &show)
        });
        Some(after)
    }

    /// An amount typed in `currency`: refused when it has more decimals than the currency.
    pub fn money(
        &mut self,
        column: &'static str,
        cell: Cell<Dec>,
        currency: Currency,
    ) -> Cell<Money> {
        let value = match cell.into_value() {
            Ok(v) => v,
            Err(other) => return other,
        };
        match Money::from_dec(value, currency) {
            Ok(m) => Cell::Set(m),
            Err(_) => {
                self.out.error(cell_error(
                    key("imports-error-too-precise"),
                    column,
                    &value.canonical(),
                ));
                Cell::Refused
            }
        }
    }

    /// A blank amount of a stored record whose currency changes: kept, it would silently mean
    /// another sum, so the row must give it again.
    fn kept_in_old_currency(
        &mut self,
        column: &'static str,
        cell: &Cell<Dec>,
        stored: bool,
        currencies: Currencies,
    ) -> bool {
        let Some(old) = currencies.before else {
            return false;
        };
        if cell.is_keep() && stored && old != currencies.after {
            self.out.error(
                cell_error(key("imports-error-amount-currency"), column, "")
                    .arg("before", old.code())
                    .arg("after", currencies.after.code()),
            );
            return true;
        }
        false
    }

    /// An amount every record has, in minor units of the record's currency.
    pub fn amount(
        &mut self,
        column: &'static str,
        before: Option<&i64>,
        cell: Cell<Dec>,
        currencies: Currencies,
    ) -> Option<i64> {
        if self.kept_in_old_currency(column, &cell, before.is_some(), currencies) {
            return None;
        }
        let cell = self.money(column, cell, currencies.after).map(|m| m.minor);
        let currency = currencies.after;
        self.required(column, before, cell, |m| Value::money(*m, currency))
    }

    /// An amount a record may lack, in minor units of the record's currency.
    pub fn optional_amount(
        &mut self,
        column: &'static str,
        before: Option<&Option<i64>>,
        cell: Cell<Dec>,
        currencies: Currencies,
    ) -> Option<Option<i64>> {
        let stored = before.is_some_and(Option::is_some);
        if self.kept_in_old_currency(column, &cell, stored, currencies) {
            return None;
        }
        let cell = self.money(column, cell, currencies.after).map(|m| m.minor);
        let currency = currencies.after;
        self.optional(column, before, cell, |m| Value::money(*m, currency))
    }
}
