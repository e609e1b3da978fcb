//! Suppliers of every kind (hotels, transport companies, restaurants, attractions, shops).
//! A hotel's room types and rates are in [`super::rooms`], a transport company's vehicles in
//! [`super::vehicles`].

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::listing::{Listing, Paged};

use super::{corrupt, currency_of, dec_of};
use crate::db::audit::Entity;
use crate::db::schema::suppliers;
use crate::db::{AnyConnection, now, search};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::ids::SupplierId;
use crate::domain::master::suppliers::{CommissionBasis, CommissionSplit, SupplierKind};
use crate::domain::text::search_key;

/// A shop's commission agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commission {
    pub basis: CommissionBasis,
    /// Percent of sales, when the basis is a percentage.
    pub percent: Option<Dec>,
    /// Minor units per head, in the supplier's currency, when the basis is per head.
    pub per_head_minor: Option<i64>,
    pub split: CommissionSplit,
}

/// Everything a form or an import sets on a supplier.
#[derive(Debug, Clone, PartialEq)]
pub struct SupplierData {
    pub kind: SupplierKind,
    pub name: String,
    pub local_name: String,
    pub city: String,
    pub country: String,
    pub address: String,
    pub contact_name: String,
    pub phone: String,
    pub email: String,
    pub currency: Currency,
    pub notes: String,
    /// Hotels: 1 to 5.
    pub stars: Option<i32>,
    /// Restaurants: meal rates per pax, minor units.
    pub breakfast_minor: Option<i64>,
    pub lunch_minor: Option<i64>,
    pub dinner_minor: Option<i64>,
    /// Attractions: entrance per adult and per child, minor units.
    pub adult_minor: Option<i64>,
    pub child_minor: Option<i64>,
    /// Shops: what they sell, and the commission agreement.
    pub shop_kind: String,
    pub commission: Option<Commission>,
}

impl SupplierData {
    /// The fields as the audit log shows them.
    pub fn audit_json(&self) -> serde_json::Value {
        serde_json::json!({
            "kind": self.kind.as_str(),
            "name": self.name,
            "local_name": self.local_name,
            "city": self.city,
            "country": self.country,
            "address": self.address,
            "contact_name": self.contact_name,
            "phone": self.phone,
            "email": self.email,
            "currency": self.currency.code(),
            "notes": self.notes,
            "stars": self.stars,
            "breakfast_minor": self.breakfast_minor,
            "lunch_minor": self.lunch_minor,
            "dinner_minor": self.dinner_minor,
            "adult_minor": self.adult_minor,
            "child_minor": self.child_minor,
            "shop_kind": self.shop_kind,
            "commission_basis": self.commission.map(|c| c.basis.as_str()),
            "commission_percent": self.commission.and_then(|c| c.percent).map(|d| d.canonical()),
            "commission_per_head_minor": self.commission.and_then(|c| c.per_head_minor),
            "split": self.commission.map(|c| [c.split.agency.canonical(), c.split.guide.canonical(), c.split.driver.canonical()]),
        })
    }
}

#[derive(Debug, Clone)]
pub struct Supplier {
    pub id: SupplierId,
    pub data: SupplierData,
    pub archived: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = suppliers)]
