//! The departures calendar: `/groups/calendar?month=YYYY-MM`, a month's grid with each group
//! on the day it departs, linking to its page, and links to the months before and after. No
//! JavaScript.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Datelike;
use serde::Serialize;

use crate::db::groups::list::{self, Departure};
use crate::domain::access::Perm;
use crate::domain::calendar::Month;
use crate::domain::message::key;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::calendar;
use crate::web::paths;

#[derive(serde::Deserialize)]
pub struct MonthParam {
    month: Option<String>,
}

#[derive(Serialize)]
struct CalendarView {
    month_title: String,
    weekdays: Vec<String>,
    weeks: Vec<Vec<DayView>>,
    prev_href: String,
    next_href: String,
    this_month_href: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct DayView {
    day: u32,
    inside: bool,
    today: bool,
    departures: Vec<DepartureView>,
}

#[derive(Serialize)]
struct DepartureView {
    code: String,
    href: String,
    tour: String,
    pax: String,
    status: String,
    status_class: &'static str,
}

pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<MonthParam>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GroupsView)?;
    let today = ui.today();
    let first = calendar::month_start(params.month.as_deref(), today, key("groups-error-month"))?;
    let month = Month::of(first);
    let (year, number) = (first.year(), first.month());
    let departures = db
        .read(move |conn| -> Result<_, WebError> { Ok(list::month(conn, year, number)?) })
        .await?;
    let view = CalendarView {
        month_title: calendar::month_title(&ui, &month),
        weekdays: calendar::weekdays(&ui),
        weeks: month
            .weeks
            .iter()
            .map(|week| {
                week.iter()
                    .map(|day| DayView {
                        day: day.day(),
                        inside: day.month() == number,
                        today: *day == today,
                        departures: departures
                            .iter()
                            .filter(|d| d.starts_on == *day)
                            .map(|d| departure(&ui, d))
                            .collect(),
                    })
                    .collect()
            })
            .collect(),
        prev_href: paths::groups_calendar_month(month.previous()),
        next_href: paths::groups_calendar_month(month.next()),
        this_month_href: paths::GROUPS_CALENDAR,
        count: departures.len(),
    };
    ui.render(StatusCode::OK, "groups/calendar.html", &view)
}

fn departure(ui: &Ui, d: &Departure) -> DepartureView {
    DepartureView {
        code: d.code.clone(),
        href: paths::group(d.id),
        tour: d.tour_name.clone(),
        pax: ui.formats().integer(ui.locale(), i64::from(d.pax_total)),
        status: ui.t(d.status.label()),
        status_class: super::status_class(d.status),
    }
}
