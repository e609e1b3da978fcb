//! What the month calendars share (a guide's month, the departures calendar): the month a
//! `?month=YYYY-MM` parameter names, the month's title and the weekday headers in the
//! reader's language.

use chrono::{Datelike, NaiveDate};

use crate::domain::calendar::Month;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::Ui;

/// The weekday headers, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    key("cal-mon"),
    key("cal-tue"),
    key("cal-wed"),
    key("cal-thu"),
    key("cal-fri"),
    key("cal-sat"),
    key("cal-sun"),
];

/// The first day of the month `YYYY-MM`, or of the month of `today` when none is asked; a
/// month that cannot be read is a 400 saying `error` (a message id).
pub fn month_start(
    raw: Option<&str>,
    today: NaiveDate,
    error: &'static str,
) -> Result<NaiveDate, WebError> {
    match raw.filter(|m| !m.is_empty()) {
        None => Ok(today.with_day(1).unwrap_or(today)),
        Some(m) => NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
            .ok()
            .filter(|d| crate::domain::calendar::in_range(*d))
            .ok_or_else(|| WebError::BadRequest(Message::new(error))),
    }
}

/// "March 2027", in the reader's language and year style.
pub fn month_title(ui: &Ui, month: &Month) -> String {
    format!(
        "{} {}",
        ui.t(month_key(month.first.month())),
        ui.formats().year(month.first.year())
    )
}

/// The weekday headers in the reader's language.
pub fn weekdays(ui: &Ui) -> Vec<String> {
    WEEKDAYS.iter().map(|k| ui.t(k)).collect()
}

/// A month's `?month=` value: `2027-03`.
pub fn month_param(first: NaiveDate) -> String {
    first.format("%Y-%m").to_string()
}

fn month_key(month: u32) -> &'static str {
    match month {
        1 => key("cal-month-1"),
        2 => key("cal-month-2"),
        3 => key("cal-month-3"),
        4 => key("cal-month-4"),
        5 => key("cal-month-5"),
        6 => key("cal-month-6"),
        7 => key("cal-month-7"),
        8 => key("cal-month-8"),
        9 => key("cal-month-9"),
        10 => key("cal-month-10"),
        11 => key("cal-month-11"),
        _ => key("cal-month-12"),
    }
}