struct SupplierRow {
    id: i64,
    kind: String,
    name: String,
    local_name: String,
    city: String,
    country: String,
    address: String,
    contact_name: String,
    phone: String,
    email: String,
    currency: String,
    notes: String,
    stars: Option<i32>,
    breakfast_minor: Option<i64>,
    lunch_minor: Option<i64>,
    dinner_minor: Option<i64>,
    adult_minor: Option<i64>,
    child_minor: Option<i64>,
    shop_kind: String,
    commission_basis: Option<String>,
    commission_percent: Option<String>,
    commission_per_head_minor: Option<i64>,
    split_agency: Option<String>,
    split_guide: Option<String>,
    split_driver: Option<String>,
    archived: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

impl SupplierRow {
    fn into_supplier(self) -> QueryResult<Supplier> {
        let kind = SupplierKind::parse(&self.kind).ok_or_else(|| corrupt("kind", &self.kind))?;
        let commission = match self.commission_basis.as_deref() {
            None => None,
            Some(raw) => {
                let basis = CommissionBasis::parse(raw).ok_or_else(|| corrupt("basis", raw))?;
                let share = |v: &Option<String>| dec_of(v.as_deref().unwrap_or("0"));
                let split = CommissionSplit::new(
                    share(&self.split_agency)?,
                    share(&self.split_guide)?,
                    share(&self.split_driver)?,
                )
                .map_err(|_| corrupt("commission split", raw))?;
                Some(Commission {
                    basis,
                    percent: self.commission_percent.as_deref().map(dec_of).transpose()?,
                    per_head_minor: self.commission_per_head_minor,
                    split,
                })
            }
        };
        Ok(Supplier {
            id: SupplierId(self.id),
            data: SupplierData {
                kind,
                name: self.name,
                local_name: self.local_name,
                city: self.city,
                country: self.country,
                address: self.address,
                contact_name: self.contact_name,
                phone: self.phone,
                email: self.email,
                currency: currency_of(&self.currency)?,
                notes: self.notes,
                stars: self.stars,
                breakfast_minor: self.breakfast_minor,
                lunch_minor: self.lunch_minor,
                dinner_minor: self.dinner_minor,
                adult_minor: self.adult_minor,
                child_minor: self.child_minor,
                shop_kind: self.shop_kind,
                commission,
            },
            archived: self.archived,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

/// The columns a form or an import writes, with the keys a supplier is matched and searched
/// by (`db::search`). A `None` writes NULL: a cleared field is cleared.
#[derive(Insertable, AsChangeset)]
#[diesel(table_name = suppliers, treat_none_as_null = true)]
struct SupplierValues<'a> {
    kind: &'static str,
    name: &'a str,
    local_name: &'a str,
    city: &'a str,
    country: &'a str,
    address: &'a str,
    contact_name: &'a str,
    phone: &'a str,
    email: &'a str,
    currency: &'static str,
    notes: &'a str,
    stars: Option<i32>,
    breakfast_minor: Option<i64>,
    lunch_minor: Option<i64>,
    dinner_minor: Option<i64>,
    adult_minor: Option<i64>,
    child_minor: Option<i64>,
    shop_kind: &'a str,
    commission_basis: Option<&'static str>,
    commission_percent: Option<String>,
    commission_per_head_minor: Option<i64>,
    split_agency: Option<String>,
    split_guide: Option<String>,
    split_driver: Option<String>,
    name_key: String,
    city_key: String,
    search_key: String,
    updated_at: NaiveDateTime,
}

impl<'a> SupplierValues<'a> {
    fn of(d: &'a SupplierData) -> SupplierValues<'a> {
        let c = d.commission;
        SupplierValues {
            kind: d.kind.as_str(),
            name: &d.name,
            local_name: &d.local_name,
            city: &d.city,
            country: &d.country,
            address: &d.address,
            contact_name: &d.contact_name,
            phone: &d.phone,
            email: &d.email,
            currency: d.currency.code(),
            notes: &d.notes,
            stars: d.stars,
            breakfast_minor: d.breakfast_minor,
            lunch_minor: d.lunch_minor,
            dinner_minor: d.dinner_minor,
            adult_minor: d.adult_minor,
            child_minor: d.child_minor,
            shop_kind: &d.shop_kind,
            commission_basis: c.map(|c| c.basis.as_str()),
            commission_percent: c.and_then(|c| c.percent).map(|p| p.canonical()),
            commission_per_head_minor: c.and_then(|c| c.per_head_minor),
            split_agency: c.map(|c| c.split.agency.canonical()),
            split_guide: c.map(|c| c.split.guide.canonical()),
            split_driver: c.map(|c| c.split.driver.canonical()),
            name_key: search_key(&d.name),
            city_key: search_key(&d.city),
            search_key: search::supplier_key(&d.name, &d.local_name, &d.city),
            updated_at: now(),
        }
    }
}

pub fn insert(conn: &mut AnyConnection, data: &SupplierData) -> QueryResult<SupplierId> {
    let values = SupplierValues::of(data);
    let created_at = values.updated_at;
    diesel::insert_into(suppliers::table)
        .values((
            values,
            suppliers::archived.eq(false),
            suppliers::created_at.eq(created_at),
        ))
        .returning(suppliers::id)
        .get_result(conn)
        .map(SupplierId)
}

pub fn update(conn: &mut AnyConnection, id: SupplierId, data: &SupplierData) -> QueryResult<usize> {
    diesel::update(suppliers::table.find(id.0))
        .set(SupplierValues::of(data))
        .execute(conn)
}

/// Suppliers are changed, archived and restored through [`super::change`] and
/// [`super::set_archived`].
pub struct Suppliers;

impl super::Record for Suppliers {
    const ENTITY: Entity = Entity::Supplier;
    type Id = SupplierId;
    type Data = SupplierData;

    fn find_data(
        conn: &mut AnyConnection,
        id: SupplierId,
    ) -> QueryResult<Option<(SupplierData, bool)>> {
        Ok(find(conn, id)?.map(|s| (s.data, s.archived)))
    }

    fn update(conn: &mut AnyConnection, id: SupplierId, data: &SupplierData) -> QueryResult<usize> {
        update(conn, id, data)
    }

    fn write_archived(
        conn: &mut AnyConnection,
        id: SupplierId,
        archived: bool,
    ) -> QueryResult<usize> {
        diesel::update(suppliers::table.find(id.0))
            .set((
                suppliers::archived.eq(archived),
                suppliers::updated_at.eq(now()),
            ))
            .execute(conn)
    }

    fn audit_json(data: &SupplierData) -> serde_json::Value {
        data.audit_json()
    }

    /// A supplier keeps its kind: a restaurant is not changed through a hotel's form.
    fn may_replace(before: &SupplierData, data: &SupplierData) -> bool {
        before.kind == data.kind
    }
}

impl super::NewRecord for Suppliers {
    fn insert(conn: &mut AnyConnection, data: &SupplierData) -> QueryResult<SupplierId> {
        insert(conn, data)
    }
}

pub fn find(conn: &mut AnyConnection, id: SupplierId) -> QueryResult<Option<Supplier>> {
    suppliers::table
        .find(id.0)
        .select(SupplierRow::as_select())
        .first(conn)
        .optional()?
        .map(SupplierRow::into_supplier)
        .transpose()
}

/// The supplier of `kind` with this name in this city (compared on their keys), for imports.
pub fn find_by_name(
    conn: &mut AnyConnection,
    kind: SupplierKind,
    name: &str,
    city: &str,
) -> QueryResult<Option<Supplier>> {
    suppliers::table
        .filter(suppliers::kind.eq(kind.as_str()))
        .filter(suppliers::name_key.eq(search_key(name)))
        .filter(suppliers::city_key.eq(search_key(city)))
        .order(suppliers::id.asc())
        .select(SupplierRow::as_select())
        .first(conn)
        .optional()?
        .map(SupplierRow::into_supplier)
        .transpose()
}

/// Every supplier of `kind` with this name (compared on its key), in any city, for imports that
/// name a supplier without its city.
pub fn find_named(
    conn: &mut AnyConnection,
    kind: SupplierKind,
    name: &str,
) -> QueryResult<Vec<Supplier>> {
    let rows: Vec<SupplierRow> = suppliers::table
        .filter(suppliers::kind.eq(kind.as_str()))
        .filter(suppliers::name_key.eq(search_key(name)))
        .order(suppliers::id.asc())
        .select(SupplierRow::as_select())
        .load(conn)?;
    rows.into_iter().map(SupplierRow::into_supplier).collect()
}

/// The columns a supplier list may be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Name,
    City,
    Country,
    Stars,
    Updated,
}

impl crate::db::listing::SortKey for SortBy {
    const WORDS: &'static [(&'static str, SortBy)] = &[
        ("name", SortBy::Name),
        ("city", SortBy::City),
        ("country", SortBy::Country),
        ("stars", SortBy::Stars),
        ("updated", SortBy::Updated),
    ];
}

pub struct ListQuery {
    pub listing: Listing<SortBy>,
    pub kind: SupplierKind,
    pub city: Option<String>,
    pub show_archived: bool,
}

impl Paged for ListQuery {
    fn offset_mut(&mut self) -> &mut i64 {
        &mut self.listing.offset
    }
}

/// One page of suppliers of a kind, and how many match in all.
pub fn list(conn: &mut AnyConnection, q: &ListQuery) -> QueryResult<(Vec<Supplier>, i64)> {
    let filtered = || {
        let mut query = suppliers::table
            .filter(suppliers::kind.eq(q.kind.as_str()))
            .filter(suppliers::archived.eq(q.show_archived))
            .into_boxed();
        if let Some(term) = q.listing.term() {
            query = query.filter(
                suppliers::search_key
                    .like(search::contains(term))
                    .escape('\\'),
            );
        }
        if let Some(city) = q.city.as_deref().filter(|c| !c.is_empty()) {
            query = query.filter(suppliers::city.eq(city.to_owned()));
        }
        query
    };
    let total: i64 = filtered().count().get_result(conn)?;
    let mut query = filtered().select(SupplierRow::as_select());
    query = match (q.listing.sort, q.listing.descending) {
        (SortBy::Name, false) => query.order((suppliers::name.asc(), suppliers::id.asc())),
        (SortBy::Name, true) => query.order((suppliers::name.desc(), suppliers::id.desc())),
        (SortBy::City, false) => query.order((suppliers::city.asc(), suppliers::name.asc())),
        (SortBy::City, true) => query.order((suppliers::city.desc(), suppliers::name.asc())),
        (SortBy::Country, false) => query.order((suppliers::country.asc(), suppliers::name.asc())),
        (SortBy::Country, true) => query.order((suppliers::country.desc(), suppliers::name.asc())),
        (SortBy::Stars, false) => query.order((suppliers::stars.asc(), suppliers::name.asc())),
        (SortBy::Stars, true) => query.order((suppliers::stars.desc(), suppliers::name.asc())),
        (SortBy::Updated, false) => query.order(suppliers::updated_at.asc()),
        (SortBy::Updated, true) => query.order(suppliers::updated_at.desc()),
    };
    let rows: Vec<SupplierRow> = query
        .offset(q.listing.offset)
        .limit(q.listing.limit)
        .load(conn)?;
    let found = rows
        .into_iter()
        .map(SupplierRow::into_supplier)
        .collect::<QueryResult<_>>()?;
    Ok((found, total))
}

/// The distinct cities of a kind's live suppliers, for the filter.
pub fn cities(conn: &mut AnyConnection, kind: SupplierKind) -> QueryResult<Vec<String>> {
    suppliers::table
        .filter(suppliers::kind.eq(kind.as_str()))
        .filter(suppliers::archived.eq(false))
        .filter(suppliers::city.ne(""))
        .select(suppliers::city)
        .distinct()
        .order(suppliers::city.asc())
        .load(conn)
}
