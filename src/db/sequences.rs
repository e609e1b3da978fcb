//! Gapless numbers per kind of code and year, for quotation numbers and group codes.
//!
//! **Invariant:** the numbers of one kind and year are 1, 2, 3… with no gap and no repeat,
//! under any concurrency and on both backends: [`next`] runs inside the write transaction that
//! creates the record, increments the year's row with an `UPDATE … RETURNING` (a row lock on
//! PostgreSQL, `BEGIN IMMEDIATE` on SQLite, so a second writer waits and sees the first's
//! number), and a creation rolled back takes its number back with it.

use diesel::prelude::*;

use super::AnyConnection;
use super::schema::code_sequences;

/// What a sequence numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sequence {
    Quotation,
    Group,
}

impl Sequence {
    fn kind(self) -> &'static str {
        match self {
            Sequence::Quotation => "quotation",
            Sequence::Group => "group",
        }
    }
}

/// The next number of `sequence` in `year`, within the caller's write transaction.
pub fn next(conn: &mut AnyConnection, sequence: Sequence, year: i32) -> QueryResult<i64> {
    let row = || {
        code_sequences::table
            .filter(code_sequences::kind.eq(sequence.kind()))
            .filter(code_sequences::year.eq(year))
    };
    let bump = |conn: &mut AnyConnection| {
        diesel::update(row())
            .set(code_sequences::last.eq(code_sequences::last + 1))
            .returning(code_sequences::last)
            .get_result::<i64>(conn)
            .optional()
    };
    if let Some(n) = bump(conn)? {
        return Ok(n);
    }
    // The year's first number. A savepoint: on PostgreSQL a concurrent writer may insert the
    // row first, and the failed insert must not abort the surrounding transaction.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(code_sequences::table)
            .values((
                code_sequences::kind.eq(sequence.kind()),
                code_sequences::year.eq(year),
                code_sequences::last.eq(1_i64),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(1),
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => bump(conn)?.ok_or(diesel::result::Error::NotFound),
        Err(e) => Err(e),
    }
}
