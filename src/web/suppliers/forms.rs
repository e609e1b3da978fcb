//! The forms of what hangs off a supplier's page — a hotel's room types and seasonal rates, a
//! transport company's vehicles: their fields, their readers, and how a rule's refusal shows
//! on them. Adding (`items`) and editing (`item_edits`) share them.

use crate::db::master::rooms::{NewRate, NewRoomType, RateError, RoomRate, RoomTypeError};
use crate::db::master::suppliers::Supplier;
use crate::db::master::vehicles::NewVehicle;
use crate::domain::currency::Currency;
use crate::domain::master::contracts::{
    Breakfast, ChildBand, ChildRate, MAX_CHILD_AGE, MAX_MIN_NIGHTS, RateTerms,
};
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::RoomKind;
use crate::domain::message::key;
use crate::domain::money::Money;
use crate::web::error::WebError;
use crate::web::extract::Ui;
use crate::web::kit::form::{Errors, Fields, FormBuilder, OptionView, Reader};
use crate::web::kit::money_input;

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

/// The rate form's fields: what `read_rate` reads — the season and its room rate, then the
/// contract's terms for it.
pub fn rate_fields(b: &mut FormBuilder<'_>) {
    let breakfast = [
        ("included", key("contracts-breakfast-included")),
        ("extra", key("contracts-breakfast-extra")),
        ("none", key("contracts-breakfast-none")),
    ]
    .iter()
    .map(|(value, label)| OptionView {
        value: (*value).into(),
        label: b.ui.t(label),
    })
    .collect();
    b.text("season", key("rates-season"), true)
        .date("starts_on", key("rates-from"), true)
        .date("ends_on", key("rates-to"), true)
        .number("rate", key("rates-per-night"), true)
        .currencies("currency", key("suppliers-col-currency"))
        .checkbox("complimentary", key("contracts-complimentary"))
        .number("min_nights", key("contracts-min-nights"), false)
        .number("extra_bed", key("contracts-extra-bed"), false)
        .number("child_rate", key("contracts-child-rate"), false)
        .number("child_from", key("contracts-child-from"), false)
        .number("child_to", key("contracts-child-to"), false)
        .select("breakfast", key("contracts-breakfast"), breakfast)
        .number("breakfast_price", key("contracts-breakfast-price"), false)
        .number(
            "single_supplement",
            key("contracts-single-supplement"),
            false,
        )
        .hint(key("contracts-single-supplement-hint"));
}

