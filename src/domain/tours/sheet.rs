//! A costing sheet from its priced lines: each line's cost in its supplier's currency, turned
//! into the selling currency at its planning rate (HALF-UP per line, DESIGN §4), summed into
//! the fixed and per-person parts of each pax tier, then priced with [`super::costing`].
//!
//! A line that could not be priced (no contract rate for its date, no exchange rate, no
//! vehicle that seats the tier) keeps its [`Problem`]; the tiers it touches are marked
//! incomplete and count it, so a missing rate is never a silent zero.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::costing::{self, CostingError, Costs, FocRule, Pricing, TierFigures};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;

/// An amount in one currency, exact (a twin-share half of an odd minor unit stays exact).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amount {
    pub value: Decimal,
    pub currency: Currency,
}

impl Amount {
    pub fn of_minor(minor: i64, currency: Currency) -> Amount {
        Amount {
            value: Decimal::new(minor, currency.exponent()),
            currency,
        }
    }
}

/// Why a line has no cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The supplier's contract holds no rate for the service date.
    NoRate { date: NaiveDate },
    /// The hotel contract refuses the stay (outside the contract, too few nights …), in the
    /// words of its message id.
    Hotel {
        message: crate::domain::message::Message,
    },
    /// None of the company's vehicles seats this many (paying, FOC and guides).
    NoVehicle { people: u32 },
    /// No exchange rate from the line's currency on or before the costing date.
    NoExchangeRate { currency: String },
    /// A guide day names no guide, so it has no daily fee.
    NoGuide,
}

/// One vehicle a transport line may use: its seats, its label and its price for the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VehicleOption {
    pub seats: u32,
    pub label: String,
    pub price: Amount,
}

/// What a line costs, before a tier is chosen, in the supplier's currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineCost {
    /// Once for the group: a guide day, a boat, a fixed number of tickets.
    Group(Amount),
    /// For each traveller, FOC places included: a meal, an entrance ticket.
    Person(Amount),
    /// A hotel stay twin-share: each traveller's half of the twin room over the nights, and
    /// what a single room costs on top of that half.
    Hotel {
        twin_share: Amount,
        single_supplement: Amount,
    },
    /// A vehicle-day: the smallest of the options that seats the tier.
    Vehicle(Vec<VehicleOption>),
    /// Nothing to pay (a shopping stop).
    Nothing,
    Missing(Problem),
}

/// A priced line and the planning rate its currency converts at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetLine {
    pub cost: LineCost,
    /// Units of the selling currency for one unit of the line's; `None` when there is no rate.
    pub rate: Option<Dec>,
}

/// The choices of a costing sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    pub currency: Currency,
    pub tiers: Vec<u32>,
    pub foc: FocRule,
    /// FOC places take a single room (and pay its supplement) instead of sharing a twin.
    pub foc_single: bool,
    pub pricing: Pricing,
    pub step: Dec,
    /// Seats kept for guides when a vehicle is chosen.
    pub guide_seats: u32,
}

/// One tier of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tier {
    pub figures: TierFigures,
    /// Per line, the vehicle this tier rides (transport lines only).
    pub vehicles: Vec<Option<String>>,
    /// Lines with no cost in this tier (their problem is on the line).
    pub missing: usize,
    /// The single supplement per pax: its cost, and its price rounded up to the step.
    pub single_cost: Dec,
    pub single_price: Dec,
}

/// The whole sheet: each line's problem (if any, tier-independent) and each tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub problems: Vec<Option<Problem>>,
    pub tiers: Vec<Tier>,
}

impl Sheet {
    /// Every tier is complete: every line has a cost in every tier.
    pub fn complete(&self) -> bool {
        self.problems.iter().all(Option::is_none) && self.tiers.iter().all(|t| t.missing == 0)
    }
}

/// `amount` in the selling currency at `rate`, HALF-UP to the currency's decimals.
pub fn convert(amount: Amount, rate: Dec, to: Currency) -> Result<Dec, CostingError> {
    let value = if amount.currency == to {
        amount.value
    } else {
        amount
            .value
            .checked_mul(rate.0)
            .ok_or(CostingError::Overflow)?
    };
    Ok(Dec(value).round_half_up(to.exponent()))
}

