//! A hotel's contract beyond the room rates themselves: its validity, the terms stored beside
//! each seasonal rate, peak-period surcharges and allotments; and [`room_contract`], what the
//! pricing of `domain::master::contracts` reads for one room type.
//!
//! **Invariants:** a live rate's season lies within the contract's validity when the hotel has
//! one ([`set_contract`] refuses a validity that would leave a live rate outside, and
//! `rooms::insert_rate`/`change_rate` a season outside it); two live peaks that could apply to
//! the same room type never overlap (a hotel-wide peak counts for every room type); two live
//! allotments of one room type never overlap. Each is checked with the hotel locked, inside the
//! caller's write transaction, and again when an archived one is restored.

use chrono::NaiveDate;
use diesel::dsl;
use diesel::prelude::*;

use super::{corrupt, currency_of};
use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::backend::{self, Lock};
use crate::db::schema::{
    allotments, hotel_contracts, peak_surcharges, room_rates, room_types, suppliers,
};
use crate::db::{AnyConnection, now};
use crate::domain::ids::{AllotmentId, PeakId, RoomTypeId, SupplierId};
use crate::domain::master::contracts::{
    Allotment, Breakfast, ChildBand, ChildRate, Peak, RateTerms, RoomContract, SeasonRate,
    TermsError,
};
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, Refusal};
use crate::domain::money::Money;

/// A rate's terms as stored: extra bed, child rate, child ages from and to, breakfast kind and
/// price, single supplement, minimum nights, complimentary.
pub(crate) type TermsRow = (
    Option<i64>,
    Option<i64>,
    Option<i32>,
    Option<i32>,
    String,
    Option<i64>,
    Option<i64>,
    i32,
    bool,
);

/// The columns of [`TermsRow`], to select beside a rate's own.
pub(crate) const TERMS: (
    room_rates::extra_bed_minor,
    room_rates::child_minor,
    room_rates::child_from_age,
    room_rates::child_to_age,
    room_rates::breakfast,
    room_rates::breakfast_minor,
    room_rates::single_supplement_minor,
    room_rates::min_nights,
    room_rates::complimentary,
) = (
    room_rates::extra_bed_minor,
    room_rates::child_minor,
    room_rates::child_from_age,
    room_rates::child_to_age,
    room_rates::breakfast,
    room_rates::breakfast_minor,
    room_rates::single_supplement_minor,
    room_rates::min_nights,
    room_rates::complimentary,
);

/// The terms as the values a rate's insert or update writes.
pub(crate) type TermsValues = (
    dsl::Eq<room_rates::extra_bed_minor, Option<i64>>,
    dsl::Eq<room_rates::child_minor, Option<i64>>,
    dsl::Eq<room_rates::child_from_age, Option<i32>>,
    dsl::Eq<room_rates::child_to_age, Option<i32>>,
    dsl::Eq<room_rates::breakfast, &'static str>,
    dsl::Eq<room_rates::breakfast_minor, Option<i64>>,
    dsl::Eq<room_rates::single_supplement_minor, Option<i64>>,
    dsl::Eq<room_rates::min_nights, i32>,
    dsl::Eq<room_rates::complimentary, bool>,
);

fn breakfast_parts(b: Breakfast) -> (&'static str, Option<i64>) {
    match b {
        Breakfast::Included => ("included", None),
        Breakfast::PerPerson(m) => ("extra", Some(m)),
        Breakfast::NotOffered => ("none", None),
    }
}

pub(crate) fn terms_values(t: &RateTerms) -> TermsValues {
    let (breakfast, breakfast_minor) = breakfast_parts(t.breakfast);
    (
        room_rates::extra_bed_minor.eq(t.extra_bed),
        room_rates::child_minor.eq(t.child.map(|c| c.minor)),
        room_rates::child_from_age.eq(t.child.map(|c| i32::from(c.band.from_age))),
        room_rates::child_to_age.eq(t.child.map(|c| i32::from(c.band.to_age))),
        room_rates::breakfast.eq(breakfast),
        room_rates::breakfast_minor.eq(breakfast_minor),
        room_rates::single_supplement_minor.eq(t.single_supplement),
        room_rates::min_nights.eq(i32::from(t.min_nights)),
        room_rates::complimentary.eq(t.complimentary),
    )
}

