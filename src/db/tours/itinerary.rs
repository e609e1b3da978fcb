//! A tour's itinerary days and their service lines: added, changed, removed and reordered,
//! each write audited and checked inside its transaction (the tour live, every supplier, room
//! type, vehicle and guide named existing, live and of the right kind).

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::audit::{self, Actor, Change, Entity, Verb};
use crate::db::master::{RecordError, corrupt, currency_of};
use crate::db::schema::{
    costing_overrides, guides, room_types, suppliers, tour_days, tour_lines, vehicles,
};
use crate::domain::ids::{
    GuideId, RoomTypeId, SupplierId, TourDayId, TourId, TourLineId, VehicleId,
};
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::Message;
use crate::domain::money::Money;
use crate::domain::tours::itinerary::{
    CostBasis, DayData, LineData, LineKind, MealKind, Move, Service, Texts, moved,
};

#[derive(Debug, Clone)]
pub struct Day {
    pub id: TourDayId,
    pub tour_id: TourId,
    /// 1 for the first day.
    pub number: i32,
    pub data: DayData,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub id: TourLineId,
    pub day_id: TourDayId,
    pub data: LineData,
}

type DayRow = (
    i64,
    i64,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

fn day_select() -> (
    tour_days::id,
    tour_days::tour_id,
    tour_days::title_en,
    tour_days::title_th,
    tour_days::title_zh,
    tour_days::title_vi,
    tour_days::text_en,
    tour_days::text_th,
    tour_days::text_zh,
    tour_days::text_vi,
    tour_days::overnight_city,
) {
    (
        tour_days::id,
        tour_days::tour_id,
        tour_days::title_en,
        tour_days::title_th,
        tour_days::title_zh,
        tour_days::title_vi,
        tour_days::text_en,
        tour_days::text_th,
        tour_days::text_zh,
        tour_days::text_vi,
        tour_days::overnight_city,
    )
}

/// The days of `tour` in their order.
pub fn days_of(conn: &mut AnyConnection, tour: TourId) -> QueryResult<Vec<Day>> {
    let rows: Vec<DayRow> = tour_days::table
        .filter(tour_days::tour_id.eq(tour.0))
        .order((tour_days::position.asc(), tour_days::id.asc()))
        .select(day_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .zip(1..)
        .map(|(r, number)| Day {
            id: TourDayId(r.0),
            tour_id: TourId(r.1),
            number,
            data: DayData {
                title: Texts {
                    en: r.2,
                    th: r.3,
                    zh: r.4,
                    vi: r.5,
                },
                text: Texts {
                    en: r.6,
                    th: r.7,
                    zh: r.8,
                    vi: r.9,
                },
                overnight_city: r.10,
            },
        })
        .collect())
}

/// The tour a day belongs to.
pub fn tour_of_day(conn: &mut AnyConnection, day: TourDayId) -> QueryResult<Option<TourId>> {
    Ok(tour_days::table
        .find(day.0)
        .select(tour_days::tour_id)
        .first::<i64>(conn)
        .optional()?
        .map(TourId))
}

/// The day and tour a line belongs to.
pub fn owner_of_line(
    conn: &mut AnyConnection,
    line: TourLineId,
) -> QueryResult<Option<(TourDayId, TourId)>> {
    Ok(tour_lines::table
        .inner_join(tour_days::table)
        .filter(tour_lines::id.eq(line.0))
        .select((tour_days::id, tour_days::tour_id))
        .first::<(i64, i64)>(conn)
        .optional()?
        .map(|(d, t)| (TourDayId(d), TourId(t))))
}

#[derive(Queryable)]
struct LineRow {
    id: i64,
    day_id: i64,
    kind: String,
    supplier_id: Option<i64>,
    room_type_id: Option<i64>,
    nights: i32,
    vehicle_id: Option<i64>,
    transport_use: String,
    meal: String,
    adults: i32,
    children: i32,
    guide_id: Option<i64>,
    description: String,
    cost_minor: Option<i64>,
    cost_currency: Option<String>,
    cost_basis: String,
}

type LineColumns = (
    tour_lines::id,
    tour_lines::day_id,
    tour_lines::kind,
    tour_lines::supplier_id,
    tour_lines::room_type_id,
    tour_lines::nights,
    tour_lines::vehicle_id,
    tour_lines::transport_use,
    tour_lines::meal,
    tour_lines::adults,
    tour_lines::children,
    tour_lines::guide_id,
    tour_lines::description,
    tour_lines::cost_minor,
    tour_lines::cost_currency,
    tour_lines::cost_basis,
);

const LINE_COLUMNS: LineColumns = (
    tour_lines::id,
    tour_lines::day_id,
    tour_lines::kind,
    tour_lines::supplier_id,
    tour_lines::room_type_id,
    tour_lines::nights,
    tour_lines::vehicle_id,
    tour_lines::transport_use,
    tour_lines::meal,
    tour_lines::adults,
    tour_lines::children,
    tour_lines::guide_id,
    tour_lines::description,
    tour_lines::cost_minor,
    tour_lines::cost_currency,
    tour_lines::cost_basis,
);

impl LineRow {
    fn into_line(self) -> QueryResult<Line> {
        let kind = LineKind::parse(&self.kind).ok_or_else(|| corrupt("line kind", &self.kind))?;
        let supplier = || {
            self.supplier_id
                .map(SupplierId)
                .ok_or_else(|| corrupt("line supplier", "NULL"))
        };
        let service = match kind {
            LineKind::Hotel => Service::Hotel {
                hotel: supplier()?,
                room_type: RoomTypeId(
                    self.room_type_id
                        .ok_or_else(|| corrupt("line room type", "NULL"))?,
                ),
                nights: self.nights,
            },
            LineKind::Transport => Service::Transport {
                company: supplier()?,
                vehicle: self.vehicle_id.map(VehicleId),
                transfer: self.transport_use == "transfer",
            },
            LineKind::Meal => Service::Meal {
                restaurant: supplier()?,
                meal: MealKind::parse(&self.meal).ok_or_else(|| corrupt("meal", &self.meal))?,
            },
            LineKind::Entrance => Service::Entrance {
                attraction: supplier()?,
                adults: self.adults,
                children: self.children,
            },
            LineKind::Guide => Service::GuideDay {
                guide: self.guide_id.map(GuideId),
            },
            LineKind::Shopping => Service::Shopping { shop: supplier()? },
            LineKind::Other => {
                let currency = self
                    .cost_currency
                    .as_deref()
                    .ok_or_else(|| corrupt("line currency", "NULL"))?;
                Service::Other {
                    cost: Money::new(self.cost_minor.unwrap_or(0), currency_of(currency)?),
                    basis: CostBasis::parse(&self.cost_basis)
                        .ok_or_else(|| corrupt("cost basis", &self.cost_basis))?,
                }
            }
        };
        Ok(Line {
            id: TourLineId(self.id),
            day_id: TourDayId(self.day_id),
            data: LineData {
                service,
                description: self.description,
            },
        })
    }
}

/// Every line of `tour`, day by day, each day's in their order.
pub fn lines_of(conn: &mut AnyConnection, tour: TourId) -> QueryResult<Vec<Line>> {
    let rows: Vec<LineRow> = tour_lines::table
        .inner_join(tour_days::table)
        .filter(tour_days::tour_id.eq(tour.0))
        .order((
            tour_days::position.asc(),
            tour_days::id.asc(),
            tour_lines::position.asc(),
            tour_lines::id.asc(),
        ))
        .select(LINE_COLUMNS)
        .load(conn)?;
    rows.into_iter().map(LineRow::into_line).collect()
}

pub fn find_line(conn: &mut AnyConnection, id: TourLineId) -> QueryResult<Option<Line>> {
    tour_lines::table
        .find(id.0)
        .select(LINE_COLUMNS)
        .first::<LineRow>(conn)
        .optional()?
        .map(LineRow::into_line)
        .transpose()
}

pub fn find_day(conn: &mut AnyConnection, id: TourDayId) -> QueryResult<Option<Day>> {
    let Some(tour) = tour_of_day(conn, id)? else {
        return Ok(None);
    };
    Ok(days_of(conn, tour)?.into_iter().find(|d| d.id == id))
}

/// The tour, live, for a write on its itinerary.
fn live_tour(conn: &mut AnyConnection, tour: TourId) -> Result<(), RecordError> {
    let t = super::find(conn, tour)?.ok_or(RecordError::NotFound)?;
    if t.archived {
        return Err(RecordError::Archived);
    }
    Ok(())
}

fn day_audit(d: &DayData) -> serde_json::Value {
    serde_json::json!({
        "title_en": d.title.en, "title_th": d.title.th,
        "title_zh": d.title.zh, "title_vi": d.title.vi,
        "text_en": d.text.en, "text_th": d.text.th,
        "text_zh": d.text.zh, "text_vi": d.text.vi,
        "overnight_city": d.overnight_city,
    })
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = tour_days)]
struct DayValues<'a> {
    title_en: &'a str,
    title_th: &'a str,
    title_zh: &'a str,
    title_vi: &'a str,
    text_en: &'a str,
    text_th: &'a str,
    text_zh: &'a str,
    text_vi: &'a str,
    overnight_city: &'a str,
}

