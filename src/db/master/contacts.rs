//! Contacts of suppliers and client agencies: any number per party, archived, never deleted.

use diesel::prelude::*;
use serde::Serialize;

use crate::db::audit::{self, Actor, Change, Entity};
use crate::db::schema::contacts;
use crate::db::search;
use crate::db::{AnyConnection, now};
use crate::domain::ids::{AgencyId, ContactId, SupplierId};

/// Whose contact it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Party {
    Supplier(SupplierId),
    Agency(AgencyId),
}

impl Party {
    fn parts(self) -> (&'static str, i64) {
        match self {
            Party::Supplier(id) => ("supplier", id.0),
            Party::Agency(id) => ("agency", id.0),
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
    pub id: ContactId,
    pub party: Party,
    pub data: ContactData,
    pub archived: bool,
}

/// A stored contact, as read.
#[derive(Queryable, Selectable)]
#[diesel(table_name = contacts)]
struct Row {
    id: i64,
    party_kind: String,
    party_id: i64,
    name: String,
    position: String,
    phone: String,
    email: String,
    notes: String,
    archived: bool,
}

fn from_row(row: Row) -> QueryResult<Contact> {
    let party = match row.party_kind.as_str() {
        "supplier" => Party::Supplier(SupplierId(row.party_id)),
        "agency" => Party::Agency(AgencyId(row.party_id)),
        other => return Err(super::corrupt("contact party", other)),
    };
    Ok(Contact {
        id: ContactId(row.id),
        party,
        data: ContactData {
            name: row.name,
            position: row.position,
            phone: row.phone,
            email: row.email,
            notes: row.notes,
        },
        archived: row.archived,
    })
}

fn key_of(data: &ContactData) -> String {
    search::contact_key(&data.name, &data.position, &data.phone, &data.email)
}

pub fn insert(
    conn: &mut AnyConnection,
    party: Party,
    data: &ContactData,
) -> QueryResult<ContactId> {
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
            contacts::search_key.eq(key_of(data)),
            contacts::archived.eq(false),
            contacts::created_at.eq(at),
            contacts::updated_at.eq(at),
        ))
        .returning(contacts::id)
        .get_result(conn)
        .map(ContactId)
}

/// Adds a contact to `party` and audits it.
pub fn add(
    conn: &mut AnyConnection,
    actor: &Actor,
    party: Party,
    data: &ContactData,
) -> QueryResult<ContactId> {
    let id = insert(conn, party, data)?;
    let (kind, party_id) = party.parts();
    let mut after = serde_json::json!(data);
    after["party"] = kind.into();
    after["party_id"] = party_id.into();
    audit::record_change(conn, actor, Change::create(Entity::Contact, id, after))?;
    Ok(id)
}

fn update(conn: &mut AnyConnection, id: ContactId, data: &ContactData) -> QueryResult<usize> {
    diesel::update(contacts::table.find(id.0))
        .set((
            contacts::name.eq(&data.name),
            contacts::position.eq(&data.position),
            contacts::phone.eq(&data.phone),
            contacts::email.eq(&data.email),
            contacts::notes.eq(&data.notes),
            contacts::search_key.eq(key_of(data)),
            contacts::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// Contacts are changed and archived through [`super::change`] and [`super::set_archived`].
pub struct Contacts;

impl super::Record for Contacts {
    const ENTITY: Entity = Entity::Contact;
    type Id = ContactId;
    type Data = ContactData;

    fn find_data(
        conn: &mut AnyConnection,
        id: ContactId,
    ) -> QueryResult<Option<(ContactData, bool)>> {
        Ok(find(conn, id)?.map(|c| (c.data, c.archived)))
    }

    fn update(conn: &mut AnyConnection, id: ContactId, data: &ContactData) -> QueryResult<usize> {
        update(conn, id, data)
    }

    fn write_archived(
        conn: &mut AnyConnection,
        id: ContactId,
        archived: bool,
    ) -> QueryResult<usize> {
        diesel::update(contacts::table.find(id.0))
            .set((
                contacts::archived.eq(archived),
                contacts::updated_at.eq(now()),
            ))
            .execute(conn)
    }

    fn audit_json(data: &ContactData) -> serde_json::Value {
        serde_json::json!(data)
    }
}

pub fn find(conn: &mut AnyConnection, id: ContactId) -> QueryResult<Option<Contact>> {
    contacts::table
        .find(id.0)
        .select(Row::as_select())
        .first(conn)
        .optional()?
        .map(from_row)
        .transpose()
}

/// The live contacts of a party, by name.
pub fn of(conn: &mut AnyConnection, party: Party) -> QueryResult<Vec<Contact>> {
    of_in_state(conn, party, false)
}

/// A party's archived contacts, by name.
pub fn archived_of(conn: &mut AnyConnection, party: Party) -> QueryResult<Vec<Contact>> {
    of_in_state(conn, party, true)
}

fn of_in_state(
    conn: &mut AnyConnection,
    party: Party,
    archived: bool,
) -> QueryResult<Vec<Contact>> {
    let (kind, party_id) = party.parts();
    contacts::table
        .filter(contacts::party_kind.eq(kind))
        .filter(contacts::party_id.eq(party_id))
        .filter(contacts::archived.eq(archived))
        .select(Row::as_select())
        .order((contacts::name.asc(), contacts::id.asc()))
        .load(conn)?
        .into_iter()
        .map(from_row)
        .collect()
}
