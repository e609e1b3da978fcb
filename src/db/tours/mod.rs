//! Tours (product templates): the tour row with its texts (`mod.rs`), its itinerary days and
//! service lines (`itinerary`), and its working costing sheet (`costing`).
//!
//! **Invariant:** a tour's code is unique, compared case-insensitively (`code_key`); a create,
//! edit or copy that would repeat one is refused inside its write transaction (the unique index
//! backs the check against a concurrent writer, mapped to the same refusal).

pub mod choices;
pub mod costing;
pub mod itinerary;
pub mod pricing;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::audit::{self, Actor, Change, Entity, Verb};
use crate::db::listing::{Listing, Paged};
use crate::db::master::RecordError;
use crate::db::schema::tours;
use crate::db::{AnyConnection, now, search};
use crate::domain::ids::TourId;
use crate::domain::message::Message;
use crate::domain::text::{search_key, search_keys};
use crate::domain::tours::itinerary::{Texts, TourData};

#[derive(Debug, Clone)]
pub struct Tour {
    pub id: TourId,
    pub data: TourData,
    pub archived: bool,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = tours)]
struct TourRow {
    id: i64,
    code: String,
    name: String,
    description_en: String,
    description_th: String,
    description_zh: String,
    description_vi: String,
    days: i32,
    nights: i32,
    cities: String,
    market: String,
    min_pax: i32,
    archived: bool,
    updated_at: NaiveDateTime,
}

impl TourRow {
    fn into_tour(self) -> Tour {
        Tour {
            id: TourId(self.id),
            data: TourData {
                code: self.code,
                name: self.name,
                description: Texts {
                    en: self.description_en,
                    th: self.description_th,
                    zh: self.description_zh,
                    vi: self.description_vi,
                },
                days: self.days,
                nights: self.nights,
                cities: self.cities,
                market: self.market,
                min_pax: self.min_pax,
            },
            archived: self.archived,
            updated_at: self.updated_at,
        }
    }
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = tours)]
struct TourValues<'a> {
    code: &'a str,
    code_key: String,
    name: &'a str,
    description_en: &'a str,
    description_th: &'a str,
    description_zh: &'a str,
    description_vi: &'a str,
    days: i32,
    nights: i32,
    cities: &'a str,
    market: &'a str,
    min_pax: i32,
    search_key: String,
    updated_at: NaiveDateTime,
}

impl<'a> TourValues<'a> {
    fn of(d: &'a TourData) -> TourValues<'a> {
        TourValues {
            code: &d.code,
            code_key: search_key(&d.code),
            name: &d.name,
            description_en: &d.description.en,
            description_th: &d.description.th,
            description_zh: &d.description.zh,
            description_vi: &d.description.vi,
            days: d.days,
            nights: d.nights,
            cities: &d.cities,
            market: &d.market,
            min_pax: d.min_pax,
            search_key: search_keys(&[&d.code, &d.name, &d.cities, &d.market]),
            updated_at: now(),
        }
    }
}

/// The data as the audit log keeps it.
pub fn audit_json(d: &TourData) -> serde_json::Value {
    serde_json::json!({
        "code": d.code,
        "name": d.name,
        "description_en": d.description.en,
        "description_th": d.description.th,
        "description_zh": d.description.zh,
        "description_vi": d.description.vi,
        "days": d.days,
        "nights": d.nights,
        "cities": d.cities,
        "market": d.market,
        "min_pax": d.min_pax,
    })
}

/// The refusal of a code another tour holds.
pub fn code_taken(code: &str) -> Message {
    Message::new("tours-error-code-taken").arg("code", code)
}

fn is_unique_violation(e: &diesel::result::Error) -> bool {
    matches!(
        e,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}

/// Whether a tour other than `except` holds `code` (case-insensitively).
fn code_held(conn: &mut AnyConnection, code: &str, except: Option<TourId>) -> QueryResult<bool> {
    let mut q = tours::table
        .filter(tours::code_key.eq(search_key(code)))
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(tours::id.ne(id.0));
    }
    Ok(q.select(tours::id).first::<i64>(conn).optional()?.is_some())
}

/// Inserts a tour, refusing a taken code. Within the caller's write transaction.
fn insert(conn: &mut AnyConnection, d: &TourData) -> Result<TourId, RecordError> {
    if code_held(conn, &d.code, None)? {
        return Err(RecordError::Refused(code_taken(&d.code)));
    }
    let values = TourValues::of(d);
    let created_at = values.updated_at;
    // A savepoint: a concurrent writer's insert of the same code fails this one on the unique
    // index, and on PostgreSQL the failed statement must not abort the caller's transaction.
    conn.transaction(|conn| {
        diesel::insert_into(tours::table)
            .values((
                values,
                tours::archived.eq(false),
                tours::created_at.eq(created_at),
            ))
            .returning(tours::id)
            .get_result(conn)
            .map(TourId)
    })
    .map_err(|e| {
        if is_unique_violation(&e) {
            RecordError::Refused(code_taken(&d.code))
        } else {
            RecordError::Db(e)
        }
    })
}

/// Creates a tour and audits it.
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    d: &TourData,
) -> Result<TourId, RecordError> {
    let id = insert(conn, d)?;
    audit::record_change(conn, actor, Change::create(Entity::Tour, id, audit_json(d)))?;
    Ok(id)
}

