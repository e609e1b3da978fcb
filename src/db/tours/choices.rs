//! What a service line may book, for the line form's drop-down lists: live suppliers of a
//! kind, live room types with their hotel, live vehicles with their company, live guides.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{guides, room_types, suppliers, vehicles};
use crate::domain::master::suppliers::SupplierKind;

/// Live suppliers of `kind` as (id, name, city), by name.
pub fn suppliers_of(
    conn: &mut AnyConnection,
    kind: SupplierKind,
) -> QueryResult<Vec<(i64, String, String)>> {
    suppliers::table
        .filter(suppliers::kind.eq(kind.as_str()))
        .filter(suppliers::archived.eq(false))
        .order((suppliers::name.asc(), suppliers::id.asc()))
        .select((suppliers::id, suppliers::name, suppliers::city))
        .load(conn)
}

/// Live room types of live hotels as (hotel id, room type id, hotel name, room type name).
pub fn room_types(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, i64, String, String)>> {
    room_types::table
        .inner_join(suppliers::table)
        .filter(room_types::archived.eq(false))
        .filter(suppliers::archived.eq(false))
        .order((suppliers::name.asc(), room_types::name.asc()))
        .select((
            suppliers::id,
            room_types::id,
            suppliers::name,
            room_types::name,
        ))
        .load(conn)
}

/// A vehicle offered on a line: (vehicle id, company name, type, plate, seats).
pub type VehicleChoice = (i64, String, String, String, i32);

/// Live vehicles of live companies, by company and size.
pub fn vehicles(conn: &mut AnyConnection) -> QueryResult<Vec<VehicleChoice>> {
    vehicles::table
        .inner_join(suppliers::table)
        .filter(vehicles::archived.eq(false))
        .filter(suppliers::archived.eq(false))
        .order((suppliers::name.asc(), vehicles::seats.asc()))
        .select((
            vehicles::id,
            suppliers::name,
            vehicles::vehicle_type,
            vehicles::plate,
            vehicles::seats,
        ))
        .load(conn)
}

/// Live guides as (id, name), by name.
pub fn guides(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, String)>> {
    guides::table
        .filter(guides::archived.eq(false))
        .order((guides::name.asc(), guides::id.asc()))
        .select((guides::id, guides::name))
        .load(conn)
}
