//! A hotel's room types and their seasonal contract rates.
//!
//! **Invariants:** two live room types of one hotel never share a name ([`insert_room_type`] and
//! [`edit_room_type`] check with the hotel locked, a partial unique index backs them up); two
//! live rates of one room type never overlap in dates ([`insert_rate`] and [`change_rate`]
//! lock the room type and check inside the caller's write transaction).
//!
//! The pages add and change room types and rates through [`add_room_type`],
//! [`edit_room_type`], [`add_rate`] and [`change_rate`], and archive them as
//! [`super::Item`]s, each auditing the change in the same transaction; the import applies a
//! whole sheet under one audit row of its own.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::{corrupt, currency_of};
use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::backend::{self, Lock};
use crate::db::master::contracts::{self, TERMS, TermsRow, terms_json, terms_of, terms_values};
use crate::db::schema::{room_rates, room_types};
use crate::db::{AnyConnection, now};
use crate::domain::ids::{RoomRateId, RoomTypeId, SupplierId};
use crate::domain::master::contracts::{RateTerms, TermsError};
use crate::domain::master::seasons::{Season, overlapping_season};
use crate::domain::master::suppliers::RoomKind;
use crate::domain::message::{Message, Refusal};
use crate::domain::money::Money;
use crate::domain::text::search_key;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomType {
    pub id: RoomTypeId,
    pub supplier_id: SupplierId,
    pub kind: RoomKind,
    pub name: String,
    pub max_occupancy: i32,
    pub archived: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomRate {
    pub id: RoomRateId,
    pub room_type_id: RoomTypeId,
    pub season: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    /// Per room-night, in the contract's currency.
    pub rate: Money,
    /// Supplements, breakfast, minimum nights, amounts in the rate's currency.
    pub terms: RateTerms,
}

/// A room type as a form or a sheet gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRoomType {
    pub kind: RoomKind,
    pub name: String,
    pub max_occupancy: i32,
}

impl NewRoomType {
    /// The room type as the audit log keeps it.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "name": self.name,
            "kind": self.kind.as_str(),
            "max_occupancy": self.max_occupancy,
        })
    }
}

impl RoomType {
    /// The room type as the audit log keeps it.
    pub fn audit_json(&self) -> serde_json::Value {
        let new = NewRoomType {
            kind: self.kind,
            name: self.name.clone(),
            max_occupancy: self.max_occupancy,
        };
        new.audit_json()
    }
}

pub fn room_types_of(conn: &mut AnyConnection, hotel: SupplierId) -> QueryResult<Vec<RoomType>> {
    let rows: Vec<(i64, i64, String, String, i32, bool)> = room_types::table
        .filter(room_types::supplier_id.eq(hotel.0))
        .select((
            room_types::id,
            room_types::supplier_id,
            room_types::kind,
            room_types::name,
            room_types::max_occupancy,
            room_types::archived,
        ))
        .order((room_types::archived.asc(), room_types::id.asc()))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, supplier_id, kind, name, max_occupancy, archived)| {
            Ok(RoomType {
                id: RoomTypeId(id),
                supplier_id: SupplierId(supplier_id),
                kind: RoomKind::parse(&kind).ok_or_else(|| corrupt("room kind", &kind))?,
                name,
                max_occupancy,
                archived,
            })
        })
        .collect()
}

pub fn find_room_type(conn: &mut AnyConnection, id: RoomTypeId) -> QueryResult<Option<RoomType>> {
    let supplier: Option<i64> = room_types::table
        .find(id.0)
        .select(room_types::supplier_id)
        .first(conn)
        .optional()?;
    match supplier {
        Some(s) => Ok(room_types_of(conn, SupplierId(s))?
            .into_iter()
            .find(|r| r.id == id)),
        None => Ok(None),
    }
}

