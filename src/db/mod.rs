//! The tenant database: one connection type over SQLite and (feature `postgres`) PostgreSQL,
//! a pool that reports connection errors truthfully, and the write transaction. Migrations are
//! in [`migrate`].
//!
//! **Invariant:** every pooled SQLite connection runs with WAL, `synchronous=FULL`, foreign
//! keys on and a busy timeout — asserted when the connection joins the pool — and every
//! write transaction starts with `BEGIN IMMEDIATE`, so writers queue instead of failing
//! half-way with `SQLITE_BUSY`.

pub mod activity;
pub mod audit;
pub mod auth;
pub mod backend;
pub mod dashboard;
pub mod groups;
pub mod housekeeping;
pub mod imports;
pub mod listing;
pub mod master;
pub mod migrate;
pub mod schema;
pub mod search;
pub mod sequences;
pub mod settings;
pub mod tours;

use chrono::{NaiveDateTime, SubsecRound, Utc};
use diesel::connection::{AnsiTransactionManager, TransactionManager};
use diesel::prelude::*;
use diesel::sqlite::SqliteConnection;
use std::time::Duration;

#[cfg(feature = "postgres")]
use diesel::pg::PgConnection;

/// A connection to a tenant database, whichever backend holds it.
#[cfg(feature = "postgres")]
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

/// A connection to a tenant database, whichever backend holds it.
#[cfg(not(feature = "postgres"))]
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// Where a tenant's data lives, parsed from its database URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    /// A file path (`sqlite://PATH` or `sqlite:PATH`).
    Sqlite(String),
    /// A `postgres://` or `postgresql://` URL.
    Postgres(String),
}

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("unsupported database URL {0:?}: use sqlite://PATH or postgres://USER@HOST/DATABASE")]
    UnsupportedUrl(String),
    #[error("this build has no PostgreSQL support: rebuild with `--features postgres`")]
    PostgresNotBuilt,
    #[error("cannot open the database: {0}")]
    Connection(#[from] diesel::ConnectionError),
    #[error("cannot configure the database connection: {0}")]
    Setup(#[from] diesel::result::Error),
    #[error("SQLite pragma {pragma} is {actual:?}, expected {expected:?}")]
    Pragma {
        pragma: &'static str,
        actual: String,
        expected: &'static str,
    },
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<DbUrl, ConnectError> {
        if let Some(path) = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err(ConnectError::UnsupportedUrl(url.to_owned()));
            }
            return Ok(DbUrl::Sqlite(path.to_owned()));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbUrl::Postgres(url.to_owned()));
        }
        Err(ConnectError::UnsupportedUrl(url.to_owned()))
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, DbUrl::Postgres(_))
    }
}

/// Opens one connection of the backend the URL names, configured and checked.
pub fn connect(url: &DbUrl) -> Result<AnyConnection, ConnectError> {
    match url {
        DbUrl::Sqlite(path) => {
            let mut conn = SqliteConnection::establish(path)?;
            configure_sqlite(&mut conn)?;
            Ok(AnyConnection::Sqlite(conn))
        }
        #[cfg(feature = "postgres")]
        DbUrl::Postgres(url) => Ok(AnyConnection::Postgres(PgConnection::establish(url)?)),
        #[cfg(not(feature = "postgres"))]
        DbUrl::Postgres(_) => Err(ConnectError::PostgresNotBuilt),
    }
}

#[derive(QueryableByName)]
struct PragmaValue {
    #[diesel(sql_type = diesel::sql_types::Text)]
    value: String,
}

