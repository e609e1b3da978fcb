//! Tours through their pages: the tour form and its refusals, the itinerary (days and lines,
//! reordered, copied, archived), and the costing sheet priced from the contracts: vehicles per
//! tier, missing rates flagged, rates set by hand marked with who set them, costs hidden from
//! those without `CostsView`.

use tourdesk::db::audit::Actor;
use tourdesk::db::master::vehicles::{self, NewVehicle};
use tourdesk::db::tours;
use tourdesk::domain::access::Role;
use tourdesk::domain::ids::{SupplierId, TourId};
use tourdesk::domain::master::suppliers::SupplierKind;
use tourdesk::domain::tours::itinerary::{Texts, TourData};

use crate::fixtures::{SupplierBuilder, guide, room_rate, room_type, vehicle};
use crate::harness::{Session, TestApp, location};

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap_or_default()
}

async fn post_ok(s: &Session, app: &TestApp, path: &str, form: &[(&str, &str)]) -> String {
    let res = s.post(app, path, form).await;
    let status = res.status();
    let to = location(&res);
    assert_eq!(status, 303, "{path}: {}", body(res).await);
    to
}

async fn page(s: &Session, app: &TestApp, path: &str) -> String {
    let res = s.get(app, path).await;
    assert_eq!(res.status(), 200, "{path}");
    body(res).await
}

fn date(m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2045, m, d).expect("date")
}

fn tour_data(code: &str) -> TourData {
    TourData {
        code: code.to_owned(),
        name: format!("Tour {code}"),
        description: Texts {
            en: "Temples and markets".into(),
            ..Texts::default()
        },
        days: 3,
        nights: 2,
        cities: "Bangkok".into(),
        market: "Korea".into(),
        min_pax: 10,
    }
}

async fn insert_tour(app: &TestApp, code: &str) -> TourId {
    let data = tour_data(code);
    app.with_db(move |c| tours::create(c, &Actor::cli(), &data).expect("a tour"))
        .await
}

/// A van of 13 seats at 4,000 THB a day beside the 45-seat coach at 9,000.
async fn fleet(app: &TestApp) -> SupplierId {
    app.with_db(|c| {
        let company = SupplierBuilder::of(SupplierKind::Transport)
            .name("Siam Coaches")
            .insert(c);
        vehicle(c, company);
        let van = NewVehicle {
            vehicle_type: "Van".into(),
            seats: 13,
            plate: String::new(),
            day_rate_minor: 400_000,
            transfer_rate_minor: 150_000,
        };
        vehicles::insert_vehicle(c, company, &van).expect("a van");
        company
    })
    .await
}

/// Day 1 of `tour` through its page; returns the day's id.
async fn add_day(s: &Session, app: &TestApp, tour: TourId, title: &str) -> i64 {
    post_ok(
        s,
        app,
        &format!("/tours/{tour}/days"),
        &[("title_en", title), ("overnight_city", "Bangkok")],
    )
    .await;
    app.with_db(move |c| {
        tours::itinerary::days_of(c, tour)
            .expect("days")
            .last()
            .map(|d| d.id.0)
            .expect("a day")
    })
    .await
}

fn settings(start: &str) -> Vec<(&str, &str)> {
    vec![
        ("starts_on", start),
        ("currency", "THB"),
        ("tiers", "10, 30"),
        ("foc_per", "15"),
        ("pricing", "markup"),
        ("percent", "20"),
        ("step", "10"),
        ("guide_seats", "1"),
    ]
}

