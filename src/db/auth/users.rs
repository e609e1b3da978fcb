//! Staff accounts.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::listing::{Listing, Paged};

use crate::db::schema::users;
use crate::db::{AnyConnection, now, search};
use crate::domain::access::Role;
use crate::domain::email::Email;
use crate::domain::ids::UserId;
use crate::domain::locale::Locale;
use crate::domain::time::YearStyle;

#[derive(Debug, Clone)]
pub struct User {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub locale: Option<Locale>,
    pub password_hash: String,
    pub must_change_password: bool,
    pub disabled: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// How the user reads years on pages (display only).
    pub year_style: YearStyle,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = users)]
pub struct UserRow {
    id: i64,
    email: String,
    display_name: String,
    role: String,
    locale: Option<String>,
    password_hash: String,
    must_change_password: bool,
    disabled: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    year_style: String,
}

impl UserRow {
    /// Converts the stored text columns into their enums; the CHECK constraints make failure
    /// a sign of a database edited by hand, reported as a deserialization error.
    pub fn into_user(self) -> QueryResult<User> {
        let bad = |e: String| diesel::result::Error::DeserializationError(e.into());
        Ok(User {
            id: UserId(self.id),
            email: self.email,
            display_name: self.display_name,
            role: Role::parse(&self.role).map_err(|e| bad(e.to_string()))?,
            locale: match self.locale {
                Some(tag) => Some(Locale::parse(&tag).map_err(|e| bad(e.to_string()))?),
                None => None,
            },
            password_hash: self.password_hash,
            must_change_password: self.must_change_password,
            disabled: self.disabled,
            created_at: self.created_at,
            updated_at: self.updated_at,
            year_style: YearStyle::parse(&self.year_style).map_err(|e| bad(e.to_string()))?,
        })
    }
}

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub display_name: &'a str,
    pub role: Role,
    pub password_hash: &'a str,
    pub must_change_password: bool,
}

pub fn insert(conn: &mut AnyConnection, new: &NewUser<'_>) -> QueryResult<UserId> {
    let at = now();
    diesel::insert_into(users::table)
        .values((
            users::email.eq(new.email.as_str()),
            users::display_name.eq(new.display_name),
            users::search_key.eq(search::user_key(new.email.as_str(), new.display_name)),
            users::role.eq(new.role.as_str()),
            users::password_hash.eq(new.password_hash),
            users::must_change_password.eq(new.must_change_password),
            users::disabled.eq(false),
            users::created_at.eq(at),
            users::updated_at.eq(at),
        ))
        .returning(users::id)
        .get_result(conn)
        .map(UserId)
}

pub fn find(conn: &mut AnyConnection, id: UserId) -> QueryResult<Option<User>> {
    users::table
        .find(id.0)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(UserRow::into_user)
        .transpose()
}

pub fn find_by_email(conn: &mut AnyConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(email.trim().to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(UserRow::into_user)
        .transpose()
}

/// The columns a user list may be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Email,
    Role,
    Created,
}

impl crate::db::listing::SortKey for SortBy {
    const WORDS: &'static [(&'static str, SortBy)] = &[
        ("name", SortBy::Name),
        ("email", SortBy::Email),
        ("role", SortBy::Role),
        ("created", SortBy::Created),
    ];
}

pub struct ListQuery {
    pub listing: Listing<SortBy>,
}

impl Paged for ListQuery {
    fn offset_mut(&mut self) -> &mut i64 {
        &mut self.listing.offset
    }
}

/// One page of users matching the search, and how many match in all.
pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<User>, i64)> {
    let filtered = || {
        let mut query = users::table.into_boxed();
        if let Some(term) = q.listing.term() {
            query = query.filter(users::search_key.like(search::contains(term)).escape('\\'));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select(UserRow::as_select());
    query = match (q.listing.sort, q.listing.descending) {
        (SortBy::Name, false) => query.order((users::display_name.asc(), users::id.asc())),
        (SortBy::Name, true) => query.order((users::display_name.desc(), users::id.desc())),
        (SortBy::Email, false) => query.order(users::email.asc()),
        (SortBy::Email, true) => query.order(users::email.desc()),
        (SortBy::Role, false) => query.order((users::role.asc(), users::id.asc())),
        (SortBy::Role, true) => query.order((users::role.desc(), users::id.desc())),
        (SortBy::Created, false) => query.order(users::id.asc()),
        (SortBy::Created, true) => query.order(users::id.desc()),
    };
    let rows: Vec<UserRow> = query
        .offset(q.listing.offset)
        .limit(q.listing.limit)
        .load(conn)?;
    let users = rows
        .into_iter()
        .map(UserRow::into_user)
        .collect::<QueryResult<_>>()?;
    Ok((users, total))
}

pub fn count_active(conn: &mut AnyConnection) -> QueryResult<i64> {
    users::table
        .filter(users::disabled.eq(false))
        .count()
        .get_result(conn)
}

pub fn count_active_admins(conn: &mut AnyConnection) -> QueryResult<i64> {
    users::table
        .filter(users::disabled.eq(false))
        .filter(users::role.eq(Role::Admin.as_str()))
        .count()
        .get_result(conn)
}

pub fn update_profile(
    conn: &mut AnyConnection,
    id: UserId,
    display_name: &str,
    role: Role,
) -> QueryResult<usize> {
    let email: String = users::table.find(id.0).select(users::email).first(conn)?;
    diesel::update(users::table.find(id.0))
        .set((
            users::display_name.eq(display_name),
            users::search_key.eq(search::user_key(&email, display_name)),
            users::role.eq(role.as_str()),
            users::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn set_disabled(conn: &mut AnyConnection, id: UserId, disabled: bool) -> QueryResult<usize> {
    diesel::update(users::table.find(id.0))
        .set((users::disabled.eq(disabled), users::updated_at.eq(now())))
        .execute(conn)
}

pub fn set_password(
    conn: &mut AnyConnection,
    id: UserId,
    password_hash: &str,
    must_change_password: bool,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id.0))
        .set((
            users::password_hash.eq(password_hash),
            users::must_change_password.eq(must_change_password),
            users::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn set_locale(
    conn: &mut AnyConnection,
    id: UserId,
    locale: Option<Locale>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id.0))
        .set((
            users::locale.eq(locale.map(Locale::tag)),
            users::updated_at.eq(now()),
        ))
        .execute(conn)
}

pub fn set_year_style(
    conn: &mut AnyConnection,
    id: UserId,
    year_style: YearStyle,
) -> QueryResult<usize> {
    diesel::update(users::table.find(id.0))
        .set((
            users::year_style.eq(year_style.as_str()),
            users::updated_at.eq(now()),
        ))
        .execute(conn)
}

/// Id and display name of every user, for filters.
pub fn names(conn: &mut AnyConnection) -> QueryResult<Vec<(i64, String, String)>> {
    users::table
        .select((users::id, users::display_name, users::email))
        .order(users::display_name.asc())
        .load(conn)
}
