//! Builders that put master data straight into a test tenant's database, with defaults, so a
//! test names only what it is about: `HotelBuilder::new().name("Riverside").insert(conn)`.

use chrono::NaiveDate;
use tourdesk::db::AnyConnection;
use tourdesk::db::master::agencies::{self, AgencyData};
use tourdesk::db::master::contacts::{self, ContactData, Party};
use tourdesk::db::master::contracts::{self, NewPeak};
use tourdesk::db::master::exchange_rates;
use tourdesk::db::master::guides::{self, GuideData};
use tourdesk::db::master::rooms::{self, NewRate, NewRoomType};
use tourdesk::db::master::suppliers::{self, SupplierData};
use tourdesk::db::master::vehicles::{self, NewVehicle};
use tourdesk::domain::currency::Currency;
use tourdesk::domain::decimal::Dec;
use tourdesk::domain::fx::Rate;
use tourdesk::domain::ids::{
    AgencyId, ContactId, ExchangeRateId, GuideId, RoomRateId, RoomTypeId, SupplierId, VehicleId,
};
use tourdesk::domain::ids::{AllotmentId, PeakId};
use tourdesk::domain::master::contracts::{Allotment, Peak, RateTerms};
use tourdesk::domain::master::guides::{Language, LanguageLevel};
use tourdesk::domain::master::seasons::Season;
use tourdesk::domain::master::suppliers::{RoomKind, SupplierKind};
use tourdesk::domain::money::Money;

fn thb() -> Currency {
    Currency::parse("THB").expect("THB")
}

/// A supplier of any kind; `HotelBuilder` is the hotel-flavoured name for the same.
pub struct SupplierBuilder {
    kind: SupplierKind,
    name: String,
    city: String,
}

pub type HotelBuilder = SupplierBuilder;

impl SupplierBuilder {
    /// A hotel in Bangkok.
    pub fn new() -> SupplierBuilder {
        SupplierBuilder::of(SupplierKind::Hotel)
    }

    pub fn of(kind: SupplierKind) -> SupplierBuilder {
        SupplierBuilder {
            kind,
            name: format!("Fixture {}", kind.as_str()),
            city: "Bangkok".into(),
        }
    }

    pub fn name(mut self, name: &str) -> SupplierBuilder {
        self.name = name.to_owned();
        self
    }

    pub fn insert(self, conn: &mut AnyConnection) -> SupplierId {
        let data = SupplierData {
            kind: self.kind,
            name: self.name,
            local_name: String::new(),
            city: self.city,
            country: "Thailand".into(),
            address: String::new(),
            contact_name: String::new(),
            phone: String::new(),
            email: String::new(),
            currency: thb(),
            notes: String::new(),
            stars: (self.kind == SupplierKind::Hotel).then_some(4),
            breakfast_minor: None,
            lunch_minor: (self.kind == SupplierKind::Restaurant).then_some(25_000),
            dinner_minor: None,
            adult_minor: (self.kind == SupplierKind::Attraction).then_some(50_000),
            child_minor: (self.kind == SupplierKind::Attraction).then_some(25_000),
            shop_kind: String::new(),
            commission: None,
        };
        suppliers::insert(conn, &data).expect("inserting a supplier")
    }
}

/// A twin room type of `hotel`.
pub fn room_type(conn: &mut AnyConnection, hotel: SupplierId, name: &str) -> RoomTypeId {
    rooms::insert_room_type(
        conn,
        hotel,
        &NewRoomType {
            kind: RoomKind::Twin,
            name: name.to_owned(),
            max_occupancy: 2,
        },
    )
    .expect("inserting a room type")
}

/// A rate of 1,000 THB a night for `room_type` from `starts_on` to `ends_on`.
pub fn room_rate(
    conn: &mut AnyConnection,
    room_type: RoomTypeId,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
) -> RoomRateId {
    let new = NewRate {
        season_name: "Fixture season".to_owned(),
        season: Season::new(starts_on, ends_on).expect("a season"),
        rate: Money::new(100_000, thb()),
        terms: RateTerms::default(),
    };
    rooms::insert_rate(conn, room_type, &new).expect("inserting a rate")
}

/// A Christmas peak over every room type of `hotel` and an allotment of five rooms of
/// `room_type`, both in 2045.
pub fn peak_and_allotment(
    conn: &mut AnyConnection,
    hotel: SupplierId,
    room_type: RoomTypeId,
) -> (PeakId, AllotmentId) {
    let day = |m, d| NaiveDate::from_ymd_opt(2045, m, d).expect("a date");
    let peak = NewPeak {
        room_type: None,
        peak: Peak {
            name: "Fixture Christmas".into(),
            period: Season::new(day(12, 24), day(12, 31)).expect("a period"),
            amount: Money::new(50_000, thb()),
            min_nights: 1,
        },
    };
    let allotment = Allotment {
        period: Season::new(day(1, 1), day(3, 31)).expect("a period"),
        rooms: 5,
        release_days: 7,
    };
    (
        contracts::insert_peak(conn, hotel, &peak).expect("inserting a peak"),
        contracts::insert_allotment(conn, hotel, room_type, &allotment)
            .expect("inserting an allotment"),
    )
}

/// A 45-seat coach of transport company `company`.
pub fn vehicle(conn: &mut AnyConnection, company: SupplierId) -> VehicleId {
    let new = NewVehicle {
        vehicle_type: "Coach".to_owned(),
        seats: 45,
        plate: String::new(),
        day_rate_minor: 900_000,
        transfer_rate_minor: 350_000,
    };
    vehicles::insert_vehicle(conn, company, &new).expect("inserting a vehicle")
}

/// A guide speaking English, at 2,000 THB a day.
pub fn guide(conn: &mut AnyConnection, name: &str) -> GuideId {
    guides::insert(conn, &guide_data(name)).expect("inserting a guide")
}

/// A guide's data: English, 2,000 THB a day.
pub fn guide_data(name: &str) -> GuideData {
    GuideData {
        name: name.to_owned(),
        local_name: String::new(),
        phone: String::new(),
        email: String::new(),
        licence_number: String::new(),
        licence_expires_on: None,
        daily_fee: Money::new(200_000, thb()),
        active: true,
        notes: String::new(),
        languages: vec![(Language::English, LanguageLevel::Fluent)],
    }
}

/// A client agency billed in USD.
pub fn agency(conn: &mut AnyConnection, name: &str) -> AgencyId {
    let data = AgencyData {
        name: name.to_owned(),
        country: "Korea".into(),
        market: "Korea".into(),
        language: Language::English,
        currency: Currency::parse("USD").expect("USD"),
        credit_days: 30,
        credit_limit_minor: 100_000,
        contact_name: String::new(),
        phone: String::new(),
        email: String::new(),
        notes: String::new(),
    };
    agencies::insert(conn, &data).expect("inserting an agency")
}

/// A USD → THB rate of 35.5 on `date`.
pub fn exchange_rate(conn: &mut AnyConnection, date: NaiveDate) -> ExchangeRateId {
    let rate = Rate {
        date,
        from: Currency::parse("USD").expect("USD"),
        to: thb(),
        rate: Dec::parse_canonical("35.5").expect("a rate"),
        source: String::new(),
    };
    exchange_rates::create(conn, &rate).expect("inserting an exchange rate")
}

/// A contact of `party`.
pub fn contact(conn: &mut AnyConnection, party: Party, name: &str) -> ContactId {
    let data = ContactData {
        name: name.to_owned(),
        ..ContactData::default()
    };
    contacts::insert(conn, party, &data).expect("inserting a contact")
}
