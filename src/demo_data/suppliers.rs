//! The demo's suppliers: about forty hotels with room types and two seasons of rates,
//! transport companies with vehicles, restaurants, attractions and shops.

use anyhow::Context;
use chrono::{Datelike, Duration, NaiveDate};

use super::contracts;
use super::values::{cur, dec, minor};
use crate::db::AnyConnection;
use crate::db::master::rooms::{self, NewRate, NewRoomType};
use crate::db::master::suppliers::{self, Commission, SupplierData};
use crate::db::master::vehicles::{self, NewVehicle};
use crate::domain::currency::Currency;
use crate::domain::master::seasons::Season;
use crate::domain::master::suppliers::{CommissionBasis, CommissionSplit, RoomKind, SupplierKind};
use crate::domain::money::Money;

/// (city, country, currency, hotels as (name, local name, stars, twin rate in major units)).
type CityHotels = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, i32, i64)],
);

const HOTELS: &[CityHotels] = &[
    (
        "Bangkok",
        "Thailand",
        "THB",
        &[
            ("Riverside Grand Bangkok", "ริเวอร์ไซด์ แกรนด์ กรุงเทพ", 5, 4200),
            ("Sukhumvit Garden Hotel", "โรงแรมสุขุมวิท การ์เด้น", 4, 2300),
            ("Siam Lotus Residence", "สยามโลตัส เรสซิเดนซ์", 4, 2100),
            ("Chinatown Heritage Inn", "เยาวราช เฮอริเทจ อินน์", 3, 1400),
            ("Pratunam City Hotel", "โรงแรมประตูน้ำ ซิตี้", 3, 1250),
            ("Airport Link Suites", "แอร์พอร์ต ลิงก์ สวีท", 4, 1900),
        ],
    ),
    (
        "Chiang Mai",
        "Thailand",
        "THB",
        &[
            ("Lanna Palace Chiang Mai", "ล้านนา พาเลซ เชียงใหม่", 4, 2000),
            ("Nimman Boutique Hotel", "นิมมาน บูทีค โฮเทล", 3, 1300),
            ("Doi Suthep View Resort", "ดอยสุเทพ วิว รีสอร์ท", 4, 2200),
            ("Old City Gate Hotel", "โรงแรมประตูท่าแพ", 3, 1100),
        ],
    ),
    (
        "Phuket",
        "Thailand",
        "THB",
        &[
            ("Patong Bay Resort", "ป่าตอง เบย์ รีสอร์ท", 4, 2800),
            ("Kata Sands Hotel", "กะตะ แซนด์ โฮเทล", 4, 2600),
            ("Andaman Pearl Resort", "อันดามัน เพิร์ล รีสอร์ท", 5, 4800),
            ("Phuket Town Inn", "ภูเก็ต ทาวน์ อินน์", 3, 1200),
        ],
    ),
    (
        "Pattaya",
        "Thailand",
        "THB",
        &[
            ("Pattaya Beach Plaza", "พัทยา บีช พลาซ่า", 4, 2100),
            ("Jomtien Sea Breeze", "จอมเทียน ซีบรีซ", 3, 1500),
            ("Walking Street Hotel", "วอล์คกิ้ง สตรีท โฮเทล", 3, 1300),
            ("Coral Island Resort", "คอรัล ไอส์แลนด์ รีสอร์ท", 4, 2400),
        ],
    ),
    (
        "Hanoi",
        "Vietnam",
        "VND",
        &[
            (
                "Hoan Kiem Lake Hotel",
                "Khách sạn Hồ Hoàn Kiếm",
                4,
                1_900_000,
            ),
            ("Old Quarter Boutique", "Khách sạn Phố Cổ", 3, 1_200_000),
            ("West Lake Grand", "Khách sạn Hồ Tây", 5, 3_200_000),
            (
                "Hanoi Pearl Hotel",
                "Khách sạn Ngọc Trai Hà Nội",
                4,
                1_700_000,
            ),
        ],
    ),
    (
        "Ho Chi Minh City",
        "Vietnam",
        "VND",
        &[
            (
                "Saigon Riverside Hotel",
                "Khách sạn Bến Sông Sài Gòn",
                4,
                2_100_000,
            ),
            (
                "Ben Thanh Central",
                "Khách sạn Trung tâm Bến Thành",
                3,
                1_300_000,
            ),
            ("District One Grand", "Khách sạn Quận Nhất", 5, 3_500_000),
            ("Cholon Heritage Hotel", "Khách sạn Chợ Lớn", 3, 1_100_000),
        ],
    ),
    (
        "Da Nang",
        "Vietnam",
        "VND",
        &[
            (
                "My Khe Beach Resort",
                "Khu nghỉ dưỡng Biển Mỹ Khê",
                4,
                2_000_000,
            ),
            ("Dragon Bridge Hotel", "Khách sạn Cầu Rồng", 3, 1_100_000),
            (
                "Marble Mountain Retreat",
                "Khách sạn Ngũ Hành Sơn",
                4,
                1_800_000,
            ),
        ],
    ),
    (
        "Bali",
        "Indonesia",
        "IDR",
        &[
            (
                "Kuta Sunset Resort",
                "Resor Matahari Terbenam Kuta",
                4,
                1_200_000,
            ),
            ("Ubud Rice Terrace Villas", "Vila Sawah Ubud", 5, 2_500_000),
            (
                "Nusa Dua Coral Hotel",
                "Hotel Karang Nusa Dua",
                5,
                2_800_000,
            ),
            (
                "Seminyak Garden Inn",
                "Penginapan Taman Seminyak",
                3,
                750_000,
            ),
        ],
    ),
    (
        "Kuala Lumpur",
        "Malaysia",
        "MYR",
        &[
            ("Petronas View Hotel", "Hotel Pemandangan Petronas", 5, 520),
            ("Bukit Bintang Suites", "Suite Bukit Bintang", 4, 330),
            ("Chinatown KL Inn", "吉隆坡唐人街旅馆", 3, 190),
        ],
    ),
    (
        "Singapore",
        "Singapore",
        "SGD",
        &[
            ("Marina Harbour Hotel", "滨海港湾酒店", 5, 420),
            ("Orchard Garden Hotel", "乌节花园酒店", 4, 290),
            ("Bugis Heritage Hotel", "武吉士传统酒店", 3, 210),
            ("Clarke Quay Riverside", "克拉码头河畔酒店", 4, 310),
        ],
    ),
];

