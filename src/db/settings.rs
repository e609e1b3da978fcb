//! Key–value facts about the tenant that live in its own database: whose database it is, and
//! the agency's time zone.

use diesel::prelude::*;

use super::AnyConnection;
use super::audit::{self, Actor, Change, Entity, Verb};
use super::schema::tenant_settings;
use crate::domain::time::TimeZone;

/// The slug of the tenant this database belongs to, written at provisioning.
pub const TENANT_SLUG: &str = "tenant_slug";

/// The agency's time zone, an IANA name (`Asia/Bangkok`): written at provisioning (or by the
/// migration that added it), changed by an admin on the settings page.
pub const TIME_ZONE: &str = "time_zone";

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

/// Sets `key` to `value`, whether or not it was set before.
fn put(conn: &mut AnyConnection, key: &str, value: &str) -> QueryResult<()> {
    let updated = diesel::update(tenant_settings::table.filter(tenant_settings::key.eq(key)))
        .set(tenant_settings::value.eq(value))
        .execute(conn)?;
    if updated == 0 {
        insert(conn, key, value)?;
    }
    Ok(())
}

/// The agency's time zone; `None` when the database holds none (it is written at provisioning
/// and by the migration that introduced it). A stored name this build does not know — a zone
/// removed from the tz database — is a deserialization error, not a silent UTC.
pub fn time_zone(conn: &mut AnyConnection) -> QueryResult<Option<TimeZone>> {
    match get(conn, TIME_ZONE)? {
        Some(name) => TimeZone::parse(&name)
            .map(Some)
            .map_err(|e| diesel::result::Error::DeserializationError(e.into())),
        None => Ok(None),
    }
}

/// What a change of the time zone did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ZoneChange {
    /// The zone is now the one asked for, and the change is audited.
    Changed,
    /// The zone already was the one asked for: nothing written, nothing audited.
    Unchanged,
}

/// Sets the agency's time zone to `zone` and audits it (`tenant.change-time-zone`, before and
/// after), reading the zone it replaces inside the caller's write transaction.
pub fn change_time_zone(
    conn: &mut AnyConnection,
    actor: &Actor,
    zone: TimeZone,
) -> QueryResult<ZoneChange> {
    let before = get(conn, TIME_ZONE)?;
    if before.as_deref() == Some(zone.name()) {
        return Ok(ZoneChange::Unchanged);
    }
    put(conn, TIME_ZONE, zone.name())?;
    let slug = get(conn, TENANT_SLUG)?.unwrap_or_default();
    audit::record_change(
        conn,
        actor,
        Change::new(Entity::Tenant, Verb::ChangeTimeZone, slug)
            .before(serde_json::json!({ "time_zone": before }))
            .after(serde_json::json!({ "time_zone": zone.name() })),
    )?;
    Ok(ZoneChange::Changed)
}
