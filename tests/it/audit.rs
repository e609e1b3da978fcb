//! The audit log is append-only, enforced by the database itself; its page tells each entry in
//! words, filtered by user, action and date.

use chrono::NaiveDate;
use diesel::prelude::*;
use tourdesk::domain::access::Role;

use crate::fixtures::{self, HotelBuilder};
use crate::harness::TestApp;

#[tokio::test]
async fn update_and_delete_of_audit_rows_fail() {
    let app = TestApp::spawn().await;
    app.signed_in(Role::Admin).await;
    let (update, delete, count) = app
        .with_db(|conn| {
            let update = diesel::sql_query("UPDATE audit_log SET action = 'forged'").execute(conn);
            let delete = diesel::sql_query("DELETE FROM audit_log").execute(conn);
            let count: i64 = tourdesk::db::schema::audit_log::table
                .count()
                .get_result(conn)
                .expect("count");
            (
                update.map_err(|e| e.to_string()),
                delete.map_err(|e| e.to_string()),
                count,
            )
        })
        .await;
    assert!(
        update.as_ref().is_err_and(|e| e.contains("append-only")),
        "{update:?}"
    );
    assert!(
        delete.as_ref().is_err_and(|e| e.contains("append-only")),
        "{delete:?}"
    );
    assert!(
        count >= 3,
        "provisioning, user creation and sign-in are audited; found {count}"
    );
}

/// The (action, sentence) of each entry in the audit table of `html`.
fn audit_rows(html: &str) -> Vec<(String, String)> {
    let page = scraper::Html::parse_document(html);
    let row = scraper::Selector::parse("table.audit tbody tr").expect("selector");
    let sentence = scraper::Selector::parse("td .sentence").expect("selector");
    page.select(&row)
        .map(|tr| {
            let text = tr
                .select(&sentence)
                .next()
                .map(|s| s.text().collect::<String>())
                .unwrap_or_default();
            (
                tr.value()
                    .attr("data-action")
                    .unwrap_or_default()
                    .to_owned(),
                text.split_whitespace().collect::<Vec<_>>().join(" "),
            )
        })
        .collect()
}

