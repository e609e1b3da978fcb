//! Key–value facts about the tenant that live in its own database: whose database it is, the
//! agency's time zone, and the patterns of its group codes and quotation numbers.

use diesel::prelude::*;

use super::AnyConnection;
use super::audit::{self, Actor, Change, Entity, Verb};
use super::schema::tenant_settings;
use crate::domain::time::TimeZone;
use crate::domain::tours::codes::{CodePattern, DEFAULT_GROUP_PATTERN, DEFAULT_QUOTATION_PATTERN};

/// The slug of the tenant this database belongs to, written at provisioning.
pub const TENANT_SLUG: &str = "tenant_slug";

/// The agency's time zone, an IANA name (`Asia/Bangkok`): written at provisioning (or by the
/// migration that added it), changed by an admin on the settings page.
pub const TIME_ZONE: &str = "time_zone";

/// The pattern of new group codes (`G{yy}-{seq:4}` until an admin sets another).
pub const GROUP_CODE_PATTERN: &str = "group_code_pattern";

/// The pattern of new quotation numbers (`Q{yy}-{seq:4}` until an admin sets another).
pub const QUOTATION_NUMBER_PATTERN: &str = "quotation_number_pattern";

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

/// What a change of a setting (the time zone, the code patterns) did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingChange {
    /// The setting is now the one asked for, and the change is audited.
    Changed,
    /// The setting already was the one asked for: nothing written, nothing audited.
    Unchanged,
}

/// Sets the agency's time zone to `zone` and audits it (`tenant.change-time-zone`, before and
/// after), reading the zone it replaces inside the caller's write transaction.
pub fn change_time_zone(
    conn: &mut AnyConnection,
    actor: &Actor,
    zone: TimeZone,
) -> QueryResult<SettingChange> {
    let before = get(conn, TIME_ZONE)?;
    if before.as_deref() == Some(zone.name()) {
        return Ok(SettingChange::Unchanged);
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
    Ok(SettingChange::Changed)
}

/// The pattern stored under `key`, or `default` when none is. A stored pattern that no longer
/// parses is a deserialization error: a code is never made from a pattern nobody checked.
fn pattern(conn: &mut AnyConnection, key: &str, default: &str) -> QueryResult<CodePattern> {
    let text = get(conn, key)?.unwrap_or_else(|| default.to_owned());
    CodePattern::parse(&text).map_err(|e| diesel::result::Error::DeserializationError(e.into()))
}

/// The pattern of the next group codes.
pub fn group_pattern(conn: &mut AnyConnection) -> QueryResult<CodePattern> {
    pattern(conn, GROUP_CODE_PATTERN, DEFAULT_GROUP_PATTERN)
}

/// The pattern of the next quotation numbers.
pub fn quotation_pattern(conn: &mut AnyConnection) -> QueryResult<CodePattern> {
    pattern(conn, QUOTATION_NUMBER_PATTERN, DEFAULT_QUOTATION_PATTERN)
}

/// Both code patterns, as the settings page sets them.
#[derive(Debug, Clone)]
pub struct CodePatterns {
    pub group: CodePattern,
    pub quotation: CodePattern,
}

/// Sets the code patterns and audits the change (`tenant.update`, both patterns before and
/// after), reading the ones it replaces inside the caller's write transaction. Codes already
/// given keep their form; the next ones follow the new patterns, numbered on.
pub fn change_code_patterns(
    conn: &mut AnyConnection,
    actor: &Actor,
    patterns: &CodePatterns,
) -> QueryResult<SettingChange> {
    let before = CodePatterns {
        group: group_pattern(conn)?,
        quotation: quotation_pattern(conn)?,
    };
    if before.group == patterns.group && before.quotation == patterns.quotation {
        return Ok(SettingChange::Unchanged);
    }
    put(conn, GROUP_CODE_PATTERN, patterns.group.as_str())?;
    put(conn, QUOTATION_NUMBER_PATTERN, patterns.quotation.as_str())?;
    let json = |p: &CodePatterns| {
        serde_json::json!({
            GROUP_CODE_PATTERN: p.group.as_str(),
            QUOTATION_NUMBER_PATTERN: p.quotation.as_str(),
        })
    };
    let slug = get(conn, TENANT_SLUG)?.unwrap_or_default();
    audit::record_change(
        conn,
        actor,
        Change::update(Entity::Tenant, slug, json(&before), json(patterns)),
    )?;
    Ok(SettingChange::Changed)
}
