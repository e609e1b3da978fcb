//! Editing a hotel's room types, seasonal contract rates, peak surcharges and allotments after
//! they were added: the same rules as adding them (a name unique per hotel, seasons, peaks and
//! allotments never overlapping), the change audited with its before and after.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::master::contracts::{self, StoredAllotment, StoredPeak};
use crate::db::master::rooms::{self, RoomRate, RoomType};
use crate::db::master::suppliers;
use crate::domain::access::Perm;
use crate::domain::ids::{AllotmentId, PeakId, RoomRateId, RoomTypeId, SupplierId};
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, FieldView, Fields, FormBuilder, Reader};
use crate::web::paths;
use crate::web::suppliers::contract;
use crate::web::suppliers::forms::{
    self, rate_refused, read_rate, read_room_type, room_type_refused,
};

#[derive(Serialize)]
struct EditView {
    title: String,
    hotel_id: i64,
    hotel_name: String,
    action: String,
    fields: Vec<FieldView>,
    failed: bool,
    form_error: Option<String>,
}

async fn hotel_name(db: &Db, hotel: SupplierId) -> Result<String, WebError> {
    let supplier = db.find(move |conn| suppliers::find(conn, hotel)).await?;
    Ok(supplier.data.name)
}

/// The edit page of a hotel's room type or rate.
struct Page {
    title: &'static str,
    hotel: SupplierId,
    action: String,
    fields: fn(&mut FormBuilder<'_>),
}

impl Page {
    fn room_type(room_type: &RoomType) -> Page {
        Page {
            title: key("rooms-edit-title"),
            hotel: room_type.supplier_id,
            action: paths::room_type(room_type.id),
            fields: forms::room_type_fields,
        }
    }

    fn rate(hotel: SupplierId, rate: &RoomRate) -> Page {
        Page {
            title: key("rooms-rate-edit-title"),
            hotel,
            action: paths::room_rate(rate.id),
            fields: forms::rate_fields,
        }
    }

    fn peak(peak: &StoredPeak) -> Page {
        Page {
            title: key("contracts-peak-edit-title"),
            hotel: peak.hotel,
            action: paths::peak(peak.id),
            fields: contract::peak_fields,
        }
    }

    fn allotment(hotel: SupplierId, allotment: &StoredAllotment) -> Page {
        Page {
            title: key("contracts-allotment-edit-title"),
            hotel,
            action: paths::allotment(allotment.id),
            fields: contract::allotment_fields,
        }
    }
}

/// The page with `values`; with errors, the refused form (422).
async fn render(
    ui: &Ui,
    db: &Db,
    page: Page,
    values: &Fields,
    errors: &Errors,
) -> Result<HttpResponse, WebError> {
    let view = EditView {
        title: ui.t(page.title),
        hotel_id: page.hotel.0,
        hotel_name: hotel_name(db, page.hotel).await?,
        action: page.action,
        fields: {
            let mut b = FormBuilder::new(ui, values, errors);
            (page.fields)(&mut b);
            b.fields
        },
        failed: errors.any(),
        form_error: errors.get("form"),
    };
    let status = if errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ui.render(status, "suppliers/item_edit.html", &view)
}

/// A live room type.
async fn load_room_type(db: &Db, id: RoomTypeId) -> Result<RoomType, WebError> {
    db.find(move |conn| Ok(rooms::find_room_type(conn, id)?.filter(|rt| !rt.archived)))
        .await
}

pub async fn room_type_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<RoomTypeId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let room_type = load_room_type(&db, path.into_inner()).await?;
    let values = Fields(vec![
        ("name".into(), room_type.name.clone()),
        ("kind".into(), room_type.kind.as_str().into()),
        ("max_occupancy".into(), room_type.max_occupancy.to_string()),
    ]);
    render(
        &ui,
        &db,
        Page::room_type(&room_type),
        &values,
        &Errors::default(),
    )
    .await
}

