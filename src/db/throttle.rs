//! Failed sign-ins, counted in the database so that a restart does not reset them.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::AnyConnection;
use super::schema::sign_in_failures;

/// What a failure is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The e-mail address typed in, whether or not such a user exists.
    Account,
    /// The client's address.
    Address,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::Account => "account",
            Scope::Address => "address",
        }
    }
}

pub fn record_failure(
    conn: &mut AnyConnection,
    scope: Scope,
    subject: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(sign_in_failures::table)
        .values((
            sign_in_failures::scope.eq(scope.as_str()),
            sign_in_failures::subject.eq(subject),
            sign_in_failures::failed_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Failures since `since`, and the latest of them.
pub fn failures_since(
    conn: &mut AnyConnection,
    scope: Scope,
    subject: &str,
    since: NaiveDateTime,
) -> QueryResult<(i64, Option<NaiveDateTime>)> {
    let recent = sign_in_failures::table
        .filter(sign_in_failures::scope.eq(scope.as_str()))
        .filter(sign_in_failures::subject.eq(subject))
        .filter(sign_in_failures::failed_at.gt(since));
    let count = recent.count().get_result(conn)?;
    let latest = recent
        .select(sign_in_failures::failed_at)
        .order(sign_in_failures::failed_at.desc())
        .first(conn)
        .optional()?;
    Ok((count, latest))
}

/// Forgets an account's failures after a successful sign-in or a password reset.
pub fn clear(conn: &mut AnyConnection, scope: Scope, subject: &str) -> QueryResult<usize> {
    diesel::delete(
        sign_in_failures::table
            .filter(sign_in_failures::scope.eq(scope.as_str()))
            .filter(sign_in_failures::subject.eq(subject)),
    )
    .execute(conn)
}

/// Drops failures too old to matter, keeping the table small.
pub fn prune(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sign_in_failures::table.filter(sign_in_failures::failed_at.lt(before)))
        .execute(conn)
}
