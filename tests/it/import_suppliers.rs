//! Excel imports of transport companies (with their vehicles and rates), restaurants (meal
//! prices), attractions (tickets) and shops (commission terms): a good sheet is saved and seen
//! on the pages, a bad row is refused with the form's own message and nothing is written.

use tourdesk::domain::access::Role;

use crate::harness::{Session, TestApp};
use crate::imports::{preview, sheet};

async fn page(app: &TestApp, who: &Session, path: &str) -> String {
    who.get(app, path).await.text().await.unwrap_or_default()
}

/// How many suppliers and vehicles are stored.
async fn stored(app: &TestApp) -> (i64, i64) {
    app.with_db(|conn| {
        use diesel::prelude::*;
        use tourdesk::db::schema::{suppliers, vehicles};
        (
            suppliers::table.count().get_result(conn).expect("count"),
            vehicles::table.count().get_result(conn).expect("count"),
        )
    })
    .await
}

/// Previews `rows`, commits them and returns where the commit sent the user.
async fn import(app: &TestApp, who: &Session, kind: &str, rows: &[Vec<&str>]) -> String {
    let (at, page) = preview(app, who, kind, sheet(rows)).await;
    assert!(page.contains(" 0 with errors"), "{page}");
    let res = who.post(app, &format!("{at}/commit"), &[]).await;
    assert_eq!(
        res.status(),
        303,
        "{}",
        res.text().await.unwrap_or_default()
    );
    crate::harness::location(&res)
}

/// Previews `rows`, which hold a bad row, and checks that their commit is refused.
async fn refused(app: &TestApp, who: &Session, kind: &str, rows: &[Vec<&str>]) -> String {
    let (at, page) = preview(app, who, kind, sheet(rows)).await;
    assert!(page.contains("1 with errors"), "{page}");
    let res = who.post(app, &format!("{at}/commit"), &[]).await;
    assert_eq!(res.status(), 422);
    page
}

