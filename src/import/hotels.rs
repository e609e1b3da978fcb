//! Hotel rate sheets: one row per contract rate — hotel, room type, season, rate per
//! room-night. Hotels and room types are created on first sight and updated where the sheet
//! says otherwise: a blank cell keeps what the hotel, room type or rate has. A season
//! overlapping another of the same room type is refused, as on the rate form.

use diesel::QueryResult;

use super::fill::Fill;
use super::hotel_terms;
use super::reader::{Cell, RowReader};
use super::sheet::{CellKind, Column, RowCells};
use super::{Outcome, Reading, Value, archived_error};
use crate::db::AnyConnection;
use crate::db::master::rooms::{self, NewRate, NewRoomType, RateError, RoomTypeError};
use crate::db::master::suppliers::{self, SupplierData};
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::{RoomKind, SupplierKind};
use crate::domain::message::{Message, Refusal, key};

/// The room kinds as a cell may name them: by value or by label in any language.
pub const ROOM_KINDS: [(&str, &str, RoomKind); 5] = [
    ("single", key("room-single"), RoomKind::Single),
    ("twin", key("room-twin"), RoomKind::Twin),
    ("double", key("room-double"), RoomKind::Double),
    ("triple", key("room-triple"), RoomKind::Triple),
    ("family", key("room-family"), RoomKind::Family),
];

fn room_kind_key(kind: RoomKind) -> &'static str {
    ROOM_KINDS
        .iter()
        .find(|(_, _, k)| *k == kind)
        .map_or(key("room-twin"), |(_, label, _)| label)
}

pub const COLUMNS: &[Column] = &[
    Column::keyed(
        "hotel",
        key("imports-col-hotel"),
        CellKind::Text,
        "Riverside Bangkok Hotel",
    ),
    Column::optional(
        "local_name",
        key("suppliers-local-name"),
        CellKind::Text,
        "โรงแรมริเวอร์ไซด์",
    ),
    Column::keyed("city", key("suppliers-col-city"), CellKind::Text, "Bangkok"),
    Column::optional(
        "country",
        key("suppliers-col-country"),
        CellKind::Text,
        "Thailand",
    ),
    Column::optional("stars", key("suppliers-col-stars"), CellKind::Number, "4")
        .with_choices(&["1", "2", "3", "4", "5"]),
    Column::required(
        "currency",
        key("suppliers-col-currency"),
        CellKind::Text,
        "THB",
    )
    .with_choices(&crate::domain::currency::COMMON),
    Column::keyed(
        "room_type",
        key("rooms-name"),
        CellKind::Text,
        "Superior twin",
    ),
    Column::required("room_kind", key("rooms-kind"), CellKind::Text, "twin")
        .with_choices(&["single", "twin", "double", "triple", "family"]),
    Column::defaulted(
        "max_occupancy",
        key("rooms-max-occupancy"),
        CellKind::Number,
        "2",
    ),
    Column::required("season", key("rates-season"), CellKind::Text, "High season"),
    Column::keyed("starts_on", key("rates-from"), CellKind::Date, "2027-11-01"),
    Column::keyed("ends_on", key("rates-to"), CellKind::Date, "2028-03-31"),
    Column::required("rate", key("rates-per-night"), CellKind::Number, "2450.00"),
    hotel_terms::COLUMNS[0],
    hotel_terms::COLUMNS[1],
    hotel_terms::COLUMNS[2],
    hotel_terms::COLUMNS[3],
    hotel_terms::COLUMNS[4],
    hotel_terms::COLUMNS[5],
    hotel_terms::COLUMNS[6],
    hotel_terms::COLUMNS[7],
];