fn supplier(
    kind: SupplierKind,
    name: &str,
    local: &str,
    city: &str,
    country: &str,
    currency: Currency,
) -> SupplierData {
    SupplierData {
        kind,
        name: name.to_owned(),
        local_name: local.to_owned(),
        city: city.to_owned(),
        country: country.to_owned(),
        address: String::new(),
        contact_name: String::new(),
        phone: String::new(),
        email: String::new(),
        currency,
        notes: String::new(),
        stars: None,
        breakfast_minor: None,
        lunch_minor: None,
        dinner_minor: None,
        adult_minor: None,
        child_minor: None,
        shop_kind: String::new(),
        commission: None,
    }
}

pub(super) fn seed_hotels(conn: &mut AnyConnection, today: NaiveDate) -> anyhow::Result<()> {
    // Two contract seasons: green (May–October) and high (November–April), from this year.
    let year = today.year();
    let green = Season::new(
        NaiveDate::from_ymd_opt(year, 5, 1).context("date")?,
        NaiveDate::from_ymd_opt(year, 10, 31).context("date")?,
    )
    .context("season")?;
    let high = Season::new(
        NaiveDate::from_ymd_opt(year, 11, 1).context("date")?,
        NaiveDate::from_ymd_opt(year + 1, 4, 30).context("date")?,
    )
    .context("season")?;
    for (city, country, code, hotels) in HOTELS {
        let currency = cur(code)?;
        for (index, (name, local, stars, twin)) in hotels.iter().enumerate() {
            let mut data = supplier(SupplierKind::Hotel, name, local, city, country, currency);
            data.stars = Some(*stars);
            data.contact_name = "Reservations".into();
            data.email = format!(
                "reservations@{}.example",
                name.to_lowercase().replace(' ', "-")
            );
            let hotel = suppliers::insert(conn, &data)?;
            // The last Bangkok hotel's contract runs out 45 days from today, on one rate.
            let expiring = *city == "Bangkok" && index + 1 == hotels.len();
            let seasons = if expiring {
                let season = Season::new(today - Duration::days(300), today + Duration::days(45))
                    .context("season")?;
                vec![(season, "Contract rate", 110, true)]
            } else {
                vec![
                    (green, "Green season", 100, false),
                    (high, "High season", 130, true),
                ]
            };
            let validity =
                Season::new(seasons[0].0.starts_on, seasons[seasons.len() - 1].0.ends_on)
                    .context("validity")?;
            let room_types = [
                (RoomKind::Single, "Superior single", 85),
                (RoomKind::Twin, "Superior twin", 100),
                (RoomKind::Double, "Deluxe double", 120),
                (RoomKind::Triple, "Superior triple", 135),
            ];
            let mut twin_room = None;
            for (kind, room_name, percent) in room_types {
                // Twins and doubles take an extra bed.
                let extra = i32::from(matches!(kind, RoomKind::Twin | RoomKind::Double));
                let room = rooms::insert_room_type(
                    conn,
                    hotel,
                    &NewRoomType {
                        kind,
                        name: room_name.to_owned(),
                        max_occupancy: kind.default_occupancy() + extra,
                    },
                )?;
                if kind == RoomKind::Twin {
                    twin_room = Some(room);
                }
                let base = twin * percent / 100;
                for (season, label, factor, high) in &seasons {
                    let major = base * factor / 100;
                    let rate = NewRate {
                        season_name: (*label).to_owned(),
                        season: *season,
                        rate: Money::new(minor(major, currency), currency),
                        terms: contracts::terms(kind, major, *high, currency),
                    };
                    rooms::insert_rate(conn, room, &rate).map_err(|e| anyhow::anyhow!("{e}"))?;
                }
            }
            let reference = format!("{}-{}", &city[..3].to_uppercase(), today.format("%Y"));
            let seeded = contracts::Seeded {
                hotel,
                currency,
                twin: *twin,
                validity,
                thai: *country == "Thailand",
                allotment: if index == 0 { twin_room } else { None },
                reference: &reference,
            };
            contracts::seed(conn, &seeded)?;
        }
    }
    Ok(())
}

