//! A tour's working costing sheet: its settings (start date, selling currency, tiers, FOC rule,
//! markup or margin, price step), the planning rates set by hand, and the line rates set by
//! hand in place of the contract's — each with who set it and when. Every write is audited.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::master::{RecordError, corrupt, currency_of, dec_of};
use crate::db::schema::{costing_overrides, costing_rates, costings, tour_days, tour_lines};
use crate::db::{AnyConnection, now};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::ids::{TourId, TourLineId};
use crate::domain::money::Money;
use crate::domain::tours::costing::{DEFAULT_TIERS, FocRule, Pricing};
use crate::domain::tours::sheet::{parse_tiers, tiers_text};

/// The choices of a costing sheet, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostingSettings {
    pub starts_on: NaiveDate,
    pub currency: Currency,
    pub tiers: Vec<u32>,
    pub foc: FocRule,
    pub foc_single: bool,
    pub pricing: Pricing,
    pub step: Dec,
    pub guide_seats: u32,
}

impl CostingSettings {
    /// A new sheet's choices: the default tiers, one FOC per 15 sharing a twin, a 20 % markup,
    /// prices rounded up to the currency's usual step, one guide seat.
    pub fn defaults(starts_on: NaiveDate, currency: Currency) -> CostingSettings {
        CostingSettings {
            starts_on,
            currency,
            tiers: DEFAULT_TIERS.to_vec(),
            foc: FocRule::DEFAULT,
            foc_single: false,
            pricing: Pricing::Markup(Dec(rust_decimal::Decimal::from(20))),
            step: default_step(currency),
            guide_seats: 1,
        }
    }

    pub fn audit_json(&self) -> serde_json::Value {
        let (pricing, percent) = pricing_columns(self.pricing);
        serde_json::json!({
            "starts_on": self.starts_on.to_string(),
            "currency": self.currency.code(),
            "tiers": tiers_text(&self.tiers),
            "foc_per": self.foc.per_paying,
            "foc_room": if self.foc_single { "single" } else { "twin" },
            "pricing": pricing,
            "percent": percent,
            "step": self.step.canonical(),
            "guide_seats": self.guide_seats,
        })
    }
}

/// The step selling prices are rounded up to: 1,000 for currencies without decimals (VND, KRW,
/// IDR's practice), 10 for THB, else 1 unit.
pub fn default_step(currency: Currency) -> Dec {
    let step = match (currency.code(), currency.exponent()) {
        ("IDR", _) | (_, 0) => 1000,
        ("THB", _) | ("PHP", _) | ("TWD", _) => 10,
        _ => 1,
    };
    Dec(rust_decimal::Decimal::from(step))
}

fn pricing_columns(p: Pricing) -> (&'static str, String) {
    match p {
        Pricing::Markup(d) => ("markup", d.canonical()),
        Pricing::Margin(d) => ("margin", d.canonical()),
    }
}

type SettingsRow = (
    NaiveDate,
    String,
    String,
    i32,
    String,
    String,
    String,
    String,
    i32,
);

/// The tour's sheet settings; `None` before anyone saved them.
pub fn settings_of(conn: &mut AnyConnection, tour: TourId) -> QueryResult<Option<CostingSettings>> {
    let row: Option<SettingsRow> = costings::table
        .find(tour.0)
        .select((
            costings::starts_on,
            costings::currency,
            costings::tiers,
            costings::foc_per,
            costings::foc_room,
            costings::pricing,
            costings::percent,
            costings::step,
            costings::guide_seats,
        ))
        .first(conn)
        .optional()?;
    let Some((starts_on, currency, tiers, foc_per, foc_room, pricing, percent, step, seats)) = row
    else {
        return Ok(None);
    };
    let percent = dec_of(&percent)?;
    Ok(Some(CostingSettings {
        starts_on,
        currency: currency_of(&currency)?,
        tiers: parse_tiers(&tiers).ok_or_else(|| corrupt("tiers", &tiers))?,
        foc: FocRule {
            per_paying: u32::try_from(foc_per).map_err(|_| corrupt("foc", &foc_per.to_string()))?,
        },
        foc_single: foc_room == "single",
        pricing: match pricing.as_str() {
            "markup" => Pricing::Markup(percent),
            "margin" => Pricing::Margin(percent),
            other => return Err(corrupt("pricing", other)),
        },
        step: dec_of(&step)?,
        guide_seats: u32::try_from(seats).map_err(|_| corrupt("seats", &seats.to_string()))?,
    }))
}

