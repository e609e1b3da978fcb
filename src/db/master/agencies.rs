//! Client agencies: the B2B customers that send groups.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::listing::{Listing, Paged};

use crate::db::audit::Entity;
use crate::db::master::{corrupt, currency_of};
use crate::db::schema::{agencies, contacts};
use crate::db::{AnyConnection, now, search};
use crate::domain::currency::Currency;
use crate::domain::ids::AgencyId;
use crate::domain::master::guides::Language;
use crate::domain::text::search_key;

/// Everything a form or an import sets on a client agency.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyData {
    pub name: String,
    pub country: String,
    pub market: String,
    /// The language its documents are written in (one of [`Language::DOCUMENTS`]).
    pub language: Language,
    pub currency: Currency,
    pub credit_days: i32,
    pub credit_limit_minor: i64,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

impl AgencyData {
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name,
            "country": self.country,
            "market": self.market,
            "language": self.language.document_tag(),
            "currency": self.currency.code(),
            "credit_days": self.credit_days,
            "credit_limit_minor": self.credit_limit_minor,
            "contact_name": self.contact_name,
            "phone": self.phone,
            "email": self.email,
            "notes": self.notes,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Agency {
    pub id: AgencyId,
    pub data: AgencyData,
    pub archived: bool,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = agencies)]
struct AgencyRow {
    id: i64,
    name: String,
    country: String,
    market: String,
    language: String,
    currency: String,
    credit_days: i32,
    credit_limit_minor: i64,
    contact_name: String,
    phone: String,
    email: String,
    notes: String,
    archived: bool,
    updated_at: NaiveDateTime,
}

impl AgencyRow {
    fn into_agency(self) -> QueryResult<Agency> {
        Ok(Agency {
            id: AgencyId(self.id),
            data: AgencyData {
                name: self.name,
                country: self.country,
                market: self.market,
                language: Language::parse(&self.language)
                    .ok_or_else(|| corrupt("language", &self.language))?,
                currency: currency_of(&self.currency)?,
                credit_days: self.credit_days,
                credit_limit_minor: self.credit_limit_minor,
                contact_name: self.contact_name,
                phone: self.phone,
                email: self.email,
                notes: self.notes,
            },
            archived: self.archived,
            updated_at: self.updated_at,
        })
    }
}

/// The columns a form or an import writes, with the keys computed from them.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = agencies)]
struct AgencyValues<'a> {
    name: &'a str,
    country: &'a str,
    market: &'a str,
    language: &'static str,
    currency: &'static str,
    credit_days: i32,
    credit_limit_minor: i64,
    contact_name: &'a str,
    phone: &'a str,
    email: &'a str,
    notes: &'a str,
    name_key: String,
    search_key: String,
    updated_at: NaiveDateTime,
}

impl<'a> AgencyValues<'a> {
    fn of(d: &'a AgencyData) -> AgencyValues<'a> {
        AgencyValues {
            name: &d.name,
            country: &d.country,
            market: &d.market,
            language: d.language.document_tag(),
            currency: d.currency.code(),
            credit_days: d.credit_days,
            credit_limit_minor: d.credit_limit_minor,
            contact_name: &d.contact_name,
            phone: &d.phone,
            email: &d.email,
            notes: &d.notes,
            name_key: search_key(&d.name),
            search_key: search::agency_key(&d.name, &d.country, &d.contact_name),
            updated_at: now(),
        }
    }
}

pub fn insert(conn: &mut AnyConnection, d: &AgencyData) -> QueryResult<AgencyId> {
    let values = AgencyValues::of(d);
    let created_at = values.updated_at;
    diesel::insert_into(agencies::table)
        .values((
            values,
            agencies::archived.eq(false),
            agencies::created_at.eq(created_at),
        ))
        .returning(agencies::id)
        .get_result(conn)
        .map(AgencyId)
}

pub fn update(conn: &mut AnyConnection, id: AgencyId, d: &AgencyData) -> QueryResult<usize> {
    diesel::update(agencies::table.find(id.0))
        .set(AgencyValues::of(d))
        .execute(conn)
}

/// Client agencies are changed, archived and restored through [`super::change`] and
/// [`super::set_archived`].
pub struct Agencies;

impl super::Record for Agencies {
    const ENTITY: Entity = Entity::Agency;
    type Id = AgencyId;
    type Data = AgencyData;

    fn find_data(
        conn: &mut AnyConnection,
        id: AgencyId,
    ) -> QueryResult<Option<(AgencyData, bool)>> {
        Ok(find(conn, id)?.map(|a| (a.data, a.archived)))
    }

