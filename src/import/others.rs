//! Guide, client-agency and exchange-rate sheets: one row per guide, agency or rate.

use diesel::QueryResult;

use super::sheet::{CellKind, Column, RowCells};
use super::{Outcome, Reading, RowReader};
use crate::db::AnyConnection;
use crate::db::master::agencies::{self, AgencyData};
use crate::db::master::exchange_rates::{self, RateChangeError};
use crate::db::master::guides::{self, GuideData};
use crate::domain::currency::COMMON;
use crate::domain::fx::{self, Rate};
use crate::domain::master::guides::{Language, LanguageLevel};
use crate::domain::message::{Message, Refusal, key};
use crate::domain::money::Money;

const fn col(
    field: &'static str,
    label: &'static str,
    cell: CellKind,
    required: bool,
    example: &'static str,
) -> Column {
    Column {
        field,
        label,
        cell,
        required,
        example,
        choices: &[],
    }
}

pub const GUIDE_COLUMNS: &[Column] = &[
    col(
        "name",
        key("guides-col-name"),
        CellKind::Text,
        true,
        "Somchai Jaidee",
    ),
    col(
        "local_name",
        key("suppliers-local-name"),
        CellKind::Text,
        false,
        "สมชาย ใจดี",
    ),
    col(
        "phone",
        key("suppliers-phone"),
        CellKind::Text,
        false,
        "+66 81 234 5678",
    ),
    col(
        "email",
        key("suppliers-email"),
        CellKind::Text,
        false,
        "somchai@example.com",
    ),
    col(
        "licence_number",
        key("guides-licence-number"),
        CellKind::Text,
        false,
        "11-01234",
    ),
    col(
        "licence_expires_on",
        key("guides-licence-expires"),
        CellKind::Date,
        false,
        "2028-06-30",
    ),
    col(
        "languages",
        key("guides-col-languages"),
        CellKind::Text,
        false,
        "zh:native, en:fluent",
    ),
    col(
        "daily_fee",
        key("guides-col-fee"),
        CellKind::Number,
        true,
        "2500",
    ),
    Column {
        choices: &COMMON,
        ..col(
            "currency",
            key("suppliers-col-currency"),
            CellKind::Text,
            true,
            "THB",
        )
    },
    Column {
        choices: &["yes", "no"],
        ..col("active", key("guides-active"), CellKind::Text, false, "yes")
    },
];

pub const AGENCY_COLUMNS: &[Column] = &[
    col(
        "name",
        key("agencies-col-name"),
        CellKind::Text,
        true,
        "Shanghai Sunshine Travel",
    ),
    col(
        "country",
        key("suppliers-col-country"),
        CellKind::Text,
        false,
        "China",
    ),
    col(
        "market",
        key("agencies-col-market"),
        CellKind::Text,
        false,
        "China",
    ),
    Column {
        choices: &Language::DOCUMENT_TAGS,
        ..col(
            "language",
            key("agencies-col-language"),
            CellKind::Text,
            true,
            "zh-CN",
        )
    },
    Column {
        choices: &COMMON,
        ..col(
            "currency",
            key("suppliers-col-currency"),
            CellKind::Text,
            true,
            "USD",
        )
    },
    col(
        "credit_days",
        key("agencies-credit-days"),
        CellKind::Number,
        true,
        "30",
    ),
    col(
        "credit_limit",
        key("agencies-credit-limit"),
        CellKind::Number,
        true,
        "50000",
    ),
    col(
        "contact_name",
        key("suppliers-col-contact"),
        CellKind::Text,
        false,
        "Li Wei",
    ),
    col(
        "phone",
        key("suppliers-phone"),
        CellKind::Text,
        false,
        "+86 21 5555 0101",
    ),
    col(
        "email",
        key("suppliers-email"),
        CellKind::Text,
        false,
        "ops@example.cn",
    ),
];

pub const RATE_COLUMNS: &[Column] = &[
    col(
        "date",
        key("rates-col-date"),
        CellKind::Date,
        true,
        "2027-01-15",
    ),
    Column {
        choices: &COMMON,
        ..col("from", key("rates-col-from"), CellKind::Text, true, "USD")
    },
    Column {
        choices: &COMMON,
        ..col("to", key("rates-col-to"), CellKind::Text, true, "THB")
    },
    col(
        "rate",
        key("rates-col-rate"),
        CellKind::Number,
        true,
        "35.125",
    ),
    col(
        "source",
        key("rates-col-source"),
        CellKind::Text,
        false,
        "Bank of Thailand",
    ),
];

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

