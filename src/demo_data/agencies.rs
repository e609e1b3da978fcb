//! The demo's client agencies.

use anyhow::Context;

use super::values::{cur, minor};
use crate::db::AnyConnection;
use crate::db::master::agencies::{self, AgencyData};
use crate::domain::master::guides::Language;

pub(super) fn seed_agencies(conn: &mut AnyConnection) -> anyhow::Result<()> {
    let agencies: [(&str, &str, &str, &str, &str, i32, i64); 15] = [
        (
            "Shanghai Sunshine Travel",
            "China",
            "China",
            "zh-CN",
            "CNY",
            30,
            500_000,
        ),
        (
            "Beijing Great Wall Tours",
            "China",
            "China",
            "zh-CN",
            "USD",
            15,
            80_000,
        ),
        (
            "Guangzhou Pearl River Holidays",
            "China",
            "China",
            "zh-CN",
            "CNY",
            30,
            300_000,
        ),
        (
            "Chengdu Panda Travel",
            "China",
            "China",
            "zh-CN",
            "CNY",
            0,
            0,
        ),
        (
            "Shenzhen Harbour Travel",
            "China",
            "China",
            "zh-CN",
            "USD",
            45,
            120_000,
        ),
        (
            "Seoul Happy Tour",
            "Korea",
            "Korea",
            "ko",
            "USD",
            30,
            60_000,
        ),
        (
            "Busan Blue Ocean Travel",
            "Korea",
            "Korea",
            "ko",
            "KRW",
            30,
            80_000_000,
        ),
        (
            "Hana Leisure Korea",
            "Korea",
            "Korea",
            "ko",
            "USD",
            15,
            40_000,
        ),
        ("Incheon Sky Holidays", "Korea", "Korea", "ko", "KRW", 0, 0),
        (
            "Berlin Fernreisen",
            "Germany",
            "Europe",
            "de",
            "EUR",
            30,
            50_000,
        ),
        (
            "Voyages Lumière Paris",
            "France",
            "Europe",
            "fr",
            "EUR",
            30,
            40_000,
        ),
        (
            "Moscow Orient Travel",
            "Russia",
            "Europe",
            "ru",
            "USD",
            0,
            0,
        ),
        (
            "Amsterdam Asia Travel",
            "Netherlands",
            "Europe",
            "en",
            "EUR",
            30,
            30_000,
        ),
        (
            "Sydney Southern Cross Tours",
            "Australia",
            "Australia",
            "en",
            "AUD",
            30,
            60_000,
        ),
        (
            "Melbourne Pacific Journeys",
            "Australia",
            "Australia",
            "en",
            "AUD",
            14,
            25_000,
        ),
    ];
    for (name, country, market, language, code, days, limit) in agencies {
        let currency = cur(code)?;
        agencies::insert(
            conn,
            &AgencyData {
                name: name.to_owned(),
                country: country.to_owned(),
                market: market.to_owned(),
                language: Language::parse(language).context("language")?,
                currency,
                credit_days: days,
                credit_limit_minor: minor(limit, currency),
                contact_name: "Operations desk".into(),
                phone: String::new(),
                email: format!("ops@{}.example", name.to_lowercase().replace(' ', "-")),
                notes: String::new(),
            },
        )?;
    }
    Ok(())
}