pub(crate) fn terms_of(row: TermsRow) -> QueryResult<RateTerms> {
    let (extra_bed, child, from, to, breakfast, breakfast_minor, single, min_nights, comp) = row;
    let age = |a: i32| u8::try_from(a).map_err(|_| corrupt("child age", &a.to_string()));
    let child = match (child, from, to) {
        (Some(minor), Some(from), Some(to)) => Some(ChildRate {
            minor,
            band: ChildBand {
                from_age: age(from)?,
                to_age: age(to)?,
            },
        }),
        _ => None,
    };
    let breakfast = match (breakfast.as_str(), breakfast_minor) {
        ("included", _) => Breakfast::Included,
        ("extra", Some(m)) => Breakfast::PerPerson(m),
        ("none", _) => Breakfast::NotOffered,
        (other, _) => return Err(corrupt("breakfast", other)),
    };
    Ok(RateTerms {
        extra_bed,
        child,
        breakfast,
        single_supplement: single,
        min_nights: u16::try_from(min_nights)
            .map_err(|_| corrupt("minimum nights", &min_nights.to_string()))?,
        complimentary: comp,
    })
}

/// The terms as the audit log keeps them, amounts in minor units of the rate's currency.
pub(crate) fn terms_json(t: &RateTerms) -> serde_json::Value {
    let (breakfast, breakfast_minor) = breakfast_parts(t.breakfast);
    serde_json::json!({
        "extra_bed_minor": t.extra_bed,
        "child_minor": t.child.map(|c| c.minor),
        "child_ages": t.child.map(|c| format!("{}-{}", c.band.from_age, c.band.to_age)),
        "breakfast": breakfast,
        "breakfast_minor": breakfast_minor,
        "single_supplement_minor": t.single_supplement,
        "min_nights": t.min_nights,
        "complimentary": t.complimentary,
    })
}

/// A hotel's contract: its reference and the first and last night it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HotelContract {
    pub reference: String,
    pub validity: Season,
    pub notes: String,
}

impl HotelContract {
    fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "reference": self.reference,
            "valid_from": self.validity.starts_on,
            "valid_to": self.validity.ends_on,
            "notes": self.notes,
        })
    }
}

