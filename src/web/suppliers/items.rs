//! What hangs off a supplier's page: a hotel's room types and seasonal contract rates
//! (overlapping seasons of one room type refused), a transport company's vehicles.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::audit;
use crate::db::master::suppliers::{
    self, NewRate, NewRoomType, NewVehicle, RateError, RoomTypeId, Supplier,
};
use crate::domain::access::Perm;
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::{RoomKind, SupplierKind};
use crate::i18n::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, FieldView, Fields, FormBuilder, OptionView, Reader};
use crate::web::kit::money_text;
use crate::web::suppliers::records::{DetailView, details, kind_title, load, tabs};

pub fn room_kind_key(kind: RoomKind) -> &'static str {
    match kind {
        RoomKind::Single => key("room-single"),
        RoomKind::Twin => key("room-twin"),
        RoomKind::Double => key("room-double"),
        RoomKind::Triple => key("room-triple"),
        RoomKind::Family => key("room-family"),
    }
}

#[derive(Serialize)]
struct RateView {
    id: i64,
    season: String,
    from: String,
    to: String,
    rate: String,
}

#[derive(Serialize)]
struct RoomTypeView {
    id: i64,
    name: String,
    kind: String,
    max_occupancy: i32,
    archived: bool,
    rates: Vec<RateView>,
}

#[derive(Serialize)]
struct VehicleView {
    id: i64,
    vehicle_type: String,
    seats: i32,
    plate: String,
    day_rate: String,
    transfer_rate: String,
}

#[derive(Serialize)]
struct ShowView {
    kind: &'static str,
    base: &'static str,
    id: i64,
    name: String,
    kind_title: String,
    archived: bool,
    can_edit: bool,
    tabs: Vec<crate::web::kit::list::TabView>,
    details: Vec<DetailView>,
    room_types: Vec<RoomTypeView>,
    vehicles: Vec<VehicleView>,
    room_type_fields: Vec<FieldView>,
    rate_fields: Vec<FieldView>,
    vehicle_fields: Vec<FieldView>,
    contacts: crate::web::contacts::ContactsSection,
    /// Which sub-form failed, and why.
    failed: String,
    failed_message: Option<String>,
}

/// A sub-form that failed validation: which one, what was typed, what is wrong.
pub struct Failed {
    pub section: &'static str,
    pub fields: Fields,
    pub errors: Errors,
}

pub async fn render_show(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    supplier: Supplier,
    failed: Option<Failed>,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let id = supplier.id;
    let (room_types, rates, vehicles) = db
        .read(move |conn| -> Result<_, WebError> {
            Ok((
                suppliers::room_types_of(conn, id)?,
                suppliers::rates_of(conn, id)?,
                suppliers::vehicles_of(conn, id)?,
            ))
        })
        .await?;
    let kind = supplier.data.kind;
    let room_type_views: Vec<RoomTypeView> = room_types
        .iter()
        .map(|rt| RoomTypeView {
            id: rt.id.0,
            name: rt.name.clone(),
            kind: ui.t(room_kind_key(rt.kind)),
            max_occupancy: rt.max_occupancy,
            archived: rt.archived,
            rates: rates
                .iter()
                .filter(|r| r.room_type_id == rt.id)
                .map(|r| RateView {
                    id: r.id,
                    season: r.season.clone(),
                    from: ui.formats().date(ui.locale(), r.starts_on),
                    to: ui.formats().date(ui.locale(), r.ends_on),
                    rate: money_text(ui, r.rate_minor, r.currency),
                })
                .collect(),
        })
        .collect();
    let empty = Fields(Vec::new());
    let no_errors = Errors::default();
    let (failed_section, failed_fields, failed_errors) = match &failed {
        Some(f) => (f.section, &f.fields, &f.errors),
        None => ("", &empty, &no_errors),
    };
    let pick = |section: &str| {
        if failed_section == section {
            (failed_fields, failed_errors)
        } else {
            (&empty, &no_errors)
        }
    };
    let (values, errors) = pick("room-type");
    let mut b = FormBuilder::new(ui, values, errors);
    b.text("name", key("rooms-name"), true)
        .select(
            "kind",
            key("rooms-kind"),
            RoomKind::ALL
                .iter()
                .map(|k| OptionView {
                    value: k.as_str().into(),
                    label: ui.t(room_kind_key(*k)),
                })
                .collect(),
        )
        .number("max_occupancy", key("rooms-max-occupancy"), false);
    let room_type_fields = b.fields;
    let (values, errors) = pick("rate");
    let currency_default = Fields(vec![(
        "currency".into(),
        supplier.data.currency.code().to_owned(),
    )]);
    let values = if values.0.is_empty() {
        &currency_default
    } else {
        values
    };
    let mut b = FormBuilder::new(ui, values, errors);
    b.select(
        "room_type",
        key("rooms-room-type"),
        room_types
            .iter()
            .filter(|r| !r.archived)
            .map(|r| OptionView {
                value: r.id.0.to_string(),
                label: r.name.clone(),
            })
            .collect(),
    )
    .text("season", key("rates-season"), true)
    .date("starts_on", key("rates-from"), true)
    .date("ends_on", key("rates-to"), true)
    .number("rate", key("rates-per-night"), true)
    .currencies("currency", key("suppliers-col-currency"));
    let rate_fields = b.fields;
    let (values, errors) = pick("vehicle");
    let mut b = FormBuilder::new(ui, values, errors);
    b.text("vehicle_type", key("vehicles-type"), true)
        .number("seats", key("vehicles-seats"), true)
        .text("plate", key("vehicles-plate"), false)
        .number("day_rate", key("vehicles-day-rate"), true)
        .number("transfer_rate", key("vehicles-transfer-rate"), true);
    let vehicle_fields = b.fields;
    let currency = supplier.data.currency;
    let view = ShowView {
        kind: kind.as_str(),
        base: kind.path(),
        id: id.0,
        name: supplier.data.name.clone(),
        kind_title: ui.t(kind_title(kind)),
        archived: supplier.archived,
        can_edit: user.user().role.permits(Perm::SuppliersEdit),
        tabs: tabs(ui, kind),
        details: details(ui, &supplier),
        room_types: room_type_views,
        vehicles: vehicles
            .iter()
            .filter(|v| !v.archived)
            .map(|v| VehicleView {
                id: v.id,
                vehicle_type: v.vehicle_type.clone(),
                seats: v.seats,
                plate: v.plate.clone(),
                day_rate: money_text(ui, v.day_rate_minor, currency),
                transfer_rate: money_text(ui, v.transfer_rate_minor, currency),
            })
            .collect(),
        room_type_fields,
        rate_fields,
        vehicle_fields,
        contacts: crate::web::contacts::section(
            ui,
            db,
            user,
            crate::web::contacts::Side::Supplier,
            id.0,
        )
        .await?,
        failed: failed_section.to_owned(),
        failed_message: failed.as_ref().and_then(|f| f.errors.get("form")),
    };
    ui.render(status, "suppliers/show.html", &view)
}

