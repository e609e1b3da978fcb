//! Prices a tour's lines for a costing: each line at the contract rate valid on its service
//! date (hotel contracts with their seasons, peaks and supplements; vehicle, meal and entrance
//! rates; a guide's daily fee) or at the rate set by hand, and each currency's planning rate
//! into the selling currency (set by hand, else the latest on or before the start date).

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use diesel::QueryResult;
use rust_decimal::Decimal;

use super::costing::{self, CostingSettings, SetBy};
use super::itinerary::{self, Line};
use crate::db::AnyConnection;
use crate::db::master::{contracts, exchange_rates, guides, rooms, suppliers, vehicles};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::fx::{self, Pair};
use crate::domain::ids::TourId;
use crate::domain::master::pricing::{Occupancy, PriceError, price_stay};
use crate::domain::money::Money;
use crate::domain::tours::itinerary::{MealKind, Service};
use crate::domain::tours::sheet::{Amount, LineCost, Problem, SheetLine, VehicleOption};

/// A line as the costing sheet shows it.
#[derive(Debug, Clone)]
pub struct PricedLine {
    pub line: Line,
    /// The itinerary day it falls on (1 for the first) and its date.
    pub day: i32,
    pub date: NaiveDate,
    /// What it books, in words the data holds: `Riverside Hotel · Deluxe twin`.
    pub what: String,
    /// The rate one unit costs (a twin room a night, a vehicle-day, a meal, a ticket, a day),
    /// in the line's currency; `None` when there is none.
    pub unit: Option<Money>,
    /// Set by hand in place of the contract's rate.
    pub set_by: Option<SetBy>,
    pub sheet: SheetLine,
}

/// How a planning rate was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RateSource {
    /// The selling currency itself.
    Same,
    /// A stored rate (or its inverse, or a cross rate) dated on or before the start date.
    Stored {
        date: NaiveDate,
    },
    SetByHand(SetBy),
    /// No rate links the currencies on or before the start date.
    Missing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanningRate {
    pub currency: Currency,
    pub rate: Option<Dec>,
    /// The latest stored rate, shown beside one set by hand.
    pub stored: Option<Dec>,
    pub source: RateSource,
}

pub struct Priced {
    pub lines: Vec<PricedLine>,
    pub rates: Vec<PlanningRate>,
}

fn twin() -> Occupancy {
    Occupancy {
        adults: 2,
        child_ages: Vec::new(),
        extra_beds: 0,
        breakfast: false,
    }
}

fn single() -> Occupancy {
    Occupancy {
        adults: 1,
        ..twin()
    }
}

fn problem_of(e: &PriceError) -> Problem {
    match e {
        PriceError::NoRate(date) => Problem::NoRate { date: *date },
        other => Problem::Hotel {
            message: other.message(),
        },
    }
}

fn amount(m: Money) -> Amount {
    Amount::of_minor(m.minor, m.currency)
}

fn times(a: Amount, n: i64) -> Amount {
    Amount {
        value: a.value * Decimal::from(n),
        ..a
    }
}

fn half(a: Amount) -> Amount {
    Amount {
        value: a.value / Decimal::TWO,
        ..a
    }
}

fn minus(a: Amount, b: Amount) -> Amount {
    Amount {
        value: a.value - b.value,
        ..a
    }
}