fn configure_sqlite(conn: &mut SqliteConnection) -> Result<(), ConnectError> {
    // The busy timeout first: the journal-mode pragma touches the database, and a connection
    // opened while another holds a lock (the pool reopens connections while a tenant sits idle
    // and its housekeeping writes) must wait for it rather than fail at once.
    diesel::sql_query("PRAGMA busy_timeout = 5000").execute(conn)?;
    diesel::sql_query("PRAGMA journal_mode = WAL").execute(conn)?;
    diesel::sql_query("PRAGMA synchronous = FULL").execute(conn)?;
    diesel::sql_query("PRAGMA foreign_keys = ON").execute(conn)?;
    // (pragma, the column its table-valued function names, the value it must hold)
    let expected: [(&'static str, &'static str, &'static str); 4] = [
        ("journal_mode", "journal_mode", "wal"),
        ("synchronous", "synchronous", "2"),
        ("foreign_keys", "foreign_keys", "1"),
        ("busy_timeout", "timeout", "5000"),
    ];
    for (pragma, column, want) in expected {
        let actual: PragmaValue = diesel::sql_query(format!(
            "SELECT CAST({column} AS TEXT) AS value FROM pragma_{pragma}"
        ))
        .get_result(conn)?;
        if actual.value.to_ascii_lowercase() != want {
            return Err(ConnectError::Pragma {
                pragma,
                actual: actual.value,
                expected: want,
            });
        }
    }
    Ok(())
}

/// An r2d2 manager that picks the backend by URL scheme and returns the real error.
#[derive(Debug, Clone)]
pub struct Manager {
    url: DbUrl,
}

impl r2d2::ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = ConnectError;

    fn connect(&self) -> Result<AnyConnection, ConnectError> {
        connect(&self.url)
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), ConnectError> {
        diesel::sql_query("SELECT 1").execute(conn)?;
        Ok(())
    }

    /// A connection left inside a transaction (a panic mid-write) is not reused.
    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        transaction_depth(conn) != 0
    }
}

fn transaction_depth(conn: &mut AnyConnection) -> u32 {
    let depth = match conn {
        AnyConnection::Sqlite(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()
        }
        #[cfg(feature = "postgres")]
        AnyConnection::Postgres(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()
        }
    };
    match depth {
        Ok(Some(n)) => n.get(),
        Ok(None) => 0,
        Err(_) => 1,
    }
}

/// Builds the pool for a tenant database. `size` connections at most.
pub fn pool(url: &DbUrl, size: u32) -> Result<Pool, r2d2::Error> {
    r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .build(Manager { url: url.clone() })
}

/// Runs `f` in a write transaction: `BEGIN IMMEDIATE` on SQLite, `BEGIN` on PostgreSQL.
/// No connection could be had from the pool (the database is down or overloaded).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DbUnavailable(pub String);

/// Commits when `f` returns `Ok`, rolls back otherwise; all or nothing.
pub fn write<T, E>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match conn {
        AnyConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
        }
        #[cfg(feature = "postgres")]
        AnyConnection::Postgres(c) => AnsiTransactionManager::begin_transaction(c)?,
    }
    match f(conn) {
        Ok(value) => {
            finish(conn, true)?;
            Ok(value)
        }
        Err(e) => {
            finish(conn, false)?;
            Err(e)
        }
    }
}

fn finish(conn: &mut AnyConnection, commit: bool) -> QueryResult<()> {
    match (conn, commit) {
        (AnyConnection::Sqlite(c), true) => AnsiTransactionManager::commit_transaction(c),
        (AnyConnection::Sqlite(c), false) => AnsiTransactionManager::rollback_transaction(c),
        #[cfg(feature = "postgres")]
        (AnyConnection::Postgres(c), true) => AnsiTransactionManager::commit_transaction(c),
        #[cfg(feature = "postgres")]
        (AnyConnection::Postgres(c), false) => AnsiTransactionManager::rollback_transaction(c),
    }
}

/// The current instant in UTC, truncated to microseconds so both backends store it alike.
pub fn now() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A connection opened while another holds the database waits for it, as every write
    /// does, instead of failing with "database is locked".
    #[test]
    fn a_connection_opened_while_the_database_is_locked_waits() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let url = DbUrl::Sqlite(dir.path().join("t.db").display().to_string());
        let mut holder = connect(&url)?;
        diesel::sql_query("CREATE TABLE t (x INTEGER)").execute(&mut holder)?;
        // Exclusive locking mode: once it writes, nobody else may even read until it closes.
        diesel::sql_query("PRAGMA locking_mode = EXCLUSIVE").execute(&mut holder)?;
        diesel::sql_query("INSERT INTO t VALUES (1)").execute(&mut holder)?;
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(holder);
        });
        let opened = connect(&url);
        release
            .join()
            .map_err(|_| anyhow::anyhow!("the holder panicked"))?;
        opened?;
        Ok(())
    }
}
