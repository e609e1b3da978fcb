//! What suppliers are: their kinds, the kinds of hotel rooms, and a shop's commission
//! agreement, whose split between agency, guide and driver must add up to exactly 100 %.

use rust_decimal::Decimal;

use crate::domain::decimal::Dec;
use crate::domain::message::Message;

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

impl SplitError {
    pub fn message(&self) -> Message {
        match self {
            SplitError::NotHundred(total) => {
                Message::new("suppliers-error-split").arg("total", total.canonical())
            }
            SplitError::OutOfRange => Message::new("suppliers-error-percent"),
        }
    }
}

/// A commission as a percentage of sales: from 0 to 100 %.
pub fn commission_percent(percent: Dec) -> Result<Dec, SplitError> {
    if percent.0 < Decimal::ZERO || percent.0 > Decimal::from(100) {
        return Err(SplitError::OutOfRange);
    }
    Ok(percent)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commission_percentage_lies_between_0_and_100()
    -> Result<(), crate::domain::decimal::NumberError> {
        let p = Dec::parse_canonical;
        assert_eq!(commission_percent(p("12.5")?), Ok(p("12.5")?));
        assert_eq!(commission_percent(p("100")?), Ok(p("100")?));
        assert_eq!(
            commission_percent(p("100.01")?),
            Err(SplitError::OutOfRange)
        );
        assert_eq!(commission_percent(p("-1")?), Err(SplitError::OutOfRange));
        Ok(())
    }

    #[test]
    fn a_split_must_add_up_to_a_hundred() -> Result<(), crate::domain::decimal::NumberError> {
        let p = Dec::parse_canonical;
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
}
