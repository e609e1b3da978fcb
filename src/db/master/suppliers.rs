//! Suppliers of every kind (hotels, transport companies, restaurants, attractions, shops), a
//! hotel's room types and seasonal contract rates, and a transport company's vehicles.
//!
//! **Invariant:** two live rates of one room type never overlap in dates: [`insert_rate`]
//! checks inside the caller's write transaction, which `BEGIN IMMEDIATE` serialises.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::schema::{room_rates, room_types, suppliers, vehicles};
use crate::db::{AnyConnection, now, search};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::ids::{RoomRateId, RoomTypeId, SupplierId, VehicleId};
use crate::domain::master::seasons::{Season, overlapping_season};
use crate::domain::master::suppliers::{CommissionBasis, CommissionSplit, RoomKind, SupplierKind};
use crate::domain::money::Money;
use crate::domain::text::search_key;

/// A shop's commission agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commission {
    pub basis: CommissionBasis,
    /// Percent of sales, when the basis is a percentage.
    pub percent: Option<Dec>,
    /// Minor units per head, in the supplier's currency, when the basis is per head.
    pub per_head_minor: Option<i64>,
    pub split: CommissionSplit,
}

/// Everything a form or an import sets on a supplier.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplierData {
    pub kind: SupplierKind,
    pub name: String,
    pub local_name: String,
    pub city: String,
    pub country: String,
    pub address: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub currency: Currency,
    pub notes: String,
    /// Hotels: 1 to 5.
    pub stars: Option<i32>,
    /// Restaurants: meal rates per pax, minor units.
    pub breakfast_minor: Option<i64>,
    pub lunch_minor: Option<i64>,
    pub dinner_minor: Option<i64>,
    /// Attractions: entrance per adult and per child, minor units.
    pub adult_minor: Option<i64>,
    pub child_minor: Option<i64>,
    /// Shops: what they sell, and the commission agreement.
    pub shop_kind: String,
    pub commission: Option<Commission>,
}

impl SupplierData {
    /// The fields as the audit log shows them.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.kind.as_str(),
            "name": self.name,
            "local_name": self.local_name,
            "city": self.city,
            "country": self.country,
            "address": self.address,
            "contact_name": self.contact_name,
            "phone": self.phone,
            "email": self.email,
            "currency": self.currency.code(),
            "notes": self.notes,
            "stars": self.stars,
            "breakfast_minor": self.breakfast_minor,
            "lunch_minor": self.lunch_minor,
            "dinner_minor": self.dinner_minor,
            "adult_minor": self.adult_minor,
            "child_minor": self.child_minor,
            "shop_kind": self.shop_kind,
            "commission_basis": self.commission.map(|c| c.basis.as_str()),
            "commission_percent": self.commission.and_then(|c| c.percent).map(|d| d.canonical()),
            "commission_per_head_minor": self.commission.and_then(|c| c.per_head_minor),
            "split": self.commission.map(|c| [c.split.agency.canonical(), c.split.guide.canonical(), c.split.driver.canonical()]),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Supplier {
    pub id: SupplierId,
    pub data: SupplierData,
    pub archived: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = suppliers)]
struct SupplierRow {
    id: i64,
    kind: String,
    name: String,
    local_name: String,
    city: String,
    country: String,
    address: String,
    contact_name: String,
    phone: String,
    email: String,
    currency: String,
    notes: String,
    stars: Option<i32>,
    breakfast_minor: Option<i64>,
    lunch_minor: Option<i64>,
    dinner_minor: Option<i64>,
    adult_minor: Option<i64>,
    child_minor: Option<i64>,
    shop_kind: String,
    commission_basis: Option<String>,
    commission_percent: Option<String>,
    commission_per_head_minor: Option<i64>,
    split_agency: Option<String>,
    split_guide: Option<String>,
    split_driver: Option<String>,
    archived: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A stored value that the CHECK constraints should have kept out: reported, never guessed.
pub(crate) fn corrupt(what: &str, value: &str) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(
        format!("stored {what} {value:?} is invalid").into(),
    )
}

pub(crate) fn currency_of(code: &str) -> QueryResult<Currency> {
    Currency::parse(code).map_err(|_| corrupt("currency", code))
}

pub(crate) fn dec_of(text: &str) -> QueryResult<Dec> {
    Dec::parse_canonical(text).map_err(|_| corrupt("decimal", text))
}

