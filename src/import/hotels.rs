//! Hotel rate sheets: one row per contract rate — hotel, room type, season, rate per
//! room-night. Hotels and room types are created on first sight and updated when the sheet
//! says otherwise; a season overlapping another of the same room type is refused.

use std::collections::BTreeMap;

use diesel::QueryResult;

use super::sheet::{CellKind, Column, RowCells};
use super::{Outcome, Reading, RowReader};
use crate::db::AnyConnection;
use crate::db::master::rooms::{self, NewRate, NewRoomType, RateError, RoomTypeError};
use crate::db::master::suppliers::{self, SupplierData};
use crate::domain::master::contracts::RateTerms;
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::{RoomKind, SupplierKind};
use crate::domain::message::{Message, Refusal, key};
use crate::domain::money::Money;

const fn col(
    field: &'static str,
    label: &'static str,
    cell: CellKind,
    required: bool,
    example: &'static str,
) -> Column {
    Column {
        field,
        label,
        cell,
        required,
        example,
        choices: &[],
    }
}

pub const ROOM_KINDS: [(&str, &str); 5] = [
    ("single", key("room-single")),
    ("twin", key("room-twin")),
    ("double", key("room-double")),
    ("triple", key("room-triple")),
    ("family", key("room-family")),
];

pub const COLUMNS: &[Column] = &[
    col(
        "hotel",
        key("imports-col-hotel"),
        CellKind::Text,
        true,
        "Riverside Bangkok Hotel",
    ),
    col(
        "local_name",
        key("suppliers-local-name"),
        CellKind::Text,
        false,
        "โรงแรมริเวอร์ไซด์",
    ),
    col(
        "city",
        key("suppliers-col-city"),
        CellKind::Text,
        true,
        "Bangkok",
    ),
    col(
        "country",
        key("suppliers-col-country"),
        CellKind::Text,
        false,
        "Thailand",
    ),
    Column {
        choices: &["1", "2", "3", "4", "5"],
        ..col(
            "stars",
            key("suppliers-col-stars"),
            CellKind::Number,
            false,
            "4",
        )
    },
    Column {
        choices: &crate::domain::currency::COMMON,
        ..col(
            "currency",
            key("suppliers-col-currency"),
            CellKind::Text,
            true,
            "THB",
        )
    },
    col(
        "room_type",
        key("rooms-name"),
        CellKind::Text,
        true,
        "Superior twin",
    ),
    Column {
        choices: &["single", "twin", "double", "triple", "family"],
        ..col("room_kind", key("rooms-kind"), CellKind::Text, true, "twin")
    },
    col(
        "max_occupancy",
        key("rooms-max-occupancy"),
        CellKind::Number,
        false,
        "2",
    ),
    col(
        "season",
        key("rates-season"),
        CellKind::Text,
        true,
        "High season",
    ),
    col(
        "starts_on",
        key("rates-from"),
        CellKind::Date,
        true,
        "2027-11-01",
    ),
    col(
        "ends_on",
        key("rates-to"),
        CellKind::Date,
        true,
        "2028-03-31",
    ),
    col(
        "rate",
        key("rates-per-night"),
        CellKind::Number,
        true,
        "2450.00",
    ),
];

/// The hotel-level columns that every row of one hotel must agree on.
const HOTEL_FIELDS: [(&str, &str); 5] = [
    ("local_name", key("suppliers-local-name")),
    ("city", key("suppliers-col-city")),
    ("country", key("suppliers-col-country")),
    ("stars", key("suppliers-col-stars")),
    ("currency", key("suppliers-col-currency")),
];

