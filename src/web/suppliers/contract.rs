//! A hotel's contract on its page: the validity (with its expiry warning), the peak-period
//! surcharges, the allotments, and a price check that asks `domain::master::contracts` what a
//! room costs for a stay and shows the lines it used.

use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::Serialize;

use super::forms;
use super::items::{posted, refuse};
use super::show::{PageState, render_show};
use crate::db::master::contracts::{
    self, ContractError, HotelContract, NewPeak, StoredAllotment, StoredPeak,
};
use crate::db::master::rooms::RoomType;
use crate::db::master::suppliers::Supplier;
use crate::domain::access::Perm;
use crate::domain::ids::{RoomTypeId, SupplierId};
use crate::domain::master::contracts::{
    Allotment, Expiry, MAX_ALLOTMENT_ROOMS, MAX_CHILD_AGE, MAX_MIN_NIGHTS, MAX_RELEASE_DAYS, Peak,
    expiry, validity,
};
use crate::domain::master::pricing::{
    Charge, MAX_GUESTS, MAX_STAY_NIGHTS, NightPrice, Occupancy, PriceError, price_stay,
};
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::domain::money::Money;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, FieldView, Fields, FormBuilder, OptionView, Reader};
use crate::web::kit::money_text;
use crate::web::paths;
use crate::web::suppliers::load;

#[derive(Serialize)]
pub struct ContractView {
    reference: String,
    from: String,
    to: String,
    notes: String,
    expiry: Expiry,
    /// The warning when it expires within 60 days or has expired.
    warning: Option<String>,
}

#[derive(Serialize)]
pub struct PeakView {
    id: i64,
    name: String,
    from: String,
    to: String,
    room_type: String,
    amount: String,
    min_nights: u16,
    archived: bool,
}

#[derive(Serialize)]
pub struct AllotmentView {
    id: i64,
    room_type: String,
    from: String,
    to: String,
    rooms: u16,
    release_days: u16,
    archived: bool,
}

#[derive(Serialize, Clone)]
pub struct LineView {
    label: String,
    amount: String,
}

#[derive(Serialize, Clone)]
pub struct NightView {
    night: String,
    lines: Vec<LineView>,
    total: String,
}

/// The answer of a price check: the nights with their lines and the total, or why not.
#[derive(Serialize, Default, Clone)]
pub struct PriceView {
    error: Option<String>,
    nights: Vec<NightView>,
    total: String,
    /// What the room type's allotment holds on the first night, if it has one then.
    held: Option<String>,
}

/// Everything of the contract the hotel's page shows.
#[derive(Serialize)]
pub struct ContractSection {
    contract: Option<ContractView>,
    contract_fields: Vec<FieldView>,
    peaks: Vec<PeakView>,
    peak_fields: Vec<FieldView>,
    allotments: Vec<AllotmentView>,
    allotment_fields: Vec<FieldView>,
    price_fields: Vec<FieldView>,
    price: Option<PriceView>,
}

/// What the contract's section reads from the database.
pub struct Stored {
    contract: Option<HotelContract>,
    peaks: Vec<StoredPeak>,
    allotments: Vec<StoredAllotment>,
}

pub async fn stored(db: &Db, hotel: SupplierId) -> Result<Stored, WebError> {
    db.read(move |conn| -> Result<_, WebError> {
        Ok(Stored {
            contract: contracts::contract_of(conn, hotel)?,
            peaks: contracts::peaks_of(conn, hotel)?,
            allotments: contracts::allotments_of(conn, hotel)?,
        })
    })
    .await
}

fn room_type_name(room_types: &[RoomType], id: RoomTypeId) -> String {
    room_types
        .iter()
        .find(|r| r.id == id)
        .map(|r| r.name.clone())
        .unwrap_or_default()
}

fn room_type_options(room_types: &[RoomType], all: Option<String>) -> Vec<OptionView> {
    all.map(|label| OptionView {
        value: String::new(),
        label,
    })
    .into_iter()
    .chain(
        room_types
            .iter()
            .filter(|r| !r.archived)
            .map(|r| OptionView {
                value: r.id.0.to_string(),
                label: r.name.clone(),
            }),
    )
    .collect()
}

