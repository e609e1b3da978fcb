//! Exchange rates `(date, from, to, rate, source)`.
//!
//! **Invariant:** a locked rate (one a posted journal entry used) is never changed:
//! [`change`] refuses it inside the write transaction.
//! **Invariant:** one rate per pair and day: [`create`] and [`change`] refuse a second.
//! **Invariant:** a locked rate is never deleted: [`delete`] removes a row only while it is
//! unlocked, in the one statement that reads it.
//!
//! The pages write through [`add`], [`edit`] and [`delete`], which audit the change in the
//! same transaction; the import applies a whole sheet under one audit row of its own.
//! [`latest_per_pair`] reads what the "latest rates" page summarises.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::listing::{Listing, Paged};

use crate::db::audit::{self, Actor, Change, Entity, Verb};
use crate::db::master::{currency_of, dec_of};
use crate::db::schema::exchange_rates;
use crate::db::{AnyConnection, now};
use crate::domain::currency::Currency;
use crate::domain::fx::Rate;
use crate::domain::ids::ExchangeRateId;
use crate::domain::message::{Message, Refusal};
use crate::domain::text::search_key;

#[derive(Debug, Clone)]
pub struct StoredRate {
    pub id: ExchangeRateId,
    pub rate: Rate,
    pub locked: bool,
}

/// A stored rate, as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = exchange_rates)]
struct Row {
    id: i64,
    rate_date: NaiveDate,
    from_currency: String,
    to_currency: String,
    rate: String,
    source: String,
    locked: bool,
}

impl Row {
    fn into_rate(self) -> QueryResult<StoredRate> {
        Ok(StoredRate {
            id: ExchangeRateId(self.id),
            rate: Rate {
                date: self.rate_date,
                from: currency_of(&self.from_currency)?,
                to: currency_of(&self.to_currency)?,
                rate: dec_of(&self.rate)?,
                source: self.source,
            },
            locked: self.locked,
        })
    }
}

fn insert(conn: &mut AnyConnection, rate: &Rate) -> QueryResult<i64> {
    let at = now();
    diesel::insert_into(exchange_rates::table)
        .values((
            exchange_rates::rate_date.eq(rate.date),
            exchange_rates::from_currency.eq(rate.from.code()),
            exchange_rates::to_currency.eq(rate.to.code()),
            exchange_rates::rate.eq(rate.rate.canonical()),
            exchange_rates::source.eq(&rate.source),
            exchange_rates::search_key.eq(search_key(&rate.source)),
            exchange_rates::locked.eq(false),
            exchange_rates::created_at.eq(at),
            exchange_rates::updated_at.eq(at),
        ))
        .returning(exchange_rates::id)
        .get_result(conn)
}

/// Why an exchange rate cannot be added or changed.
#[derive(Debug, thiserror::Error)]
pub enum RateChangeError {
    /// One rate per pair and day.
    #[error("a rate for this pair and date already exists")]
    Exists,
    #[error("the rate is locked: a posted journal entry uses it")]
    Locked,
    #[error("no such rate")]
    NotFound,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

impl Refusal for RateChangeError {
    fn refusal(&self) -> Option<Message> {
        match self {
            RateChangeError::Exists => Some(Message::new("rates-error-exists")),
            RateChangeError::Locked => Some(Message::new("rates-error-locked")),
            RateChangeError::NotFound
            | RateChangeError::Db(_)
            | RateChangeError::Unavailable(_) => None,
        }
    }
}

/// The unique index on pair and day is the rule broken by a concurrent writer.
fn pair_clash(e: diesel::result::Error) -> RateChangeError {
    match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => RateChangeError::Exists,
        other => RateChangeError::Db(other),
    }
}

/// Adds a rate, unless the pair already has one that day. Inside the caller's transaction.
pub fn create(conn: &mut AnyConnection, rate: &Rate) -> Result<ExchangeRateId, RateChangeError> {
    if find_exact(conn, rate.from, rate.to, rate.date)?.is_some() {
        return Err(RateChangeError::Exists);
    }
    insert(conn, rate).map(ExchangeRateId).map_err(pair_clash)
}

