//! The arithmetic of a costing sheet, in the selling currency, exact (`Dec`, no floats).
//!
//! A tour's costs are **fixed** per group (the coach, the guide, a boat) or **per person**
//! (a hotel bed twin-share, a meal, an entrance); FOC places (free tour leaders, one per
//! [`FocRule::per_paying`] paying) cost their per-person part like anyone else and pay
//! nothing. So, for a tier of `paying` + `foc`:
//!
//! - total cost = fixed + per person × (paying + foc);
//! - cost per paying pax = total cost / paying, carried exact and rounded only when shown;
//! - selling price per pax = cost × (1 + markup %) with a **markup**, or cost / (1 − margin %)
//!   with a **margin** (the two are never the same number: a 20 % markup earns 16.67 % of the
//!   price, a 20 % margin earns 20 %), then rounded **up** to the price step;
//! - profit per pax = price − cost; profit % = profit as a share of the price; total profit =
//!   profit per pax × paying.

use rust_decimal::Decimal;

use crate::domain::decimal::Dec;

/// One free place per `per_paying` paying guests (`0`: none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocRule {
    pub per_paying: u32,
}

impl FocRule {
    /// The usual one free tour leader per 15 paying.
    pub const DEFAULT: FocRule = FocRule { per_paying: 15 };

    pub fn foc(&self, paying: u32) -> u32 {
        paying.checked_div(self.per_paying).unwrap_or(0)
    }
}

/// The default tiers of a costing sheet: paying pax.
pub const DEFAULT_TIERS: [u32; 5] = [10, 15, 20, 25, 30];

/// How a selling price is made from a cost, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pricing {
    /// Price = cost × (1 + markup / 100).
    Markup(Dec),
    /// Price = cost / (1 − margin / 100): the margin is the profit's share of the price.
    Margin(Dec),
}

/// Why a costing cannot be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CostingError {
    #[error("a tier needs at least one paying guest")]
    NoPaying,
    #[error("a markup or margin cannot be negative")]
    Negative,
    #[error("a margin must stay below 100 %")]
    MarginTooHigh,
    #[error("the price step must be positive")]
    Step,
    #[error("the amount is too large")]
    Overflow,
}

/// A tour's costs in the selling currency: per group, and per person travelling (FOC too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Costs {
    pub fixed: Dec,
    pub per_person: Dec,
}

/// The figures of one tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TierFigures {
    pub paying: u32,
    pub foc: u32,
    pub total_cost: Dec,
    /// Exact; round it with [`Dec::round_half_up`] to show it.
    pub cost_per_paying: Dec,
    /// Rounded up to the price step.
    pub price_per_paying: Dec,
    pub profit_per_paying: Dec,
    /// Profit as a percentage of the price.
    pub profit_percent: Dec,
    pub total_profit: Dec,
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

fn mul(a: Decimal, b: Decimal) -> Result<Decimal, CostingError> {
    a.checked_mul(b).ok_or(CostingError::Overflow)
}

fn add(a: Decimal, b: Decimal) -> Result<Decimal, CostingError> {
    a.checked_add(b).ok_or(CostingError::Overflow)
}

fn div(a: Decimal, b: Decimal) -> Result<Decimal, CostingError> {
    a.checked_div(b).ok_or(CostingError::Overflow)
}

/// Fixed + per person × everyone travelling.
pub fn total_cost(costs: Costs, paying: u32, foc: u32) -> Result<Dec, CostingError> {
    let people = Decimal::from(u64::from(paying) + u64::from(foc));
    Ok(Dec(add(costs.fixed.0, mul(costs.per_person.0, people)?)?))
}

/// The total cost shared by the paying guests.
pub fn cost_per_paying(costs: Costs, paying: u32, foc: u32) -> Result<Dec, CostingError> {
    if paying == 0 {
        return Err(CostingError::NoPaying);
    }
    let total = total_cost(costs, paying, foc)?;
    Ok(Dec(div(total.0, Decimal::from(paying))?))
}

/// The price a cost sells at, before rounding.
pub fn price(cost: Dec, pricing: Pricing) -> Result<Dec, CostingError> {
    match pricing {
        Pricing::Markup(p) if p.0.is_sign_negative() => Err(CostingError::Negative),
        Pricing::Margin(p) if p.0.is_sign_negative() => Err(CostingError::Negative),
        Pricing::Margin(p) if p.0 >= HUNDRED => Err(CostingError::MarginTooHigh),
        Pricing::Markup(p) => Ok(Dec(mul(cost.0, add(Decimal::ONE, div(p.0, HUNDRED)?)?)?)),
        Pricing::Margin(p) => Ok(Dec(div(cost.0, Decimal::ONE - div(p.0, HUNDRED)?)?)),
    }
}

