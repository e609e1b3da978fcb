//! Editing a hotel's room types and seasonal contract rates after they were added: the
//! same rules as adding them (a name unique per hotel, seasons of one room type never
//! overlapping), the change audited with its before and after.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::audit::{self, Change, Entity};
use crate::db::master::rooms::{
    self, NewRate, NewRoomType, RateError, RoomRate, RoomType, RoomTypeError,
};
use crate::db::master::suppliers;
use crate::domain::access::Perm;
use crate::domain::ids::{RoomRateId, RoomTypeId, SupplierId};
use crate::domain::master::suppliers::RoomKind;
use crate::domain::money::Money;
use crate::i18n::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, FieldView, Fields, FormBuilder, OptionView, Reader};
use crate::web::kit::money_input;
use crate::web::paths;
use crate::web::suppliers::items::{
    overlap_errors, read_room_type, read_season, room_type_refused,
};
use crate::web::suppliers::show::room_kind_key;

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

fn room_type_fields(ui: &Ui, values: &Fields, errors: &Errors) -> Vec<FieldView> {
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
        .number("max_occupancy", key("rooms-max-occupancy"), true);
    b.fields
}

/// The edit page of a hotel's room type or rate.
struct Page {
    title: &'static str,
    hotel: SupplierId,
    action: String,
    fields: fn(&Ui, &Fields, &Errors) -> Vec<FieldView>,
}

impl Page {
    fn room_type(room_type: &RoomType) -> Page {
        Page {
            title: key("rooms-edit-title"),
            hotel: room_type.supplier_id,
            action: paths::room_type(room_type.id),
            fields: room_type_fields,
        }
    }

    fn rate(hotel: SupplierId, rate: &RoomRate) -> Page {
        Page {
            title: key("rooms-rate-edit-title"),
            hotel,
            action: paths::room_rate(rate.id),
            fields: rate_fields,
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
        fields: (page.fields)(ui, values, errors),
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
    let before = load_room_type(&db, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let (name, kind, max_occupancy) = match read_room_type(&ui, &fields) {
        Ok(room_type) => room_type,
        Err(errors) => return render(&ui, &db, Page::room_type(&before), &fields, &errors).await,
    };
    let (actor, id) = (user.actor(ui.client_addr()), before.id);
    let changed = db
        .write(move |conn| -> Result<(), RoomTypeError> {
            let new = NewRoomType {
                kind,
                name: &name,
                max_occupancy,
            };
            // Read again here: the form was shown from an earlier read.
            let old = rooms::edit_room_type(conn, id, &new)?;
            let change = Change::update(Entity::RoomType, id, old.audit_json(), new.audit_json());
            audit::record_change(conn, &actor, change)?;
            Ok(())
        })
        .await;
    if let Err(e) = changed {
        let errors = room_type_refused(&ui, e)?;
        return render(&ui, &db, Page::room_type(&before), &fields, &errors).await;
    }
    let flash = Flash::success(Message::new("rooms-updated"));
    Ok(ui.see_other(&paths::hotel(before.supplier_id), flash))
}

fn rate_fields(ui: &Ui, values: &Fields, errors: &Errors) -> Vec<FieldView> {
    let mut b = FormBuilder::new(ui, values, errors);
    b.text("season", key("rates-season"), true)
        .date("starts_on", key("rates-from"), true)
        .date("ends_on", key("rates-to"), true)
        .number("rate", key("rates-per-night"), true)
        .currencies("currency", key("suppliers-col-currency"));
    b.fields
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
    let values = Fields(vec![
        ("season".into(), rate.season.clone()),
        ("starts_on".into(), rate.starts_on.to_string()),
        ("ends_on".into(), rate.ends_on.to_string()),
        (
            "rate".into(),
            money_input(rate.rate.minor, rate.rate.currency),
        ),
        ("currency".into(), rate.rate.currency.code().into()),
    ]);
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
    let (hotel, before) = load_rate(&db, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let season_name = r.text("season", 100, true);
    let season = read_season(&ui, &mut r);
    let currency = r.currency("currency");
    let rate = r.money("rate", currency, true);
    let (Some(season), Some(rate_minor), Some(currency), false) =
        (season, rate, currency, r.errors.any())
    else {
        return render(&ui, &db, Page::rate(hotel, &before), &fields, &r.errors).await;
    };
    let (actor, id) = (user.actor(ui.client_addr()), before.id);
    let result = db
        .write(move |conn| -> Result<(), RateError> {
            let new = NewRate {
                season_name: &season_name,
                season,
                rate: Money::new(rate_minor, currency),
            };
            // Read again here: the form was shown from an earlier read.
            let old = rooms::change_rate(conn, id, &new)?;
            let change = Change::update(Entity::RoomRate, id, old.audit_json(), new.audit_json());
            audit::record_change(conn, &actor, change)?;
            Ok(())
        })
        .await;
    match result {
        Ok(()) => Ok(ui.see_other(
            &paths::hotel(hotel),
            Flash::success(Message::new("rooms-rate-updated")),
        )),
        Err(RateError::Overlap {
            season,
            starts_on,
            ends_on,
        }) => {
            let errors = overlap_errors(&ui, season, starts_on, ends_on);
            render(&ui, &db, Page::rate(hotel, &before), &fields, &errors).await
        }
        Err(other) => Err(other.into()),
    }
}