pub async fn update_room_type(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<RoomTypeId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let shown = load_room_type(&db, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let new = match read_room_type(&ui, &fields) {
        Ok(new) => new,
        Err(errors) => return render(&ui, &db, Page::room_type(&shown), &fields, &errors).await,
    };
    let (actor, id) = (user.actor(ui.client_addr()), shown.id);
    let changed = db
        .write(move |conn| rooms::edit_room_type(conn, &actor, id, &new))
        .await;
    match changed {
        Ok(hotel) => {
            let flash = Flash::success(Message::new("rooms-updated"));
            Ok(ui.see_other(&paths::hotel(hotel), flash))
        }
        Err(e) => {
            let errors = room_type_refused(&ui, e)?;
            render(&ui, &db, Page::room_type(&shown), &fields, &errors).await
        }
    }
}

async fn load_rate(db: &Db, id: RoomRateId) -> Result<(SupplierId, RoomRate), WebError> {
    db.find(move |conn| {
        let found = rooms::rate_by_id(conn, id)?;
        Ok(found.and_then(|(hotel, rate, archived)| (!archived).then_some((hotel, rate))))
    })
    .await
}

pub async fn rate_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<RoomRateId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (hotel, rate) = load_rate(&db, path.into_inner()).await?;
    let values = forms::rate_values(&ui, &rate);
    render(
        &ui,
        &db,
        Page::rate(hotel, &rate),
        &values,
        &Errors::default(),
    )
    .await
}

pub async fn update_rate(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<RoomRateId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (hotel, shown) = load_rate(&db, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let new = read_rate(&mut r);
    let (Some(new), false) = (new, r.errors.any()) else {
        return render(&ui, &db, Page::rate(hotel, &shown), &fields, &r.errors).await;
    };
    let (actor, id) = (user.actor(ui.client_addr()), shown.id);
    let changed = db
        .write(move |conn| rooms::change_rate(conn, &actor, id, &new))
        .await;
    match changed {
        Ok(hotel) => {
            let flash = Flash::success(Message::new("rooms-rate-updated"));
            Ok(ui.see_other(&paths::hotel(hotel), flash))
        }
        Err(e) => {
            let errors = rate_refused(&ui, e)?;
            render(&ui, &db, Page::rate(hotel, &shown), &fields, &errors).await
        }
    }
}

/// A live peak.
async fn load_peak(db: &Db, id: PeakId) -> Result<StoredPeak, WebError> {
    db.find(move |conn| Ok(contracts::find_peak(conn, id)?.filter(|p| !p.archived)))
        .await
}

pub async fn peak_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<PeakId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let peak = load_peak(&db, path.into_inner()).await?;
    let values = contract::peak_values(&ui, &peak.peak);
    render(&ui, &db, Page::peak(&peak), &values, &Errors::default()).await
}

pub async fn update_peak(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<PeakId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let shown = load_peak(&db, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let peak = contract::read_peak(&mut r);
    let (Some(peak), false) = (peak, r.errors.any()) else {
        return render(&ui, &db, Page::peak(&shown), &fields, &r.errors).await;
    };
    let (actor, id) = (user.actor(ui.client_addr()), shown.id);
    let changed = db
        .write(move |conn| contracts::change_peak(conn, &actor, id, &peak))
        .await;
    match changed {
        Ok(hotel) => {
            let flash = Flash::success(Message::new("contracts-peak-updated"));
            Ok(ui.see_other(&paths::hotel(hotel), flash))
        }
        Err(e) => {
            let errors = contract::contract_refused(&ui, "starts_on", e)?;
            render(&ui, &db, Page::peak(&shown), &fields, &errors).await
        }
    }
}

/// A live allotment with its hotel.
async fn load_allotment(
    db: &Db,
    id: AllotmentId,
) -> Result<(SupplierId, StoredAllotment), WebError> {
    db.find(move |conn| Ok(contracts::find_allotment(conn, id)?.filter(|(_, a)| !a.archived)))
        .await
}

pub async fn allotment_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<AllotmentId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (hotel, allotment) = load_allotment(&db, path.into_inner()).await?;
    let values = contract::allotment_values(&allotment.allotment);
    let page = Page::allotment(hotel, &allotment);
    render(&ui, &db, page, &values, &Errors::default()).await
}

pub async fn update_allotment(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<AllotmentId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (hotel, shown) = load_allotment(&db, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let allotment = contract::read_allotment(&mut r);
    let (Some(allotment), false) = (allotment, r.errors.any()) else {
        let page = Page::allotment(hotel, &shown);
        return render(&ui, &db, page, &fields, &r.errors).await;
    };
    let (actor, id) = (user.actor(ui.client_addr()), shown.id);
    let changed = db
        .write(move |conn| contracts::change_allotment(conn, &actor, id, &allotment))
        .await;
    match changed {
        Ok(hotel) => {
            let flash = Flash::success(Message::new("contracts-allotment-updated"));
            Ok(ui.see_other(&paths::hotel(hotel), flash))
        }
        Err(e) => {
            let errors = contract::contract_refused(&ui, "starts_on", e)?;
            render(&ui, &db, Page::allotment(hotel, &shown), &fields, &errors).await
        }
    }
}
