//! What hangs off a supplier's page: a hotel's room types and seasonal contract rates
//! (overlapping seasons of one room type refused), a transport company's vehicles. The form
//! readers here serve adding them and, in `item_edits`, editing them.

use actix_web::{HttpResponse, web};

use super::load;
use super::show::{Failed, render_show};
use crate::db::master::rooms::{self, NewRate, NewRoomType, RateError, RoomTypeError};
use crate::db::master::suppliers::Supplier;
use crate::db::master::vehicles::{self, NewVehicle};
use crate::domain::access::Perm;
use crate::domain::ids::{RoomRateId, RoomTypeId, SupplierId, VehicleId};
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::{RoomKind, SupplierKind};
use crate::domain::message::Message;
use crate::domain::money::Money;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, Fields, Reader};
use crate::web::paths;

/// A room type as its form gives it: name, kind and maximum occupancy (the kind's usual one
/// when left empty), or the field errors.
pub(super) fn read_room_type(ui: &Ui, fields: &Fields) -> Result<NewRoomType, Errors> {
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
pub(super) fn read_rate(r: &mut Reader<'_>) -> Option<NewRate> {
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
pub(super) fn room_type_refused(ui: &Ui, e: RoomTypeError) -> Result<Errors, WebError> {
    Errors::refused(ui, "name", e)
}

/// The form's errors for a rate a rule refused: an overlap is the dates' to fix.
pub(super) fn rate_refused(ui: &Ui, e: RateError) -> Result<Errors, WebError> {
    Errors::refused(ui, "starts_on", e)
}

/// The supplier's page again with the sub-form `section` refused (422).
async fn refuse(
    (ui, db, user): (&Ui, &Db, &CurrentUser),
    supplier: Supplier,
    section: &'static str,
    fields: Fields,
    errors: Errors,
) -> Result<HttpResponse, WebError> {
    let failed = Failed {
        section,
        fields,
        errors,
    };
    render_show(ui, db, user, supplier, Some(failed)).await
}

pub async fn add_room_type(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let hotel = load(&db, SupplierKind::Hotel, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let page = (&ui, &db, &user);
    let new = match read_room_type(&ui, &fields) {
        Ok(new) => new,
        Err(errors) => return refuse(page, hotel, "room-type", fields, errors).await,
    };
    let (actor, hotel_id) = (user.actor(ui.client_addr()), hotel.id);
    let added = db
        .write(move |conn| rooms::add_room_type(conn, &actor, hotel_id, &new))
        .await;
    if let Err(e) = added {
        let errors = room_type_refused(&ui, e)?;
        return refuse(page, hotel, "room-type", fields, errors).await;
    }
    let flash = Flash::success(Message::new("rooms-created"));
    Ok(ui.see_other(&paths::hotel(hotel_id), flash))
}

pub async fn add_rate(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let hotel = load(&db, SupplierKind::Hotel, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let page = (&ui, &db, &user);
    let hotel_id = hotel.id;
    let live: Vec<RoomTypeId> = db
        .read(move |conn| -> Result<_, WebError> { Ok(rooms::room_types_of(conn, hotel_id)?) })
        .await?
        .into_iter()
        .filter(|rt| !rt.archived)
        .map(|rt| rt.id)
        .collect();
    let mut r = Reader::new(&ui, &fields);
    let choices: Vec<String> = live.iter().map(|id| id.to_string()).collect();
    let choices: Vec<&str> = choices.iter().map(String::as_str).collect();
    let room_type = r
        .choice("room_type", &choices)
        .and_then(|id| id.parse().ok())
        .map(RoomTypeId);
    let new = read_rate(&mut r);
    let (Some(room_type), Some(new), false) = (room_type, new, r.errors.any()) else {
        let errors = r.errors;
        return refuse(page, hotel, "rate", fields, errors).await;
    };
    let actor = user.actor(ui.client_addr());
    let added = db
        .write(move |conn| rooms::add_rate(conn, &actor, hotel_id, room_type, &new))
        .await;
    if let Err(e) = added {
        let errors = rate_refused(&ui, e)?;
        return refuse(page, hotel, "rate", fields, errors).await;
    }
    let flash = Flash::success(Message::new("rates-created"));
    Ok(ui.see_other(&paths::hotel(hotel_id), flash))
}

pub async fn archive_rate(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<RoomRateId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (rate, actor) = (path.into_inner(), user.actor(ui.client_addr()));
    let hotel = db
        .write(move |conn| -> Result<_, WebError> { Ok(rooms::archive_rate(conn, &actor, rate)?) })
        .await?;
    let flash = Flash::success(Message::new("rates-archived"));
    Ok(ui.see_other(&paths::hotel(hotel), flash))
}

pub async fn archive_room_type(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<RoomTypeId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (id, actor) = (path.into_inner(), user.actor(ui.client_addr()));
    let hotel = db
        .write(move |conn| -> Result<_, WebError> {
            Ok(rooms::archive_room_type(conn, &actor, id)?)
        })
        .await?;
    let flash = Flash::success(Message::new("rooms-archived"));
    Ok(ui.see_other(&paths::hotel(hotel), flash))
}

/// A vehicle as its form gives it, its rates in the company's currency.
fn read_vehicle(r: &mut Reader<'_>, company: &Supplier) -> Option<NewVehicle> {
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

pub async fn add_vehicle(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let company = load(&db, SupplierKind::Transport, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let new = read_vehicle(&mut r, &company);
    let (Some(new), false) = (new, r.errors.any()) else {
        let errors = r.errors;
        return refuse((&ui, &db, &user), company, "vehicle", fields, errors).await;
    };
    let (actor, company_id) = (user.actor(ui.client_addr()), company.id);
    db.write(move |conn| -> Result<_, WebError> {
        Ok(vehicles::add_vehicle(conn, &actor, company_id, &new)?)
    })
    .await?;
    let flash = Flash::success(Message::new("vehicles-created"));
    Ok(ui.see_other(&paths::transport_company(company_id), flash))
}

pub async fn archive_vehicle(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<VehicleId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (vehicle, actor) = (path.into_inner(), user.actor(ui.client_addr()));
    let company = db
        .write(move |conn| -> Result<_, WebError> {
            Ok(vehicles::archive_vehicle(conn, &actor, vehicle)?)
        })
        .await?;
    let flash = Flash::success(Message::new("vehicles-archived"));
    Ok(ui.see_other(&paths::transport_company(company), flash))
}
