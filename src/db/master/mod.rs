//! Master data: suppliers (hotels with room types and seasonal rates, transport with
//! vehicles, restaurants, attractions, shops), guides, client agencies, their contacts, and
//! exchange rates.

pub mod agencies;
pub mod contacts;
pub mod contracts;
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
use crate::domain::ids::SupplierId;
use crate::domain::message::{Message, Refusal};

/// Why a change to a master record is refused.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    #[error("no such record")]
    NotFound,
    /// An archived record is read-only until it is restored.
    #[error("the record is archived: restore it before changing it")]
    Archived,
    /// A rule of the record refuses the change (a restored item would break one).
    #[error("refused: {0:?}")]
    Refused(Message),
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
    #[error(transparent)]
    Unavailable(#[from] crate::db::DbUnavailable),
}

impl Refusal for RecordError {
    fn refusal(&self) -> Option<Message> {
        match self {
            RecordError::Refused(m) => Some(m.clone()),
            RecordError::NotFound
            | RecordError::Archived
            | RecordError::Db(_)
            | RecordError::Unavailable(_) => None,
        }
    }
}

/// A master record edited through one form, archived rather than deleted, and restored: changed
/// only while live, each write audited with the record as it was, read inside the caller's
/// write transaction.
pub trait Record {
    const ENTITY: Entity;
    type Id: Copy + std::fmt::Display + Send + 'static;
    type Data: Send + 'static;
    /// The record's data and whether it is archived; `None` when there is no such record.
    fn find_data(conn: &mut AnyConnection, id: Self::Id)
    -> QueryResult<Option<(Self::Data, bool)>>;
    fn update(conn: &mut AnyConnection, id: Self::Id, data: &Self::Data) -> QueryResult<usize>;
    fn write_archived(conn: &mut AnyConnection, id: Self::Id, archived: bool)
    -> QueryResult<usize>;
    /// The data as the audit log keeps it.
    fn audit_json(data: &Self::Data) -> serde_json::Value;
    /// Whether `data` may replace `before` (a supplier never changes kind); when not, the record
    /// is not found.
    fn may_replace(_before: &Self::Data, _data: &Self::Data) -> bool {
        true
    }
}

/// A master record created from its data alone.
pub trait NewRecord: Record {
    fn insert(conn: &mut AnyConnection, data: &Self::Data) -> QueryResult<Self::Id>;
}

/// Creates a record and audits it.
pub fn create<R: NewRecord>(
    conn: &mut AnyConnection,
    actor: &Actor,
    data: &R::Data,
) -> QueryResult<R::Id> {
    let id = R::insert(conn, data)?;
    audit::record_change(
        conn,
        actor,
        Change::create(R::ENTITY, id, R::audit_json(data)),
    )?;
    Ok(id)
}

/// Changes record `id` to `data` and audits the change, the record read inside the caller's
/// write transaction: a form shown from an earlier read may be stale, and an archived record is
/// refused.
pub fn change<R: Record>(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: R::Id,
    data: &R::Data,
) -> Result<(), RecordError> {
    let (before, archived) = R::find_data(conn, id)?
        .filter(|(before, _)| R::may_replace(before, data))
        .ok_or(RecordError::NotFound)?;
    if archived {
        return Err(RecordError::Archived);
    }
    R::update(conn, id, data)?;
    let change = Change::update(R::ENTITY, id, R::audit_json(&before), R::audit_json(data));
    audit::record_change(conn, actor, change)?;
    Ok(())
}

/// Archives (`archived`) or restores a record and audits it, its state read inside the
/// caller's write transaction. Archiving an archived record, or restoring a live one, changes
/// nothing and audits nothing.
pub fn set_archived<R: Record>(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: R::Id,
    archived: bool,
) -> Result<(), RecordError> {
    let (_, now) = R::find_data(conn, id)?.ok_or(RecordError::NotFound)?;
    if now == archived {
        return Ok(());
    }
    R::write_archived(conn, id, archived)?;
    audit::record_change(conn, actor, Change::archived(R::ENTITY, id, archived))?;
    Ok(())
}

/// A record that hangs off a supplier — a hotel's room type or rate, a transport company's
/// vehicle — archived from the supplier's page.
pub trait Item {
    const ENTITY: Entity;
    type Id: Copy + std::fmt::Display + Send + 'static;
    /// The item's supplier and whether the item is archived; `None` when there is no such item.
    fn owner(conn: &mut AnyConnection, id: Self::Id) -> QueryResult<Option<(SupplierId, bool)>>;
    /// Archives (`archived`) or restores the item, with whatever must follow it.
    fn write_archived(conn: &mut AnyConnection, id: Self::Id, archived: bool) -> QueryResult<()>;
    /// Why the archived item cannot come back (it would break a rule the live items keep:
    /// a taken name, an overlapping period), checked with the owner locked; `None` when it can.
    fn refuse_restore(_conn: &mut AnyConnection, _id: Self::Id) -> QueryResult<Option<Message>> {
        Ok(None)
    }
}

/// Archives (`archived`) or restores an item and audits it, its state read inside the caller's
/// write transaction; an item already in that state changes nothing and audits nothing.
/// Returns the item's supplier.
pub fn set_item_archived<I: Item>(
    conn: &mut AnyConnection,
    actor: &Actor,
    id: I::Id,
    archived: bool,
) -> Result<SupplierId, RecordError> {
    let (owner, now) = I::owner(conn, id)?.ok_or(RecordError::NotFound)?;
    if now
        && !archived
        && let Some(refusal) = I::refuse_restore(conn, id)?
    {
        return Err(RecordError::Refused(refusal));
    }
    if now != archived {
        I::write_archived(conn, id, archived)?;
        audit::record_change(conn, actor, Change::archived(I::ENTITY, id, archived))?;
    }
    Ok(owner)
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
