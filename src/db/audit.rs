//! The append-only audit log. UPDATE and DELETE are refused by triggers in the database.
//!
//! **Invariant:** a change to business data and its audit row are written in one transaction.

use chrono::{NaiveDateTime, Timelike};
use diesel::prelude::*;

use super::schema::{anonymous_refusals, audit_log, users};
use super::{AnyConnection, now};
use crate::domain::ids::UserId;

/// What kind of record a change is about; its name is the first half of the action
/// (`agency.update`) and the `entity` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entity {
    User,
    Supplier,
    RoomType,
    RoomRate,
    HotelContract,
    Peak,
    Allotment,
    Vehicle,
    Guide,
    Agency,
    Contact,
    ExchangeRate,
    ImportBatch,
    Tour,
    TourDay,
    TourLine,
    Costing,
    Quotation,
    Group,
    Tenant,
    Demo,
}

impl Entity {
    /// The action prefix (`room-type`).
    pub fn action_name(self) -> &'static str {
        match self {
            Entity::User => "user",
            Entity::Supplier => "supplier",
            Entity::RoomType => "room-type",
            Entity::RoomRate => "room-rate",
            Entity::HotelContract => "hotel-contract",
            Entity::Peak => "peak",
            Entity::Allotment => "allotment",
            Entity::Vehicle => "vehicle",
            Entity::Guide => "guide",
            Entity::Agency => "agency",
            Entity::Contact => "contact",
            Entity::ExchangeRate => "exchange-rate",
            Entity::ImportBatch => "import",
            Entity::Tour => "tour",
            Entity::TourDay => "tour-day",
            Entity::TourLine => "tour-line",
            Entity::Costing => "costing",
            Entity::Quotation => "quotation",
            Entity::Group => "group",
            Entity::Tenant => "tenant",
            Entity::Demo => "demo",
        }
    }

    /// The `entity` column (`room_type`).
    pub fn column_name(self) -> &'static str {
        match self {
            Entity::RoomType => "room_type",
            Entity::RoomRate => "room_rate",
            Entity::HotelContract => "hotel_contract",
            Entity::ExchangeRate => "exchange_rate",
            Entity::ImportBatch => "import_batch",
            Entity::TourDay => "tour_day",
            Entity::TourLine => "tour_line",
            other => other.action_name(),
        }
    }
}

/// What was done to a record; its name is the second half of the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Create,
    Update,
    /// A record removed for good (an exchange rate no document used).
    Delete,
    Archive,
    Restore,
    Disable,
    Enable,
    ResetPassword,
    SetPassword,
    ChangePassword,
    ChangeLocale,
    ChangeYearStyle,
    ChangeTimeZone,
    Commit,
    Provision,
    Seed,
    /// A record made as a copy of another (a tour).
    Copy,
    /// Parts of a record put in another order (a tour's days or lines).
    Reorder,
    /// A record moved to another status (a quotation version sent, a group confirmed).
    ChangeStatus,
}

impl Verb {
    pub fn name(self) -> &'static str {
        match self {
            Verb::Create => "create",
            Verb::Update => "update",
            Verb::Delete => "delete",
            Verb::Archive => "archive",
            Verb::Restore => "restore",
            Verb::Disable => "disable",
            Verb::Enable => "enable",
            Verb::ResetPassword => "reset-password",
            Verb::SetPassword => "set-password",
            Verb::ChangePassword => "change-password",
            Verb::ChangeLocale => "change-locale",
            Verb::ChangeYearStyle => "change-year-style",
            Verb::ChangeTimeZone => "change-time-zone",
            Verb::Commit => "commit",
            Verb::Provision => "provision",
            Verb::Seed => "seed",
            Verb::Copy => "copy",
            Verb::Reorder => "reorder",
            Verb::ChangeStatus => "change-status",
        }
    }
}

