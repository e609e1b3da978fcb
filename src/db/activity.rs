//! What the audit log's sentences name: for each record a row mentions, what it is called now,
//! what it belongs to (a room type's hotel, a contact's party) and the currency its amounts are
//! in. Read for a page of rows at once; a record that no longer exists is simply absent.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use diesel::prelude::*;

use super::AnyConnection;
use super::master::{corrupt, currency_of};
use super::schema::{
    agencies, allotments, contacts, exchange_rates, guides, hotel_contracts, peak_surcharges,
    room_rates, room_types, suppliers, users, vehicles,
};
use crate::domain::currency::Currency;
use crate::domain::ids::{
    AgencyId, AllotmentId, ContactId, ExchangeRateId, GuideId, PeakId, RoomRateId, RoomTypeId,
    SupplierId, UserId, VehicleId,
};
use crate::domain::master::suppliers::SupplierKind;

/// A record an audit row can be about or mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    Supplier(SupplierId),
    RoomType(RoomTypeId),
    RoomRate(RoomRateId),
    /// A hotel's contract, by its hotel.
    HotelContract(SupplierId),
    Peak(PeakId),
    Allotment(AllotmentId),
    Vehicle(VehicleId),
    Guide(GuideId),
    Agency(AgencyId),
    Contact(ContactId),
    ExchangeRate(ExchangeRateId),
    User(UserId),
}

/// What a record is called and what it hangs off, as it stands now.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Named {
    /// Its name (a room rate's season, a vehicle's type and plate, an exchange rate's pair
    /// `USD → THB`, a contract's reference; none for an allotment).
    pub name: String,
    /// A supplier's kind.
    pub kind: Option<SupplierKind>,
    /// The record it belongs to: a room type's, peak's, contract's or vehicle's supplier, a
    /// rate's or allotment's room type, a contact's party.
    pub parent: Option<Ref>,
    /// The currency of its amounts (a supplier's, an agency's, a room rate's).
    pub currency: Option<Currency>,
    /// An exchange rate's date.
    pub date: Option<NaiveDate>,
}

/// Reads every record in `wanted`, and the records they belong to, in a few queries per kind.
pub fn names(
    conn: &mut AnyConnection,
    wanted: impl IntoIterator<Item = Ref>,
) -> QueryResult<HashMap<Ref, Named>> {
    let mut found = HashMap::new();
    let mut asked: HashSet<Ref> = HashSet::new();
    let mut next: Vec<Ref> = wanted.into_iter().collect();
    // A rate's room type's hotel is three levels deep; nothing goes deeper.
    for _ in 0..4 {
        next.retain(|r| asked.insert(*r));
        if next.is_empty() {
            break;
        }
        let round = read_round(conn, &next)?;
        next = round.values().filter_map(|n| n.parent).collect();
        found.extend(round);
    }
    Ok(found)
}

fn ids<T>(refs: &[Ref], pick: impl Fn(&Ref) -> Option<T>) -> Vec<T> {
    refs.iter().filter_map(pick).collect()
}