/// The problem of a line that holds in every tier.
fn line_problem(line: &SheetLine) -> Option<Problem> {
    match &line.cost {
        LineCost::Missing(p) => Some(p.clone()),
        LineCost::Nothing => None,
        cost => {
            let currency = match cost {
                LineCost::Group(a) | LineCost::Person(a) => Some(a.currency),
                LineCost::Hotel { twin_share, .. } => Some(twin_share.currency),
                LineCost::Vehicle(options) => options.first().map(|o| o.price.currency),
                LineCost::Nothing | LineCost::Missing(_) => None,
            };
            match (currency, line.rate) {
                (Some(c), None) => Some(Problem::NoExchangeRate {
                    currency: c.code().to_owned(),
                }),
                (None, _) => Some(Problem::NoVehicle { people: 0 }),
                _ => None,
            }
        }
    }
}

/// The costs of a group of `paying` + `foc` in the selling currency: the fixed and per-person
/// parts, the single supplement per pax, the vehicles, and how many lines have no cost.
struct Parts {
    costs: Costs,
    single: Dec,
    vehicles: Vec<Option<String>>,
    missing: usize,
}

fn parts(
    lines: &[SheetLine],
    problems: &[Option<Problem>],
    s: &Settings,
    paying: u32,
    foc: u32,
) -> Result<Parts, CostingError> {
    let add = |a: Decimal, b: Dec| a.checked_add(b.0).ok_or(CostingError::Overflow);
    let (mut fixed, mut per_person, mut single) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut vehicles = Vec::with_capacity(lines.len());
    let mut missing = 0;
    let people = paying + foc + s.guide_seats;
    for (line, problem) in lines.iter().zip(problems) {
        let mut vehicle = None;
        match (&line.cost, line.rate, problem) {
            (_, _, Some(_)) => missing += 1,
            (LineCost::Nothing, _, None) => {}
            (_, None, None) => missing += 1,
            (LineCost::Group(a), Some(rate), None) => {
                fixed = add(fixed, convert(*a, rate, s.currency)?)?;
            }
            (LineCost::Person(a), Some(rate), None) => {
                per_person = add(per_person, convert(*a, rate, s.currency)?)?;
            }
            (
                LineCost::Hotel {
                    twin_share,
                    single_supplement,
                },
                Some(rate),
                None,
            ) => {
                per_person = add(per_person, convert(*twin_share, rate, s.currency)?)?;
                let supplement = convert(*single_supplement, rate, s.currency)?;
                single = add(single, supplement)?;
                if s.foc_single {
                    let focs = supplement
                        .0
                        .checked_mul(Decimal::from(foc))
                        .ok_or(CostingError::Overflow)?;
                    fixed = add(fixed, Dec(focs))?;
                }
            }
            (LineCost::Vehicle(options), Some(rate), None) => {
                let seats: Vec<(u32, &VehicleOption)> =
                    options.iter().map(|o| (o.seats, o)).collect();
                match costing::smallest_vehicle(&seats, people) {
                    Some(o) => {
                        fixed = add(fixed, convert(o.price, rate, s.currency)?)?;
                        vehicle = Some(o.label.clone());
                    }
                    None => missing += 1,
                }
            }
            (LineCost::Missing(_), _, None) => missing += 1,
        }
        vehicles.push(vehicle);
    }
    Ok(Parts {
        costs: Costs {
            fixed: Dec(fixed),
            per_person: Dec(per_person),
        },
        single: Dec(single),
        vehicles,
        missing,
    })
}