#[tokio::test]
async fn a_tour_built_on_its_pages_is_costed_from_the_contracts_per_tier() {
    let app = TestApp::spawn().await;
    let sales = app.signed_in(Role::Sales).await;
    let form = [
        ("code", "BKK-3D"),
        ("name", "Bangkok highlights"),
        ("days", "3"),
        ("nights", "2"),
        ("min_pax", "10"),
        ("description_en", "Temples and markets"),
    ];
    let to = post_ok(&sales, &app, "/tours", &form).await;
    let tour = TourId(to.trim_start_matches("/tours/").parse().expect("tour id"));
    // The same code, in other letters' case, is refused on the form.
    let mut same = form.to_vec();
    same[0] = ("code", "bkk-3d");
    let again = sales.post(&app, "/tours", &same).await;
    assert_eq!(again.status(), 422);
    assert!(body(again).await.contains("already has the code"));

    let company = fleet(&app).await;
    let (hotel, room, restaurant, guide_id) = app
        .with_db(move |c| {
            let hotel = SupplierBuilder::new().name("Riverside").insert(c);
            let room = room_type(c, hotel, "Deluxe twin");
            room_rate(c, room, date(1, 1), date(12, 31));
            let restaurant = SupplierBuilder::of(SupplierKind::Restaurant)
                .name("Baan Thai")
                .insert(c);
            (hotel, room, restaurant, guide(c, "Somchai"))
        })
        .await;
    let day = add_day(&sales, &app, tour, "Grand Palace").await;
    let lines = format!("/tour-days/{day}/lines");
    let hotel_choice = format!("{hotel}:{room}");
    let new_form = page(&sales, &app, &format!("{lines}/new?kind=hotel")).await;
    assert!(new_form.contains("Riverside · Deluxe twin"), "{new_form}");
    let (company, restaurant, guide_id) = (
        company.to_string(),
        restaurant.to_string(),
        guide_id.to_string(),
    );
    for form in [
        vec![
            ("kind", "hotel"),
            ("supplier", hotel_choice.as_str()),
            ("nights", "2"),
        ],
        vec![
            ("kind", "transport"),
            ("supplier", &company),
            ("vehicle", ""),
        ],
        vec![
            ("kind", "meal"),
            ("supplier", &restaurant),
            ("meal", "lunch"),
        ],
        vec![("kind", "guide"), ("supplier", &guide_id)],
    ] {
        post_ok(&sales, &app, &lines, &form).await;
    }
    post_ok(
        &sales,
        &app,
        &format!("/tours/{tour}/costing"),
        &settings("2045-03-01"),
    )
    .await;
    let sheet = page(&sales, &app, &format!("/tours/{tour}/costing")).await;
    // Ten ride the van, thirty (+2 FOC +1 guide) the coach.
    assert!(
        sheet.contains("Van (13)") && sheet.contains("Coach (45)"),
        "{sheet}"
    );
    // 10 paying: van 4,000 + guide 2,000 fixed; 2 nights twin-share 1,000 + lunch 250 each:
    // 18,500 → 1,850 a head → 2,220 with 20 % markup. 30 + 2 FOC: coach 9,000 + 2,000 +
    // 32 × 1,250 = 51,000 → 1,700 → 2,040.
    for figure in [
        "18,500.00 THB",
        "1,850.00 THB",
        "2,220.00 THB",
        "51,000.00 THB",
        "2,040.00 THB",
    ] {
        assert!(sheet.contains(figure), "{figure} missing");
    }
    assert!(!sheet.contains("have no cost") && !sheet.contains("has no cost"));
    let be = page(&sales, &app, &format!("/tours/{tour}/costing?price=2220")).await;
    assert!(be.contains("Breaks even from"), "{be}");
}

#[tokio::test]
async fn a_line_without_a_rate_or_an_exchange_rate_is_flagged_never_zero() {
    let app = TestApp::spawn().await;
    let sales = app.signed_in(Role::Sales).await;
    let tour = insert_tour(&app, "GAP").await;
    let (hotel, room) = app
        .with_db(|c| {
            let hotel = SupplierBuilder::new().name("Seasonal Inn").insert(c);
            let room = room_type(c, hotel, "Standard");
            room_rate(c, room, date(1, 1), date(1, 31));
            (hotel, room)
        })
        .await;
    let day = add_day(&sales, &app, tour, "Arrival").await;
    let lines = format!("/tour-days/{day}/lines");
    let choice = format!("{hotel}:{room}");
    post_ok(
        &sales,
        &app,
        &lines,
        &[("kind", "hotel"), ("supplier", &choice), ("nights", "1")],
    )
    .await;
    let usd = [
        ("kind", "other"),
        ("description", "River cruise"),
        ("amount", "20"),
        ("currency", "USD"),
        ("basis", "person"),
    ];
    post_ok(&sales, &app, &lines, &usd).await;
    // March: no season covers it, and no USD rate exists.
    post_ok(
        &sales,
        &app,
        &format!("/tours/{tour}/costing"),
        &settings("2045-03-01"),
    )
    .await;
    let sheet = page(&sales, &app, &format!("/tours/{tour}/costing")).await;
    assert!(sheet.contains("No contract rate for"), "{sheet}");
    assert!(sheet.contains("No exchange rate for USD"));
    assert!(sheet.contains("2 lines have no cost"));
    // A planning rate by hand prices the cruise and says who set it.
    post_ok(
        &sales,
        &app,
        &format!("/tours/{tour}/costing/rates"),
        &[("currency", "USD"), ("rate", "35")],
    )
    .await;
    let sheet = page(&sales, &app, &format!("/tours/{tour}/costing")).await;
    assert!(sheet.contains("1 line has no cost"), "{sheet}");
    assert!(sheet.contains("sales@test.local"));
    // In January the season prices the room: 500 twin-share + 700 cruise = 1,200 a head.
    post_ok(
        &sales,
        &app,
        &format!("/tours/{tour}/costing"),
        &settings("2045-01-10"),
    )
    .await;
    let sheet = page(&sales, &app, &format!("/tours/{tour}/costing")).await;
    assert!(!sheet.contains("no cost:"), "{sheet}");
    assert!(sheet.contains("12,000.00 THB"), "10 × 1,200");
}

