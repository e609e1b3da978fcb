//! What a room costs under a hotel contract (`super::contracts`): [`price_night`] answers "what
//! does this room cost on this night for this occupancy" with the lines it used; [`price_stay`]
//! prices every night of a stay and applies the minimum nights of the seasons and peaks it
//! touches. The meaning of each amount is written on `super::contracts`.

use chrono::{Duration, NaiveDate};

use super::contracts::{Breakfast, MAX_CHILD_AGE, Peak, SeasonRate};
use crate::domain::currency::Currency;
use crate::domain::master::seasons::Season;
use crate::domain::message::Message;
use crate::domain::money::Money;

/// The most guests, extra beds or nights one price check may ask about.
pub const MAX_GUESTS: u8 = 20;
pub const MAX_STAY_NIGHTS: u16 = 90;

/// What the contract holds for one room type: the validity, the room type's rates and the
/// peaks that apply to it.
#[derive(Debug, Clone, Default)]
pub struct RoomContract {
    pub validity: Option<Season>,
    pub max_occupancy: u8,
    pub rates: Vec<SeasonRate>,
    pub peaks: Vec<Peak>,
}

/// Who sleeps in the room and what they ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occupancy {
    pub adults: u8,
    pub child_ages: Vec<u8>,
    pub extra_beds: u8,
    pub breakfast: bool,
}

