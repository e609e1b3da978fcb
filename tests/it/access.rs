//! Every route × every role: only the permitted ones get through.

use tourdesk::domain::access::Role;
use tourdesk::web::routes::{Access, ROUTES};

use crate::harness::{Session, TestApp};

/// A valid request body for each POST route, so that only the permission can refuse it;
/// `n` makes names, e-mails and dates unique, so that every allowed POST succeeds.
fn form_for(path: &str, n: u32) -> Vec<(&'static str, String)> {
    let s = |v: &str| v.to_owned();
    let day = n_day(n);
    match path {
        "/sign-in" => vec![
            ("email", format!("nobody{n}@test.local")),
            ("password", s("whatever-it-is")),
        ],
        "/account/locale" => vec![("locale", s("en")), ("back", s("/"))],
        "/account/year-style" => vec![("year_style", s("buddhist"))],
        "/settings/time-zone" => vec![("time_zone", s("Asia/Ho_Chi_Minh"))],
        "/settings/codes" => vec![
            ("group_code_pattern", s("G{yy}-{seq:4}")),
            ("quotation_number_pattern", s("Q{yy}-{seq:4}")),
        ],
        "/users" => vec![
            ("email", format!("fresh{n}@test.local")),
            ("display_name", format!("Fresh {n}")),
            ("role", s("viewer")),
        ],
        "/users/{id}" => vec![
            ("display_name", format!("Renamed {n}")),
            ("role", s("viewer")),
        ],
        "/hotels/{id}/contract" => vec![
            ("reference", format!("Walk {n}")),
            ("valid_from", s("2000-01-01")),
            ("valid_to", s("2199-12-31")),
        ],
        "/hotels/{id}/peaks" => vec![
            ("name", format!("Walk peak {n}")),
            ("room_type", s("")),
            ("starts_on", day.clone()),
            ("ends_on", day.clone()),
            ("amount", s("100")),
            ("currency", s("THB")),
        ],
        "/peaks/{id}" => vec![
            ("name", format!("Walk Christmas {n}")),
            ("starts_on", s("2045-12-24")),
            ("ends_on", s("2045-12-31")),
            ("amount", s("600")),
            ("currency", s("THB")),
            ("min_nights", s("2")),
        ],
        "/allotments/{id}" => vec![
            ("starts_on", s("2045-01-01")),
            ("ends_on", s("2045-03-31")),
            ("rooms", s("6")),
            ("release_days", s("10")),
        ],
        archive if archive.ends_with("/archive") => vec![("confirmed", s("yes"))],
        "/hotels" | "/hotels/{id}" => vec![
            ("name", format!("Access Hotel {n}")),
            ("city", s("Bangkok")),
            ("currency", s("THB")),
            ("stars", s("3")),
        ],
        "/transport" | "/transport/{id}" => vec![
            ("name", format!("Access Coaches {n}")),
            ("currency", s("THB")),
        ],
        "/restaurants" | "/restaurants/{id}" => vec![
            ("name", format!("Access Kitchen {n}")),
            ("currency", s("THB")),
            ("lunch", s("250")),
        ],
        "/attractions" | "/attractions/{id}" => vec![
            ("name", format!("Access Temple {n}")),
            ("currency", s("THB")),
            ("adult", s("500")),
            ("child", s("250")),
        ],
        "/shops" | "/shops/{id}" => vec![
            ("name", format!("Access Gems {n}")),
            ("currency", s("THB")),
            ("commission_basis", s("per_head")),
            ("commission_per_head", s("100")),
            ("split_agency", s("50")),
            ("split_guide", s("40")),
            ("split_driver", s("10")),
        ],
        "/hotels/{id}/room-types" => vec![("name", format!("Room {n}")), ("kind", s("twin"))],
        "/room-types/{id}" => vec![
            ("name", format!("Room renamed {n}")),
            ("kind", s("twin")),
            ("max_occupancy", s("2")),
        ],
        "/room-rates/{id}" => vec![
            ("season", s("Seed")),
            ("starts_on", s("2031-01-01")),
            ("ends_on", s("2031-01-31")),
            ("rate", s("1200")),
            ("currency", s("THB")),
        ],
        "/suppliers/{id}/contacts"
        | "/agencies/{id}/contacts"
        | "/supplier-contacts/{id}"
        | "/agency-contacts/{id}" => vec![
            ("name", format!("Khun Access {n}")),
            ("email", format!("access{n}@test.local")),
        ],
        "/transport/{id}/vehicles" => vec![
            ("vehicle_type", format!("Coach {n}")),
            ("seats", s("45")),
            ("day_rate", s("9000")),
            ("transfer_rate", s("3500")),
        ],
        "/guides" | "/guides/{id}" => vec![
            ("name", format!("Access Guide {n}")),
            ("daily_fee", s("2000")),
            ("currency", s("THB")),
            ("lang_en", s("fluent")),
        ],
        "/agencies" | "/agencies/{id}" => vec![
            ("name", format!("Access Agency {n}")),
            ("language", s("en")),
            ("currency", s("USD")),
            ("credit_days", s("30")),
            ("credit_limit", s("1000")),
        ],
        "/rates" | "/rates/{id}" => vec![
            ("date", day.to_string()),
            ("from", s("USD")),
            ("to", s("THB")),
            ("rate", s("35.5")),
        ],
        "/tours" | "/tours/{id}" => vec![
            ("code", format!("WALK-{n}")),
            ("name", format!("Walk tour {n}")),
            ("days", s("3")),
            ("nights", s("2")),
            ("min_pax", s("10")),
        ],
        "/tours/{id}/copy" => vec![("code", format!("WALK-COPY-{n}"))],
        "/tours/{id}/days" | "/tour-days/{id}" => vec![("title_en", format!("Walk day {n}"))],
        "/tour-days/{id}/lines" | "/tour-lines/{id}" => vec![
            ("kind", s("other")),
            ("description", format!("Walk item {n}")),
            ("amount", s("100")),
            ("currency", s("THB")),
            ("basis", s("person")),
        ],
        "/tour-days/{id}/delete" | "/tour-lines/{id}/delete" => vec![("confirmed", s("yes"))],
        "/tour-days/{id}/move" | "/tour-lines/{id}/move" => vec![("direction", s("up"))],
        "/tours/{id}/costing" => vec![
            ("starts_on", s("2045-03-01")),
            ("currency", s("THB")),
            ("tiers", format!("10, {}", 11 + n % 50)),
            ("foc_per", s("15")),
            ("pricing", s("markup")),
            ("percent", s("20")),
            ("step", s("10")),
            ("guide_seats", s("1")),
        ],
        "/tours/{id}/costing/rates" => vec![("currency", s("USD")), ("rate", s("35"))],
        "/tour-lines/{id}/rate" => vec![("amount", s("150")), ("currency", s("THB"))],
        // Every role walks its own quoted group: confirming it is allowed once.
        "/groups/{id}/status" => vec![("to", s("confirmed"))],
        _ => vec![],
    }
}