/// An event of signing in and out, or a refused request, audited without a record changing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    SignIn,
    SignInFailed,
    SignInThrottled,
    SignInRefusedDisabled,
    SignOut,
    RefusedForeignOrigin,
    RefusedCsrfMissing,
    RefusedCsrfWrong,
    RefusedFormTooLarge,
    RefusedPermission,
}

impl Event {
    pub fn name(self) -> &'static str {
        match self {
            Event::SignIn => "sign-in",
            Event::SignInFailed => "sign-in.failed",
            Event::SignInThrottled => "sign-in.throttled",
            Event::SignInRefusedDisabled => "sign-in.refused-disabled",
            Event::SignOut => "sign-out",
            Event::RefusedForeignOrigin => "refused.foreign-origin",
            Event::RefusedCsrfMissing => "refused.csrf-missing",
            Event::RefusedCsrfWrong => "refused.csrf-wrong",
            Event::RefusedFormTooLarge => "refused.form-too-large",
            Event::RefusedPermission => "refused.permission",
        }
    }
}

/// The action of an audit row: a change to a record, or an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Change(Entity, Verb),
    Event(Event),
}

impl Action {
    /// The dotted name stored (`agency.update`, `sign-in.failed`).
    pub fn name(self) -> String {
        match self {
            Action::Change(entity, verb) => format!("{}.{}", entity.action_name(), verb.name()),
            Action::Event(event) => event.name().to_owned(),
        }
    }
}

/// Who changes business data, as the audit log records them.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<UserId>,
    /// An e-mail, or `cli` for the admin command line.
    pub name: String,
    pub client_addr: Option<String>,
}

impl Actor {
    /// The admin command line.
    pub fn cli() -> Actor {
        Actor {
            user_id: None,
            name: "cli".to_owned(),
            client_addr: None,
        }
    }
}

/// A change to one record: what, which, and its state before and after as JSON.
#[derive(Debug, Clone)]
pub struct Change {
    pub entity: Entity,
    pub verb: Verb,
    pub id: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

impl Change {
    pub fn new(entity: Entity, verb: Verb, id: impl ToString) -> Change {
        Change {
            entity,
            verb,
            id: id.to_string(),
            before: None,
            after: None,
        }
    }

    pub fn create(entity: Entity, id: impl ToString, after: serde_json::Value) -> Change {
        Change::new(entity, Verb::Create, id).after(after)
    }

    pub fn update(
        entity: Entity,
        id: impl ToString,
        before: serde_json::Value,
        after: serde_json::Value,
    ) -> Change {
        Change::new(entity, Verb::Update, id)
            .before(before)
            .after(after)
    }

    /// Archiving (`archived`) or restoring a record.
    pub fn archived(entity: Entity, id: impl ToString, archived: bool) -> Change {
        let verb = if archived {
            Verb::Archive
        } else {
            Verb::Restore
        };
        Change::new(entity, verb, id)
            .before(serde_json::json!({ "archived": !archived }))
            .after(serde_json::json!({ "archived": archived }))
    }

    pub fn before(mut self, before: serde_json::Value) -> Change {
        self.before = Some(before);
        self
    }

    pub fn after(mut self, after: serde_json::Value) -> Change {
        self.after = Some(after);
        self
    }
}

/// Appends the audit row of `change` made by `actor`. Call it inside the write transaction
/// that makes the change, after loading the record there.
pub fn record_change(conn: &mut AnyConnection, actor: &Actor, change: Change) -> QueryResult<()> {
    record(
        conn,
        &Entry {
            user_id: actor.user_id,
            actor: Some(&actor.name),
            action: Action::Change(change.entity, change.verb),
            entity: Some(change.entity.column_name()),
            entity_id: Some(change.id),
            before: change.before,
            after: change.after,
            client_addr: actor.client_addr.as_deref(),
        },
    )
}

/// One audit row to append; business changes go through [`record_change`], events start
/// from [`Entry::event`].
#[derive(Debug)]
pub struct Entry<'a> {
    pub user_id: Option<UserId>,
    /// Who acted, as shown later: an e-mail, or `cli` for the admin command line.
    pub actor: Option<&'a str>,
    pub action: Action,
    pub entity: Option<&'a str>,
    pub entity_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub client_addr: Option<&'a str>,
}

