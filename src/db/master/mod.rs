//! Master data: suppliers (hotels with room types and seasonal rates, transport with
//! vehicles, restaurants, attractions, shops), guides, client agencies, their contacts, and
//! exchange rates.

pub mod agencies;
pub mod contacts;
pub mod exchange_rates;
pub mod guides;
pub mod rooms;
pub mod suppliers;
pub mod vehicles;

use diesel::QueryResult;

use crate::db::AnyConnection;
use crate::db::audit::{self, Actor, Change, Entity};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;

/// Why a change to a master record is refused.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("no such record")]
    NotFound,
    /// An archived record is read-only until it is restored.
    #[error("the record is archived: restore it before changing it")]
    Archived,
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

/// A master record that is archived rather than deleted, and restored.
pub trait Archivable {
    const ENTITY: Entity;
    type Id: Copy + std::fmt::Display + Send + 'static;
    /// Whether the record is archived; `None` when there is no such record.
    fn is_archived(conn: &mut AnyConnection, id: Self::Id) -> diesel::QueryResult<Option<bool>>;
    fn write_archived(
        conn: &mut AnyConnection,
        id: Self::Id,
        archived: bool,
    ) -> diesel::QueryResult<usize>;
}

/// Archives (`archived`) or restores a record and audits it, its state read inside the
/// caller's write transaction. Archiving an archived record, or restoring a live one, changes
/// nothing and audits nothing.
pub fn set_archived<A: Archivable>(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: A::Id,
    archived: bool,
) -> Result<(), RecordError> {
    let now = A::is_archived(conn, id)?.ok_or(RecordError::NotFound)?;
    if now == archived {
        return Ok(());
    }
    A::write_archived(conn, id, archived)?;
    audit::record_change(conn, actor, Change::archived(A::ENTITY, id, archived))?;
    Ok(())
}

/// Refuses to change an archived record (`Some(true)`) or a missing one (`None`).
pub fn live(archived: Option<bool>) -> Result<(), RecordError> {
    match archived {
        None => Err(RecordError::NotFound),
        Some(true) => Err(RecordError::Archived),
        Some(false) => Ok(()),
    }
}

/// A stored value that the CHECK constraints should have kept out: reported, never guessed.
pub(crate) fn corrupt(what: &str, value: &str) -> diesel::result::Error {
    diesel::result::Error::DeserializationError(
        format!("stored {what} {value:?} is invalid").into(),
    )
}

pub(crate) fn currency_of(code: &str) -> QueryResult<Currency> {
    Currency::parse(code).map_err(|_| corrupt("currency", code))
}

pub(crate) fn dec_of(text: &str) -> QueryResult<Dec> {
    Dec::parse_canonical(text).map_err(|_| corrupt("decimal", text))
}