    fn update(conn: &mut AnyConnection, id: AgencyId, data: &AgencyData) -> QueryResult<usize> {
        update(conn, id, data)
    }

    fn write_archived(
        conn: &mut AnyConnection,
        id: AgencyId,
        archived: bool,
    ) -> QueryResult<usize> {
        diesel::update(agencies::table.find(id.0))
            .set((
                agencies::archived.eq(archived),
                agencies::updated_at.eq(now()),
            ))
            .execute(conn)
    }

    fn audit_json(data: &AgencyData) -> serde_json::Value {
        data.audit_json()
    }
}

impl super::NewRecord for Agencies {
    fn insert(conn: &mut AnyConnection, data: &AgencyData) -> QueryResult<AgencyId> {
        insert(conn, data)
    }
}

pub fn find(conn: &mut AnyConnection, id: AgencyId) -> QueryResult<Option<Agency>> {
    agencies::table
        .find(id.0)
        .select(AgencyRow::as_select())
        .first(conn)
        .optional()?
        .map(AgencyRow::into_agency)
        .transpose()
}

/// The agency with this name (case-insensitive), for imports.
pub fn find_by_name(conn: &mut AnyConnection, name: &str) -> QueryResult<Option<Agency>> {
    agencies::table
        .filter(agencies::name_key.eq(search_key(name)))
        .order(agencies::id.asc())
        .select(AgencyRow::as_select())
        .first(conn)
        .optional()?
        .map(AgencyRow::into_agency)
        .transpose()
}

/// The columns an agency list may be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Country,
    Market,
    Credit,
    Updated,
}

impl crate::db::listing::SortKey for SortBy {
    const WORDS: &'static [(&'static str, SortBy)] = &[
        ("name", SortBy::Name),
        ("country", SortBy::Country),
        ("market", SortBy::Market),
        ("credit", SortBy::Credit),
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

pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<Agency>, i64)> {
    let filtered = || {
        let mut query = agencies::table
            .filter(agencies::archived.eq(q.show_archived))
            .into_boxed();
        if let Some(term) = q.listing.term() {
            // The agency's own key, or one of its live contacts'.
            let pattern = search::contains(term);
            let by_contact = contacts::table
                .filter(contacts::party_kind.eq("agency"))
                .filter(contacts::party_id.eq(agencies::id))
                .filter(contacts::archived.eq(false))
                .filter(contacts::search_key.like(pattern.clone()).escape('\\'));
            query = query.filter(
                agencies::search_key
                    .like(pattern)
                    .escape('\\')
                    .or(diesel::dsl::exists(by_contact)),
            );
        }
        if let Some(market) = q.market.as_deref().filter(|m| !m.is_empty()) {
            query = query.filter(agencies::market.eq(market.to_owned()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select(AgencyRow::as_select());
    query = match (q.listing.sort, q.listing.descending) {
        (SortBy::Name, false) => query.order((agencies::name.asc(), agencies::id.asc())),
        (SortBy::Name, true) => query.order((agencies::name.desc(), agencies::id.desc())),
        (SortBy::Country, false) => query.order((agencies::country.asc(), agencies::name.asc())),
        (SortBy::Country, true) => query.order((agencies::country.desc(), agencies::name.asc())),
        (SortBy::Market, false) => query.order((agencies::market.asc(), agencies::name.asc())),
        (SortBy::Market, true) => query.order((agencies::market.desc(), agencies::name.asc())),
        (SortBy::Credit, false) => {
            query.order((agencies::credit_limit_minor.asc(), agencies::name.asc()))
        }
        (SortBy::Credit, true) => {
            query.order((agencies::credit_limit_minor.desc(), agencies::name.asc()))
        }
        (SortBy::Updated, false) => query.order(agencies::updated_at.asc()),
        (SortBy::Updated, true) => query.order(agencies::updated_at.desc()),
    };
    let rows: Vec<AgencyRow> = query
        .offset(q.listing.offset)
        .limit(q.listing.limit)
        .load(conn)?;
    let found = rows
        .into_iter()
        .map(AgencyRow::into_agency)
        .collect::<QueryResult<_>>()?;
    Ok((found, total))
}

/// The distinct markets, for the filter.
pub fn markets(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    agencies::table
        .filter(agencies::market.ne(""))
        .select(agencies::market)
        .distinct()
        .order(agencies::market.asc())
        .load(conn)
}
