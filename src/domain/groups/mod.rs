//! Groups (departures): an operating instance of a tour for a client agency — its dates, its
//! pax and its status (`status`). The rules a group's write keeps are here, as plain values:
//! its dates, its pax and the refusals of [`GroupError`]; `db::groups` checks them inside the
//! creating transaction.

pub mod status;

use chrono::{Days, NaiveDate};

use crate::domain::message::{Message, key};

/// The most paying or FOC pax a group holds (the table's CHECK says the same).
pub const MAX_PAX: i32 = 999;
/// The most tour leaders a group travels with.
pub const MAX_TOUR_LEADERS: i32 = 99;

/// Why a group cannot be written as asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GroupError {
    #[error("the group ends before it starts")]
    EndsBeforeStart,
    #[error("pax out of bounds")]
    Pax,
    #[error("no such tour")]
    UnknownTour,
    #[error("the tour is archived")]
    TourArchived,
    #[error("no such client agency")]
    UnknownAgency,
    #[error("the client agency is archived")]
    AgencyArchived,
    #[error("a group starts as quoted or confirmed")]
    InitialStatus,
    /// The code pattern made a code another group holds (a pattern without the year, once the
    /// year turned).
    #[error("the code {code} is taken")]
    CodeTaken { code: String },
}

impl GroupError {
    pub fn message(&self) -> Message {
        match self {
            GroupError::EndsBeforeStart => Message::new("groups-error-dates"),
            GroupError::Pax => Message::new("groups-error-pax")
                .count("max", i64::from(MAX_PAX))
                .count("leaders", i64::from(MAX_TOUR_LEADERS)),
            GroupError::UnknownTour => Message::new("groups-error-unknown-tour"),
            GroupError::TourArchived => Message::new("groups-error-tour-archived"),
            GroupError::UnknownAgency => Message::new("groups-error-unknown-agency"),
            GroupError::AgencyArchived => Message::new("groups-error-agency-archived"),
            GroupError::InitialStatus => Message::new("groups-error-initial-status"),
            GroupError::CodeTaken { code } => {
                Message::new("groups-error-code-taken").arg("code", code)
            }
        }
    }

    /// The form field the refusal belongs beside.
    pub fn field(&self) -> &'static str {
        match self {
            GroupError::EndsBeforeStart => "ends_on",
            GroupError::Pax => "pax_paying",
            GroupError::UnknownTour | GroupError::TourArchived => "tour",
            GroupError::UnknownAgency | GroupError::AgencyArchived => "agency",
            GroupError::InitialStatus | GroupError::CodeTaken { .. } => "starts_on",
        }
    }
}

/// Who travels: paying pax (at least one), free-of-charge places and tour leaders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pax {
    paying: i32,
    foc: i32,
    tour_leaders: i32,
}

impl Pax {
    /// Paying 1 to [`MAX_PAX`], FOC 0 to [`MAX_PAX`], tour leaders 0 to [`MAX_TOUR_LEADERS`].
    pub fn new(paying: i32, foc: i32, tour_leaders: i32) -> Result<Pax, GroupError> {
        let ok = (1..=MAX_PAX).contains(&paying)
            && (0..=MAX_PAX).contains(&foc)
            && (0..=MAX_TOUR_LEADERS).contains(&tour_leaders);
        if !ok {
            return Err(GroupError::Pax);
        }
        Ok(Pax {
            paying,
            foc,
            tour_leaders,
        })
    }

    pub fn paying(self) -> i32 {
        self.paying
    }

    pub fn foc(self) -> i32 {
        self.foc
    }

    pub fn tour_leaders(self) -> i32 {
        self.tour_leaders
    }

    /// Everyone on the trip: paying, FOC and tour leaders.
    pub fn total(self) -> i32 {
        self.paying + self.foc + self.tour_leaders
    }
}

/// The group's last day when none is given: a tour of `days` days starting on `starts_on`
/// ends `days − 1` days later.
pub fn default_end(starts_on: NaiveDate, days: i32) -> NaiveDate {
    let extra = u64::try_from(days.max(1) - 1).unwrap_or(0);
    starts_on
        .checked_add_days(Days::new(extra))
        .unwrap_or(starts_on)
}

/// Checks the group's dates: it ends on or after the day it starts.
pub fn check_dates(starts_on: NaiveDate, ends_on: NaiveDate) -> Result<(), GroupError> {
    if ends_on < starts_on {
        Err(GroupError::EndsBeforeStart)
    } else {
        Ok(())
    }
}

/// The warning shown while a group has fewer paying pax than its tour's minimum: the group is
/// kept (numbers often grow after a quote), but whoever looks at it is told.
pub fn under_minimum(paying: i32, min_pax: i32) -> Option<Message> {
    (paying < min_pax).then(|| {
        Message::new(key("groups-warning-min-pax"))
            .count("paying", i64::from(paying))
            .count("min", i64::from(min_pax))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap_or(NaiveDate::MIN)
    }

    #[test]
    fn pax_keep_their_bounds() {
        assert_eq!(Pax::new(20, 1, 1).map(Pax::total), Ok(22));
        assert_eq!(Pax::new(1, 0, 0).map(Pax::total), Ok(1));
        assert_eq!(Pax::new(999, 999, 99).map(Pax::total), Ok(2097));
        for (paying, foc, leaders) in [(0, 1, 1), (1000, 0, 0), (10, -1, 0), (10, 0, 100)] {
            assert_eq!(
                Pax::new(paying, foc, leaders),
                Err(GroupError::Pax),
                "{paying}+{foc}+{leaders}"
            );
        }
    }

    #[test]
    fn a_group_ends_after_the_tour_days_unless_told() {
        assert_eq!(default_end(d(3, 1), 8), d(3, 8));
        assert_eq!(default_end(d(3, 1), 1), d(3, 1));
        assert_eq!(
            default_end(d(12, 28), 5),
            NaiveDate::from_ymd_opt(2027, 1, 1).unwrap_or(NaiveDate::MIN)
        );
        assert_eq!(
            check_dates(d(3, 2), d(3, 1)),
            Err(GroupError::EndsBeforeStart)
        );
        assert_eq!(check_dates(d(3, 1), d(3, 1)), Ok(()));
    }

    #[test]
    fn fewer_paying_pax_than_the_minimum_is_a_warning() {
        assert_eq!(under_minimum(10, 10), None);
        assert_eq!(under_minimum(25, 10), None);
        let warning = under_minimum(6, 10);
        assert_eq!(
            warning.as_ref().map(|m| m.id.as_str()),
            Some("groups-warning-min-pax")
        );
    }
}