/// Why a contract, a peak or an allotment cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum ContractError {
    #[error("overlaps {name} ({from} – {to})")]
    Overlap {
        name: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("the rate {season} ({from} – {to}) lies outside the contract")]
    RateOutside {
        season: String,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error(transparent)]
    Terms(#[from] TermsError),
    #[error("no such hotel, room type, peak or allotment")]
    NotFound,
    #[error("archived")]
    Archived,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

impl Refusal for ContractError {
    fn refusal(&self) -> Option<Message> {
        match self {
            ContractError::Overlap { name, from, to } => Some(
                Message::new("contracts-error-overlap")
                    .arg("name", name)
                    .date("from", *from)
                    .date("to", *to),
            ),
            ContractError::RateOutside { season, from, to } => Some(
                Message::new("contracts-error-rate-outside")
                    .arg("season", season)
                    .date("from", *from)
                    .date("to", *to),
            ),
            ContractError::Terms(e) => Some(e.message()),
            ContractError::NotFound
            | ContractError::Archived
            | ContractError::Db(_)
            | ContractError::Unavailable(_) => None,
        }
    }
}

/// A live hotel, locked for the caller's transaction; archived or another kind refused.
fn lock_live_hotel(conn: &mut AnyConnection, hotel: SupplierId) -> Result<(), ContractError> {
    backend::lock(conn, Lock::Supplier(hotel))?;
    let row: Option<(String, bool)> = suppliers::table
        .find(hotel.0)
        .select((suppliers::kind, suppliers::archived))
        .first(conn)
        .optional()?;
    match row {
        Some((kind, false)) if kind == SupplierKind::Hotel.as_str() => Ok(()),
        Some((kind, true)) if kind == SupplierKind::Hotel.as_str() => Err(ContractError::Archived),
        _ => Err(ContractError::NotFound),
    }
}

pub fn contract_of(
    conn: &mut AnyConnection,
    hotel: SupplierId,
) -> QueryResult<Option<HotelContract>> {
    let row: Option<(String, NaiveDate, NaiveDate, String)> = hotel_contracts::table
        .find(hotel.0)
        .select((
            hotel_contracts::reference,
            hotel_contracts::valid_from,
            hotel_contracts::valid_to,
            hotel_contracts::notes,
        ))
        .first(conn)
        .optional()?;
    row.map(|(reference, from, to, notes)| {
        let validity = Season::new(from, to).map_err(|_| corrupt("contract", &from.to_string()))?;
        Ok(HotelContract {
            reference,
            validity,
            notes,
        })
    })
    .transpose()
}

/// The validity of the contract of the hotel a room type belongs to.
pub fn validity_for_room_type(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
) -> QueryResult<Option<Season>> {
    let hotel: Option<i64> = room_types::table
        .find(room_type.0)
        .select(room_types::supplier_id)
        .first(conn)
        .optional()?;
    match hotel {
        Some(h) => Ok(contract_of(conn, SupplierId(h))?.map(|c| c.validity)),
        None => Ok(None),
    }
}

/// Sets a live hotel's contract and audits it, refusing a validity that would leave one of its
/// live rates outside.
pub fn set_contract(
    conn: &mut AnyConnection,
    actor: &Actor,
    hotel: SupplierId,
    contract: &HotelContract,
) -> Result<(), ContractError> {
    let change = put_contract(conn, hotel, contract)?;
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// Sets a live hotel's contract under the same rule as [`set_contract`], unaudited (the demo's
/// seeding); returns the change to audit.
pub fn put_contract(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    contract: &HotelContract,
) -> Result<Change, ContractError> {
    lock_live_hotel(conn, hotel)?;
    let v = contract.validity;
    let outside: Option<(String, NaiveDate, NaiveDate)> = room_rates::table
        .inner_join(room_types::table)
        .filter(room_types::supplier_id.eq(hotel.0))
        .filter(room_rates::archived.eq(false))
        .filter(
            room_rates::starts_on
                .lt(v.starts_on)
                .or(room_rates::ends_on.gt(v.ends_on)),
        )
        .select((
            room_rates::season,
            room_rates::starts_on,
            room_rates::ends_on,
        ))
        .order(room_rates::starts_on.asc())
        .first(conn)
        .optional()?;
    if let Some((season, from, to)) = outside {
        return Err(ContractError::RateOutside { season, from, to });
    }
    let before = contract_of(conn, hotel)?;
    let values = (
        hotel_contracts::reference.eq(&contract.reference),
        hotel_contracts::valid_from.eq(v.starts_on),
        hotel_contracts::valid_to.eq(v.ends_on),
        hotel_contracts::notes.eq(&contract.notes),
        hotel_contracts::updated_at.eq(now()),
    );
    let change = match &before {
        Some(before) => {
            diesel::update(hotel_contracts::table.find(hotel.0))
                .set(values)
                .execute(conn)?;
            Change::update(
                Entity::HotelContract,
                hotel,
                before.audit_json(),
                contract.audit_json(),
            )
        }
        None => {
            diesel::insert_into(hotel_contracts::table)
                .values((hotel_contracts::supplier_id.eq(hotel.0), values))
                .execute(conn)?;
            Change::create(Entity::HotelContract, hotel, contract.audit_json())
        }
    };
    Ok(change)
}

/// A peak as stored: which hotel, and which room type (every one when `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPeak {
    pub id: PeakId,
    pub hotel: SupplierId,
    pub room_type: Option<RoomTypeId>,
    pub peak: Peak,
    pub archived: bool,
}

type PeakRow = (
    i64,
    i64,
    Option<i64>,
    String,
    NaiveDate,
    NaiveDate,
    i64,
    String,
    i32,
    bool,
);

fn peak_of(row: PeakRow) -> QueryResult<StoredPeak> {
    let (id, hotel, room_type, name, from, to, amount, currency, min_nights, archived) = row;
    Ok(StoredPeak {
        id: PeakId(id),
        hotel: SupplierId(hotel),
        room_type: room_type.map(RoomTypeId),
        peak: Peak {
            name,
            period: Season::new(from, to).map_err(|_| corrupt("peak", &from.to_string()))?,
            amount: Money::new(amount, currency_of(&currency)?),
            min_nights: u16::try_from(min_nights)
                .map_err(|_| corrupt("minimum nights", &min_nights.to_string()))?,
        },
        archived,
    })
}

fn peak_rows(conn: &mut AnyConnection, hotel: SupplierId) -> QueryResult<Vec<StoredPeak>> {
    let rows: Vec<PeakRow> = peak_surcharges::table
        .filter(peak_surcharges::supplier_id.eq(hotel.0))
        .select((
            peak_surcharges::id,
            peak_surcharges::supplier_id,
            peak_surcharges::room_type_id,
            peak_surcharges::name,
            peak_surcharges::starts_on,
            peak_surcharges::ends_on,
            peak_surcharges::amount_minor,
            peak_surcharges::currency,
            peak_surcharges::min_nights,
            peak_surcharges::archived,
        ))
        .order((
            peak_surcharges::archived.asc(),
            peak_surcharges::starts_on.asc(),
        ))
        .load(conn)?;
    rows.into_iter().map(peak_of).collect()
}

/// A hotel's peaks, live ones first, by first night.
pub fn peaks_of(conn: &mut AnyConnection, hotel: SupplierId) -> QueryResult<Vec<StoredPeak>> {
    peak_rows(conn, hotel)
}

/// A peak as a form gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPeak {
    pub room_type: Option<RoomTypeId>,
    pub peak: Peak,
}

