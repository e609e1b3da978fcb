//! Backend-specific operations, kept in one place: row locks for check-then-write rules,
//! creating and dropping PostgreSQL databases, the catalogue query that tells a provisioned
//! database, backups and restores. Everything else in `db` is written once for both backends.

use anyhow::{Context, bail};

use super::AnyConnection;
use crate::domain::ids::{RoomTypeId, SupplierId};

/// What a check-then-write rule locks before it checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// A room type, while the seasons of its rates are checked for overlaps.
    RoomType(RoomTypeId),
    /// A supplier, while the names of its room types are checked.
    Supplier(SupplierId),
    /// Every active admin, while the rule "one active admin at least" is checked.
    ActiveAdmins,
}

/// Locks `what` until the surrounding write transaction ends, so that a rule checked after it
/// holds against concurrent writers. SQLite needs nothing: `db::write` begins with
/// `BEGIN IMMEDIATE`, which already lets one writer in at a time. PostgreSQL at READ COMMITTED
/// lets two transactions read the same state, so the rows are locked `FOR UPDATE`; a second
/// writer waits, then reads what the first committed.
///
/// **Invariant:** every check-then-write rule calls this first, inside its write transaction.
pub fn lock(conn: &mut AnyConnection, what: Lock) -> diesel::QueryResult<()> {
    match conn {
        AnyConnection::Sqlite(_) => {
            let _ = what;
            Ok(())
        }
        #[cfg(feature = "postgres")]
        AnyConnection::Postgres(pg) => {
            use super::schema::{room_types, suppliers, users};
            use crate::domain::access::Role;
            use diesel::prelude::*;
            match what {
                Lock::RoomType(id) => room_types::table
                    .find(id.0)
                    .select(room_types::id)
                    .for_update()
                    .load::<i64>(pg)
                    .map(|_| ()),
                Lock::Supplier(id) => suppliers::table
                    .find(id.0)
                    .select(suppliers::id)
                    .for_update()
                    .load::<i64>(pg)
                    .map(|_| ()),
                Lock::ActiveAdmins => users::table
                    .filter(users::role.eq(Role::Admin.as_str()))
                    .filter(users::disabled.eq(false))
                    .select(users::id)
                    .for_update()
                    .load::<i64>(pg)
                    .map(|_| ()),
            }
        }
    }
}

/// Splits `postgres://user@host:port/name?params` into the URL of the server's maintenance
/// database `postgres` and the database name.
pub fn split_postgres_url(url: &str) -> anyhow::Result<(String, String)> {
    let scheme_end = url.find("://").context("a PostgreSQL URL needs a scheme")? + 3;
    let path_start = url[scheme_end..]
        .find('/')
        .map(|i| i + scheme_end)
        .context("the PostgreSQL URL names no database (…/DATABASE)")?;
    let (path, query) = match url[path_start + 1..].split_once('?') {
        Some((p, q)) => (p, format!("?{q}")),
        None => (&url[path_start + 1..], String::new()),
    };
    if path.is_empty()
        || !path
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        bail!("database name {path:?} must be of a-z, 0-9 and _");
    }
    Ok((
        format!("{}/postgres{query}", &url[..path_start]),
        path.to_owned(),
    ))
}