/// The sheet of `lines` under `settings`.
pub fn compute(lines: &[SheetLine], s: &Settings) -> Result<Sheet, CostingError> {
    let problems: Vec<Option<Problem>> = lines.iter().map(line_problem).collect();
    let mut tiers = Vec::with_capacity(s.tiers.len());
    for &paying in &s.tiers {
        let foc = s.foc.foc(paying);
        let p = parts(lines, &problems, s, paying, foc)?;
        let figures = costing::tier(p.costs, paying, s.foc, s.pricing, s.step)?;
        let single_price = costing::round_up(costing::price(p.single, s.pricing)?, s.step)?;
        tiers.push(Tier {
            figures,
            vehicles: p.vehicles,
            missing: p.missing,
            single_cost: p.single,
            single_price,
        });
    }
    Ok(Sheet { problems, tiers })
}

/// The fewest paying guests (up to `max`) whose payments at `price` each cover the total
/// cost, FOC places and the vehicle that group needs included; `None` when none up to `max`
/// does, or when some line has no cost (the figure would be a guess).
pub fn break_even(lines: &[SheetLine], s: &Settings, price: Dec, max: u32) -> Option<u32> {
    let problems: Vec<Option<Problem>> = lines.iter().map(line_problem).collect();
    (1..=max).find_map(|paying| {
        let foc = s.foc.foc(paying);
        let p = parts(lines, &problems, s, paying, foc).ok()?;
        if p.missing > 0 {
            return None;
        }
        let total = costing::total_cost(p.costs, paying, foc).ok()?;
        let revenue = price.0.checked_mul(Decimal::from(paying))?;
        (revenue >= total.0).then_some(paying)
    })
}

/// Parses tiers as typed (`10, 15, 20`): distinct paying counts from 1 to 999, at most 10,
/// in rising order. `None` when any part is not such a count.
pub fn parse_tiers(raw: &str) -> Option<Vec<u32>> {
    let mut tiers = Vec::new();
    for part in raw.split([',', ' ', ';']).filter(|p| !p.trim().is_empty()) {
        let n: u32 = part.trim().parse().ok()?;
        if !(1..=999).contains(&n) {
            return None;
        }
        tiers.push(n);
    }
    tiers.sort_unstable();
    tiers.dedup();
    (!tiers.is_empty() && tiers.len() <= 10).then_some(tiers)
}

