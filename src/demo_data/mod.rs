//! The demo agency's master data: hotels across Southeast Asia with room types and seasonal
//! rates, transport companies, restaurants, attractions, shops, guides, client agencies and a
//! year of daily exchange rates. Deterministic (no randomness, no network), so every demo
//! looks the same; seeding twice adds nothing.

mod agencies;
mod contracts;
mod guides;
mod suppliers;
mod values;

use anyhow::Context;
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;

use crate::db::listing::Listing;
use crate::db::master::suppliers::{ListQuery, list};
use crate::db::{self, AnyConnection, audit, master::exchange_rates};
use crate::domain::decimal::Dec;
use crate::domain::fx::Rate;
use crate::domain::master::suppliers::SupplierKind;
use values::{cur, dec};

/// Opens the tenant's database and seeds it as of today at the agency.
pub fn seed_tenant(tenant: &crate::manifest::Tenant) -> anyhow::Result<()> {
    let mut conn = crate::provision::open(tenant)?;
    let today = crate::provision::time_zone(&mut conn, tenant)?.today(chrono::Utc::now());
    seed(&mut conn, today).context("seeding the demo master data")
}

/// Seeds the demo's master data unless some is there already.
pub fn seed(conn: &mut AnyConnection, today: NaiveDate) -> anyhow::Result<()> {
    db::write(conn, |conn| -> anyhow::Result<()> {
        let (existing, _) = list(
            conn,
            &ListQuery {
                listing: Listing::first(1),
                kind: SupplierKind::Hotel,
                city: None,
                show_archived: false,
            },
        )?;
        if !existing.is_empty() {
            return Ok(());
        }
        suppliers::seed_hotels(conn, today)?;
        suppliers::seed_other_suppliers(conn)?;
        guides::seed_guides(conn, today)?;
        agencies::seed_agencies(conn)?;
        seed_rates(conn, today)?;
        let demo = audit::Actor {
            name: "demo".to_owned(),
            ..audit::Actor::cli()
        };
        audit::record_change(
            conn,
            &demo,
            audit::Change::new(audit::Entity::Demo, audit::Verb::Seed, "master_data"),
        )?;
        Ok(())
    })
}

/// A year of daily rates into THB, each pair drifting by a fixed small pattern.
fn seed_rates(conn: &mut AnyConnection, today: NaiveDate) -> anyhow::Result<()> {
    let thb = cur("THB")?;
    let pairs = [
        ("USD", "35.20"),
        ("EUR", "38.10"),
        ("CNY", "4.88"),
        ("SGD", "26.30"),
        ("MYR", "7.85"),
        ("KRW", "0.0258"),
        ("VND", "0.00139"),
        ("IDR", "0.00217"),
        ("AUD", "23.40"),
    ];
    for (code, base) in pairs {
        let from = cur(code)?;
        let base = dec(base)?;
        for day in 0..365_i64 {
            let date = today - Duration::days(364 - day);
            // A gentle wave of ±1.5 % over about two months, plus a weekday ripple.
            let wave = [
                0, 3, 6, 9, 12, 15, 12, 9, 6, 3, 0, -3, -6, -9, -12, -15, -12, -9, -6, -3,
            ];
            let step = wave[((day / 3) % 20) as usize] + (day % 7) - 3;
            let factor = Decimal::from(10_000 + step) / Decimal::from(10_000);
            let rate = Dec(base.0 * factor).round_half_up(6);
            exchange_rates::create(
                conn,
                &Rate {
                    date,
                    from,
                    to: thb,
                    rate: Dec(rate.0.normalize()),
                    source: "demo".into(),
                },
            )?;
        }
    }
    Ok(())
}