/// The contract's section of the hotel's page; `state` says which form failed or which price
/// was asked.
pub fn section(
    ui: &Ui,
    hotel: &Supplier,
    room_types: &[RoomType],
    stored: Stored,
    state: &PageState,
) -> ContractSection {
    let f = ui.formats();
    let date = |d: NaiveDate| f.date(ui.locale(), d);
    let contract_values = match &stored.contract {
        Some(c) => Fields(vec![
            ("reference".into(), c.reference.clone()),
            ("valid_from".into(), c.validity.starts_on.to_string()),
            ("valid_to".into(), c.validity.ends_on.to_string()),
            ("notes".into(), c.notes.clone()),
        ]),
        None => Fields(Vec::new()),
    };
    let contract = stored.contract.map(|c| {
        let state = expiry(c.validity.ends_on, ui.today());
        let warning = match state {
            Expiry::Valid => None,
            Expiry::Expiring => Some(Message::new("contracts-expiring")),
            Expiry::Expired => Some(Message::new("contracts-expired")),
        }
        .map(|m| ui.message(&m.date("to", c.validity.ends_on)));
        ContractView {
            reference: c.reference,
            from: date(c.validity.starts_on),
            to: date(c.validity.ends_on),
            notes: c.notes,
            expiry: state,
            warning,
        }
    });
    let all = ui.t(key("contracts-all-room-types"));
    let peaks = stored
        .peaks
        .iter()
        .map(|p| PeakView {
            id: p.id.0,
            name: p.peak.name.clone(),
            from: date(p.peak.period.starts_on),
            to: date(p.peak.period.ends_on),
            room_type: p
                .room_type
                .map_or_else(|| all.clone(), |rt| room_type_name(room_types, rt)),
            amount: money_text(ui, p.peak.amount.minor, p.peak.amount.currency),
            min_nights: p.peak.min_nights,
            archived: p.archived,
        })
        .collect();
    let allotments = stored
        .allotments
        .iter()
        .map(|a| AllotmentView {
            id: a.id.0,
            room_type: room_type_name(room_types, a.room_type),
            from: date(a.allotment.period.starts_on),
            to: date(a.allotment.period.ends_on),
            rooms: a.allotment.rooms,
            release_days: a.allotment.release_days,
            archived: a.archived,
        })
        .collect();
    let no_errors = Errors::default();
    let form = |section: &str, defaults: Fields, fill: &dyn Fn(&mut FormBuilder<'_>)| {
        let failed = state.failed.as_ref().filter(|f| f.section == section);
        let (values, errors) = match failed {
            Some(f) => (&f.fields, &f.errors),
            None => (&defaults, &no_errors),
        };
        let mut b = FormBuilder::new(ui, values, errors);
        fill(&mut b);
        b.fields
    };
    let currency = hotel.data.currency.code().to_owned();
    let options = room_type_options(room_types, None);
    let options_all = room_type_options(room_types, Some(all.clone()));
    let defaults = Fields(vec![
        ("nights".into(), "1".into()),
        ("adults".into(), "2".into()),
        ("extra_beds".into(), "0".into()),
    ]);
    let price_values = state.price_query.as_ref().unwrap_or(&defaults);
    ContractSection {
        contract_fields: form("contract", contract_values, &|b| {
            b.text("reference", key("contracts-reference"), false)
                .date("valid_from", key("contracts-valid-from"), true)
                .date("valid_to", key("contracts-valid-to"), true)
                .textarea("notes", key("suppliers-notes"));
        }),
        contract,
        peaks,
        peak_fields: form(
            "peak",
            Fields(vec![("currency".into(), currency.clone())]),
            &|b| {
                b.select("room_type", key("rooms-room-type"), options_all.clone());
                peak_fields(b);
            },
        ),
        allotments,
        allotment_fields: form("allotment", Fields(Vec::new()), &|b| {
            b.select("room_type", key("rooms-room-type"), options.clone());
            allotment_fields(b);
        }),
        price_fields: {
            let mut b = FormBuilder::new(ui, price_values, &no_errors);
            b.select("room_type", key("rooms-room-type"), options.clone())
                .date("check_in", key("contracts-check-in"), true)
                .number("nights", key("contracts-nights"), true)
                .number("adults", key("contracts-adults"), true)
                .text("child_ages", key("contracts-child-ages"), false)
                .hint(key("contracts-child-ages-hint"))
                .number("extra_beds", key("contracts-extra-beds"), false)
                .checkbox("breakfast", key("contracts-with-breakfast"));
            b.fields
        },
        price: state.price.clone(),
    }
}