impl NewPeak {
    fn audit_json(&self, hotel: SupplierId) -> serde_json::Value {
        serde_json::json!({
            "hotel": hotel.0,
            "room_type": self.room_type.map(|r| r.0),
            "name": self.peak.name,
            "starts_on": self.peak.period.starts_on,
            "ends_on": self.peak.period.ends_on,
            "amount_minor": self.peak.amount.minor,
            "currency": self.peak.amount.currency.code(),
            "min_nights": self.peak.min_nights,
        })
    }
}

/// The first live peak of `hotel` (other than `except`) that would apply on a night of `new`'s
/// period to a room type `new` applies to.
fn clashing_peak(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    new: &NewPeak,
    except: Option<PeakId>,
) -> QueryResult<Option<StoredPeak>> {
    Ok(peak_rows(conn, hotel)?.into_iter().find(|p| {
        !p.archived
            && Some(p.id) != except
            && p.peak.period.overlaps(&new.peak.period)
            && (p.room_type.is_none() || new.room_type.is_none() || p.room_type == new.room_type)
    }))
}

/// A live room type of `hotel`, or not found / archived.
fn live_room_type_of(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    room_type: RoomTypeId,
) -> Result<(), ContractError> {
    let row: Option<(i64, bool)> = room_types::table
        .find(room_type.0)
        .select((room_types::supplier_id, room_types::archived))
        .first(conn)
        .optional()?;
    match row {
        Some((h, false)) if h == hotel.0 => Ok(()),
        Some((h, true)) if h == hotel.0 => Err(ContractError::Archived),
        _ => Err(ContractError::NotFound),
    }
}

/// Adds a peak surcharge to a live hotel and audits it; it may not overlap a live peak that
/// applies to the same room type.
pub fn add_peak(
    conn: &mut AnyConnection,
    actor: &Actor,
    hotel: SupplierId,
    new: &NewPeak,
) -> Result<PeakId, ContractError> {
    let id = insert_peak(conn, hotel, new)?;
    audit::record_change(
        conn,
        actor,
        Change::create(Entity::Peak, id, new.audit_json(hotel)),
    )?;
    Ok(id)
}