impl<'a> DayValues<'a> {
    fn of(d: &'a DayData) -> DayValues<'a> {
        DayValues {
            title_en: &d.title.en,
            title_th: &d.title.th,
            title_zh: &d.title.zh,
            title_vi: &d.title.vi,
            text_en: &d.text.en,
            text_th: &d.text.th,
            text_zh: &d.text.zh,
            text_vi: &d.text.vi,
            overnight_city: &d.overnight_city,
        }
    }
}

fn insert_day(conn: &mut AnyConnection, tour: TourId, d: &DayData) -> QueryResult<TourDayId> {
    let last: Option<i32> = tour_days::table
        .filter(tour_days::tour_id.eq(tour.0))
        .select(diesel::dsl::max(tour_days::position))
        .first(conn)?;
    diesel::insert_into(tour_days::table)
        .values((
            DayValues::of(d),
            tour_days::tour_id.eq(tour.0),
            tour_days::position.eq(last.unwrap_or(0) + 1),
        ))
        .returning(tour_days::id)
        .get_result(conn)
        .map(TourDayId)
}

/// Adds a day at the end of the tour's itinerary.
pub fn add_day(
    conn: &mut AnyConnection,
    actor: &Actor,
    tour: TourId,
    d: &DayData,
) -> Result<TourDayId, RecordError> {
    live_tour(conn, tour)?;
    let id = insert_day(conn, tour, d)?;
    let mut after = day_audit(d);
    after["tour"] = tour.0.into();
    audit::record_change(conn, actor, Change::create(Entity::TourDay, id, after))?;
    super::touch(conn, tour)?;
    Ok(id)
}

pub fn change_day(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourDayId,
    d: &DayData,
) -> Result<TourId, RecordError> {
    let before = find_day(conn, id)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, before.tour_id)?;
    diesel::update(tour_days::table.find(id.0))
        .set(DayValues::of(d))
        .execute(conn)?;
    let change = Change::update(Entity::TourDay, id, day_audit(&before.data), day_audit(d));
    audit::record_change(conn, actor, change)?;
    super::touch(conn, before.tour_id)?;
    Ok(before.tour_id)
}