/// Rows that say something else about a hotel than an earlier row of the same hotel (another
/// local name, city, stars...): each gets an error naming the earlier line, instead of the
/// last row silently winning. Blank cells say nothing and never conflict.
pub fn conflicts(rows: &[RowCells]) -> BTreeMap<usize, Vec<Message>> {
    let mut first: BTreeMap<String, BTreeMap<&str, (String, usize)>> = BTreeMap::new();
    let mut found: BTreeMap<usize, Vec<Message>> = BTreeMap::new();
    for row in rows {
        let hotel = row.get("hotel").trim().to_lowercase();
        if hotel.is_empty() {
            continue;
        }
        let seen = first.entry(hotel).or_default();
        for (field, label) in HOTEL_FIELDS {
            let value = row.get(field).trim();
            if value.is_empty() {
                continue;
            }
            match seen.get(field) {
                Some((earlier, line)) if !earlier.eq_ignore_ascii_case(value) => {
                    found.entry(row.line).or_default().push(
                        Message::new("imports-error-hotel-conflict")
                            .label("column", label)
                            .arg("value", value)
                            .arg("other", earlier)
                            .arg("line", *line),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(field, (value.to_owned(), row.line));
                }
            }
        }
    }
    found
}

pub fn apply(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    row: &RowCells,
) -> QueryResult<Outcome> {
    let mut r = RowReader::new(row, reading);
    let name = r.text("hotel", key("imports-col-hotel"), true);
    let local_name = r.text("local_name", key("suppliers-local-name"), false);
    let city = r.text("city", key("suppliers-col-city"), true);
    let country = r.text("country", key("suppliers-col-country"), false);
    let stars = r
        .integer("stars", key("suppliers-col-stars"), 1, 5)
        .map(|s| s as i32);
    let currency = r.currency("currency", key("suppliers-col-currency"));
    let room_name = r.text("room_type", key("rooms-name"), true);
    let room_kind = r
        .choice(
            "room_kind",
            key("rooms-kind"),
            reading.i18n,
            &ROOM_KINDS,
            true,
        )
        .and_then(RoomKind::parse);
    let max = r
        .integer("max_occupancy", key("rooms-max-occupancy"), 1, 20)
        .map(|m| m as i32);
    let season_name = r.text("season", key("rates-season"), true);
    let starts_on = r.date("starts_on", key("rates-from"), true);
    let ends_on = r.date("ends_on", key("rates-to"), true);
    let rate = r.money("rate", key("rates-per-night"), currency, true);
    let season = match (starts_on, ends_on) {
        (Some(a), Some(b)) => Season::new(a, b)
            .map_err(|e| r.errors.push(e.message()))
            .ok(),
        _ => None,
    };
    let mut out = Outcome::new(row, format!("{name} · {room_name} · {season_name}"));
    out.errors = std::mem::take(&mut r.errors);
    let (Some(currency), Some(room_kind), Some(season), Some(rate_minor), true) =
        (currency, room_kind, season, rate, out.errors.is_empty())
    else {
        return Ok(out.finish(false));
    };
    let mut created = false;
    let hotel = match suppliers::find_by_name(conn, SupplierKind::Hotel, &name, &city)? {
        Some(h) => {
            let mut data = h.data.clone();
            if !local_name.is_empty() {
                out.change(
                    key("suppliers-local-name"),
                    data.local_name.clone(),
                    local_name.clone(),
                );
                data.local_name = local_name;
            }
            if !country.is_empty() {
                out.change(
                    key("suppliers-col-country"),
                    data.country.clone(),
                    country.clone(),
                );
                data.country = country;
            }
            if stars.is_some() {
                out.change(key("suppliers-col-stars"), opt(data.stars), opt(stars));
                data.stars = stars;
            }
            out.change(
                key("suppliers-col-currency"),
                data.currency.code().into(),
                currency.code().into(),
            );
            data.currency = currency;
            if data != h.data {
                suppliers::update(conn, h.id, &data)?;
            }
            h.id
        }
        None => {
            created = true;
            suppliers::insert(
                conn,
                &new_hotel(name, local_name, city, country, stars, currency),
            )?
        }
    };
    let wanted = crate::domain::text::search_key(&room_name);
    let existing = rooms::room_types_of(conn, hotel)?
        .into_iter()
        .find(|rt| !rt.archived && crate::domain::text::search_key(&rt.name) == wanted);
    let room_type = match existing {
        Some(rt) => {
            let max_occupancy = max.unwrap_or(rt.max_occupancy);
            out.change(
                key("rooms-kind"),
                rt.kind.as_str().into(),
                room_kind.as_str().into(),
            );
            out.change(
                key("rooms-max-occupancy"),
                rt.max_occupancy.to_string(),
                max_occupancy.to_string(),
            );
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
                max_occupancy: max.unwrap_or_else(|| room_kind.default_occupancy()),
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
    match rooms::find_rate(conn, room_type, season)? {
        Some(existing) => {
            let before = existing.rate;
            let after = Money::new(rate_minor, currency);
            out.change(
                key("rates-season"),
                existing.season.clone(),
                season_name.clone(),
            );
            out.change(
                key("rates-per-night"),
                format!("{} {}", before.amount_text(), before.currency),
                format!("{} {}", after.amount_text(), after.currency),
            );
            if existing.season != season_name || before != after {
                rooms::update_rate(conn, existing.id, &season_name, after)?;
            }
        }
        None => {
            created = true;
            let new = NewRate {
                season_name: season_name.clone(),
                season,
                rate: Money::new(rate_minor, currency),
                terms: RateTerms::default(),
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

fn opt(v: Option<i32>) -> String {
    v.map(|s| s.to_string()).unwrap_or_default()
}

fn new_hotel(
    name: String,
    local_name: String,
    city: String,
    country: String,
    stars: Option<i32>,
    currency: crate::domain::currency::Currency,
) -> SupplierData {
    SupplierData {
        kind: SupplierKind::Hotel,
        name,
        local_name,
        city,
        country,
        address: String::new(),
        contact_name: String::new(),
        phone: String::new(),
        email: String::new(),
        currency,
        notes: String::new(),
        stars,
        breakfast_minor: None,
        lunch_minor: None,
        dinner_minor: None,
        adult_minor: None,
        child_minor: None,
        shop_kind: String::new(),
        commission: None,
    }
}
