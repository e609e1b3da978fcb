//! Groups (departures): creating one from a tour — its code allocated in the creating
//! transaction — reading it, moving it through its statuses, and the list and calendar reads
//! (`list`).
//!
//! **Invariant:** group codes are gapless per year of departure: [`create`] takes the number
//! from `db::sequences` inside the caller's write transaction and formats it with the tenant's
//! pattern, so a creation rolled back gives its number back.
//! **Invariant:** a group changes status only by [`change_status`], which reads the status
//! inside the write transaction, lets `domain::groups::status::transition` decide, writes only
//! if the status is still the one read, and audits before and after.

pub mod list;

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::db::audit::{self, Actor, Change, Entity, Verb};
use crate::db::master::corrupt;
use crate::db::schema::{agencies, tour_groups, tours};
use crate::db::sequences::{self, Sequence};
use crate::db::{AnyConnection, now, settings};
use crate::domain::groups::status::{self, GroupStatus, StatusError};
use crate::domain::groups::{self, GroupError, Pax};
use crate::domain::ids::{AgencyId, GroupId, QuotationVersionId, TourId};
use crate::domain::message::{Message, Refusal};
use crate::domain::text::search_keys;

/// Why a group's write did not happen.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Rule(#[from] GroupError),
    #[error(transparent)]
    Status(#[from] StatusError),
    #[error("no such group")]
    NotFound,
    /// Another writer changed the group's status between the read and the write.
    #[error("the group changed meanwhile")]
    Changed,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

impl Refusal for WriteError {
    fn refusal(&self) -> Option<Message> {
        match self {
            WriteError::Rule(e) => Some(e.message()),
            WriteError::Status(e) => Some(e.message()),
            WriteError::Changed => Some(Message::new("groups-error-changed")),
            WriteError::NotFound | WriteError::Db(_) | WriteError::Unavailable(_) => None,
        }
    }
}

/// A group to create, from a tour (the group page's form) or an accepted quotation version.
#[derive(Debug, Clone)]
pub struct NewGroup {
    pub tour_id: TourId,
    pub agency_id: AgencyId,
    /// The quotation version the group was sold from, if it was.
    pub quotation_version_id: Option<QuotationVersionId>,
    pub starts_on: NaiveDate,
    /// The last day; `None` for the tour's length (`starts_on` + days − 1).
    pub ends_on: Option<NaiveDate>,
    /// The market; empty for the tour's, or else the client agency's.
    pub market: String,
    pub pax: Pax,
    /// Quoted or confirmed (a group sold from an accepted version starts confirmed).
    pub status: GroupStatus,
    pub notes: String,
}

/// What a group's pages show of its tour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TourFacts {
    pub id: TourId,
    pub code: String,
    pub name: String,
    pub days: i32,
    pub nights: i32,
    pub min_pax: i32,
    pub market: String,
    pub archived: bool,
}

/// A stored group with its tour's facts and its agency's name.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: GroupId,
    pub code: String,
    pub tour: TourFacts,
    pub agency_id: AgencyId,
    pub agency_name: String,
    pub quotation_version_id: Option<QuotationVersionId>,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub market: String,
    pub pax_paying: i32,
    pub pax_foc: i32,
    pub tour_leaders: i32,
    pub status: GroupStatus,
    pub cancel_reason: String,
    pub notes: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Group {
    /// Everyone on the trip: paying, FOC and tour leaders.
    pub fn pax_total(&self) -> i32 {
        self.pax_paying + self.pax_foc + self.tour_leaders
    }
}

/// The status stored in a row, or the row is corrupt.
pub(crate) fn status_of(word: &str) -> QueryResult<GroupStatus> {
    GroupStatus::parse(word).ok_or_else(|| corrupt("group status", word))
}

type TourColumns = (
    tours::id,
    tours::code,
    tours::name,
    tours::days,
    tours::nights,
    tours::min_pax,
    tours::market,
    tours::archived,
);

const TOUR_COLUMNS: TourColumns = (
    tours::id,
    tours::code,
    tours::name,
    tours::days,
    tours::nights,
    tours::min_pax,
    tours::market,
    tours::archived,
);