/// Sets the hotel's contract (reference, validity, notes).
pub async fn set_contract(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (hotel, fields) = posted(&db, &user, SupplierKind::Hotel, (path, form)).await?;
    let page = (&ui, &db, &user);
    let mut r = Reader::new(&ui, &fields);
    let reference = r.text("reference", 100, false);
    let from = r.date("valid_from", true);
    let to = r.date("valid_to", true);
    let notes = r.multi_line("notes", 2000);
    let validity = match (from, to) {
        (Some(a), Some(b)) => match validity(a, b) {
            Ok(v) => Some(v),
            Err(e) => {
                r.errors.add(e.field(), ui.message(&e.message()));
                None
            }
        },
        _ => None,
    };
    let (Some(validity), false) = (validity, r.errors.any()) else {
        let errors = r.errors;
        return refuse(page, hotel, "contract", fields, errors).await;
    };
    let contract = HotelContract {
        reference,
        validity,
        notes,
    };
    let (actor, id) = (user.actor(ui.client_addr()), hotel.id);
    let set = db
        .write(move |conn| contracts::set_contract(conn, &actor, id, &contract))
        .await;
    if let Err(e) = set {
        let errors = contract_refused(&ui, "valid_from", e)?;
        return refuse(page, hotel, "contract", fields, errors).await;
    }
    Ok(ui.see_other(
        &paths::hotel(id),
        Flash::success(Message::new("contracts-saved")),
    ))
}

/// A rule's refusal on the form, at `field`; an archived hotel is a conflict.
/// A rule's refusal on the form: a term's on its own field, any other at `field`.
pub(super) fn contract_refused(ui: &Ui, field: &str, e: ContractError) -> Result<Errors, WebError> {
    let field = match &e {
        ContractError::Terms(t) => t.field(),
        _ => field,
    };
    Errors::refused(ui, field, e)
}

/// A peak's name, period, surcharge and minimum nights as its form gives them (its room type
/// apart: chosen when it is added, kept when it is edited).
pub(super) fn read_peak(r: &mut Reader<'_>) -> Option<Peak> {
    let name = r.text("name", 100, true);
    let period = forms::read_period(r);
    let currency = r.currency("currency");
    let amount = r.money("amount", currency, true);
    let min_nights = r.integer("min_nights", 1, i64::from(MAX_MIN_NIGHTS), false);
    Some(Peak {
        name,
        period: period?,
        amount: Money::new(amount?, currency?),
        min_nights: min_nights.and_then(|n| u16::try_from(n).ok()).unwrap_or(1),
    })
}

/// An allotment's period, rooms and release days as its form gives them (its room type apart).
pub(super) fn read_allotment(r: &mut Reader<'_>) -> Option<Allotment> {
    let period = forms::read_period(r);
    let rooms = r.integer("rooms", 1, i64::from(MAX_ALLOTMENT_ROOMS), true);
    let release = r.integer("release_days", 0, i64::from(MAX_RELEASE_DAYS), true);
    Some(Allotment {
        period: period?,
        rooms: u16::try_from(rooms?).ok()?,
        release_days: u16::try_from(release?).ok()?,
    })
}

/// The peak form's fields but its room type: what [`read_peak`] reads.
pub fn peak_fields(b: &mut FormBuilder<'_>) {
    b.text("name", key("contracts-peak-name"), true)
        .date("starts_on", key("rates-from"), true)
        .date("ends_on", key("rates-to"), true)
        .number("amount", key("contracts-peak-amount"), true)
        .currencies("currency", key("suppliers-col-currency"))
        .number("min_nights", key("contracts-min-nights"), false);
}

/// The allotment form's fields but its room type: what [`read_allotment`] reads.
pub fn allotment_fields(b: &mut FormBuilder<'_>) {
    b.date("starts_on", key("rates-from"), true)
        .date("ends_on", key("rates-to"), true)
        .number("rooms", key("contracts-allotment-rooms"), true)
        .number("release_days", key("contracts-release-days"), true)
        .hint(key("contracts-release-days-hint"));
}

/// A stored peak as its edit form shows it.
pub fn peak_values(ui: &Ui, p: &Peak) -> Fields {
    Fields(vec![
        ("name".into(), p.name.clone()),
        ("starts_on".into(), p.period.starts_on.to_string()),
        ("ends_on".into(), p.period.ends_on.to_string()),
        (
            "amount".into(),
            crate::web::kit::money_input(ui, p.amount.minor, p.amount.currency),
        ),
        ("currency".into(), p.amount.currency.code().into()),
        ("min_nights".into(), p.min_nights.to_string()),
    ])
}

/// A stored allotment as its edit form shows it.
pub fn allotment_values(a: &Allotment) -> Fields {
    Fields(vec![
        ("starts_on".into(), a.period.starts_on.to_string()),
        ("ends_on".into(), a.period.ends_on.to_string()),
        ("rooms".into(), a.rooms.to_string()),
        ("release_days".into(), a.release_days.to_string()),
    ])
}