/// Removes a day with its lines (and the rates set by hand on them).
pub fn delete_day(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourDayId,
) -> Result<TourId, RecordError> {
    let day = find_day(conn, id)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, day.tour_id)?;
    let lines: Vec<i64> = tour_lines::table
        .filter(tour_lines::day_id.eq(id.0))
        .select(tour_lines::id)
        .load(conn)?;
    diesel::delete(costing_overrides::table.filter(costing_overrides::line_id.eq_any(&lines)))
        .execute(conn)?;
    diesel::delete(tour_lines::table.filter(tour_lines::day_id.eq(id.0))).execute(conn)?;
    diesel::delete(tour_days::table.find(id.0)).execute(conn)?;
    let mut before = day_audit(&day.data);
    before["tour"] = day.tour_id.0.into();
    before["lines"] = lines.len().into();
    let change = Change::new(Entity::TourDay, Verb::Delete, id).before(before);
    audit::record_change(conn, actor, change)?;
    super::touch(conn, day.tour_id)?;
    Ok(day.tour_id)
}

/// Moves a day one place earlier or later.
pub fn move_day(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourDayId,
    direction: Move,
) -> Result<TourId, RecordError> {
    let tour = tour_of_day(conn, id)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, tour)?;
    let ids: Vec<TourDayId> = days_of(conn, tour)?.iter().map(|d| d.id).collect();
    let order = moved(&ids, id, direction);
    for (position, day) in (1..).zip(&order) {
        diesel::update(tour_days::table.find(day.0))
            .set(tour_days::position.eq(position))
            .execute(conn)?;
    }
    let order: Vec<i64> = order.iter().map(|d| d.0).collect();
    let change =
        Change::new(Entity::Tour, Verb::Reorder, tour).after(serde_json::json!({ "days": order }));
    audit::record_change(conn, actor, change)?;
    super::touch(conn, tour)?;
    Ok(tour)
}

