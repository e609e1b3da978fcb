//! A hotel's contract beyond the room rates themselves: its validity, the terms stored beside
//! each seasonal rate, peak-period surcharges (`peaks`) and allotments (`allotments`); and
//! [`room_contract`], what `domain::master::pricing` reads for one room type.
//!
//! **Invariants:** a live rate's season lies within the contract's validity when the hotel has
//! one ([`set_contract`] refuses a validity that would leave a live rate outside, and
//! `rooms::insert_rate`/`change_rate` a season outside it); two live peaks that could apply to
//! the same room type never overlap (a hotel-wide peak counts for every room type); two live
//! allotments of one room type never overlap. Each is checked with the hotel locked, inside the
//! caller's write transaction, and again when an archived one is restored.

mod allotments;
mod peaks;

pub use allotments::{
    Allotments, StoredAllotment, add_allotment, allotment_name, allotments_of, change_allotment,
    find_allotment, insert_allotment,
};
pub use peaks::{
    NewPeak, Peaks, StoredPeak, add_peak, change_peak, find_peak, insert_peak, peak_name, peaks_of,
};

use chrono::NaiveDate;
use diesel::dsl;
use diesel::prelude::*;

use super::corrupt;
use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::backend::{self, Lock};
use crate::db::schema::{hotel_contracts, room_rates, room_types, suppliers};
use crate::db::{AnyConnection, now};
use crate::domain::ids::{RoomTypeId, SupplierId};
use crate::domain::master::contracts::{
    Breakfast, ChildBand, ChildRate, RateTerms, SeasonRate, TermsError,
};
use crate::domain::master::pricing::RoomContract;
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, Refusal};

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
pub(super) fn lock_live_hotel(
    conn: &mut AnyConnection,
    hotel: SupplierId,
) -> Result<(), ContractError> {
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

/// Why the rates archived with a room type at `archived_at` cannot come back with it: the first
/// that lies outside the hotel's contract, in words; `None` when all lie within (or there is no
/// contract).
pub fn archived_rate_outside(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    archived_at: chrono::NaiveDateTime,
) -> QueryResult<Option<Message>> {
    let Some(v) = validity_for_room_type(conn, room_type)? else {
        return Ok(None);
    };
    let outside: Option<(String, NaiveDate, NaiveDate)> = room_rates::table
        .filter(room_rates::room_type_id.eq(room_type.0))
        .filter(room_rates::archived.eq(true))
        .filter(room_rates::updated_at.eq(archived_at))
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
        .first(conn)
        .optional()?;
    Ok(outside
        .and_then(|(season, from, to)| ContractError::RateOutside { season, from, to }.refusal()))
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

/// A live room type of `hotel`, or not found / archived.
pub(super) fn live_room_type_of(
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
    let peaks = peaks::peaks_of(conn, hotel)?
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
