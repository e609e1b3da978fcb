//! Backend-specific operations, kept in one place: creating and dropping PostgreSQL databases.
//! Everything else in `db` is written once for both backends.

use anyhow::{Context, bail};

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
