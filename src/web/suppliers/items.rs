//! What hangs off a supplier's page: a hotel's room types and seasonal contract rates
//! (overlapping seasons of one room type refused), a transport company's vehicles.

use super::load;
use super::show::{Failed, render_show};
use crate::db::audit::{self, Change, Entity, Verb};
use crate::db::master::rooms::{self, NewRate, NewRoomType, RateError, RoomTypeError};
use crate::db::master::vehicles::{self, NewVehicle};
use crate::domain::access::Perm;
use crate::domain::ids::{RoomRateId, RoomTypeId, SupplierId, VehicleId};
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::{RoomKind, SupplierKind};
use crate::domain::money::Money;
use crate::i18n::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, Fields, Reader};
use crate::web::paths;
use actix_web::{HttpResponse, web};

/// The season named by the form's `starts_on` and `ends_on`; an inverted range is a field
/// error. Missing dates are reported by the reader itself.
pub(super) fn read_season(ui: &Ui, r: &mut Reader<'_>) -> Option<Season> {
    let starts_on = r.date("starts_on", true);
    let ends_on = r.date("ends_on", true);
    let (a, b) = (starts_on?, ends_on?);
    let season = Season::new(a, b);
    if season.is_none() {
        r.errors.add("ends_on", ui.t(key("rates-error-dates")));
    }
    season
}

/// The field error for a season that overlaps another live season of the same room type.
pub(super) fn overlap_errors(
    ui: &Ui,
    season: String,
    starts_on: chrono::NaiveDate,
    ends_on: chrono::NaiveDate,
) -> Errors {
    let f = ui.formats();
    let mut errors = Errors::default();
    let text = ui.state.i18n.t(
        ui.locale(),
        key("rates-error-overlap"),
        &[
            ("season".into(), season),
            ("from".into(), f.date(ui.locale(), starts_on)),
            ("to".into(), f.date(ui.locale(), ends_on)),
        ],
    );
    errors.add("starts_on", text);
    errors
}

/// A room type as its form gives it: name, kind and maximum occupancy (the kind's usual one
/// when left empty), or the field errors.
pub(super) fn read_room_type(ui: &Ui, fields: &Fields) -> Result<(String, RoomKind, i32), Errors> {
    let mut r = Reader::new(ui, fields);
    let name = r.text("name", 100, true);
    let kinds = RoomKind::ALL.map(RoomKind::as_str);
    let kind = r.choice("kind", &kinds).and_then(|k| RoomKind::parse(&k));
    let max = r.integer("max_occupancy", 1, 20, false);
    let (Some(kind), false) = (kind, r.errors.any()) else {
        return Err(r.errors);
    };
    let max_occupancy = max.map_or_else(|| kind.default_occupancy(), |m| m as i32);
    Ok((name, kind, max_occupancy))
}