impl SupplierRow {
    fn into_supplier(self) -> QueryResult<Supplier> {
        let kind = SupplierKind::parse(&self.kind).ok_or_else(|| corrupt("kind", &self.kind))?;
        let commission = match self.commission_basis.as_deref() {
            None => None,
            Some(raw) => {
                let basis = CommissionBasis::parse(raw).ok_or_else(|| corrupt("basis", raw))?;
                let share = |v: &Option<String>| dec_of(v.as_deref().unwrap_or("0"));
                let split = CommissionSplit::new(
                    share(&self.split_agency)?,
                    share(&self.split_guide)?,
                    share(&self.split_driver)?,
                )
                .map_err(|_| corrupt("commission split", raw))?;
                Some(Commission {
                    basis,
                    percent: self.commission_percent.as_deref().map(dec_of).transpose()?,
                    per_head_minor: self.commission_per_head_minor,
                    split,
                })
            }
        };
        Ok(Supplier {
            id: SupplierId(self.id),
            data: SupplierData {
                kind,
                name: self.name,
                local_name: self.local_name,
                city: self.city,
                country: self.country,
                address: self.address,
                contact_name: self.contact_name,
                phone: self.phone,
                email: self.email,
                currency: currency_of(&self.currency)?,
                notes: self.notes,
                stars: self.stars,
                breakfast_minor: self.breakfast_minor,
                lunch_minor: self.lunch_minor,
                dinner_minor: self.dinner_minor,
                adult_minor: self.adult_minor,
                child_minor: self.child_minor,
                shop_kind: self.shop_kind,
                commission,
            },
            archived: self.archived,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

type SupplierValues<'a> = (
    diesel::dsl::Eq<suppliers::kind, &'static str>,
    diesel::dsl::Eq<suppliers::name, &'a str>,
    diesel::dsl::Eq<suppliers::local_name, &'a str>,
    diesel::dsl::Eq<suppliers::city, &'a str>,
    diesel::dsl::Eq<suppliers::country, &'a str>,
    diesel::dsl::Eq<suppliers::address, &'a str>,
    diesel::dsl::Eq<suppliers::contact_name, &'a str>,
    diesel::dsl::Eq<suppliers::phone, &'a str>,
    diesel::dsl::Eq<suppliers::email, &'a str>,
    diesel::dsl::Eq<suppliers::currency, &'static str>,
    diesel::dsl::Eq<suppliers::notes, &'a str>,
    diesel::dsl::Eq<suppliers::stars, Option<i32>>,
    (
        diesel::dsl::Eq<suppliers::breakfast_minor, Option<i64>>,
        diesel::dsl::Eq<suppliers::lunch_minor, Option<i64>>,
        diesel::dsl::Eq<suppliers::dinner_minor, Option<i64>>,
        diesel::dsl::Eq<suppliers::adult_minor, Option<i64>>,
        diesel::dsl::Eq<suppliers::child_minor, Option<i64>>,
        diesel::dsl::Eq<suppliers::shop_kind, &'a str>,
        diesel::dsl::Eq<suppliers::commission_basis, Option<&'static str>>,
        diesel::dsl::Eq<suppliers::commission_percent, Option<String>>,
        diesel::dsl::Eq<suppliers::commission_per_head_minor, Option<i64>>,
        diesel::dsl::Eq<suppliers::split_agency, Option<String>>,
        diesel::dsl::Eq<suppliers::split_guide, Option<String>>,
        diesel::dsl::Eq<suppliers::split_driver, Option<String>>,
    ),
);

type SupplierKeys = (
    diesel::dsl::Eq<suppliers::name_key, String>,
    diesel::dsl::Eq<suppliers::city_key, String>,
    diesel::dsl::Eq<suppliers::search_key, String>,
);

/// The keys a supplier is matched and searched by (`db::search`).
fn keys(d: &SupplierData) -> SupplierKeys {
    (
        suppliers::name_key.eq(search_key(&d.name)),
        suppliers::city_key.eq(search_key(&d.city)),
        suppliers::search_key.eq(search::supplier_key(&d.name, &d.local_name, &d.city)),
    )
}

fn values(d: &SupplierData) -> SupplierValues<'_> {
    let c = d.commission;
    (
        suppliers::kind.eq(d.kind.as_str()),
        suppliers::name.eq(d.name.as_str()),
        suppliers::local_name.eq(d.local_name.as_str()),
        suppliers::city.eq(d.city.as_str()),
        suppliers::country.eq(d.country.as_str()),
        suppliers::address.eq(d.address.as_str()),
        suppliers::contact_name.eq(d.contact_name.as_str()),
        suppliers::phone.eq(d.phone.as_str()),
        suppliers::email.eq(d.email.as_str()),
        suppliers::currency.eq(d.currency.code()),
        suppliers::notes.eq(d.notes.as_str()),
        suppliers::stars.eq(d.stars),
        (
            suppliers::breakfast_minor.eq(d.breakfast_minor),
            suppliers::lunch_minor.eq(d.lunch_minor),
            suppliers::dinner_minor.eq(d.dinner_minor),
            suppliers::adult_minor.eq(d.adult_minor),
            suppliers::child_minor.eq(d.child_minor),
            suppliers::shop_kind.eq(d.shop_kind.as_str()),
            suppliers::commission_basis.eq(c.map(|c| c.basis.as_str())),
            suppliers::commission_percent.eq(c.and_then(|c| c.percent).map(|p| p.canonical())),
            suppliers::commission_per_head_minor.eq(c.and_then(|c| c.per_head_minor)),
            suppliers::split_agency.eq(c.map(|c| c.split.agency.canonical())),
            suppliers::split_guide.eq(c.map(|c| c.split.guide.canonical())),
            suppliers::split_driver.eq(c.map(|c| c.split.driver.canonical())),
        ),
    )
}

pub fn insert(conn: &mut AnyConnection, data: &SupplierData) -> QueryResult<SupplierId> {
    let at = now();
    diesel::insert_into(suppliers::table)
        .values((
            values(data),
            keys(data),
            suppliers::archived.eq(false),
            suppliers::created_at.eq(at),
            suppliers::updated_at.eq(at),
        ))
        .returning(suppliers::id)
        .get_result(conn)
        .map(SupplierId)
}

pub fn update(conn: &mut AnyConnection, id: SupplierId, data: &SupplierData) -> QueryResult<usize> {
    diesel::update(suppliers::table.find(id.0))
        .set((values(data), keys(data), suppliers::updated_at.eq(now())))
        .execute(conn)
}

/// Changes supplier `id`, read inside the caller's transaction; an archived supplier, or
/// one of another kind, is refused. Returns the supplier as it was.
pub fn change(
    conn: &mut AnyConnection,
    id: SupplierId,
    data: &SupplierData,
) -> Result<Supplier, crate::db::master::RecordError> {
    use crate::db::master::RecordError;
    let before = find(conn, id)?
        .filter(|s| s.data.kind == data.kind)
        .ok_or(RecordError::NotFound)?;
    crate::db::master::live(Some(before.archived))?;
    update(conn, id, data)?;
    Ok(before)
}

/// Suppliers are archived and restored through [`crate::db::master::set_archived`].
pub struct Suppliers;

impl crate::db::master::Archivable for Suppliers {
    const ENTITY: crate::db::audit::Entity = crate::db::audit::Entity::Supplier;
    type Id = SupplierId;

    fn is_archived(conn: &mut AnyConnection, id: SupplierId) -> QueryResult<Option<bool>> {
        suppliers::table
            .find(id.0)
            .select(suppliers::archived)
            .first(conn)
            .optional()
    }

    fn write_archived(
        conn: &mut AnyConnection,
        id: SupplierId,
        archived: bool,
    ) -> QueryResult<usize> {
        set_archived(conn, id, archived)
    }
}

pub fn set_archived(
    conn: &mut AnyConnection,
    id: SupplierId,
    archived: bool,
) -> QueryResult<usize> {
    diesel::update(suppliers::table.find(id.0))
        .set((
            suppliers::archived.eq(archived),
            suppliers::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn find(conn: &mut AnyConnection, id: SupplierId) -> QueryResult<Option<Supplier>> {
    suppliers::table
        .find(id.0)
        .select(SupplierRow::as_select())
        .first(conn)
        .optional()?
        .map(SupplierRow::into_supplier)
        .transpose()
}

/// The supplier of `kind` with this name in this city (compared on their keys), for imports.
pub fn find_by_name(
    conn: &mut AnyConnection,
    kind: SupplierKind,
    name: &str,
    city: &str,
) -> QueryResult<Option<Supplier>> {
    suppliers::table
        .filter(suppliers::kind.eq(kind.as_str()))
        .filter(suppliers::name_key.eq(search_key(name)))
        .filter(suppliers::city_key.eq(search_key(city)))
        .order(suppliers::id.asc())
        .select(SupplierRow::as_select())
        .first(conn)
        .optional()?
        .map(SupplierRow::into_supplier)
        .transpose()
}

/// The columns a supplier list may be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    City,
    Country,
    Stars,
    Updated,
}

impl SortBy {
    /// Parses `sort=name|city|country|stars|updated`, `-` first for descending order.
    pub fn parse(raw: &str) -> (SortBy, bool) {
        let (desc, key) = match raw.strip_prefix('-') {
            Some(k) => (true, k),
            None => (false, raw),
        };
        let by = match key {
            "city" => SortBy::City,
            "country" => SortBy::Country,
            "stars" => SortBy::Stars,
            "updated" => SortBy::Updated,
            _ => SortBy::Name,
        };
        (by, desc)
    }
}

pub struct ListQuery {
    pub kind: SupplierKind,
    pub search: Option<String>,
    pub city: Option<String>,
    pub show_archived: bool,
    pub sort: SortBy,
    pub descending: bool,
    pub offset: i64,
    pub limit: i64,
}

/// One page of suppliers of a kind, and how many match in all.
pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<Supplier>, i64)> {
    let filtered = || {
        let mut query = suppliers::table
            .filter(suppliers::kind.eq(q.kind.as_str()))
            .filter(suppliers::archived.eq(q.show_archived))
            .into_boxed();
        if let Some(term) = q.search.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            query = query.filter(
                suppliers::search_key
                    .like(search::contains(term))
                    .escape('\\'),
            );
        }
        if let Some(city) = q.city.as_deref().filter(|c| !c.is_empty()) {
            query = query.filter(suppliers::city.eq(city.to_owned()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select(SupplierRow::as_select());
    query = match (q.sort, q.descending) {
        (SortBy::Name, false) => query.order((suppliers::name.asc(), suppliers::id.asc())),
        (SortBy::Name, true) => query.order((suppliers::name.desc(), suppliers::id.desc())),
        (SortBy::City, false) => query.order((suppliers::city.asc(), suppliers::name.asc())),
        (SortBy::City, true) => query.order((suppliers::city.desc(), suppliers::name.asc())),
        (SortBy::Country, false) => query.order((suppliers::country.asc(), suppliers::name.asc())),
        (SortBy::Country, true) => query.order((suppliers::country.desc(), suppliers::name.asc())),
        (SortBy::Stars, false) => query.order((suppliers::stars.asc(), suppliers::name.asc())),
        (SortBy::Stars, true) => query.order((suppliers::stars.desc(), suppliers::name.asc())),
        (SortBy::Updated, false) => query.order(suppliers::updated_at.asc()),
        (SortBy::Updated, true) => query.order(suppliers::updated_at.desc()),
    };
    let rows: Vec<SupplierRow> = query.offset(q.offset).limit(q.limit).load(conn)?;
    let found = rows
        .into_iter()
        .map(SupplierRow::into_supplier)
        .collect::<QueryResult<_>>()?;
    Ok((found, total))
}

/// The distinct cities of a kind's live suppliers, for the filter.
pub fn cities(conn: &mut AnyConnection, kind: SupplierKind) -> QueryResult<Vec<String>> {
    suppliers::table
        .filter(suppliers::kind.eq(kind.as_str()))
        .filter(suppliers::archived.eq(false))
        .filter(suppliers::city.ne(""))
        .select(suppliers::city)
        .distinct()
        .order(suppliers::city.asc())
        .load(conn)
}

// --- Room types and seasonal rates -------------------------------------------------------

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
}

pub struct NewRoomType<'a> {
    pub kind: RoomKind,
    pub name: &'a str,
    pub max_occupancy: i32,
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

/// Refuses `name` when a live room type of `hotel` other than `except` has it. The hotel is
/// locked first, and the database's unique index on live names backs the rule up.
fn refuse_taken_name(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    name: &str,
    except: Option<RoomTypeId>,
) -> Result<(), RoomTypeError> {
    crate::db::backend::lock(conn, crate::db::backend::Lock::Supplier(hotel.0))?;
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
    new: &NewRoomType<'_>,
) -> Result<RoomTypeId, RoomTypeError> {
    refuse_taken_name(conn, hotel, new.name, None)?;
    let at = now();
    diesel::insert_into(room_types::table)
        .values((
            room_types::supplier_id.eq(hotel.0),
            room_types::kind.eq(new.kind.as_str()),
            room_types::name.eq(new.name),
            room_types::name_key.eq(search_key(new.name)),
            room_types::max_occupancy.eq(new.max_occupancy),
            room_types::archived.eq(false),
            room_types::created_at.eq(at),
            room_types::updated_at.eq(at),
        ))
        .returning(room_types::id)
        .get_result(conn)
        .map(RoomTypeId)
        .map_err(|e| name_clash(e, new.name))
}

pub fn update_room_type(
    conn: &mut AnyConnection,
    id: RoomTypeId,
    new: &NewRoomType<'_>,
) -> QueryResult<usize> {
    diesel::update(room_types::table.find(id.0))
        .set((
            room_types::kind.eq(new.kind.as_str()),
            room_types::max_occupancy.eq(new.max_occupancy),
            room_types::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn set_room_type_archived(
    conn: &mut AnyConnection,
    id: RoomTypeId,
    archived: bool,
) -> QueryResult<usize> {
    diesel::update(room_types::table.find(id.0))
        .set((
            room_types::archived.eq(archived),
            room_types::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// The live rates of every room type of a hotel, by room type and start date.
pub fn rates_of(conn: &mut AnyConnection, hotel: SupplierId) -> QueryResult<Vec<RoomRate>> {
    let rows: Vec<(i64, i64, String, NaiveDate, NaiveDate, i64, String)> = room_rates::table
        .inner_join(room_types::table)
        .filter(room_types::supplier_id.eq(hotel.0))
        .filter(room_rates::archived.eq(false))
        .select((
            room_rates::id,
            room_rates::room_type_id,
            room_rates::season,
            room_rates::starts_on,
            room_rates::ends_on,
            room_rates::rate_minor,
            room_rates::currency,
        ))
        .order((room_rates::room_type_id.asc(), room_rates::starts_on.asc()))
        .load(conn)?;
    rows.into_iter()
        .map(
            |(id, rt, season, starts_on, ends_on, rate_minor, currency)| {
                Ok(RoomRate {
                    id: RoomRateId(id),
                    room_type_id: RoomTypeId(rt),
                    season,
                    starts_on,
                    ends_on,
                    rate: Money::new(rate_minor, currency_of(&currency)?),
                })
            },
        )
        .collect()
}

pub struct NewRate<'a> {
    pub season_name: &'a str,
    pub season: Season,
    /// Per room-night, in the contract's currency.
    pub rate: Money,
}

/// Why a rate cannot be added.
#[derive(Debug, thiserror::Error)]
pub enum RateError {
    #[error("overlaps the season {season} ({starts_on} – {ends_on})")]
    Overlap {
        season: String,
        starts_on: NaiveDate,
        ends_on: NaiveDate,
    },
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

/// Refuses a season that overlaps a live rate of the same room type (other than `except`).
fn refuse_overlap(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    season: Season,
    except: Option<RoomRateId>,
) -> Result<(), RateError> {
    crate::db::backend::lock(conn, crate::db::backend::Lock::RoomType(room_type.0))?;
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
        .filter_map(|(_, _, a, b)| Season::new(*a, *b))
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
type RateRow = (i64, i64, String, NaiveDate, NaiveDate, i64, String, bool);

/// A rate by id with the hotel it belongs to and whether it is archived.
pub fn rate_by_id(
    conn: &mut AnyConnection,
    id: RoomRateId,
) -> QueryResult<Option<(SupplierId, RoomRate, bool)>> {
    let row: Option<RateRow> = room_rates::table
        .inner_join(room_types::table)
        .filter(room_rates::id.eq(id.0))
        .select((
            room_types::supplier_id,
            room_rates::room_type_id,
            room_rates::season,
            room_rates::starts_on,
            room_rates::ends_on,
            room_rates::rate_minor,
            room_rates::currency,
            room_rates::archived,
        ))
        .first(conn)
        .optional()?;
    row.map(
        |(hotel, rt, season, starts_on, ends_on, rate_minor, currency, archived)| {
            let rate = RoomRate {
                id,
                room_type_id: RoomTypeId(rt),
                season,
                starts_on,
                ends_on,
                rate: Money::new(rate_minor, currency_of(&currency)?),
            };
            Ok((SupplierId(hotel), rate, archived))
        },
    )
    .transpose()
}

/// Changes a live rate's season, dates and amount, read inside the caller's transaction,
/// refusing an overlap with the room type's other live rates. Returns the rate as it was.
pub fn change_rate(
    conn: &mut AnyConnection,
    id: RoomRateId,
    new: &NewRate<'_>,
) -> Result<RoomRate, RateError> {
    let (_, before, archived) = rate_by_id(conn, id)?.ok_or(RateError::NotFound)?;
    if archived {
        return Err(RateError::Archived);
    }
    refuse_overlap(conn, before.room_type_id, new.season, Some(id))?;
    diesel::update(room_rates::table.find(id.0))
        .set((
            room_rates::season.eq(new.season_name),
            room_rates::starts_on.eq(new.season.starts_on),
            room_rates::ends_on.eq(new.season.ends_on),
            room_rates::rate_minor.eq(new.rate.minor),
            room_rates::currency.eq(new.rate.currency.code()),
            room_rates::updated_at.eq(now()),
        ))
        .execute(conn)?;
    Ok(before)
}

/// Changes a live room type's name, category and maximum occupancy, read inside the caller's
/// transaction; the name must be free among the hotel's other live room types. Returns the
/// room type as it was.
pub fn edit_room_type(
    conn: &mut AnyConnection,
    id: RoomTypeId,
    new: &NewRoomType<'_>,
) -> Result<RoomType, RoomTypeError> {
    let before = find_room_type(conn, id)?.ok_or(RoomTypeError::NotFound)?;
    if before.archived {
        return Err(RoomTypeError::Archived);
    }
    refuse_taken_name(conn, before.supplier_id, new.name, Some(id))?;
    diesel::update(room_types::table.find(id.0))
        .set((
            room_types::name.eq(new.name),
            room_types::name_key.eq(search_key(new.name)),
            room_types::kind.eq(new.kind.as_str()),
            room_types::max_occupancy.eq(new.max_occupancy),
            room_types::updated_at.eq(now()),
        ))
        .execute(conn)
        .map_err(|e| name_clash(e, new.name))?;
    Ok(before)
}

/// Adds a seasonal rate, refusing one that overlaps a live rate of the same room type.
pub fn insert_rate(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    new: &NewRate<'_>,
) -> Result<RoomRateId, RateError> {
    refuse_overlap(conn, room_type, new.season, None)?;
    let at = now();
    Ok(diesel::insert_into(room_rates::table)
        .values((
            room_rates::room_type_id.eq(room_type.0),
            room_rates::season.eq(new.season_name),
            room_rates::starts_on.eq(new.season.starts_on),
            room_rates::ends_on.eq(new.season.ends_on),
            room_rates::rate_minor.eq(new.rate.minor),
            room_rates::currency.eq(new.rate.currency.code()),
            room_rates::archived.eq(false),
            room_rates::created_at.eq(at),
            room_rates::updated_at.eq(at),
        ))
        .returning(room_rates::id)
        .get_result(conn)
        .map(RoomRateId)?)
}

/// The live rate of a room type with exactly these dates, for imports.
pub fn find_rate(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    season: Season,
) -> QueryResult<Option<RoomRate>> {
    let row: Option<(i64, String, i64, String)> = room_rates::table
        .filter(room_rates::room_type_id.eq(room_type.0))
        .filter(room_rates::archived.eq(false))
        .filter(room_rates::starts_on.eq(season.starts_on))
        .filter(room_rates::ends_on.eq(season.ends_on))
        .select((
            room_rates::id,
            room_rates::season,
            room_rates::rate_minor,
            room_rates::currency,
        ))
        .first(conn)
        .optional()?;
    row.map(|(id, name, rate_minor, currency)| {
        Ok(RoomRate {
            id: RoomRateId(id),
            room_type_id: room_type,
            season: name,
            starts_on: season.starts_on,
            ends_on: season.ends_on,
            rate: Money::new(rate_minor, currency_of(&currency)?),
        })
    })
    .transpose()
}

pub fn update_rate(
    conn: &mut AnyConnection,
    id: RoomRateId,
    season_name: &str,
    rate: Money,
) -> QueryResult<usize> {
    diesel::update(room_rates::table.find(id.0))
        .set((
            room_rates::season.eq(season_name),
            room_rates::rate_minor.eq(rate.minor),
            room_rates::currency.eq(rate.currency.code()),
            room_rates::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// The hotel a rate belongs to, and whether it is still live.
pub fn rate_owner(
    conn: &mut AnyConnection,
    rate: RoomRateId,
) -> QueryResult<Option<(SupplierId, bool)>> {
    room_rates::table
        .inner_join(room_types::table)
        .filter(room_rates::id.eq(rate.0))
        .select((room_types::supplier_id, room_rates::archived))
        .first::<(i64, bool)>(conn)
        .optional()
        .map(|o| o.map(|(s, a)| (SupplierId(s), a)))
}

pub fn archive_rate(conn: &mut AnyConnection, rate: RoomRateId) -> QueryResult<usize> {
    diesel::update(room_rates::table.find(rate.0))
        .set((
            room_rates::archived.eq(true),
            room_rates::updated_at.eq(now()),
        ))
        .execute(conn)
}

// --- Vehicles --------------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vehicle {
    pub id: VehicleId,
    pub supplier_id: SupplierId,
    pub vehicle_type: String,
    pub seats: i32,
    pub plate: String,
    pub day_rate_minor: i64,
    pub transfer_rate_minor: i64,
    pub archived: bool,
}

pub struct NewVehicle<'a> {
    pub vehicle_type: &'a str,
    pub seats: i32,
    pub plate: &'a str,
    pub day_rate_minor: i64,
    pub transfer_rate_minor: i64,
}

type VehicleTuple = (i64, i64, String, i32, String, i64, i64, bool);

pub fn vehicles_of(conn: &mut AnyConnection, company: SupplierId) -> QueryResult<Vec<Vehicle>> {
    let rows: Vec<VehicleTuple> = vehicles::table
        .filter(vehicles::supplier_id.eq(company.0))
        .select((
            vehicles::id,
            vehicles::supplier_id,
            vehicles::vehicle_type,
            vehicles::seats,
            vehicles::plate,
            vehicles::day_rate_minor,
            vehicles::transfer_rate_minor,
            vehicles::archived,
        ))
        .order((
            vehicles::archived.asc(),
            vehicles::seats.asc(),
            vehicles::id.asc(),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(id, s, vehicle_type, seats, plate, day, transfer, archived)| Vehicle {
                id: VehicleId(id),
                supplier_id: SupplierId(s),
                vehicle_type,
                seats,
                plate,
                day_rate_minor: day,
                transfer_rate_minor: transfer,
                archived,
            },
        )
        .collect())
}

pub fn insert_vehicle(
    conn: &mut AnyConnection,
    company: SupplierId,
    new: &NewVehicle<'_>,
) -> QueryResult<VehicleId> {
    let at = now();
    diesel::insert_into(vehicles::table)
        .values((
            vehicles::supplier_id.eq(company.0),
            vehicles::vehicle_type.eq(new.vehicle_type),
            vehicles::seats.eq(new.seats),
            vehicles::plate.eq(new.plate),
            vehicles::day_rate_minor.eq(new.day_rate_minor),
            vehicles::transfer_rate_minor.eq(new.transfer_rate_minor),
            vehicles::archived.eq(false),
            vehicles::created_at.eq(at),
            vehicles::updated_at.eq(at),
        ))
        .returning(vehicles::id)
        .get_result(conn)
        .map(VehicleId)
}

pub fn vehicle_owner(
    conn: &mut AnyConnection,
    vehicle: VehicleId,
) -> QueryResult<Option<SupplierId>> {
    vehicles::table
        .find(vehicle.0)
        .select(vehicles::supplier_id)
        .first::<i64>(conn)
        .optional()
        .map(|o| o.map(SupplierId))
}

pub fn archive_vehicle(conn: &mut AnyConnection, vehicle: VehicleId) -> QueryResult<usize> {
    diesel::update(vehicles::table.find(vehicle.0))
        .set((vehicles::archived.eq(true), vehicles::updated_at.eq(now())))
        .execute(conn)
}