/// Why a room type cannot be added or changed.
#[derive(Debug, thiserror::Error)]
pub enum RoomTypeError {
    /// Another live room type of the hotel has this name (compared on its key, so case and
    /// Unicode forms do not matter); archived ones do not count.
    #[error("the hotel already has a room type named {0:?}")]
    NameTaken(String),
    #[error("no such room type")]
    NotFound,
    /// An archived room type is read-only.
    #[error("the room type is archived")]
    Archived,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

impl Refusal for RoomTypeError {
    fn refusal(&self) -> Option<Message> {
        match self {
            RoomTypeError::NameTaken(name) => {
                Some(Message::new("rooms-error-name-taken").arg("name", name))
            }
            RoomTypeError::NotFound
            | RoomTypeError::Archived
            | RoomTypeError::Db(_)
            | RoomTypeError::Unavailable(_) => None,
        }
    }
}

/// Refuses `name` when a live room type of `hotel` other than `except` has it. The hotel is
/// locked first, and the database's unique index on live names backs the rule up.
fn refuse_taken_name(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    name: &str,
    except: Option<RoomTypeId>,
) -> Result<(), RoomTypeError> {
    backend::lock(conn, Lock::Supplier(hotel))?;
    let key = search_key(name);
    let clash: Option<i64> = room_types::table
        .filter(room_types::supplier_id.eq(hotel.0))
        .filter(room_types::archived.eq(false))
        .filter(room_types::name_key.eq(&key))
        .filter(room_types::id.ne(except.map_or(0, |e| e.0)))
        .select(room_types::id)
        .first(conn)
        .optional()?;
    match clash {
        Some(_) => Err(RoomTypeError::NameTaken(name.to_owned())),
        None => Ok(()),
    }
}

/// A unique-index violation on a room type's name is the rule broken by a concurrent writer.
fn name_clash(e: diesel::result::Error, name: &str) -> RoomTypeError {
    match e {
        diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        ) => RoomTypeError::NameTaken(name.to_owned()),
        other => RoomTypeError::Db(other),
    }
}

/// Adds a room type to `hotel`; its name must be free among the hotel's live room types.
pub fn insert_room_type(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    new: &NewRoomType,
) -> Result<RoomTypeId, RoomTypeError> {
    refuse_taken_name(conn, hotel, &new.name, None)?;
    let at = now();
    diesel::insert_into(room_types::table)
        .values((
            room_types::supplier_id.eq(hotel.0),
            room_types::kind.eq(new.kind.as_str()),
            room_types::name.eq(&new.name),
            room_types::name_key.eq(search_key(&new.name)),
            room_types::max_occupancy.eq(new.max_occupancy),
            room_types::archived.eq(false),
            room_types::created_at.eq(at),
            room_types::updated_at.eq(at),
        ))
        .returning(room_types::id)
        .get_result(conn)
        .map(RoomTypeId)
        .map_err(|e| name_clash(e, &new.name))
}

/// Adds a room type to `hotel` and audits it; its name must be free among the hotel's live
/// room types.
pub fn add_room_type(
    conn: &mut AnyConnection,
    actor: &Actor,
    hotel: SupplierId,
    new: &NewRoomType,
) -> Result<RoomTypeId, RoomTypeError> {
    let id = insert_room_type(conn, hotel, new)?;
    let mut after = new.audit_json();
    after["hotel"] = hotel.0.into();
    audit::record_change(conn, actor, Change::create(Entity::RoomType, id, after))?;
    Ok(id)
}

