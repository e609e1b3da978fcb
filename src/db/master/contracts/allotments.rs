//! Allotments: rooms a hotel holds for the agency per night of a period, released back to the
//! hotel a number of days before each night.
//!
//! **Invariant:** two live allotments of one room type never overlap: checked with the hotel
//! locked, inside the caller's write transaction, and again when an archived one is restored.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::super::{Item, corrupt};
use super::{ContractError, live_room_type_of, lock_live_hotel};
use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::backend::{self, Lock};
use crate::db::schema::{allotments, room_types};
use crate::db::{AnyConnection, now};
use crate::domain::ids::{AllotmentId, RoomTypeId, SupplierId};
use crate::domain::master::contracts::Allotment;
use crate::domain::master::seasons::Season;
use crate::domain::message::{Message, Refusal};

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
    let after = allotment_json(hotel, room_type, allotment);
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

impl Item for Allotments {
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

fn allotment_json(hotel: SupplierId, room_type: RoomTypeId, a: &Allotment) -> serde_json::Value {
    serde_json::json!({
        "hotel": hotel.0,
        "room_type": room_type.0,
        "starts_on": a.period.starts_on,
        "ends_on": a.period.ends_on,
        "rooms": a.rooms,
        "release_days": a.release_days,
    })
}

/// A live or archived allotment by id, with its hotel.
pub fn find_allotment(
    conn: &mut AnyConnection,
    id: AllotmentId,
) -> QueryResult<Option<(SupplierId, StoredAllotment)>> {
    let Some((hotel, _)) = Allotments::owner(conn, id)? else {
        return Ok(None);
    };
    Ok(allotments_of(conn, hotel)?
        .into_iter()
        .find(|a| a.id == id)
        .map(|a| (hotel, a)))
}

/// Changes a live allotment's period, rooms and release days (its room type stays), read
/// inside the caller's transaction under the rules of [`add_allotment`], and audits it.
/// Returns its hotel.
pub fn change_allotment(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: AllotmentId,
    allotment: &Allotment,
) -> Result<SupplierId, ContractError> {
    allotment.check()?;
    let (hotel, before) = find_allotment(conn, id)?.ok_or(ContractError::NotFound)?;
    if before.archived {
        return Err(ContractError::Archived);
    }
    lock_live_hotel(conn, hotel)?;
    let room_type = before.room_type;
    if let Some(clash) = clashing_allotment(conn, hotel, room_type, &allotment.period, Some(id))? {
        return Err(allotment_overlap(clash, room_type_name(conn, room_type)?));
    }
    diesel::update(allotments::table.find(id.0))
        .set((
            allotments::starts_on.eq(allotment.period.starts_on),
            allotments::ends_on.eq(allotment.period.ends_on),
            allotments::rooms.eq(i32::from(allotment.rooms)),
            allotments::release_days.eq(i32::from(allotment.release_days)),
            allotments::updated_at.eq(now()),
        ))
        .execute(conn)?;
    let change = Change::update(
        Entity::Allotment,
        id,
        allotment_json(hotel, room_type, &before.allotment),
        allotment_json(hotel, room_type, allotment),
    );
    audit::record_change(conn, actor, change)?;
    Ok(hotel)
}
