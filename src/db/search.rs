//! Searching and name matching on keys computed in Rust (`domain::text::search_key`), stored
//! beside the text they stand for, so that SQLite and PostgreSQL find the same rows whatever
//! the script: "Đà Lạt Palace", "Русь Тур", "河畔酒店" and "โรงแรมริมน้ำ" alike.
//!
//! **Invariant:** every write of a searched or matched text writes its key in the same
//! statement; searches compare keys only, never `lower()` of a column.

use diesel::prelude::*;

use super::AnyConnection;
use super::schema::{agencies, contacts, exchange_rates, guides, room_types, suppliers, users};
use crate::domain::text::{search_key, search_keys};

/// Escapes `%`, `_` and `\` so a search term matches literally (with `ESCAPE '\'`).
pub fn escape_like(term: &str) -> String {
    let mut out = String::with_capacity(term.len());
    for c in term.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The `LIKE` pattern that finds `term` anywhere in a search key.
pub fn contains(term: &str) -> String {
    format!("%{}%", escape_like(&search_key(term)))
}

/// The search key of a supplier: name, local name, city.
pub fn supplier_key(name: &str, local_name: &str, city: &str) -> String {
    search_keys(&[name, local_name, city])
}

/// The search key of a guide: name, local name, licence number.
pub fn guide_key(name: &str, local_name: &str, licence_number: &str) -> String {
    search_keys(&[name, local_name, licence_number])
}

/// The search key of a client agency: name, country, main contact.
pub fn agency_key(name: &str, country: &str, contact_name: &str) -> String {
    search_keys(&[name, country, contact_name])
}

/// The search key of a contact: name, position, phone, e-mail.
pub fn contact_key(name: &str, position: &str, phone: &str, email: &str) -> String {
    search_keys(&[name, position, phone, email])
}

/// The search key of a user: e-mail, display name.
pub fn user_key(email: &str, display_name: &str) -> String {
    search_keys(&[email, display_name])
}

/// Fills the keys of rows written before they existed (run once, by the migration that
/// added them). Returns how many rows it keyed.
pub fn backfill(conn: &mut AnyConnection) -> QueryResult<usize> {
    super::write(conn, |conn| {
        let mut n = 0;
        let rows: Vec<(i64, String, String, String)> = suppliers::table
            .select((
                suppliers::id,
                suppliers::name,
                suppliers::local_name,
                suppliers::city,
            ))
            .load(conn)?;
        for (id, name, local, city) in rows {
            n += diesel::update(suppliers::table.find(id))
                .set((
                    suppliers::name_key.eq(search_key(&name)),
                    suppliers::city_key.eq(search_key(&city)),
                    suppliers::search_key.eq(supplier_key(&name, &local, &city)),
                ))
                .execute(conn)?;
        }
        let rows: Vec<(i64, String)> = room_types::table
            .select((room_types::id, room_types::name))
            .load(conn)?;
        for (id, name) in rows {
            n += diesel::update(room_types::table.find(id))
                .set(room_types::name_key.eq(search_key(&name)))
                .execute(conn)?;
        }
        let rows: Vec<(i64, String, String, String)> = guides::table
            .select((
                guides::id,
                guides::name,
                guides::local_name,
                guides::licence_number,
            ))
            .load(conn)?;
        for (id, name, local, licence) in rows {
            n += diesel::update(guides::table.find(id))
                .set((
                    guides::name_key.eq(search_key(&name)),
                    guides::search_key.eq(guide_key(&name, &local, &licence)),
                ))
                .execute(conn)?;
        }
        let rows: Vec<(i64, String, String, String)> = agencies::table
            .select((
                agencies::id,
                agencies::name,
                agencies::country,
                agencies::contact_name,
            ))
            .load(conn)?;
        for (id, name, country, contact) in rows {
            n += diesel::update(agencies::table.find(id))
                .set((
                    agencies::name_key.eq(search_key(&name)),
                    agencies::search_key.eq(agency_key(&name, &country, &contact)),
                ))
                .execute(conn)?;
        }
        let rows: Vec<(i64, String, String)> = users::table
            .select((users::id, users::email, users::display_name))
            .load(conn)?;
        for (id, email, name) in rows {
            n += diesel::update(users::table.find(id))
                .set(users::search_key.eq(user_key(&email, &name)))
                .execute(conn)?;
        }
        let rows: Vec<(i64, String)> = exchange_rates::table
            .select((exchange_rates::id, exchange_rates::source))
            .load(conn)?;
        for (id, source) in rows {
            n += diesel::update(exchange_rates::table.find(id))
                .set(exchange_rates::search_key.eq(search_key(&source)))
                .execute(conn)?;
        }
        Ok(n)
    })
}

/// Keys the contacts written before contacts had keys (run once, by the migration that added
/// them). Returns how many it keyed.
pub fn backfill_contacts(conn: &mut AnyConnection) -> QueryResult<usize> {
    super::write(conn, |conn| {
        let rows: Vec<(i64, String, String, String, String)> = contacts::table
            .select((
                contacts::id,
                contacts::name,
                contacts::position,
                contacts::phone,
                contacts::email,
            ))
            .load(conn)?;
        let mut n = 0;
        for (id, name, position, phone, email) in rows {
            n += diesel::update(contacts::table.find(id))
                .set(contacts::search_key.eq(contact_key(&name, &position, &phone, &email)))
                .execute(conn)?;
        }
        Ok(n)
    })
}