/// Changes rate `id`, loaded here inside the caller's transaction, unless it is locked or
/// another rate of the pair has the new date. Returns the rate as it was.
pub fn change(
    conn: &mut AnyConnection,
    id: ExchangeRateId,
    rate: &Rate,
) -> Result<StoredRate, RateChangeError> {
    let before = find(conn, id)?.ok_or(RateChangeError::NotFound)?;
    if before.locked {
        return Err(RateChangeError::Locked);
    }
    if find_exact(conn, rate.from, rate.to, rate.date)?.is_some_and(|other| other.id != id) {
        return Err(RateChangeError::Exists);
    }
    update(conn, id, rate).map_err(pair_clash)?;
    Ok(before)
}

/// The rate as the audit log keeps it.
fn audit_json(r: &Rate) -> serde_json::Value {
    serde_json::json!({
        "date": r.date, "from": r.from.code(), "to": r.to.code(),
        "rate": r.rate.canonical(), "source": r.source,
    })
}

/// Adds a rate as [`create`] does, and audits it.
pub fn add(
    conn: &mut AnyConnection,
    actor: &Actor,
    rate: &Rate,
) -> Result<ExchangeRateId, RateChangeError> {
    let id = create(conn, rate)?;
    let change = Change::create(Entity::ExchangeRate, id, audit_json(rate));
    audit::record_change(conn, actor, change)?;
    Ok(id)
}

/// Changes a rate as [`change`] does, and audits it.
pub fn edit(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: ExchangeRateId,
    rate: &Rate,
) -> Result<(), RateChangeError> {
    let before = change(conn, id, rate)?;
    let change = Change::update(
        Entity::ExchangeRate,
        id,
        audit_json(&before.rate),
        audit_json(rate),
    );
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// Deletes rate `id` unless it is locked, and audits it with the rate as it was, all in the
/// caller's transaction. The row is removed by one `DELETE … WHERE NOT locked RETURNING`, so
/// a rate locked by a concurrent posting is never removed and the audited "before" is the
/// row deleted. Returns the rate deleted.
pub fn delete(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: ExchangeRateId,
) -> Result<StoredRate, RateChangeError> {
    let deleted: Option<Row> = diesel::delete(
        exchange_rates::table
            .find(id.0)
            .filter(exchange_rates::locked.eq(false)),
    )
    .returning((
        exchange_rates::id,
        exchange_rates::rate_date,
        exchange_rates::from_currency,
        exchange_rates::to_currency,
        exchange_rates::rate,
        exchange_rates::source,
        exchange_rates::locked,
    ))
    .get_result(conn)
    .optional()?;
    let Some(row) = deleted else {
        return Err(match find(conn, id)? {
            Some(_) => RateChangeError::Locked,
            None => RateChangeError::NotFound,
        });
    };
    let before = row.into_rate()?;
    let change =
        Change::new(Entity::ExchangeRate, Verb::Delete, id).before(audit_json(&before.rate));
    audit::record_change(conn, actor, change)?;
    Ok(before)
}

/// Writes a rate's fields; [`change`] checks the rules first.
fn update(conn: &mut AnyConnection, id: ExchangeRateId, rate: &Rate) -> QueryResult<usize> {
    diesel::update(exchange_rates::table.find(id.0))
        .set((
            exchange_rates::rate_date.eq(rate.date),
            exchange_rates::from_currency.eq(rate.from.code()),
            exchange_rates::to_currency.eq(rate.to.code()),
            exchange_rates::rate.eq(rate.rate.canonical()),
            exchange_rates::source.eq(&rate.source),
            exchange_rates::search_key.eq(search_key(&rate.source)),
            exchange_rates::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn find(conn: &mut AnyConnection, id: ExchangeRateId) -> QueryResult<Option<StoredRate>> {
    exchange_rates::table
        .find(id.0)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Row::into_rate)
        .transpose()
}

/// The rate for this pair on exactly this date.
pub fn find_exact(
    conn: &mut AnyConnection,
    from: Currency,
    to: Currency,
    date: NaiveDate,
) -> QueryResult<Option<StoredRate>> {
    exchange_rates::table
        .filter(exchange_rates::from_currency.eq(from.code()))
        .filter(exchange_rates::to_currency.eq(to.code()))
        .filter(exchange_rates::rate_date.eq(date))
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Row::into_rate)
        .transpose()
}

/// The latest rate for `from → to` on or before `date` (DESIGN §4), read with one indexed query.
pub fn latest_on_or_before(
    conn: &mut AnyConnection,
    from: Currency,
    to: Currency,
    date: NaiveDate,
) -> QueryResult<Option<StoredRate>> {
    exchange_rates::table
        .filter(exchange_rates::from_currency.eq(from.code()))
        .filter(exchange_rates::to_currency.eq(to.code()))
        .filter(exchange_rates::rate_date.le(date))
        .order(exchange_rates::rate_date.desc())
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(Row::into_rate)
        .transpose()
}

/// The latest rate of every pair that has one dated on or before `date`, ordered by pair.
/// Two queries: each pair's latest date, then the rates of those dates.
pub fn latest_per_pair(conn: &mut AnyConnection, date: NaiveDate) -> QueryResult<Vec<StoredRate>> {
    let latest: Vec<(String, String, Option<NaiveDate>)> = exchange_rates::table
        .filter(exchange_rates::rate_date.le(date))
        .group_by((exchange_rates::from_currency, exchange_rates::to_currency))
        .select((
            exchange_rates::from_currency,
            exchange_rates::to_currency,
            diesel::dsl::max(exchange_rates::rate_date),
        ))
        .load(conn)?;
    let mut dates: Vec<NaiveDate> = latest.iter().filter_map(|(_, _, d)| *d).collect();
    dates.sort_unstable();
    dates.dedup();
    let rows: Vec<Row> = exchange_rates::table
        .filter(exchange_rates::rate_date.eq_any(dates))
        .order((
            exchange_rates::from_currency.asc(),
            exchange_rates::to_currency.asc(),
        ))
        .select(Row::as_select())
        .load(conn)?;
    rows.into_iter()
        .filter(|r| {
            latest.iter().any(|(from, to, d)| {
                *from == r.from_currency && *to == r.to_currency && *d == Some(r.rate_date)
            })
        })
        .map(Row::into_rate)
        .collect()
}

/// The columns a rate list may be sorted by; by date, the newest come first unless reversed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Date,
    Pair,
}

impl crate::db::listing::SortKey for SortBy {
    const WORDS: &'static [(&'static str, SortBy)] =
        &[("date", SortBy::Date), ("pair", SortBy::Pair)];
}

