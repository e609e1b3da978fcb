//! Transport sheets: one row per vehicle — the company (matched by name and city, as other
//! suppliers) and one of its vehicles with its rates per day and per transfer, in the company's
//! currency. A vehicle is matched among the company's live vehicles by its plate, else by its
//! type when the company has only one of that type. The rules are the vehicle form's.

use diesel::QueryResult;

use super::fill::{Currencies, Fill};
use super::reader::{Cell, RowReader};
use super::sheet::{CellKind, Column, RowCells};
use super::suppliers::{
    ADDRESS, CITY, CONTACT, COUNTRY, CURRENCY, EMAIL, LOCAL_NAME, PHONE, fill_common, find,
    read_common,
};
use super::{Outcome, Reading, Value};
use crate::db::AnyConnection;
use crate::db::master::suppliers;
use crate::db::master::vehicles::{self, NewVehicle, Vehicle};
use crate::domain::ids::SupplierId;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::domain::text::search_key;

pub const COLUMNS: &[Column] = &[
    Column::keyed(
        "name",
        key("imports-col-company"),
        CellKind::Text,
        "Lanna Coaches",
    ),
    LOCAL_NAME,
    CITY,
    COUNTRY,
    CURRENCY,
    CONTACT,
    PHONE,
    EMAIL,
    ADDRESS,
    Column::keyed(
        "vehicle_type",
        key("vehicles-type"),
        CellKind::Text,
        "Coach 45 seats",
    ),
    Column::required("seats", key("vehicles-seats"), CellKind::Number, "45"),
    Column::optional("plate", key("vehicles-plate"), CellKind::Text, "40-1234"),
    Column::required(
        "day_rate",
        key("vehicles-day-rate"),
        CellKind::Number,
        "9000",
    ),
    Column::required(
        "transfer_rate",
        key("vehicles-transfer-rate"),
        CellKind::Number,
        "3500",
    ),
];

/// Plates compared without case or spacing (`40-1234`, `40 - 1234`).
fn plate_key(plate: &str) -> String {
    search_key(&plate.replace(' ', ""))
}

/// The live vehicle of `company` a row names, `Ok(None)` for a new one, or `Err` with the
/// row's error.
fn find_vehicle(
    conn: &mut AnyConnection,
    company: Option<SupplierId>,
    vehicle_type: &str,
    plate: &Cell<String>,
) -> QueryResult<Result<Option<Vehicle>, Message>> {
    let Some(company) = company else {
        return Ok(Ok(None));
    };
    let live: Vec<Vehicle> = vehicles::vehicles_of(conn, company)?
        .into_iter()
        .filter(|v| !v.archived)
        .collect();
    if let Some(plate) = plate.set()
        && let Some(v) = live
            .iter()
            .find(|v| plate_key(&v.plate) == plate_key(plate))
    {
        return Ok(Ok(Some(v.clone())));
    }
    let wanted = search_key(vehicle_type);
    let mut of_type = live.into_iter().filter(|v| {
        search_key(&v.vehicle_type) == wanted && (plate.set().is_none() || v.plate.is_empty())
    });
    match (of_type.next(), of_type.next()) {
        (only, None) => Ok(Ok(only)),
        _ if plate.set().is_some() => Ok(Ok(None)),
        _ => Ok(Err(
            Message::new("imports-error-ambiguous-vehicle").arg("type", vehicle_type)
        )),
    }
}

