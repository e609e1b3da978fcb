//! The forms of what hangs off a supplier's page — a hotel's room types and seasonal rates, a
//! transport company's vehicles: their fields, their readers, and how a rule's refusal shows
//! on them. Adding (`items`) and editing (`item_edits`) share them.

use crate::db::master::rooms::{NewRate, NewRoomType, RateError, RoomTypeError};
use crate::db::master::suppliers::Supplier;
use crate::db::master::vehicles::NewVehicle;
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::RoomKind;
use crate::domain::message::key;
use crate::domain::money::Money;
use crate::web::error::WebError;
use crate::web::extract::Ui;
use crate::web::kit::form::{Errors, Fields, FormBuilder, OptionView, Reader};

/// The message id naming a room kind.
pub fn room_kind_key(kind: RoomKind) -> &'static str {
    match kind {
        RoomKind::Single => key("room-single"),
        RoomKind::Twin => key("room-twin"),
        RoomKind::Double => key("room-double"),
        RoomKind::Triple => key("room-triple"),
        RoomKind::Family => key("room-family"),
    }
}

/// The room type form's fields: what `read_room_type` reads.
pub fn room_type_fields(b: &mut FormBuilder<'_>) {
    let kinds = RoomKind::ALL
        .iter()
        .map(|k| OptionView {
            value: k.as_str().into(),
            label: b.ui.t(room_kind_key(*k)),
        })
        .collect();
    b.text("name", key("rooms-name"), true)
        .select("kind", key("rooms-kind"), kinds)
        .number("max_occupancy", key("rooms-max-occupancy"), false);
}

/// The rate form's fields: what `read_rate` reads.
pub fn rate_fields(b: &mut FormBuilder<'_>) {
    b.text("season", key("rates-season"), true)
        .date("starts_on", key("rates-from"), true)
        .date("ends_on", key("rates-to"), true)
        .number("rate", key("rates-per-night"), true)
        .currencies("currency", key("suppliers-col-currency"));
}

/// The vehicle form's fields: what `read_vehicle` reads.
pub fn vehicle_fields(b: &mut FormBuilder<'_>) {
    b.text("vehicle_type", key("vehicles-type"), true)
        .number("seats", key("vehicles-seats"), true)
        .text("plate", key("vehicles-plate"), false)
        .number("day_rate", key("vehicles-day-rate"), true)
        .number("transfer_rate", key("vehicles-transfer-rate"), true);
}

/// A room type as its form gives it: name, kind and maximum occupancy (the kind's usual one
/// when left empty), or the field errors.
pub fn read_room_type(ui: &Ui, fields: &Fields) -> Result<NewRoomType, Errors> {
    let mut r = Reader::new(ui, fields);
    let name = r.text("name", 100, true);
    let kinds = RoomKind::ALL.map(RoomKind::as_str);
    let kind = r.choice("kind", &kinds).and_then(|k| RoomKind::parse(&k));
    let max = r.integer("max_occupancy", 1, 20, false);
    let (Some(kind), false) = (kind, r.errors.any()) else {
        return Err(r.errors);
    };
    let max_occupancy = max.map_or_else(|| kind.default_occupancy(), |m| m as i32);
    Ok(NewRoomType {
        kind,
        name,
        max_occupancy,
    })
}

/// A seasonal rate as its form gives it: season name, first and last night, amount and
/// currency, or the field errors.
pub fn read_rate(r: &mut Reader<'_>) -> Option<NewRate> {
    let season_name = r.text("season", 100, true);
    let starts_on = r.date("starts_on", true);
    let ends_on = r.date("ends_on", true);
    let season = match (starts_on, ends_on) {
        (Some(a), Some(b)) => match Season::new(a, b) {
            Ok(season) => Some(season),
            Err(e) => {
                r.errors.add("ends_on", r.ui.message(&e.message()));
                None
            }
        },
        _ => None,
    };
    let currency = r.currency("currency");
    let rate = r.money("rate", currency, true);
    let (Some(season), Some(minor), Some(currency)) = (season, rate, currency) else {
        return None;
    };
    Some(NewRate {
        season_name,
        season,
        rate: Money::new(minor, currency),
    })
}

/// The form's errors for a room type a rule refused: a taken name is the name's to fix.
pub fn room_type_refused(ui: &Ui, e: RoomTypeError) -> Result<Errors, WebError> {
    Errors::refused(ui, "name", e)
}

/// The form's errors for a rate a rule refused: an overlap is the dates' to fix.
pub fn rate_refused(ui: &Ui, e: RateError) -> Result<Errors, WebError> {
    Errors::refused(ui, "starts_on", e)
}

/// A vehicle as its form gives it, its rates in the company's currency.
pub fn read_vehicle(r: &mut Reader<'_>, company: &Supplier) -> Option<NewVehicle> {
    let currency = Some(company.data.currency);
    let vehicle_type = r.text("vehicle_type", 100, true);
    let seats = r.integer("seats", 1, 100, true);
    let plate = r.text("plate", 30, false);
    let day = r.money("day_rate", currency, true);
    let transfer = r.money("transfer_rate", currency, true);
    Some(NewVehicle {
        vehicle_type,
        seats: seats? as i32,
        plate,
        day_rate_minor: day?,
        transfer_rate_minor: transfer?,
    })
}