impl<'a> Entry<'a> {
    /// An event by `actor` (an e-mail as typed, for sign-ins), from `client_addr`.
    pub fn event(
        event: Event,
        user_id: Option<UserId>,
        actor: Option<&'a str>,
        client_addr: &'a str,
    ) -> Entry<'a> {
        Entry {
            user_id,
            actor,
            action: Action::Event(event),
            entity: None,
            entity_id: None,
            before: None,
            after: None,
            client_addr: Some(client_addr),
        }
    }
}

/// Longest actor, entity id or client address kept; longer text (a 7 KB path, a pasted
/// "e-mail") is cut with an ellipsis.
pub const MAX_FIELD_CHARS: usize = 256;

/// At most this many refusals of requests without a session are audited per client address
/// and minute...
pub const ANONYMOUS_PER_ADDRESS_PER_MINUTE: i64 = 5;
/// ...and this many in all per minute, whatever the addresses; the rest are only counted.
pub const ANONYMOUS_PER_MINUTE: i64 = 60;

/// `text` cut to [`MAX_FIELD_CHARS`] characters, control characters shown as `\u{fffd}`.
pub fn bounded(text: &str) -> std::borrow::Cow<'_, str> {
    let cut = text.char_indices().nth(MAX_FIELD_CHARS).map(|(at, _)| at);
    if cut.is_none() && !text.chars().any(char::is_control) {
        return text.into();
    }
    let kept = &text[..cut.unwrap_or(text.len())];
    let mut out: String = kept
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if cut.is_some() {
        out.push('…');
    }
    out.into()
}