/// A day of its own for every request (one exchange rate per pair and day, seasons that
/// never overlap).
fn n_day(n: u32) -> String {
    chrono::NaiveDate::from_ymd_opt(2040, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(u64::from(n))))
        .unwrap_or_default()
        .to_string()
}

/// What a permitted request answers when it succeeds: each route's real success, so that a
/// route that answers 404 or 500 to those it allows is caught.
fn success_status(method: &str, path: &str) -> u16 {
    match (method, path) {
        // Signed in already: the form sends you home.
        ("GET", "/sign-in") => 303,
        // Public: the walk signs in nobody, so its answer is the wrong-password page.
        ("POST", "/sign-in") => 401,
        // The one-time password is shown on the page that made it.
        ("POST", "/users/{id}/reset-password") => 200,
        ("POST", "/users") => 201,
        ("GET", _) => 200,
        _ => 303,
    }
}

/// The id an `{id}` path of this route stands for: a row of the right kind that exists.
fn id_for(path: &str, ids: &Ids) -> i64 {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    match first {
        "hotels" => ids.hotel,
        "transport" => ids.transport,
        "restaurants" | "attractions" | "shops" => ids.other_supplier(first),
        "room-rates" => ids.room_rate,
        "suppliers" => ids.hotel,
        "supplier-contacts" => ids.supplier_contact,
        "agency-contacts" => ids.agency_contact,
        "room-types" => ids.room_type,
        "peaks" => ids.peak,
        "allotments" => ids.allotment,
        "vehicles" => ids.vehicle,
        "guides" => ids.guide,
        "agencies" => ids.agency,
        "rates" => ids.rate,
        "tours" => ids.tour,
        "tour-days" => ids.tour_day,
        "tour-lines" => ids.tour_line,
        "groups" => ids.group,
        "imports" => {
            let kind = path.split('/').nth(2).unwrap_or("");
            ids.batches[IMPORT_KINDS.iter().position(|k| *k == kind).unwrap_or(0)]
        }
        _ => ids.user,
    }
}

