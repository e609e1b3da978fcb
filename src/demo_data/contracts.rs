//! The demo hotels' contracts: a validity over both seasons, each rate's terms (extra bed,
//! children 4–11, breakfast, single supplement on doubles), peak surcharges for Christmas and
//! New Year, Chinese New Year and, in Thailand, Songkran, and an allotment at the first hotel
//! of each city. One hotel's contract ends 45 days from the seeding, so that its warning shows.

use anyhow::Context;
use chrono::{Duration, NaiveDate};

use super::values::minor;
use crate::db::AnyConnection;
use crate::db::master::contracts::{self, HotelContract, NewPeak};
use crate::domain::currency::Currency;
use crate::domain::ids::{RoomTypeId, SupplierId};
use crate::domain::master::contracts::{
    Allotment, Breakfast, ChildBand, ChildRate, Peak, RateTerms,
};
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::RoomKind;
use crate::domain::money::Money;

/// The first day of Chinese New Year, by Gregorian year.
const CHINESE_NEW_YEAR: &[(i32, u32, u32)] = &[
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
];

/// The terms of a demo rate of `base` major units per night.
pub(super) fn terms(kind: RoomKind, base: i64, high: bool, currency: Currency) -> RateTerms {
    let at = |percent: i64| minor(base * percent / 100, currency);
    RateTerms {
        extra_bed: matches!(kind, RoomKind::Twin | RoomKind::Double).then(|| at(30)),
        child: Some(ChildRate {
            minor: at(20),
            band: ChildBand {
                from_age: 4,
                to_age: 11,
            },
        }),
        breakfast: if high {
            Breakfast::Included
        } else {
            Breakfast::PerPerson(at(8))
        },
        single_supplement: (kind == RoomKind::Double).then(|| at(60)),
        min_nights: if high { 2 } else { 1 },
        complimentary: false,
    }
}

/// One demo hotel as its contract needs it.
pub(super) struct Seeded<'a> {
    pub hotel: SupplierId,
    pub currency: Currency,
    /// The twin rate in major units.
    pub twin: i64,
    pub validity: Season,
    pub thai: bool,
    /// The first hotel of its city holds an allotment of this room type.
    pub allotment: Option<RoomTypeId>,
    pub reference: &'a str,
}

fn day(y: i32, m: u32, d: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d).context("date")
}

fn span(from: NaiveDate, to: NaiveDate) -> anyhow::Result<Season> {
    Season::new(from, to).context("season")
}

pub(super) fn seed(conn: &mut AnyConnection, h: &Seeded<'_>) -> anyhow::Result<()> {
    let contract = HotelContract {
        reference: h.reference.to_owned(),
        validity: h.validity,
        notes: String::new(),
    };
    let err = |e: contracts::ContractError| anyhow::anyhow!("{e}");
    contracts::put_contract(conn, h.hotel, &contract).map_err(err)?;
    let v = h.validity;
    let money = |percent: i64| Money::new(minor(h.twin * percent / 100, h.currency), h.currency);
    let mut peaks = Vec::new();
    let year = v
        .starts_on
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .unwrap_or(2026);
    for y in [year, year + 1] {
        peaks.push((
            "Christmas and New Year",
            span(day(y, 12, 24)?, day(y + 1, 1, 2)?)?,
            25,
            3,
        ));
        if let Some((_, m, d)) = CHINESE_NEW_YEAR.iter().find(|(cy, _, _)| *cy == y) {
            let first = day(y, *m, *d)?;
            peaks.push((
                "Chinese New Year",
                span(first - Duration::days(1), first + Duration::days(4))?,
                20,
                2,
            ));
        }
        if h.thai {
            peaks.push(("Songkran", span(day(y, 4, 12)?, day(y, 4, 16)?)?, 15, 1));
        }
    }
    for (name, period, percent, min_nights) in peaks {
        if period.starts_on < v.starts_on || period.ends_on > v.ends_on {
            continue;
        }
        let new = NewPeak {
            room_type: None,
            peak: Peak {
                name: name.to_owned(),
                period,
                amount: money(percent),
                min_nights,
            },
        };
        contracts::insert_peak(conn, h.hotel, &new).map_err(err)?;
    }
    if let Some(room_type) = h.allotment {
        let allotment = Allotment {
            period: v,
            rooms: 10,
            release_days: 14,
        };
        contracts::insert_allotment(conn, h.hotel, room_type, &allotment).map_err(err)?;
    }
    Ok(())
}
