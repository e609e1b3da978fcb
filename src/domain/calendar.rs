//! The calendar dates the product accepts: 1900-01-01 to 2200-12-31. Anything outside is a
//! typo (`0000-01-01`, `20277-01-01`) that would sort, age and convert nonsensically. And the
//! grid of a month's weeks, as a calendar page draws it.

use chrono::{Datelike, Duration, NaiveDate};

/// The first and last dates accepted.
pub fn bounds() -> (NaiveDate, NaiveDate) {
    (
        NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN),
        NaiveDate::from_ymd_opt(2200, 12, 31).unwrap_or(NaiveDate::MAX),
    )
}

pub fn in_range(date: NaiveDate) -> bool {
    let (first, last) = bounds();
    (first..=last).contains(&date)
}

/// A month as a calendar draws it: the month's first day, and its weeks from Monday to
/// Sunday, the first and last filled up with the neighbouring months' days.
pub struct Month {
    pub first: NaiveDate,
    pub weeks: Vec<[NaiveDate; 7]>,
}

impl Month {
    /// The month that `day` falls in.
    pub fn of(day: NaiveDate) -> Month {
        let first = day.with_day(1).unwrap_or(day);
        let next = first
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(first);
        let lead = i64::from(first.weekday().num_days_from_monday());
        let mut start = first - Duration::days(lead);
        let mut weeks = Vec::new();
        while start < next {
            weeks.push(std::array::from_fn(|i| start + Duration::days(i as i64)));
            start += Duration::days(7);
        }
        Month { first, weeks }
    }

    pub fn previous(&self) -> NaiveDate {
        self.first
            .checked_sub_months(chrono::Months::new(1))
            .unwrap_or(self.first)
    }

    pub fn next(&self) -> NaiveDate {
        self.first
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(self.first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_drawn_in_whole_weeks_from_monday() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN);
        // February 2027 starts on a Monday and has exactly four weeks.
        let feb = Month::of(d(2027, 2, 17));
        assert_eq!(feb.first, d(2027, 2, 1));
        assert_eq!(feb.weeks.len(), 4);
        assert_eq!(feb.weeks[3][6], d(2027, 2, 28));
        // May 2027 starts on a Saturday and spans six rows.
        let may = Month::of(d(2027, 5, 31));
        assert_eq!(may.weeks.len(), 6);
        assert_eq!(may.weeks[0][0], d(2027, 4, 26));
        assert_eq!(may.weeks[5][6], d(2027, 6, 6));
        assert_eq!((may.previous(), may.next()), (d(2027, 4, 1), d(2027, 6, 1)));
        let dec = Month::of(d(2027, 12, 1));
        assert_eq!(dec.next(), d(2028, 1, 1));
    }

    #[test]
    fn dates_outside_1900_to_2200_are_refused() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or(NaiveDate::MIN);
        assert!(in_range(d(1900, 1, 1)));
        assert!(in_range(d(2027, 6, 30)));
        assert!(in_range(d(2200, 12, 31)));
        assert!(!in_range(d(0, 1, 1)));
        assert!(!in_range(d(1899, 12, 31)));
        assert!(!in_range(d(2201, 1, 1)));
    }
}