/// Creates the database the URL names. Returns false when it already existed.
#[cfg(feature = "postgres")]
pub fn create_postgres_database(url: &str) -> anyhow::Result<bool> {
    use diesel::prelude::*;
    let (maintenance, name) = split_postgres_url(url)?;
    let mut conn = diesel::pg::PgConnection::establish(&maintenance)
        .with_context(|| format!("connecting to the PostgreSQL server of {name:?}"))?;
    #[derive(QueryableByName)]
    struct Exists {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let exists: Exists =
        diesel::sql_query("SELECT COUNT(*) AS n FROM pg_database WHERE datname = $1")
            .bind::<diesel::sql_types::Text, _>(&name)
            .get_result(&mut conn)?;
    if exists.n > 0 {
        return Ok(false);
    }
    diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
        .execute(&mut conn)
        .with_context(|| format!("creating database {name:?}"))?;
    Ok(true)
}

#[cfg(not(feature = "postgres"))]
pub fn create_postgres_database(_url: &str) -> anyhow::Result<bool> {
    Err(super::ConnectError::PostgresNotBuilt.into())
}

/// Drops the database the URL names, closing any connection still open to it.
#[cfg(feature = "postgres")]
pub fn drop_postgres_database(url: &str) -> anyhow::Result<()> {
    use diesel::prelude::*;
    let (maintenance, name) = split_postgres_url(url)?;
    let mut conn = diesel::pg::PgConnection::establish(&maintenance)
        .with_context(|| format!("connecting to the PostgreSQL server of {name:?}"))?;
    diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .execute(&mut conn)
        .with_context(|| format!("dropping database {name:?}"))?;
    Ok(())
}

#[cfg(not(feature = "postgres"))]
pub fn drop_postgres_database(_url: &str) -> anyhow::Result<()> {
    Err(super::ConnectError::PostgresNotBuilt.into())
}

/// True once the foundation migration has run (the database belongs to some tenant).
pub fn settings_table_exists(conn: &mut super::AnyConnection) -> diesel::QueryResult<bool> {
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let sql = match conn {
        super::AnyConnection::Sqlite(_) => {
            "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'tenant_settings'"
        }
        #[cfg(feature = "postgres")]
        super::AnyConnection::Postgres(_) => {
            "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'tenant_settings'"
        }
    };
    let count: Count = diesel::sql_query(sql).get_result(conn)?;
    Ok(count.n > 0)
}

/// Writes a consistent copy of a live database to `out`, which must not exist: SQLite's
/// `VACUUM INTO` (a snapshot taken inside one read transaction, while writers go on), or
/// `pg_dump` in its custom format.
pub fn backup_to(url: &super::DbUrl, out: &std::path::Path) -> anyhow::Result<()> {
    match url {
        super::DbUrl::Sqlite(_) => {
            use diesel::prelude::*;
            let mut conn = super::connect(url)?;
            let target = out
                .to_str()
                .context("backup path is not UTF-8")?
                .replace('\'', "''");
            diesel::sql_query(format!("VACUUM INTO '{target}'"))
                .execute(&mut conn)
                .context("VACUUM INTO")?;
            Ok(())
        }
        super::DbUrl::Postgres(pg) => {
            let status = std::process::Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--file"])
                .arg(out)
                .arg(pg)
                .status()
                .map_err(|e| match e.kind() {
                    std::io::ErrorKind::NotFound => anyhow::anyhow!(
                        "pg_dump is not installed: install the PostgreSQL client (apt-get install postgresql-client)"
                    ),
                    _ => anyhow::anyhow!("running pg_dump: {e}"),
                })?;
            if !status.success() {
                bail!("pg_dump failed ({status})");
            }
            Ok(())
        }
    }
}

/// Checks a backup file: SQLite's `integrity_check` must say `ok` and the file must be the
/// tenant's; a PostgreSQL dump must list with `pg_restore --list`.
pub fn verify_backup(postgres: bool, file: &std::path::Path, slug: &str) -> anyhow::Result<()> {
    if postgres {
        let out = std::process::Command::new("pg_restore")
            .arg("--list")
            .arg(file)
            .output()
            .map_err(|e| {
                anyhow::anyhow!("running pg_restore (apt-get install postgresql-client): {e}")
            })?;
        if !out.status.success() {
            bail!("{} is not a readable PostgreSQL dump", file.display());
        }
        return Ok(());
    }
    use diesel::prelude::*;
    #[derive(QueryableByName)]
    struct Check {
        #[diesel(sql_type = diesel::sql_types::Text)]
        integrity_check: String,
    }
    let path = file.to_str().context("backup path is not UTF-8")?;
    let mut conn = diesel::sqlite::SqliteConnection::establish(&format!("file:{path}?mode=ro"))
        .with_context(|| format!("opening {}", file.display()))?;
    let check: Check = diesel::sql_query("PRAGMA integrity_check")
        .get_result(&mut conn)
        .with_context(|| format!("{} is not a SQLite database", file.display()))?;
    if check.integrity_check != "ok" {
        bail!(
            "{} fails the integrity check: {}",
            file.display(),
            check.integrity_check
        );
    }
    let owner: Option<String> = super::schema::tenant_settings::table
        .filter(super::schema::tenant_settings::key.eq(super::settings::TENANT_SLUG))
        .select(super::schema::tenant_settings::value)
        .first(&mut conn)
        .optional()
        .with_context(|| format!("{} holds no tourdesk tenant", file.display()))?;
    match owner {
        Some(o) if o == slug => Ok(()),
        Some(o) => bail!("{} is a backup of tenant {o}, not {slug}", file.display()),
        None => bail!("{} holds no tourdesk tenant", file.display()),
    }
}

/// Loads a PostgreSQL dump into the tenant's database, replacing what is there.
pub fn restore_postgres(url: &str, file: &std::path::Path) -> anyhow::Result<()> {
    let status = std::process::Command::new("pg_restore")
        .args([
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--dbname",
            url,
        ])
        .arg(file)
        .status()
        .map_err(|e| {
            anyhow::anyhow!("running pg_restore (apt-get install postgresql-client): {e}")
        })?;
    if !status.success() {
        bail!("pg_restore failed ({status})");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls() -> anyhow::Result<()> {
        assert_eq!(
            split_postgres_url("postgres://postgres@127.0.0.1:5432/td_acme?sslmode=disable")?,
            (
                "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable".to_owned(),
                "td_acme".to_owned()
            )
        );
        assert!(split_postgres_url("postgres://h/").is_err());
        assert!(split_postgres_url("postgres://h/a;drop").is_err());
        Ok(())
    }
}