/// The field errors of a room type the database refused: a taken name is the user's to fix,
/// anything else is not.
pub(super) fn room_type_refused(ui: &Ui, e: RoomTypeError) -> Result<Errors, WebError> {
    let RoomTypeError::NameTaken(_) = e else {
        return Err(e.into());
    };
    let mut errors = Errors::default();
    errors.add("name", ui.t(key("rooms-error-name-taken")));
    Ok(errors)
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
    let section = "room-type";
    let (name, kind, max_occupancy) = match read_room_type(&ui, &fields) {
        Ok(room_type) => room_type,
        Err(errors) => {
            let failed = Failed {
                section,
                fields,
                errors,
            };
            return render_show(&ui, &db, &user, hotel, Some(failed)).await;
        }
    };
    let (actor, hotel_id) = (user.actor(ui.client_addr()), hotel.id);
    let added = db
        .write(move |conn| -> Result<(), RoomTypeError> {
            let new = NewRoomType {
                kind,
                name: &name,
                max_occupancy,
            };
            let id = rooms::insert_room_type(conn, hotel_id, &new)?;
            let mut after = new.audit_json();
            after["hotel"] = hotel_id.0.into();
            let change = Change::new(Entity::RoomType, Verb::Create, id).after(after);
            audit::record_change(conn, &actor, change)?;
            Ok(())
        })
        .await;
    if let Err(e) = added {
        let errors = room_type_refused(&ui, e)?;
        let failed = Failed {
            section,
            fields,
            errors,
        };
        return render_show(&ui, &db, &user, hotel, Some(failed)).await;
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
    let hotel_id = hotel.id;
    let room_types = db
        .read(move |conn| -> Result<_, WebError> { Ok(rooms::room_types_of(conn, hotel_id)?) })
        .await?;
    let mut r = Reader::new(&ui, &fields);
    let room_type = fields
        .get("room_type")
        .parse::<i64>()
        .ok()
        .and_then(|id| {
            room_types
                .iter()
                .find(|rt| rt.id == RoomTypeId(id) && !rt.archived)
        })
        .map(|rt| rt.id);
    if room_type.is_none() {
        r.errors.add("room_type", ui.t(key("form-error-choice")));
    }
    let season_name = r.text("season", 100, true);
    let season = read_season(&ui, &mut r);
    let currency = r.currency("currency");
    let rate = r.money("rate", currency, true);
    let (Some(room_type), Some(season), Some(rate_minor), Some(currency), false) =
        (room_type, season, rate, currency, r.errors.any())
    else {
        let errors = r.errors;
        let failed = Failed {
            section: "rate",
            fields,
            errors,
        };
        return render_show(&ui, &db, &user, hotel, Some(failed)).await;
    };
    let actor = user.actor(ui.client_addr());
    let result = db
        .write(move |conn| -> Result<RoomRateId, RateError> {
            let new = NewRate {
                season_name: &season_name,
                season,
                rate: Money::new(rate_minor, currency),
            };
            let id = rooms::insert_rate(conn, room_type, &new)?;
            let mut after = new.audit_json();
            after["room_type"] = room_type.0.into();
            let change = Change::new(Entity::RoomRate, Verb::Create, id).after(after);
            audit::record_change(conn, &actor, change)?;
            Ok(id)
        })
        .await;
    match result {
        Ok(_) => Ok(ui.see_other(
            &paths::hotel(hotel_id),
            Flash::success(Message::new("rates-created")),
        )),
        Err(RateError::Overlap {
            season,
            starts_on,
            ends_on,
        }) => {
            let errors = overlap_errors(&ui, season, starts_on, ends_on);
            let failed = Failed {
                section: "rate",
                fields,
                errors,
            };
            render_show(&ui, &db, &user, hotel, Some(failed)).await
        }
        Err(other) => Err(other.into()),
    }
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
    let currency = Some(company.data.currency);
    let vehicle_type = r.text("vehicle_type", 100, true);
    let seats = r.integer("seats", 1, 100, true);
    let plate = r.text("plate", 30, false);
    let day = r.money("day_rate", currency, true);
    let transfer = r.money("transfer_rate", currency, true);
    let (Some(seats), Some(day), Some(transfer), false) = (seats, day, transfer, r.errors.any())
    else {
        let errors = r.errors;
        let failed = Failed {
            section: "vehicle",
            fields,
            errors,
        };
        return render_show(&ui, &db, &user, company, Some(failed)).await;
    };
    let (actor, company_id) = (user.actor(ui.client_addr()), company.id);
    db.write(move |conn| -> Result<(), WebError> {
        let new = NewVehicle { vehicle_type: &vehicle_type, seats: seats as i32, plate: &plate, day_rate_minor: day, transfer_rate_minor: transfer };
        let id = vehicles::insert_vehicle(conn, company_id, &new)?;
        audit::record_change(
            conn,
            &actor,
            Change::new(Entity::Vehicle, Verb::Create, id)
            .after(serde_json::json!({ "company": company_id.0, "type": vehicle_type, "seats": seats, "plate": plate, "day_rate_minor": day, "transfer_rate_minor": transfer })),
        )?;
        Ok(())
    })
    .await?;
    Ok(ui.see_other(
        &paths::transport_company(company_id),
        Flash::success(Message::new("vehicles-created")),
    ))
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