/// Why a line's references are refused: a supplier of another kind, archived, or missing; a
/// room type of another hotel; a vehicle of another company; an archived guide.
fn check_references(conn: &mut AnyConnection, s: &Service) -> QueryResult<Option<Message>> {
    let supplier_ok = |conn: &mut AnyConnection, id: SupplierId, kind: SupplierKind| {
        let found: Option<(String, bool)> = suppliers::table
            .find(id.0)
            .select((suppliers::kind, suppliers::archived))
            .first(conn)
            .optional()?;
        Ok::<bool, diesel::result::Error>(matches!(found, Some((k, false)) if k == kind.as_str()))
    };
    let refused = Some(Message::new("tours-error-line-reference"));
    match s {
        Service::Hotel {
            hotel, room_type, ..
        } => {
            let rt: Option<(i64, bool)> = room_types::table
                .find(room_type.0)
                .select((room_types::supplier_id, room_types::archived))
                .first(conn)
                .optional()?;
            if !supplier_ok(conn, *hotel, SupplierKind::Hotel)? || rt != Some((hotel.0, false)) {
                return Ok(refused);
            }
        }
        Service::Transport {
            company, vehicle, ..
        } => {
            if !supplier_ok(conn, *company, SupplierKind::Transport)? {
                return Ok(refused);
            }
            if let Some(v) = vehicle {
                let found: Option<(i64, bool)> = vehicles::table
                    .find(v.0)
                    .select((vehicles::supplier_id, vehicles::archived))
                    .first(conn)
                    .optional()?;
                if found != Some((company.0, false)) {
                    return Ok(refused);
                }
            }
        }
        Service::Meal { restaurant, .. } => {
            if !supplier_ok(conn, *restaurant, SupplierKind::Restaurant)? {
                return Ok(refused);
            }
        }
        Service::Entrance { attraction, .. } => {
            if !supplier_ok(conn, *attraction, SupplierKind::Attraction)? {
                return Ok(refused);
            }
        }
        Service::Shopping { shop } => {
            if !supplier_ok(conn, *shop, SupplierKind::Shop)? {
                return Ok(refused);
            }
        }
        Service::GuideDay { guide: Some(g) } => {
            let archived: Option<bool> = guides::table
                .find(g.0)
                .select(guides::archived)
                .first(conn)
                .optional()?;
            if archived != Some(false) {
                return Ok(refused);
            }
        }
        Service::GuideDay { guide: None } | Service::Other { .. } => {}
    }
    Ok(None)
}

#[derive(Insertable, AsChangeset)]
#[diesel(table_name = tour_lines, treat_none_as_null = true)]
struct LineValues<'a> {
    kind: &'static str,
    supplier_id: Option<i64>,
    room_type_id: Option<i64>,
    nights: i32,
    vehicle_id: Option<i64>,
    transport_use: &'static str,
    meal: &'static str,
    adults: i32,
    children: i32,
    guide_id: Option<i64>,
    description: &'a str,
    cost_minor: Option<i64>,
    cost_currency: Option<&'static str>,
    cost_basis: &'static str,
}