/// What a line costs on `date` (without its planning rate), what it books, and its unit rate.
fn cost_of(
    conn: &mut AnyConnection,
    service: &Service,
    date: NaiveDate,
    set: Option<Money>,
) -> QueryResult<(LineCost, String, Option<Money>)> {
    let no_rate = LineCost::Missing(Problem::NoRate { date });
    let supplier = match service.supplier() {
        Some(id) => suppliers::find(conn, id)?,
        None => None,
    };
    let name = supplier
        .as_ref()
        .map(|s| s.data.name.clone())
        .unwrap_or_default();
    let currency = supplier.as_ref().map(|s| s.data.currency);
    let with = |minor: Option<i64>| match (set, minor, currency) {
        (Some(m), _, _) => Some(m),
        (None, Some(minor), Some(c)) if minor > 0 => Some(Money::new(minor, c)),
        _ => None,
    };
    Ok(match service {
        Service::Hotel {
            room_type, nights, ..
        } => {
            let rt = rooms::find_room_type(conn, *room_type)?;
            let what = format!("{name} · {}", rt.map(|r| r.name).unwrap_or_default());
            if let Some(m) = set {
                // A twin room a night by hand; a single guest pays the whole room.
                let share = half(times(amount(m), i64::from(*nights)));
                let cost = LineCost::Hotel {
                    twin_share: share,
                    single_supplement: share,
                };
                return Ok((cost, what, Some(m)));
            }
            let Some(contract) = contracts::room_contract(conn, *room_type)? else {
                return Ok((no_rate, what, None));
            };
            let nights = u16::try_from(*nights).unwrap_or(0);
            let stay = price_stay(&contract, date, nights, &twin())
                .and_then(|t| price_stay(&contract, date, nights, &single()).map(|s| (t, s)));
            match stay {
                Ok(((twin_nights, twin_total), (_, single_total))) => {
                    let share = half(amount(twin_total));
                    let cost = LineCost::Hotel {
                        twin_share: share,
                        single_supplement: minus(amount(single_total), share),
                    };
                    (cost, what, twin_nights.first().map(|n| n.total))
                }
                Err(e) => (LineCost::Missing(problem_of(&e)), what, None),
            }
        }
        Service::Transport {
            company,
            vehicle,
            transfer,
        } => {
            let fleet: Vec<vehicles::Vehicle> = vehicles::vehicles_of(conn, *company)?
                .into_iter()
                .filter(|v| !v.archived && vehicle.is_none_or(|id| v.id == id))
                .collect();
            let what = match (vehicle, fleet.first()) {
                (Some(_), Some(v)) => {
                    format!("{name} · {}", vehicles::label(&v.vehicle_type, &v.plate))
                }
                _ => name,
            };
            let options: Vec<VehicleOption> = fleet
                .iter()
                .filter_map(|v| {
                    let minor = if *transfer {
                        v.transfer_rate_minor
                    } else {
                        v.day_rate_minor
                    };
                    let price = with(Some(minor))?;
                    Some(VehicleOption {
                        seats: u32::try_from(v.seats).unwrap_or(0),
                        label: format!(
                            "{} ({})",
                            vehicles::label(&v.vehicle_type, &v.plate),
                            v.seats
                        ),
                        price: amount(price),
                    })
                })
                .collect();
            match (options.is_empty(), set) {
                (false, _) => {
                    // One unit price only when every tier rides the same vehicle.
                    let unit = set.or(match (vehicle, fleet.first()) {
                        (Some(_), Some(v)) => with(Some(if *transfer {
                            v.transfer_rate_minor
                        } else {
                            v.day_rate_minor
                        })),
                        _ => None,
                    });
                    (LineCost::Vehicle(options), what, unit)
                }
                (true, Some(m)) => (LineCost::Group(amount(m)), what, Some(m)),
                (true, None) => (no_rate, what, None),
            }
        }
        Service::Meal { meal, .. } => {
            let minor = supplier.as_ref().and_then(|s| match meal {
                MealKind::Breakfast => s.data.breakfast_minor,
                MealKind::Lunch => s.data.lunch_minor,
                MealKind::Dinner => s.data.dinner_minor,
            });
            match with(minor) {
                Some(m) => (LineCost::Person(amount(m)), name, Some(m)),
                None => (no_rate, name, None),
            }
        }
        Service::Entrance {
            adults, children, ..
        } => {
            let adult = with(supplier.as_ref().and_then(|s| s.data.adult_minor));
            let child = match set {
                Some(m) => Some(m),
                None => with(supplier.as_ref().and_then(|s| s.data.child_minor)),
            };
            match (adult, *adults, *children) {
                (Some(a), 0, 0) => (LineCost::Person(amount(a)), name, Some(a)),
                (Some(a), n, 0) => (
                    LineCost::Group(times(amount(a), i64::from(n))),
                    name,
                    Some(a),
                ),
                (a, n, k) => match (a.or(child), child) {
                    (Some(a), Some(c)) if a.currency == c.currency => {
                        let total = Amount {
                            value: amount(a).value * Decimal::from(n)
                                + amount(c).value * Decimal::from(k),
                            currency: a.currency,
                        };
                        (LineCost::Group(total), name, Some(a))
                    }
                    _ => (no_rate, name, None),
                },
            }
        }
        Service::GuideDay { guide } => {
            let found = match guide {
                Some(g) => guides::find(conn, *g)?,
                None => None,
            };
            let what = found
                .as_ref()
                .map(|g| g.data.name.clone())
                .unwrap_or_default();
            match (set, found) {
                (Some(m), _) => (LineCost::Group(amount(m)), what, Some(m)),
                (None, Some(g)) if g.data.daily_fee.minor > 0 => {
                    let fee = g.data.daily_fee;
                    (LineCost::Group(amount(fee)), what, Some(fee))
                }
                (None, Some(_)) => (no_rate, what, None),
                (None, None) => (LineCost::Missing(Problem::NoGuide), what, None),
            }
        }
        Service::Shopping { .. } => (LineCost::Nothing, name, None),
        Service::Other { cost, basis } => {
            let m = set.unwrap_or(*cost);
            let cost = match basis {
                crate::domain::tours::itinerary::CostBasis::Group => LineCost::Group(amount(m)),
                crate::domain::tours::itinerary::CostBasis::Person => LineCost::Person(amount(m)),
            };
            (cost, String::new(), Some(m))
        }
    })
}