type TourTuple = (i64, String, String, i32, i32, i32, String, bool);

fn tour_facts(t: TourTuple) -> TourFacts {
    TourFacts {
        id: TourId(t.0),
        code: t.1,
        name: t.2,
        days: t.3,
        nights: t.4,
        min_pax: t.5,
        market: t.6,
        archived: t.7,
    }
}

/// A tour's facts, read straight from `tours` (the tours area owns its writes).
pub fn find_tour(conn: &mut AnyConnection, id: TourId) -> QueryResult<Option<TourFacts>> {
    tours::table
        .find(id.0)
        .select(TOUR_COLUMNS)
        .first::<TourTuple>(conn)
        .optional()
        .map(|t| t.map(tour_facts))
}

/// Creates a group inside the caller's write transaction: checks its dates, tour and agency,
/// fills the end date and market it was not given, takes the next number of the year it
/// starts in and formats it with the tenant's pattern, inserts and audits. Returns its id and
/// code. Quotations call it too, from the transaction that accepts a version.
pub fn create(
    conn: &mut AnyConnection,
    actor: &Actor,
    new: &NewGroup,
) -> Result<(GroupId, String), WriteError> {
    if !matches!(new.status, GroupStatus::Quoted | GroupStatus::Confirmed) {
        return Err(GroupError::InitialStatus.into());
    }
    let tour = find_tour(conn, new.tour_id)?.ok_or(GroupError::UnknownTour)?;
    if tour.archived {
        return Err(GroupError::TourArchived.into());
    }
    let (agency_name, agency_market, agency_archived): (String, String, bool) = agencies::table
        .find(new.agency_id.0)
        .select((agencies::name, agencies::market, agencies::archived))
        .first(conn)
        .optional()?
        .ok_or(GroupError::UnknownAgency)?;
    if agency_archived {
        return Err(GroupError::AgencyArchived.into());
    }
    let ends_on = new
        .ends_on
        .unwrap_or_else(|| groups::default_end(new.starts_on, tour.days));
    groups::check_dates(new.starts_on, ends_on)?;
    let market = [
        new.market.trim(),
        tour.market.as_str(),
        agency_market.as_str(),
    ]
    .into_iter()
    .find(|m| !m.is_empty())
    .unwrap_or_default()
    .to_owned();
    let year = new.starts_on.year();
    let pattern = settings::group_pattern(conn)?;
    let code = pattern.format(year, sequences::next(conn, Sequence::Group, year)?);
    // A pattern without the year repeats last year's codes: refused before the insert, which
    // would abort the caller's whole transaction on PostgreSQL.
    let taken = tour_groups::table
        .filter(tour_groups::code.eq(&code))
        .select(tour_groups::id)
        .first::<i64>(conn)
        .optional()?;
    if taken.is_some() {
        return Err(GroupError::CodeTaken { code }.into());
    }
    let at = now();
    let pax = new.pax;
    let id = diesel::insert_into(tour_groups::table)
        .values((
            tour_groups::code.eq(&code),
            tour_groups::tour_id.eq(tour.id.0),
            tour_groups::agency_id.eq(new.agency_id.0),
            tour_groups::quotation_version_id.eq(new.quotation_version_id.map(|v| v.0)),
            tour_groups::starts_on.eq(new.starts_on),
            tour_groups::ends_on.eq(ends_on),
            tour_groups::market.eq(&market),
            tour_groups::pax_paying.eq(pax.paying()),
            tour_groups::pax_foc.eq(pax.foc()),
            tour_groups::tour_leaders.eq(pax.tour_leaders()),
            tour_groups::status.eq(new.status.as_str()),
            tour_groups::notes.eq(&new.notes),
            tour_groups::created_at.eq(at),
            tour_groups::updated_at.eq(at),
            tour_groups::search_key.eq(search_keys(&[&code, &tour.name, &agency_name])),
        ))
        .returning(tour_groups::id)
        .get_result::<i64>(conn)
        .map(GroupId)?;
    let after = serde_json::json!({
        "code": code,
        "tour": tour.id.0,
        "tour_name": tour.name,
        "agency": new.agency_id.0,
        "agency_name": agency_name,
        "quotation_version": new.quotation_version_id.map(|v| v.0),
        "starts_on": new.starts_on,
        "ends_on": ends_on,
        "market": market,
        "pax_paying": pax.paying(),
        "pax_foc": pax.foc(),
        "tour_leaders": pax.tour_leaders(),
        "status": new.status.as_str(),
        "notes": new.notes,
    });
    audit::record_change(conn, actor, Change::create(Entity::Group, id, after))?;
    Ok((id, code))
}