/// Applies one rate row: the hotel (created or changed), its room type, the season's rate.
pub fn apply(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let name = r.key_text("hotel", key("imports-col-hotel"), 200);
    let city = r.key_text("city", key("suppliers-col-city"), 100);
    let local_name = r.text("local_name", key("suppliers-local-name"), 200);
    let country = r.text("country", key("suppliers-col-country"), 100);
    let stars = r
        .integer("stars", key("suppliers-col-stars"), 1, 5)
        .map(|s| s as i32);
    let currency = r.currency("currency", key("suppliers-col-currency"));
    let room_name = r.key_text("room_type", key("rooms-name"), 100);
    let room_kind = r.choice("room_kind", key("rooms-kind"), &ROOM_KINDS);
    let max = r
        .integer("max_occupancy", key("rooms-max-occupancy"), 1, 20)
        .map(|m| m as i32);
    let season_name = r.text("season", key("rates-season"), 100);
    let starts_on = r.key_date("starts_on", key("rates-from"));
    let ends_on = r.key_date("ends_on", key("rates-to"));
    let rate = r.decimal("rate", key("rates-per-night"));
    let term_cells = hotel_terms::read(&mut r);
    let season = match (starts_on, ends_on) {
        (Some(a), Some(b)) => Season::new(a, b)
            .map_err(|e| r.errors.push(e.message()))
            .ok(),
        _ => None,
    };
    let label = [row.get("hotel"), row.get("room_type"), row.get("season")]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" · ");
    let mut out = Outcome::new(row, label);
    out.errors = std::mem::take(&mut r.errors);
    let (Some(name), Some(city), Some(room_name), Some(season)) = (name, city, room_name, season)
    else {
        return Ok(out.finish(false));
    };

    // The hotel.
    let found = suppliers::find_by_name(conn, SupplierKind::Hotel, &name, &city)?;
    if let Some(h) = found.as_ref().filter(|h| h.archived) {
        out.error(archived_error(&h.data.name));
        return Ok(out.finish(false));
    }
    let before = found.as_ref().map(|h| &h.data);
    let mut fill = Fill::new(&mut out);
    let local_name = fill.text(
        key("suppliers-local-name"),
        before.map(|b| &b.local_name),
        local_name,
    );
    let country = fill.text(
        key("suppliers-col-country"),
        before.map(|b| &b.country),
        country,
    );
    let stars = fill.optional(
        key("suppliers-col-stars"),
        before.map(|b| &b.stars),
        stars,
        |s| Value::Integer(i64::from(*s)),
    );
    let currency = fill.required(
        key("suppliers-col-currency"),
        before.map(|b| &b.currency),
        currency,
        |c| Value::text(c.code()),
    );
    let (Some(local_name), Some(country), Some(stars), Some(currency), false) =
        (local_name, country, stars, currency, out.has_errors())
    else {
        return Ok(out.finish(false));
    };
    let mut created = false;
    let hotel = match &found {
        Some(h) => {
            let data = SupplierData {
                local_name,
                country,
                stars,
                currency,
                ..h.data.clone()
            };
            if data != h.data {
                suppliers::update(conn, h.id, &data)?;
            }
            h.id
        }
        None => {
            created = true;
            suppliers::insert(
                conn,
                &SupplierData {
                    local_name,
                    country,
                    stars,
                    ..new_hotel(name, city, currency)
                },
            )?
        }
    };

    // The room type.
    let wanted = crate::domain::text::search_key(&room_name);
    let existing = rooms::room_types_of(conn, hotel)?
        .into_iter()
        .find(|rt| !rt.archived && crate::domain::text::search_key(&rt.name) == wanted);
    let mut fill = Fill::new(&mut out);
    let room_kind = fill.required(
        key("rooms-kind"),
        existing.as_ref().map(|rt| &rt.kind),
        room_kind,
        |k| Value::label(room_kind_key(*k)),
    );
    let max_occupancy = room_kind.and_then(|kind| {
        fill.defaulted(
            key("rooms-max-occupancy"),
            existing.as_ref().map(|rt| &rt.max_occupancy),
            max,
            kind.default_occupancy(),
            |m| Value::Integer(i64::from(*m)),
        )
    });
    let (Some(room_kind), Some(max_occupancy)) = (room_kind, max_occupancy) else {
        return Ok(out.finish(false));
    };
    let room_type = match existing {
        Some(rt) => {
            if rt.kind != room_kind || rt.max_occupancy != max_occupancy {
                let new = NewRoomType {
                    kind: room_kind,
                    name: rt.name.clone(),
                    max_occupancy,
                };
                rooms::update_room_type(conn, rt.id, &new)?;
            }
            rt.id
        }
        None => {
            created = true;
            let new = NewRoomType {
                kind: room_kind,
                name: room_name.clone(),
                max_occupancy,
            };
            match rooms::insert_room_type(conn, hotel, &new) {
                Ok(id) => id,
                Err(RoomTypeError::Db(e)) => return Err(e),
                Err(refused) => {
                    out.error(refused_row(refused)?);
                    return Ok(out.finish(false));
                }
            }
        }
    };

    // The season's rate, in the hotel's currency.
    let existing = rooms::find_rate(conn, room_type, season)?;
    let mut fill = Fill::new(&mut out);
    if existing.is_none() {
        // A new rate's nights, as the preview shows them.
        fill.out
            .change(key("rates-from"), None, Value::Date(season.starts_on));
        fill.out
            .change(key("rates-to"), None, Value::Date(season.ends_on));
    }
    let season_name = fill.required(
        key("rates-season"),
        existing.as_ref().map(|e| &e.season),
        season_name,
        |s| Value::text(s),
    );
    let amount = fill.money(key("rates-per-night"), rate, currency);
    let amount = match (&existing, amount) {
        // A rate kept as it is stays in its own currency, whatever the hotel's.
        (Some(e), Cell::Keep) => Some(e.rate),
        (e, amount) => fill.required(
            key("rates-per-night"),
            e.as_ref().map(|e| &e.rate),
            amount,
            |m| Value::money(m.minor, m.currency),
        ),
    };
    let (Some(season_name), Some(amount)) = (season_name, amount) else {
        return Ok(out.finish(false));
    };
    let stored_terms = existing.as_ref().map(|e| (&e.terms, e.rate.currency));
    let Some(terms) = hotel_terms::fill(&mut fill, stored_terms, term_cells, amount) else {
        return Ok(out.finish(false));
    };
    match existing {
        Some(existing) => {
            let changed = existing.season != season_name
                || existing.rate != amount
                || existing.terms != terms;
            if changed {
                rooms::update_rate(conn, existing.id, &season_name, amount, &terms)?;
            }
        }
        None => {
            created = true;
            let new = NewRate {
                season_name,
                season,
                rate: amount,
                terms,
            };
            match rooms::insert_rate(conn, room_type, &new) {
                Ok(_) => {}
                Err(RateError::Db(e)) => return Err(e),
                Err(refused) => out.error(refused_row(refused)?),
            }
        }
    }
    Ok(out.finish(created))
}

/// The row's error for a write a rule refused; anything else fails the import.
fn refused_row<E>(e: E) -> QueryResult<Message>
where
    E: Refusal + std::error::Error + Send + Sync + 'static,
{
    e.refusal()
        .ok_or_else(|| diesel::result::Error::QueryBuilderError(e.into()))
}

fn new_hotel(
    name: String,
    city: String,
    currency: crate::domain::currency::Currency,
) -> SupplierData {
    SupplierData {
        kind: SupplierKind::Hotel,
        name,
        local_name: String::new(),
        city,
        country: String::new(),
        address: String::new(),
        contact_name: String::new(),
        phone: String::new(),
        email: String::new(),
        currency,
        notes: String::new(),
        stars: None,
        breakfast_minor: None,
        lunch_minor: None,
        dinner_minor: None,
        adult_minor: None,
        child_minor: None,
        shop_kind: String::new(),
        commission: None,
    }
}
