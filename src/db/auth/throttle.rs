//! Password checks (sign-in, and the current password when changing it), counted in the
//! database so that a restart does not reset them.
//!
//! An attempt is recorded — and committed — **before** its password is checked, and only then
//! are the attempts within the window counted. Whatever the concurrency, the k-th attempt to
//! commit sees at least k rows, so at most the limit of attempts ever see a count within it
//! and reach the password check: no lock is needed, on SQLite or PostgreSQL. An attempt
//! found over the limit withdraws its own rows (the failures already recorded keep the
//! account throttled), a failed one leaves them as the failure record, and a successful one
//! clears the account's.
//!
//! **Invariant:** within one window, at most `max_per_account` checks of one account's
//! password and `max_per_address` checks from one address are ever made.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::sign_in_failures;
use crate::domain::auth::sign_in::Failures;

/// What an attempt is counted against.
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

/// An attempt recorded before its password is checked: its two rows.
#[derive(Debug, Clone)]
pub struct Attempt {
    account: String,
    account_row: i64,
    address_row: i64,
}

fn insert(
    conn: &mut AnyConnection,
    scope: Scope,
    subject: &str,
    at: NaiveDateTime,
) -> QueryResult<i64> {
    diesel::insert_into(sign_in_failures::table)
        .values((
            sign_in_failures::scope.eq(scope.as_str()),
            sign_in_failures::subject.eq(subject),
            sign_in_failures::failed_at.eq(at),
        ))
        .returning(sign_in_failures::id)
        .get_result(conn)
}

/// Records an attempt on `account` from `address`. Commit it before calling [`counts`].
pub fn begin(
    conn: &mut AnyConnection,
    account: &str,
    address: &str,
    at: NaiveDateTime,
) -> QueryResult<Attempt> {
    Ok(Attempt {
        account: account.to_owned(),
        account_row: insert(conn, Scope::Account, account, at)?,
        address_row: insert(conn, Scope::Address, address, at)?,
    })
}

/// The attempts since `since` on the attempt's account and from its address, its own
/// included; `latest` is the latest of the others (from which the wait is counted).
pub fn counts(
    conn: &mut AnyConnection,
    attempt: &Attempt,
    address: &str,
    since: NaiveDateTime,
) -> QueryResult<(Failures, Failures)> {
    let account = scope_counts(
        conn,
        Scope::Account,
        &attempt.account,
        since,
        attempt.account_row,
    )?;
    let address = scope_counts(conn, Scope::Address, address, since, attempt.address_row)?;
    Ok((account, address))
}

fn scope_counts(
    conn: &mut AnyConnection,
    scope: Scope,
    subject: &str,
    since: NaiveDateTime,
    own: i64,
) -> QueryResult<Failures> {
    let recent = || {
        sign_in_failures::table
            .filter(sign_in_failures::scope.eq(scope.as_str()))
            .filter(sign_in_failures::subject.eq(subject))
            .filter(sign_in_failures::failed_at.gt(since))
    };
    let count = recent().count().get_result(conn)?;
    let latest = recent()
        .filter(sign_in_failures::id.ne(own))
        .select(sign_in_failures::failed_at)
        .order(sign_in_failures::failed_at.desc())
        .first(conn)
        .optional()?;
    Ok(Failures { count, latest })
}

/// Takes back an attempt that was refused without its password being checked.
pub fn withdraw(conn: &mut AnyConnection, attempt: &Attempt) -> QueryResult<usize> {
    diesel::delete(
        sign_in_failures::table
            .filter(sign_in_failures::id.eq_any([attempt.account_row, attempt.address_row])),
    )
    .execute(conn)
}

/// After a right password: the account's failures are forgotten, and this attempt does not
/// count against its address.
pub fn succeeded(conn: &mut AnyConnection, attempt: &Attempt) -> QueryResult<()> {
    clear(conn, Scope::Account, &attempt.account)?;
    diesel::delete(sign_in_failures::table.filter(sign_in_failures::id.eq(attempt.address_row)))
        .execute(conn)?;
    Ok(())
}

/// Forgets an account's failures after a password reset.
pub fn clear(conn: &mut AnyConnection, scope: Scope, subject: &str) -> QueryResult<usize> {
    diesel::delete(
        sign_in_failures::table
            .filter(sign_in_failures::scope.eq(scope.as_str()))
            .filter(sign_in_failures::subject.eq(subject)),
    )
    .execute(conn)
}

/// Drops attempts too old to matter, keeping the table small.
pub fn prune(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sign_in_failures::table.filter(sign_in_failures::failed_at.lt(before)))
        .execute(conn)
}