fn write_settings(conn: &mut AnyConnection, tour: TourId, s: &CostingSettings) -> QueryResult<()> {
    let (pricing, percent) = pricing_columns(s.pricing);
    let tiers = tiers_text(&s.tiers);
    let foc_per = i32::try_from(s.foc.per_paying).unwrap_or(i32::MAX);
    let seats = i32::try_from(s.guide_seats).unwrap_or(i32::MAX);
    let foc_room = if s.foc_single { "single" } else { "twin" };
    let step = s.step.canonical();
    let updated = diesel::update(costings::table.find(tour.0))
        .set((
            costings::starts_on.eq(s.starts_on),
            costings::currency.eq(s.currency.code()),
            costings::tiers.eq(&tiers),
            costings::foc_per.eq(foc_per),
            costings::foc_room.eq(foc_room),
            costings::pricing.eq(pricing),
            costings::percent.eq(&percent),
            costings::step.eq(&step),
            costings::guide_seats.eq(seats),
            costings::updated_at.eq(now()),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(costings::table)
            .values((
                costings::tour_id.eq(tour.0),
                costings::starts_on.eq(s.starts_on),
                costings::currency.eq(s.currency.code()),
                costings::tiers.eq(&tiers),
                costings::foc_per.eq(foc_per),
                costings::foc_room.eq(foc_room),
                costings::pricing.eq(pricing),
                costings::percent.eq(&percent),
                costings::step.eq(&step),
                costings::guide_seats.eq(seats),
                costings::updated_at.eq(now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

fn live_tour(conn: &mut AnyConnection, tour: TourId) -> Result<(), RecordError> {
    let t = super::find(conn, tour)?.ok_or(RecordError::NotFound)?;
    if t.archived {
        return Err(RecordError::Archived);
    }
    Ok(())
}

/// Saves the sheet's settings and audits the change.
pub fn save_settings(
    conn: &mut AnyConnection,
    actor: &Actor,
    tour: TourId,
    s: &CostingSettings,
) -> Result<(), RecordError> {
    live_tour(conn, tour)?;
    let before = settings_of(conn, tour)?;
    if before.as_ref() == Some(s) {
        return Ok(());
    }
    write_settings(conn, tour, s)?;
    let change = match before {
        Some(b) => Change::update(Entity::Costing, tour, b.audit_json(), s.audit_json()),
        None => Change::create(Entity::Costing, tour, s.audit_json()),
    };
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// Who set a value by hand, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetBy {
    pub name: String,
    pub at: NaiveDateTime,
}

/// A planning rate set by hand: units of the selling currency for one `currency`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateSet {
    pub currency: Currency,
    pub rate: Dec,
    pub by: SetBy,
}

pub fn rates_set(conn: &mut AnyConnection, tour: TourId) -> QueryResult<Vec<RateSet>> {
    let rows: Vec<(String, String, String, NaiveDateTime)> = costing_rates::table
        .filter(costing_rates::tour_id.eq(tour.0))
        .order(costing_rates::currency.asc())
        .select((
            costing_rates::currency,
            costing_rates::rate,
            costing_rates::set_by_name,
            costing_rates::set_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(c, r, name, at)| {
            Ok(RateSet {
                currency: currency_of(&c)?,
                rate: dec_of(&r)?,
                by: SetBy { name, at },
            })
        })
        .collect()
}

/// Sets the planning rate of `currency` by hand, or (`None`) returns it to the latest stored
/// rate. Audited on the costing sheet.
pub fn set_rate(
    conn: &mut AnyConnection,
    actor: &Actor,
    tour: TourId,
    currency: Currency,
    rate: Option<Dec>,
) -> Result<(), RecordError> {
    live_tour(conn, tour)?;
    let before = rates_set(conn, tour)?
        .into_iter()
        .find(|r| r.currency == currency)
        .map(|r| r.rate);
    if before == rate {
        return Ok(());
    }
    let row = costing_rates::table
        .filter(costing_rates::tour_id.eq(tour.0))
        .filter(costing_rates::currency.eq(currency.code()));
    diesel::delete(row).execute(conn)?;
    if let Some(rate) = rate {
        diesel::insert_into(costing_rates::table)
            .values((
                costing_rates::tour_id.eq(tour.0),
                costing_rates::currency.eq(currency.code()),
                costing_rates::rate.eq(rate.canonical()),
                costing_rates::set_by.eq(actor.user_id.map(|u| u.0)),
                costing_rates::set_by_name.eq(&actor.name),
                costing_rates::set_at.eq(now()),
            ))
            .execute(conn)?;
    }
    let json = |r: Option<Dec>| serde_json::json!({ "planning_rate": currency.code(), "rate": r.map(|r| r.canonical()) });
    let change = Change::update(Entity::Costing, tour, json(before), json(rate));
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// A line's rate set by hand in place of the contract's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineRateSet {
    pub line: TourLineId,
    pub amount: Money,
    pub by: SetBy,
}

pub fn line_rates_set(conn: &mut AnyConnection, tour: TourId) -> QueryResult<Vec<LineRateSet>> {
    let rows: Vec<(i64, i64, String, String, NaiveDateTime)> = costing_overrides::table
        .inner_join(tour_lines::table.inner_join(tour_days::table))
        .filter(tour_days::tour_id.eq(tour.0))
        .select((
            costing_overrides::line_id,
            costing_overrides::amount_minor,
            costing_overrides::currency,
            costing_overrides::set_by_name,
            costing_overrides::set_at,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|(line, minor, c, name, at)| {
            Ok(LineRateSet {
                line: TourLineId(line),
                amount: Money::new(minor, currency_of(&c)?),
                by: SetBy { name, at },
            })
        })
        .collect()
}

/// Sets line `line`'s rate by hand, or (`None`) returns it to the contract's.
pub fn set_line_rate(
    conn: &mut AnyConnection,
    actor: &Actor,
    line: TourLineId,
    amount: Option<Money>,
) -> Result<TourId, RecordError> {
    let (_, tour) = super::itinerary::owner_of_line(conn, line)?.ok_or(RecordError::NotFound)?;
    live_tour(conn, tour)?;
    let before = line_rates_set(conn, tour)?
        .into_iter()
        .find(|o| o.line == line)
        .map(|o| o.amount);
    if before == amount {
        return Ok(tour);
    }
    diesel::delete(costing_overrides::table.find(line.0)).execute(conn)?;
    if let Some(m) = amount {
        diesel::insert_into(costing_overrides::table)
            .values((
                costing_overrides::line_id.eq(line.0),
                costing_overrides::amount_minor.eq(m.minor),
                costing_overrides::currency.eq(m.currency.code()),
                costing_overrides::set_by.eq(actor.user_id.map(|u| u.0)),
                costing_overrides::set_by_name.eq(&actor.name),
                costing_overrides::set_at.eq(now()),
            ))
            .execute(conn)?;
    }
    let json = |m: Option<Money>| {
        serde_json::json!({
            "line": line.0,
            "rate_minor": m.map(|m| m.minor),
            "currency": m.map(|m| m.currency.code()),
        })
    };
    let change = Change::update(Entity::Costing, tour, json(before), json(amount));
    audit::record_change(conn, actor, change)?;
    Ok(tour)
}

/// Copies the sheet settings of `from` onto the new tour `to`.
pub fn copy_settings(conn: &mut AnyConnection, from: TourId, to: TourId) -> QueryResult<()> {
    if let Some(s) = settings_of(conn, from)? {
        write_settings(conn, to, &s)?;
    }
    Ok(())
}