#[tokio::test]
async fn transport_companies_import_with_their_vehicles_and_rates() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let header = vec![
        "Transport company",
        "City",
        "Currency",
        "Phone",
        "Vehicle type",
        "Seats",
        "Plate",
        "Rate per day",
        "Rate per transfer",
    ];
    let rows = vec![
        header.clone(),
        vec![
            "Lanna Coaches",
            "Chiang Mai",
            "THB",
            "+66 53 111 222",
            "Coach",
            "45",
            "40-1234",
            "9000",
            "3500",
        ],
        vec![
            "Lanna Coaches",
            "Chiang Mai",
            "THB",
            "",
            "Van",
            "10",
            "",
            "2,800.50",
            "1200",
        ],
    ];
    let back = import(&app, &ops, "transport", &rows).await;
    assert_eq!(back, "/transport");
    let list = page(&app, &ops, "/transport").await;
    assert!(list.contains("Lanna Coaches"), "{list}");
    assert!(
        list.contains("&#x2F;imports&#x2F;transport"),
        "the list offers the import: {list}"
    );
    let id = app
        .with_db(|conn| {
            use tourdesk::domain::master::suppliers::SupplierKind;
            tourdesk::db::master::suppliers::find_by_name(
                conn,
                SupplierKind::Transport,
                "Lanna Coaches",
                "Chiang Mai",
            )
            .expect("query")
            .expect("the company")
            .id
        })
        .await;
    let company = page(&app, &ops, &format!("/transport/{id}")).await;
    for seen in [
        "Coach",
        "40-1234",
        "9,000.00 THB",
        "Van",
        "2,800.50 THB",
        "1,200.00 THB",
    ] {
        assert!(company.contains(seen), "{seen}: {company}");
    }
    assert_eq!(stored(&app).await, (1, 2));

    // The same vehicles again, the van's day rate changed and the coach's blank cells kept.
    let again = vec![
        header.clone(),
        vec![
            "Lanna Coaches",
            "Chiang Mai",
            "",
            "",
            "Coach",
            "",
            "40-1234",
            "",
            "",
        ],
        vec![
            "Lanna Coaches",
            "Chiang Mai",
            "",
            "",
            "Van",
            "",
            "",
            "3000",
            "",
        ],
    ];
    let (_, preview_page) = preview(&app, &ops, "transport", sheet(&again)).await;
    assert!(
        preview_page.contains("0 new, 1 changed, 1 unchanged, 0 with errors"),
        "{preview_page}"
    );
    assert!(
        preview_page.contains("<del>2,800.50 THB</del>")
            && preview_page.contains("<ins>3,000.00 THB</ins>"),
        "{preview_page}"
    );

    // A bad vehicle: refused as the vehicle form refuses it, and nothing is written.
    let bad = vec![
        header,
        vec![
            "Siam Vans",
            "Bangkok",
            "THB",
            "",
            "Van",
            "0",
            "",
            "2500",
            "1000",
        ],
        vec![
            "Siam Vans",
            "Bangkok",
            "THB",
            "",
            "Minibus",
            "20",
            "",
            "4000",
            "1500",
        ],
    ];
    let page = refused(&app, &ops, "transport", &bad).await;
    assert!(
        page.contains("Seats: “0” is out of range (1 to 100)."),
        "{page}"
    );
    assert_eq!(stored(&app).await, (1, 2), "nothing was written");
    let res = ops
        .post(
            &app,
            &format!("/transport/{id}/vehicles"),
            &[
                ("vehicle_type", "Van"),
                ("seats", "0"),
                ("day_rate", "2500"),
                ("transfer_rate", "1000"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "the form refuses the same vehicle");
}

#[tokio::test]
async fn restaurants_import_with_their_meal_prices() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let header = vec![
        "Restaurant",
        "City",
        "Currency",
        "Breakfast per pax",
        "Lunch per pax",
        "Dinner per pax",
    ];
    let rows = vec![
        header.clone(),
        vec![
            "Baan Suan Kitchen",
            "Chiang Mai",
            "THB",
            "",
            "250",
            "350.50",
        ],
        vec!["Pho Hanoi", "Hanoi", "VND", "60000", "120000", ""],
    ];
    assert_eq!(
        import(&app, &ops, "restaurants", &rows).await,
        "/restaurants"
    );
    let list = page(&app, &ops, "/restaurants").await;
    assert!(
        list.contains("Baan Suan Kitchen") && list.contains("Pho Hanoi"),
        "{list}"
    );
    let id = restaurant_id(&app, "Pho Hanoi").await;
    let shown = page(&app, &ops, &format!("/restaurants/{id}")).await;
    assert!(
        shown.contains("60,000 VND") && shown.contains("120,000 VND"),
        "{shown}"
    );
    assert_eq!(stored(&app).await, (2, 0));

    // More decimals than the currency has: refused by the import as by the form, in Thai.
    ops.post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    let bad = vec![
        header,
        vec!["Pho Saigon", "Ho Chi Minh City", "VND", "", "85000.5", ""],
    ];
    let (at, page) = preview(&app, &ops, "restaurants", sheet(&bad)).await;
    let th = tourdesk::i18n::I18n::load().expect("translations");
    let lunch = th.t(tourdesk::domain::locale::Locale::Th, "suppliers-lunch", &[]);
    assert!(page.contains(&lunch), "the column in Thai: {page}");
    assert!(page.contains("85000.5"), "{page}");
    assert_eq!(
        ops.post(&app, &format!("{at}/commit"), &[]).await.status(),
        422
    );
    assert_eq!(stored(&app).await, (2, 0), "nothing was written");
    let res = ops
        .post(
            &app,
            "/restaurants",
            &[
                ("name", "Pho Saigon"),
                ("currency", "VND"),
                ("lunch", "85000.5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "the form refuses it too");
}

async fn restaurant_id(app: &TestApp, name: &'static str) -> i64 {
    app.with_db(move |conn| {
        use tourdesk::domain::master::suppliers::SupplierKind;
        tourdesk::db::master::suppliers::find_named(conn, SupplierKind::Restaurant, name)
            .expect("query")[0]
            .id
            .0
    })
    .await
}

#[tokio::test]
async fn attractions_import_with_adult_and_child_tickets() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let header = vec![
        "Attraction",
        "City",
        "Currency",
        "Entrance per adult",
        "Entrance per child",
    ];
    let rows = vec![
        header.clone(),
        vec!["Doi Suthep Temple", "Chiang Mai", "THB", "50", "20"],
        vec!["Grand Palace", "Bangkok", "THB", "500", ""],
    ];
    assert_eq!(
        import(&app, &ops, "attractions", &rows).await,
        "/attractions"
    );
    let list = page(&app, &ops, "/attractions").await;
    assert!(
        list.contains("Doi Suthep Temple") && list.contains("Grand Palace"),
        "{list}"
    );
    let palace = app
        .with_db(|conn| {
            use tourdesk::domain::master::suppliers::SupplierKind;
            tourdesk::db::master::suppliers::find_named(
                conn,
                SupplierKind::Attraction,
                "Grand Palace",
            )
            .expect("query")
            .remove(0)
        })
        .await;
    assert_eq!(
        (palace.data.adult_minor, palace.data.child_minor),
        (Some(50_000), None)
    );
    let shown = page(&app, &ops, &format!("/attractions/{}", palace.id)).await;
    assert!(shown.contains("500.00 THB"), "{shown}");

    // A new attraction without its adult ticket: refused as the form refuses it.
    let bad = vec![header, vec!["Wat Arun", "Bangkok", "THB", "", "50"]];
    let page = refused(&app, &ops, "attractions", &bad).await;
    assert!(
        page.contains("Entrance per adult: this value is required."),
        "{page}"
    );
    assert_eq!(stored(&app).await, (2, 0), "nothing was written");
}

#[tokio::test]
async fn shops_import_with_their_commission_terms() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let header = vec![
        "Shop",
        "City",
        "Currency",
        "What the shop sells",
        "Commission basis",
        "Commission % of sales",
        "Commission per head",
        "Agency share %",
        "Guide share %",
        "Driver share %",
    ];
    let rows = vec![
        header.clone(),
        vec![
            "Lanna Silver Factory",
            "Chiang Mai",
            "THB",
            "Silverware",
            "percent",
            "15",
            "",
            "60",
            "30",
            "10",
        ],
        vec![
            "Gems Gallery",
            "Bangkok",
            "THB",
            "Jewellery",
            "Amount per head",
            "",
            "200",
            "50",
            "40",
            "10",
        ],
    ];
    assert_eq!(import(&app, &ops, "shops", &rows).await, "/shops");
    let gems = app
        .with_db(|conn| {
            use tourdesk::domain::master::suppliers::SupplierKind;
            tourdesk::db::master::suppliers::find_named(conn, SupplierKind::Shop, "Gems Gallery")
                .expect("query")
                .remove(0)
        })
        .await;
    let shown = page(&app, &ops, &format!("/shops/{}", gems.id)).await;
    assert!(
        shown.contains("200.00 THB") && shown.contains("50 % · 40 % · 10 %"),
        "{shown}"
    );
    let list = page(&app, &ops, "/shops").await;
    assert!(list.contains("Lanna Silver Factory"), "{list}");

    // Shares that do not add up to 100 %: the form's rule and message.
    let bad = vec![
        header,
        vec![
            "Pearl House",
            "Phuket",
            "THB",
            "",
            "percent",
            "12",
            "",
            "60",
            "30",
            "5",
        ],
    ];
    let page = refused(&app, &ops, "shops", &bad).await;
    assert!(
        page.contains("The shares add up to 95 %, not 100 %."),
        "{page}"
    );
    assert_eq!(stored(&app).await, (2, 0), "nothing was written");
    let res = ops
        .post(
            &app,
            "/shops",
            &[
                ("name", "Pearl House"),
                ("currency", "THB"),
                ("commission_basis", "percent"),
                ("commission_percent", "12"),
                ("split_agency", "60"),
                ("split_guide", "30"),
                ("split_driver", "5"),
            ],
        )
        .await;
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("The shares add up to 95 %, not 100 %."),
        "the form says the same"
    );
}