fn currency_of_cost(cost: &LineCost) -> Option<Currency> {
    match cost {
        LineCost::Group(a) | LineCost::Person(a) => Some(a.currency),
        LineCost::Hotel { twin_share, .. } => Some(twin_share.currency),
        LineCost::Vehicle(o) => o.first().map(|o| o.price.currency),
        LineCost::Nothing | LineCost::Missing(_) => None,
    }
}

/// The planning rates of `currencies` into `s.currency`: set by hand, else derived from the
/// latest stored rates on or before the start date (`base` breaks ties between cross rates).
pub fn planning_rates(
    conn: &mut AnyConnection,
    tour: Option<TourId>,
    s: &CostingSettings,
    currencies: &BTreeSet<&'static str>,
    base: Currency,
) -> QueryResult<Vec<PlanningRate>> {
    let set = match tour {
        Some(t) => costing::rates_set(conn, t)?,
        None => Vec::new(),
    };
    let stored: Vec<fx::Rate> = exchange_rates::latest_per_pair(conn, s.starts_on)?
        .into_iter()
        .map(|r| r.rate)
        .collect();
    let mut out = Vec::new();
    for code in currencies {
        let Ok(currency) = Currency::parse(code) else {
            continue;
        };
        if currency == s.currency {
            out.push(PlanningRate {
                currency,
                rate: Some(Dec(Decimal::ONE)),
                stored: None,
                source: RateSource::Same,
            });
            continue;
        }
        let derived = fx::derive(&stored, Pair::new(currency, s.currency), base);
        let by_hand = set.iter().find(|r| r.currency == currency);
        out.push(match (by_hand, derived) {
            (Some(h), d) => PlanningRate {
                currency,
                rate: Some(h.rate),
                stored: d.map(|d| d.rate),
                source: RateSource::SetByHand(h.by.clone()),
            },
            (None, Some(d)) => PlanningRate {
                currency,
                rate: Some(d.rate),
                stored: Some(d.rate),
                source: RateSource::Stored { date: d.date },
            },
            (None, None) => PlanningRate {
                currency,
                rate: None,
                stored: None,
                source: RateSource::Missing,
            },
        });
    }
    Ok(out)
}

/// Every line of `tour` priced for a start on `s.starts_on`, and the planning rates used.
pub fn price(
    conn: &mut AnyConnection,
    tour: TourId,
    s: &CostingSettings,
    base: Currency,
) -> QueryResult<Priced> {
    let days = itinerary::days_of(conn, tour)?;
    let lines = itinerary::lines_of(conn, tour)?;
    let set = costing::line_rates_set(conn, tour)?;
    let mut priced = Vec::with_capacity(lines.len());
    for line in lines {
        let day = days
            .iter()
            .find(|d| d.id == line.day_id)
            .map_or(1, |d| d.number);
        let date = s.starts_on + Duration::days(i64::from(day - 1));
        let by_hand = set.iter().find(|o| o.line == line.id);
        let (cost, what, unit) =
            cost_of(conn, &line.data.service, date, by_hand.map(|o| o.amount))?;
        priced.push(PricedLine {
            day,
            date,
            what,
            unit,
            set_by: by_hand.map(|o| o.by.clone()),
            sheet: SheetLine { cost, rate: None },
            line,
        });
    }
    let currencies: BTreeSet<&'static str> = priced
        .iter()
        .filter_map(|p| currency_of_cost(&p.sheet.cost))
        .map(|c| c.code())
        .collect();
    let rates = planning_rates(conn, Some(tour), s, &currencies, base)?;
    for p in &mut priced {
        p.sheet.rate = currency_of_cost(&p.sheet.cost)
            .and_then(|c| rates.iter().find(|r| r.currency == c))
            .and_then(|r| r.rate);
    }
    Ok(Priced {
        lines: priced,
        rates,
    })
}