/// Adds a peak under the rules of [`add_peak`], unaudited (the demo's seeding).
pub fn insert_peak(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    new: &NewPeak,
) -> Result<PeakId, ContractError> {
    new.peak.check()?;
    lock_live_hotel(conn, hotel)?;
    if let Some(rt) = new.room_type {
        live_room_type_of(conn, hotel, rt)?;
    }
    if let Some(clash) = clashing_peak(conn, hotel, new, None)? {
        return Err(ContractError::Overlap {
            name: clash.peak.name,
            from: clash.peak.period.starts_on,
            to: clash.peak.period.ends_on,
        });
    }
    let at = now();
    let p = &new.peak;
    let id = diesel::insert_into(peak_surcharges::table)
        .values((
            peak_surcharges::supplier_id.eq(hotel.0),
            peak_surcharges::room_type_id.eq(new.room_type.map(|r| r.0)),
            peak_surcharges::name.eq(&p.name),
            peak_surcharges::starts_on.eq(p.period.starts_on),
            peak_surcharges::ends_on.eq(p.period.ends_on),
            peak_surcharges::amount_minor.eq(p.amount.minor),
            peak_surcharges::currency.eq(p.amount.currency.code()),
            peak_surcharges::min_nights.eq(i32::from(p.min_nights)),
            peak_surcharges::archived.eq(false),
            peak_surcharges::created_at.eq(at),
            peak_surcharges::updated_at.eq(at),
        ))
        .returning(peak_surcharges::id)
        .get_result(conn)
        .map(PeakId)?;
    Ok(id)
}

/// A peak as the question before archiving it names it.
pub fn peak_name(conn: &mut AnyConnection, id: PeakId) -> QueryResult<Option<String>> {
    let row: Option<(String, NaiveDate, NaiveDate)> = peak_surcharges::table
        .find(id.0)
        .select((
            peak_surcharges::name,
            peak_surcharges::starts_on,
            peak_surcharges::ends_on,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(|(name, from, to)| format!("{name} ({from} – {to})")))
}

/// An allotment as the question before archiving it names it.
pub fn allotment_name(conn: &mut AnyConnection, id: AllotmentId) -> QueryResult<Option<String>> {
    let row: Option<(String, NaiveDate, NaiveDate)> = allotments::table
        .inner_join(room_types::table)
        .filter(allotments::id.eq(id.0))
        .select((room_types::name, allotments::starts_on, allotments::ends_on))
        .first(conn)
        .optional()?;
    Ok(row.map(|(name, from, to)| format!("{name} ({from} – {to})")))
}

/// A hotel's peak surcharges, archived and restored from the hotel's page.
pub struct Peaks;

impl super::Item for Peaks {
    const ENTITY: Entity = Entity::Peak;
    type Id = PeakId;

    fn owner(conn: &mut AnyConnection, id: PeakId) -> QueryResult<Option<(SupplierId, bool)>> {
        peak_surcharges::table
            .find(id.0)
            .select((peak_surcharges::supplier_id, peak_surcharges::archived))
            .first::<(i64, bool)>(conn)
            .optional()
            .map(|o| o.map(|(s, a)| (SupplierId(s), a)))
    }

    fn write_archived(conn: &mut AnyConnection, id: PeakId, archived: bool) -> QueryResult<()> {
        diesel::update(peak_surcharges::table.find(id.0))
            .set((
                peak_surcharges::archived.eq(archived),
                peak_surcharges::updated_at.eq(now()),
            ))
            .execute(conn)
            .map(|_| ())
    }

    fn refuse_restore(conn: &mut AnyConnection, id: PeakId) -> QueryResult<Option<Message>> {
        let Some((hotel, _)) = Self::owner(conn, id)? else {
            return Ok(None);
        };
        backend::lock(conn, Lock::Supplier(hotel))?;
        let Some(stored) = peak_rows(conn, hotel)?.into_iter().find(|p| p.id == id) else {
            return Ok(None);
        };
        let new = NewPeak {
            room_type: stored.room_type,
            peak: stored.peak,
        };
        Ok(
            clashing_peak(conn, hotel, &new, Some(id))?.and_then(|clash| {
                ContractError::Overlap {
                    name: clash.peak.name,
                    from: clash.peak.period.starts_on,
                    to: clash.peak.period.ends_on,
                }
                .refusal()
            }),
        )
    }
}

/// An allotment as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAllotment {
    pub id: AllotmentId,
    pub room_type: RoomTypeId,
    pub allotment: Allotment,
    pub archived: bool,
}