/// `amount` rounded up to a multiple of `step` (10 THB, 1 USD, 1,000 VND).
pub fn round_up(amount: Dec, step: Dec) -> Result<Dec, CostingError> {
    if step.0 <= Decimal::ZERO {
        return Err(CostingError::Step);
    }
    let steps = div(amount.0, step.0)?.ceil();
    Ok(Dec(mul(steps, step.0)?.normalize()))
}

/// Every figure of the tier of `paying` guests.
pub fn tier(
    costs: Costs,
    paying: u32,
    foc_rule: FocRule,
    pricing: Pricing,
    step: Dec,
) -> Result<TierFigures, CostingError> {
    let foc = foc_rule.foc(paying);
    let total = total_cost(costs, paying, foc)?;
    let cost = cost_per_paying(costs, paying, foc)?;
    let sell = round_up(price(cost, pricing)?, step)?;
    let profit = sell.0 - cost.0;
    let profit_percent = if sell.0.is_zero() {
        Decimal::ZERO
    } else {
        mul(div(profit, sell.0)?, HUNDRED)?
    };
    Ok(TierFigures {
        paying,
        foc,
        total_cost: total,
        cost_per_paying: cost,
        price_per_paying: sell,
        profit_per_paying: Dec(profit),
        profit_percent: Dec(profit_percent),
        total_profit: Dec(mul(profit, Decimal::from(paying))?),
    })
}

/// The fewest paying guests (up to `max`) at which `price` per pax covers the total cost,
/// their FOC places included; `None` when no group up to `max` breaks even.
pub fn break_even(costs: Costs, price: Dec, foc_rule: FocRule, max: u32) -> Option<u32> {
    (1..=max).find(|&paying| {
        let revenue = price.0.checked_mul(Decimal::from(paying));
        let cost = total_cost(costs, paying, foc_rule.foc(paying));
        matches!((revenue, cost), (Some(r), Ok(c)) if r >= c.0)
    })
}

