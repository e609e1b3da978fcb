//! Builders for tours and groups, with defaults: `TourBuilder::new().min_pax(10).insert(conn)`
//! puts a tour row straight into the database (the tours area owns tours' writes; these tests
//! need only the row), and `GroupBuilder::new(tour, agency).insert(conn)` creates a group
//! through the real write path, `db::groups::create`, in its own write transaction.

use chrono::NaiveDate;
use diesel::prelude::*;
use tourdesk::db::audit::Actor;
use tourdesk::db::groups::{self, NewGroup, WriteError};
use tourdesk::db::schema::tours;
use tourdesk::db::{self, AnyConnection};
use tourdesk::domain::groups::Pax;
use tourdesk::domain::groups::status::GroupStatus;
use tourdesk::domain::ids::{AgencyId, GroupId, TourId};
use tourdesk::domain::text::{search_key, search_keys};

/// An 8-day tour of Thailand for the Korean market, at least 10 paying pax.
pub struct TourBuilder {
    code: String,
    name: String,
    days: i32,
    min_pax: i32,
    market: String,
    archived: bool,
}

impl TourBuilder {
    pub fn new() -> TourBuilder {
        TourBuilder {
            code: format!("T{}", &tourdesk::security::random_token()[..6]),
            name: "Amazing Thailand 8D7N".into(),
            days: 8,
            min_pax: 10,
            market: "Korea".into(),
            archived: false,
        }
    }

    pub fn name(mut self, name: &str) -> TourBuilder {
        self.name = name.to_owned();
        self
    }

    pub fn days(mut self, days: i32) -> TourBuilder {
        self.days = days;
        self
    }

    pub fn min_pax(mut self, min_pax: i32) -> TourBuilder {
        self.min_pax = min_pax;
        self
    }

    pub fn market(mut self, market: &str) -> TourBuilder {
        self.market = market.to_owned();
        self
    }

    pub fn archived(mut self) -> TourBuilder {
        self.archived = true;
        self
    }

    pub fn insert(self, conn: &mut AnyConnection) -> TourId {
        let at = db::now();
        diesel::insert_into(tours::table)
            .values((
                tours::code.eq(&self.code),
                tours::code_key.eq(search_key(&self.code)),
                tours::name.eq(&self.name),
                tours::days.eq(self.days),
                tours::nights.eq((self.days - 1).max(0)),
                tours::market.eq(&self.market),
                tours::min_pax.eq(self.min_pax),
                tours::archived.eq(self.archived),
                tours::created_at.eq(at),
                tours::updated_at.eq(at),
                tours::search_key.eq(search_keys(&[&self.code, &self.name])),
            ))
            .returning(tours::id)
            .get_result(conn)
            .map(TourId)
            .expect("inserting a tour")
    }
}

/// A quoted group of 20 paying pax, 1 FOC and 1 tour leader, leaving on 1 March 2026.
pub struct GroupBuilder {
    new: NewGroup,
}

impl GroupBuilder {
    pub fn new(tour: TourId, agency: AgencyId) -> GroupBuilder {
        GroupBuilder {
            new: NewGroup {
                tour_id: tour,
                agency_id: agency,
                quotation_version_id: None,
                starts_on: date(2026, 3, 1),
                ends_on: None,
                market: String::new(),
                pax: Pax::new(20, 1, 1).expect("pax"),
                status: GroupStatus::Quoted,
                notes: String::new(),
            },
        }
    }

    pub fn starts_on(mut self, day: NaiveDate) -> GroupBuilder {
        self.new.starts_on = day;
        self
    }

    pub fn paying(mut self, paying: i32) -> GroupBuilder {
        self.new.pax =
            Pax::new(paying, self.new.pax.foc(), self.new.pax.tour_leaders()).expect("pax");
        self
    }

    /// Creates the group in a write transaction of its own.
    pub fn try_insert(&self, conn: &mut AnyConnection) -> Result<(GroupId, String), WriteError> {
        db::write(conn, |conn| groups::create(conn, &Actor::cli(), &self.new))
    }

    pub fn insert(self, conn: &mut AnyConnection) -> (GroupId, String) {
        self.try_insert(conn).expect("creating a group")
    }
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a date")
}
