//! Contacts of suppliers and client agencies: any number per party, archived, never deleted.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::contacts;
use crate::db::{AnyConnection, now};

/// Whose contact it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Supplier(i64),
    Agency(i64),
}

impl Party {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Party::Supplier(id) => ("supplier", id),
            Party::Agency(id) => ("agency", id),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ContactData {
    pub name: String,
    pub position: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

#[derive(Debug, Clone)]
pub struct Contact {
    pub id: i64,
    pub party: Party,
    pub data: ContactData,
    pub archived: bool,
}

type Row = (
    i64,
    String,
    i64,
    String,
    String,
    String,
    String,
    String,
    bool,
);

fn columns() -> (
    contacts::id,
    contacts::party_kind,
    contacts::party_id,
    contacts::name,
    contacts::position,
    contacts::phone,
    contacts::email,
    contacts::notes,
    contacts::archived,
) {
    (
        contacts::id,
        contacts::party_kind,
        contacts::party_id,
        contacts::name,
        contacts::position,
        contacts::phone,
        contacts::email,
        contacts::notes,
        contacts::archived,
    )
}

fn from_row(
    (id, kind, party_id, name, position, phone, email, notes, archived): Row,
) -> QueryResult<Contact> {
    let party = match kind.as_str() {
        "supplier" => Party::Supplier(party_id),
        "agency" => Party::Agency(party_id),
        other => {
            return Err(diesel::result::Error::DeserializationError(
                format!("unknown contact party {other:?}").into(),
            ));
        }
    };
    Ok(Contact {
        id,
        party,
        data: ContactData {
            name,
            position,
            phone,
            email,
            notes,
        },
        archived,
    })
}

pub fn insert(conn: &mut AnyConnection, party: Party, data: &ContactData) -> QueryResult<i64> {
    let (kind, party_id) = party.parts();
    let at = now();
    diesel::insert_into(contacts::table)
        .values((
            contacts::party_kind.eq(kind),
            contacts::party_id.eq(party_id),
            contacts::name.eq(&data.name),
            contacts::position.eq(&data.position),
            contacts::phone.eq(&data.phone),
            contacts::email.eq(&data.email),
            contacts::notes.eq(&data.notes),
            contacts::archived.eq(false),
            contacts::created_at.eq(at),
            contacts::updated_at.eq(at),
        ))
        .returning(contacts::id)
        .get_result(conn)
}

pub fn update(conn: &mut AnyConnection, id: i64, data: &ContactData) -> QueryResult<usize> {
    diesel::update(contacts::table.find(id))
        .set((
            contacts::name.eq(&data.name),
            contacts::position.eq(&data.position),
            contacts::phone.eq(&data.phone),
            contacts::email.eq(&data.email),
            contacts::notes.eq(&data.notes),
            contacts::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn archive(conn: &mut AnyConnection, id: i64) -> QueryResult<usize> {
    diesel::update(contacts::table.find(id))
        .set((contacts::archived.eq(true), contacts::updated_at.eq(now())))
        .execute(conn)
}

pub fn find(conn: &mut AnyConnection, id: i64) -> QueryResult<Option<Contact>> {
    contacts::table
        .find(id)
        .select(columns())
        .first::<Row>(conn)
        .optional()?
        .map(from_row)
        .transpose()
}

/// The live contacts of a party, by name.
pub fn of(conn: &mut AnyConnection, party: Party) -> QueryResult<Vec<Contact>> {
    let (kind, party_id) = party.parts();
    contacts::table
        .filter(contacts::party_kind.eq(kind))
        .filter(contacts::party_id.eq(party_id))
        .filter(contacts::archived.eq(false))
        .select(columns())
        .order((contacts::name.asc(), contacts::id.asc()))
        .load::<Row>(conn)?
        .into_iter()
        .map(from_row)
        .collect()
}