fn read_round(conn: &mut AnyConnection, refs: &[Ref]) -> QueryResult<HashMap<Ref, Named>> {
    let mut out = HashMap::new();
    let wanted = ids(refs, |r| match r {
        Ref::Supplier(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, String, String, String)> = suppliers::table
            .filter(suppliers::id.eq_any(&wanted))
            .select((
                suppliers::id,
                suppliers::kind,
                suppliers::name,
                suppliers::currency,
            ))
            .load(conn)?;
        for (id, kind, name, currency) in rows {
            let kind = SupplierKind::parse(&kind).ok_or_else(|| corrupt("supplier kind", &kind))?;
            let named = Named {
                name,
                kind: Some(kind),
                currency: Some(currency_of(&currency)?),
                ..Named::default()
            };
            out.insert(Ref::Supplier(SupplierId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::RoomType(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, i64, String)> = room_types::table
            .filter(room_types::id.eq_any(&wanted))
            .select((room_types::id, room_types::supplier_id, room_types::name))
            .load(conn)?;
        for (id, hotel, name) in rows {
            let named = Named {
                name,
                parent: Some(Ref::Supplier(SupplierId(hotel))),
                ..Named::default()
            };
            out.insert(Ref::RoomType(RoomTypeId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::RoomRate(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, i64, String, String)> = room_rates::table
            .filter(room_rates::id.eq_any(&wanted))
            .select((
                room_rates::id,
                room_rates::room_type_id,
                room_rates::season,
                room_rates::currency,
            ))
            .load(conn)?;
        for (id, room_type, season, currency) in rows {
            let named = Named {
                name: season,
                parent: Some(Ref::RoomType(RoomTypeId(room_type))),
                currency: Some(currency_of(&currency)?),
                ..Named::default()
            };
            out.insert(Ref::RoomRate(RoomRateId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::Vehicle(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, i64, String, String)> = vehicles::table
            .filter(vehicles::id.eq_any(&wanted))
            .select((
                vehicles::id,
                vehicles::supplier_id,
                vehicles::vehicle_type,
                vehicles::plate,
            ))
            .load(conn)?;
        for (id, company, vehicle_type, plate) in rows {
            let named = Named {
                name: super::master::vehicles::label(&vehicle_type, &plate),
                parent: Some(Ref::Supplier(SupplierId(company))),
                ..Named::default()
            };
            out.insert(Ref::Vehicle(VehicleId(id)), named);
        }
    }
    read_contracts(conn, refs, &mut out)?;
    read_people(conn, refs, &mut out)?;
    Ok(out)
}

/// A hotel's contract, its peak surcharges and its rooms' allotments.
fn read_contracts(
    conn: &mut AnyConnection,
    refs: &[Ref],
    out: &mut HashMap<Ref, Named>,
) -> QueryResult<()> {
    let wanted = ids(refs, |r| match r {
        Ref::HotelContract(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, String)> = hotel_contracts::table
            .filter(hotel_contracts::supplier_id.eq_any(&wanted))
            .select((hotel_contracts::supplier_id, hotel_contracts::reference))
            .load(conn)?;
        for (hotel, reference) in rows {
            let named = Named {
                name: reference,
                parent: Some(Ref::Supplier(SupplierId(hotel))),
                ..Named::default()
            };
            out.insert(Ref::HotelContract(SupplierId(hotel)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::Peak(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, i64, String, String)> = peak_surcharges::table
            .filter(peak_surcharges::id.eq_any(&wanted))
            .select((
                peak_surcharges::id,
                peak_surcharges::supplier_id,
                peak_surcharges::name,
                peak_surcharges::currency,
            ))
            .load(conn)?;
        for (id, hotel, name, currency) in rows {
            let named = Named {
                name,
                parent: Some(Ref::Supplier(SupplierId(hotel))),
                currency: Some(currency_of(&currency)?),
                ..Named::default()
            };
            out.insert(Ref::Peak(PeakId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::Allotment(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, i64)> = allotments::table
            .filter(allotments::id.eq_any(&wanted))
            .select((allotments::id, allotments::room_type_id))
            .load(conn)?;
        for (id, room_type) in rows {
            let named = Named {
                parent: Some(Ref::RoomType(RoomTypeId(room_type))),
                ..Named::default()
            };
            out.insert(Ref::Allotment(AllotmentId(id)), named);
        }
    }
    Ok(())
}

/// Guides, agencies, contacts, exchange rates and users: records that hang off nothing, or
/// (contacts) off a party.
fn read_people(
    conn: &mut AnyConnection,
    refs: &[Ref],
    out: &mut HashMap<Ref, Named>,
) -> QueryResult<()> {
    let wanted = ids(refs, |r| match r {
        Ref::Guide(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, String, String)> = guides::table
            .filter(guides::id.eq_any(&wanted))
            .select((guides::id, guides::name, guides::currency))
            .load(conn)?;
        for (id, name, currency) in rows {
            let named = Named {
                name,
                currency: Some(currency_of(&currency)?),
                ..Named::default()
            };
            out.insert(Ref::Guide(GuideId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::Agency(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, String, String)> = agencies::table
            .filter(agencies::id.eq_any(&wanted))
            .select((agencies::id, agencies::name, agencies::currency))
            .load(conn)?;
        for (id, name, currency) in rows {
            let named = Named {
                name,
                currency: Some(currency_of(&currency)?),
                ..Named::default()
            };
            out.insert(Ref::Agency(AgencyId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::Contact(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, String, i64, String)> = contacts::table
            .filter(contacts::id.eq_any(&wanted))
            .select((
                contacts::id,
                contacts::party_kind,
                contacts::party_id,
                contacts::name,
            ))
            .load(conn)?;
        for (id, party_kind, party_id, name) in rows {
            let parent = match party_kind.as_str() {
                "supplier" => Ref::Supplier(SupplierId(party_id)),
                "agency" => Ref::Agency(AgencyId(party_id)),
                other => return Err(corrupt("contact party", other)),
            };
            let named = Named {
                name,
                parent: Some(parent),
                ..Named::default()
            };
            out.insert(Ref::Contact(ContactId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::ExchangeRate(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, NaiveDate, String, String)> = exchange_rates::table
            .filter(exchange_rates::id.eq_any(&wanted))
            .select((
                exchange_rates::id,
                exchange_rates::rate_date,
                exchange_rates::from_currency,
                exchange_rates::to_currency,
            ))
            .load(conn)?;
        for (id, date, from, to) in rows {
            let named = Named {
                name: pair_name(&from, &to),
                currency: Some(currency_of(&to)?),
                date: Some(date),
                ..Named::default()
            };
            out.insert(Ref::ExchangeRate(ExchangeRateId(id)), named);
        }
    }
    let wanted = ids(refs, |r| match r {
        Ref::User(id) => Some(id.0),
        _ => None,
    });
    if !wanted.is_empty() {
        let rows: Vec<(i64, String)> = users::table
            .filter(users::id.eq_any(&wanted))
            .select((users::id, users::display_name))
            .load(conn)?;
        for (id, name) in rows {
            let named = Named {
                name,
                ..Named::default()
            };
            out.insert(Ref::User(UserId(id)), named);
        }
    }
    Ok(())
}

/// An exchange rate's pair as a sentence names it: `USD → THB`.
pub fn pair_name(from: &str, to: &str) -> String {
    format!("{from} → {to}")
}
