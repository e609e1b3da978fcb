//! Rows that matter only for a while, removed periodically by each tenant process: import
//! batches previewed but never committed (after a day), password-check attempts and
//! anonymous-refusal counters (after a day).

use chrono::{Duration, NaiveDateTime};
use diesel::QueryResult;

use super::AnyConnection;

/// How often a tenant process tidies up.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(10 * 60);

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pruned {
    pub import_batches: usize,
    pub sign_in_attempts: usize,
    pub refusal_counters: usize,
}

/// Removes what has expired by `now`, in one write transaction.
pub fn run(conn: &mut AnyConnection, now: NaiveDateTime) -> QueryResult<Pruned> {
    super::write(conn, |conn| {
        Ok(Pruned {
            import_batches: super::imports::prune_uncommitted(
                conn,
                now - super::imports::KEPT_UNCOMMITTED,
            )?,
            sign_in_attempts: super::auth::throttle::prune(conn, now - Duration::days(1))?,
            refusal_counters: super::audit::prune_refusal_counters(conn, now - Duration::days(1))?,
        })
    })
}