impl<'a> LineValues<'a> {
    fn of(d: &'a LineData) -> LineValues<'a> {
        let mut v = LineValues {
            kind: d.service.kind().as_str(),
            supplier_id: d.service.supplier().map(|s| s.0),
            room_type_id: None,
            nights: 0,
            vehicle_id: None,
            transport_use: "day",
            meal: "",
            adults: 0,
            children: 0,
            guide_id: None,
            description: &d.description,
            cost_minor: None,
            cost_currency: None,
            cost_basis: "group",
        };
        match &d.service {
            Service::Hotel {
                room_type, nights, ..
            } => {
                v.room_type_id = Some(room_type.0);
                v.nights = *nights;
            }
            Service::Transport {
                vehicle, transfer, ..
            } => {
                v.vehicle_id = vehicle.map(|x| x.0);
                v.transport_use = if *transfer { "transfer" } else { "day" };
            }
            Service::Meal { meal, .. } => v.meal = meal.as_str(),
            Service::Entrance {
                adults, children, ..
            } => {
                v.adults = *adults;
                v.children = *children;
            }
            Service::GuideDay { guide } => v.guide_id = guide.map(|g| g.0),
            Service::Shopping { .. } => {}
            Service::Other { cost, basis } => {
                v.cost_minor = Some(cost.minor);
                v.cost_currency = Some(cost.currency.code());
                v.cost_basis = basis.as_str();
            }
        }
        v
    }
}

/// The line as the audit log keeps it.
pub fn line_audit(d: &LineData) -> serde_json::Value {
    let v = LineValues::of(d);
    serde_json::json!({
        "kind": v.kind,
        "supplier": v.supplier_id,
        "room_type": v.room_type_id,
        "nights": v.nights,
        "vehicle": v.vehicle_id,
        "use": v.transport_use,
        "meal": v.meal,
        "adults": v.adults,
        "children": v.children,
        "guide": v.guide_id,
        "description": v.description,
        "cost_minor": v.cost_minor,
        "currency": v.cost_currency,
        "basis": v.cost_basis,
    })
}

fn insert_line(conn: &mut AnyConnection, day: TourDayId, d: &LineData) -> QueryResult<TourLineId> {
    let last: Option<i32> = tour_lines::table
        .filter(tour_lines::day_id.eq(day.0))
        .select(diesel::dsl::max(tour_lines::position))
        .first(conn)?;
    diesel::insert_into(tour_lines::table)
        .values((
            LineValues::of(d),
            tour_lines::day_id.eq(day.0),
            tour_lines::position.eq(last.unwrap_or(0) + 1),
        ))
        .returning(tour_lines::id)
        .get_result(conn)
        .map(TourLineId)
}

/// Adds a line at the end of a day.
pub fn add_line(
    conn: &mut AnyConnection,
    actor: &Actor,
    day: TourDayId,
    d: &LineData,
) -> Result<(TourLineId, TourId), RecordError> {
    let tour = tour_of_day(conn, day)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, tour)?;
    if let Some(refusal) = check_references(conn, &d.service)? {
        return Err(RecordError::Refused(refusal));
    }
    let id = insert_line(conn, day, d)?;
    let mut after = line_audit(d);
    after["tour"] = tour.0.into();
    after["day"] = day.0.into();
    audit::record_change(conn, actor, Change::create(Entity::TourLine, id, after))?;
    super::touch(conn, tour)?;
    Ok((id, tour))
}

/// Changes a line. A rate set by hand stays only while the line books the same thing.
pub fn change_line(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourLineId,
    d: &LineData,
) -> Result<TourId, RecordError> {
    let before = find_line(conn, id)?.ok_or(RecordError::NotFound)?;
    let (_, tour) = owner_of_line(conn, id)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, tour)?;
    if let Some(refusal) = check_references(conn, &d.service)? {
        return Err(RecordError::Refused(refusal));
    }
    diesel::update(tour_lines::table.find(id.0))
        .set(LineValues::of(d))
        .execute(conn)?;
    if before.data.service.kind() != d.service.kind()
        || before.data.service.supplier() != d.service.supplier()
    {
        diesel::delete(costing_overrides::table.find(id.0)).execute(conn)?;
    }
    let change = Change::update(
        Entity::TourLine,
        id,
        line_audit(&before.data),
        line_audit(d),
    );
    audit::record_change(conn, actor, change)?;
    super::touch(conn, tour)?;
    Ok(tour)
}

pub fn delete_line(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourLineId,
) -> Result<TourId, RecordError> {
    let line = find_line(conn, id)?.ok_or(RecordError::NotFound)?;
    let (day, tour) = owner_of_line(conn, id)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, tour)?;
    diesel::delete(costing_overrides::table.find(id.0)).execute(conn)?;
    diesel::delete(tour_lines::table.find(id.0)).execute(conn)?;
    let mut before = line_audit(&line.data);
    before["tour"] = tour.0.into();
    before["day"] = day.0.into();
    let change = Change::new(Entity::TourLine, Verb::Delete, id).before(before);
    audit::record_change(conn, actor, change)?;
    super::touch(conn, tour)?;
    Ok(tour)
}