type GroupTuple = (
    (
        i64,
        String,
        i64,
        Option<i64>,
        NaiveDate,
        NaiveDate,
        String,
        i32,
        i32,
        i32,
        String,
        String,
        String,
        NaiveDateTime,
        NaiveDateTime,
    ),
    TourTuple,
    String,
);

/// The group with this id, with its tour's facts and agency's name.
pub fn find(conn: &mut AnyConnection, id: GroupId) -> QueryResult<Option<Group>> {
    let row: Option<GroupTuple> = tour_groups::table
        .inner_join(tours::table)
        .inner_join(agencies::table)
        .filter(tour_groups::id.eq(id.0))
        .select((
            (
                tour_groups::id,
                tour_groups::code,
                tour_groups::agency_id,
                tour_groups::quotation_version_id,
                tour_groups::starts_on,
                tour_groups::ends_on,
                tour_groups::market,
                tour_groups::pax_paying,
                tour_groups::pax_foc,
                tour_groups::tour_leaders,
                tour_groups::status,
                tour_groups::cancel_reason,
                tour_groups::notes,
                tour_groups::created_at,
                tour_groups::updated_at,
            ),
            TOUR_COLUMNS,
            agencies::name,
        ))
        .first(conn)
        .optional()?;
    let Some((g, tour, agency_name)) = row else {
        return Ok(None);
    };
    Ok(Some(Group {
        id: GroupId(g.0),
        code: g.1,
        tour: tour_facts(tour),
        agency_id: AgencyId(g.2),
        agency_name,
        quotation_version_id: g.3.map(QuotationVersionId),
        starts_on: g.4,
        ends_on: g.5,
        market: g.6,
        pax_paying: g.7,
        pax_foc: g.8,
        tour_leaders: g.9,
        status: status_of(&g.10)?,
        cancel_reason: g.11,
        notes: g.12,
        created_at: g.13,
        updated_at: g.14,
    }))
}

/// Moves group `id` to `to` inside the caller's write transaction, if the domain allows the
/// move from the status read here (cancelling needs a `reason`); audited with the status
/// before and after. Returns the status it left.
pub fn change_status(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: GroupId,
    to: GroupStatus,
    reason: &str,
) -> Result<GroupStatus, WriteError> {
    let (word, code): (String, String) = tour_groups::table
        .find(id.0)
        .select((tour_groups::status, tour_groups::code))
        .first(conn)
        .optional()?
        .ok_or(WriteError::NotFound)?;
    let from = status_of(&word)?;
    let reason = status::transition(from, to, reason)?;
    // Written only while the status is still the one read: on PostgreSQL a concurrent move
    // waits on the row and then finds nothing to update.
    let updated = diesel::update(
        tour_groups::table
            .filter(tour_groups::id.eq(id.0))
            .filter(tour_groups::status.eq(from.as_str())),
    )
    .set((
        tour_groups::status.eq(to.as_str()),
        tour_groups::cancel_reason.eq(&reason),
        tour_groups::updated_at.eq(now()),
    ))
    .execute(conn)?;
    if updated != 1 {
        return Err(WriteError::Changed);
    }
    let mut after = serde_json::json!({ "code": code, "status": to.as_str() });
    if to == GroupStatus::Cancelled {
        after["cancel_reason"] = serde_json::Value::String(reason);
    }
    audit::record_change(
        conn,
        actor,
        Change::new(Entity::Group, Verb::ChangeStatus, id)
            .before(serde_json::json!({ "code": code, "status": from.as_str() }))
            .after(after),
    )?;
    Ok(from)
}