/// One line of a night's price.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Charge {
    Room { season: String, complimentary: bool },
    SingleSupplement,
    ExtraBed { count: u8 },
    Child { age: u8 },
    Infant { age: u8 },
    Breakfast { persons: u8 },
    Peak { name: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriceLine {
    pub charge: Charge,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NightPrice {
    pub night: NaiveDate,
    pub lines: Vec<PriceLine>,
    pub total: Money,
}

/// Why a room cannot be priced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PriceError {
    #[error("the night {night} is outside the contract ({from} – {to})")]
    OutsideContract {
        night: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    },
    #[error("no rate for the night {0}")]
    NoRate(NaiveDate),
    #[error("a room needs an adult")]
    NoAdult,
    #[error("{persons} guests exceed the room's {max}")]
    OverOccupancy { persons: u8, max: u8 },
    #[error("no extra bed in the contract")]
    NoExtraBed,
    #[error("no child rate for a child of {0}")]
    NoChildRate(u8),
    #[error("breakfast is not offered")]
    NoBreakfast,
    #[error("the peak {0} is in another currency")]
    Currency(String),
    #[error("{name} asks for {required} nights at least")]
    TooFewNights { name: String, required: u16 },
    #[error("the stay is too long or empty")]
    Nights,
    #[error("the amount is too large")]
    Overflow,
}

impl PriceError {
    pub fn message(&self) -> Message {
        match self {
            PriceError::OutsideContract { night, from, to } => {
                Message::new("contracts-price-outside")
                    .date("night", *night)
                    .date("from", *from)
                    .date("to", *to)
            }
            PriceError::NoRate(night) => {
                Message::new("contracts-price-no-rate").date("night", *night)
            }
            PriceError::NoAdult => Message::new("contracts-price-no-adult"),
            PriceError::OverOccupancy { persons, max } => {
                Message::new("contracts-price-over-occupancy")
                    .count("persons", i64::from(*persons))
                    .count("max", i64::from(*max))
            }
            PriceError::NoExtraBed => Message::new("contracts-price-no-extra-bed"),
            PriceError::NoChildRate(age) => {
                Message::new("contracts-price-no-child-rate").count("age", i64::from(*age))
            }
            PriceError::NoBreakfast => Message::new("contracts-price-no-breakfast"),
            PriceError::Currency(name) => {
                Message::new("contracts-price-currency").arg("name", name)
            }
            PriceError::TooFewNights { name, required } => {
                Message::new("contracts-price-min-nights")
                    .arg("name", name)
                    .count("nights", i64::from(*required))
            }
            PriceError::Nights => {
                Message::new("contracts-price-nights").count("max", i64::from(MAX_STAY_NIGHTS))
            }
            PriceError::Overflow => Message::new("contracts-price-overflow"),
        }
    }
}

fn covers(period: &Season, night: NaiveDate) -> bool {
    period.starts_on <= night && night <= period.ends_on
}

fn times(minor: i64, count: u8, currency: Currency) -> Result<Money, PriceError> {
    minor
        .checked_mul(i64::from(count))
        .map(|m| Money::new(m, currency))
        .ok_or(PriceError::Overflow)
}

/// The price of one room on one night for `occupancy`, with the lines it is made of.
pub fn price_night(
    contract: &RoomContract,
    night: NaiveDate,
    occupancy: &Occupancy,
) -> Result<NightPrice, PriceError> {
    if let Some(v) = contract.validity
        && !covers(&v, night)
    {
        return Err(PriceError::OutsideContract {
            night,
            from: v.starts_on,
            to: v.ends_on,
        });
    }
    let rate = contract
        .rates
        .iter()
        .find(|r| covers(&r.season, night))
        .ok_or(PriceError::NoRate(night))?;
    if occupancy.adults == 0 {
        return Err(PriceError::NoAdult);
    }
    let terms = &rate.terms;
    let currency = rate.room.currency;
    let band = terms.child.map(|c| c.band);
    let infant = |age: u8| band.is_some_and(|b| age < b.from_age);
    let in_band = |age: u8| band.is_some_and(|b| b.from_age <= age && age <= b.to_age);
    let older = occupancy
        .child_ages
        .iter()
        .filter(|a| !infant(**a) && !in_band(**a))
        .count();
    let counted = occupancy.child_ages.iter().filter(|a| !infant(**a)).count()
        + usize::from(occupancy.adults);
    let counted = u8::try_from(counted).unwrap_or(u8::MAX);
    if counted > contract.max_occupancy {
        return Err(PriceError::OverOccupancy {
            persons: counted,
            max: contract.max_occupancy,
        });
    }

    let mut lines = vec![PriceLine {
        charge: Charge::Room {
            season: rate.season_name.clone(),
            complimentary: terms.complimentary,
        },
        amount: rate.room,
    }];
    if occupancy.adults == 1
        && occupancy.child_ages.is_empty()
        && let Some(s) = terms.single_supplement
    {
        lines.push(PriceLine {
            charge: Charge::SingleSupplement,
            amount: Money::new(s, currency),
        });
    }
    if occupancy.extra_beds > 0 {
        let bed = terms.extra_bed.ok_or(PriceError::NoExtraBed)?;
        lines.push(PriceLine {
            charge: Charge::ExtraBed {
                count: occupancy.extra_beds,
            },
            amount: times(bed, occupancy.extra_beds, currency)?,
        });
    }
    for &age in &occupancy.child_ages {
        if infant(age) {
            lines.push(PriceLine {
                charge: Charge::Infant { age },
                amount: Money::new(0, currency),
            });
        } else if in_band(age) {
            let child = terms.child.ok_or(PriceError::NoChildRate(age))?;
            lines.push(PriceLine {
                charge: Charge::Child { age },
                amount: Money::new(child.minor, currency),
            });
        } else if terms.child.is_none() && age <= MAX_CHILD_AGE {
            return Err(PriceError::NoChildRate(age));
        }
    }
    if occupancy.breakfast {
        let persons = occupancy
            .adults
            .saturating_add(u8::try_from(older).unwrap_or(u8::MAX));
        match terms.breakfast {
            Breakfast::Included => {}
            Breakfast::NotOffered => return Err(PriceError::NoBreakfast),
            Breakfast::PerPerson(price) => lines.push(PriceLine {
                charge: Charge::Breakfast { persons },
                amount: times(price, persons, currency)?,
            }),
        }
    }
    for peak in contract.peaks.iter().filter(|p| covers(&p.period, night)) {
        if peak.amount.currency != currency {
            return Err(PriceError::Currency(peak.name.clone()));
        }
        lines.push(PriceLine {
            charge: Charge::Peak {
                name: peak.name.clone(),
            },
            amount: peak.amount,
        });
    }
    let total = lines
        .iter()
        .try_fold(Money::new(0, currency), |sum, l| sum.checked_add(l.amount))
        .ok_or(PriceError::Overflow)?;
    Ok(NightPrice {
        night,
        lines,
        total,
    })
}

/// Every night of a stay from `check_in` for `nights` nights, and their total. A stay shorter
/// than the minimum nights of a season or peak it touches is refused, naming it.
pub fn price_stay(
    contract: &RoomContract,
    check_in: NaiveDate,
    nights: u16,
    occupancy: &Occupancy,
) -> Result<(Vec<NightPrice>, Money), PriceError> {
    if nights == 0 || nights > MAX_STAY_NIGHTS {
        return Err(PriceError::Nights);
    }
    let mut out = Vec::with_capacity(usize::from(nights));
    for n in 0..nights {
        let night = check_in + Duration::days(i64::from(n));
        out.push(price_night(contract, night, occupancy)?);
    }
    let stay = Season {
        starts_on: check_in,
        ends_on: check_in + Duration::days(i64::from(nights) - 1),
    };
    let minimums = contract
        .rates
        .iter()
        .filter(|r| r.season.overlaps(&stay))
        .map(|r| (r.season_name.as_str(), r.terms.min_nights))
        .chain(
            contract
                .peaks
                .iter()
                .filter(|p| p.period.overlaps(&stay))
                .map(|p| (p.name.as_str(), p.min_nights)),
        );
    if let Some((name, required)) = minimums
        .filter(|(_, m)| *m > nights)
        .max_by_key(|(_, m)| *m)
    {
        return Err(PriceError::TooFewNights {
            name: name.to_owned(),
            required,
        });
    }
    let currency = out
        .first()
        .map(|n| n.total.currency)
        .ok_or(PriceError::Nights)?;
    let total = out
        .iter()
        .try_fold(Money::new(0, currency), |sum, n| sum.checked_add(n.total))
        .ok_or(PriceError::Overflow)?;
    Ok((out, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::master::contracts::{ChildBand, ChildRate, RateTerms};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap_or_default()
    }

    fn thb(minor: i64) -> Money {
        Money::new(
            minor,
            Currency::parse("THB").unwrap_or_else(|e| panic!("{e}")),
        )
    }

    fn season(a: NaiveDate, b: NaiveDate) -> Season {
        Season::new(a, b).unwrap_or_else(|e| panic!("{e}"))
    }

    fn occupancy(adults: u8, child_ages: &[u8]) -> Occupancy {
        Occupancy {
            adults,
            child_ages: child_ages.to_vec(),
            extra_beds: 0,
            breakfast: false,
        }
    }

    /// Low season Jan–Apr at 2,000.00, high season May–Dec at 3,000.00 with supplements;
    /// Songkran 12–16 April and Christmas 24–31 December as peaks.
    fn contract() -> RoomContract {
        let terms = RateTerms {
            extra_bed: Some(80_000),
            child: Some(ChildRate {
                minor: 50_000,
                band: ChildBand {
                    from_age: 4,
                    to_age: 11,
                },
            }),
            breakfast: Breakfast::PerPerson(35_000),
            single_supplement: Some(120_000),
            min_nights: 1,
            complimentary: false,
        };
        RoomContract {
            validity: Some(season(d(1, 1), d(12, 31))),
            max_occupancy: 3,
            rates: vec![
                SeasonRate {
                    season_name: "Low".into(),
                    season: season(d(1, 1), d(4, 30)),
                    room: thb(200_000),
                    terms: RateTerms::default(),
                },
                SeasonRate {
                    season_name: "High".into(),
                    season: season(d(5, 1), d(12, 31)),
                    room: thb(300_000),
                    terms: RateTerms {
                        min_nights: 2,
                        ..terms
                    },
                },
            ],
            peaks: vec![
                Peak {
                    name: "Songkran".into(),
                    period: season(d(4, 12), d(4, 16)),
                    amount: thb(50_000),
                    min_nights: 1,
                },
                Peak {
                    name: "Christmas".into(),
                    period: season(d(12, 24), d(12, 31)),
                    amount: thb(150_000),
                    min_nights: 3,
                },
            ],
        }
    }

    fn total(c: &RoomContract, night: NaiveDate, o: &Occupancy) -> i64 {
        price_night(c, night, o)
            .unwrap_or_else(|e| panic!("{e}"))
            .total
            .minor
    }

    #[test]
    fn a_night_takes_the_rate_of_its_season() {
        let c = contract();
        assert_eq!(total(&c, d(4, 30), &occupancy(2, &[])), 200_000);
        assert_eq!(total(&c, d(5, 1), &occupancy(2, &[])), 300_000);
        assert_eq!(
            price_night(&c, d(5, 1), &occupancy(2, &[])).map(|p| p.lines[0].charge.clone()),
            Ok(Charge::Room {
                season: "High".into(),
                complimentary: false
            })
        );
    }

    #[test]
    fn peaks_lie_on_top_of_the_season() {
        let c = contract();
        assert_eq!(total(&c, d(4, 11), &occupancy(2, &[])), 200_000);
        assert_eq!(total(&c, d(4, 12), &occupancy(2, &[])), 250_000);
        assert_eq!(total(&c, d(4, 16), &occupancy(2, &[])), 250_000);
        assert_eq!(total(&c, d(12, 24), &occupancy(2, &[])), 450_000);
        let lines = price_night(&c, d(12, 25), &occupancy(2, &[]))
            .map(|p| p.lines)
            .unwrap_or_default();
        assert_eq!(
            lines.last().map(|l| &l.charge),
            Some(&Charge::Peak {
                name: "Christmas".into()
            })
        );
    }

    #[test]
    fn supplements_follow_the_occupancy() {
        let c = contract();
        // One adult alone pays the single supplement.
        assert_eq!(total(&c, d(6, 1), &occupancy(1, &[])), 420_000);
        // A child of 2 is free, 7 pays the child rate, 12 is an adult.
        assert_eq!(total(&c, d(6, 1), &occupancy(2, &[2])), 300_000);
        assert_eq!(total(&c, d(6, 1), &occupancy(2, &[7])), 350_000);
        assert_eq!(total(&c, d(6, 1), &occupancy(2, &[12])), 300_000);
        // An adult with a child pays no single supplement.
        assert_eq!(total(&c, d(6, 1), &occupancy(1, &[7])), 350_000);
        // Extra bed and breakfast for two adults and a 12-year-old.
        let o = Occupancy {
            adults: 2,
            child_ages: vec![12],
            extra_beds: 1,
            breakfast: true,
        };
        assert_eq!(total(&c, d(6, 1), &o), 300_000 + 80_000 + 3 * 35_000);
    }

    #[test]
    fn what_the_contract_lacks_is_refused_by_name() {
        let c = contract();
        let beds = Occupancy {
            extra_beds: 1,
            ..occupancy(2, &[])
        };
        assert_eq!(price_night(&c, d(2, 1), &beds), Err(PriceError::NoExtraBed));
        assert_eq!(
            price_night(&c, d(2, 1), &occupancy(2, &[7])),
            Err(PriceError::NoChildRate(7))
        );
        assert_eq!(
            price_night(&c, d(6, 1), &occupancy(2, &[12, 12])),
            Err(PriceError::OverOccupancy { persons: 4, max: 3 })
        );
        // Infants do not count towards the occupancy.
        assert_eq!(total(&c, d(6, 1), &occupancy(3, &[1])), 300_000);
        assert_eq!(
            price_night(&c, d(6, 1), &occupancy(0, &[7])),
            Err(PriceError::NoAdult)
        );
        let mut outside = c.clone();
        outside.validity = Some(season(d(1, 1), d(6, 30)));
        assert!(matches!(
            price_night(&outside, d(7, 1), &occupancy(2, &[])),
            Err(PriceError::OutsideContract { .. })
        ));
        let mut gap = c;
        gap.rates.truncate(1);
        assert_eq!(
            price_night(&gap, d(6, 1), &occupancy(2, &[])),
            Err(PriceError::NoRate(d(6, 1)))
        );
    }

    #[test]
    fn breakfast_included_costs_nothing_and_not_offered_is_refused() {
        let mut c = contract();
        let o = Occupancy {
            breakfast: true,
            ..occupancy(2, &[])
        };
        assert_eq!(total(&c, d(2, 1), &o), 200_000);
        c.rates[0].terms.breakfast = Breakfast::NotOffered;
        assert_eq!(price_night(&c, d(2, 1), &o), Err(PriceError::NoBreakfast));
    }

    #[test]
    fn a_stay_sums_its_nights_and_keeps_the_minimum_nights() {
        let c = contract();
        // 11–13 April: one plain night and two Songkran nights.
        let (nights, sum) =
            price_stay(&c, d(4, 11), 3, &occupancy(2, &[])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(nights.len(), 3);
        assert_eq!(sum.minor, 200_000 + 2 * 250_000);
        // High season asks for two nights, Christmas for three.
        assert_eq!(
            price_stay(&c, d(6, 1), 1, &occupancy(2, &[])),
            Err(PriceError::TooFewNights {
                name: "High".into(),
                required: 2
            })
        );
        assert_eq!(
            price_stay(&c, d(12, 24), 2, &occupancy(2, &[])),
            Err(PriceError::TooFewNights {
                name: "Christmas".into(),
                required: 3
            })
        );
        assert!(price_stay(&c, d(12, 24), 3, &occupancy(2, &[])).is_ok());
        assert_eq!(
            price_stay(&c, d(6, 1), 0, &occupancy(2, &[])),
            Err(PriceError::Nights)
        );
    }
}
