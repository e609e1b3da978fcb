//! A hotel contract: its validity, each seasonal rate's terms, peak surcharges and allotments.
//!
//! A contract has a validity (its first and last night), and per room type one rate for each
//! season (`seasons`): the room rate per room-night plus its terms — extra bed, child rate with
//! its age band, breakfast, single supplement, minimum nights, and whether the rate is a
//! complimentary 0.00. Peak-period surcharges (Christmas, Chinese New Year, Songkran) lie on
//! top of a season instead of splitting it; allotments hold rooms per night until their release
//! date. What a room costs under these terms is `super::pricing`'s.
//!
//! **What the contract's amounts mean** (the rules `super::pricing` applies):
//! - the room rate is per room and night, whoever sleeps in it;
//! - the single supplement is added when one adult and no child occupy the room;
//! - each extra bed the booking asks for costs the extra-bed rate;
//! - a child younger than the band is free, a child within the band pays the child rate
//!   (breakfast included), a child older than the band counts as an adult;
//! - breakfast, when asked for and not included in the rate, costs its price per adult
//!   (older children included);
//! - infants (younger than the band) do not count towards the room's maximum occupancy;
//! - every amount of one night is in the rate's currency: a peak in another currency is
//!   refused rather than converted.

use chrono::{Duration, NaiveDate};

use crate::domain::master::seasons::Season;
use crate::domain::message::{Message, key};
use crate::domain::money::Money;

/// The oldest age a child band may reach: 18 and over are adults.
pub const MAX_CHILD_AGE: u8 = 17;
/// The most nights a season's or peak's minimum may ask for.
pub const MAX_MIN_NIGHTS: u16 = 60;
/// The most rooms one allotment may hold per night, and the most release days.
pub const MAX_ALLOTMENT_ROOMS: u16 = 999;
pub const MAX_RELEASE_DAYS: u16 = 365;

/// The ages (inclusive) that pay the child rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChildBand {
    pub from_age: u8,
    pub to_age: u8,
}

/// What a child within its band pays per night, in the rate's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChildRate {
    pub minor: i64,
    pub band: ChildBand,
}

/// Breakfast under a rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breakfast {
    /// In the room rate.
    Included,
    /// Bought per person and night, in the rate's currency.
    PerPerson(i64),
    /// Neither included nor sold.
    NotOffered,
}

/// A seasonal rate's terms beside its room rate; amounts in the rate's currency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateTerms {
    pub extra_bed: Option<i64>,
    pub child: Option<ChildRate>,
    pub breakfast: Breakfast,
    pub single_supplement: Option<i64>,
    pub min_nights: u16,
    /// A 0.00 room rate on purpose (a tour leader's free room, a familiarisation trip).
    pub complimentary: bool,
}

impl Default for RateTerms {
    /// No supplements, breakfast included, one night at least, a paid rate.
    fn default() -> RateTerms {
        RateTerms {
            extra_bed: None,
            child: None,
            breakfast: Breakfast::Included,
            single_supplement: None,
            min_nights: 1,
            complimentary: false,
        }
    }
}

/// Why a contract's rate, peak, allotment or validity is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TermsError {
    #[error("a 0.00 rate must be marked complimentary")]
    ZeroRate,
    #[error("a complimentary rate is 0.00")]
    PaidComplimentary,
    #[error("an amount is negative")]
    Negative,
    #[error("the child band ends before it starts")]
    ChildBand,
    #[error("minimum nights out of range")]
    MinNights,
    #[error("allotment rooms or release days out of range")]
    Allotment,
    #[error("the contract ends before it starts")]
    Validity,
}

impl TermsError {
    /// The message that tells the user, and the form field it belongs to.
    pub fn message(&self) -> Message {
        let id = match self {
            TermsError::ZeroRate => key("contracts-error-zero-rate"),
            TermsError::PaidComplimentary => key("contracts-error-paid-complimentary"),
            TermsError::Negative => key("contracts-error-negative"),
            TermsError::ChildBand => key("contracts-error-child-band"),
            TermsError::MinNights => key("contracts-error-min-nights"),
            TermsError::Allotment => key("contracts-error-allotment"),
            TermsError::Validity => key("contracts-error-validity"),
        };
        match self {
            TermsError::MinNights => Message::new(id).count("max", i64::from(MAX_MIN_NIGHTS)),
            TermsError::ChildBand => Message::new(id).count("age", i64::from(MAX_CHILD_AGE)),
            _ => Message::new(id),
        }
    }

    /// The form field a refusal belongs to.
    pub fn field(&self) -> &'static str {
        match self {
            TermsError::ZeroRate | TermsError::PaidComplimentary | TermsError::Negative => "rate",
            TermsError::ChildBand => "child_to",
            TermsError::MinNights => "min_nights",
            TermsError::Allotment => "rooms",
            TermsError::Validity => "valid_to",
        }
    }
}

