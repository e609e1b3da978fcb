//! Guide sheets: one row per guide, matched by licence number, else by name. A blank cell
//! keeps what the guide has (e-mail, licence, languages...); the clear marker removes it.

use diesel::QueryResult;

use super::fill::{Currencies, Fill};
use super::reader::{Cell, RowReader};
use super::sheet::{CellKind, Column, RowCells};
use super::{Outcome, Reading, Value, archived_error};
use crate::db::AnyConnection;
use crate::db::master::guides::{self, Guide, GuideData};
use crate::domain::currency::COMMON;
use crate::domain::master::guides::{Language, LanguageLevel};
use crate::domain::message::{Message, key};
use crate::domain::money::Money;
use crate::domain::text::search_key;

pub const COLUMNS: &[Column] = &[
    Column::keyed(
        "name",
        key("guides-col-name"),
        CellKind::Text,
        "Somchai Jaidee",
    ),
    Column::optional(
        "local_name",
        key("suppliers-local-name"),
        CellKind::Text,
        "สมชาย ใจดี",
    ),
    Column::optional(
        "phone",
        key("suppliers-phone"),
        CellKind::Text,
        "+66 81 234 5678",
    ),
    Column::optional(
        "email",
        key("suppliers-email"),
        CellKind::Text,
        "somchai@example.com",
    ),
    Column::optional(
        "licence_number",
        key("guides-licence-number"),
        CellKind::Text,
        "11-01234",
    ),
    Column::optional(
        "licence_expires_on",
        key("guides-licence-expires"),
        CellKind::Date,
        "2028-06-30",
    ),
    Column::optional(
        "languages",
        key("guides-col-languages"),
        CellKind::Text,
        "zh:native, en:fluent",
    ),
    Column::required("daily_fee", key("guides-col-fee"), CellKind::Number, "2500"),
    Column::required(
        "currency",
        key("suppliers-col-currency"),
        CellKind::Text,
        "THB",
    )
    .with_choices(&COMMON),
    Column::defaulted("active", key("guides-active"), CellKind::Text, "yes")
        .with_choices(&["yes", "no"]),
];

/// Yes and no, as a cell may write them in any language.
pub const YES_NO: [(&str, &str, bool); 2] = [
    ("yes", key("imports-yes"), true),
    ("no", key("imports-no"), false),
];

pub fn yes_no(value: bool) -> Value {
    Value::label(if value {
        key("imports-yes")
    } else {
        key("imports-no")
    })
}

/// `zh:native, en:fluent` (also `zh native; en fluent`) into languages with levels.
fn parse_languages(text: &str) -> Result<Vec<(Language, LanguageLevel)>, String> {
    let mut out: Vec<(Language, LanguageLevel)> = Vec::new();
    for part in text
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (code, level) = part
            .split_once([':', ' '])
            .map(|(a, b)| (a.trim(), b.trim()))
            .unwrap_or((part, "working"));
        let level = LanguageLevel::parse(level).ok_or_else(|| part.to_owned())?;
        let language = Language::parse(code).ok_or_else(|| part.to_owned())?;
        if !out.iter().any(|(l, _)| *l == language) {
            out.push((language, level));
        }
    }
    out.sort_by_key(|(l, _)| Language::SPOKEN.iter().position(|s| s == l));
    Ok(out)
}

