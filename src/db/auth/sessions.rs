//! Server-side sessions. The cookie holds a random token; the table holds only its keyed hash.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::audit::{self, Entry, Event};
use crate::db::auth::throttle;
use crate::db::auth::users::{User, UserRow};
use crate::db::schema::{sessions, users};
use crate::domain::ids::{SessionId, UserId};

#[derive(Debug, Clone)]
pub struct Session {
    pub id: SessionId,
    pub csrf_token: String,
    pub last_seen_at: NaiveDateTime,
}

pub struct NewSession<'a> {
    pub token_hash: &'a str,
    pub user_id: UserId,
    pub csrf_token: &'a str,
    pub at: NaiveDateTime,
}

pub fn insert(conn: &mut AnyConnection, new: &NewSession<'_>) -> QueryResult<()> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(new.token_hash),
            sessions::user_id.eq(new.user_id.0),
            sessions::csrf_token.eq(new.csrf_token),
            sessions::created_at.eq(new.at),
            sessions::last_seen_at.eq(new.at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Session validity limits: both are measured back from `now`.
pub struct Limits {
    pub now: NaiveDateTime,
    pub idle_since: NaiveDateTime,
    pub created_since: NaiveDateTime,
}

/// The live session for this token hash and its user: not revoked, not idle too long, not
/// too old, and its user not disabled.
pub fn find_live(
    conn: &mut AnyConnection,
    token_hash: &str,
    limits: &Limits,
) -> QueryResult<Option<(Session, User)>> {
    let row: Option<(i64, String, NaiveDateTime, UserRow)> = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(token_hash))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::last_seen_at.gt(limits.idle_since))
        .filter(sessions::created_at.gt(limits.created_since))
        .filter(users::disabled.eq(false))
        .select((
            sessions::id,
            sessions::csrf_token,
            sessions::last_seen_at,
            UserRow::as_select(),
        ))
        .first(conn)
        .optional()?;
    match row {
        Some((id, csrf_token, last_seen_at, user)) => Ok(Some((
            Session {
                id: SessionId(id),
                csrf_token,
                last_seen_at,
            },
            user.into_user()?,
        ))),
        None => Ok(None),
    }
}

pub fn touch(conn: &mut AnyConnection, id: SessionId, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id.0))
        .set(sessions::last_seen_at.eq(at))
        .execute(conn)
}

pub fn revoke(conn: &mut AnyConnection, id: SessionId, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .find(id.0)
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(at))
    .execute(conn)
}

/// Revokes every live session of a user (disabled, or password reset).
pub fn revoke_all_for_user(
    conn: &mut AnyConnection,
    user_id: UserId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id.0))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(at))
    .execute(conn)
}

/// Revokes the user's other sessions, keeping the one in use (after a password change).
pub fn revoke_others(
    conn: &mut AnyConnection,
    user_id: UserId,
    keep: SessionId,
    at: NaiveDateTime,
) -> QueryResult<usize> {
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id.0))
            .filter(sessions::id.ne(keep.0))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(at))
    .execute(conn)
}

/// How a sign-in ended, for [`record_sign_in`].
pub enum SignInEnd<'a> {
    /// Over the throttle's limit: no password was checked.
    Throttled,
    /// A wrong password, an unknown e-mail or a disabled account.
    Refused { disabled: bool },
    /// The right password: a session with `token_hash` replaces `replaces`, and the attempt
    /// stops counting against the throttle.
    SignedIn {
        user: UserId,
        token_hash: &'a str,
        csrf_token: &'a str,
        attempt: &'a throttle::Attempt,
        replaces: Option<SessionId>,
    },
}

/// Records a sign-in in one write transaction: the new session (revoking the one it replaces)
/// and the audit row. A throttled sign-in is audited within the anonymous refusal budget, so
/// that hammering a throttled account cannot grow the log without bound.
pub fn record_sign_in(
    conn: &mut AnyConnection,
    user: Option<UserId>,
    email: &str,
    client_addr: &str,
    end: SignInEnd<'_>,
) -> QueryResult<()> {
    let now = crate::db::now();
    let event = match &end {
        SignInEnd::Throttled => Event::SignInThrottled,
        SignInEnd::Refused { disabled: true } => Event::SignInRefusedDisabled,
        SignInEnd::Refused { disabled: false } => Event::SignInFailed,
        SignInEnd::SignedIn { .. } => Event::SignIn,
    };
    let entry = Entry::event(event, user, Some(email), client_addr);
    match end {
        SignInEnd::Throttled => {
            audit::record_anonymous(conn, &entry, client_addr, now)?;
            return Ok(());
        }
        SignInEnd::Refused { .. } => {}
        SignInEnd::SignedIn {
            user,
            token_hash,
            csrf_token,
            attempt,
            replaces,
        } => {
            if let Some(old) = replaces {
                revoke(conn, old, now)?;
            }
            let new = NewSession {
                token_hash,
                user_id: user,
                csrf_token,
                at: now,
            };
            insert(conn, &new)?;
            throttle::succeeded(conn, attempt)?;
        }
    }
    audit::record(conn, &entry)
}

/// Ends session `id` of `user` and audits it.
pub fn sign_out(
    conn: &mut AnyConnection,
    id: SessionId,
    user: UserId,
    email: &str,
    client_addr: &str,
) -> QueryResult<()> {
    revoke(conn, id, crate::db::now())?;
    let entry = Entry::event(Event::SignOut, Some(user), Some(email), client_addr);
    audit::record(conn, &entry)
}

/// When each of `users` last signed in (their newest session), for those who ever did.
pub fn last_sign_ins(
    conn: &mut AnyConnection,
    users: &[UserId],
) -> QueryResult<std::collections::HashMap<UserId, NaiveDateTime>> {
    let ids: Vec<i64> = users.iter().map(|u| u.0).collect();
    let rows: Vec<(i64, Option<NaiveDateTime>)> = sessions::table
        .filter(sessions::user_id.eq_any(ids))
        .group_by(sessions::user_id)
        .select((sessions::user_id, diesel::dsl::max(sessions::created_at)))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, at)| Some((UserId(id), at?)))
        .collect())
}
