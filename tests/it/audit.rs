//! The audit log is append-only, enforced by the database itself.

use diesel::prelude::*;
use tourdesk::domain::access::Role;

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

/// The (who, action) of each entry in the audit table of `html`.
fn audit_rows(html: &str) -> Vec<(String, String)> {
    let page = scraper::Html::parse_document(html);
    let row = scraper::Selector::parse("table.audit tbody tr").expect("selector");
    let cell = scraper::Selector::parse("td").expect("selector");
    page.select(&row)
        .map(|tr| {
            let cells: Vec<String> = tr
                .select(&cell)
                .map(|td| td.text().collect::<String>().trim().to_owned())
                .collect();
            (
                cells.get(1).cloned().unwrap_or_default(),
                cells.get(2).cloned().unwrap_or_default(),
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
            .all(|(who, action)| who == "Test sales" && action.starts_with("sign-in")),
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
            .any(|(who, action)| who == "Test sales" && action == "sign-in"),
        "today's entries hold the sales sign-in: {rows:?}"
    );
    let res = admin.get(&app, "/audit?from=yesterday").await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap_or_default().contains("YYYY-MM-DD"));
}