pub fn record(conn: &mut AnyConnection, entry: &Entry<'_>) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(now()),
            audit_log::user_id.eq(entry.user_id.map(|u| u.0)),
            audit_log::actor.eq(entry.actor.map(bounded)),
            audit_log::action.eq(entry.action.name()),
            audit_log::entity.eq(entry.entity),
            audit_log::entity_id.eq(entry.entity_id.as_deref().map(bounded)),
            audit_log::before_json.eq(entry.before.as_ref().map(|v| v.to_string())),
            audit_log::after_json.eq(entry.after.as_ref().map(|v| v.to_string())),
            audit_log::client_addr.eq(entry.client_addr.map(bounded)),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Audits a refusal of a request without a session unless this minute's budget — per
/// `client_addr` and in all — is spent; counts it either way. Returns whether it was audited.
/// Run it inside a write transaction.
pub fn record_anonymous(
    conn: &mut AnyConnection,
    entry: &Entry<'_>,
    client_addr: &str,
    at: NaiveDateTime,
) -> QueryResult<bool> {
    let minute = at
        .with_second(0)
        .and_then(|t| t.with_nanosecond(0))
        .unwrap_or(at);
    if bump(conn, "*", minute)? > ANONYMOUS_PER_MINUTE {
        return Ok(false);
    }
    if bump(conn, &bounded(client_addr), minute)? > ANONYMOUS_PER_ADDRESS_PER_MINUTE {
        return Ok(false);
    }
    record(conn, entry)?;
    Ok(true)
}

/// Adds one to the counter of `client_addr` for `minute`, returning the new count.
fn bump(conn: &mut AnyConnection, client_addr: &str, minute: NaiveDateTime) -> QueryResult<i64> {
    let counter = || {
        anonymous_refusals::table
            .filter(anonymous_refusals::client_addr.eq(client_addr))
            .filter(anonymous_refusals::minute.eq(minute))
    };
    let updated: Option<i64> = diesel::update(counter())
        .set(anonymous_refusals::count.eq(anonymous_refusals::count + 1))
        .returning(anonymous_refusals::count)
        .get_result(conn)
        .optional()?;
    if let Some(count) = updated {
        return Ok(count);
    }
    // A savepoint: on PostgreSQL a concurrent request may have inserted the row first, and
    // the failed insert must not abort the surrounding transaction.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(anonymous_refusals::table)
            .values((
                anonymous_refusals::client_addr.eq(client_addr),
                anonymous_refusals::minute.eq(minute),
                anonymous_refusals::count.eq(1i64),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(1),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => diesel::update(counter())
            .set(anonymous_refusals::count.eq(anonymous_refusals::count + 1))
            .returning(anonymous_refusals::count)
            .get_result(conn),
        Err(e) => Err(e),
    }
}

/// Drops refusal counters of minutes before `before`.
pub fn prune_refusal_counters(
    conn: &mut AnyConnection,
    before: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::delete(anonymous_refusals::table.filter(anonymous_refusals::minute.lt(before)))
        .execute(conn)
}

/// The `entity` of a refused request's row, whose `entity_id` is the refused path.
pub const REFUSED_PATH: &str = "path";

#[derive(Debug, Clone, Queryable)]
pub struct Row {
    pub id: i64,
    pub at: NaiveDateTime,
    pub user_id: Option<i64>,
    pub actor: Option<String>,
    pub action: String,
    pub entity: Option<String>,
    pub entity_id: Option<String>,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
    pub client_addr: Option<String>,
    pub user_name: Option<String>,
}

#[derive(Debug, Default)]
pub struct Filter {
    pub user_id: Option<UserId>,
    /// Matches actions starting with this text (`user.` finds every user action).
    pub action: Option<String>,
    pub from: Option<NaiveDateTime>,
    /// Exclusive upper bound.
    pub until: Option<NaiveDateTime>,
    /// Only changes to records, leaving out sign-ins and refused requests.
    pub changes_only: bool,
    pub offset: i64,
    pub limit: i64,
}

/// One page of audit rows, newest first, and how many match in all.
pub fn list(conn: &mut AnyConnection, filter: &Filter) -> QueryResult<(Vec<Row>, i64)> {
    let filtered = || {
        let mut q = audit_log::table.left_join(users::table).into_boxed();
        if let Some(u) = filter.user_id {
            q = q.filter(audit_log::user_id.eq(u.0));
        }
        if let Some(a) = filter.action.as_deref().filter(|a| !a.is_empty()) {
            q = q.filter(
                audit_log::action
                    .like(format!("{}%", super::search::escape_like(a)))
                    .escape('\\'),
            );
        }
        if let Some(from) = filter.from {
            q = q.filter(audit_log::at.ge(from));
        }
        if let Some(until) = filter.until {
            q = q.filter(audit_log::at.lt(until));
        }
        if filter.changes_only {
            // `record_change` always names the entity; events name none, refused requests
            // the refused `path`.
            q = q.filter(
                audit_log::entity
                    .is_not_null()
                    .and(audit_log::entity.ne(REFUSED_PATH)),
            );
        }
        q
    };
    let total = filtered().count().get_result(conn)?;
    let rows = filtered()
        .select((
            audit_log::id,
            audit_log::at,
            audit_log::user_id,
            audit_log::actor,
            audit_log::action,
            audit_log::entity,
            audit_log::entity_id,
            audit_log::before_json,
            audit_log::after_json,
            audit_log::client_addr,
            users::display_name.nullable(),
        ))
        .order(audit_log::id.desc())
        .offset(filter.offset)
        .limit(filter.limit)
        .load(conn)?;
    Ok((rows, total))
}

/// The distinct action names in the log, for the filter's drop-down.
pub fn actions(conn: &mut AnyConnection) -> QueryResult<Vec<String>> {
    audit_log::table
        .select(audit_log::action)
        .distinct()
        .order(audit_log::action.asc())
        .load(conn)
}
