//! The reads of the group list and the departures calendar, and the choices their filters and
//! the new-group form offer. Each list page is one query for its rows (joined with the tour's
//! and the agency's names) and one count.

use chrono::{Months, NaiveDate};
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::Integer;

use super::status_of;
use crate::db::AnyConnection;
use crate::db::listing::{Listing, Paged, SortKey};
use crate::db::schema::{agencies, tour_groups, tours};
use crate::db::search;
use crate::domain::groups::status::GroupStatus;
use crate::domain::ids::{AgencyId, GroupId, TourId};

/// The columns a group list may be sorted by. By start, the newest departure comes first; the
/// reverse (`sort=-start`) puts the oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Start,
    Code,
    Agency,
    Status,
    Pax,
}

impl SortKey for SortBy {
    const WORDS: &'static [(&'static str, SortBy)] = &[
        ("start", SortBy::Start),
        ("code", SortBy::Code),
        ("agency", SortBy::Agency),
        ("status", SortBy::Status),
        ("pax", SortBy::Pax),
    ];
}

/// What the group list asks: search, order and page, and its filters.
pub struct ListQuery {
    pub listing: Listing<SortBy>,
    pub status: Option<GroupStatus>,
    /// Departures on or after this day...
    pub from: Option<NaiveDate>,
    /// ...and on or before this one.
    pub to: Option<NaiveDate>,
    pub agency: Option<AgencyId>,
    pub market: Option<String>,
}

impl Paged for ListQuery {
    fn offset_mut(&mut self) -> &mut i64 {
        &mut self.listing.offset
    }
}

/// One row of the group list.
#[derive(Debug, Clone)]
pub struct ListedGroup {
    pub id: GroupId,
    pub code: String,
    pub tour_name: String,
    pub agency_id: AgencyId,
    pub agency_name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub market: String,
    pub pax_paying: i32,
    pub pax_foc: i32,
    pub tour_leaders: i32,
    pub status: GroupStatus,
    /// Guests entered on the group's guest list. There is no guest list yet: the next issue
    /// adds the `guests` table, and this count is read in the same query then.
    pub guests: i64,
    /// What the group's bookings cost, in the base currency's minor units. There are no
    /// bookings yet: the next issue adds them, and this sum is read in the same query then.
    pub booked_cost_minor: i64,
}

impl ListedGroup {
    pub fn pax_total(&self) -> i32 {
        self.pax_paying + self.pax_foc + self.tour_leaders
    }
}

/// The lifecycle order of statuses, for sorting by status (their words sort alphabetically).
/// A constant expression with no user input in it.
const STATUS_ORDER: &str = "CASE tour_groups.status WHEN 'quoted' THEN 0 WHEN 'confirmed' THEN 1 \
     WHEN 'operating' THEN 2 WHEN 'completed' THEN 3 WHEN 'closed' THEN 4 ELSE 5 END";

type Row = (
    i64,
    String,
    String,
    i64,
    String,
    NaiveDate,
    NaiveDate,
    String,
    i32,
    i32,
    i32,
    String,
);

