//! Client-agency sheets: one row per agency, matched by name. A blank cell keeps what the
//! agency has (its credit terms, contact...); the clear marker removes what may be removed.

use diesel::QueryResult;

use super::fill::{Currencies, Fill};
use super::reader::RowReader;
use super::sheet::{CellKind, Column, RowCells};
use super::{Outcome, Reading, Value, archived_error};
use crate::db::AnyConnection;
use crate::db::master::agencies::{self, AgencyData};
use crate::domain::currency::COMMON;
use crate::domain::master::guides::Language;
use crate::domain::message::key;

pub const COLUMNS: &[Column] = &[
    Column::keyed(
        "name",
        key("agencies-col-name"),
        CellKind::Text,
        "Shanghai Sunshine Travel",
    ),
    Column::optional(
        "country",
        key("suppliers-col-country"),
        CellKind::Text,
        "China",
    ),
    Column::optional(
        "market",
        key("agencies-col-market"),
        CellKind::Text,
        "China",
    ),
    Column::required(
        "language",
        key("agencies-col-language"),
        CellKind::Text,
        "zh-CN",
    )
    .with_choices(&Language::DOCUMENT_TAGS),
    Column::required(
        "currency",
        key("suppliers-col-currency"),
        CellKind::Text,
        "USD",
    )
    .with_choices(&COMMON),
    Column::required(
        "credit_days",
        key("agencies-credit-days"),
        CellKind::Number,
        "30",
    ),
    Column::required(
        "credit_limit",
        key("agencies-credit-limit"),
        CellKind::Number,
        "50000",
    ),
    Column::optional(
        "contact_name",
        key("suppliers-col-contact"),
        CellKind::Text,
        "Li Wei",
    ),
    Column::optional(
        "phone",
        key("suppliers-phone"),
        CellKind::Text,
        "+86 21 5555 0101",
    ),
    Column::optional(
        "email",
        key("suppliers-email"),
        CellKind::Text,
        "ops@example.cn",
    ),
];

pub fn apply(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let name = r.key_text("name", key("agencies-col-name"), 200);
    let country = r.text("country", key("suppliers-col-country"), 100);
    let market = r.text("market", key("agencies-col-market"), 100);
    let languages: Vec<(&'static str, &'static str, Language)> = Language::DOCUMENTS
        .iter()
        .map(|l| (l.document_tag(), crate::i18n::language_key(*l), *l))
        .collect();
    let language = r.choice("language", key("agencies-col-language"), &languages);
    let currency = r.currency("currency", key("suppliers-col-currency"));
    let credit_days = r
        .integer("credit_days", key("agencies-credit-days"), 0, 365)
        .map(|d| d as i32);
    let credit_limit = r.decimal("credit_limit", key("agencies-credit-limit"));
    let contact_name = r.text("contact_name", key("suppliers-col-contact"), 200);
    let phone = r.text("phone", key("suppliers-phone"), 100);
    let email = r.email("email", key("suppliers-email"));
    let mut out = Outcome::new(row, row.get("name").to_owned());
    out.errors = std::mem::take(&mut r.errors);
    let Some(name) = name else {
        return Ok(out.finish(false));
    };
    let found = agencies::find_by_name(conn, &name)?;
    if let Some(a) = found.as_ref().filter(|a| a.archived) {
        out.error(archived_error(&a.data.name));
        return Ok(out.finish(false));
    }
    let before = found.as_ref().map(|a| &a.data);
    let mut fill = Fill::new(&mut out);
    let country = fill.text(
        key("suppliers-col-country"),
        before.map(|b| &b.country),
        country,
    );
    let market = fill.text(
        key("agencies-col-market"),
        before.map(|b| &b.market),
        market,
    );
    let language = fill.required(
        key("agencies-col-language"),
        before.map(|b| &b.language),
        language,
        |l| Value::label(crate::i18n::language_key(*l)),
    );
    let currency = fill.required(
        key("suppliers-col-currency"),
        before.map(|b| &b.currency),
        currency,
        |c| Value::text(c.code()),
    );
    let credit_days = fill.required(
        key("agencies-credit-days"),
        before.map(|b| &b.credit_days),
        credit_days,
        |d| Value::Integer(i64::from(*d)),
    );
    let credit_limit = currency.and_then(|currency| {
        let currencies = Currencies {
            before: before.map(|b| b.currency),
            after: currency,
        };
        fill.amount(
            key("agencies-credit-limit"),
            before.map(|b| &b.credit_limit_minor),
            credit_limit,
            currencies,
        )
    });
    let contact_name = fill.text(
        key("suppliers-col-contact"),
        before.map(|b| &b.contact_name),
        contact_name,
    );
    let phone = fill.text(key("suppliers-phone"), before.map(|b| &b.phone), phone);
    let email = fill.text(key("suppliers-email"), before.map(|b| &b.email), email);
    let (
        Some(country),
        Some(market),
        Some(language),
        Some(currency),
        Some(credit_days),
        Some(credit_limit_minor),
        Some(contact_name),
        Some(phone),
        Some(email),
        false,
    ) = (
        country,
        market,
        language,
        currency,
        credit_days,
        credit_limit,
        contact_name,
        phone,
        email,
        out.has_errors(),
    )
    else {
        return Ok(out.finish(false));
    };
    let data = AgencyData {
        // A stored agency keeps its own spelling of its name.
        name: before.map_or(name, |b| b.name.clone()),
        country,
        market,
        language,
        currency,
        credit_days,
        credit_limit_minor,
        contact_name,
        phone,
        email,
        notes: before.map(|b| b.notes.clone()).unwrap_or_default(),
    };
    match found {
        None => {
            agencies::insert(conn, &data)?;
            Ok(out.finish(true))
        }
        Some(existing) => {
            if data != existing.data {
                agencies::update(conn, existing.id, &data)?;
            }
            Ok(out.finish(false))
        }
    }
}