/// The text of each entry with the lines beneath its sentence, and its links.
fn audit_entries(html: &str) -> Vec<(String, Vec<String>)> {
    let page = scraper::Html::parse_document(html);
    let row = scraper::Selector::parse("table.audit tbody tr td:nth-child(2)").expect("selector");
    let a = scraper::Selector::parse("a").expect("selector");
    page.select(&row)
        .map(|td| {
            let text = td.text().collect::<String>();
            (
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                td.select(&a)
                    .filter_map(|l| l.value().attr("href").map(str::to_owned))
                    .collect(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_audit_page_filters_by_user_action_and_date() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let sales = app.signed_in(Role::Sales).await;
    let page = admin
        .get(
            &app,
            &format!("/audit?user={}&action=sign-in", sales.user_id),
        )
        .await;
    assert_eq!(page.status(), 200);
    let body = page.text().await.unwrap_or_default();
    let rows = audit_rows(&body);
    assert!(!rows.is_empty(), "{body}");
    assert!(
        rows.iter()
            .all(|(action, sentence)| action.starts_with("sign-in")
                && sentence.starts_with("Test sales")),
        "the user and action filters let other entries through: {rows:?}"
    );
    let today = chrono::Utc::now().date_naive();
    let tomorrow = today.succ_opt().expect("tomorrow");
    let body = admin
        .get(&app, &format!("/audit?from={tomorrow}"))
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        body.contains("No entries match"),
        "a future date matched entries"
    );
    let body = admin
        .get(&app, &format!("/audit?from={today}&to={today}"))
        .await
        .text()
        .await
        .unwrap_or_default();
    let rows = audit_rows(&body);
    assert!(
        rows.iter()
            .any(|(action, sentence)| action == "sign-in" && sentence == "Test sales signed in."),
        "today's entries hold the sales sign-in: {rows:?}"
    );
    let res = admin.get(&app, "/audit?from=yesterday").await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap_or_default().contains("YYYY-MM-DD"));
}

async fn audit_page(app: &TestApp, who: &crate::harness::Session, query: &str) -> String {
    let res = who.get(app, &format!("/audit{query}")).await;
    assert_eq!(res.status(), 200);
    res.text().await.unwrap_or_default()
}

#[tokio::test]
async fn the_audit_page_tells_each_change_in_words_with_links_and_amounts() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let ops = app.signed_in(Role::Operations).await;
    let (hotel, room_type, rate) = app
        .with_db(|conn| {
            let hotel = HotelBuilder::new().name("Riverside").insert(conn);
            let room_type = fixtures::room_type(conn, hotel, "Deluxe");
            let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).expect("a date");
            let rate = fixtures::room_rate(conn, room_type, d(1, 1), d(3, 31));
            (hotel, room_type, rate)
        })
        .await;
    let res = ops
        .post(
            &app,
            &format!("/room-rates/{rate}"),
            &[
                ("season", "Fixture season"),
                ("starts_on", "2027-01-01"),
                ("ends_on", "2027-03-31"),
                ("rate", "1250.50"),
                ("currency", "THB"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let res = ops
        .post(
            &app,
            &format!("/room-types/{room_type}/archive"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);

    let html = audit_page(&app, &admin, "").await;
    let entries = audit_entries(&html);
    let hotel_page = format!("/hotels/{hotel}");
    let archived = entries
        .iter()
        .find(|(t, _)| t.contains("archived"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        archived.0,
        "Test operations archived the room type Deluxe of the hotel Riverside."
    );
    assert_eq!(archived.1, std::slice::from_ref(&hotel_page));
    let changed = entries
        .iter()
        .find(|(t, _)| t.contains("rate per room-night"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        changed.0,
        "Test operations changed the rate per room-night of the rate “Fixture season” for the room type Deluxe of the hotel Riverside from 1,000.00 THB to 1,250.50 THB."
    );
    assert_eq!(changed.1, [hotel_page]);
    assert!(
        !html.contains("{&quot;") && !html.contains("rate_minor") && !html.contains("125050"),
        "no raw JSON or minor units: {html}"
    );

    // The filter names actions in words and still filters by them.
    assert!(html.contains(">Room type — archived</option>"), "{html}");
    let html = audit_page(&app, &admin, "?action=room-type.archive").await;
    let rows = audit_rows(&html);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, "room-type.archive");

    admin
        .post(
            &app,
            "/account/locale",
            &[("locale", "th"), ("back", "/audit")],
        )
        .await;
    let html = audit_page(&app, &admin, "?action=room-rate.update").await;
    let entries = audit_entries(&html);
    assert!(
        entries
            .first()
            .is_some_and(|(t, _)| t.contains("เปลี่ยนราคาต่อห้องต่อคืน")
                && t.contains("จาก 1,000.00 THB เป็น 1,250.50 THB")),
        "{entries:?}"
    );
}

#[tokio::test]
async fn staff_accounts_and_sign_ins_read_as_sentences() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let res = admin
        .post(
            &app,
            "/users",
            &[
                ("email", "ploy@test.local"),
                ("display_name", "Ploy"),
                ("role", "accountant"),
            ],
        )
        .await;
    assert_eq!(res.status(), 201);
    let ploy = app
        .with_db(|conn| {
            tourdesk::db::auth::users::find_by_email(conn, "ploy@test.local")
                .expect("query")
                .expect("the new user")
                .id
        })
        .await;
    let res = admin
        .post(&app, &format!("/users/{ploy}/disable"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let html = audit_page(&app, &admin, "?action=user.").await;
    let entries = audit_entries(&html);
    let texts: Vec<&str> = entries.iter().map(|(t, _)| t.as_str()).collect();
    assert!(
        texts.contains(&"Test admin disabled the account of the user Ploy."),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Test admin added the user Ploy with the role Accountant."),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"The command line added the user Test admin with the role Admin."),
        "users added by the command line: {texts:?}"
    );
    let link = format!("/users/{ploy}/edit");
    assert!(
        entries.iter().any(|(_, l)| l.contains(&link)),
        "{entries:?}"
    );

    let wrong = app.client();
    let csrf = app.form_token(&wrong, "/sign-in").await;
    wrong
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "nobody@test.local"),
            ("password", "wrong password"),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("POST /sign-in");
    let html = audit_page(&app, &admin, "?action=sign-in.failed").await;
    let rows = audit_rows(&html);
    assert_eq!(
        rows.first().map(|r| r.1.as_str()),
        Some("A sign-in as nobody@test.local failed: wrong e-mail or password."),
        "{rows:?}"
    );
}

#[tokio::test]
async fn the_audit_page_has_numbered_pages() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    // 260 guides make 260 rows: six pages of 50.
    app.with_db(|conn| {
        tourdesk::db::write(conn, |conn| -> diesel::QueryResult<()> {
            for n in 0..260 {
                let data = fixtures::guide_data(&format!("Paged Guide {n}"));
                tourdesk::db::master::create::<tourdesk::db::master::guides::Guides>(
                    conn,
                    &tourdesk::db::audit::Actor::cli(),
                    &data,
                )?;
            }
            Ok(())
        })
        .expect("guides")
    })
    .await;
    let html = audit_page(&app, &admin, "?page=3")
        .await
        .replace("&amp;", "&");
    for n in [1, 2, 4, 5, 6] {
        assert!(
            html.contains(&format!("page={n}\" aria-label=")),
            "page {n}: {html}"
        );
    }
    assert!(html.contains("aria-current=\"page\">3<"), "{html}");
}
