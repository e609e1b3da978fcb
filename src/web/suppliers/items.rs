//! Adding what hangs off a supplier's page — a hotel's room types and seasonal contract rates
//! (overlapping seasons of one room type refused), a transport company's vehicles — and
//! archiving them. Their forms are in `forms`, shared with editing (`item_edits`).

use actix_web::{HttpResponse, web};
use serde::de::DeserializeOwned;

use super::forms::{rate_refused, read_rate, read_room_type, read_vehicle, room_type_refused};
use super::load;
use super::show::{Failed, PageState, render_show};
use crate::db::AnyConnection;
use crate::db::master::contracts::{self, Allotments, Peaks};
use crate::db::master::rooms::{self, RoomRates, RoomTypes};
use crate::db::master::suppliers::Supplier;
use crate::db::master::vehicles::{self, Vehicles};
use crate::db::master::{self, Item};
use crate::domain::access::Perm;
use crate::domain::ids::{AllotmentId, PeakId, RoomRateId, RoomTypeId, SupplierId, VehicleId};
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::confirm;
use crate::web::kit::form::{Errors, Fields, Reader};
use crate::web::paths;
use diesel::QueryResult;

/// A form posted from a supplier's page: the supplier of `kind` it posts to, for a user who
/// may edit it, and the fields.
pub(super) async fn posted(
    db: &Db,
    user: &CurrentUser,
    kind: SupplierKind,
    (path, form): (web::Path<SupplierId>, web::Form<Vec<(String, String)>>),
) -> Result<(Supplier, Fields), WebError> {
    user.require(Perm::SuppliersEdit)?;
    let supplier = load(db, kind, path.into_inner()).await?;
    Ok((supplier, Fields(form.into_inner())))
}

/// The supplier's page again with the sub-form `section` refused (422).
pub(super) async fn refuse(
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
    render_show(ui, db, user, supplier, PageState::failed(failed)).await
}

pub async fn add_room_type(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (hotel, fields) = posted(&db, &user, SupplierKind::Hotel, (path, form)).await?;
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
    let (hotel, fields) = posted(&db, &user, SupplierKind::Hotel, (path, form)).await?;
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

/// An item of a supplier's page that the page archives: which messages it says, and where
/// the page is.
pub trait ItemPage: Item<Id: DeserializeOwned> {
    /// The flash messages once archived and once restored.
    const ARCHIVED: &'static str;
    const RESTORED: &'static str;
    /// What else archiving it does, for the question before it.
    const DETAIL: Option<&'static str> = None;
    fn page(owner: SupplierId) -> String;
    /// The item as the question before archiving names it.
    fn name(conn: &mut AnyConnection, id: Self::Id) -> QueryResult<Option<String>>;
}

impl ItemPage for RoomTypes {
    const ARCHIVED: &'static str = key("rooms-archived");
    const RESTORED: &'static str = key("rooms-restored");
    const DETAIL: Option<&'static str> = Some(key("confirm-archive-room-type"));
    fn page(owner: SupplierId) -> String {
        paths::hotel(owner)
    }
    fn name(conn: &mut AnyConnection, id: RoomTypeId) -> QueryResult<Option<String>> {
        Ok(rooms::find_room_type(conn, id)?.map(|rt| rt.name))
    }
}

impl ItemPage for RoomRates {
    const ARCHIVED: &'static str = key("rates-archived");
    const RESTORED: &'static str = key("rates-restored");
    fn page(owner: SupplierId) -> String {
        paths::hotel(owner)
    }
    fn name(conn: &mut AnyConnection, id: RoomRateId) -> QueryResult<Option<String>> {
        Ok(rooms::rate_by_id(conn, id)?
            .map(|(_, r, _)| format!("{} ({} – {})", r.season, r.starts_on, r.ends_on)))
    }
}

impl ItemPage for Peaks {
    const ARCHIVED: &'static str = key("contracts-peak-archived");
    const RESTORED: &'static str = key("contracts-peak-restored");
    fn page(owner: SupplierId) -> String {
        paths::hotel(owner)
    }
    fn name(conn: &mut AnyConnection, id: PeakId) -> QueryResult<Option<String>> {
        contracts::peak_name(conn, id)
    }
}

impl ItemPage for Allotments {
    const ARCHIVED: &'static str = key("contracts-allotment-archived");
    const RESTORED: &'static str = key("contracts-allotment-restored");
    fn page(owner: SupplierId) -> String {
        paths::hotel(owner)
    }
    fn name(conn: &mut AnyConnection, id: AllotmentId) -> QueryResult<Option<String>> {
        contracts::allotment_name(conn, id)
    }
}

impl ItemPage for Vehicles {
    const ARCHIVED: &'static str = key("vehicles-archived");
    const RESTORED: &'static str = key("vehicles-restored");
    fn page(owner: SupplierId) -> String {
        paths::transport_company(owner)
    }
    fn name(conn: &mut AnyConnection, id: VehicleId) -> QueryResult<Option<String>> {
        vehicles::vehicle_name(conn, id)
    }
}

/// Archives a room type (with its rates), a rate, a peak, an allotment or a vehicle; the route
/// table names it for each, as `items::archive::<Vehicles>`.
pub async fn archive<I: ItemPage>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<I::Id>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    if !confirm::confirmed(&Fields(form.into_inner())) {
        user.require(Perm::SuppliersEdit)?;
        let (name, owner) = db
            .find(move |conn| {
                let owner = I::owner(conn, id)?.filter(|(_, archived)| !archived);
                Ok(match (owner, I::name(conn, id)?) {
                    (Some((owner, _)), Some(name)) => Some((name, owner)),
                    _ => None,
                })
            })
            .await?;
        return confirm::ask_archive(&ui, &name, I::DETAIL, &I::page(owner));
    }
    set_archived::<I>(ui, db, user, id, true).await
}

/// Restores an archived item, refused (409, with the reason) when it would break a rule the
/// live items keep: a room type's name taken meanwhile, an overlapping season or period.
pub async fn restore<I: ItemPage>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<I::Id>,
) -> Result<HttpResponse, WebError> {
    set_archived::<I>(ui, db, user, path.into_inner(), false).await
}

async fn set_archived<I: ItemPage>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    id: I::Id,
    archived: bool,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let actor = user.actor(ui.client_addr());
    let owner = db
        .write(move |conn| -> Result<_, WebError> {
            Ok(master::set_item_archived::<I>(conn, &actor, id, archived)?)
        })
        .await?;
    let said = if archived { I::ARCHIVED } else { I::RESTORED };
    Ok(ui.see_other(&I::page(owner), Flash::success(Message::new(said))))
}

pub async fn add_vehicle(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (company, fields) = posted(&db, &user, SupplierKind::Transport, (path, form)).await?;
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