/// Tiers as stored and shown in a form: `10, 15, 20`.
pub fn tiers_text(tiers: &[u32]) -> String {
    tiers
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thb() -> Currency {
        Currency::parse("THB").unwrap_or_else(|e| panic!("{e}"))
    }

    fn usd() -> Currency {
        Currency::parse("USD").unwrap_or_else(|e| panic!("{e}"))
    }

    fn dec(text: &str) -> Dec {
        Dec::parse_canonical(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    fn baht(major: i64) -> Amount {
        Amount::of_minor(major * 100, thb())
    }

    fn same(cost: LineCost) -> SheetLine {
        SheetLine {
            cost,
            rate: Some(dec("1")),
        }
    }

    fn settings() -> Settings {
        Settings {
            currency: thb(),
            tiers: vec![10, 15, 20, 30],
            foc: FocRule::DEFAULT,
            foc_single: false,
            pricing: Pricing::Markup(dec("0")),
            step: dec("1"),
            guide_seats: 1,
        }
    }

    fn fleet() -> LineCost {
        let v = |seats, label: &str, price| VehicleOption {
            seats,
            label: label.into(),
            price: baht(price),
        };
        LineCost::Vehicle(vec![
            v(45, "coach", 12_000),
            v(13, "van", 4_000),
            v(24, "minibus", 7_000),
        ])
    }

    #[test]
    fn each_tier_rides_the_smallest_vehicle_that_seats_it() -> Result<(), CostingError> {
        let sheet = compute(&[same(fleet())], &settings())?;
        let rides: Vec<Option<String>> =
            sheet.tiers.iter().map(|t| t.vehicles[0].clone()).collect();
        // 10 + 0 + guide, 15 + 1 + guide, 20 + 1 + guide, 30 + 2 + guide.
        let want = ["van", "minibus", "minibus", "coach"].map(|v| Some(v.to_owned()));
        assert_eq!(rides, want.to_vec());
        let totals: Vec<Dec> = sheet.tiers.iter().map(|t| t.figures.total_cost).collect();
        assert_eq!(
            totals,
            vec![dec("4000"), dec("7000"), dec("7000"), dec("12000")]
        );
        assert!(sheet.complete());
        Ok(())
    }

    #[test]
    fn foc_places_share_a_twin_unless_they_take_singles() -> Result<(), CostingError> {
        let hotel = same(LineCost::Hotel {
            twin_share: baht(1_000),
            single_supplement: baht(800),
        });
        let mut s = settings();
        s.tiers = vec![15];
        let twin = compute(std::slice::from_ref(&hotel), &s)?;
        assert_eq!(twin.tiers[0].figures.total_cost, dec("16000"));
        assert_eq!(twin.tiers[0].single_cost, dec("800"));
        s.foc_single = true;
        let single = compute(&[hotel], &s)?;
        assert_eq!(single.tiers[0].figures.total_cost, dec("16800"));
        Ok(())
    }

    #[test]
    fn a_line_without_a_rate_is_flagged_and_counted_never_zero() -> Result<(), CostingError> {
        let date = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap_or_default();
        let lines = [
            same(LineCost::Person(baht(500))),
            same(LineCost::Missing(Problem::NoRate { date })),
            SheetLine {
                cost: LineCost::Group(Amount::of_minor(10_000, usd())),
                rate: None,
            },
        ];
        let sheet = compute(&lines, &settings())?;
        assert_eq!(sheet.problems[0], None);
        assert_eq!(sheet.problems[1], Some(Problem::NoRate { date }));
        assert_eq!(
            sheet.problems[2],
            Some(Problem::NoExchangeRate {
                currency: "USD".into()
            })
        );
        assert!(!sheet.complete());
        assert!(sheet.tiers.iter().all(|t| t.missing == 2));
        assert_eq!(break_even(&lines, &settings(), dec("100000"), 50), None);
        Ok(())
    }

    #[test]
    fn a_too_small_fleet_leaves_the_big_tier_incomplete() -> Result<(), CostingError> {
        let v = LineCost::Vehicle(vec![VehicleOption {
            seats: 13,
            label: "van".into(),
            price: baht(4_000),
        }]);
        let sheet = compute(&[same(v)], &settings())?;
        let missing: Vec<usize> = sheet.tiers.iter().map(|t| t.missing).collect();
        assert_eq!(missing, vec![0, 1, 1, 1]);
        assert!(!sheet.complete());
        Ok(())
    }

    #[test]
    fn lines_convert_at_their_rate_rounded_half_up_per_line() -> Result<(), CostingError> {
        // 10.005 USD a head at 33.5 THB = 335.1675 → 335.17 THB.
        let line = SheetLine {
            cost: LineCost::Person(Amount {
                value: Decimal::new(10_005, 3),
                currency: usd(),
            }),
            rate: Some(dec("33.5")),
        };
        let mut s = settings();
        s.tiers = vec![10];
        let sheet = compute(&[line], &s)?;
        assert_eq!(sheet.tiers[0].figures.total_cost, dec("3351.70"));
        Ok(())
    }

    #[test]
    fn the_break_even_counts_the_vehicle_the_group_needs() {
        // Van 4,000 for up to 12 travellers besides the guide, then a 7,000 minibus; 500 a head.
        let lines = [same(fleet()), same(LineCost::Person(baht(500)))];
        let s = settings();
        // At 1,000 a head: 8 pay 8,000 for 4,000 + 4,000 = 8,000.
        assert_eq!(break_even(&lines, &s, dec("1000"), 60), Some(8));
        assert_eq!(break_even(&lines, &s, dec("500"), 60), None);
    }

    #[test]
    fn tiers_parse_as_distinct_rising_counts() {
        assert_eq!(
            parse_tiers("10, 15,20 25;30"),
            Some(vec![10, 15, 20, 25, 30])
        );
        assert_eq!(parse_tiers("20, 10, 10"), Some(vec![10, 20]));
        assert_eq!(parse_tiers("0, 10"), None);
        assert_eq!(parse_tiers("ten"), None);
        assert_eq!(parse_tiers(""), None);
        assert_eq!(tiers_text(&[10, 15]), "10, 15");
    }
}
