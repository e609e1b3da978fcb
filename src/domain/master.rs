//! Rules of the master data: supplier kinds, room types, seasons that must not overlap, shop
//! commission splits that must add up to 100 %, guide languages and licences.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::domain::decimal::Dec;

/// What a supplier sells. Stored as text with a CHECK constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum SupplierKind {
    Hotel,
    Transport,
    Restaurant,
    Attraction,
    Shop,
}

impl SupplierKind {
    pub const ALL: [SupplierKind; 5] = [
        SupplierKind::Hotel,
        SupplierKind::Transport,
        SupplierKind::Restaurant,
        SupplierKind::Attraction,
        SupplierKind::Shop,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SupplierKind::Hotel => "hotel",
            SupplierKind::Transport => "transport",
            SupplierKind::Restaurant => "restaurant",
            SupplierKind::Attraction => "attraction",
            SupplierKind::Shop => "shop",
        }
    }

    pub fn parse(raw: &str) -> Option<SupplierKind> {
        SupplierKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    /// The URL segment of the kind's pages (`/hotels`, `/transport`...).
    pub fn path(self) -> &'static str {
        match self {
            SupplierKind::Hotel => "/hotels",
            SupplierKind::Transport => "/transport",
            SupplierKind::Restaurant => "/restaurants",
            SupplierKind::Attraction => "/attractions",
            SupplierKind::Shop => "/shops",
        }
    }
}

/// The room categories a hotel contracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum RoomKind {
    Single,
    Twin,
    Double,
    Triple,
    Family,
}

impl RoomKind {
    pub const ALL: [RoomKind; 5] = [
        RoomKind::Single,
        RoomKind::Twin,
        RoomKind::Double,
        RoomKind::Triple,
        RoomKind::Family,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RoomKind::Single => "single",
            RoomKind::Twin => "twin",
            RoomKind::Double => "double",
            RoomKind::Triple => "triple",
            RoomKind::Family => "family",
        }
    }

    pub fn parse(raw: &str) -> Option<RoomKind> {
        let raw = raw.trim().to_lowercase();
        RoomKind::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    /// The usual number of occupants, the default maximum.
    pub fn default_occupancy(self) -> i32 {
        match self {
            RoomKind::Single => 1,
            RoomKind::Twin | RoomKind::Double => 2,
            RoomKind::Triple => 3,
            RoomKind::Family => 4,
        }
    }
}

/// A contract season: inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Season {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

impl Season {
    pub fn new(starts_on: NaiveDate, ends_on: NaiveDate) -> Option<Season> {
        (ends_on >= starts_on).then_some(Season { starts_on, ends_on })
    }

    pub fn overlaps(&self, other: &Season) -> bool {
        self.starts_on <= other.ends_on && other.starts_on <= self.ends_on
    }
}

/// The first of `existing` that `new` overlaps: one room type cannot have two rates for a night.
pub fn overlapping_season<'a>(existing: &'a [Season], new: &Season) -> Option<&'a Season> {
    existing.iter().find(|s| s.overlaps(new))
}

/// How a shop pays commission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum CommissionBasis {
    /// A percentage of what the group buys.
    Percent,
    /// A fixed amount for each guest brought in.
    PerHead,
}

impl CommissionBasis {
    pub fn as_str(self) -> &'static str {
        match self {
            CommissionBasis::Percent => "percent",
            CommissionBasis::PerHead => "per_head",
        }
    }

    pub fn parse(raw: &str) -> Option<CommissionBasis> {
        match raw {
            "percent" => Some(CommissionBasis::Percent),
            "per_head" => Some(CommissionBasis::PerHead),
            _ => None,
        }
    }
}

/// The share of a shop's commission for the agency, the guide and the driver, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommissionSplit {
    pub agency: Dec,
    pub guide: Dec,
    pub driver: Dec,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SplitError {
    #[error("the shares add up to {0} %, not 100 %")]
    NotHundred(Dec),
    #[error("a share must be between 0 and 100 %")]
    OutOfRange,
}