pub(super) fn seed_other_suppliers(conn: &mut AnyConnection) -> anyhow::Result<()> {
    let thb = cur("THB")?;
    let vnd = cur("VND")?;
    let transport: [(&str, &str, &str, &str, Currency); 5] = [
        (
            "Siam Coach Services",
            "สยามโค้ช เซอร์วิส",
            "Bangkok",
            "Thailand",
            thb,
        ),
        (
            "Lanna Transport",
            "ล้านนา ทรานสปอร์ต",
            "Chiang Mai",
            "Thailand",
            thb,
        ),
        ("Andaman Vans", "อันดามัน แวน", "Phuket", "Thailand", thb),
        (
            "Hanoi Star Travel Bus",
            "Xe du lịch Sao Hà Nội",
            "Hanoi",
            "Vietnam",
            vnd,
        ),
        (
            "Saigon Express Coaches",
            "Xe khách Sài Gòn Express",
            "Ho Chi Minh City",
            "Vietnam",
            vnd,
        ),
    ];
    for (i, (name, local, city, country, currency)) in transport.iter().enumerate() {
        let id = suppliers::insert(
            conn,
            &supplier(
                SupplierKind::Transport,
                name,
                local,
                city,
                country,
                *currency,
            ),
        )?;
        let scale = if currency.code() == "VND" { 700 } else { 1 };
        for (kind, seats, day, transfer) in [
            ("Van", 10, 3500, 1500),
            ("Minibus", 20, 6000, 2500),
            ("Coach", 45, 9500, 4000),
        ] {
            let plate = format!(
                "{}{:02}-{:04}",
                &city[..2].to_uppercase(),
                i + 10,
                seats * 37 + i as i32
            );
            vehicles::insert_vehicle(
                conn,
                id,
                &NewVehicle {
                    vehicle_type: kind.to_owned(),
                    seats,
                    plate: plate.clone(),
                    day_rate_minor: minor(day * scale, *currency),
                    transfer_rate_minor: minor(transfer * scale, *currency),
                },
            )?;
        }
    }
    let restaurants: [(&str, &str, &str, &str, Currency, i64); 6] = [
        (
            "Baan Thai Riverside",
            "บ้านไทย ริมน้ำ",
            "Bangkok",
            "Thailand",
            thb,
            350,
        ),
        (
            "Golden Dragon Chinese Restaurant",
            "ภัตตาคารมังกรทอง",
            "Bangkok",
            "Thailand",
            thb,
            300,
        ),
        (
            "Khantoke Dinner House",
            "ขันโตก ดินเนอร์",
            "Chiang Mai",
            "Thailand",
            thb,
            400,
        ),
        (
            "Seafood Patong",
            "ซีฟู้ด ป่าตอง",
            "Phuket",
            "Thailand",
            thb,
            450,
        ),
        (
            "Pho Hanoi House",
            "Nhà hàng Phở Hà Nội",
            "Hanoi",
            "Vietnam",
            vnd,
            180_000,
        ),
        (
            "Korean BBQ Pattaya",
            "เกาหลี บาร์บีคิว พัทยา",
            "Pattaya",
            "Thailand",
            thb,
            380,
        ),
    ];
    for (name, local, city, country, currency, dinner) in restaurants {
        let mut data = supplier(
            SupplierKind::Restaurant,
            name,
            local,
            city,
            country,
            currency,
        );
        data.lunch_minor = Some(minor(dinner * 8 / 10, currency));
        data.dinner_minor = Some(minor(dinner, currency));
        suppliers::insert(conn, &data)?;
    }
    let attractions: [(&str, &str, &str, &str, Currency, i64); 6] = [
        (
            "Grand Palace",
            "พระบรมมหาราชวัง",
            "Bangkok",
            "Thailand",
            thb,
            500,
        ),
        (
            "Wat Arun",
            "วัดอรุณราชวราราม",
            "Bangkok",
            "Thailand",
            thb,
            100,
        ),
        (
            "Doi Suthep Temple",
            "วัดพระธาตุดอยสุเทพ",
            "Chiang Mai",
            "Thailand",
            thb,
            50,
        ),
        (
            "Nong Nooch Garden",
            "สวนนงนุช",
            "Pattaya",
            "Thailand",
            thb,
            600,
        ),
        (
            "Phi Phi Island Tour",
            "ทัวร์เกาะพีพี",
            "Phuket",
            "Thailand",
            thb,
            1800,
        ),
        (
            "Temple of Literature",
            "Văn Miếu – Quốc Tử Giám",
            "Hanoi",
            "Vietnam",
            vnd,
            70_000,
        ),
    ];
    for (name, local, city, country, currency, adult) in attractions {
        let mut data = supplier(
            SupplierKind::Attraction,
            name,
            local,
            city,
            country,
            currency,
        );
        data.adult_minor = Some(minor(adult, currency));
        data.child_minor = Some(minor(adult / 2, currency));
        suppliers::insert(conn, &data)?;
    }
    let shops: [(&str, &str, &str, &str); 4] = [
        (
            "Royal Gems Gallery",
            "รอยัล เจมส์ แกลเลอรี่",
            "Bangkok",
            "Jewellery",
        ),
        (
            "Latex Pillow World",
            "โลกหมอนยางพารา",
            "Pattaya",
            "Latex bedding",
        ),
        ("Thai Silk House", "บ้านผ้าไหมไทย", "Chiang Mai", "Silk"),
        (
            "Herbal Balm Centre",
            "ศูนย์สมุนไพรไทย",
            "Phuket",
            "Herbal products",
        ),
    ];
    for (i, (name, local, city, kind)) in shops.iter().enumerate() {
        let mut data = supplier(SupplierKind::Shop, name, local, city, "Thailand", thb);
        data.shop_kind = (*kind).to_owned();
        let split = CommissionSplit::new(dec("60")?, dec("30")?, dec("10")?)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        data.commission = Some(if i % 2 == 0 {
            Commission {
                basis: CommissionBasis::Percent,
                percent: Some(dec("15")?),
                per_head_minor: None,
                split,
            }
        } else {
            Commission {
                basis: CommissionBasis::PerHead,
                percent: None,
                per_head_minor: Some(minor(150, thb)),
                split,
            }
        });
        suppliers::insert(conn, &data)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn there_are_about_forty_hotels() {
        let count: usize = super::HOTELS.iter().map(|(_, _, _, h)| h.len()).sum();
        assert!((38..=42).contains(&count), "{count}");
    }
}
