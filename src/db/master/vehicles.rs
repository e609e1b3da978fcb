//! A transport company's vehicles.

use diesel::prelude::*;

use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::schema::vehicles;
use crate::db::{AnyConnection, now};
use crate::domain::ids::{SupplierId, VehicleId};

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

/// A vehicle as its form gives it; rates in the company's currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewVehicle {
    pub vehicle_type: String,
    pub seats: i32,
    pub plate: String,
    pub day_rate_minor: i64,
    pub transfer_rate_minor: i64,
}

impl NewVehicle {
    /// The vehicle as the audit log keeps it.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "type": self.vehicle_type,
            "seats": self.seats,
            "plate": self.plate,
            "day_rate_minor": self.day_rate_minor,
            "transfer_rate_minor": self.transfer_rate_minor,
        })
    }
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
    new: &NewVehicle,
) -> QueryResult<VehicleId> {
    let at = now();
    diesel::insert_into(vehicles::table)
        .values((
            vehicles::supplier_id.eq(company.0),
            vehicles::vehicle_type.eq(&new.vehicle_type),
            vehicles::seats.eq(new.seats),
            vehicles::plate.eq(&new.plate),
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

/// Changes a vehicle's type, seats, plate and rates (an import's change, audited with the
/// import).
pub fn update_vehicle(
    conn: &mut AnyConnection,
    id: VehicleId,
    new: &NewVehicle,
) -> QueryResult<usize> {
    diesel::update(vehicles::table.find(id.0))
        .set((
            vehicles::vehicle_type.eq(&new.vehicle_type),
            vehicles::seats.eq(new.seats),
            vehicles::plate.eq(&new.plate),
            vehicles::day_rate_minor.eq(new.day_rate_minor),
            vehicles::transfer_rate_minor.eq(new.transfer_rate_minor),
            vehicles::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// Adds a vehicle to a transport company and audits it.
pub fn add_vehicle(
    conn: &mut AnyConnection,
    actor: &Actor,
    company: SupplierId,
    new: &NewVehicle,
) -> QueryResult<VehicleId> {
    let id = insert_vehicle(conn, company, new)?;
    let mut after = new.audit_json();
    after["company"] = company.0.into();
    audit::record_change(conn, actor, Change::create(Entity::Vehicle, id, after))?;
    Ok(id)
}

/// A transport company's vehicles, archived from its page through
/// [`super::set_item_archived`].
pub struct Vehicles;

impl super::Item for Vehicles {
    const ENTITY: Entity = Entity::Vehicle;
    type Id = VehicleId;

    fn owner(conn: &mut AnyConnection, id: VehicleId) -> QueryResult<Option<(SupplierId, bool)>> {
        vehicles::table
            .find(id.0)
            .select((vehicles::supplier_id, vehicles::archived))
            .first::<(i64, bool)>(conn)
            .optional()
            .map(|o| o.map(|(s, a)| (SupplierId(s), a)))
    }

    fn write_archived(conn: &mut AnyConnection, id: VehicleId, archived: bool) -> QueryResult<()> {
        diesel::update(vehicles::table.find(id.0))
            .set((
                vehicles::archived.eq(archived),
                vehicles::updated_at.eq(now()),
            ))
            .execute(conn)
            .map(|_| ())
    }
}

/// A vehicle as sentences and questions name it: its type, and its plate when it has one.
pub fn label(vehicle_type: &str, plate: &str) -> String {
    if plate.is_empty() {
        vehicle_type.to_owned()
    } else {
        format!("{vehicle_type} {plate}")
    }
}

/// A vehicle as the question before archiving it names it.
pub fn vehicle_name(conn: &mut AnyConnection, id: VehicleId) -> QueryResult<Option<String>> {
    let row: Option<(String, String)> = vehicles::table
        .find(id.0)
        .select((vehicles::vehicle_type, vehicles::plate))
        .first(conn)
        .optional()?;
    Ok(row.map(|(kind, plate)| label(&kind, &plate)))
}