/// Changes tour `id` to `d`, read inside the write: a live tour only, its code still unique.
pub fn change(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourId,
    d: &TourData,
) -> Result<(), RecordError> {
    let before = find(conn, id)?.ok_or(RecordError::NotFound)?;
    if before.archived {
        return Err(RecordError::Archived);
    }
    if code_held(conn, &d.code, Some(id))? {
        return Err(RecordError::Refused(code_taken(&d.code)));
    }
    conn.transaction(|conn| {
        diesel::update(tours::table.find(id.0))
            .set(TourValues::of(d))
            .execute(conn)
    })
    .map_err(|e| {
        if is_unique_violation(&e) {
            RecordError::Refused(code_taken(&d.code))
        } else {
            RecordError::Db(e)
        }
    })?;
    let change = Change::update(Entity::Tour, id, audit_json(&before.data), audit_json(d));
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// Archives or restores tour `id` and audits it; the same state again changes nothing. A tour
/// restored with a code a live tour took since keeps it: codes are unique across all tours.
pub fn set_archived(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourId,
    archived: bool,
) -> Result<(), RecordError> {
    let tour = find(conn, id)?.ok_or(RecordError::NotFound)?;
    if tour.archived == archived {
        return Ok(());
    }
    diesel::update(tours::table.find(id.0))
        .set((tours::archived.eq(archived), tours::updated_at.eq(now())))
        .execute(conn)?;
    audit::record_change(conn, actor, Change::archived(Entity::Tour, id, archived))?;
    Ok(())
}

/// A copy of tour `id` under `code`: its texts, days, lines and costing settings (not the
/// rates set by hand, which were someone's judgement for that tour). Audited as a copy.
pub fn copy(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourId,
    code: &str,
) -> Result<TourId, RecordError> {
    let source = find(conn, id)?.ok_or(RecordError::NotFound)?;
    let data = TourData {
        code: code.to_owned(),
        ..source.data.clone()
    };
    let copy = insert(conn, &data)?;
    itinerary::copy_all(conn, id, copy)?;
    costing::copy_settings(conn, id, copy)?;
    let change = Change::new(Entity::Tour, Verb::Copy, copy).after(serde_json::json!({
        "from": id.0,
        "from_code": source.data.code,
        "code": code,
        "name": data.name,
    }));
    audit::record_change(conn, actor, change)?;
    Ok(copy)
}

pub fn find(conn: &mut AnyConnection, id: TourId) -> QueryResult<Option<Tour>> {
    Ok(tours::table
        .find(id.0)
        .select(TourRow::as_select())
        .first(conn)
        .optional()?
        .map(TourRow::into_tour))
}

/// The columns a tour list may be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Code,
    Name,
    Days,
    Market,
    Updated,
}

impl crate::db::listing::SortKey for SortBy {
    const WORDS: &'static [(&'static str, SortBy)] = &[
        ("code", SortBy::Code),
        ("name", SortBy::Name),
        ("days", SortBy::Days),
        ("market", SortBy::Market),
        ("updated", SortBy::Updated),
    ];
}

pub struct ListQuery {
    pub listing: Listing<SortBy>,
    pub market: Option<String>,
    pub show_archived: bool,
}

impl Paged for ListQuery {
    fn offset_mut(&mut self) -> &mut i64 {
        &mut self.listing.offset
    }
}

pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<Tour>, i64)> {
    let filtered = || {
        let mut query = tours::table
            .filter(tours::archived.eq(q.show_archived))
            .into_boxed();
        if let Some(term) = q.listing.term() {
            query = query.filter(tours::search_key.like(search::contains(term)).escape('\\'));
        }
        if let Some(market) = q.market.as_deref().filter(|m| !m.is_empty()) {
            query = query.filter(tours::market.eq(market.to_owned()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select(TourRow::as_select());
    query = match (q.listing.sort, q.listing.descending) {
        (SortBy::Code, false) => query.order(tours::code_key.asc()),
        (SortBy::Code, true) => query.order(tours::code_key.desc()),
        (SortBy::Name, false) => query.order((tours::name.asc(), tours::id.asc())),
        (SortBy::Name, true) => query.order((tours::name.desc(), tours::id.desc())),
        (SortBy::Days, false) => query.order((tours::days.asc(), tours::code_key.asc())),
        (SortBy::Days, true) => query.order((tours::days.desc(), tours::code_key.asc())),
        (SortBy::Market, false) => query.order((tours::market.asc(), tours::code_key.asc())),
        (SortBy::Market, true) => query.order((tours::market.desc(), tours::code_key.asc())),
        (SortBy::Updated, false) => query.order((tours::updated_at.asc(), tours::id.asc())),
        (SortBy::Updated, true) => query.order((tours::updated_at.desc(), tours::id.desc())),
    };
    let rows: Vec<TourRow> = query
        .offset(q.listing.offset)
        .limit(q.listing.limit)
        .load(conn)?;
    Ok((rows.into_iter().map(TourRow::into_tour).collect(), total))
}

/// The distinct markets of tours, for the filter.
pub fn markets(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    tours::table
        .filter(tours::market.ne(""))
        .select(tours::market)
        .distinct()
        .order(tours::market.asc())
        .load(conn)
}

/// Live tours as (id, code, name), by code, for choosing one.
pub fn choices(conn: &mut AnyConnection) -> QueryResult<Vec<(TourId, String, String)>> {
    let rows: Vec<(i64, String, String)> = tours::table
        .filter(tours::archived.eq(false))
        .order(tours::code_key.asc())
        .select((tours::id, tours::code, tours::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, code, name)| (TourId(id), code, name))
        .collect())
}

/// Marks the tour changed (a day or line edited), so lists sorted by "updated" see it.
pub fn touch(conn: &mut AnyConnection, id: TourId) -> QueryResult<()> {
    diesel::update(tours::table.find(id.0))
        .set(tours::updated_at.eq(now()))
        .execute(conn)
        .map(|_| ())
}
