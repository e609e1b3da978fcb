//! The dashboard: what expires, currencies without a current rate, imports left in preview,
//! recent changes in words — each with real records, in more than one language, an empty
//! state, and only for the roles that may see it.

use chrono::{Duration, NaiveDate};
use diesel::prelude::*;
use tourdesk::db::schema::{agencies, exchange_rates, guides};
use tourdesk::domain::access::Role;
use tourdesk::domain::ids::GuideId;

use crate::fixtures;
use crate::harness::{Session, TestApp};
use crate::imports::{preview, sheet};

async fn page(app: &TestApp, who: &Session) -> String {
    let res = who.get(app, "/").await;
    assert_eq!(res.status(), 200);
    res.text().await.unwrap_or_default()
}

/// The items of a section (`#expiring`, `#rates`...): each one's text and links.
fn items(html: &str, section: &str) -> Vec<(String, Vec<String>)> {
    let doc = scraper::Html::parse_document(html);
    let li = scraper::Selector::parse(&format!("{section} li")).expect("selector");
    let a = scraper::Selector::parse("a").expect("selector");
    doc.select(&li)
        .map(|item| {
            let text = item.text().collect::<String>();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let links = item
                .select(&a)
                .filter_map(|l| l.value().attr("href").map(str::to_owned))
                .collect();
            (text, links)
        })
        .collect()
}

