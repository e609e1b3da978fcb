//! Guides and the languages they speak.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::listing::{Listing, Paged};

use crate::db::audit::Entity;
use crate::db::master::{corrupt, currency_of};
use crate::db::schema::{guide_languages, guides};
use crate::db::{AnyConnection, now, search};
use crate::domain::ids::GuideId;
use crate::domain::master::guides::{Language, LanguageLevel};
use crate::domain::money::Money;
use crate::domain::text::search_key;

/// Everything a form or an import sets on a guide.
#[derive(Debug, Clone, PartialEq)]
pub struct GuideData {
    pub name: String,
    pub local_name: String,
    pub phone: String,
    pub email: String,
    pub licence_number: String,
    pub licence_expires_on: Option<NaiveDate>,
    /// What a day of the guide's work costs, in the guide's currency.
    pub daily_fee: Money,
    pub active: bool,
    pub notes: String,
    /// The languages with their levels, in the order of [`Language::SPOKEN`].
    pub languages: Vec<(Language, LanguageLevel)>,
}

impl GuideData {
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name,
            "local_name": self.local_name,
            "phone": self.phone,
            "email": self.email,
            "licence_number": self.licence_number,
            "licence_expires_on": self.licence_expires_on,
            "daily_fee_minor": self.daily_fee.minor,
            "currency": self.daily_fee.currency.code(),
            "active": self.active,
            "notes": self.notes,
            "languages": self.languages.iter().map(|(l, v)| format!("{}:{}", l.code(), v.as_str())).collect::<Vec<_>>(),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Guide {
    pub id: GuideId,
    pub data: GuideData,
    pub archived: bool,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = guides)]
struct GuideRow {
    id: i64,
    name: String,
    local_name: String,
    phone: String,
    email: String,
    licence_number: String,
    licence_expires_on: Option<NaiveDate>,
    daily_fee_minor: i64,
    currency: String,
    active: bool,
    notes: String,
    archived: bool,
    updated_at: NaiveDateTime,
}

fn load_languages(
    conn: &mut AnyConnection,
    ids: &[i64],
) -> QueryResult<Vec<(i64, Language, LanguageLevel)>> {
    let rows: Vec<(i64, String, String)> = guide_languages::table
        .filter(guide_languages::guide_id.eq_any(ids))
        .select((
            guide_languages::guide_id,
            guide_languages::language,
            guide_languages::level,
        ))
        .order(guide_languages::id.asc())
        .load(conn)?;
    rows.into_iter()
        .map(|(g, lang, level)| {
            let level = LanguageLevel::parse(&level).ok_or_else(|| corrupt("level", &level))?;
            let language = Language::parse(&lang).ok_or_else(|| corrupt("language", &lang))?;
            Ok((g, language, level))
        })
        .collect()
}

fn assemble(conn: &mut AnyConnection, rows: Vec<GuideRow>) -> QueryResult<Vec<Guide>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let languages = load_languages(conn, &ids)?;
    rows.into_iter()
        .map(|r| {
            Ok(Guide {
                id: GuideId(r.id),
                data: GuideData {
                    languages: languages
                        .iter()
                        .filter(|(g, _, _)| *g == r.id)
                        .map(|(_, l, v)| (*l, *v))
                        .collect(),
                    name: r.name,
                    local_name: r.local_name,
                    phone: r.phone,
                    email: r.email,
                    licence_number: r.licence_number,
                    licence_expires_on: r.licence_expires_on,
                    daily_fee: Money::new(r.daily_fee_minor, currency_of(&r.currency)?),
                    active: r.active,
                    notes: r.notes,
                },
                archived: r.archived,
                updated_at: r.updated_at,
            })
        })
        .collect()
}

