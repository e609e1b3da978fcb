//! The demo's guides, with their languages and daily fees.

use anyhow::Context;
use chrono::{Duration, NaiveDate};

use super::values::{cur, minor};
use crate::db::AnyConnection;
use crate::db::master::guides::{self, GuideData};
use crate::domain::master::guides::{Language, LanguageLevel};
use crate::domain::money::Money;

/// (name, name in local script, languages with levels, fee currency).
type GuideSeed = (
    &'static str,
    &'static str,
    &'static [(&'static str, LanguageLevel)],
    &'static str,
);

pub(super) fn seed_guides(conn: &mut AnyConnection, today: NaiveDate) -> anyhow::Result<()> {
    use LanguageLevel::*;
    let guides: [GuideSeed; 25] = [
        (
            "Wang Fang",
            "王芳",
            &[("zh", Native), ("th", Fluent)],
            "THB",
        ),
        ("Li Wei", "李伟", &[("zh", Native), ("en", Working)], "THB"),
        (
            "Chen Jing",
            "陈静",
            &[("zh", Native), ("th", Working)],
            "THB",
        ),
        ("Zhang Min", "张敏", &[("zh", Native)], "THB"),
        (
            "Liu Yang",
            "刘洋",
            &[("zh", Native), ("vi", Working)],
            "VND",
        ),
        (
            "Kim Min-jun",
            "김민준",
            &[("ko", Native), ("th", Working)],
            "THB",
        ),
        (
            "Park Ji-woo",
            "박지우",
            &[("ko", Native), ("en", Fluent)],
            "THB",
        ),
        ("Lee Seo-yeon", "이서연", &[("ko", Native)], "THB"),
        (
            "Choi Hyun-woo",
            "최현우",
            &[("ko", Native), ("vi", Basic)],
            "VND",
        ),
        (
            "Somchai Jaidee",
            "สมชาย ใจดี",
            &[("th", Native), ("en", Fluent)],
            "THB",
        ),
        (
            "Suda Rattanakorn",
            "สุดา รัตนากร",
            &[("th", Native), ("zh", Fluent)],
            "THB",
        ),
        (
            "Anan Boonmee",
            "อนันต์ บุญมี",
            &[("th", Native), ("ko", Working)],
            "THB",
        ),
        (
            "Kanya Srisuk",
            "กัญญา ศรีสุข",
            &[("th", Native), ("ru", Fluent)],
            "THB",
        ),
        (
            "Prasert Wongsa",
            "ประเสริฐ วงศา",
            &[("th", Native), ("en", Working), ("de", Basic)],
            "THB",
        ),
        (
            "Nattaya Chai",
            "ณัฐยา ชัย",
            &[("th", Native), ("zh", Working)],
            "THB",
        ),
        (
            "Ivan Petrov",
            "Иван Петров",
            &[("ru", Native), ("en", Fluent)],
            "THB",
        ),
        (
            "Olga Smirnova",
            "Ольга Смирнова",
            &[("ru", Native), ("th", Basic)],
            "THB",
        ),
        ("Dmitri Volkov", "Дмитрий Волков", &[("ru", Native)], "THB"),
        (
            "Nguyen Van An",
            "Nguyễn Văn An",
            &[("vi", Native), ("en", Fluent)],
            "VND",
        ),
        (
            "Tran Thi Mai",
            "Trần Thị Mai",
            &[("vi", Native), ("zh", Fluent)],
            "VND",
        ),
        (
            "Le Minh Tuan",
            "Lê Minh Tuấn",
            &[("vi", Native), ("ko", Fluent)],
            "VND",
        ),
        (
            "Pham Thu Ha",
            "Phạm Thu Hà",
            &[("vi", Native), ("ru", Working)],
            "VND",
        ),
        (
            "James Walker",
            "",
            &[("en", Native), ("th", Working)],
            "THB",
        ),
        (
            "Sarah Mitchell",
            "",
            &[("en", Native), ("fr", Working)],
            "THB",
        ),
        (
            "Made Wirawan",
            "",
            &[("id", Native), ("en", Fluent), ("zh", Basic)],
            "IDR",
        ),
    ];
    for (i, (name, local, langs, code)) in guides.iter().enumerate() {
        let currency = cur(code)?;
        let fee = match *code {
            "VND" => 1_200_000,
            "IDR" => 750_000,
            _ => 2000 + (i as i64 % 5) * 250,
        };
        // Most licences run for years; a few lapse soon or have lapsed, so the warnings show.
        let expiry = match i % 9 {
            0 => today - Duration::days(20),
            4 => today + Duration::days(15),
            _ => today + Duration::days(200 + 37 * i as i64),
        };
        let data = GuideData {
            name: (*name).to_owned(),
            local_name: (*local).to_owned(),
            phone: format!("+66 8{} {:03} {:04}", i % 10, 100 + i * 7, 1000 + i * 173),
            email: format!("{}@guides.example", name.to_lowercase().replace(' ', ".")),
            licence_number: format!(
                "{}-{:05}",
                if *code == "THB" { "11" } else { "VN" },
                10_000 + i * 389
            ),
            licence_expires_on: Some(expiry),
            daily_fee: Money::new(minor(fee, currency), currency),
            active: i != 24,
            notes: String::new(),
            languages: langs
                .iter()
                .map(|(l, v)| Ok((Language::parse(l).context("language")?, *v)))
                .collect::<anyhow::Result<_>>()?,
        };
        guides::insert(conn, &data)?;
    }
    Ok(())
}
