//! The append-only audit log. UPDATE and DELETE are refused by triggers in the database.
//!
//! **Invariant:** a change to business data and its audit row are written in one transaction.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{audit_log, users};
use super::users::UserId;
use super::{AnyConnection, now};

/// One audit row to append.
#[derive(Debug, Default)]
pub struct Entry<'a> {
    pub user_id: Option<UserId>,
    /// Who acted, as shown later: an e-mail, or `cli` for the admin command line.
    pub actor: Option<&'a str>,
    /// A dotted action name such as `user.create` or `sign-in.failed`.
    pub action: &'a str,
    pub entity: Option<&'a str>,
    pub entity_id: Option<String>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub client_addr: Option<&'a str>,
}

pub fn record(conn: &mut AnyConnection, entry: &Entry<'_>) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(now()),
            audit_log::user_id.eq(entry.user_id.map(|u| u.0)),
            audit_log::actor.eq(entry.actor),
            audit_log::action.eq(entry.action),
            audit_log::entity.eq(entry.entity),
            audit_log::entity_id.eq(entry.entity_id.as_deref()),
            audit_log::before_json.eq(entry.before.as_ref().map(|v| v.to_string())),
            audit_log::after_json.eq(entry.after.as_ref().map(|v| v.to_string())),
            audit_log::client_addr.eq(entry.client_addr),
        ))
        .execute(conn)
        .map(|_| ())
}

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
                    .like(format!("{}%", super::users::escape_like(a)))
                    .escape('\\'),
            );
        }
        if let Some(from) = filter.from {
            q = q.filter(audit_log::at.ge(from));
        }
        if let Some(until) = filter.until {
            q = q.filter(audit_log::at.lt(until));
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