/// Moves a line one place up or down within its day.
pub fn move_line(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: TourLineId,
    direction: Move,
) -> Result<TourId, RecordError> {
    let (day, tour) = owner_of_line(conn, id)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, tour)?;
    let ids: Vec<TourLineId> = tour_lines::table
        .filter(tour_lines::day_id.eq(day.0))
        .order((tour_lines::position.asc(), tour_lines::id.asc()))
        .select(tour_lines::id)
        .load::<i64>(conn)?
        .into_iter()
        .map(TourLineId)
        .collect();
    let order = moved(&ids, id, direction);
    for (position, line) in (1..).zip(&order) {
        diesel::update(tour_lines::table.find(line.0))
            .set(tour_lines::position.eq(position))
            .execute(conn)?;
    }
    let order: Vec<i64> = order.iter().map(|l| l.0).collect();
    let change = Change::new(Entity::TourDay, Verb::Reorder, day)
        .after(serde_json::json!({ "lines": order }));
    audit::record_change(conn, actor, change)?;
    super::touch(conn, tour)?;
    Ok(tour)
}

/// Copies every day and line of `from` onto `to` (a new, empty tour), in order.
pub fn copy_all(conn: &mut AnyConnection, from: TourId, to: TourId) -> QueryResult<()> {
    let lines = lines_of(conn, from)?;
    for day in days_of(conn, from)? {
        let copy = insert_day(conn, to, &day.data)?;
        for line in lines.iter().filter(|l| l.day_id == day.id) {
            insert_line(conn, copy, &line.data)?;
        }
    }
    Ok(())
}

/// Every line of `tour` with what it books in words: the supplier, then the room type, the
/// vehicle or the guide. Four queries, whatever the number of lines.
pub fn described(conn: &mut AnyConnection, tour: TourId) -> QueryResult<Vec<(Line, String)>> {
    let lines = lines_of(conn, tour)?;
    let mut supplier_ids = Vec::new();
    let (mut room_ids, mut vehicle_ids, mut guide_ids) = (Vec::new(), Vec::new(), Vec::new());
    for l in &lines {
        supplier_ids.extend(l.data.service.supplier().map(|s| s.0));
        match &l.data.service {
            Service::Hotel { room_type, .. } => room_ids.push(room_type.0),
            Service::Transport {
                vehicle: Some(v), ..
            } => vehicle_ids.push(v.0),
            Service::GuideDay { guide: Some(g) } => guide_ids.push(g.0),
            _ => {}
        }
    }
    let supplier_names: Vec<(i64, String)> = suppliers::table
        .filter(suppliers::id.eq_any(&supplier_ids))
        .select((suppliers::id, suppliers::name))
        .load(conn)?;
    let room_names: Vec<(i64, String)> = room_types::table
        .filter(room_types::id.eq_any(&room_ids))
        .select((room_types::id, room_types::name))
        .load(conn)?;
    let vehicle_names: Vec<(i64, String, String)> = vehicles::table
        .filter(vehicles::id.eq_any(&vehicle_ids))
        .select((vehicles::id, vehicles::vehicle_type, vehicles::plate))
        .load(conn)?;
    let guide_names: Vec<(i64, String)> = guides::table
        .filter(guides::id.eq_any(&guide_ids))
        .select((guides::id, guides::name))
        .load(conn)?;
    let name = |list: &[(i64, String)], id: i64| {
        list.iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    };
    Ok(lines
        .into_iter()
        .map(|l| {
            let supplier = l
                .data
                .service
                .supplier()
                .map(|s| name(&supplier_names, s.0))
                .unwrap_or_default();
            let what = match &l.data.service {
                Service::Hotel { room_type, .. } => {
                    format!("{supplier} · {}", name(&room_names, room_type.0))
                }
                Service::Transport {
                    vehicle: Some(v), ..
                } => {
                    let label = vehicle_names
                        .iter()
                        .find(|(i, _, _)| *i == v.0)
                        .map(|(_, t, p)| crate::db::master::vehicles::label(t, p))
                        .unwrap_or_default();
                    format!("{supplier} · {label}")
                }
                Service::GuideDay { guide: Some(g) } => name(&guide_names, g.0),
                Service::Other { .. } => l.data.description.clone(),
                _ => supplier,
            };
            (l, what)
        })
        .collect())
}
