//! A supplier's page: its details, contacts and, for hotels and transport companies, room
//! types with their seasonal rates and vehicles, with the forms that add to them.

use super::contract::{self, ContractSection, PriceView};
use super::forms::{self, room_kind_key};
use super::{kind_of, kind_title, load, tabs};
use crate::db::master::contacts::Party;
use crate::db::master::rooms::{self, RoomRate, RoomType};
use crate::db::master::suppliers::Supplier;
use crate::db::master::vehicles;
use crate::domain::access::Perm;
use crate::domain::ids::SupplierId;
use crate::domain::master::contracts::Breakfast;
use crate::domain::master::suppliers::CommissionBasis;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::web::contacts;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::DetailView;
use crate::web::kit::form::{Errors, FieldView, Fields, FormBuilder, OptionView};
use crate::web::kit::money_text;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

/// The supplier's fields as label/value pairs, amounts preformatted.
pub fn details(ui: &Ui, s: &Supplier) -> Vec<DetailView> {
    let d = &s.data;
    let mut out = Vec::new();
    let mut push = |label: &'static str, value: String| {
        if !value.is_empty() {
            out.push(DetailView {
                label: ui.t(label),
                value,
            });
        }
    };
    let money = |m: Option<i64>| m.map(|m| money_text(ui, m, d.currency)).unwrap_or_default();
    push(key("suppliers-local-name"), d.local_name.clone());
    push(key("suppliers-col-city"), d.city.clone());
    push(key("suppliers-col-country"), d.country.clone());
    push(key("suppliers-address"), d.address.clone());
    push(key("suppliers-col-contact"), d.contact_name.clone());
    push(key("suppliers-phone"), d.phone.clone());
    push(key("suppliers-email"), d.email.clone());
    push(key("suppliers-col-currency"), d.currency.code().to_owned());
    push(
        key("suppliers-col-stars"),
        "★".repeat(d.stars.unwrap_or(0).clamp(0, 5) as usize),
    );
    push(key("suppliers-breakfast"), money(d.breakfast_minor));
    push(key("suppliers-lunch"), money(d.lunch_minor));
    push(key("suppliers-dinner"), money(d.dinner_minor));
    push(key("suppliers-adult"), money(d.adult_minor));
    push(key("suppliers-child"), money(d.child_minor));
    push(key("suppliers-shop-kind"), d.shop_kind.clone());
    if let Some(c) = d.commission {
        let f = ui.formats();
        let pct = |v: crate::domain::decimal::Dec| {
            format!("{} %", f.decimal_str(ui.locale(), &v.canonical()))
        };
        let value = match c.basis {
            CommissionBasis::Percent => c.percent.map(pct).unwrap_or_default(),
            CommissionBasis::PerHead => money(c.per_head_minor),
        };
        push(key("suppliers-commission"), value);
        push(
            key("suppliers-split"),
            format!(
                "{} · {} · {}",
                pct(c.split.agency),
                pct(c.split.guide),
                pct(c.split.driver)
            ),
        );
    }
    push(key("suppliers-notes"), d.notes.clone());
    out
}

pub(super) fn join_nonempty(parts: &[&str]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ")
}

#[derive(Serialize)]
struct RateView {
    id: i64,
    season: String,
    from: String,
    to: String,
    rate: String,
    /// The contract's terms in a line: supplements, breakfast, minimum nights.
    terms: String,
}

#[derive(Serialize)]
struct RoomTypeView {
    id: i64,
    name: String,
    kind: String,
    max_occupancy: i32,
    archived: bool,
    rates: Vec<RateView>,
    archived_rates: Vec<RateView>,
}

#[derive(Serialize)]
struct VehicleView {
    id: i64,
    archived: bool,
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
    contacts: contacts::ContactsSection,
    /// A hotel's contract: validity, peaks, allotments, price check.
    contract: Option<ContractSection>,
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

/// What the supplier's page shows beside the record: a failed sub-form, or the answer of a
/// hotel's price check with what was asked.
#[derive(Default)]
pub struct PageState {
    pub failed: Option<Failed>,
    pub price: Option<PriceView>,
    pub price_query: Option<Fields>,
}

impl PageState {
    pub fn failed(failed: Failed) -> PageState {
        PageState {
            failed: Some(failed),
            ..PageState::default()
        }
    }
}

/// The supplier's page; with a failed sub-form, that form shown again with its errors (422).
pub async fn render_show(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    supplier: Supplier,
    state: PageState,
) -> Result<HttpResponse, WebError> {
    let status = match state.failed {
        Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
        None => StatusCode::OK,
    };
    let id = supplier.id;
    let (room_types, rates, archived_rates, vehicles) = db
        .read(move |conn| -> Result<_, WebError> {
            Ok((
                rooms::room_types_of(conn, id)?,
                rooms::rates_of(conn, id)?,
                rooms::archived_rates_of(conn, id)?,
                vehicles::vehicles_of(conn, id)?,
            ))
        })
        .await?;
    let contract = match supplier.data.kind {
        SupplierKind::Hotel => {
            let stored = contract::stored(db, id).await?;
            Some(contract::section(
                ui,
                &supplier,
                &room_types,
                stored,
                &state,
            ))
        }
        _ => None,
    };
    let failed = state.failed;
    let sub_forms = SubForms::new(ui, &supplier, &room_types, failed.as_ref());
    let kind = supplier.data.kind;
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
        room_types: room_types
            .iter()
            .map(|rt| room_type_view(ui, rt, &rates, &archived_rates))
            .collect(),
        vehicles: vehicles
            .iter()
            .map(|v| VehicleView {
                id: v.id.0,
                archived: v.archived,
                vehicle_type: v.vehicle_type.clone(),
                seats: v.seats,
                plate: v.plate.clone(),
                day_rate: money_text(ui, v.day_rate_minor, currency),
                transfer_rate: money_text(ui, v.transfer_rate_minor, currency),
            })
            .collect(),
        room_type_fields: sub_forms.room_type,
        rate_fields: sub_forms.rate,
        vehicle_fields: sub_forms.vehicle,
        contacts: contacts::section(ui, db, user, Party::Supplier(id)).await?,
        contract,
        failed: failed
            .as_ref()
            .map(|f| f.section)
            .unwrap_or_default()
            .to_owned(),
        failed_message: failed.as_ref().and_then(|f| f.errors.get("form")),
    };
    ui.render(status, "suppliers/show.html", &view)
}

