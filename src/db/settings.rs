//! Key–value facts about the tenant that live in its own database (e.g. whose database it is).

use diesel::prelude::*;

use super::AnyConnection;
use super::schema::tenant_settings;

/// The slug of the tenant this database belongs to, written at provisioning.
pub const TENANT_SLUG: &str = "tenant_slug";

pub fn get(conn: &mut AnyConnection, key: &str) -> QueryResult<Option<String>> {
    tenant_settings::table
        .filter(tenant_settings::key.eq(key))
        .select(tenant_settings::value)
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut AnyConnection, key: &str, value: &str) -> QueryResult<()> {
    diesel::insert_into(tenant_settings::table)
        .values((
            tenant_settings::key.eq(key),
            tenant_settings::value.eq(value),
        ))
        .execute(conn)
        .map(|_| ())
}