/// The text of a section, or `None` when the page does not show it.
fn section(html: &str, id: &str) -> Option<String> {
    let doc = scraper::Html::parse_document(html);
    let s = scraper::Selector::parse(id).expect("selector");
    doc.select(&s).next().map(|e| {
        let text = e.text().collect::<String>();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

/// The targets of the links `selector` finds.
fn links(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let s = scraper::Selector::parse(selector).expect("selector");
    doc.select(&s)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

/// Today at the agency, in its time zone, as its pages count days.
async fn agency_today(app: &TestApp) -> NaiveDate {
    app.with_db(tourdesk::db::settings::time_zone)
        .await
        .expect("reading the time zone")
        .expect("a time zone set at provisioning")
        .today(chrono::Utc::now())
}

fn set_licence(conn: &mut tourdesk::db::AnyConnection, id: GuideId, on: NaiveDate) {
    diesel::update(guides::table.find(id.0))
        .set(guides::licence_expires_on.eq(Some(on)))
        .execute(conn)
        .expect("setting a licence");
}

#[tokio::test]
async fn licences_expiring_or_expired_link_to_their_guides() {
    let app = TestApp::spawn().await;
    let viewer = app.signed_in(Role::Viewer).await;
    let t = agency_today(&app).await;
    let ids = app
        .with_db(move |conn| {
            let soon = fixtures::guide(conn, "Wang Fang");
            let expired = fixtures::guide(conn, "Somchai Dee");
            let later = fixtures::guide(conn, "Anna Later");
            let archived = fixtures::guide(conn, "Archived Guide");
            let inactive = fixtures::guide(conn, "Inactive Guide");
            set_licence(conn, soon, t + Duration::days(20));
            set_licence(conn, expired, t - Duration::days(3));
            set_licence(conn, later, t + Duration::days(100));
            set_licence(conn, archived, t + Duration::days(10));
            set_licence(conn, inactive, t + Duration::days(10));
            diesel::update(guides::table.find(archived.0))
                .set(guides::archived.eq(true))
                .execute(conn)
                .expect("archiving");
            diesel::update(guides::table.find(inactive.0))
                .set(guides::active.eq(false))
                .execute(conn)
                .expect("deactivating");
            (soon, expired)
        })
        .await;
    let html = page(&app, &viewer).await;
    let listed = items(&html, "#expiring");
    assert_eq!(listed.len(), 2, "{listed:?}");
    let (first, first_links) = &listed[0];
    assert!(
        first.contains("Somchai Dee")
            && first.contains("expired on")
            && first.contains("3 days ago"),
        "the expired licence comes first: {first}"
    );
    assert_eq!(first_links, &[format!("/guides/{}", ids.1)]);
    let (second, second_links) = &listed[1];
    assert!(
        second.contains("Guide licence")
            && second.contains("Wang Fang")
            && second.contains("in 20 days"),
        "{second}"
    );
    assert_eq!(second_links, &[format!("/guides/{}", ids.0)]);

    viewer
        .post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    let html = page(&app, &viewer).await;
    let listed = items(&html, "#expiring");
    assert_eq!(listed.len(), 2);
    assert!(
        listed[1].0.contains("ใบอนุญาตไกด์") && listed[1].0.contains("อีก 20 วัน"),
        "{listed:?}"
    );
}

#[tokio::test]
async fn a_new_agency_sees_every_section_empty() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let html = page(&app, &ops).await;
    let expiring = section(&html, "#expiring").unwrap_or_default();
    assert!(
        expiring.contains("Nothing expires within the next 60 days."),
        "{expiring}"
    );
    let rates = section(&html, "#rates").unwrap_or_default();
    assert!(
        rates.contains("Every currency in use has a current rate to or from THB."),
        "{rates}"
    );
    let imports = section(&html, "#imports").unwrap_or_default();
    assert!(
        imports.contains("No import is waiting for you."),
        "{imports}"
    );
    let recent = section(&html, "#recent").unwrap_or_default();
    assert!(
        recent.contains("Your recent changes") && recent.contains("No changes yet."),
        "an operator sees their own changes, and has made none: {recent}"
    );
}

#[tokio::test]
async fn currencies_without_a_current_rate_are_listed() {
    let app = TestApp::spawn().await;
    let accountant = app.signed_in(Role::Accountant).await;
    let viewer = app.signed_in(Role::Viewer).await;
    let t = agency_today(&app).await;
    app.with_db(move |conn| {
        // USD: a rate two days old still serves.
        fixtures::agency(conn, "Seoul Tours");
        let usd = fixtures::exchange_rate(conn, t);
        diesel::update(exchange_rates::table.find(usd.0))
            .set(exchange_rates::rate_date.eq(t - Duration::days(2)))
            .execute(conn)
            .expect("dating a rate");
        // EUR: ten days old is stale. CNY: never had one. KRW: a rate from THB today.
        for (name, currency) in [
            ("Paris Voyages", "EUR"),
            ("Golden Dragon", "CNY"),
            ("Busan Travel", "KRW"),
        ] {
            let id = fixtures::agency(conn, name);
            diesel::update(agencies::table.find(id.0))
                .set(agencies::currency.eq(currency))
                .execute(conn)
                .expect("setting a currency");
        }
        for (from, to, on) in [("EUR", "THB", t - Duration::days(10)), ("THB", "KRW", t)] {
            diesel::insert_into(exchange_rates::table)
                .values((
                    exchange_rates::rate_date.eq(on),
                    exchange_rates::from_currency.eq(from),
                    exchange_rates::to_currency.eq(to),
                    exchange_rates::rate.eq("1.5"),
                    exchange_rates::source.eq(""),
                    exchange_rates::search_key.eq(""),
                    exchange_rates::locked.eq(false),
                    exchange_rates::created_at.eq(tourdesk::db::now()),
                    exchange_rates::updated_at.eq(tourdesk::db::now()),
                ))
                .execute(conn)
                .expect("a rate");
        }
    })
    .await;
    let html = page(&app, &accountant).await;
    let listed: Vec<String> = items(&html, "#rates").into_iter().map(|(t, _)| t).collect();
    assert_eq!(listed.len(), 2, "{listed:?}");
    assert!(
        listed[0].starts_with("CNY") && listed[0].contains("no rate yet"),
        "{listed:?}"
    );
    assert!(
        listed[1].starts_with("EUR") && listed[1].contains("10 days ago"),
        "{listed:?}"
    );
    assert!(
        listed[0].ends_with("Add an exchange rate"),
        "an accountant may add one: {listed:?}"
    );
    assert_eq!(
        links(&html, "#rates a"),
        ["/rates/new?from=CNY&to=THB", "/rates/new?from=EUR&to=THB"],
        "the form opens for the pair"
    );

    viewer
        .post(
            &app,
            "/account/locale",
            &[("locale", "zh-CN"), ("back", "/")],
        )
        .await;
    let html = page(&app, &viewer).await;
    let listed: Vec<String> = items(&html, "#rates").into_iter().map(|(t, _)| t).collect();
    assert!(
        listed[0].contains("尚无汇率") && listed[1].contains("10 天前"),
        "{listed:?}"
    );
    assert!(
        section(&html, "#rates a").is_none(),
        "a viewer is not offered a form they may not open"
    );
}

#[tokio::test]
async fn imports_left_in_preview_link_to_their_preview_for_their_uploader_only() {
    let app = TestApp::spawn().await;
    let accountant = app.signed_in(Role::Accountant).await;
    let manager = app.signed_in(Role::Manager).await;
    let rows = vec![
        vec!["Date", "From", "To", "Rate"],
        vec!["2027-01-15", "USD", "THB", "35.1"],
        vec!["2027-01-16", "USD", "THB", "thirty"],
    ];
    let (at, _) = preview(&app, &accountant, "rates", sheet(&rows)).await;
    let listed = items(&page(&app, &accountant).await, "#imports");
    assert_eq!(listed.len(), 1, "{listed:?}");
    let (text, links) = &listed[0];
    assert_eq!(links.as_slice(), std::slice::from_ref(&at));
    assert!(
        text.contains("sheet.xlsx")
            && text.contains("exchange rates")
            && text.contains("1 row with errors"),
        "{text}"
    );
    assert!(
        items(&page(&app, &manager).await, "#imports").is_empty(),
        "batches are private to their uploader"
    );

    // Saved, it is no longer waiting.
    let good = vec![
        vec!["Date", "From", "To", "Rate"],
        vec!["2027-01-15", "USD", "THB", "35.1"],
    ];
    let (at, _) = preview(&app, &accountant, "rates", sheet(&good)).await;
    assert_eq!(items(&page(&app, &accountant).await, "#imports").len(), 2);
    let res = accountant.post(&app, &format!("{at}/commit"), &[]).await;
    assert_eq!(res.status(), 303);
    let listed = items(&page(&app, &accountant).await, "#imports");
    assert_eq!(
        listed.len(),
        1,
        "only the one with errors waits: {listed:?}"
    );
}

/// Changes the credit terms of agency `id` through its form.
async fn change_credit(app: &TestApp, who: &Session, id: i64, currency: &str, limit: &str) {
    let res = who
        .post(
            app,
            &format!("/agencies/{id}"),
            &[
                ("name", "Golden Dragon Travel"),
                ("country", "Korea"),
                ("market", "Korea"),
                ("language", "en"),
                ("currency", currency),
                ("credit_days", "30"),
                ("credit_limit", limit),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        303,
        "{}",
        res.text().await.unwrap_or_default()
    );
}

#[tokio::test]
async fn recent_changes_read_as_sentences_with_formatted_amounts() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let sales = app.signed_in(Role::Sales).await;
    let agency = app
        .with_db(|conn| fixtures::agency(conn, "Golden Dragon Travel"))
        .await;
    change_credit(&app, &admin, agency.0, "CNY", "500000").await;

    let listed = items(&page(&app, &admin).await, "#recent");
    let (sentence, linked) = listed.first().cloned().unwrap_or_default();
    assert!(
        sentence.ends_with(
            "Test admin changed the credit limit of the client agency Golden Dragon Travel from 1,000.00 USD to 500,000.00 CNY."
        ),
        "{sentence}"
    );
    assert_eq!(linked, [format!("/agencies/{agency}")]);

    admin
        .post(&app, "/account/locale", &[("locale", "vi"), ("back", "/")])
        .await;
    let html = page(&app, &admin).await;
    let recent = section(&html, "#recent").unwrap_or_default();
    assert!(
        recent.contains("Thay đổi gần đây")
            && recent.contains("hạn mức tín dụng")
            && recent.contains("1.000,00 USD")
            && recent.contains("500.000,00 CNY"),
        "{recent}"
    );
    assert!(
        recent.contains("Test admin đã chuyển ngôn ngữ sang Tiếng Việt."),
        "{recent}"
    );

    // Sales see their own changes only, not the admin's, and no link to the audit log.
    let html = page(&app, &sales).await;
    assert!(
        section(&html, "#recent")
            .unwrap_or_default()
            .contains("No changes yet."),
        "{html}"
    );
    change_credit(&app, &sales, agency.0, "CNY", "600000").await;
    let html = page(&app, &sales).await;
    let listed = items(&html, "#recent");
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(
        listed[0]
            .0
            .contains("from 500,000.00 CNY to 600,000.00 CNY"),
        "{listed:?}"
    );
    assert!(
        !links(&html, "#recent a").contains(&"/audit".to_owned()),
        "sales do not read the audit log"
    );
    let html = page(&app, &admin).await;
    assert!(links(&html, "#recent a").contains(&"/audit".to_owned()));
}

#[tokio::test]
async fn hotel_contracts_ending_within_sixty_days_are_listed_with_their_hotels() {
    use tourdesk::db::master::contracts::{self, HotelContract};
    use tourdesk::domain::master::seasons::Season;
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let t = agency_today(&app).await;
    let soon = app
        .with_db(move |conn| {
            let contract = |conn: &mut tourdesk::db::AnyConnection, name: &str, ends: i64| {
                let hotel = fixtures::HotelBuilder::new().name(name).insert(conn);
                let validity = Season::new(t - Duration::days(300), t + Duration::days(ends))
                    .expect("a validity");
                let c = HotelContract {
                    reference: String::new(),
                    validity,
                    notes: String::new(),
                };
                contracts::put_contract(conn, hotel, &c).expect("a contract");
                hotel
            };
            let soon = contract(conn, "Renew Me Hotel", 45);
            contract(conn, "Far Away Hotel", 200);
            soon
        })
        .await;
    let html = page(&app, &ops).await;
    let listed = items(&html, "#expiring");
    assert_eq!(listed.len(), 1, "{listed:?}");
    let (text, links) = &listed[0];
    assert!(
        text.contains("Hotel contract")
            && text.contains("Renew Me Hotel")
            && text.contains("in 45 days"),
        "{text}"
    );
    assert_eq!(links, &[format!("/hotels/{soon}")]);
}