fn write_languages(conn: &mut AnyConnection, id: GuideId, data: &GuideData) -> QueryResult<()> {
    diesel::delete(guide_languages::table.filter(guide_languages::guide_id.eq(id.0)))
        .execute(conn)?;
    for (language, level) in &data.languages {
        diesel::insert_into(guide_languages::table)
            .values((
                guide_languages::guide_id.eq(id.0),
                guide_languages::language.eq(language.code()),
                guide_languages::level.eq(level.as_str()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The columns a form or an import writes, with the keys computed from them. A `None` writes
/// NULL: a cleared licence date is cleared.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = guides, treat_none_as_null = true)]
struct GuideValues<'a> {
    name: &'a str,
    local_name: &'a str,
    phone: &'a str,
    email: &'a str,
    licence_number: &'a str,
    licence_expires_on: Option<NaiveDate>,
    daily_fee_minor: i64,
    currency: &'static str,
    active: bool,
    notes: &'a str,
    name_key: String,
    search_key: String,
    updated_at: NaiveDateTime,
}

impl<'a> GuideValues<'a> {
    fn of(d: &'a GuideData) -> GuideValues<'a> {
        GuideValues {
            name: &d.name,
            local_name: &d.local_name,
            phone: &d.phone,
            email: &d.email,
            licence_number: &d.licence_number,
            licence_expires_on: d.licence_expires_on,
            daily_fee_minor: d.daily_fee.minor,
            currency: d.daily_fee.currency.code(),
            active: d.active,
            notes: &d.notes,
            name_key: search_key(&d.name),
            search_key: search::guide_key(&d.name, &d.local_name, &d.licence_number),
            updated_at: now(),
        }
    }
}

pub fn insert(conn: &mut AnyConnection, data: &GuideData) -> QueryResult<GuideId> {
    let values = GuideValues::of(data);
    let created_at = values.updated_at;
    let id = diesel::insert_into(guides::table)
        .values((
            values,
            guides::archived.eq(false),
            guides::created_at.eq(created_at),
        ))
        .returning(guides::id)
        .get_result(conn)
        .map(GuideId)?;
    write_languages(conn, id, data)?;
    Ok(id)
}

pub fn update(conn: &mut AnyConnection, id: GuideId, data: &GuideData) -> QueryResult<usize> {
    let n = diesel::update(guides::table.find(id.0))
        .set(GuideValues::of(data))
        .execute(conn)?;
    write_languages(conn, id, data)?;
    Ok(n)
}

/// Guides are changed, archived and restored through [`super::change`] and
/// [`super::set_archived`].
pub struct Guides;

impl super::Record for Guides {
    const ENTITY: Entity = Entity::Guide;
    type Id = GuideId;
    type Data = GuideData;

    fn find_data(conn: &mut AnyConnection, id: GuideId) -> QueryResult<Option<(GuideData, bool)>> {
        Ok(find(conn, id)?.map(|g| (g.data, g.archived)))
    }

    fn update(conn: &mut AnyConnection, id: GuideId, data: &GuideData) -> QueryResult<usize> {
        update(conn, id, data)
    }

    fn write_archived(conn: &mut AnyConnection, id: GuideId, archived: bool) -> QueryResult<usize> {
        diesel::update(guides::table.find(id.0))
            .set((guides::archived.eq(archived), guides::updated_at.eq(now())))
            .execute(conn)
    }

    fn audit_json(data: &GuideData) -> serde_json::Value {
        data.audit_json()
    }
}

impl super::NewRecord for Guides {
    fn insert(conn: &mut AnyConnection, data: &GuideData) -> QueryResult<GuideId> {
        insert(conn, data)
    }
}

pub fn find(conn: &mut AnyConnection, id: GuideId) -> QueryResult<Option<Guide>> {
    let rows: Vec<GuideRow> = guides::table
        .filter(guides::id.eq(id.0))
        .select(GuideRow::as_select())
        .load(conn)?;
    Ok(assemble(conn, rows)?.into_iter().next())
}

/// A guide by licence number, or else by exact name (case-insensitive), for imports.
pub fn find_for_import(
    conn: &mut AnyConnection,
    licence_number: &str,
    name: &str,
) -> QueryResult<Option<Guide>> {
    let mut query = guides::table.into_boxed();
    query = if licence_number.trim().is_empty() {
        query.filter(guides::name_key.eq(search_key(name)))
    } else {
        query.filter(guides::licence_number.eq(licence_number.trim().to_owned()))
    };
    let rows: Vec<GuideRow> = query
        .order(guides::id.asc())
        .limit(1)
        .select(GuideRow::as_select())
        .load(conn)?;
    Ok(assemble(conn, rows)?.into_iter().next())
}

/// The columns a guide list may be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Licence,
    Fee,
    Updated,
}

impl crate::db::listing::SortKey for SortBy {
    const WORDS: &'static [(&'static str, SortBy)] = &[
        ("name", SortBy::Name),
        ("licence", SortBy::Licence),
        ("fee", SortBy::Fee),
        ("updated", SortBy::Updated),
    ];
}

pub struct ListQuery {
    pub listing: Listing<SortBy>,
    /// Only guides speaking this language.
    pub language: Option<Language>,
    pub show_archived: bool,
}

impl Paged for ListQuery {
    fn offset_mut(&mut self) -> &mut i64 {
        &mut self.listing.offset
    }
}

pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<Guide>, i64)> {
    let filtered = || {
        let mut query = guides::table
            .filter(guides::archived.eq(q.show_archived))
            .into_boxed();
        if let Some(term) = q.listing.term() {
            query = query.filter(guides::search_key.like(search::contains(term)).escape('\\'));
        }
        if let Some(language) = q.language {
            query = query.filter(
                guides::id.eq_any(
                    guide_languages::table
                        .filter(guide_languages::language.eq(language.code()))
                        .select(guide_languages::guide_id),
                ),
            );
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select(GuideRow::as_select());
    query = match (q.listing.sort, q.listing.descending) {
        (SortBy::Name, false) => query.order((guides::name.asc(), guides::id.asc())),
        (SortBy::Name, true) => query.order((guides::name.desc(), guides::id.desc())),
        (SortBy::Licence, false) => {
            query.order((guides::licence_expires_on.asc(), guides::name.asc()))
        }
        (SortBy::Licence, true) => {
            query.order((guides::licence_expires_on.desc(), guides::name.asc()))
        }
        (SortBy::Fee, false) => query.order((guides::daily_fee_minor.asc(), guides::name.asc())),
        (SortBy::Fee, true) => query.order((guides::daily_fee_minor.desc(), guides::name.asc())),
        (SortBy::Updated, false) => query.order(guides::updated_at.asc()),
        (SortBy::Updated, true) => query.order(guides::updated_at.desc()),
    };
    let rows: Vec<GuideRow> = query
        .offset(q.listing.offset)
        .limit(q.listing.limit)
        .load(conn)?;
    Ok((assemble(conn, rows)?, total))
}