#[tokio::test]
async fn a_rate_set_by_hand_replaces_the_contracts_and_is_marked() {
    let app = TestApp::spawn().await;
    let manager = app.signed_in(Role::Manager).await;
    let tour = insert_tour(&app, "HAND").await;
    let day = add_day(&manager, &app, tour, "Day one").await;
    // A guide day without a guide has no rate until one is set by hand.
    post_ok(
        &manager,
        &app,
        &format!("/tour-days/{day}/lines"),
        &[("kind", "guide"), ("supplier", "")],
    )
    .await;
    post_ok(
        &manager,
        &app,
        &format!("/tours/{tour}/costing"),
        &settings("2045-03-01"),
    )
    .await;
    let sheet = page(&manager, &app, &format!("/tours/{tour}/costing")).await;
    assert!(sheet.contains("No guide named"));
    let line = app
        .with_db(move |c| tours::itinerary::lines_of(c, tour).expect("lines")[0].id)
        .await;
    post_ok(
        &manager,
        &app,
        &format!("/tour-lines/{line}/rate"),
        &[("amount", "3000"), ("currency", "THB")],
    )
    .await;
    let sheet = page(&manager, &app, &format!("/tours/{tour}/costing")).await;
    assert!(sheet.contains("set by hand") && sheet.contains("manager@test.local"));
    assert!(sheet.contains("3,000.00 THB"), "{sheet}");
    // Back to the contract: flagged again.
    post_ok(
        &manager,
        &app,
        &format!("/tour-lines/{line}/rate"),
        &[("currency", "THB"), ("clear", "1")],
    )
    .await;
    assert!(
        page(&manager, &app, &format!("/tours/{tour}/costing"))
            .await
            .contains("No guide named")
    );
}

#[tokio::test]
async fn bad_settings_and_bad_lines_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let sales = app.signed_in(Role::Sales).await;
    let tour = insert_tour(&app, "BAD").await;
    let costing = format!("/tours/{tour}/costing");
    post_ok(&sales, &app, &costing, &settings("2045-03-01")).await;
    for (field, value, says) in [
        ("tiers", "ten, twenty", "separated by commas"),
        ("tiers", "0, 10", "separated by commas"),
        ("percent", "-5", "cannot be negative"),
        ("step", "0", "more than zero"),
        ("starts_on", "tomorrow", ""),
    ] {
        let mut form = settings("2045-03-01");
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let res = sales.post(&app, &costing, &form).await;
        assert_eq!(res.status(), 422, "{field}={value}");
        assert!(body(res).await.contains(says), "{field}");
    }
    let mut margin = settings("2045-03-01");
    margin.retain(|(k, _)| *k != "pricing" && *k != "percent");
    margin.extend([("pricing", "margin"), ("percent", "100")]);
    assert_eq!(sales.post(&app, &costing, &margin).await.status(), 422);
    let saved = app
        .with_db(move |c| tours::costing::settings_of(c, tour).expect("settings"))
        .await
        .expect("saved settings");
    assert_eq!(
        saved.tiers,
        vec![10, 30],
        "refused settings changed nothing"
    );

    // More nights than days; a restaurant offered as a hotel; a made-up kind.
    let nights = [
        ("code", "N"),
        ("name", "N"),
        ("days", "2"),
        ("nights", "3"),
        ("min_pax", "1"),
    ];
    let res = sales.post(&app, "/tours", &nights).await;
    assert_eq!(res.status(), 422);
    assert!(body(res).await.contains("at most as many nights"));
    let day = add_day(&sales, &app, tour, "Day").await;
    let restaurant = app
        .with_db(|c| SupplierBuilder::of(SupplierKind::Restaurant).insert(c))
        .await;
    let lines = format!("/tour-days/{day}/lines");
    let fake = format!("{restaurant}:{restaurant}");
    let res = sales
        .post(
            &app,
            &lines,
            &[("kind", "hotel"), ("supplier", &fake), ("nights", "1")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        body(res)
            .await
            .contains("Choose a live supplier of this kind")
    );
    let res = sales
        .post(&app, &lines, &[("kind", "spa"), ("supplier", "1")])
        .await;
    assert_eq!(res.status(), 422);
    let count = app
        .with_db(move |c| tours::itinerary::lines_of(c, tour).expect("lines").len())
        .await;
    assert_eq!(count, 0);
}