impl CommissionSplit {
    pub fn new(agency: Dec, guide: Dec, driver: Dec) -> Result<CommissionSplit, SplitError> {
        let hundred = Decimal::from(100);
        for share in [agency, guide, driver] {
            if share.0 < Decimal::ZERO || share.0 > hundred {
                return Err(SplitError::OutOfRange);
            }
        }
        let total = agency.0 + guide.0 + driver.0;
        if total != hundred {
            return Err(SplitError::NotHundred(Dec(total.normalize())));
        }
        Ok(CommissionSplit {
            agency,
            guide,
            driver,
        })
    }
}

/// How well a guide speaks a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub enum LanguageLevel {
    Basic,
    Working,
    Fluent,
    Native,
}

impl LanguageLevel {
    pub const ALL: [LanguageLevel; 4] = [
        LanguageLevel::Basic,
        LanguageLevel::Working,
        LanguageLevel::Fluent,
        LanguageLevel::Native,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LanguageLevel::Basic => "basic",
            LanguageLevel::Working => "working",
            LanguageLevel::Fluent => "fluent",
            LanguageLevel::Native => "native",
        }
    }

    pub fn parse(raw: &str) -> Option<LanguageLevel> {
        let raw = raw.trim().to_lowercase();
        LanguageLevel::ALL.into_iter().find(|l| l.as_str() == raw)
    }
}

/// The languages guides are recorded for (ISO 639-1), in the order forms show them.
pub const GUIDE_LANGUAGES: [&str; 10] =
    ["zh", "ko", "en", "ru", "th", "vi", "ja", "de", "fr", "id"];

/// The languages a client agency's documents can be written in.
pub const AGENCY_LANGUAGES: [&str; 9] = ["en", "th", "zh-CN", "vi", "ko", "ja", "ru", "de", "fr"];

/// Where a guide's licence stands on `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum LicenceState {
    /// No expiry recorded.
    Unknown,
    Valid,
    /// Valid, but expiring within 30 days.
    ExpiresSoon,
    Expired,
}

pub fn licence_state(expires_on: Option<NaiveDate>, today: NaiveDate) -> LicenceState {
    match expires_on {
        None => LicenceState::Unknown,
        Some(d) if d < today => LicenceState::Expired,
        Some(d) if (d - today).num_days() <= 30 => LicenceState::ExpiresSoon,
        Some(_) => LicenceState::Valid,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap_or_default()
    }

    fn season(a: NaiveDate, b: NaiveDate) -> Season {
        Season::new(a, b).unwrap_or_else(|| panic!("season"))
    }

    #[test]
    fn overlapping_seasons_are_found() {
        let existing = [season(d(1, 1), d(3, 31)), season(d(4, 1), d(9, 30))];
        assert!(overlapping_season(&existing, &season(d(10, 1), d(12, 31))).is_none());
        assert_eq!(
            overlapping_season(&existing, &season(d(3, 31), d(4, 2))),
            Some(&existing[0]),
            "a shared boundary night overlaps"
        );
        assert!(Season::new(d(2, 1), d(1, 1)).is_none());
    }

    #[test]
    fn a_split_must_add_up_to_a_hundred() -> Result<(), crate::domain::decimal::NumberError> {
        let p = Dec::parse_input;
        assert!(CommissionSplit::new(p("60")?, p("30")?, p("10")?).is_ok());
        assert!(CommissionSplit::new(p("33.4")?, p("33.3")?, p("33.3")?).is_ok());
        assert_eq!(
            CommissionSplit::new(p("60")?, p("30")?, p("5")?),
            Err(SplitError::NotHundred(p("95")?))
        );
        assert_eq!(
            CommissionSplit::new(p("120")?, p("-10")?, p("-10")?),
            Err(SplitError::OutOfRange)
        );
        Ok(())
    }

    #[test]
    fn licences_expire() {
        let today = d(6, 1);
        assert_eq!(licence_state(None, today), LicenceState::Unknown);
        assert_eq!(licence_state(Some(d(5, 31)), today), LicenceState::Expired);
        assert_eq!(
            licence_state(Some(d(6, 1)), today),
            LicenceState::ExpiresSoon
        );
        assert_eq!(licence_state(Some(d(12, 1)), today), LicenceState::Valid);
    }
}
