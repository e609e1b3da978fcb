//! Names in Thai, Vietnamese, Chinese and Cyrillic are found and matched the same way on both
//! backends: searches and re-imports compare keys computed by tourdesk, not `lower()`.

use tourdesk::domain::access::Role;

use crate::harness::TestApp;
use crate::imports::{preview, sheet};

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap_or_default()
}

#[tokio::test]
async fn re_imports_match_names_in_any_script_and_case() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let header = vec![
        "Name",
        "Country",
        "Language",
        "Currency",
        "Credit days",
        "Credit limit",
    ];
    let first = sheet(&[
        header.clone(),
        vec!["Русь Тур", "Russia", "ru", "USD", "30", "5000"],
        vec!["Đà Lạt Travel", "Vietnam", "vi", "USD", "30", "5000"],
        vec!["上海阳光旅行社", "China", "zh-CN", "CNY", "30", "50000"],
        vec!["ไทยทัวร์ Ｏｎｅ", "Thailand", "th", "THB", "30", "50000"],
    ]);
    let (at, page) = preview(&app, &ops, "agencies", first).await;
    assert!(page.contains("4 new"), "{page}");
    assert_eq!(
        ops.post(&app, &format!("{at}/commit"), &[]).await.status(),
        303
    );
    // The same agencies, other case and forms: nothing new.
    let again = sheet(&[
        header,
        vec!["РУСЬ ТУР", "Russia", "ru", "USD", "30", "5000"],
        vec!["ĐÀ LẠT TRAVEL", "Vietnam", "vi", "USD", "30", "5000"],
        vec!["上海阳光旅行社", "China", "zh-CN", "CNY", "30", "50000"],
        vec!["ไทยทัวร์ One", "Thailand", "th", "THB", "30", "50000"],
    ]);
    let (_, page) = preview(&app, &ops, "agencies", again).await;
    assert!(page.contains("0 new"), "{page}");
}

#[tokio::test]
async fn searches_find_names_in_any_script_and_case() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    for (name, local, city) in [
        ("Đà Lạt Palace", "Khách sạn Đà Lạt", "Đà Lạt"),
        ("Гостиница Русь", "", "Nha Trang"),
        ("河畔酒店", "", "Bangkok"),
        ("Riverside", "โรงแรมริมน้ำ", "Bangkok"),
    ] {
        let res = ops
            .post(
                &app,
                "/hotels",
                &[
                    ("name", name),
                    ("local_name", local),
                    ("city", city),
                    ("currency", "THB"),
                    ("stars", "4"),
                ],
            )
            .await;
        assert_eq!(res.status(), 303, "{name}");
    }
    for (term, expected) in [
        ("đà lạt", "Đà Lạt Palace"),
        ("ĐÀ LẠT", "Đà Lạt Palace"),
        ("РУСЬ", "Гостиница Русь"),
        ("гостиница", "Гостиница Русь"),
        ("河畔", "河畔酒店"),
        ("ริมน้ำ", "Riverside"),
    ] {
        let page = body(
            ops.get(&app, &format!("/hotels?q={}", urlencode(term)))
                .await,
        )
        .await;
        assert!(page.contains(expected), "{term} finds {expected}");
    }
    let page = body(
        ops.get(&app, &format!("/hotels?q={}", urlencode("Русь Đà")))
            .await,
    )
    .await;
    assert!(
        !page.contains("Гостиница Русь") && !page.contains("Đà Lạt Palace"),
        "a term is not matched across two fields or rows"
    );
}

fn urlencode(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)])
        .unwrap_or_default()
        .trim_start_matches("q=")
        .to_owned()
}

#[tokio::test]
async fn rows_written_before_the_keys_existed_are_keyed_when_migrating() {
    let app = TestApp::spawn().await;
    let found = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::suppliers;
            use tourdesk::domain::master::suppliers::SupplierKind;
            let hotel = crate::fixtures::HotelBuilder::new()
                .name("Đà Lạt Palace")
                .insert(conn);
            // As a row of the previous version looks: no keys.
            diesel::update(suppliers::table.find(hotel.0))
                .set((
                    suppliers::name_key.eq(""),
                    suppliers::city_key.eq(""),
                    suppliers::search_key.eq(""),
                ))
                .execute(conn)
                .expect("clearing the keys");
            let before = tourdesk::db::master::suppliers::find_by_name(
                conn,
                SupplierKind::Hotel,
                "ĐÀ LẠT PALACE",
                "bangkok",
            )
            .expect("query");
            assert!(before.is_none());
            tourdesk::db::search::backfill(conn).expect("backfill");
            tourdesk::db::master::suppliers::find_by_name(
                conn,
                SupplierKind::Hotel,
                "ĐÀ LẠT PALACE",
                "bangkok",
            )
            .expect("query")
            .map(|s| s.id)
        })
        .await;
    assert!(found.is_some());
}

#[tokio::test]
async fn client_agencies_are_found_by_their_live_contacts_too() {
    let app = TestApp::spawn().await;
    let sales = app.signed_in(Role::Sales).await;
    app.with_db(|conn| {
        use diesel::prelude::*;
        use tourdesk::db::master::contacts::Party;
        use tourdesk::db::schema::contacts;
        let lotus = crate::fixtures::agency(conn, "Lotus Travel");
        crate::fixtures::contact(conn, Party::Agency(lotus), "Nguyễn Thị Hoa");
        let star = crate::fixtures::agency(conn, "Star Holidays");
        let gone = crate::fixtures::contact(conn, Party::Agency(star), "Trần Văn Hoà");
        diesel::update(contacts::table.find(gone.0))
            .set(contacts::archived.eq(true))
            .execute(conn)
            .expect("archiving a contact");
        // A contact written before contacts had keys is keyed when migrating.
        let old = crate::fixtures::contact(conn, Party::Agency(star), "Somchai Wongsakul");
        diesel::update(contacts::table.find(old.0))
            .set(contacts::search_key.eq(""))
            .execute(conn)
            .expect("clearing a key");
        tourdesk::db::search::backfill_contacts(conn).expect("backfill");
    })
    .await;
    let page = body(sales.get(&app, "/agencies?q=NGUYỄN%20THỊ").await).await;
    assert!(page.contains("Lotus Travel"), "{page}");
    assert!(!page.contains("Star Holidays"), "{page}");
    let page = body(sales.get(&app, "/agencies?q=hoà").await).await;
    assert!(
        !page.contains("Star Holidays"),
        "an archived contact finds nothing: {page}"
    );
    let page = body(sales.get(&app, "/agencies?q=somchai").await).await;
    assert!(page.contains("Star Holidays"), "{page}");
}