/// Sets a room type's category and maximum occupancy, its name unchanged (an import matches
/// room types by name).
pub fn update_room_type(
    conn: &mut AnyConnection,
    id: RoomTypeId,
    new: &NewRoomType,
) -> QueryResult<usize> {
    diesel::update(room_types::table.find(id.0))
        .set((
            room_types::kind.eq(new.kind.as_str()),
            room_types::max_occupancy.eq(new.max_occupancy),
            room_types::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// The live rates of every room type of a hotel, by room type and start date.
pub fn rates_of(conn: &mut AnyConnection, hotel: SupplierId) -> QueryResult<Vec<RoomRate>> {
    rate_rows(conn, hotel, false)
}

/// The archived rates of a hotel's room types, by room type and start date.
pub fn archived_rates_of(
    conn: &mut AnyConnection,
    hotel: SupplierId,
) -> QueryResult<Vec<RoomRate>> {
    rate_rows(conn, hotel, true)
}

type RateCols = (i64, i64, String, NaiveDate, NaiveDate, i64, String);

fn rate_rows(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    archived: bool,
) -> QueryResult<Vec<RoomRate>> {
    let rows: Vec<(RateCols, TermsRow)> = room_rates::table
        .inner_join(room_types::table)
        .filter(room_types::supplier_id.eq(hotel.0))
        .filter(room_rates::archived.eq(archived))
        .select((
            (
                room_rates::id,
                room_rates::room_type_id,
                room_rates::season,
                room_rates::starts_on,
                room_rates::ends_on,
                room_rates::rate_minor,
                room_rates::currency,
            ),
            TERMS,
        ))
        .order((room_rates::room_type_id.asc(), room_rates::starts_on.asc()))
        .load(conn)?;
    rows.into_iter()
        .map(
            |((id, rt, season, starts_on, ends_on, rate_minor, currency), terms)| {
                Ok(RoomRate {
                    id: RoomRateId(id),
                    room_type_id: RoomTypeId(rt),
                    season,
                    starts_on,
                    ends_on,
                    rate: Money::new(rate_minor, currency_of(&currency)?),
                    terms: terms_of(terms)?,
                })
            },
        )
        .collect()
}

/// A seasonal rate as a form or a sheet gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRate {
    pub season_name: String,
    pub season: Season,
    /// Per room-night, in the contract's currency.
    pub rate: Money,
    pub terms: RateTerms,
}

/// A rate as the audit log keeps it: the season, the amount and its terms.
fn rate_json(name: &str, season: Season, rate: Money, terms: &RateTerms) -> serde_json::Value {
    let mut json = terms_json(terms);
    json["season"] = name.into();
    json["starts_on"] = season.starts_on.to_string().into();
    json["ends_on"] = season.ends_on.to_string().into();
    json["rate_minor"] = rate.minor.into();
    json["currency"] = rate.currency.code().into();
    json
}

impl NewRate {
    /// The rate as the audit log keeps it.
    pub fn audit_json(&self) -> serde_json::Value {
        rate_json(&self.season_name, self.season, self.rate, &self.terms)
    }
}

impl RoomRate {
    /// The rate as the audit log keeps it.
    pub fn audit_json(&self) -> serde_json::Value {
        let season = Season {
            starts_on: self.starts_on,
            ends_on: self.ends_on,
        };
        rate_json(&self.season, season, self.rate, &self.terms)
    }
}

/// Why a rate cannot be added or changed.
#[derive(Debug, thiserror::Error)]
pub enum RateError {
    #[error("overlaps the season {season} ({starts_on} – {ends_on})")]
    Overlap {
        season: String,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
    },
    /// The hotel's contract does not cover the season.
    #[error("outside the contract ({from} – {to})")]
    OutsideContract { from: NaiveDate, to: NaiveDate },
    #[error(transparent)]
    Terms(#[from] TermsError),
    #[error("no such rate")]
    NotFound,
    /// An archived rate is read-only.
    #[error("the rate is archived")]
    Archived,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

impl Refusal for RateError {
    fn refusal(&self) -> Option<Message> {
        match self {
            RateError::Overlap {
                season,
                starts_on,
                ends_on,
            } => Some(
                Message::new("rates-error-overlap")
                    .arg("season", season)
                    .date("from", *starts_on)
                    .date("to", *ends_on),
            ),
            RateError::OutsideContract { from, to } => Some(
                Message::new("contracts-error-outside")
                    .date("from", *from)
                    .date("to", *to),
            ),
            RateError::Terms(e) => Some(e.message()),
            RateError::NotFound
            | RateError::Archived
            | RateError::Db(_)
            | RateError::Unavailable(_) => None,
        }
    }
}

/// Refuses a season outside the hotel's contract, or one that overlaps a live rate of the same
/// room type (other than `except`).
fn refuse_overlap(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    season: Season,
    except: Option<RoomRateId>,
) -> Result<(), RateError> {
    backend::lock(conn, Lock::RoomType(room_type))?;
    if let Some(v) = contracts::validity_for_room_type(conn, room_type)?
        && (season.starts_on < v.starts_on || season.ends_on > v.ends_on)
    {
        return Err(RateError::OutsideContract {
            from: v.starts_on,
            to: v.ends_on,
        });
    }
    let existing: Vec<(i64, String, NaiveDate, NaiveDate)> = room_rates::table
        .filter(room_rates::room_type_id.eq(room_type.0))
        .filter(room_rates::archived.eq(false))
        .select((
            room_rates::id,
            room_rates::season,
            room_rates::starts_on,
            room_rates::ends_on,
        ))
        .load(conn)?;
    let others: Vec<&(i64, String, NaiveDate, NaiveDate)> = existing
        .iter()
        .filter(|(id, ..)| Some(RoomRateId(*id)) != except)
        .collect();
    let seasons: Vec<Season> = others
        .iter()
        .filter_map(|(_, _, a, b)| Season::new(*a, *b).ok())
        .collect();
    if let Some(clash) = overlapping_season(&seasons, &season) {
        let name = others
            .iter()
            .find(|(_, _, a, b)| *a == clash.starts_on && *b == clash.ends_on)
            .map(|(_, n, _, _)| n.clone())
            .unwrap_or_default();
        return Err(RateError::Overlap {
            season: name,
            starts_on: clash.starts_on,
            ends_on: clash.ends_on,
        });
    }
    Ok(())
}

/// hotel, room type, season, starts, ends, rate (minor units), currency, archived
type RateRow = (
    (i64, i64, String, NaiveDate, NaiveDate, i64, String, bool),
    TermsRow,
);

/// A rate by id with the hotel it belongs to and whether it is archived.
pub fn rate_by_id(
    conn: &mut AnyConnection,
    id: RoomRateId,
) -> QueryResult<Option<(SupplierId, RoomRate, bool)>> {
    let row: Option<RateRow> = room_rates::table
        .inner_join(room_types::table)
        .filter(room_rates::id.eq(id.0))
        .select((
            (
                room_types::supplier_id,
                room_rates::room_type_id,
                room_rates::season,
                room_rates::starts_on,
                room_rates::ends_on,
                room_rates::rate_minor,
                room_rates::currency,
                room_rates::archived,
            ),
            TERMS,
        ))
        .first(conn)
        .optional()?;
    row.map(
        |((hotel, rt, season, starts_on, ends_on, rate_minor, currency, archived), terms)| {
            let rate = RoomRate {
                id,
                room_type_id: RoomTypeId(rt),
                season,
                starts_on,
                ends_on,
                rate: Money::new(rate_minor, currency_of(&currency)?),
                terms: terms_of(terms)?,
            };
            Ok((SupplierId(hotel), rate, archived))
        },
    )
    .transpose()
}

/// Changes a live rate's season, dates and amount, read inside the caller's transaction,
/// refusing an overlap with the room type's other live rates, and audits it. Returns the
/// rate's hotel.
pub fn change_rate(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: RoomRateId,
    new: &NewRate,
) -> Result<SupplierId, RateError> {
    let (hotel, before, archived) = rate_by_id(conn, id)?.ok_or(RateError::NotFound)?;
    if archived {
        return Err(RateError::Archived);
    }
    new.terms.check(new.rate)?;
    refuse_overlap(conn, before.room_type_id, new.season, Some(id))?;
    diesel::update(room_rates::table.find(id.0))
        .set((
            (
                room_rates::season.eq(&new.season_name),
                room_rates::starts_on.eq(new.season.starts_on),
                room_rates::ends_on.eq(new.season.ends_on),
                room_rates::rate_minor.eq(new.rate.minor),
                room_rates::currency.eq(new.rate.currency.code()),
                room_rates::updated_at.eq(now()),
            ),
            terms_values(&new.terms),
        ))
        .execute(conn)?;
    let change = Change::update(Entity::RoomRate, id, before.audit_json(), new.audit_json());
    audit::record_change(conn, actor, change)?;
    Ok(hotel)
}

/// Changes a live room type's name, category and maximum occupancy, read inside the caller's
/// transaction (the name must be free among the hotel's other live room types), and audits
/// it. Returns the room type's hotel.
pub fn edit_room_type(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: RoomTypeId,
    new: &NewRoomType,
) -> Result<SupplierId, RoomTypeError> {
    let before = find_room_type(conn, id)?.ok_or(RoomTypeError::NotFound)?;
    if before.archived {
        return Err(RoomTypeError::Archived);
    }
    refuse_taken_name(conn, before.supplier_id, &new.name, Some(id))?;
    diesel::update(room_types::table.find(id.0))
        .set((
            room_types::name.eq(&new.name),
            room_types::name_key.eq(search_key(&new.name)),
            room_types::kind.eq(new.kind.as_str()),
            room_types::max_occupancy.eq(new.max_occupancy),
            room_types::updated_at.eq(now()),
        ))
        .execute(conn)
        .map_err(|e| name_clash(e, &new.name))?;
    let change = Change::update(Entity::RoomType, id, before.audit_json(), new.audit_json());
    audit::record_change(conn, actor, change)?;
    Ok(before.supplier_id)
}

/// Adds a seasonal rate, refusing one that overlaps a live rate of the same room type.
pub fn insert_rate(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    new: &NewRate,
) -> Result<RoomRateId, RateError> {
    new.terms.check(new.rate)?;
    refuse_overlap(conn, room_type, new.season, None)?;
    let at = now();
    Ok(diesel::insert_into(room_rates::table)
        .values((
            (
                room_rates::room_type_id.eq(room_type.0),
                room_rates::season.eq(&new.season_name),
                room_rates::starts_on.eq(new.season.starts_on),
                room_rates::ends_on.eq(new.season.ends_on),
                room_rates::rate_minor.eq(new.rate.minor),
                room_rates::currency.eq(new.rate.currency.code()),
                room_rates::archived.eq(false),
                room_rates::created_at.eq(at),
                room_rates::updated_at.eq(at),
            ),
            terms_values(&new.terms),
        ))
        .returning(room_rates::id)
        .get_result(conn)
        .map(RoomRateId)?)
}

/// Adds a seasonal rate to a live room type of `hotel`, refusing an overlap with its other
/// live rates, and audits it.
pub fn add_rate(
    conn: &mut AnyConnection,
    actor: &Actor,
    hotel: SupplierId,
    room_type: RoomTypeId,
    new: &NewRate,
) -> Result<RoomRateId, RateError> {
    let owner = find_room_type(conn, room_type)?.filter(|rt| rt.supplier_id == hotel);
    match owner {
        None => return Err(RateError::NotFound),
        Some(rt) if rt.archived => return Err(RateError::Archived),
        Some(_) => {}
    }
    let id = insert_rate(conn, room_type, new)?;
    let mut after = new.audit_json();
    after["room_type"] = room_type.0.into();
    audit::record_change(conn, actor, Change::create(Entity::RoomRate, id, after))?;
    Ok(id)
}

/// The live rate of a room type with exactly these dates, for imports.
pub fn find_rate(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    season: Season,
) -> QueryResult<Option<RoomRate>> {
    let row: Option<((i64, String, i64, String), TermsRow)> = room_rates::table
        .filter(room_rates::room_type_id.eq(room_type.0))
        .filter(room_rates::archived.eq(false))
        .filter(room_rates::starts_on.eq(season.starts_on))
        .filter(room_rates::ends_on.eq(season.ends_on))
        .select((
            (
                room_rates::id,
                room_rates::season,
                room_rates::rate_minor,
                room_rates::currency,
            ),
            TERMS,
        ))
        .first(conn)
        .optional()?;
    row.map(|((id, name, rate_minor, currency), terms)| {
        Ok(RoomRate {
            id: RoomRateId(id),
            room_type_id: room_type,
            season: name,
            starts_on: season.starts_on,
            ends_on: season.ends_on,
            rate: Money::new(rate_minor, currency_of(&currency)?),
            terms: terms_of(terms)?,
        })
    })
    .transpose()
}

/// Sets a rate's season name, amount and terms, its dates unchanged (an import matches rates
/// by their dates); the caller has checked the terms against the amount
/// (`RateTerms::check`).
pub fn update_rate(
    conn: &mut AnyConnection,
    id: RoomRateId,
    season_name: &str,
    rate: Money,
    terms: &RateTerms,
) -> QueryResult<usize> {
    diesel::update(room_rates::table.find(id.0))
        .set((
            (
                room_rates::season.eq(season_name),
                room_rates::rate_minor.eq(rate.minor),
                room_rates::currency.eq(rate.currency.code()),
                room_rates::updated_at.eq(now()),
            ),
            terms_values(terms),
        ))
        .execute(conn)
}

/// A hotel's room types, archived from the hotel's page through [`super::set_item_archived`].
pub struct RoomTypes;

impl super::Item for RoomTypes {
    const ENTITY: Entity = Entity::RoomType;
    type Id = RoomTypeId;

    fn owner(conn: &mut AnyConnection, id: RoomTypeId) -> QueryResult<Option<(SupplierId, bool)>> {
        room_types::table
            .find(id.0)
            .select((room_types::supplier_id, room_types::archived))
            .first::<(i64, bool)>(conn)
            .optional()
            .map(|o| o.map(|(s, a)| (SupplierId(s), a)))
    }

    /// Archiving a room type archives its live rates too, so that no live rate is left
    /// pointing at a room type nobody can see.
    /// Restoring it brings back the rates its archiving archived (stamped with the same time),
    /// not those archived one by one before.
    fn write_archived(conn: &mut AnyConnection, id: RoomTypeId, archived: bool) -> QueryResult<()> {
        let at = now();
        if archived {
            diesel::update(room_rates::table)
                .filter(room_rates::room_type_id.eq(id.0))
                .filter(room_rates::archived.eq(false))
                .set((room_rates::archived.eq(true), room_rates::updated_at.eq(at)))
                .execute(conn)?;
        } else {
            let archived_at: NaiveDateTime = room_types::table
                .find(id.0)
                .select(room_types::updated_at)
                .first(conn)?;
            diesel::update(room_rates::table)
                .filter(room_rates::room_type_id.eq(id.0))
                .filter(room_rates::archived.eq(true))
                .filter(room_rates::updated_at.eq(archived_at))
                .set((
                    room_rates::archived.eq(false),
                    room_rates::updated_at.eq(at),
                ))
                .execute(conn)?;
        }
        diesel::update(room_types::table.find(id.0))
            .set((
                room_types::archived.eq(archived),
                room_types::updated_at.eq(at),
            ))
            .execute(conn)?;
        Ok(())
    }

    /// A room type comes back only if no live sibling took its name meanwhile, and the rates
    /// that come back with it still lie within the hotel's contract.
    fn refuse_restore(conn: &mut AnyConnection, id: RoomTypeId) -> QueryResult<Option<Message>> {
        let Some(rt) = find_room_type(conn, id)? else {
            return Ok(None);
        };
        match refuse_taken_name(conn, rt.supplier_id, &rt.name, Some(id)) {
            Ok(()) => {}
            Err(RoomTypeError::Db(e)) => return Err(e),
            Err(e) => return Ok(e.refusal()),
        }
        let archived_at: NaiveDateTime = room_types::table
            .find(id.0)
            .select(room_types::updated_at)
            .first(conn)?;
        contracts::archived_rate_outside(conn, id, archived_at)
    }
}

/// Room types' seasonal rates, archived from the hotel's page.
pub struct RoomRates;

impl super::Item for RoomRates {
    const ENTITY: Entity = Entity::RoomRate;
    type Id = RoomRateId;

    fn owner(conn: &mut AnyConnection, id: RoomRateId) -> QueryResult<Option<(SupplierId, bool)>> {
        room_rates::table
            .inner_join(room_types::table)
            .filter(room_rates::id.eq(id.0))
            .select((room_types::supplier_id, room_rates::archived))
            .first::<(i64, bool)>(conn)
            .optional()
            .map(|o| o.map(|(s, a)| (SupplierId(s), a)))
    }

    fn write_archived(conn: &mut AnyConnection, id: RoomRateId, archived: bool) -> QueryResult<()> {
        diesel::update(room_rates::table.find(id.0))
            .set((
                room_rates::archived.eq(archived),
                room_rates::updated_at.eq(now()),
            ))
            .execute(conn)
            .map(|_| ())
    }

    /// A rate comes back only to a live room type, inside the contract, overlapping no live
    /// rate of its room type.
    fn refuse_restore(conn: &mut AnyConnection, id: RoomRateId) -> QueryResult<Option<Message>> {
        let Some((_, rate, _)) = rate_by_id(conn, id)? else {
            return Ok(None);
        };
        let room_type_live =
            find_room_type(conn, rate.room_type_id)?.is_some_and(|rt| !rt.archived);
        if !room_type_live {
            return Ok(Some(Message::new("contracts-error-room-type-archived")));
        }
        let season = Season {
            starts_on: rate.starts_on,
            ends_on: rate.ends_on,
        };
        match refuse_overlap(conn, rate.room_type_id, season, Some(id)) {
            Ok(()) => Ok(None),
            Err(RateError::Db(e)) => Err(e),
            Err(e) => Ok(e.refusal()),
        }
    }
}
