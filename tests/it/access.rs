//! Every route × every role: only the permitted ones get through.

use tourdesk::domain::access::Role;
use tourdesk::web::routes::{Access, ROUTES};

use crate::harness::{Session, TestApp};

/// A valid request body for each POST route, so that only the permission can refuse it.
fn form_for(path: &str) -> Vec<(&'static str, &'static str)> {
    match path {
        "/sign-in" => vec![
            ("email", "nobody@test.local"),
            ("password", "whatever-it-is"),
        ],
        "/account/password" => vec![("current", "x"), ("new_password", "y"), ("confirm", "z")],
        "/account/locale" => vec![("locale", "en"), ("back", "/")],
        "/users" => vec![
            ("email", "fresh@test.local"),
            ("display_name", "Fresh"),
            ("role", "viewer"),
        ],
        "/users/{id}" => vec![("display_name", "Target renamed"), ("role", "viewer")],
        "/hotels" | "/hotels/{id}" => vec![
            ("name", "Access Hotel"),
            ("city", "Bangkok"),
            ("currency", "THB"),
            ("stars", "3"),
        ],
        "/transport" | "/transport/{id}" => vec![("name", "Access Coaches"), ("currency", "THB")],
        "/restaurants" | "/restaurants/{id}" => {
            vec![
                ("name", "Access Kitchen"),
                ("currency", "THB"),
                ("lunch", "250"),
            ]
        }
        "/attractions" | "/attractions/{id}" => vec![
            ("name", "Access Temple"),
            ("currency", "THB"),
            ("adult", "500"),
            ("child", "250"),
        ],
        "/shops" | "/shops/{id}" => vec![
            ("name", "Access Gems"),
            ("currency", "THB"),
            ("commission_basis", "per_head"),
            ("commission_per_head", "100"),
            ("split_agency", "50"),
            ("split_guide", "40"),
            ("split_driver", "10"),
        ],
        "/hotels/{id}/room-types" => vec![("name", "Room"), ("kind", "twin")],
        "/hotels/{id}/rates" => vec![
            ("room_type", "1"),
            ("season", "Any"),
            ("starts_on", "2030-01-01"),
            ("ends_on", "2030-01-02"),
            ("rate", "1000"),
            ("currency", "THB"),
        ],
        "/room-types/{id}" => vec![
            ("name", "Room renamed"),
            ("kind", "twin"),
            ("max_occupancy", "2"),
        ],
        "/room-rates/{id}" => vec![
            ("season", "Seed"),
            ("starts_on", "2031-01-01"),
            ("ends_on", "2031-01-31"),
            ("rate", "1200"),
            ("currency", "THB"),
        ],
        "/suppliers/{id}/contacts"
        | "/agencies/{id}/contacts"
        | "/supplier-contacts/{id}"
        | "/agency-contacts/{id}" => vec![("name", "Khun Access"), ("email", "access@test.local")],
        "/transport/{id}/vehicles" => vec![
            ("vehicle_type", "Coach"),
            ("seats", "45"),
            ("day_rate", "9000"),
            ("transfer_rate", "3500"),
        ],
        "/guides" | "/guides/{id}" => vec![
            ("name", "Access Guide"),
            ("daily_fee", "2000"),
            ("currency", "THB"),
            ("lang_en", "fluent"),
        ],
        "/agencies" | "/agencies/{id}" => vec![
            ("name", "Access Agency"),
            ("language", "en"),
            ("currency", "USD"),
            ("credit_days", "30"),
            ("credit_limit", "1000"),
        ],
        "/rates" | "/rates/{id}" => vec![
            ("date", "2030-01-01"),
            ("from", "USD"),
            ("to", "THB"),
            ("rate", "35.5"),
        ],
        _ => vec![],
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
        "vehicles" => ids.vehicle,
        "guides" => ids.guide,
        "agencies" => ids.agency,
        "rates" => ids.rate,
        "imports" => ids.batch,
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
    batch: i64,
    supplier_contact: i64,
    agency_contact: i64,
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

fn id_in(location: &str) -> i64 {
    location
        .trim_end_matches("/edit")
        .rsplit('/')
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

async fn make_ids(app: &TestApp, admin: &Session, user: i64) -> Ids {
    let supplier = |path: &'static str| async move {
        let res = admin.post(app, path, &form_for(path)).await;
        assert_eq!(res.status(), 303, "creating {path}");
        id_in(&crate::harness::location(&res))
    };
    let hotel = supplier("/hotels").await;
    let transport = supplier("/transport").await;
    let restaurant = supplier("/restaurants").await;
    let attraction = supplier("/attractions").await;
    let shop = supplier("/shops").await;
    let guide = supplier("/guides").await;
    let res = admin.post(app, "/agencies", &form_for("/agencies")).await;
    assert_eq!(res.status(), 303);
    let res = admin.post(app, "/rates", &form_for("/rates")).await;
    assert_eq!(res.status(), 303);
    let res = admin
        .post(
            app,
            &format!("/hotels/{hotel}/room-types"),
            &form_for("/hotels/{id}/room-types"),
        )
        .await;
    assert_eq!(res.status(), 303);
    let (agency, rate, room_type) = app
        .with_db(move |conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::{agencies, exchange_rates, room_types};
            let agency = agencies::table
                .select(agencies::id)
                .first::<i64>(conn)
                .expect("agency");
            let rate = exchange_rates::table
                .select(exchange_rates::id)
                .first::<i64>(conn)
                .expect("rate");
            let room_type = room_types::table
                .select(room_types::id)
                .first::<i64>(conn)
                .expect("room type");
            (agency, rate, room_type)
        })
        .await;
    let rate_form: Vec<(&str, String)> = vec![
        ("room_type", room_type.to_string()),
        ("season", "Seed".into()),
        ("starts_on", "2031-01-01".into()),
        ("ends_on", "2031-01-31".into()),
        ("rate", "1000".into()),
        ("currency", "THB".into()),
    ];
    let refs: Vec<(&str, &str)> = rate_form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let res = admin
        .post(app, &format!("/hotels/{hotel}/rates"), &refs)
        .await;
    assert_eq!(res.status(), 303);
    let res = admin
        .post(
            app,
            &format!("/transport/{transport}/vehicles"),
            &form_for("/transport/{id}/vehicles"),
        )
        .await;
    assert_eq!(res.status(), 303);
    for path in [
        format!("/suppliers/{hotel}/contacts"),
        format!("/agencies/{agency}/contacts"),
    ] {
        let res = admin
            .post(app, &path, &form_for("/suppliers/{id}/contacts"))
            .await;
        assert_eq!(res.status(), 303, "{path}");
    }
    let (supplier_contact, agency_contact) = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::contacts;
            let of = |kind: &str, conn: &mut tourdesk::db::AnyConnection| {
                contacts::table
                    .filter(contacts::party_kind.eq(kind.to_owned()))
                    .select(contacts::id)
                    .first::<i64>(conn)
                    .expect("contact")
            };
            (of("supplier", conn), of("agency", conn))
        })
        .await;
    let (room_rate, vehicle) = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::{room_rates, vehicles};
            (
                room_rates::table
                    .select(room_rates::id)
                    .first::<i64>(conn)
                    .expect("room rate"),
                vehicles::table
                    .select(vehicles::id)
                    .first::<i64>(conn)
                    .expect("vehicle"),
            )
        })
        .await;
    Ids {
        user,
        hotel,
        transport,
        restaurant,
        attraction,
        shop,
        room_rate,
        room_type,
        vehicle,
        guide,
        agency,
        rate,
        batch: 0,
        supplier_contact,
        agency_contact,
    }
}