#[tokio::test]
async fn days_and_lines_reorder_a_tour_copies_whole_and_an_archived_one_is_read_only() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let tour = insert_tour(&app, "ORDER").await;
    let first = add_day(&ops, &app, tour, "First").await;
    let second = add_day(&ops, &app, tour, "Second").await;
    let shop = app
        .with_db(|c| {
            SupplierBuilder::of(SupplierKind::Shop)
                .name("Gem Gallery")
                .insert(c)
        })
        .await;
    post_ok(
        &ops,
        &app,
        &format!("/tour-days/{first}/lines"),
        &[("kind", "shopping"), ("supplier", &shop.to_string())],
    )
    .await;
    post_ok(
        &ops,
        &app,
        &format!("/tour-days/{second}/move"),
        &[("direction", "up")],
    )
    .await;
    let titles = app
        .with_db(move |c| {
            tours::itinerary::days_of(c, tour)
                .expect("days")
                .into_iter()
                .map(|d| d.data.title.en)
                .collect::<Vec<_>>()
        })
        .await;
    assert_eq!(titles, vec!["Second", "First"]);
    let shown = page(&ops, &app, &format!("/tours/{tour}")).await;
    assert!(shown.find("Second") < shown.find("First"));
    assert!(shown.contains("Gem Gallery"));

    let to = post_ok(
        &ops,
        &app,
        &format!("/tours/{tour}/copy"),
        &[("code", "ORDER-2")],
    )
    .await;
    let copy = TourId(to.trim_start_matches("/tours/").parse().expect("copy id"));
    let (days, lines) = app
        .with_db(move |c| {
            (
                tours::itinerary::days_of(c, copy).expect("days").len(),
                tours::itinerary::lines_of(c, copy).expect("lines").len(),
            )
        })
        .await;
    assert_eq!((days, lines), (2, 1));
    // A copy under a taken code is refused.
    let res = ops
        .post(&app, &format!("/tours/{tour}/copy"), &[("code", "order-2")])
        .await;
    assert_eq!(location(&res), format!("/tours/{tour}"));

    // Archive asks first, then holds the itinerary still.
    let ask = ops.post(&app, &format!("/tours/{tour}/archive"), &[]).await;
    assert_eq!(ask.status(), 200);
    post_ok(
        &ops,
        &app,
        &format!("/tours/{tour}/archive"),
        &[("confirmed", "yes")],
    )
    .await;
    let res = ops
        .post(
            &app,
            &format!("/tours/{tour}/days"),
            &[("title_en", "Late")],
        )
        .await;
    assert_eq!(res.status(), 409);
    let list = page(&ops, &app, "/tours?q=order").await;
    assert!(list.contains("ORDER-2") && !list.contains(">ORDER<"));
}

#[tokio::test]
async fn operations_and_viewers_see_the_itinerary_without_costs() {
    let app = TestApp::spawn().await;
    let tour = insert_tour(&app, "SECRET").await;
    for role in [Role::Operations, Role::Viewer] {
        let s = app.signed_in(role).await;
        let shown = page(&s, &app, &format!("/tours/{tour}")).await;
        assert!(shown.contains("Temples and markets"), "{role}");
        assert!(
            !shown.contains("Costing sheet"),
            "{role} is offered the costing sheet"
        );
        let res = s.get(&app, &format!("/tours/{tour}/costing")).await;
        assert_eq!(res.status(), 403, "{role}");
    }
    for role in [Role::Sales, Role::Accountant] {
        let s = app.signed_in(role).await;
        assert!(
            page(&s, &app, &format!("/tours/{tour}"))
                .await
                .contains("Costing sheet")
        );
        page(&s, &app, &format!("/tours/{tour}/costing")).await;
    }
}

/// A tour `WALKER-{n}` with one day holding one free-text line, straight into the database.
pub fn tour_with_a_line(
    conn: &mut tourdesk::db::AnyConnection,
    n: u32,
) -> (
    TourId,
    tourdesk::domain::ids::TourDayId,
    tourdesk::domain::ids::TourLineId,
) {
    use tourdesk::domain::currency::Currency;
    use tourdesk::domain::money::Money;
    use tourdesk::domain::tours::itinerary::{CostBasis, DayData, LineData, Service};
    let actor = Actor::cli();
    let tour = tours::create(conn, &actor, &tour_data(&format!("WALKER-{n}"))).expect("a tour");
    let day = tours::itinerary::add_day(conn, &actor, tour, &DayData::default()).expect("a day");
    let line = LineData {
        service: Service::Other {
            cost: Money::new(10_000, Currency::parse("THB").expect("THB")),
            basis: CostBasis::Group,
        },
        description: "Boat".into(),
    };
    let (line, _) = tours::itinerary::add_line(conn, &actor, day, &line).expect("a line");
    (tour, day, line)
}