/// Rows for every `{id}` path to resolve to, made through the pages by an admin.
#[derive(Clone, Copy)]
struct Ids {
    user: i64,
    hotel: i64,
    transport: i64,
    restaurant: i64,
    attraction: i64,
    shop: i64,
    room_rate: i64,
    room_type: i64,
    vehicle: i64,
    guide: i64,
    agency: i64,
    rate: i64,
    /// The walking role's own import batch of each kind, in the order of `IMPORT_KINDS`.
    batches: [i64; 8],
    supplier_contact: i64,
    agency_contact: i64,
    peak: i64,
    allotment: i64,
    tour: i64,
    tour_day: i64,
    tour_line: i64,
    group: i64,
}

const IMPORT_KINDS: [&str; 8] = [
    "hotels",
    "transport",
    "restaurants",
    "attractions",
    "shops",
    "guides",
    "agencies",
    "rates",
];

fn refs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

impl Ids {
    fn other_supplier(&self, first: &str) -> i64 {
        match first {
            "restaurants" => self.restaurant,
            "attractions" => self.attraction,
            _ => self.shop,
        }
    }
}

/// Fresh records of every kind for the role walking the routes, straight into the database.
async fn make_ids(app: &TestApp, user: i64, n: u32) -> Ids {
    use crate::fixtures;
    use tourdesk::db::master::contacts::Party;
    use tourdesk::domain::master::suppliers::SupplierKind;
    app.with_db(move |conn| {
        let supplier = |kind, conn: &mut tourdesk::db::AnyConnection| {
            fixtures::SupplierBuilder::of(kind)
                .name(&format!("Walk {} {n}", kind.as_str()))
                .insert(conn)
        };
        let hotel = supplier(SupplierKind::Hotel, conn);
        let transport = supplier(SupplierKind::Transport, conn);
        let room_type = fixtures::room_type(conn, hotel, "Seed");
        let seed = chrono::NaiveDate::from_ymd_opt(2031, 1, 1).expect("a date");
        let agency = fixtures::agency(conn, &format!("Walk Agency {n}"));
        let (peak, allotment) = fixtures::peak_and_allotment(conn, hotel, room_type);
        let (tour, tour_day, tour_line) = crate::tours::tour_with_a_line(conn, n);
        let (group, _) = crate::fixtures_groups::GroupBuilder::new(tour, agency).insert(conn);
        Ids {
            tour: tour.0,
            tour_day: tour_day.0,
            tour_line: tour_line.0,
            group: group.0,
            peak: peak.0,
            allotment: allotment.0,
            user,
            hotel: hotel.0,
            transport: transport.0,
            restaurant: supplier(SupplierKind::Restaurant, conn).0,
            attraction: supplier(SupplierKind::Attraction, conn).0,
            shop: supplier(SupplierKind::Shop, conn).0,
            room_rate: fixtures::room_rate(conn, room_type, seed, seed + chrono::Days::new(30)).0,
            room_type: room_type.0,
            vehicle: fixtures::vehicle(conn, transport).0,
            guide: fixtures::guide(conn, &format!("Walk Guide {n}")).0,
            agency: agency.0,
            rate: fixtures::exchange_rate(conn, seed - chrono::Days::new(u64::from(n))).0,
            batches: [0; 8],
            supplier_contact: fixtures::contact(conn, Party::Supplier(hotel), "Khun Seed").0,
            agency_contact: fixtures::contact(conn, Party::Agency(agency), "Khun Seed").0,
        }
    })
    .await
}