/// The room type a form chose among the hotel's live ones; empty when `optional`.
fn chosen_room_type(
    r: &mut Reader<'_>,
    room_types: &[RoomType],
    optional: bool,
) -> Option<Option<RoomTypeId>> {
    let ids: Vec<String> = room_types
        .iter()
        .filter(|rt| !rt.archived)
        .map(|rt| rt.id.0.to_string())
        .collect();
    let mut allowed: Vec<&str> = ids.iter().map(String::as_str).collect();
    if optional {
        allowed.push("");
    }
    let raw = r.choice("room_type", &allowed)?;
    Some(raw.parse().ok().map(RoomTypeId))
}

async fn room_types(db: &Db, hotel: SupplierId) -> Result<Vec<RoomType>, WebError> {
    db.read(move |conn| -> Result<_, WebError> {
        Ok(crate::db::master::rooms::room_types_of(conn, hotel)?)
    })
    .await
}

/// Adds a peak-period surcharge, for one room type or all.
pub async fn add_peak(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (hotel, fields) = posted(&db, &user, SupplierKind::Hotel, (path, form)).await?;
    let page = (&ui, &db, &user);
    let types = room_types(&db, hotel.id).await?;
    let mut r = Reader::new(&ui, &fields);
    let room_type = chosen_room_type(&mut r, &types, true);
    let peak = read_peak(&mut r);
    let (Some(room_type), Some(peak), false) = (room_type, peak, r.errors.any()) else {
        let errors = r.errors;
        return refuse(page, hotel, "peak", fields, errors).await;
    };
    let new = NewPeak { room_type, peak };
    let (actor, id) = (user.actor(ui.client_addr()), hotel.id);
    let added = db
        .write(move |conn| contracts::add_peak(conn, &actor, id, &new))
        .await;
    if let Err(e) = added {
        let errors = contract_refused(&ui, "starts_on", e)?;
        return refuse(page, hotel, "peak", fields, errors).await;
    }
    Ok(ui.see_other(
        &paths::hotel(id),
        Flash::success(Message::new("contracts-peak-created")),
    ))
}

/// Adds an allotment to one of the hotel's room types.
pub async fn add_allotment(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let (hotel, fields) = posted(&db, &user, SupplierKind::Hotel, (path, form)).await?;
    let page = (&ui, &db, &user);
    let types = room_types(&db, hotel.id).await?;
    let mut r = Reader::new(&ui, &fields);
    let room_type = chosen_room_type(&mut r, &types, false).flatten();
    let allotment = read_allotment(&mut r);
    let (Some(room_type), Some(allotment), false) = (room_type, allotment, r.errors.any()) else {
        let errors = r.errors;
        return refuse(page, hotel, "allotment", fields, errors).await;
    };
    let (actor, id) = (user.actor(ui.client_addr()), hotel.id);
    let added = db
        .write(move |conn| contracts::add_allotment(conn, &actor, id, room_type, &allotment))
        .await;
    if let Err(e) = added {
        let errors = contract_refused(&ui, "starts_on", e)?;
        return refuse(page, hotel, "allotment", fields, errors).await;
    }
    Ok(ui.see_other(
        &paths::hotel(id),
        Flash::success(Message::new("contracts-allotment-created")),
    ))
}

fn charge_label(ui: &Ui, charge: &Charge) -> String {
    let m = match charge {
        Charge::Room {
            season,
            complimentary: false,
        } => Message::new("contracts-line-room").arg("season", season),
        Charge::Room {
            season,
            complimentary: true,
        } => Message::new("contracts-line-complimentary").arg("season", season),
        Charge::SingleSupplement => Message::new("contracts-line-single"),
        Charge::ExtraBed { count } => {
            Message::new("contracts-line-extra-bed").count("count", i64::from(*count))
        }
        Charge::Child { age } => Message::new("contracts-line-child").count("age", i64::from(*age)),
        Charge::Infant { age } => {
            Message::new("contracts-line-infant").count("age", i64::from(*age))
        }
        Charge::Breakfast { persons } => {
            Message::new("contracts-line-breakfast").count("persons", i64::from(*persons))
        }
        Charge::Peak { name } => Message::new("contracts-line-peak").arg("name", name),
    };
    ui.message(&m)
}