/// A room type with its live rates and the archived ones, as the supplier's page shows it.
fn room_type_view(
    ui: &Ui,
    rt: &RoomType,
    rates: &[RoomRate],
    archived_rates: &[RoomRate],
) -> RoomTypeView {
    let f = ui.formats();
    let view = |r: &RoomRate| RateView {
        id: r.id.0,
        season: r.season.clone(),
        from: f.date(ui.locale(), r.starts_on),
        to: f.date(ui.locale(), r.ends_on),
        rate: money_text(ui, r.rate.minor, r.rate.currency),
        terms: terms_text(ui, r),
    };
    let of_this = |r: &&RoomRate| r.room_type_id == rt.id;
    RoomTypeView {
        id: rt.id.0,
        name: rt.name.clone(),
        kind: ui.t(room_kind_key(rt.kind)),
        max_occupancy: rt.max_occupancy,
        archived: rt.archived,
        rates: rates.iter().filter(of_this).map(view).collect(),
        archived_rates: archived_rates.iter().filter(of_this).map(view).collect(),
    }
}

/// A rate's terms in one line: `Extra bed 800.00 THB · Child 4–11 500.00 THB · ...`.
fn terms_text(ui: &Ui, r: &RoomRate) -> String {
    let t = &r.terms;
    let c = r.rate.currency;
    let money = |m: i64| money_text(ui, m, c);
    let mut parts = Vec::new();
    if t.complimentary {
        parts.push(ui.t(key("contracts-complimentary")));
    }
    if let Some(m) = t.extra_bed {
        parts.push(ui.message(&Message::new("contracts-term-extra-bed").arg("amount", money(m))));
    }
    if let Some(child) = t.child {
        let m = Message::new("contracts-term-child")
            .count("from", i64::from(child.band.from_age))
            .count("to", i64::from(child.band.to_age))
            .arg("amount", money(child.minor));
        parts.push(ui.message(&m));
    }
    parts.push(match t.breakfast {
        Breakfast::Included => ui.t(key("contracts-breakfast-included")),
        Breakfast::NotOffered => ui.t(key("contracts-breakfast-none")),
        Breakfast::PerPerson(m) => {
            ui.message(&Message::new("contracts-term-breakfast").arg("amount", money(m)))
        }
    });
    if let Some(m) = t.single_supplement {
        parts.push(ui.message(&Message::new("contracts-term-single").arg("amount", money(m))));
    }
    if t.min_nights > 1 {
        let m = Message::new("contracts-term-min-nights").count("nights", i64::from(t.min_nights));
        parts.push(ui.message(&m));
    }
    parts.join(" · ")
}

/// The forms the supplier's page adds with: empty, or the one that failed as it was sent.
struct SubForms {
    room_type: Vec<FieldView>,
    rate: Vec<FieldView>,
    vehicle: Vec<FieldView>,
}

impl SubForms {
    fn new(
        ui: &Ui,
        supplier: &Supplier,
        room_types: &[RoomType],
        failed: Option<&Failed>,
    ) -> SubForms {
        let empty = Fields(Vec::new());
        let no_errors = Errors::default();
        let pick = |section: &str| match failed {
            Some(f) if f.section == section => (&f.fields, &f.errors),
            _ => (&empty, &no_errors),
        };
        let build = |section: &str, fill: &dyn Fn(&mut FormBuilder<'_>)| {
            let (values, errors) = pick(section);
            // A new rate is in the supplier's currency unless the user chose another.
            let currency = Fields(vec![(
                "currency".into(),
                supplier.data.currency.code().to_owned(),
            )]);
            let values = if values.0.is_empty() {
                &currency
            } else {
                values
            };
            let mut b = FormBuilder::new(ui, values, errors);
            fill(&mut b);
            b.fields
        };
        let live_room_types: Vec<OptionView> = room_types
            .iter()
            .filter(|r| !r.archived)
            .map(|r| OptionView {
                value: r.id.0.to_string(),
                label: r.name.clone(),
            })
            .collect();
        SubForms {
            room_type: build("room-type", &forms::room_type_fields),
            rate: build("rate", &|b| {
                b.select("room_type", key("rooms-room-type"), live_room_types.clone());
                forms::rate_fields(b);
            }),
            vehicle: build("vehicle", &forms::vehicle_fields),
        }
    }
}

pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, SupplierId)>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersView)?;
    let (segment, id) = path.into_inner();
    let kind = kind_of(&segment)?;
    let supplier = load(&db, kind, id).await?;
    render_show(&ui, &db, &user, supplier, PageState::default()).await
}
