//! Builders that put master data straight into a test tenant's database, with defaults, so a
//! test names only what it is about: `HotelBuilder::new().name("Riverside").insert(conn)`.

use tourdesk::db::AnyConnection;
use tourdesk::db::master::suppliers;
use tourdesk::db::master::suppliers::{NewRoomType, SupplierData};
use tourdesk::domain::currency::Currency;
use tourdesk::domain::ids::{RoomTypeId, SupplierId};
use tourdesk::domain::master::suppliers::{RoomKind, SupplierKind};

pub struct HotelBuilder {
    name: String,
    city: String,
    currency: &'static str,
}

impl HotelBuilder {
    pub fn new() -> HotelBuilder {
        HotelBuilder {
            name: "Fixture Hotel".into(),
            city: "Bangkok".into(),
            currency: "THB",
        }
    }

    pub fn name(mut self, name: &str) -> HotelBuilder {
        self.name = name.to_owned();
        self
    }

    pub fn insert(self, conn: &mut AnyConnection) -> SupplierId {
        let data = SupplierData {
            kind: SupplierKind::Hotel,
            name: self.name,
            local_name: String::new(),
            city: self.city,
            country: "Thailand".into(),
            address: String::new(),
            contact_name: String::new(),
            phone: String::new(),
            email: String::new(),
            currency: Currency::parse(self.currency).expect("a currency"),
            notes: String::new(),
            stars: Some(4),
            breakfast_minor: None,
            lunch_minor: None,
            dinner_minor: None,
            adult_minor: None,
            child_minor: None,
            shop_kind: String::new(),
            commission: None,
        };
        suppliers::insert(conn, &data).expect("inserting a hotel")
    }
}

/// A twin room type of `hotel`.
pub fn room_type(conn: &mut AnyConnection, hotel: SupplierId, name: &str) -> RoomTypeId {
    suppliers::insert_room_type(
        conn,
        hotel,
        &NewRoomType {
            kind: RoomKind::Twin,
            name,
            max_occupancy: 2,
        },
    )
    .expect("inserting a room type")
}