/// The smallest of `vehicles` (seats, vehicle) that seats `people`: paying, FOC and guide.
pub fn smallest_vehicle<V>(vehicles: &[(u32, V)], people: u32) -> Option<&V> {
    vehicles
        .iter()
        .filter(|(seats, _)| *seats >= people)
        .min_by_key(|(seats, _)| *seats)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn dec(text: &str) -> Dec {
        Dec::parse_canonical(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    /// DESIGN §8: fixed 57,000 THB, 6,000 THB a person.
    fn example() -> Costs {
        Costs {
            fixed: dec("57000"),
            per_person: dec("6000"),
        }
    }

    #[test]
    fn the_worked_example_gives_its_figures() {
        let one = dec("0.01");
        let at = |paying, pricing| {
            tier(example(), paying, FocRule::DEFAULT, pricing, one)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        let none = Pricing::Markup(dec("0"));
        let tiers: Vec<(u32, u32, Dec)> = [10, 15, 20]
            .iter()
            .map(|p| {
                let t = at(*p, none);
                (t.paying, t.foc, t.cost_per_paying)
            })
            .collect();
        assert_eq!(
            tiers,
            vec![
                (10, 0, dec("11700")),
                (15, 1, dec("10200")),
                (20, 1, dec("9150"))
            ]
        );
        let markup = Pricing::Markup(dec("20"));
        let margin = Pricing::Margin(dec("20"));
        let prices = |pricing| -> Vec<Dec> {
            [10, 15, 20]
                .iter()
                .map(|p| at(*p, pricing).price_per_paying)
                .collect()
        };
        assert_eq!(
            prices(markup),
            vec![dec("14040"), dec("12240"), dec("10980")]
        );
        assert_eq!(
            prices(margin),
            vec![dec("14625"), dec("12750"), dec("11437.5")]
        );
        let t = at(20, margin);
        assert_eq!(t.profit_per_paying, dec("2287.5"));
        assert_eq!(t.profit_percent, dec("20"));
        assert_eq!(t.total_profit, dec("45750"));
        assert_eq!(t.total_cost, dec("183000"));
    }

    #[test]
    fn markup_and_margin_are_different_numbers() {
        let cost = dec("100");
        assert_eq!(price(cost, Pricing::Markup(dec("20"))), Ok(dec("120")));
        assert_eq!(price(cost, Pricing::Margin(dec("20"))), Ok(dec("125")));
        assert_eq!(
            price(cost, Pricing::Margin(dec("100"))),
            Err(CostingError::MarginTooHigh)
        );
        assert_eq!(
            price(cost, Pricing::Markup(dec("-1"))),
            Err(CostingError::Negative)
        );
    }

    #[test]
    fn prices_round_up_to_their_step() {
        assert_eq!(round_up(dec("11437.5"), dec("10")), Ok(dec("11440")));
        assert_eq!(round_up(dec("11440"), dec("10")), Ok(dec("11440")));
        assert_eq!(round_up(dec("35.01"), dec("1")), Ok(dec("36")));
        assert_eq!(round_up(dec("1250001"), dec("1000")), Ok(dec("1251000")));
        assert_eq!(round_up(dec("5"), dec("0")), Err(CostingError::Step));
    }

    #[test]
    fn foc_places_follow_the_rule() {
        let rule = FocRule::DEFAULT;
        let focs: Vec<u32> = [10, 14, 15, 29, 30, 45]
            .iter()
            .map(|p| rule.foc(*p))
            .collect();
        assert_eq!(focs, vec![0, 0, 1, 1, 2, 3]);
        assert_eq!(FocRule { per_paying: 0 }.foc(40), 0);
        assert_eq!(
            cost_per_paying(example(), 0, 0),
            Err(CostingError::NoPaying)
        );
    }

    #[test]
    fn the_break_even_is_the_fewest_paying_that_cover_the_cost() {
        // At 12,000 a head: 10 pay 120,000 for 117,000 of cost; 9 pay 108,000 for 111,000.
        assert_eq!(
            break_even(example(), dec("12000"), FocRule::DEFAULT, 60),
            Some(10)
        );
        // At the per-person cost nobody ever covers the fixed part.
        assert_eq!(
            break_even(example(), dec("6000"), FocRule::DEFAULT, 60),
            None
        );
    }

    #[test]
    fn ten_ride_a_van_and_thirty_a_coach() {
        let fleet = [(45, "coach"), (13, "van"), (29, "minibus")];
        // Paying + FOC + the guide.
        assert_eq!(smallest_vehicle(&fleet, 10 + 1), Some(&"van"));
        assert_eq!(smallest_vehicle(&fleet, 20 + 1 + 1), Some(&"minibus"));
        assert_eq!(smallest_vehicle(&fleet, 30 + 2 + 1), Some(&"coach"));
        assert_eq!(smallest_vehicle(&fleet, 50), None);
    }

    fn amount() -> impl Strategy<Value = Dec> {
        (0_i64..100_000_000, 0_u32..=2).prop_map(|(n, scale)| Dec(Decimal::new(n, scale)))
    }

    proptest! {
        #[test]
        fn the_paying_guests_carry_the_whole_cost_foc_places_included(
            fixed in amount(),
            per_person in amount(),
            paying in 1_u32..200,
            per in 0_u32..30,
        ) {
            let costs = Costs { fixed, per_person };
            let rule = FocRule { per_paying: per };
            let foc = rule.foc(paying);
            let each = cost_per_paying(costs, paying, foc).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let total = total_cost(costs, paying, foc).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back = each.0 * Decimal::from(paying);
            // Exact up to the last of rust_decimal's 28 digits of the division.
            prop_assert!((back - total.0).abs() < Decimal::new(1, 12), "{back} vs {total}");
        }

        #[test]
        fn a_rounded_price_is_never_below_cost_with_its_markup(
            cost in amount(),
            percent in 0_i64..500,
            step in prop::sample::select(vec!["0.01", "1", "10", "1000"]),
        ) {
            let markup = Dec(Decimal::from(percent));
            let step = dec(step);
            let floor = cost.0 * (Decimal::ONE + markup.0 / HUNDRED);
            let by_markup = round_up(price(cost, Pricing::Markup(markup)).map_err(|e| TestCaseError::fail(e.to_string()))?, step)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert!(by_markup.0 >= floor);
            prop_assert!(by_markup.0 - floor < step.0);
            if percent < 100 {
                let by_margin = round_up(price(cost, Pricing::Margin(markup)).map_err(|e| TestCaseError::fail(e.to_string()))?, step)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(by_margin.0 >= floor, "a margin earns at least its markup");
            }
        }
    }
}
