//! A hotel's peak-period surcharges: a surcharge per room-night over a period, on top of the
//! seasons, for one room type or all of them.
//!
//! **Invariant:** two live peaks that could apply to the same room type never overlap (a
//! hotel-wide peak counts for every room type): checked with the hotel locked, inside the
//! caller's write transaction, and again when an archived one is restored.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::super::{Item, corrupt, currency_of};
use super::{ContractError, live_room_type_of, lock_live_hotel};
use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::backend::{self, Lock};
use crate::db::schema::peak_surcharges;
use crate::db::{AnyConnection, now};
use crate::domain::ids::{PeakId, RoomTypeId, SupplierId};
use crate::domain::master::contracts::Peak;
use crate::domain::master::seasons::Season;
use crate::domain::message::{Message, Refusal};
use crate::domain::money::Money;

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

pub(super) fn peak_rows(
    conn: &mut AnyConnection,
    hotel: SupplierId,
) -> QueryResult<Vec<StoredPeak>> {
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

/// A hotel's peak surcharges, archived and restored from the hotel's page.
pub struct Peaks;

impl Item for Peaks {
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

/// A live peak by id, as stored.
pub fn find_peak(conn: &mut AnyConnection, id: PeakId) -> QueryResult<Option<StoredPeak>> {
    let Some((hotel, _)) = Peaks::owner(conn, id)? else {
        return Ok(None);
    };
    Ok(peak_rows(conn, hotel)?.into_iter().find(|p| p.id == id))
}

/// Changes a live peak's name, period, amount and minimum nights (its room types stay), read
/// inside the caller's transaction under the rules of [`add_peak`], and audits it. Returns its
/// hotel.
pub fn change_peak(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: PeakId,
    peak: &Peak,
) -> Result<SupplierId, ContractError> {
    peak.check()?;
    let before = find_peak(conn, id)?.ok_or(ContractError::NotFound)?;
    if before.archived {
        return Err(ContractError::Archived);
    }
    lock_live_hotel(conn, before.hotel)?;
    let new = NewPeak {
        room_type: before.room_type,
        peak: peak.clone(),
    };
    if let Some(clash) = clashing_peak(conn, before.hotel, &new, Some(id))? {
        return Err(ContractError::Overlap {
            name: clash.peak.name,
            from: clash.peak.period.starts_on,
            to: clash.peak.period.ends_on,
        });
    }
    diesel::update(peak_surcharges::table.find(id.0))
        .set((
            peak_surcharges::name.eq(&peak.name),
            peak_surcharges::starts_on.eq(peak.period.starts_on),
            peak_surcharges::ends_on.eq(peak.period.ends_on),
            peak_surcharges::amount_minor.eq(peak.amount.minor),
            peak_surcharges::currency.eq(peak.amount.currency.code()),
            peak_surcharges::min_nights.eq(i32::from(peak.min_nights)),
            peak_surcharges::updated_at.eq(now()),
        ))
        .execute(conn)?;
    let was = NewPeak {
        room_type: before.room_type,
        peak: before.peak,
    };
    let change = Change::update(
        Entity::Peak,
        id,
        was.audit_json(before.hotel),
        new.audit_json(before.hotel),
    );
    audit::record_change(conn, actor, change)?;
    Ok(before.hotel)
}