pub struct ListQuery {
    pub listing: Listing<SortBy>,
    pub from: Option<Currency>,
    pub to: Option<Currency>,
    pub on_or_before: Option<NaiveDate>,
}

impl Paged for ListQuery {
    fn offset_mut(&mut self) -> &mut i64 {
        &mut self.listing.offset
    }
}

pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<StoredRate>, i64)> {
    let filtered = || {
        let mut query = exchange_rates::table.into_boxed();
        if let Some(c) = q.from {
            query = query.filter(exchange_rates::from_currency.eq(c.code()));
        }
        if let Some(c) = q.to {
            query = query.filter(exchange_rates::to_currency.eq(c.code()));
        }
        if let Some(d) = q.on_or_before {
            query = query.filter(exchange_rates::rate_date.le(d));
        }
        if let Some(term) = q.listing.term() {
            query = query.filter(
                exchange_rates::search_key
                    .like(crate::db::search::contains(term))
                    .escape('\\'),
            );
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select(Row::as_select());
    query = match (q.listing.sort, q.listing.descending) {
        (SortBy::Date, false) => query.order((
            exchange_rates::rate_date.desc(),
            exchange_rates::from_currency.asc(),
            exchange_rates::to_currency.asc(),
        )),
        (SortBy::Date, true) => query.order((
            exchange_rates::rate_date.asc(),
            exchange_rates::from_currency.asc(),
            exchange_rates::to_currency.asc(),
        )),
        (SortBy::Pair, false) => query.order((
            exchange_rates::from_currency.asc(),
            exchange_rates::to_currency.asc(),
            exchange_rates::rate_date.desc(),
        )),
        (SortBy::Pair, true) => query.order((
            exchange_rates::from_currency.desc(),
            exchange_rates::to_currency.desc(),
            exchange_rates::rate_date.desc(),
        )),
    };
    let rows: Vec<Row> = query
        .offset(q.listing.offset)
        .limit(q.listing.limit)
        .load(conn)?;
    let found = rows
        .into_iter()
        .map(Row::into_rate)
        .collect::<QueryResult<_>>()?;
    Ok((found, total))
}