/// One page of groups and how many match in all: two queries, whatever the page holds.
pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<ListedGroup>, i64)> {
    let filtered = || {
        let mut query = tour_groups::table
            .inner_join(tours::table)
            .inner_join(agencies::table)
            .into_boxed();
        if let Some(term) = q.listing.term() {
            query = query.filter(
                tour_groups::search_key
                    .like(search::contains(term))
                    .escape('\\'),
            );
        }
        if let Some(status) = q.status {
            query = query.filter(tour_groups::status.eq(status.as_str()));
        }
        if let Some(from) = q.from {
            query = query.filter(tour_groups::starts_on.ge(from));
        }
        if let Some(to) = q.to {
            query = query.filter(tour_groups::starts_on.le(to));
        }
        if let Some(agency) = q.agency {
            query = query.filter(tour_groups::agency_id.eq(agency.0));
        }
        if let Some(market) = q.market.as_deref().filter(|m| !m.is_empty()) {
            query = query.filter(tour_groups::market.eq(market.to_owned()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select((
        tour_groups::id,
        tour_groups::code,
        tours::name,
        tour_groups::agency_id,
        agencies::name,
        tour_groups::starts_on,
        tour_groups::ends_on,
        tour_groups::market,
        tour_groups::pax_paying,
        tour_groups::pax_foc,
        tour_groups::tour_leaders,
        tour_groups::status,
    ));
    let pax = tour_groups::pax_paying + tour_groups::pax_foc + tour_groups::tour_leaders;
    let (start, id) = (tour_groups::starts_on, tour_groups::id);
    query = match (q.listing.sort, q.listing.descending) {
        (SortBy::Start, false) => query.order((start.desc(), id.desc())),
        (SortBy::Start, true) => query.order((start.asc(), id.asc())),
        (SortBy::Code, false) => query.order(tour_groups::code.asc()),
        (SortBy::Code, true) => query.order(tour_groups::code.desc()),
        (SortBy::Agency, false) => query.order((agencies::name.asc(), start.desc(), id.desc())),
        (SortBy::Agency, true) => query.order((agencies::name.desc(), start.desc(), id.desc())),
        (SortBy::Status, false) => {
            query.order((sql::<Integer>(STATUS_ORDER).asc(), start.desc(), id.desc()))
        }
        (SortBy::Status, true) => {
            query.order((sql::<Integer>(STATUS_ORDER).desc(), start.desc(), id.desc()))
        }
        (SortBy::Pax, false) => query.order((pax.asc(), start.desc(), id.desc())),
        (SortBy::Pax, true) => query.order((pax.desc(), start.desc(), id.desc())),
    };
    let rows: Vec<Row> = query
        .offset(q.listing.offset)
        .limit(q.listing.limit)
        .load(conn)?;
    let found = rows
        .into_iter()
        .map(|r| {
            Ok(ListedGroup {
                id: GroupId(r.0),
                code: r.1,
                tour_name: r.2,
                agency_id: AgencyId(r.3),
                agency_name: r.4,
                starts_on: r.5,
                ends_on: r.6,
                market: r.7,
                pax_paying: r.8,
                pax_foc: r.9,
                tour_leaders: r.10,
                status: status_of(&r.11)?,
                guests: 0,
                booked_cost_minor: 0,
            })
        })
        .collect::<QueryResult<_>>()?;
    Ok((found, total))
}

/// A departure on the calendar.
#[derive(Debug, Clone)]
pub struct Departure {
    pub id: GroupId,
    pub code: String,
    pub tour_name: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub pax_total: i32,
    pub status: GroupStatus,
}

/// The groups departing in month `month` of `year`, by day and code; none for a month that
/// does not exist.
pub fn month(conn: &mut AnyConnection, year: i32, month: u32) -> QueryResult<Vec<Departure>> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Ok(Vec::new());
    };
    let Some(next) = first.checked_add_months(Months::new(1)) else {
        return Ok(Vec::new());
    };
    let rows: Vec<(i64, String, String, NaiveDate, NaiveDate, i32, String)> = tour_groups::table
        .inner_join(tours::table)
        .filter(tour_groups::starts_on.ge(first))
        .filter(tour_groups::starts_on.lt(next))
        .order((tour_groups::starts_on.asc(), tour_groups::code.asc()))
        .select((
            tour_groups::id,
            tour_groups::code,
            tours::name,
            tour_groups::starts_on,
            tour_groups::ends_on,
            tour_groups::pax_paying + tour_groups::pax_foc + tour_groups::tour_leaders,
            tour_groups::status,
        ))
        .load(conn)?;
    rows.into_iter()
        .map(|r| {
            Ok(Departure {
                id: GroupId(r.0),
                code: r.1,
                tour_name: r.2,
                starts_on: r.3,
                ends_on: r.4,
                pax_total: r.5,
                status: status_of(&r.6)?,
            })
        })
        .collect()
}

/// The distinct markets of groups, for the list's filter.
pub fn markets(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    tour_groups::table
        .filter(tour_groups::market.ne(""))
        .select(tour_groups::market)
        .distinct()
        .order(tour_groups::market.asc())
        .load(conn)
}

/// A client agency a group may be for, or a list filtered by.
#[derive(Debug, Clone)]
pub struct AgencyChoice {
    pub id: AgencyId,
    pub name: String,
    pub market: String,
}

/// The live client agencies, by name.
pub fn agency_choices(conn: &mut AnyConnection) -> QueryResult<Vec<AgencyChoice>> {
    let rows: Vec<(i64, String, String)> = agencies::table
        .filter(agencies::archived.eq(false))
        .order((agencies::name.asc(), agencies::id.asc()))
        .select((agencies::id, agencies::name, agencies::market))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, market)| AgencyChoice {
            id: AgencyId(id),
            name,
            market,
        })
        .collect())
}

/// The live tours a group may be made from: id, code and name, by name.
pub fn tour_choices(conn: &mut AnyConnection) -> QueryResult<Vec<(TourId, String, String)>> {
    let rows: Vec<(i64, String, String)> = tours::table
        .filter(tours::archived.eq(false))
        .order((tours::name.asc(), tours::id.asc()))
        .select((tours::id, tours::code, tours::name))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, code, name)| (TourId(id), code, name))
        .collect())
}