fn languages_value(langs: &[(Language, LanguageLevel)]) -> Value {
    Value::text(
        &langs
            .iter()
            .map(|(l, v)| format!("{}:{}", l.code(), v.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The stored guide a row names: by its licence number when the row gives one (or else by
/// name, a guide without a licence yet), by name when it gives none.
fn find(
    conn: &mut AnyConnection,
    licence: &Cell<String>,
    name: &str,
) -> QueryResult<Option<Guide>> {
    match licence.set() {
        Some(licence) => match guides::find_for_import(conn, licence, name)? {
            Some(g) => Ok(Some(g)),
            None => Ok(guides::find_for_import(conn, "", name)?
                .filter(|g| g.data.licence_number.is_empty())),
        },
        None => guides::find_for_import(conn, "", name),
    }
}

pub fn apply(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let name = r.key_text("name", key("guides-col-name"), 200);
    let local_name = r.text("local_name", key("suppliers-local-name"), 200);
    let phone = r.text("phone", key("suppliers-phone"), 100);
    let email = r.email("email", key("suppliers-email"));
    let licence_number = r.text("licence_number", key("guides-licence-number"), 100);
    let licence_expires_on = r.date("licence_expires_on", key("guides-licence-expires"));
    let currency = r.currency("currency", key("suppliers-col-currency"));
    let fee = r.decimal("daily_fee", key("guides-col-fee"));
    let active = r.choice("active", key("guides-active"), &YES_NO);
    let languages = match r
        .text("languages", key("guides-col-languages"), 500)
        .into_value()
    {
        Ok(text) => match parse_languages(&text) {
            Ok(l) => Cell::Set(l),
            Err(bad) => {
                r.errors
                    .push(Message::new("imports-error-languages").arg("value", bad));
                Cell::Refused
            }
        },
        Err(other) => other,
    };
    let mut out = Outcome::new(row, row.get("name").to_owned());
    out.errors = std::mem::take(&mut r.errors);
    let Some(name) = name else {
        return Ok(out.finish(false));
    };
    let found = find(conn, &licence_number, &name)?;
    if let Some(g) = found.as_ref().filter(|g| g.archived) {
        out.error(archived_error(&g.data.name));
        return Ok(out.finish(false));
    }
    let before = found.as_ref().map(|g| &g.data);
    let mut fill = Fill::new(&mut out);
    // Matched by name, a guide keeps its own spelling of it; matched by licence, it takes the
    // row's.
    let name = match before {
        Some(b) if search_key(&b.name) == search_key(&name) => b.name.clone(),
        _ => name,
    };
    fill.out.change(
        key("guides-col-name"),
        before.map(|b| Value::text(&b.name)),
        Value::text(&name),
    );
    let local_name = fill.text(
        key("suppliers-local-name"),
        before.map(|b| &b.local_name),
        local_name,
    );
    let phone = fill.text(key("suppliers-phone"), before.map(|b| &b.phone), phone);
    let email = fill.text(key("suppliers-email"), before.map(|b| &b.email), email);
    let licence_number = fill.text(
        key("guides-licence-number"),
        before.map(|b| &b.licence_number),
        licence_number,
    );
    let licence_expires_on = fill.optional(
        key("guides-licence-expires"),
        before.map(|b| &b.licence_expires_on),
        licence_expires_on,
        |d| Value::Date(*d),
    );
    let languages = fill.clearable(
        key("guides-col-languages"),
        before.map(|b| &b.languages),
        languages,
        Vec::new(),
        |l| languages_value(l),
    );
    let currency = fill.required(
        key("suppliers-col-currency"),
        before.map(|b| &b.daily_fee.currency),
        currency,
        |c| Value::text(c.code()),
    );
    let fee = currency.and_then(|currency| {
        let currencies = Currencies {
            before: before.map(|b| b.daily_fee.currency),
            after: currency,
        };
        fill.amount(
            key("guides-col-fee"),
            before.map(|b| &b.daily_fee.minor),
            fee,
            currencies,
        )
    });
    let active = fill.defaulted(
        key("guides-active"),
        before.map(|b| &b.active),
        active,
        true,
        |a| yes_no(*a),
    );
    let (
        Some(local_name),
        Some(phone),
        Some(email),
        Some(licence_number),
        Some(licence_expires_on),
        Some(languages),
        Some(currency),
        Some(fee),
        Some(active),
        false,
    ) = (
        local_name,
        phone,
        email,
        licence_number,
        licence_expires_on,
        languages,
        currency,
        fee,
        active,
        out.has_errors(),
    )
    else {
        return Ok(out.finish(false));
    };
    let data = GuideData {
        name,
        local_name,
        phone,
        email,
        licence_number,
        licence_expires_on,
        daily_fee: Money::new(fee, currency),
        active,
        notes: before.map(|b| b.notes.clone()).unwrap_or_default(),
        languages,
    };
    match found {
        None => {
            guides::insert(conn, &data)?;
            Ok(out.finish(true))
        }
        Some(existing) => {
            if data != existing.data {
                guides::update(conn, existing.id, &data)?;
            }
            Ok(out.finish(false))
        }
    }
}
