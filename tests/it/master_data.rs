//! Suppliers, guides, agencies and exchange rates through their pages: validation with field
//! errors, overlapping seasons refused, archive instead of delete, audit rows, search.

use tourdesk::domain::access::Role;
use tourdesk::domain::master::suppliers::SupplierKind;

use crate::fixtures::{HotelBuilder, room_type};
use crate::harness::{TestApp, location};

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap_or_default()
}

#[tokio::test]
async fn a_hotel_gets_room_types_and_seasonal_rates_and_overlaps_are_refused() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let res = ops
        .post(
            &app,
            "/hotels",
            &[("name", ""), ("currency", "THB"), ("stars", "9")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = body(res).await;
    assert!(page.contains("This field is required."), "{page}");
    let res = ops
        .post(
            &app,
            "/hotels",
            &[
                ("name", "Riverside Bangkok"),
                ("local_name", "โรงแรมริเวอร์ไซด์"),
                ("city", "Bangkok"),
                ("currency", "THB"),
                ("stars", "4"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let hotel = location(&res);
    assert!(hotel.starts_with("/hotels/"), "{hotel}");
    let res = ops
        .post(
            &app,
            &format!("{hotel}/room-types"),
            &[
                ("name", "Superior twin"),
                ("kind", "twin"),
                ("max_occupancy", ""),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = body(ops.get(&app, &hotel).await).await;
    let marker = "<option value=\"";
    let at = page.find("name=\"room_type\"").expect("room type select");
    let start = page[at..].find(marker).expect("an option") + at + marker.len();
    let room_type = page[start..start + page[start..].find('"').expect("quote")].to_owned();
    let rate = |from: &'static str, to: &'static str, amount: &'static str| {
        vec![
            ("room_type", room_type.clone()),
            ("season", "High".to_owned()),
            ("starts_on", from.to_owned()),
            ("ends_on", to.to_owned()),
            ("rate", amount.to_owned()),
            ("currency", "THB".to_owned()),
        ]
    };
    let send = |fields: Vec<(&'static str, String)>| {
        let ops = &ops;
        let app = &app;
        let hotel = hotel.clone();
        async move {
            let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            ops.post(app, &format!("{hotel}/rates"), &refs).await
        }
    };
    assert_eq!(
        send(rate("2027-11-01", "2028-03-31", "2,450.50"))
            .await
            .status(),
        303
    );
    let res = send(rate("2028-03-01", "2028-04-30", "1800")).await;
    assert_eq!(res.status(), 422, "an overlapping season is refused");
    assert!(body(res).await.contains("overlap"));
    let res = send(rate("2028-04-01", "2028-04-30", "12.345")).await;
    assert_eq!(res.status(), 422, "three decimals in THB are refused");
    let page = body(ops.get(&app, &hotel).await).await;
    assert!(
        page.contains("2,450.50 THB"),
        "the rate is shown formatted: {page}"
    );
    assert!(!page.contains("1,800"), "the refused rate was not written");
    let res = ops
        .post(
            &app,
            &format!("/room-types/{room_type}/archive"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = body(ops.get(&app, &hotel).await).await;
    assert!(
        page.contains(&format!("/room-types/{room_type}/restore"))
            && !page.contains("/room-rates/")
            && page.contains("2,450.50 THB"),
        "an archived room type takes its rates along, shown as archived: {page}"
    );
    // Archive, not delete: the hotel leaves the list and comes back on restore.
    assert_eq!(
        ops.post(&app, &format!("{hotel}/archive"), &[("confirmed", "yes")])
            .await
            .status(),
        303
    );
    assert!(
        !body(ops.get(&app, "/hotels").await)
            .await
            .contains("Riverside Bangkok")
    );
    assert!(
        body(ops.get(&app, "/hotels?archived=1").await)
            .await
            .contains("Riverside Bangkok")
    );
    let admin = app.signed_in(Role::Admin).await;
    let audit = body(admin.get(&app, "/audit?action=room-rate.create").await).await;
    assert!(audit.contains("room-rate.create"), "{audit}");
    // Readers read, and cannot write.
    let sales = app.signed_in(Role::Sales).await;
    assert_eq!(sales.get(&app, &hotel).await.status(), 200);
    assert_eq!(
        sales
            .post(&app, &format!("{hotel}/restore"), &[])
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn a_shop_split_must_add_up_to_a_hundred() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let mut fields = vec![
        ("name", "Gems Gallery"),
        ("currency", "THB"),
        ("commission_basis", "percent"),
        ("commission_percent", "15"),
        ("split_agency", "60"),
        ("split_guide", "30"),
        ("split_driver", "5"),
    ];
    let res = ops.post(&app, "/shops", &fields).await;
    assert_eq!(res.status(), 422);
    assert!(body(res).await.contains("95 %"));
    fields[6] = ("split_driver", "10");
    let res = ops.post(&app, "/shops", &fields).await;
    assert_eq!(res.status(), 303);
    let page = body(ops.get(&app, &location(&res)).await).await;
    assert!(page.contains("60 % · 30 % · 10 %"), "{page}");
}

#[tokio::test]
async fn guides_agencies_and_rates_are_kept_and_listed() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let res = ops
        .post(
            &app,
            "/guides",
            &[
                ("name", "Wang Fang"),
                ("daily_fee", "2500"),
                ("currency", "THB"),
                ("licence_number", "11-0042"),
                ("licence_expires_on", "2020-01-31"),
                ("lang_zh", "native"),
                ("lang_th", "fluent"),
                ("active", "on"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let guide = location(&res);
    let page = body(ops.get(&app, &guide).await).await;
    assert!(
        page.contains("licence has expired"),
        "an expired licence warns: {page}"
    );
    assert!(page.contains("class=\"calendar\""));
    let list = body(ops.get(&app, "/guides?language=zh").await).await;
    assert!(list.contains("Wang Fang"));
    let list = body(ops.get(&app, "/guides?language=ko").await).await;
    assert!(!list.contains("Wang Fang"), "the language filter works");
    let res = ops
        .post(
            &app,
            "/agencies",
            &[
                ("name", "Seoul Happy Tour"),
                ("country", "Korea"),
                ("market", "Korea"),
                ("language", "ko"),
                ("currency", "USD"),
                ("credit_days", "30"),
                ("credit_limit", "20000"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        body(ops.get(&app, "/agencies?q=seoul").await)
            .await
            .contains("Seoul Happy Tour")
    );
    let acc = app.signed_in(Role::Accountant).await;
    for (date, rate) in [("2027-01-02", "35.10"), ("2027-01-05", "35.45")] {
        let res = acc
            .post(
                &app,
                "/rates",
                &[
                    ("date", date),
                    ("from", "USD"),
                    ("to", "THB"),
                    ("rate", rate),
                    ("source", "BOT"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
    }
    let res = acc
        .post(
            &app,
            "/rates",
            &[
                ("date", "2027-01-05"),
                ("from", "USD"),
                ("to", "THB"),
                ("rate", "36"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422, "one rate per pair and day");
    let page = body(
        acc.get(&app, "/rates?from=USD&to=THB&date=2027-01-04")
            .await,
    )
    .await;
    assert!(page.contains("Rate in force: 35.1"), "{page}");
    assert_eq!(
        acc.post(&app, "/agencies", &[("name", "X")]).await.status(),
        403
    );
}

#[tokio::test]
async fn the_demo_data_seeds_once_and_shows_in_the_lists() {
    let app = TestApp::spawn().await;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    for _ in 0..2 {
        app.with_db(move |conn| tourdesk::demo_data::seed(conn, today).expect("seeding"))
            .await;
    }
    let (hotels, guides, agencies, rates) = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::{agencies, exchange_rates, guides, suppliers};
            let n = |r: QueryResult<i64>| r.expect("count");
            (
                n(suppliers::table
                    .filter(suppliers::kind.eq("hotel"))
                    .count()
                    .get_result(conn)),
                n(guides::table.count().get_result(conn)),
                n(agencies::table.count().get_result(conn)),
                n(exchange_rates::table.count().get_result(conn)),
            )
        })
        .await;
    assert_eq!(
        (hotels, guides, agencies, rates),
        (40, 25, 15, 9 * 365),
        "seeding twice adds nothing"
    );
    let (contracts, peaks, allotments) = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::{allotments, hotel_contracts, peak_surcharges};
            let n = |r: QueryResult<i64>| r.expect("count");
            (
                n(hotel_contracts::table.count().get_result(conn)),
                n(peak_surcharges::table.count().get_result(conn)),
                n(allotments::table.count().get_result(conn)),
            )
        })
        .await;
    assert_eq!(contracts, 40, "every demo hotel has its contract");
    assert!(
        peaks >= 40 && allotments == 10,
        "{peaks} peaks, {allotments} allotments"
    );
    let viewer = app.signed_in(Role::Viewer).await;
    let page = body(viewer.get(&app, "/hotels?city=Hanoi").await).await;
    assert!(page.contains("Khách sạn Hồ Hoàn Kiếm"), "{page}");
    let page = body(
        viewer
            .get(&app, "/rates?from=USD&to=THB&date=2026-06-01")
            .await,
    )
    .await;
    assert!(page.contains("Rate in force"), "{page}");
}

#[tokio::test]
async fn room_types_and_seasonal_rates_are_edited_with_the_same_rules() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let res = ops
        .post(
            &app,
            "/hotels",
            &[
                ("name", "Hoi An Lantern"),
                ("city", "Da Nang"),
                ("currency", "VND"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let hotel = location(&res);
    for name in ["Deluxe", "Suite"] {
        let res = ops
            .post(
                &app,
                &format!("{hotel}/room-types"),
                &[("name", name), ("kind", "double")],
            )
            .await;
        assert_eq!(res.status(), 303);
    }
    let (deluxe, suite) = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::room_types;
            let ids: Vec<i64> = room_types::table
                .select(room_types::id)
                .order(room_types::id)
                .load(conn)
                .expect("ids");
            (ids[0], ids[1])
        })
        .await;
    let deluxe_s = deluxe.to_string();
    for (from, to) in [("2027-01-01", "2027-03-31"), ("2027-04-01", "2027-06-30")] {
        let fields = [
            ("room_type", deluxe_s.as_str()),
            ("season", "Season"),
            ("starts_on", from),
            ("ends_on", to),
            ("rate", "1500000"),
            ("currency", "VND"),
        ];
        assert_eq!(
            ops.post(&app, &format!("{hotel}/rates"), &fields)
                .await
                .status(),
            303
        );
    }
    let second = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::room_rates;
            room_rates::table
                .select(room_rates::id)
                .order(room_rates::id.desc())
                .first::<i64>(conn)
                .expect("rate")
        })
        .await;

    let form = body(ops.get(&app, &format!("/room-rates/{second}/edit")).await).await;
    assert!(
        form.contains("value=\"2027-04-01\"") && form.contains("value=\"1500000\""),
        "{form}"
    );
    let edit = |from: &'static str, amount: &'static str| {
        vec![
            ("season", "Summer"),
            ("starts_on", from),
            ("ends_on", "2027-06-30"),
            ("rate", amount),
            ("currency", "VND"),
        ]
    };
    let res = ops
        .post(
            &app,
            &format!("/room-rates/{second}"),
            &edit("2027-03-15", "1600000"),
        )
        .await;
    assert_eq!(
        res.status(),
        422,
        "an edit that overlaps the other season is refused"
    );
    assert!(body(res).await.contains("overlap"));
    let res = ops
        .post(
            &app,
            &format!("/room-rates/{second}"),
            &edit("2027-04-01", "1.5"),
        )
        .await;
    assert_eq!(res.status(), 422, "VND has no minor unit");
    let res = ops
        .post(
            &app,
            &format!("/room-rates/{second}"),
            &edit("2027-04-01", "1650000"),
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = body(ops.get(&app, &hotel).await).await;
    assert!(
        page.contains("1,650,000 VND") && page.contains("Summer"),
        "{page}"
    );
    assert!(!page.contains("1,600,000"), "the refused edit was written");

    let res = ops
        .post(
            &app,
            &format!("/room-types/{suite}"),
            &[
                ("name", "deluxe"),
                ("kind", "double"),
                ("max_occupancy", "2"),
            ],
        )
        .await;
    assert_eq!(
        res.status(),
        422,
        "two room types of a hotel cannot share a name"
    );
    let res = ops
        .post(
            &app,
            &format!("/room-types/{deluxe}"),
            &[
                ("name", "Deluxe river view"),
                ("kind", "twin"),
                ("max_occupancy", "3"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert!(
        body(ops.get(&app, &hotel).await)
            .await
            .contains("Deluxe river view")
    );

    let admin = app.signed_in(Role::Admin).await;
    let audit = body(admin.get(&app, "/audit?action=room-rate.update").await).await;
    assert!(
        audit.contains("1,500,000 VND") && audit.contains("1,650,000 VND"),
        "before and after are audited: {audit}"
    );
    let viewer = app.signed_in(Role::Viewer).await;
    assert_eq!(
        viewer
            .get(&app, &format!("/room-rates/{second}/edit"))
            .await
            .status(),
        403
    );
    assert_eq!(
        viewer
            .post(
                &app,
                &format!("/room-types/{deluxe}"),
                &[("name", "x"), ("kind", "twin"), ("max_occupancy", "2")]
            )
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn exchange_rates_are_searched_by_source() {
    let app = TestApp::spawn().await;
    let acc = app.signed_in(Role::Accountant).await;
    for (date, source) in [
        ("2027-01-05", "Kasikorn Bank Thai"),
        ("2027-01-06", "Vietcombank 100%_x"),
    ] {
        let fields = [
            ("date", date),
            ("from", "USD"),
            ("to", "THB"),
            ("rate", "35.1"),
            ("source", source),
        ];
        assert_eq!(acc.post(&app, "/rates", &fields).await.status(), 303);
    }
    let page = body(acc.get(&app, "/rates?q=BANK+thai").await).await;
    assert!(
        page.contains("Kasikorn Bank Thai") && !page.contains("Vietcombank"),
        "{page}"
    );
    let page = body(acc.get(&app, "/rates?q=100%25_").await).await;
    assert!(
        page.contains("Vietcombank") && !page.contains("Kasikorn"),
        "wildcards are literal"
    );
    for bad in [
        "/rates?from=XYZ",
        "/rates?to=usd1",
        "/rates?date=2026-13-01",
    ] {
        assert_eq!(acc.get(&app, bad).await.status(), 400, "{bad}");
    }
}

#[tokio::test]
async fn out_of_range_input_is_refused_with_a_field_error() {
    let app = TestApp::spawn().await;
    let acc = app.signed_in(Role::Accountant).await;
    for (date, rate, expected) in [
        (
            "2027-01-02",
            "0.0000000000000000000000000001",
            "between 0.000000001",
        ),
        ("2027-01-02", "2000000000", "between 0.000000001"),
        ("0000-01-01", "35.10", "Enter a date from"),
        ("2201-01-01", "35.10", "Enter a date from"),
    ] {
        let res = acc
            .post(
                &app,
                "/rates",
                &[
                    ("date", date),
                    ("from", "USD"),
                    ("to", "THB"),
                    ("rate", rate),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{date} {rate}");
        let page = body(res).await;
        assert!(page.contains(expected), "{date} {rate}: {page}");
    }
    let listed = body(acc.get(&app, "/rates").await).await;
    assert!(
        !listed.contains("USD → THB"),
        "nothing was stored: {listed}"
    );

    // Control characters in one-line fields are refused; line breaks in notes are kept.
    let ops = app.signed_in(Role::Manager).await;
    for name in [
        "Nul\u{0}Tours",
        "Bell\u{7}Tours",
        "Esc\u{1b}[31mTours",
        "Two\nLines",
    ] {
        let res = ops
            .post(
                &app,
                "/agencies",
                &[
                    ("name", name),
                    ("language", "en"),
                    ("currency", "USD"),
                    ("credit_days", "30"),
                    ("credit_limit", "1000"),
                ],
            )
            .await;
        assert_eq!(res.status(), 422, "{name:?}");
        assert!(body(res).await.contains("control characters"), "{name:?}");
    }
    let res = ops
        .post(
            &app,
            "/agencies",
            &[
                ("name", "Clean Tours"),
                ("language", "en"),
                ("currency", "USD"),
                ("credit_days", "30"),
                ("credit_limit", "1000"),
                ("notes", "Pays in two parts.\r\nCall before 10:00."),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let stored = app
        .with_db(|conn| {
            use diesel::prelude::*;
            tourdesk::db::schema::agencies::table
                .select(tourdesk::db::schema::agencies::name)
                .load::<String>(conn)
                .expect("agencies")
        })
        .await;
    assert_eq!(stored, ["Clean Tours"]);

    // A page far past the end says it holds no rows, and leads to the last page.
    let page = body(acc.get(&app, "/agencies?page=9223372036854775807").await).await;
    assert!(!page.contains("Clean Tours"), "{page}");
    assert!(page.contains("There are no rows on this page: the list has 1 page."));
    assert!(page.contains("Go to the last page"), "{page}");
    let admin = app.signed_in(Role::Admin).await;
    for list in ["/hotels", "/guides", "/rates", "/audit", "/users"] {
        let res = admin
            .get(&app, &format!("{list}?page=9223372036854775807"))
            .await;
        assert_eq!(res.status(), 200, "{list}");
        let page = body(res).await;
        assert!(
            page.contains("There are no rows on this page"),
            "{list}: {page}"
        );
        assert!(
            page.contains("page=1\"") || page.contains("page=1&"),
            "{list}: {page}"
        );
    }
}

#[tokio::test]
async fn lists_and_forms_say_plainly_what_is_asked() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    // Stars are optional, and the form does not mark them required.
    let form = body(ops.get(&app, "/hotels/new").await).await;
    let stars = form
        .split("<label")
        .find(|l| l.contains("name=\"stars\""))
        .unwrap_or_default();
    assert!(!stars.contains('*'), "{stars}");
    assert!(
        form.split("<label")
            .any(|l| l.contains("name=\"name\"") && l.contains('*'))
    );
    // A page number that is not one is a 400 in the reader's language.
    ops.post(&app, "/account/locale", &[("locale", "vi"), ("back", "/")])
        .await;
    let res = ops.get(&app, "/agencies?page=abc").await;
    assert_eq!(res.status(), 400);
    let page = body(res).await;
    assert!(page.contains("số trang phải là số nguyên"), "{page}");
    assert!(!page.contains("invalid digit"), "no parser English: {page}");
}

#[tokio::test]
async fn room_type_names_are_unique_among_live_siblings_only() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let (hotel, deluxe, suite) = app
        .with_db(|conn| {
            let hotel = crate::fixtures::HotelBuilder::new().insert(conn);
            let deluxe = crate::fixtures::room_type(conn, hotel, "Deluxe Đôi");
            let suite = crate::fixtures::room_type(conn, hotel, "Suite");
            (hotel, deluxe, suite)
        })
        .await;
    let rename = |id: tourdesk::domain::ids::RoomTypeId, name: &'static str| {
        let (ops, app) = (&ops, &app);
        async move {
            ops.post(
                app,
                &format!("/room-types/{id}"),
                &[("name", name), ("kind", "twin"), ("max_occupancy", "2")],
            )
            .await
        }
    };
    // Another live room type's name, in another case and Unicode form: refused, with a message.
    let res = rename(suite, "DELUXE \u{110}O\u{302}I").await;
    assert_eq!(res.status(), 422);
    assert!(
        body(res)
            .await
            .contains("already has a room type with this name")
    );
    // Once that sibling is archived its name is free, for a rename and for a new room type.
    let res = ops
        .post(
            &app,
            &format!("/room-types/{deluxe}/archive"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(rename(suite, "Deluxe Đôi").await.status(), 303);
    let res = ops
        .post(
            &app,
            &format!("/hotels/{hotel}/room-types"),
            &[("name", "Suite"), ("kind", "double")],
        )
        .await;
    assert_eq!(
        res.status(),
        303,
        "the old name of the renamed room type is free"
    );
    let res = ops
        .post(
            &app,
            &format!("/hotels/{hotel}/room-types"),
            &[("name", "suite"), ("kind", "double")],
        )
        .await;
    assert_eq!(res.status(), 422);
}

#[tokio::test]
async fn an_archived_record_cannot_be_changed_until_restored() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let hotel = app
        .with_db(|conn| {
            crate::fixtures::HotelBuilder::new()
                .name("Sleepy Inn")
                .insert(conn)
        })
        .await;
    let edit = [
        ("name", "Renamed Inn"),
        ("city", "Bangkok"),
        ("currency", "THB"),
        ("stars", "3"),
    ];
    let archive = ops
        .post(
            &app,
            &format!("/hotels/{hotel}/archive"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(archive.status(), 303);
    let res = ops.post(&app, &format!("/hotels/{hotel}"), &edit).await;
    assert_eq!(res.status(), 409);
    assert!(body(res).await.contains("restore it before changing it"));
    // Archiving again changes nothing and audits nothing.
    assert_eq!(
        ops.post(
            &app,
            &format!("/hotels/{hotel}/archive"),
            &[("confirmed", "yes")]
        )
        .await
        .status(),
        303
    );
    let archives = app
        .with_db(|conn| {
            let filter = tourdesk::db::audit::Filter {
                action: Some("supplier.archive".into()),
                limit: 10,
                ..Default::default()
            };
            tourdesk::db::audit::list(conn, &filter).expect("audit").1
        })
        .await;
    assert_eq!(archives, 1);
    assert_eq!(
        ops.post(&app, &format!("/hotels/{hotel}/restore"), &[])
            .await
            .status(),
        303
    );
    let res = ops.post(&app, &format!("/hotels/{hotel}"), &edit).await;
    assert_eq!(res.status(), 303);
    let name = app
        .with_db(move |conn| {
            tourdesk::db::master::suppliers::find(conn, hotel)
                .expect("query")
                .map(|s| s.data.name)
        })
        .await;
    assert_eq!(name.as_deref(), Some("Renamed Inn"));
}

/// A form's fields as name/value pairs.
type Form<'a> = &'a [(&'a str, &'a str)];

#[tokio::test]
async fn agencies_and_guides_are_archived_restored_and_refused_while_archived() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let (agency, guide) = app
        .with_db(|conn| {
            (
                crate::fixtures::agency(conn, "Lotus Travel"),
                crate::fixtures::guide(conn, "Somchai"),
            )
        })
        .await;
    let agency_edit = [
        ("name", "Lotus Travel Group"),
        ("currency", "USD"),
        ("language", "en"),
        ("credit_days", "30"),
        ("credit_limit", "0"),
    ];
    let guide_edit = [
        ("name", "Somchai P."),
        ("currency", "THB"),
        ("daily_fee", "2500"),
    ];
    // (the record's path, a valid edit, the page an archive returns to)
    let cases: [(String, Form, String); 2] = [
        (
            format!("/agencies/{agency}"),
            &agency_edit,
            format!("/agencies/{agency}"),
        ),
        (
            format!("/guides/{guide}"),
            &guide_edit,
            format!("/guides/{guide}"),
        ),
    ];
    for (record, edit, page) in cases {
        let res = ops
            .post(&app, &format!("{record}/archive"), &[("confirmed", "yes")])
            .await;
        assert_eq!(res.status(), 303, "{record}");
        assert_eq!(location(&res), page);
        let res = ops.post(&app, &record, edit).await;
        assert_eq!(res.status(), 409, "{record} is archived");
        assert!(body(res).await.contains("restore it before changing it"));
        let res = ops.post(&app, &format!("{record}/restore"), &[]).await;
        assert_eq!(res.status(), 303, "{record}");
        let res = ops.post(&app, &record, edit).await;
        assert_eq!(res.status(), 303, "{record} is live again");
    }
    let (agency_name, guide_name) = app
        .with_db(move |conn| {
            (
                tourdesk::db::master::agencies::find(conn, agency)
                    .expect("query")
                    .map(|a| a.data.name),
                tourdesk::db::master::guides::find(conn, guide)
                    .expect("query")
                    .map(|g| g.data.name),
            )
        })
        .await;
    assert_eq!(agency_name.as_deref(), Some("Lotus Travel Group"));
    assert_eq!(guide_name.as_deref(), Some("Somchai P."));
    let missing = ops
        .post(&app, "/agencies/999999/archive", &[("confirmed", "yes")])
        .await;
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn a_supplier_is_changed_only_through_its_own_kind() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let restaurant = app
        .with_db(|conn| {
            crate::fixtures::SupplierBuilder::of(SupplierKind::Restaurant)
                .name("Spice Garden")
                .insert(conn)
        })
        .await;
    let edit = [("name", "Renamed"), ("currency", "THB")];
    let res = ops
        .post(&app, &format!("/hotels/{restaurant}"), &edit)
        .await;
    assert_eq!(res.status(), 404);
    let res = ops
        .post(
            &app,
            &format!("/hotels/{restaurant}/archive"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status(), 404);
    let res = ops
        .post(&app, &format!("/restaurants/{restaurant}"), &edit)
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn a_cleared_optional_field_is_stored_empty() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let (hotel, guide) = app
        .with_db(|conn| {
            (
                crate::fixtures::HotelBuilder::new().insert(conn),
                crate::fixtures::guide(conn, "Lan"),
            )
        })
        .await;
    let stars = [("name", "Starry"), ("currency", "THB"), ("stars", "4")];
    let hotel_page = format!("/hotels/{hotel}");
    assert_eq!(ops.post(&app, &hotel_page, &stars).await.status(), 303);
    let licence = [
        ("name", "Lan"),
        ("currency", "VND"),
        ("daily_fee", "900000"),
        ("licence_expires_on", "2030-01-31"),
    ];
    let guide_page = format!("/guides/{guide}");
    assert_eq!(ops.post(&app, &guide_page, &licence).await.status(), 303);
    let stored = move |conn: &mut tourdesk::db::AnyConnection| {
        let stars = tourdesk::db::master::suppliers::find(conn, hotel)
            .expect("query")
            .and_then(|s| s.data.stars);
        let expires = tourdesk::db::master::guides::find(conn, guide)
            .expect("query")
            .and_then(|g| g.data.licence_expires_on);
        (stars, expires.map(|d| d.to_string()))
    };
    assert_eq!(
        app.with_db(stored).await,
        (Some(4), Some("2030-01-31".to_owned()))
    );
    let cleared = [("name", "Starry"), ("currency", "THB"), ("stars", "")];
    assert_eq!(ops.post(&app, &hotel_page, &cleared).await.status(), 303);
    let cleared = [
        ("name", "Lan"),
        ("currency", "VND"),
        ("daily_fee", "900000"),
    ];
    assert_eq!(ops.post(&app, &guide_page, &cleared).await.status(), 303);
    assert_eq!(app.with_db(stored).await, (None, None));
}

#[tokio::test]
async fn room_types_rates_and_vehicles_are_archived_once_and_audited() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let day = |d: u32| chrono::NaiveDate::from_ymd_opt(2027, 1, d).expect("a date");
    let (hotel, twin, suite, suite_rate, vehicle) = app
        .with_db(move |conn| {
            let hotel = crate::fixtures::HotelBuilder::new().insert(conn);
            let twin = crate::fixtures::room_type(conn, hotel, "Twin");
            let suite = crate::fixtures::room_type(conn, hotel, "Suite");
            crate::fixtures::room_rate(conn, twin, day(1), day(10));
            crate::fixtures::room_rate(conn, twin, day(11), day(20));
            let suite_rate = crate::fixtures::room_rate(conn, suite, day(1), day(10));
            let company =
                crate::fixtures::SupplierBuilder::of(SupplierKind::Transport).insert(conn);
            let vehicle = crate::fixtures::vehicle(conn, company);
            (hotel, twin, suite, suite_rate, vehicle)
        })
        .await;
    for path in [
        format!("/room-types/{twin}/archive"),
        format!("/room-types/{twin}/archive"),
        format!("/room-rates/{suite_rate}/archive"),
        format!("/room-rates/{suite_rate}/archive"),
        format!("/vehicles/{vehicle}/archive"),
        format!("/vehicles/{vehicle}/archive"),
    ] {
        assert_eq!(
            ops.post(&app, &path, &[("confirmed", "yes")])
                .await
                .status(),
            303,
            "{path}"
        );
    }
    let (rates, live_types, audited) = app
        .with_db(move |conn| {
            use tourdesk::db::master::rooms;
            let rates = rooms::rates_of(conn, hotel).expect("rates");
            let types = rooms::room_types_of(conn, hotel).expect("room types");
            let live_types: Vec<_> = types.iter().filter(|t| !t.archived).map(|t| t.id).collect();
            let mut audited = Vec::new();
            for action in ["room-type.archive", "room-rate.archive", "vehicle.archive"] {
                let filter = tourdesk::db::audit::Filter {
                    action: Some(action.into()),
                    limit: 10,
                    ..Default::default()
                };
                audited.push(tourdesk::db::audit::list(conn, &filter).expect("audit").1);
            }
            (rates, live_types, audited)
        })
        .await;
    assert!(rates.is_empty(), "the twin's rates went with it: {rates:?}");
    assert_eq!(live_types, vec![suite]);
    assert_eq!(audited, vec![1, 1, 1], "archiving twice audits once");
    for path in [
        "/room-types/999999/archive",
        "/room-rates/999999/archive",
        "/vehicles/999999/archive",
    ] {
        assert_eq!(
            ops.post(&app, path, &[("confirmed", "yes")]).await.status(),
            404,
            "{path}"
        );
    }
}

#[tokio::test]
async fn numbers_are_read_as_the_users_language_writes_them() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let (hotel, room) = app
        .with_db(|conn| {
            let hotel = HotelBuilder::new().name("Saigon River").insert(conn);
            (hotel, room_type(conn, hotel, "Deluxe"))
        })
        .await;
    let add = |season: &'static str, from: &'static str, amount: &'static str| {
        let (ops, app) = (&ops, &app);
        let room = room.to_string();
        async move {
            let fields = [
                ("room_type", room.as_str()),
                ("season", season),
                ("starts_on", from),
                ("ends_on", from),
                ("rate", amount),
                ("currency", "THB"),
            ];
            ops.post(app, &format!("/hotels/{hotel}/rates"), &fields)
                .await
        }
    };
    // English writes 2,800.50 as the product shows it; 2.800,50 is not English.
    assert_eq!(add("A", "2027-01-01", "2,800.50").await.status(), 303);
    let res = add("B", "2027-01-02", "2.800,50").await;
    assert_eq!(res.status(), 422);
    assert!(body(res).await.contains("with a comma between thousands"));
    // Vietnamese writes it 2.800,50, and 2,800.50 is refused.
    ops.post(&app, "/account/locale", &[("locale", "vi"), ("back", "/")])
        .await;
    assert_eq!(add("C", "2027-01-03", "2.800,50").await.status(), 303);
    let res = add("D", "2027-01-04", "2,800.50").await;
    assert_eq!(res.status(), 422);
    assert!(body(res).await.contains("dấu chấm phân cách hàng nghìn"));
    let stored = app
        .with_db(move |conn| {
            let rates = tourdesk::db::master::rooms::rates_of(conn, hotel).expect("rates");
            rates
                .iter()
                .map(|r| (r.season.clone(), r.rate.minor))
                .collect::<Vec<_>>()
        })
        .await;
    assert_eq!(stored, vec![("A".into(), 280050), ("C".into(), 280050)]);
    // The edit form shows the amount the Vietnamese way, and sending it back changes nothing.
    let rate_id = app
        .with_db(move |conn| {
            tourdesk::db::master::rooms::rates_of(conn, hotel).expect("rates")[0].id
        })
        .await;
    let form = body(ops.get(&app, &format!("/room-rates/{rate_id}/edit")).await).await;
    assert!(form.contains("value=\"2800,50\""), "{form}");
    let res = ops
        .post(
            &app,
            &format!("/room-rates/{rate_id}"),
            &[
                ("season", "A"),
                ("starts_on", "2027-01-01"),
                ("ends_on", "2027-01-01"),
                ("rate", "2800,50"),
                ("currency", "THB"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn licence_badges_tell_valid_expiring_expired_and_unknown_apart() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let today = chrono::Utc::now().date_naive();
    app.with_db(move |conn| {
        use diesel::prelude::*;
        use tourdesk::db::schema::guides;
        for (name, expires) in [
            ("Anan Valid", Some(today + chrono::Duration::days(200))),
            ("Bua Soon", Some(today + chrono::Duration::days(10))),
            ("Chai Expired", Some(today - chrono::Duration::days(1))),
            ("Dao Unknown", None),
        ] {
            let id = crate::fixtures::guide(conn, name);
            diesel::update(guides::table.find(id.0))
                .set(guides::licence_expires_on.eq(expires))
                .execute(conn)
                .expect("setting the licence");
        }
    })
    .await;
    let page = body(ops.get(&app, "/guides").await).await;
    let row = |name: &str| {
        page.split("<tr")
            .find(|r| r.contains(name))
            .unwrap_or_default()
            .to_owned()
    };
    for (name, class, text) in [
        ("Anan Valid", "badge on", "Valid"),
        ("Bua Soon", "badge warn", "Licence expires within 30 days"),
        ("Chai Expired", "badge off", "Expired"),
        ("Dao Unknown", "badge none", "No expiry recorded"),
    ] {
        let row = row(name);
        assert!(
            row.contains(&format!("<span class=\"{class}\">{text}</span>")),
            "{name}: {row}"
        );
    }
}

#[tokio::test]
async fn every_role_that_sees_a_client_reads_its_page_and_only_its_owners_edit() {
    let app = TestApp::spawn().await;
    let agency = app
        .with_db(|conn| {
            use tourdesk::db::master::contacts::Party;
            let id = crate::fixtures::agency(conn, "Happy Seoul Tours");
            crate::fixtures::contact(conn, Party::Agency(id), "Kim Min-ji");
            id
        })
        .await;
    for role in Role::ALL {
        let who = app.signed_in(role).await;
        let list = body(who.get(&app, "/agencies").await).await;
        assert!(
            list.contains(&format!("href=\"&#x2F;agencies&#x2F;{agency}\"")),
            "{role}: the list links to the agency's page: {list}"
        );
        let res = who.get(&app, &format!("/agencies/{agency}")).await;
        assert_eq!(res.status(), 200, "{role}");
        let page = body(res).await;
        assert!(page.contains("Kim Min-ji"), "{role} reads the contacts");
        let edits = matches!(role, Role::Admin | Role::Manager | Role::Sales);
        let edit_link = format!("agencies/{agency}/edit\">");
        assert_eq!(page.contains(&edit_link), edits, "{role}: {page}");
        assert_eq!(
            page.contains("name=\"position\""),
            edits,
            "{role} adds contacts"
        );
    }
}

#[tokio::test]
async fn a_duplicate_hotel_is_warned_before_it_is_created() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let existing = app
        .with_db(|conn| HotelBuilder::new().name("Riverside Grand").insert(conn))
        .await;
    // Same name and city in other case and spacing: warned, with a link, nothing created.
    let form = [
        ("name", "riverside  GRAND"),
        ("city", "bangkok"),
        ("currency", "THB"),
    ];
    let res = ops.post(&app, "/hotels", &form).await;
    assert_eq!(res.status(), 409);
    let page = body(res).await.replace("&#x2F;", "/");
    assert!(page.contains("already exists"), "{page}");
    assert!(
        page.contains(&format!("/hotels/{existing}")),
        "links the existing one: {page}"
    );
    assert!(page.contains("name=\"duplicate_ok\""), "{page}");
    let count = || {
        use diesel::prelude::*;
        app.with_db(|conn| {
            tourdesk::db::schema::suppliers::table
                .count()
                .get_result::<i64>(conn)
                .expect("count")
        })
    };
    assert_eq!(count().await, 1, "nothing was created");
    // Another city is another hotel; ticking the box creates the twin anyway.
    let other_city = [
        ("name", "Riverside Grand"),
        ("city", "Chiang Mai"),
        ("currency", "THB"),
    ];
    assert_eq!(ops.post(&app, "/hotels", &other_city).await.status(), 303);
    let mut anyway = form.to_vec();
    anyway.push(("duplicate_ok", "yes"));
    assert_eq!(ops.post(&app, "/hotels", &anyway).await.status(), 303);
    assert_eq!(count().await, 3);
}

#[tokio::test]
async fn a_guides_languages_never_break_inside_one_language_on_the_list() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let res = ops
        .post(
            &app,
            "/account/locale",
            &[("locale", "vi"), ("back", "/guides")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let guide = [
        ("name", "Tran Thi Mai"),
        ("daily_fee", "1.200.000"),
        ("currency", "VND"),
        ("lang_zh", "native"),
        ("lang_vi", "fluent"),
        ("active", "on"),
    ];
    assert_eq!(ops.post(&app, "/guides", &guide).await.status(), 303);
    let page = body(ops.get(&app, "/guides").await).await;
    let i18n = tourdesk::i18n::I18n::load().expect("locales");
    let chinese = i18n.t(tourdesk::domain::locale::Locale::Vi, "lang-zh", &[]);
    let native = i18n.t(
        tourdesk::domain::locale::Locale::Vi,
        "guides-level-native",
        &[],
    );
    assert!(
        page.contains(&format!(
            "<span class=\"nowrap\">{chinese} ({native})</span>"
        )),
        "each language is one unbreakable piece: {page}"
    );
}