async fn request(app: &TestApp, who: &Session, method: &str, path: &str, ids: &Ids) -> u16 {
    let target = id_for(path, ids);
    let concrete = path
        .replace("{id}", &target.to_string())
        .replace("{file}", "style.css");
    let res = if method == "GET" {
        who.get(app, &concrete).await
    } else {
        who.post(app, &concrete, &form_for(path)).await
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

#[tokio::test]
async fn every_route_answers_each_role_as_the_matrix_says() {
    let app = TestApp::spawn().await;
    let target = app
        .add_user(
            "target@test.local",
            tourdesk::domain::access::Role::Viewer,
            "Target",
            "target-password",
        )
        .await;
    let admin = app.signed_in(Role::Admin).await;
    let ids = make_ids(&app, &admin, target.0).await;
    let mut failures = Vec::new();
    for role in Role::ALL {
        let who = if role == Role::Admin {
            app.sign_in(
                &crate::harness::email_for(role),
                &crate::harness::password_for(role),
            )
            .await
        } else {
            app.signed_in(role).await
        };
        // Each role's import batch, so that `/imports/{kind}/{id}` resolves for its owner.
        let ids = Ids {
            batch: own_batch(&app, &who, role).await,
            ..ids
        };
        for route in ROUTES.iter().filter(|r| r.path != "/sign-out") {
            let status = request(&app, &who, route.method, route.path, &ids).await;
            let allowed = match route.access {
                Access::Public | Access::SignedIn => true,
                Access::Perm(p) => role.permits(p),
            };
            let refused = status == 403 || status == 0;
            if allowed == refused {
                failures.push(format!(
                    "{role} {} {} → {status} (allowed: {allowed})",
                    route.method, route.path
                ));
            }
        }
        let status = request(&app, &who, "POST", "/sign-out", &ids).await;
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

/// An import batch of the role's own, when the role may import rates (batches are private to
/// their uploader); 0 otherwise, where the permission refuses first anyway.
async fn own_batch(app: &TestApp, who: &Session, role: Role) -> i64 {
    if !role.permits(tourdesk::domain::access::Perm::RatesEdit) {
        return 0;
    }
    let bytes = who
        .get(app, "/imports/rates/template")
        .await
        .bytes()
        .await
        .expect("template")
        .to_vec();
    let res = crate::imports::upload(app, who, "rates", bytes).await;
    assert_eq!(res.status(), 303, "{role} uploading a rate sheet");
    id_in(&crate::harness::location(&res))
}