/// The id at the end of a redirect's location (`/imports/rates/7` → 7).
fn id_in(location: &str) -> i64 {
    location
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

async fn request(app: &TestApp, who: &Session, method: &str, path: &str, ids: &Ids, n: u32) -> u16 {
    let target = id_for(path, ids);
    let concrete = path
        .replace("{id}", &target.to_string())
        .replace("{file}", "style.css");
    let res = if method == "GET" {
        who.get(app, &concrete).await
    } else if let Some(kind) = path
        .strip_prefix("/imports/")
        .filter(|k| IMPORT_KINDS.contains(k))
    {
        crate::imports::upload(app, who, kind, template(app, who, kind).await).await
    } else if path == "/hotels/{id}/rates" {
        let (from, to) = (n_day(n), n_day(n));
        who.post(
            app,
            &concrete,
            &[
                ("room_type", ids.room_type.to_string().as_str()),
                ("season", "Walk"),
                ("starts_on", from.as_str()),
                ("ends_on", to.as_str()),
                ("rate", "1000"),
                ("currency", "THB"),
            ],
        )
        .await
    } else if path == "/groups" && method == "POST" {
        let (tour, agency) = (ids.tour.to_string(), ids.agency.to_string());
        let start = n_day(n);
        let form = [
            ("tour", tour.as_str()),
            ("agency", agency.as_str()),
            ("starts_on", start.as_str()),
            ("pax_paying", "12"),
        ];
        who.post(app, &concrete, &form).await
    } else if path == "/hotels/{id}/allotments" {
        let day = n_day(n);
        let room_type = ids.room_type.to_string();
        let form = [
            ("room_type", room_type.as_str()),
            ("starts_on", day.as_str()),
            ("ends_on", day.as_str()),
            ("rooms", "2"),
            ("release_days", "7"),
        ];
        who.post(app, &concrete, &form).await
    } else if path == "/account/password" {
        let new = format!("a-new-password-{n}");
        who.post(
            app,
            &concrete,
            &[
                ("current", who.password.as_str()),
                ("new_password", new.as_str()),
                ("confirm", new.as_str()),
            ],
        )
        .await
    } else {
        who.post(app, &concrete, &refs(&form_for(path, n))).await
    };
    let status = res.status().as_u16();
    let to_sign_in = res
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .is_some_and(|l| l.starts_with("/sign-in") && path != "/sign-out");
    // A redirect to the sign-in page is a refusal too: the session was not accepted.
    if to_sign_in { 0 } else { status }
}

/// A sheet of one row of the kind, for a role that may download its template (not a
/// workbook otherwise: its upload is refused by the permission before the file is looked at).
async fn template(app: &TestApp, who: &Session, kind: &str) -> Vec<u8> {
    let res = who.get(app, &format!("/imports/{kind}/template")).await;
    if res.status() != 200 {
        return b"not a workbook".to_vec();
    }
    crate::imports::sample_sheet(kind)
}

#[tokio::test]
async fn every_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let mut failures = Vec::new();
    let mut n = 0;
    for role in Role::ALL {
        n += 1;
        let target = app
            .add_user(
                &format!("target{n}@test.local"),
                Role::Viewer,
                "Target",
                "target-password",
            )
            .await;
        let ids = make_ids(&app, target.0, n).await;
        let who = app.signed_in(role).await;
        // The role's own import batches, so that `/imports/{kind}/{id}` resolves for it.
        let ids = Ids {
            batches: own_batches(&app, &who, role).await,
            ..ids
        };
        for route in ROUTES.iter().filter(|r| r.path != "/sign-out") {
            n += 1;
            let status = request(&app, &who, route.method, route.path, &ids, n).await;
            let allowed = match route.access {
                Access::Public | Access::SignedIn => true,
                Access::Perm(p) => role.permits(p),
            };
            // A refusal is 403, or a redirect to the sign-in page (counted as 0).
            let refused = status == 403 || status == 0;
            let expected = success_status(route.method, route.path);
            let right = if allowed { status == expected } else { refused };
            if !right {
                failures.push(format!(
                    "{role} {} {} → {status} (expected {})",
                    route.method,
                    route.path,
                    if allowed { expected } else { 403 }
                ));
            }
        }
        let status = request(&app, &who, "POST", "/sign-out", &ids, n).await;
        if status != 303 {
            failures.push(format!("{role} POST /sign-out → {status}"));
        }
    }
    assert!(
        failures.is_empty(),
        "route × role mismatches:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn anonymous_visitors_reach_only_public_routes() {
    let app = TestApp::spawn().await;
    let client = app.client();
    for route in ROUTES.iter().filter(|r| r.method == "GET") {
        let path = route
            .path
            .replace("{id}", "1")
            .replace("{file}", "style.css");
        let res = client.get(app.url(&path)).send().await.expect("GET");
        let to_sign_in = res
            .headers()
            .get("location")
            .and_then(|l| l.to_str().ok())
            .is_some_and(|l| l.starts_with("/sign-in"));
        match route.access {
            Access::Public => assert_eq!(res.status(), 200, "GET {path}"),
            _ => assert!(
                res.status() == 303 && to_sign_in,
                "GET {path} → {}",
                res.status()
            ),
        }
    }
}

/// The role's own import batch of each kind it may import (batches are private to their
/// uploader); 0 where the permission refuses first anyway.
async fn own_batches(app: &TestApp, who: &Session, role: Role) -> [i64; 8] {
    let mut batches = [0; 8];
    for (i, kind) in IMPORT_KINDS.iter().enumerate() {
        let perm = tourdesk::web::imports::perm(
            tourdesk::import::Kind::parse(kind).expect("an import kind"),
        );
        if !role.permits(perm) {
            continue;
        }
        let res = crate::imports::upload(app, who, kind, template(app, who, kind).await).await;
        assert_eq!(res.status(), 303, "{role} uploading a {kind} sheet");
        batches[i] = id_in(&crate::harness::location(&res));
    }
    batches
}

#[test]
fn the_route_table_and_the_registered_handlers_agree() {
    use std::collections::BTreeSet;
    use tourdesk::web::routes::{expand_pattern, register};
    let mut seen = Vec::new();
    let _app = actix_web::App::new().configure(|cfg| seen = register(cfg));
    let registered: BTreeSet<(String, String)> = seen
        .iter()
        .flat_map(|(method, pattern)| {
            expand_pattern(pattern)
                .into_iter()
                .map(move |path| (method.to_string(), path))
        })
        .collect();
    let table: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|r| (r.method.to_owned(), r.path.to_owned()))
        .collect();
    assert_eq!(
        registered.difference(&table).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "registered but missing from ROUTES"
    );
    assert_eq!(
        table.difference(&registered).collect::<Vec<_>>(),
        Vec::<&(String, String)>::new(),
        "in ROUTES but not registered"
    );
    assert_eq!(ROUTES.len(), table.len(), "ROUTES holds a route twice");
}
