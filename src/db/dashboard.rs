//! What the dashboard reads: licences and hotel contracts expiring, the currencies the agency deals in with their
//! latest exchange rates, and a user's imports left in preview.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::max;
use diesel::prelude::*;

use super::AnyConnection;
use super::master::currency_of;
use super::schema::{
    agencies, exchange_rates, guides, hotel_contracts, import_batches, room_rates, suppliers,
};
use crate::domain::currency::Currency;
use crate::domain::dashboard::Expiring;
use crate::domain::ids::{GuideId, ImportBatchId, SupplierId, UserId};

/// The licences of live, active guides that expire on or before `horizon` (expired ones
/// included), soonest first. Inactive and archived guides are not booked, so not listed.
pub fn expiring_licences(
    conn: &mut AnyConnection,
    horizon: NaiveDate,
) -> QueryResult<Vec<Expiring>> {
    let rows: Vec<(i64, String, Option<NaiveDate>)> = guides::table
        .filter(guides::archived.eq(false))
        .filter(guides::active.eq(true))
        .filter(guides::licence_expires_on.le(horizon))
        .select((guides::id, guides::name, guides::licence_expires_on))
        .order((guides::licence_expires_on.asc(), guides::name.asc()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, name, on)| {
            on.map(|expires_on| Expiring::Licence {
                guide: GuideId(id),
                name,
                expires_on,
            })
        })
        .collect())
}

/// The contracts of live hotels whose last night is on or before `horizon` (ended ones
/// included), soonest first.
pub fn expiring_contracts(
    conn: &mut AnyConnection,
    horizon: NaiveDate,
) -> QueryResult<Vec<Expiring>> {
    let rows: Vec<(i64, String, NaiveDate)> = hotel_contracts::table
        .inner_join(suppliers::table)
        .filter(suppliers::archived.eq(false))
        .filter(hotel_contracts::valid_to.le(horizon))
        .select((suppliers::id, suppliers::name, hotel_contracts::valid_to))
        .order((hotel_contracts::valid_to.asc(), suppliers::name.asc()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, expires_on)| Expiring::Contract {
            hotel: SupplierId(id),
            name,
            expires_on,
        })
        .collect())
}

/// The currencies the agency deals in besides `base`: those of its live suppliers, room
/// rates, guides' fees and client agencies, in code order.
pub fn currencies_in_use(conn: &mut AnyConnection, base: Currency) -> QueryResult<Vec<Currency>> {
    let mut codes: Vec<String> = suppliers::table
        .filter(suppliers::archived.eq(false))
        .select(suppliers::currency)
        .distinct()
        .load(conn)?;
    codes.extend(
        room_rates::table
            .filter(room_rates::archived.eq(false))
            .select(room_rates::currency)
            .distinct()
            .load::<String>(conn)?,
    );
    codes.extend(
        guides::table
            .filter(guides::archived.eq(false))
            .select(guides::currency)
            .distinct()
            .load::<String>(conn)?,
    );
    codes.extend(
        agencies::table
            .filter(agencies::archived.eq(false))
            .select(agencies::currency)
            .distinct()
            .load::<String>(conn)?,
    );
    codes.sort();
    codes.dedup();
    let mut out = Vec::with_capacity(codes.len());
    for code in codes {
        let currency = currency_of(&code)?;
        if currency != base {
            out.push(currency);
        }
    }
    Ok(out)
}

/// For each of `currencies`, the date of its latest exchange rate to or from `base` dated on
/// or before `today`, if any.
pub fn latest_rate_dates(
    conn: &mut AnyConnection,
    base: Currency,
    currencies: &[Currency],
    today: NaiveDate,
) -> QueryResult<Vec<(Currency, Option<NaiveDate>)>> {
    let pairs: Vec<(String, String, Option<NaiveDate>)> = exchange_rates::table
        .filter(
            exchange_rates::from_currency
                .eq(base.code())
                .or(exchange_rates::to_currency.eq(base.code())),
        )
        .filter(exchange_rates::rate_date.le(today))
        .group_by((exchange_rates::from_currency, exchange_rates::to_currency))
        .select((
            exchange_rates::from_currency,
            exchange_rates::to_currency,
            max(exchange_rates::rate_date),
        ))
        .load(conn)?;
    Ok(currencies
        .iter()
        .map(|c| {
            let last = pairs
                .iter()
                .filter(|(from, to, _)| from == c.code() || to == c.code())
                .filter_map(|(_, _, on)| *on)
                .max();
            (*c, last)
        })
        .collect())
}

/// An import uploaded and previewed but neither saved nor discarded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenImport {
    pub id: ImportBatchId,
    pub kind: String,
    pub file_name: String,
    pub error_count: i32,
    pub created_at: NaiveDateTime,
}

/// The imports `user` left in preview, newest first. Batches are private to their uploader.
pub fn open_imports(conn: &mut AnyConnection, user: UserId) -> QueryResult<Vec<OpenImport>> {
    let rows: Vec<(i64, String, String, i32, NaiveDateTime)> = import_batches::table
        .filter(import_batches::user_id.eq(user.0))
        .filter(import_batches::committed_at.is_null())
        .select((
            import_batches::id,
            import_batches::kind,
            import_batches::file_name,
            import_batches::error_count,
            import_batches::created_at,
        ))
        .order(import_batches::id.desc())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, file_name, error_count, created_at)| OpenImport {
                id: ImportBatchId(id),
                kind,
                file_name,
                error_count,
                created_at,
            },
        )
        .collect())
}