async fn refuse(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    supplier: Supplier,
    failed: Failed,
) -> Result<HttpResponse, WebError> {
    render_show(
        ui,
        db,
        user,
        supplier,
        Some(failed),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

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

pub(super) fn entry<'a>(
    user: &'a CurrentUser,
    addr: &'a str,
    action: &'a str,
    entity: &'a str,
    id: i64,
) -> audit::Entry<'a> {
    audit::Entry {
        user_id: Some(user.user().id),
        actor: Some(&user.user().email),
        action,
        entity: Some(entity),
        entity_id: Some(id.to_string()),
        client_addr: Some(addr),
        ..Default::default()
    }
}

pub async fn add_room_type(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let hotel = load(&db, SupplierKind::Hotel, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let name = r.text("name", 100, true);
    let kind = r
        .choice("kind", &["single", "twin", "double", "triple", "family"])
        .and_then(|k| RoomKind::parse(&k));
    let max = r.integer("max_occupancy", 1, 20, false);
    let (Some(kind), false) = (kind, r.errors.any()) else {
        let errors = r.errors;
        return refuse(
            &ui,
            &db,
            &user,
            hotel,
            Failed {
                section: "room-type",
                fields,
                errors,
            },
        )
        .await;
    };
    let max_occupancy = max
        .map(|m| m as i32)
        .unwrap_or_else(|| kind.default_occupancy());
    let (addr, actor, hotel_id) = (ui.client_addr().to_owned(), user.clone(), hotel.id);
    let taken = db
        .write(move |conn| -> Result<bool, WebError> {
            if suppliers::room_types_of(conn, hotel_id)?.iter().any(|r| r.name.eq_ignore_ascii_case(&name)) {
                return Ok(true);
            }
            let new = NewRoomType { kind, name: &name, max_occupancy };
            let id = suppliers::insert_room_type(conn, hotel_id, &new)?;
            let mut e = entry(&actor, &addr, "room-type.create", "room_type", id.0);
            e.after = Some(serde_json::json!({ "hotel": hotel_id.0, "name": name, "kind": kind.as_str(), "max_occupancy": max_occupancy }));
            audit::record(conn, &e)?;
            Ok(false)
        })
        .await?;
    if taken {
        let mut errors = Errors::default();
        errors.add("name", ui.t(key("rooms-error-name-taken")));
        return refuse(
            &ui,
            &db,
            &user,
            hotel,
            Failed {
                section: "room-type",
                fields,
                errors,
            },
        )
        .await;
    }
    Ok(ui.see_other(
        &format!("/hotels/{hotel_id}"),
        Flash::success(Message::new("rooms-created")),
    ))
}

pub async fn add_rate(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<i64>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let hotel = load(&db, SupplierKind::Hotel, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let hotel_id = hotel.id;
    let room_types = db
        .read(move |conn| -> Result<_, WebError> { Ok(suppliers::room_types_of(conn, hotel_id)?) })
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
        return refuse(
            &ui,
            &db,
            &user,
            hotel,
            Failed {
                section: "rate",
                fields,
                errors,
            },
        )
        .await;
    };
    let (addr, actor) = (ui.client_addr().to_owned(), user.clone());
    let result = db
        .write(move |conn| -> Result<Result<i64, RateError>, WebError> {
            let new = NewRate {
                season_name: &season_name,
                season,
                rate_minor,
                currency,
            };
            let id = match suppliers::insert_rate(conn, room_type, &new) {
                Ok(id) => id,
                Err(RateError::Db(e)) => return Err(e.into()),
                Err(refused) => return Ok(Err(refused)),
            };
            let mut e = entry(&actor, &addr, "room-rate.create", "room_rate", id);
            e.after = Some(serde_json::json!({
                "room_type": room_type.0, "season": season_name, "starts_on": season.starts_on,
                "ends_on": season.ends_on, "rate_minor": rate_minor, "currency": currency.code(),
            }));
            audit::record(conn, &e)?;
            Ok(Ok(id))
        })
        .await?;
    match result {
        Ok(_) => Ok(ui.see_other(
            &format!("/hotels/{hotel_id}"),
            Flash::success(Message::new("rates-created")),
        )),
        Err(RateError::Overlap {
            season,
            starts_on,
            ends_on,
        }) => {
            let errors = overlap_errors(&ui, season, starts_on, ends_on);
            refuse(
                &ui,
                &db,
                &user,
                hotel,
                Failed {
                    section: "rate",
                    fields,
                    errors,
                },
            )
            .await
        }
        Err(RateError::Db(e)) => Err(e.into()),
    }
}

pub async fn archive_rate(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let rate = path.into_inner();
    let (addr, actor) = (ui.client_addr().to_owned(), user.clone());
    let hotel = db
        .write(move |conn| -> Result<_, WebError> {
            let Some((hotel, _)) = suppliers::rate_owner(conn, rate)? else {
                return Err(WebError::NotFound);
            };
            suppliers::archive_rate(conn, rate)?;
            audit::record(
                conn,
                &entry(&actor, &addr, "room-rate.archive", "room_rate", rate),
            )?;
            Ok(hotel)
        })
        .await?;
    Ok(ui.see_other(
        &format!("/hotels/{hotel}"),
        Flash::success(Message::new("rates-archived")),
    ))
}

/// Archives a room type together with its live rates, so no rate is left pointing at a room
/// type nobody can see.
pub async fn archive_room_type(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let id = RoomTypeId(path.into_inner());
    let (addr, actor) = (ui.client_addr().to_owned(), user.clone());
    let hotel = db
        .write(move |conn| -> Result<_, WebError> {
            let Some(room_type) = suppliers::find_room_type(conn, id)? else {
                return Err(WebError::NotFound);
            };
            for rate in suppliers::rates_of(conn, room_type.supplier_id)? {
                if rate.room_type_id == id {
                    suppliers::archive_rate(conn, rate.id)?;
                }
            }
            suppliers::set_room_type_archived(conn, id, true)?;
            audit::record(
                conn,
                &entry(&actor, &addr, "room-type.archive", "room_type", id.0),
            )?;
            Ok(room_type.supplier_id)
        })
        .await?;
    Ok(ui.see_other(
        &format!("/hotels/{hotel}"),
        Flash::success(Message::new("rooms-archived")),
    ))
}

pub async fn add_vehicle(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<i64>,
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
        return refuse(
            &ui,
            &db,
            &user,
            company,
            Failed {
                section: "vehicle",
                fields,
                errors,
            },
        )
        .await;
    };
    let (addr, actor, company_id) = (ui.client_addr().to_owned(), user.clone(), company.id);
    db.write(move |conn| -> Result<(), WebError> {
        let new = NewVehicle { vehicle_type: &vehicle_type, seats: seats as i32, plate: &plate, day_rate_minor: day, transfer_rate_minor: transfer };
        let id = suppliers::insert_vehicle(conn, company_id, &new)?;
        let mut e = entry(&actor, &addr, "vehicle.create", "vehicle", id);
        e.after = Some(serde_json::json!({ "company": company_id.0, "type": vehicle_type, "seats": seats, "plate": plate, "day_rate_minor": day, "transfer_rate_minor": transfer }));
        audit::record(conn, &e)?;
        Ok(())
    })
    .await?;
    Ok(ui.see_other(
        &format!("/transport/{company_id}"),
        Flash::success(Message::new("vehicles-created")),
    ))
}

pub async fn archive_vehicle(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<i64>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let vehicle = path.into_inner();
    let (addr, actor) = (ui.client_addr().to_owned(), user.clone());
    let company = db
        .write(move |conn| -> Result<_, WebError> {
            let Some(company) = suppliers::vehicle_owner(conn, vehicle)? else {
                return Err(WebError::NotFound);
            };
            suppliers::archive_vehicle(conn, vehicle)?;
            audit::record(
                conn,
                &entry(&actor, &addr, "vehicle.archive", "vehicle", vehicle),
            )?;
            Ok(company)
        })
        .await?;
    Ok(ui.see_other(
        &format!("/transport/{company}"),
        Flash::success(Message::new("vehicles-archived")),
    ))
}
