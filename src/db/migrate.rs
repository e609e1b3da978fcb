//! The schema's migrations: two trees (`migrations/sqlite`, `migrations/postgres`) with the same
//! version names, embedded in the binary, applied by `tourdesk tenant migrate` and by the
//! launcher before it starts a tenant; `serve` refuses a database with pending ones.

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::db::{AnyConnection, search};

pub const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
#[cfg(feature = "postgres")]
pub const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// The migrations this build knows that the database has not applied yet.
pub fn pending(conn: &mut AnyConnection) -> anyhow::Result<Vec<String>> {
    let names = |r: Result<Vec<String>, _>| {
        r.map_err(|e| anyhow::anyhow!("reading the migration state: {e}"))
    };
    match conn {
        AnyConnection::Sqlite(c) => names(
            c.pending_migrations(SQLITE_MIGRATIONS)
                .map(|p| p.iter().map(|m| m.name().to_string()).collect()),
        ),
        #[cfg(feature = "postgres")]
        AnyConnection::Postgres(c) => names(
            c.pending_migrations(POSTGRES_MIGRATIONS)
                .map(|p| p.iter().map(|m| m.name().to_string()).collect()),
        ),
    }
}

/// The migration that added the search keys `search::backfill` fills.
const SEARCH_KEYS_MIGRATION: &str = "20261204000001";
/// The migration that added contacts' search keys, `search::backfill_contacts` fills.
const CONTACT_KEYS_MIGRATION: &str = "20261206000001";

/// The migration that added the tenant's time zone, whose SQL gives tenants made before it
/// Asia/Bangkok; `provision::migrate`, which knows the tenant's language, then gives them its
/// default zone.
pub const TIME_ZONE_MIGRATION: &str = "20261207000002";

/// Applies every pending migration; returns the names applied.
pub fn run(conn: &mut AnyConnection) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        AnyConnection::Sqlite(c) => c.run_pending_migrations(SQLITE_MIGRATIONS),
        #[cfg(feature = "postgres")]
        AnyConnection::Postgres(c) => c.run_pending_migrations(POSTGRES_MIGRATIONS),
    }
    .map_err(|e| anyhow::anyhow!("applying migrations: {e}"))?;
    let applied: Vec<String> = applied.iter().map(|v| v.to_string()).collect();
    // Keys computed in Rust cannot be filled by the migration's SQL.
    if applied.iter().any(|v| v.starts_with(SEARCH_KEYS_MIGRATION)) {
        search::backfill(conn).map_err(|e| anyhow::anyhow!("filling the search keys: {e}"))?;
    }
    if applied
        .iter()
        .any(|v| v.starts_with(CONTACT_KEYS_MIGRATION))
    {
        search::backfill_contacts(conn)
            .map_err(|e| anyhow::anyhow!("filling the contacts' search keys: {e}"))?;
    }
    Ok(applied)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    fn versions(tree: &str) -> BTreeSet<String> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("migrations")
            .join(tree);
        std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(Result::ok)
            .filter(|e| e.path().is_dir())
            .map(|e| {
                for file in ["up.sql", "down.sql"] {
                    assert!(
                        e.path().join(file).is_file(),
                        "{}/{file}",
                        e.path().display()
                    );
                }
                e.file_name().to_string_lossy().into_owned()
            })
            .collect()
    }

    /// DESIGN §3: both backends migrate through the same versions.
    #[test]
    fn both_trees_have_the_same_versions() {
        let sqlite = versions("sqlite");
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, versions("postgres"));
    }
}
