//! Seasons of a contract rate: a first and a last night, never overlapping another season of
//! the same room type.

use chrono::NaiveDate;

use crate::domain::message::Message;

/// A contract season: inclusive date range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Season {
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Why a season is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SeasonError {
    #[error("the season ends before its first night")]
    EndsBeforeStart,
}

impl SeasonError {
    pub fn message(&self) -> Message {
        match self {
            SeasonError::EndsBeforeStart => Message::new("rates-error-dates"),
        }
    }
}

impl Season {
    /// The season from `starts_on` to `ends_on`, both nights included: one night at least.
    pub fn new(starts_on: NaiveDate, ends_on: NaiveDate) -> Result<Season, SeasonError> {
        if ends_on < starts_on {
            return Err(SeasonError::EndsBeforeStart);
        }
        Ok(Season { starts_on, ends_on })
    }

    pub fn overlaps(&self, other: &Season) -> bool {
        self.starts_on <= other.ends_on && other.starts_on <= self.ends_on
    }
}

/// The first of `existing` that `new` overlaps: one room type cannot have two rates for a night.
pub fn overlapping_season<'a>(existing: &'a [Season], new: &Season) -> Option<&'a Season> {
    existing.iter().find(|s| s.overlaps(new))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, m, day).unwrap_or_default()
    }

    fn season(a: NaiveDate, b: NaiveDate) -> Season {
        Season::new(a, b).unwrap_or_else(|e| panic!("{e}"))
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
        assert_eq!(
            Season::new(d(2, 1), d(1, 1)),
            Err(SeasonError::EndsBeforeStart)
        );
    }
}