impl RateTerms {
    /// Checks the terms against the room rate they go with.
    pub fn check(&self, room: Money) -> Result<(), TermsError> {
        let amounts = [
            Some(room.minor),
            self.extra_bed,
            self.child.map(|c| c.minor),
            self.single_supplement,
            match self.breakfast {
                Breakfast::PerPerson(m) => Some(m),
                Breakfast::Included | Breakfast::NotOffered => None,
            },
        ];
        if amounts.iter().flatten().any(|m| *m < 0) {
            return Err(TermsError::Negative);
        }
        match (room.minor == 0, self.complimentary) {
            (true, false) => return Err(TermsError::ZeroRate),
            (false, true) => return Err(TermsError::PaidComplimentary),
            _ => {}
        }
        if let Some(c) = self.child
            && (c.band.to_age < c.band.from_age || c.band.to_age > MAX_CHILD_AGE)
        {
            return Err(TermsError::ChildBand);
        }
        if !(1..=MAX_MIN_NIGHTS).contains(&self.min_nights) {
            return Err(TermsError::MinNights);
        }
        Ok(())
    }
}

/// One season's rate of one room type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeasonRate {
    pub season_name: String,
    pub season: Season,
    /// Per room-night.
    pub room: Money,
    pub terms: RateTerms,
}

/// A surcharge per room-night over a period, on top of the season's rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peak {
    pub name: String,
    pub period: Season,
    pub amount: Money,
    pub min_nights: u16,
}

impl Peak {
    pub fn check(&self) -> Result<(), TermsError> {
        if self.amount.minor < 0 {
            return Err(TermsError::Negative);
        }
        if !(1..=MAX_MIN_NIGHTS).contains(&self.min_nights) {
            return Err(TermsError::MinNights);
        }
        Ok(())
    }
}

/// Rooms a hotel holds for the agency each night of a period, released back to the hotel
/// `release_days` before each night.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Allotment {
    pub period: Season,
    pub rooms: u16,
    pub release_days: u16,
}

/// What an allotment holds on one night.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Held {
    pub rooms: u16,
    /// The last day the rooms can be used before they go back to the hotel.
    pub release_on: NaiveDate,
    pub released: bool,
}

impl Allotment {
    pub fn check(&self) -> Result<(), TermsError> {
        if self.rooms == 0
            || self.rooms > MAX_ALLOTMENT_ROOMS
            || self.release_days > MAX_RELEASE_DAYS
        {
            return Err(TermsError::Allotment);
        }
        Ok(())
    }

    /// The day the rooms held for `night` go back to the hotel.
    pub fn release_on(&self, night: NaiveDate) -> NaiveDate {
        night - Duration::days(i64::from(self.release_days))
    }

    /// What the allotment holds on `night`, seen on `today`; none outside its period.
    pub fn held(&self, night: NaiveDate, today: NaiveDate) -> Option<Held> {
        if night < self.period.starts_on || night > self.period.ends_on {
            return None;
        }
        let release_on = self.release_on(night);
        Some(Held {
            rooms: self.rooms,
            release_on,
            released: today > release_on,
        })
    }
}

/// A contract's validity: its first and last night.
pub fn validity(from: NaiveDate, to: NaiveDate) -> Result<Season, TermsError> {
    Season::new(from, to).map_err(|_| TermsError::Validity)
}

/// Whether a contract ending on `ends_on` needs renewing, seen on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Expiry {
    Valid,
    /// Ends within [`EXPIRY_WARNING_DAYS`].
    Expiring,
    Expired,
}

/// How long before its end a contract is flagged.
pub const EXPIRY_WARNING_DAYS: i64 = 60;

pub fn expiry(ends_on: NaiveDate, today: NaiveDate) -> Expiry {
    if ends_on < today {
        Expiry::Expired
    } else if (ends_on - today).num_days() <= EXPIRY_WARNING_DAYS {
        Expiry::Expiring
    } else {
        Expiry::Valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::currency::Currency;

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

    #[test]
    fn terms_are_checked() {
        let t = RateTerms::default();
        assert_eq!(t.check(thb(0)), Err(TermsError::ZeroRate));
        let free = RateTerms {
            complimentary: true,
            ..t
        };
        assert_eq!(free.check(thb(0)), Ok(()));
        assert_eq!(free.check(thb(100)), Err(TermsError::PaidComplimentary));
        let band = RateTerms {
            child: Some(ChildRate {
                minor: 10,
                band: ChildBand {
                    from_age: 12,
                    to_age: 4,
                },
            }),
            ..t
        };
        assert_eq!(band.check(thb(100)), Err(TermsError::ChildBand));
        let nights = RateTerms { min_nights: 0, ..t };
        assert_eq!(nights.check(thb(100)), Err(TermsError::MinNights));
        let negative = RateTerms {
            extra_bed: Some(-1),
            ..t
        };
        assert_eq!(negative.check(thb(100)), Err(TermsError::Negative));
    }

    #[test]
    fn allotments_release_before_the_night() {
        let a = Allotment {
            period: season(d(3, 1), d(3, 31)),
            rooms: 10,
            release_days: 14,
        };
        assert_eq!(a.held(d(2, 28), d(1, 1)), None);
        let held = a.held(d(3, 20), d(3, 6));
        assert_eq!(
            held,
            Some(Held {
                rooms: 10,
                release_on: d(3, 6),
                released: false
            })
        );
        assert_eq!(a.held(d(3, 20), d(3, 7)).map(|h| h.released), Some(true));
        assert_eq!(
            Allotment { rooms: 0, ..a }.check(),
            Err(TermsError::Allotment)
        );
    }

    #[test]
    fn contracts_expire_with_a_warning() {
        assert_eq!(expiry(d(12, 31), d(1, 1)), Expiry::Valid);
        assert_eq!(expiry(d(3, 1), d(1, 1)), Expiry::Expiring);
        assert_eq!(expiry(d(1, 1), d(1, 2)), Expiry::Expired);
    }
}
