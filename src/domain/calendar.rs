//! The calendar dates the product accepts: 1900-01-01 to 2200-12-31. Anything outside is a
//! typo (`0000-01-01`, `20277-01-01`) that would sort, age and convert nonsensically.

use chrono::NaiveDate;

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

#[cfg(test)]
mod tests {
    use super::*;

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