pub fn apply(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let common = read_common(&mut r, key("imports-col-company"));
    let vehicle_type = r.key_text("vehicle_type", key("vehicles-type"), 100);
    let seats = r
        .integer("seats", key("vehicles-seats"), 1, 100)
        .map(|s| s as i32);
    let plate = r.text("plate", key("vehicles-plate"), 30);
    let day_rate = r.decimal("day_rate", key("vehicles-day-rate"));
    let transfer_rate = r.decimal("transfer_rate", key("vehicles-transfer-rate"));
    let label = [row.get("name"), row.get("vehicle_type"), row.get("plate")]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    let mut out = Outcome::new(row, label);
    out.errors = std::mem::take(&mut r.errors);
    let (Some(name), Some(vehicle_type)) = (common.name.clone(), vehicle_type) else {
        return Ok(out.finish(false));
    };

    // The company.
    let found = match find(conn, SupplierKind::Transport, &name, &common.city)? {
        Ok(found) => found,
        Err(refused) => {
            out.errors.extend(refused);
            return Ok(out.finish(false));
        }
    };
    let before = found.as_ref().map(|s| &s.data);
    let mut fill = Fill::new(&mut out);
    let Some(data) = fill_common(&mut fill, SupplierKind::Transport, name, before, common) else {
        return Ok(out.finish(false));
    };
    let vehicle = find_vehicle(conn, found.as_ref().map(|s| s.id), &vehicle_type, &plate)?;
    let vehicle = match vehicle {
        Ok(v) => v,
        Err(refused) => {
            out.error(refused);
            return Ok(out.finish(false));
        }
    };
    if let Some(company) = &found
        && company.data.currency != data.currency
        && vehicles::vehicles_of(conn, company.id)?
            .iter()
            .any(|v| !v.archived)
    {
        out.error(
            Message::new("imports-error-currency-vehicles")
                .arg("name", &company.data.name)
                .arg("currency", company.data.currency.code()),
        );
        return Ok(out.finish(false));
    }

    // The vehicle, its rates in the company's currency.
    let mut fill = Fill::new(&mut out);
    let v = vehicle.as_ref();
    let type_before = v.map(|v| &v.vehicle_type);
    // Matched by its type, a vehicle keeps its own spelling of it.
    let vehicle_type = match type_before {
        Some(t) if search_key(t) == search_key(&vehicle_type) => t.clone(),
        _ => vehicle_type,
    };
    fill.out.change(
        key("vehicles-type"),
        type_before.map(|t| Value::text(t)),
        Value::text(&vehicle_type),
    );
    let seats = fill.required(key("vehicles-seats"), v.map(|v| &v.seats), seats, |s| {
        Value::Integer(i64::from(*s))
    });
    let plate = fill.text(key("vehicles-plate"), v.map(|v| &v.plate), plate);
    let currencies = Currencies {
        before: None,
        after: data.currency,
    };
    let day_rate = fill.amount(
        key("vehicles-day-rate"),
        v.map(|v| &v.day_rate_minor),
        day_rate,
        currencies,
    );
    let transfer_rate = fill.amount(
        key("vehicles-transfer-rate"),
        v.map(|v| &v.transfer_rate_minor),
        transfer_rate,
        currencies,
    );
    let (Some(seats), Some(plate), Some(day_rate_minor), Some(transfer_rate_minor), false) =
        (seats, plate, day_rate, transfer_rate, out.has_errors())
    else {
        return Ok(out.finish(false));
    };
    let mut created = false;
    let company = match &found {
        Some(existing) => {
            if data != existing.data {
                suppliers::update(conn, existing.id, &data)?;
            }
            existing.id
        }
        None => {
            created = true;
            suppliers::insert(conn, &data)?
        }
    };
    let new = NewVehicle {
        vehicle_type,
        seats,
        plate,
        day_rate_minor,
        transfer_rate_minor,
    };
    match vehicle {
        Some(v) => {
            let stored = NewVehicle {
                vehicle_type: v.vehicle_type.clone(),
                seats: v.seats,
                plate: v.plate.clone(),
                day_rate_minor: v.day_rate_minor,
                transfer_rate_minor: v.transfer_rate_minor,
            };
            if stored != new {
                vehicles::update_vehicle(conn, v.id, &new)?;
            }
        }
        None => {
            created = true;
            vehicles::insert_vehicle(conn, company, &new)?;
        }
    }
    Ok(out.finish(created))
}