fn languages_text(langs: &[(Language, LanguageLevel)]) -> String {
    langs
        .iter()
        .map(|(l, v)| format!("{}:{}", l.code(), v.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn money_text(minor: i64, currency: crate::domain::currency::Currency) -> String {
    format!("{} {}", Money::new(minor, currency).amount_text(), currency)
}

pub fn apply_guide(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let name = r.text("name", key("guides-col-name"), true);
    let local_name = r.text("local_name", key("suppliers-local-name"), false);
    let phone = r.text("phone", key("suppliers-phone"), false);
    let email = r.email("email", key("suppliers-email"));
    let licence_number = r.text("licence_number", key("guides-licence-number"), false);
    let licence_expires_on = r.date("licence_expires_on", key("guides-licence-expires"), false);
    let currency = r.currency("currency", key("suppliers-col-currency"));
    let fee = r.money("daily_fee", key("guides-col-fee"), currency, true);
    let active = r
        .choice(
            "active",
            key("guides-active"),
            reading.i18n,
            &[("yes", key("imports-yes")), ("no", key("imports-no"))],
            false,
        )
        .is_none_or(|v| v == "yes");
    let languages_raw = r.text("languages", key("guides-col-languages"), false);
    let languages = match parse_languages(&languages_raw) {
        Ok(l) => l,
        Err(bad) => {
            r.errors
                .push(Message::new("imports-error-languages").arg("value", bad));
            Vec::new()
        }
    };
    let mut out = Outcome::new(row, name.clone());
    out.errors = std::mem::take(&mut r.errors);
    let (Some(currency), Some(fee), true) = (currency, fee, out.errors.is_empty()) else {
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
        notes: String::new(),
        languages,
    };
    match guides::find_for_import(conn, &data.licence_number, &data.name)? {
        None => {
            out.change(
                key("guides-col-languages"),
                String::new(),
                languages_text(&data.languages),
            );
            out.change(
                key("guides-col-fee"),
                String::new(),
                money_text(data.daily_fee.minor, data.daily_fee.currency),
            );
            guides::insert(conn, &data)?;
            Ok(out.finish(true))
        }
        Some(existing) => {
            let before = &existing.data;
            let mut data = data;
            data.notes = before.notes.clone();
            out.change(
                key("guides-col-name"),
                before.name.clone(),
                data.name.clone(),
            );
            out.change(
                key("suppliers-local-name"),
                before.local_name.clone(),
                data.local_name.clone(),
            );
            out.change(
                key("suppliers-phone"),
                before.phone.clone(),
                data.phone.clone(),
            );
            out.change(
                key("suppliers-email"),
                before.email.clone(),
                data.email.clone(),
            );
            out.change(
                key("guides-licence-number"),
                before.licence_number.clone(),
                data.licence_number.clone(),
            );
            out.change(
                key("guides-licence-expires"),
                before
                    .licence_expires_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                data.licence_expires_on
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            );
            out.change(
                key("guides-col-languages"),
                languages_text(&before.languages),
                languages_text(&data.languages),
            );
            out.change(
                key("guides-col-fee"),
                money_text(before.daily_fee.minor, before.daily_fee.currency),
                money_text(data.daily_fee.minor, data.daily_fee.currency),
            );
            out.change(
                key("guides-active"),
                before.active.to_string(),
                data.active.to_string(),
            );
            if !out.changes.is_empty() {
                guides::update(conn, existing.id, &data)?;
            }
            Ok(out.finish(false))
        }
    }
}

pub fn apply_agency(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let name = r.text("name", key("agencies-col-name"), true);
    let country = r.text("country", key("suppliers-col-country"), false);
    let market = r.text("market", key("agencies-col-market"), false);
    let languages: Vec<(&'static str, &'static str)> = Language::DOCUMENTS
        .iter()
        .map(|l| (l.document_tag(), crate::i18n::language_key(*l)))
        .collect();
    let language = r
        .choice(
            "language",
            key("agencies-col-language"),
            reading.i18n,
            &languages,
            true,
        )
        .and_then(Language::parse);
    let currency = r.currency("currency", key("suppliers-col-currency"));
    let credit_days = r.integer("credit_days", key("agencies-credit-days"), 0, 365);
    if credit_days.is_none() && row.get("credit_days").is_empty() {
        r.errors.push(
            Message::new("imports-error-required")
                .label("column", key("agencies-credit-days"))
                .arg("value", ""),
        );
    }
    let credit_limit = r.money("credit_limit", key("agencies-credit-limit"), currency, true);
    let contact_name = r.text("contact_name", key("suppliers-col-contact"), false);
    let phone = r.text("phone", key("suppliers-phone"), false);
    let email = r.email("email", key("suppliers-email"));
    let mut out = Outcome::new(row, name.clone());
    out.errors = std::mem::take(&mut r.errors);
    let (Some(language), Some(currency), Some(days), Some(limit), true) = (
        language,
        currency,
        credit_days,
        credit_limit,
        out.errors.is_empty(),
    ) else {
        return Ok(out.finish(false));
    };
    let mut data = AgencyData {
        name,
        country,
        market,
        language,
        currency,
        credit_days: days as i32,
        credit_limit_minor: limit,
        contact_name,
        phone,
        email,
        notes: String::new(),
    };
    match agencies::find_by_name(conn, &data.name)? {
        None => {
            out.change(
                key("agencies-col-market"),
                String::new(),
                data.market.clone(),
            );
            out.change(
                key("agencies-credit-limit"),
                String::new(),
                money_text(data.credit_limit_minor, data.currency),
            );
            agencies::insert(conn, &data)?;
            Ok(out.finish(true))
        }
        Some(existing) => {
            let b = &existing.data;
            data.notes = b.notes.clone();
            data.name = b.name.clone();
            out.change(
                key("suppliers-col-country"),
                b.country.clone(),
                data.country.clone(),
            );
            out.change(
                key("agencies-col-market"),
                b.market.clone(),
                data.market.clone(),
            );
            out.change(
                key("agencies-col-language"),
                b.language.document_tag().to_owned(),
                data.language.document_tag().to_owned(),
            );
            out.change(
                key("agencies-credit-days"),
                b.credit_days.to_string(),
                data.credit_days.to_string(),
            );
            out.change(
                key("agencies-credit-limit"),
                money_text(b.credit_limit_minor, b.currency),
                money_text(data.credit_limit_minor, data.currency),
            );
            out.change(
                key("suppliers-col-contact"),
                b.contact_name.clone(),
                data.contact_name.clone(),
            );
            out.change(key("suppliers-phone"), b.phone.clone(), data.phone.clone());
            out.change(key("suppliers-email"), b.email.clone(), data.email.clone());
            if !out.changes.is_empty() {
                agencies::update(conn, existing.id, &data)?;
            }
            Ok(out.finish(false))
        }
    }
}

/// The message of an exchange-rate rule, for a row of the import.
fn rate_change_message(e: &RateChangeError) -> Message {
    e.refusal()
        .unwrap_or_else(|| Message::new("imports-error-database").arg("detail", e))
}

pub fn apply_rate(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let date = r.date("date", key("rates-col-date"), true);
    let from = r.currency("from", key("rates-col-from"));
    let to = r.currency("to", key("rates-col-to"));
    let rate = r.decimal("rate", key("rates-col-rate"), true);
    let source = r.text("source", key("rates-col-source"), false);
    if let Some(Err(e)) = rate.as_ref().map(fx::check_rate) {
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
    let (Some(date), Some(from), Some(to), Some(rate), true) =
        (date, from, to, rate, out.errors.is_empty())
    else {
        return Ok(out.finish(false));
    };
    let new = Rate {
        date,
        from,
        to,
        rate,
        source,
    };
    match exchange_rates::find_exact(conn, from, to, date)? {
        None => {
            out.change(key("rates-col-rate"), String::new(), new.rate.canonical());
            match exchange_rates::create(conn, &new) {
                Ok(_) => Ok(out.finish(true)),
                Err(RateChangeError::Db(e)) => Err(e),
                Err(refused) => {
                    out.error(rate_change_message(&refused));
                    Ok(out.finish(false))
                }
            }
        }
        Some(existing) => {
            out.change(
                key("rates-col-rate"),
                existing.rate.rate.canonical(),
                new.rate.canonical(),
            );
            out.change(
                key("rates-col-source"),
                existing.rate.source.clone(),
                new.source.clone(),
            );
            if !out.changes.is_empty() {
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
