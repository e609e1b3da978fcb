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
    assert!(body.contains("Test sales"), "{body}");
    assert!(body.contains("<code>sign-in</code>"));
    assert!(
        !body.contains("<code>user.create</code>"),
        "the action filter let other actions through"
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
    assert!(body.contains("sign-in"));
    let res = admin.get(&app, "/audit?from=yesterday").await;
    assert_eq!(res.status(), 200);
    assert!(res.text().await.unwrap_or_default().contains("YYYY-MM-DD"));
}
