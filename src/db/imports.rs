//! Import batches: the rows of an uploaded workbook, parsed and stored between the preview and
//! the commit, so the commit applies exactly what was previewed (re-validated) and the file
//! itself is never kept.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::import_batches;
use super::{AnyConnection, now};
use crate::domain::ids::{ImportBatchId, UserId};

#[derive(Debug, Clone)]
pub struct Batch {
    pub id: ImportBatchId,
    pub kind: String,
    pub user_id: UserId,
    pub file_name: String,
    pub rows_json: String,
    pub error_count: i32,
    pub created_at: NaiveDateTime,
    pub committed_at: Option<NaiveDateTime>,
}

pub struct NewBatch<'a> {
    pub kind: &'a str,
    pub user_id: UserId,
    pub file_name: &'a str,
    pub rows_json: &'a str,
    pub error_count: i32,
}

pub fn insert(conn: &mut AnyConnection, new: &NewBatch<'_>) -> QueryResult<ImportBatchId> {
    diesel::insert_into(import_batches::table)
        .values((
            import_batches::kind.eq(new.kind),
            import_batches::user_id.eq(new.user_id.0),
            import_batches::file_name.eq(new.file_name),
            import_batches::rows_json.eq(new.rows_json),
            import_batches::error_count.eq(new.error_count),
            import_batches::created_at.eq(now()),
        ))
        .returning(import_batches::id)
        .get_result(conn)
        .map(ImportBatchId)
}

type BatchRow = (
    i64,
    String,
    i64,
    String,
    String,
    i32,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

pub fn find(conn: &mut AnyConnection, id: ImportBatchId) -> QueryResult<Option<Batch>> {
    let row: Option<BatchRow> = import_batches::table
        .find(id.0)
        .select((
            import_batches::id,
            import_batches::kind,
            import_batches::user_id,
            import_batches::file_name,
            import_batches::rows_json,
            import_batches::error_count,
            import_batches::created_at,
            import_batches::committed_at,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(
        |(id, kind, user_id, file_name, rows_json, error_count, created_at, committed_at)| Batch {
            id: ImportBatchId(id),
            kind,
            user_id: UserId(user_id),
            file_name,
            rows_json,
            error_count,
            created_at,
            committed_at,
        },
    ))
}

/// How long an import batch that was previewed but never committed is kept.
pub const KEPT_UNCOMMITTED: chrono::Duration = chrono::Duration::days(1);

/// Removes batches never committed and created before `before`; committed ones stay, as the
/// audit log names them.
pub fn prune_uncommitted(conn: &mut AnyConnection, before: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        import_batches::table
            .filter(import_batches::committed_at.is_null())
            .filter(import_batches::created_at.lt(before)),
    )
    .execute(conn)
}

/// Marks a batch committed; returns 0 when it already was (a second commit does nothing).
pub fn mark_committed(conn: &mut AnyConnection, id: ImportBatchId) -> QueryResult<usize> {
    diesel::update(
        import_batches::table
            .find(id.0)
            .filter(import_batches::committed_at.is_null()),
    )
    .set(import_batches::committed_at.eq(Some(now())))
    .execute(conn)
}
