//! What the dashboard warns about, as rules on dates: what expires soon (a guide's licence, a
//! hotel's contract), and which currencies lack a current exchange rate.

use chrono::NaiveDate;

use crate::domain::currency::Currency;
use crate::domain::fx;
use crate::domain::ids::{GuideId, SupplierId};

/// How far ahead the dashboard looks for what expires: time to renew a licence or negotiate a
/// contract before a group needs it.
pub const EXPIRY_HORIZON_DAYS: i64 = 60;

/// Something that expires on a date, as the dashboard lists it. A new kind of expiring record
/// is a new variant here, a query in `db::dashboard` and a line in the dashboard's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expiring {
    /// A guide's licence.
    Licence {
        guide: GuideId,
        name: String,
        expires_on: NaiveDate,
    },
    /// A hotel's contract: its last night.
    Contract {
        hotel: SupplierId,
        name: String,
        expires_on: NaiveDate,
    },
}

impl Expiring {
    pub fn expires_on(&self) -> NaiveDate {
        match self {
            Expiring::Licence { expires_on, .. } | Expiring::Contract { expires_on, .. } => {
                *expires_on
            }
        }
    }

    /// The name of whose licence, or of which hotel's contract, it is.
    pub fn name(&self) -> &str {
        match self {
            Expiring::Licence { name, .. } | Expiring::Contract { name, .. } => name,
        }
    }
}

/// Where an expiry date stands on `today`, for the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    /// It has passed, this many days ago (at least 1).
    Expired { days_ago: i64 },
    /// It comes within the horizon, in this many days (0 is today, its last valid day).
    Expires { in_days: i64 },
}

/// Whether `expires_on` is worth a warning on `today`: passed, or within
/// [`EXPIRY_HORIZON_DAYS`]. Farther dates are `None`.
pub fn expiry(expires_on: NaiveDate, today: NaiveDate) -> Option<Expiry> {
    let days = (expires_on - today).num_days();
    if days < 0 {
        Some(Expiry::Expired { days_ago: -days })
    } else if days <= EXPIRY_HORIZON_DAYS {
        Some(Expiry::Expires { in_days: days })
    } else {
        None
    }
}

/// The last day an expiring item is listed from: anything expiring on or before it.
pub fn expiry_horizon(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_signed(chrono::Duration::days(EXPIRY_HORIZON_DAYS))
        .unwrap_or(today)
}

/// The items in the order the dashboard lists them: soonest (longest expired) first, then by
/// name.
pub fn sort_expiring(items: &mut [Expiring]) {
    items.sort_by(|a, b| {
        a.expires_on()
            .cmp(&b.expires_on())
            .then_with(|| a.name().cmp(b.name()))
    });
}

/// A currency the agency deals in whose exchange rate to or from the base currency is missing
/// or stale on `today` — older than the rates page allows ([`fx::STALE_AFTER_DAYS`]), so that
/// the dashboard and the latest-rates page flag the same currencies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingRate {
    pub currency: Currency,
    /// The date of its latest rate on or before today, if it ever had one.
    pub last: Option<NaiveDate>,
}

/// Of `currencies`, each with the date of its latest rate on or before today, those without a
/// rate fresh on `today`, in the order given.
pub fn missing_rates(
    currencies: &[(Currency, Option<NaiveDate>)],
    today: NaiveDate,
) -> Vec<MissingRate> {
    currencies
        .iter()
        .filter(|(_, last)| !last.is_some_and(|d| !fx::is_stale(d, today)))
        .map(|(currency, last)| MissingRate {
            currency: *currency,
            last: *last,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).expect("a date")
    }

    #[test]
    fn expiry_warns_within_sixty_days_and_after() {
        let today = d(3, 1);
        assert_eq!(
            expiry(d(2, 28), today),
            Some(Expiry::Expired { days_ago: 1 })
        );
        assert_eq!(expiry(d(3, 1), today), Some(Expiry::Expires { in_days: 0 }));
        assert_eq!(
            expiry(d(4, 30), today),
            Some(Expiry::Expires { in_days: 60 })
        );
        assert_eq!(expiry(d(5, 1), today), None);
        assert_eq!(expiry_horizon(today), d(4, 30));
    }

    #[test]
    fn expiring_items_sort_soonest_first() {
        let licence = |id, name: &str, on| Expiring::Licence {
            guide: GuideId(id),
            name: name.into(),
            expires_on: on,
        };
        let mut items = vec![
            licence(1, "Wang", d(4, 1)),
            licence(2, "Somchai", d(2, 1)),
            licence(3, "Anna", d(4, 1)),
        ];
        sort_expiring(&mut items);
        let names: Vec<_> = items.iter().map(Expiring::name).collect();
        assert_eq!(names, ["Somchai", "Anna", "Wang"]);
    }

    #[test]
    fn a_rate_serves_until_it_is_stale() -> Result<(), crate::domain::currency::UnknownCurrency> {
        let usd = Currency::parse("USD")?;
        let cny = Currency::parse("CNY")?;
        let vnd = Currency::parse("VND")?;
        let today = d(3, 8);
        let missing = missing_rates(
            &[(usd, Some(d(3, 2))), (cny, Some(d(3, 1))), (vnd, None)],
            today,
        );
        assert_eq!(
            missing,
            [
                MissingRate {
                    currency: cny,
                    last: Some(d(3, 1))
                },
                MissingRate {
                    currency: vnd,
                    last: None
                }
            ]
        );
        Ok(())
    }
}