/// Child ages typed as `4, 8` (commas or spaces).
fn child_ages(r: &mut Reader<'_>) -> Option<Vec<u8>> {
    let raw = r.fields.get("child_ages").to_owned();
    let ages: Result<Vec<u8>, _> = raw
        .split([',', ' ', '、', '，'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.trim().parse::<u8>())
        .collect();
    match ages {
        Ok(ages)
            if ages.iter().all(|a| *a <= MAX_CHILD_AGE)
                && ages.len() <= usize::from(MAX_GUESTS) =>
        {
            Some(ages)
        }
        _ => {
            r.errors
                .add("child_ages", r.ui.t(key("contracts-error-child-ages")));
            None
        }
    }
}

/// Checks what a room of the hotel costs for a stay: GET, so the answer can be bookmarked.
pub async fn price(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<SupplierId>,
    query: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersView)?;
    let hotel = load(&db, SupplierKind::Hotel, path.into_inner()).await?;
    let fields = Fields(query.into_inner());
    let types = room_types(&db, hotel.id).await?;
    let mut r = Reader::new(&ui, &fields);
    let room_type = chosen_room_type(&mut r, &types, false).flatten();
    let check_in = r.date("check_in", true);
    let nights = r.integer("nights", 1, i64::from(MAX_STAY_NIGHTS), true);
    let adults = r.integer("adults", 1, i64::from(MAX_GUESTS), true);
    let ages = child_ages(&mut r);
    let beds = r.integer("extra_beds", 0, i64::from(MAX_GUESTS), false);
    let breakfast = r.checkbox("breakfast");
    let asked = match (room_type, check_in, nights, adults, ages, r.errors.any()) {
        (Some(rt), Some(check_in), Some(nights), Some(adults), Some(ages), false) => Some((
            rt,
            check_in,
            u16::try_from(nights).unwrap_or(1),
            Occupancy {
                adults: u8::try_from(adults).unwrap_or(1),
                child_ages: ages,
                extra_beds: beds.and_then(|b| u8::try_from(b).ok()).unwrap_or(0),
                breakfast,
            },
        )),
        _ => None,
    };
    let view = match asked {
        None => {
            let first = r
                .errors
                .0
                .first()
                .map(|(_, m)| m.clone())
                .unwrap_or_default();
            PriceView {
                error: Some(first),
                ..PriceView::default()
            }
        }
        Some((rt, check_in, nights, occupancy)) => {
            let hotel_id = hotel.id;
            let (contract, allotments) = db
                .read(move |conn| -> Result<_, WebError> {
                    let held = contracts::allotments_of(conn, hotel_id)?
                        .into_iter()
                        .filter(|a| !a.archived && a.room_type == rt)
                        .map(|a| a.allotment)
                        .collect::<Vec<_>>();
                    Ok((contracts::room_contract(conn, rt)?, held))
                })
                .await?;
            let contract = contract.ok_or(WebError::NotFound)?;
            let mut view = priced(&ui, price_stay(&contract, check_in, nights, &occupancy));
            view.held = held_text(&ui, &allotments, check_in);
            view
        }
    };
    let state = PageState {
        failed: None,
        price: Some(view),
        price_query: Some(fields),
    };
    render_show(&ui, &db, &user, hotel, state).await
}

/// What an allotment holds on `night`, as of the agency's today: the rooms and their release
/// date, or that they went back to the hotel.
fn held_text(ui: &Ui, allotments: &[Allotment], night: NaiveDate) -> Option<String> {
    let held = allotments.iter().find_map(|a| a.held(night, ui.today()))?;
    let id = if held.released {
        key("contracts-held-released")
    } else {
        key("contracts-held")
    };
    let m = Message::new(id)
        .count("rooms", i64::from(held.rooms))
        .date("night", night)
        .date("release", held.release_on);
    Some(ui.message(&m))
}

/// A stay's price (or why there is none) in the reader's words and formats.
fn priced(ui: &Ui, outcome: Result<(Vec<NightPrice>, Money), PriceError>) -> PriceView {
    let f = ui.formats();
    let money = |m: Money| money_text(ui, m.minor, m.currency);
    match outcome {
        Err(e) => PriceView {
            error: Some(ui.message(&e.message())),
            ..PriceView::default()
        },
        Ok((nights, total)) => PriceView {
            error: None,
            nights: nights
                .iter()
                .map(|n| NightView {
                    night: f.date(ui.locale(), n.night),
                    lines: n
                        .lines
                        .iter()
                        .map(|l| LineView {
                            label: charge_label(ui, &l.charge),
                            amount: money(l.amount),
                        })
                        .collect(),
                    total: money(n.total),
                })
                .collect(),
            total: money(total),
            held: None,
        },
    }
}