/// A stored rate as its edit form shows it.
pub fn rate_values(ui: &Ui, rate: &RoomRate) -> Fields {
    let c = rate.rate.currency;
    let amount = |m: Option<i64>| m.map(|m| money_input(ui, m, c)).unwrap_or_default();
    let t = &rate.terms;
    let (breakfast, breakfast_price) = match t.breakfast {
        Breakfast::Included => ("included", None),
        Breakfast::PerPerson(m) => ("extra", Some(m)),
        Breakfast::NotOffered => ("none", None),
    };
    let mut values = vec![
        ("season".into(), rate.season.clone()),
        ("starts_on".into(), rate.starts_on.to_string()),
        ("ends_on".into(), rate.ends_on.to_string()),
        ("rate".into(), money_input(ui, rate.rate.minor, c)),
        ("currency".into(), c.code().into()),
        ("min_nights".into(), t.min_nights.to_string()),
        ("extra_bed".into(), amount(t.extra_bed)),
        ("child_rate".into(), amount(t.child.map(|c| c.minor))),
        ("breakfast".into(), breakfast.into()),
        ("breakfast_price".into(), amount(breakfast_price)),
        ("single_supplement".into(), amount(t.single_supplement)),
    ];
    if let Some(child) = t.child {
        values.push(("child_from".into(), child.band.from_age.to_string()));
        values.push(("child_to".into(), child.band.to_age.to_string()));
    }
    if t.complimentary {
        values.push(("complimentary".into(), "on".into()));
    }
    Fields(values)
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

/// A period from the `starts_on` and `ends_on` fields (both nights included) of a rate, a peak
/// or an allotment form; one ending before it starts is the second field's error.
pub fn read_period(r: &mut Reader<'_>) -> Option<Season> {
    let starts_on = r.date("starts_on", true);
    let ends_on = r.date("ends_on", true);
    match (starts_on, ends_on) {
        (Some(a), Some(b)) => match Season::new(a, b) {
            Ok(season) => Some(season),
            Err(e) => {
                r.errors.add("ends_on", r.ui.message(&e.message()));
                None
            }
        },
        _ => None,
    }
}

/// A seasonal rate as its form gives it: season name, first and last night, amount and
/// currency, or the field errors.
pub fn read_rate(r: &mut Reader<'_>) -> Option<NewRate> {
    let season_name = r.text("season", 100, true);
    let season = read_period(r);
    let currency = r.currency("currency");
    let rate = r.money("rate", currency, true);
    let terms = read_terms(r, currency);
    let (Some(season), Some(minor), Some(currency), Some(terms)) = (season, rate, currency, terms)
    else {
        return None;
    };
    let rate = Money::new(minor, currency);
    if let Err(e) = terms.check(rate) {
        r.errors.add(e.field(), r.ui.message(&e.message()));
        return None;
    }
    Some(NewRate {
        season_name,
        season,
        rate,
        terms,
    })
}

/// A rate's terms as its form gives them, amounts in `currency`.
fn read_terms(r: &mut Reader<'_>, currency: Option<Currency>) -> Option<RateTerms> {
    let max_nights = i64::from(MAX_MIN_NIGHTS);
    let min_nights = r.integer("min_nights", 1, max_nights, false).unwrap_or(1);
    let extra_bed = r.money("extra_bed", currency, false);
    let child_rate = r.money("child_rate", currency, false);
    let age = i64::from(MAX_CHILD_AGE);
    let from = r.integer("child_from", 0, age, child_rate.is_some());
    let to = r.integer("child_to", 0, age, child_rate.is_some());
    if child_rate.is_none() && (from.is_some() || to.is_some()) {
        r.errors
            .add("child_rate", r.ui.t(key("contracts-error-child-rate")));
    }
    let kinds = ["included", "extra", "none", ""];
    let kind = r.choice("breakfast", &kinds);
    let price = r.money(
        "breakfast_price",
        currency,
        kind.as_deref() == Some("extra"),
    );
    let breakfast = match (kind.as_deref(), price) {
        (Some("extra"), Some(p)) => Some(Breakfast::PerPerson(p)),
        (Some("none"), _) => Some(Breakfast::NotOffered),
        (Some("included" | ""), _) => Some(Breakfast::Included),
        _ => None,
    };
    let single_supplement = r.money("single_supplement", currency, false);
    let complimentary = r.checkbox("complimentary");
    let child = match (child_rate, from, to) {
        (Some(minor), Some(from), Some(to)) => Some(ChildRate {
            minor,
            band: ChildBand {
                from_age: u8::try_from(from).ok()?,
                to_age: u8::try_from(to).ok()?,
            },
        }),
        _ => None,
    };
    if r.errors.any() {
        return None;
    }
    Some(RateTerms {
        extra_bed,
        child,
        breakfast: breakfast?,
        single_supplement,
        min_nights: u16::try_from(min_nights).ok()?,
        complimentary,
    })
}

/// The form's errors for a room type a rule refused: a taken name is the name's to fix.
pub fn room_type_refused(ui: &Ui, e: RoomTypeError) -> Result<Errors, WebError> {
    Errors::refused(ui, "name", e)
}

/// The form's errors for a rate a rule refused: an overlap or a season outside the contract is
/// the dates' to fix, a term its own field's.
pub fn rate_refused(ui: &Ui, e: RateError) -> Result<Errors, WebError> {
    let field = match &e {
        RateError::Terms(t) => t.field(),
        _ => "starts_on",
    };
    Errors::refused(ui, field, e)
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