/// The allotments of every room type of a hotel, live ones first, by room type and first night.
pub fn allotments_of(
    conn: &mut AnyConnection,
    hotel: SupplierId,
) -> QueryResult<Vec<StoredAllotment>> {
    let rows: Vec<(i64, i64, NaiveDate, NaiveDate, i32, i32, bool)> = allotments::table
        .inner_join(room_types::table)
        .filter(room_types::supplier_id.eq(hotel.0))
        .select((
            allotments::id,
            allotments::room_type_id,
            allotments::starts_on,
            allotments::ends_on,
            allotments::rooms,
            allotments::release_days,
            allotments::archived,
        ))
        .order((
            allotments::archived.asc(),
            allotments::room_type_id.asc(),
            allotments::starts_on.asc(),
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(id, rt, from, to, rooms, release, archived)| {
            let bad = |what: &str, v: i32| corrupt(what, &v.to_string());
            Ok(StoredAllotment {
                id: AllotmentId(id),
                room_type: RoomTypeId(rt),
                allotment: Allotment {
                    period: Season::new(from, to).map_err(|_| bad("allotment", rooms))?,
                    rooms: u16::try_from(rooms).map_err(|_| bad("rooms", rooms))?,
                    release_days: u16::try_from(release).map_err(|_| bad("release", release))?,
                },
                archived,
            })
        })
        .collect()
}

/// The first live allotment of `room_type` (other than `except`) overlapping `period`.
fn clashing_allotment(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    room_type: RoomTypeId,
    period: &Season,
    except: Option<AllotmentId>,
) -> QueryResult<Option<StoredAllotment>> {
    Ok(allotments_of(conn, hotel)?.into_iter().find(|a| {
        !a.archived
            && a.room_type == room_type
            && Some(a.id) != except
            && a.allotment.period.overlaps(period)
    }))
}

fn allotment_overlap(clash: StoredAllotment, room_type_name: String) -> ContractError {
    ContractError::Overlap {
        name: room_type_name,
        from: clash.allotment.period.starts_on,
        to: clash.allotment.period.ends_on,
    }
}

fn room_type_name(conn: &mut AnyConnection, id: RoomTypeId) -> QueryResult<String> {
    room_types::table
        .find(id.0)
        .select(room_types::name)
        .first(conn)
}

/// Adds an allotment to a live room type of a live hotel and audits it; it may not overlap
/// another live allotment of the room type.
pub fn add_allotment(
    conn: &mut AnyConnection,
    actor: &Actor,
    hotel: SupplierId,
    room_type: RoomTypeId,
    allotment: &Allotment,
) -> Result<AllotmentId, ContractError> {
    let id = insert_allotment(conn, hotel, room_type, allotment)?;
    let after = serde_json::json!({
        "hotel": hotel.0,
        "room_type": room_type.0,
        "starts_on": allotment.period.starts_on,
        "ends_on": allotment.period.ends_on,
        "rooms": allotment.rooms,
        "release_days": allotment.release_days,
    });
    audit::record_change(conn, actor, Change::create(Entity::Allotment, id, after))?;
    Ok(id)
}

/// Adds an allotment under the rules of [`add_allotment`], unaudited (the demo's seeding).
pub fn insert_allotment(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    room_type: RoomTypeId,
    allotment: &Allotment,
) -> Result<AllotmentId, ContractError> {
    allotment.check()?;
    lock_live_hotel(conn, hotel)?;
    live_room_type_of(conn, hotel, room_type)?;
    if let Some(clash) = clashing_allotment(conn, hotel, room_type, &allotment.period, None)? {
        return Err(allotment_overlap(clash, room_type_name(conn, room_type)?));
    }
    let at = now();
    let id = diesel::insert_into(allotments::table)
        .values((
            allotments::room_type_id.eq(room_type.0),
            allotments::starts_on.eq(allotment.period.starts_on),
            allotments::ends_on.eq(allotment.period.ends_on),
            allotments::rooms.eq(i32::from(allotment.rooms)),
            allotments::release_days.eq(i32::from(allotment.release_days)),
            allotments::archived.eq(false),
            allotments::created_at.eq(at),
            allotments::updated_at.eq(at),
        ))
        .returning(allotments::id)
        .get_result(conn)
        .map(AllotmentId)?;
    Ok(id)
}

/// Room types' allotments, archived and restored from the hotel's page.
pub struct Allotments;

impl super::Item for Allotments {
    const ENTITY: Entity = Entity::Allotment;
    type Id = AllotmentId;

    fn owner(conn: &mut AnyConnection, id: AllotmentId) -> QueryResult<Option<(SupplierId, bool)>> {
        allotments::table
            .inner_join(room_types::table)
            .filter(allotments::id.eq(id.0))
            .select((room_types::supplier_id, allotments::archived))
            .first::<(i64, bool)>(conn)
            .optional()
            .map(|o| o.map(|(s, a)| (SupplierId(s), a)))
    }

    fn write_archived(
        conn: &mut AnyConnection,
        id: AllotmentId,
        archived: bool,
    ) -> QueryResult<()> {
        diesel::update(allotments::table.find(id.0))
            .set((
                allotments::archived.eq(archived),
                allotments::updated_at.eq(now()),
            ))
            .execute(conn)
            .map(|_| ())
    }

    fn refuse_restore(conn: &mut AnyConnection, id: AllotmentId) -> QueryResult<Option<Message>> {
        let Some((hotel, _)) = Self::owner(conn, id)? else {
            return Ok(None);
        };
        backend::lock(conn, Lock::Supplier(hotel))?;
        let Some(a) = allotments_of(conn, hotel)?.into_iter().find(|a| a.id == id) else {
            return Ok(None);
        };
        let room_type_live: bool = room_types::table
            .find(a.room_type.0)
            .select(room_types::archived)
            .first::<bool>(conn)
            .map(|archived| !archived)?;
        if !room_type_live {
            return Ok(Some(Message::new("contracts-error-room-type-archived")));
        }
        match clashing_allotment(conn, hotel, a.room_type, &a.allotment.period, Some(id))? {
            Some(clash) => {
                Ok(allotment_overlap(clash, room_type_name(conn, a.room_type)?).refusal())
            }
            None => Ok(None),
        }
    }
}

/// What pricing reads for one live room type: the hotel's contract validity, the room type's
/// live rates and the live peaks that apply to it. `None` when there is no such room type.
pub fn room_contract(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
) -> QueryResult<Option<RoomContract>> {
    let Some(rt) = super::rooms::find_room_type(conn, room_type)?.filter(|rt| !rt.archived) else {
        return Ok(None);
    };
    let hotel = rt.supplier_id;
    let rates = super::rooms::rates_of(conn, hotel)?
        .into_iter()
        .filter(|r| r.room_type_id == room_type)
        .map(|r| SeasonRate {
            season_name: r.season,
            season: Season {
                starts_on: r.starts_on,
                ends_on: r.ends_on,
            },
            room: r.rate,
            terms: r.terms,
        })
        .collect();
    let peaks = peak_rows(conn, hotel)?
        .into_iter()
        .filter(|p| !p.archived && (p.room_type.is_none() || p.room_type == Some(room_type)))
        .map(|p| p.peak)
        .collect();
    Ok(Some(RoomContract {
        validity: contract_of(conn, hotel)?.map(|c| c.validity),
        max_occupancy: u8::try_from(rt.max_occupancy).unwrap_or(u8::MAX),
        rates,
        peaks,
    }))
}
