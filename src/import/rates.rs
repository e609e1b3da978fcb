//! Exchange-rate sheets: one row per rate, matched by its date and currency pair. A blank rate
//! or source keeps the stored one; a locked rate (one a document used) is refused as on its
//! form.

use diesel::QueryResult;

use super::fill::Fill;
use super::reader::{Cell, RowReader};
use super::sheet::{CellKind, Column, RowCells};
use super::{Outcome, Reading, Value};
use crate::db::AnyConnection;
use crate::db::master::exchange_rates::{self, RateChangeError};
use crate::domain::currency::{COMMON, Currency};
use crate::domain::fx::{self, Rate};
use crate::domain::message::{Message, Refusal, key};

pub const COLUMNS: &[Column] = &[
    Column::keyed("date", key("rates-col-date"), CellKind::Date, "2027-01-15"),
    Column::keyed("from", key("rates-col-from"), CellKind::Text, "USD").with_choices(&COMMON),
    Column::keyed("to", key("rates-col-to"), CellKind::Text, "THB").with_choices(&COMMON),
    Column::required("rate", key("rates-col-rate"), CellKind::Number, "35.125"),
    Column::optional(
        "source",
        key("rates-col-source"),
        CellKind::Text,
        "Bank of Thailand",
    ),
];

/// The message of an exchange-rate rule, for a row of the import.
fn rate_change_message(e: &RateChangeError) -> Message {
    e.refusal()
        .unwrap_or_else(|| Message::new("imports-error-database").arg("detail", e))
}

/// A currency that names the row's rate: it must be given.
fn key_currency(r: &mut RowReader<'_>, field: &str, column: &'static str) -> Option<Currency> {
    match r.currency(field, column) {
        Cell::Set(c) => Some(c),
        Cell::Keep | Cell::Clear => {
            r.errors.push(super::reader::cell_error(
                key("imports-error-required"),
                column,
                "",
            ));
            None
        }
        Cell::Refused => None,
    }
}

pub fn apply(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let date = r.key_date("date", key("rates-col-date"));
    let from = key_currency(&mut r, "from", key("rates-col-from"));
    let to = key_currency(&mut r, "to", key("rates-col-to"));
    let rate = r.decimal("rate", key("rates-col-rate"));
    let source = r.text("source", key("rates-col-source"), 200);
    if let Some(Err(e)) = rate.set().map(fx::check_rate) {
        r.errors.push(e.message());
    }
    if let (Some(from), Some(to)) = (from, to)
        && let Err(e) = fx::check_pair(from, to)
    {
        r.errors.push(e.message());
    }
    let label = format!(
        "{} {} → {}",
        row.get("date"),
        row.get("from"),
        row.get("to")
    );
    let mut out = Outcome::new(row, label);
    out.errors = std::mem::take(&mut r.errors);
    let (Some(date), Some(from), Some(to), false) = (date, from, to, out.has_errors()) else {
        return Ok(out.finish(false));
    };
    let existing = exchange_rates::find_exact(conn, from, to, date)?;
    let before = existing.as_ref().map(|e| &e.rate);
    let mut fill = Fill::new(&mut out);
    if existing.is_none() {
        // A new rate's date, as the preview shows it.
        fill.out
            .change(key("rates-col-date"), None, Value::Date(date));
    }
    let rate = fill.required(key("rates-col-rate"), before.map(|b| &b.rate), rate, |d| {
        Value::Number(d.canonical())
    });
    let source = fill.text(key("rates-col-source"), before.map(|b| &b.source), source);
    let (Some(rate), Some(source)) = (rate, source) else {
        return Ok(out.finish(false));
    };
    let new = Rate {
        date,
        from,
        to,
        rate,
        source,
    };
    match existing {
        None => match exchange_rates::create(conn, &new) {
            Ok(_) => Ok(out.finish(true)),
            Err(RateChangeError::Db(e)) => Err(e),
            Err(refused) => {
                out.error(rate_change_message(&refused));
                Ok(out.finish(false))
            }
        },
        Some(existing) => {
            if existing.rate != new {
                match exchange_rates::change(conn, existing.id, &new) {
                    Ok(_) => {}
                    Err(RateChangeError::Db(e)) => return Err(e),
                    Err(refused) => out.error(rate_change_message(&refused)),
                }
            }
            Ok(out.finish(false))
        }
    }
}
