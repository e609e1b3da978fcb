//! Signing in and out, sessions, throttling, forced password change.

use tourdesk::domain::access::Role;

use crate::harness::{TestApp, csrf_in, email_for, location, password_for};

async fn attempt(app: &TestApp, email: &str, password: &str) -> (u16, String) {
    let client = app.client();
    let csrf = app.form_token(&client, "/sign-in").await;
    let res = client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", email),
            ("password", password),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("POST /sign-in");
    let status = res.status().as_u16();
    let set_session = res.headers().get_all("set-cookie").iter().any(|c| {
        c.to_str()
            .is_ok_and(|c| c.starts_with(&format!("td_{}=", app.tenant.slug)))
    });
    assert!(
        !set_session || status == 303,
        "a failed sign-in set a session cookie"
    );
    (status, res.text().await.unwrap_or_default())
}

fn error_paragraph(body: &str) -> String {
    let start = body.find("role=\"alert\"").expect("an error message");
    body[start..]
        .split("</p>")
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn wrong_password_and_unknown_user_get_the_same_answer() {
    let app = TestApp::spawn().await;
    app.add_user(
        "sales@test.local",
        Role::Sales,
        "Somchai",
        "a-good-password",
    )
    .await;
    let (wrong_status, wrong_body) = attempt(&app, "sales@test.local", "not-the-password").await;
    let (unknown_status, unknown_body) =
        attempt(&app, "nobody@test.local", "not-the-password").await;
    assert_eq!(wrong_status, 401);
    assert_eq!(unknown_status, 401);
    assert_eq!(error_paragraph(&wrong_body), error_paragraph(&unknown_body));
    assert!(wrong_body.contains("The e-mail or password is not right."));
}

#[tokio::test]
async fn signing_in_leads_to_the_dashboard_and_signing_out_revokes_the_session() {
    let app = TestApp::spawn().await;
    let me = app.signed_in(Role::Sales).await;
    let res = me.get(&app, "/").await;
    assert_eq!(res.status(), 200);
    let body = res.text().await.unwrap_or_default();
    assert!(body.contains("Welcome, Test sales"), "{body}");

    let res = me.post(&app, "/sign-out", &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/sign-in");
    let res = me.get(&app, "/").await;
    assert_eq!(res.status(), 303, "still signed in after signing out");
    assert!(location(&res).starts_with("/sign-in"));
}

#[tokio::test]
async fn a_revoked_session_token_replayed_is_not_signed_in() {
    let app = TestApp::spawn().await;
    let client = app.client();
    app.add_user("ops@test.local", Role::Operations, "Lan", "a-good-password")
        .await;
    let csrf = app.form_token(&client, "/sign-in").await;
    let res = client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "ops@test.local"),
            ("password", "a-good-password"),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("sign in");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|c| c.to_str().ok())
        .find(|c| c.starts_with(&format!("td_{}=", app.tenant.slug)))
        .map(|c| c.split(';').next().unwrap_or_default().to_owned())
        .expect("session cookie");
    let csrf = app.form_token(&client, "/").await;
    client
        .post(app.url("/sign-out"))
        .form(&[("csrf_token", &csrf)])
        .send()
        .await
        .expect("sign out");
    let replay = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .resolve(&app.host, app.addr)
        .build()
        .expect("client");
    let res = replay
        .get(app.url("/"))
        .header("cookie", cookie)
        .send()
        .await
        .expect("GET /");
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn repeated_failures_throttle_the_account_even_with_the_right_password() {
    let app = TestApp::spawn().await;
    app.add_user("acc@test.local", Role::Accountant, "Mai", "a-good-password")
        .await;
    for _ in 0..5 {
        let (status, _) = attempt(&app, "acc@test.local", "wrong-password").await;
        assert_eq!(status, 401);
    }
    let (status, body) = attempt(&app, "acc@test.local", "a-good-password").await;
    assert_eq!(status, 429, "{body}");
    assert!(body.contains("Too many failed sign-ins"), "{body}");
    // An unknown account is throttled the same way, so throttling reveals nothing.
    for _ in 0..5 {
        attempt(&app, "ghost@test.local", "wrong-password").await;
    }
    let (status, _) = attempt(&app, "ghost@test.local", "wrong-password").await;
    assert_eq!(status, 429);
}

#[tokio::test]
async fn a_disabled_user_is_refused_at_once_and_their_session_ends() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let viewer = app.signed_in(Role::Viewer).await;
    assert_eq!(viewer.get(&app, "/").await.status(), 200);
    let res = admin
        .post(&app, &format!("/users/{}/disable", viewer.user_id), &[])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        viewer.get(&app, "/").await.status(),
        303,
        "the disabled user's session still works"
    );
    let (status, _) = attempt(&app, &email_for(Role::Viewer), &password_for(Role::Viewer)).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn a_one_time_password_must_be_changed_before_anything_else() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let res = admin
        .post(
            &app,
            "/users",
            &[
                ("email", "new@test.local"),
                ("display_name", "Nguyen Van A"),
                ("role", "sales"),
            ],
        )
        .await;
    assert_eq!(res.status(), 201);
    let body = res.text().await.unwrap_or_default();
    let marker = "id=\"one-time-password\">";
    let start = body.find(marker).expect("one-time password shown") + marker.len();
    let one_time = body[start..]
        .split('<')
        .next()
        .unwrap_or_default()
        .to_owned();

    let client = app.client();
    let csrf = app.form_token(&client, "/sign-in").await;
    let res = client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", "new@test.local"),
            ("password", one_time.as_str()),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("sign in");
    assert_eq!(location(&res), "/account/password");
    let res = client.get(app.url("/")).send().await.expect("GET /");
    assert_eq!(
        location(&res),
        "/account/password",
        "the dashboard opened before the password change"
    );

    let page = client
        .get(app.url("/account/password"))
        .send()
        .await
        .expect("form")
        .text()
        .await
        .unwrap_or_default();
    let csrf = csrf_in(&page).expect("csrf");
    let res = client
        .post(app.url("/account/password"))
        .form(&[
            ("current", one_time.as_str()),
            ("new_password", "short"),
            ("confirm", "short"),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("change");
    assert_eq!(res.status(), 422);
    let res = client
        .post(app.url("/account/password"))
        .form(&[
            ("current", one_time.as_str()),
            ("new_password", "my-own-long-password"),
            ("confirm", "my-own-long-password"),
            ("csrf_token", &csrf),
        ])
        .send()
        .await
        .expect("change");
    assert_eq!(res.status(), 303);
    assert_eq!(
        client
            .get(app.url("/"))
            .send()
            .await
            .expect("GET /")
            .status(),
        200
    );
    app.sign_in("new@test.local", "my-own-long-password").await;
}

#[tokio::test]
async fn an_idle_session_expires() {
    let app = TestApp::spawn().await;
    let me = app.signed_in(Role::Manager).await;
    assert_eq!(me.get(&app, "/").await.status(), 200);
    app.with_db(|conn| {
        use diesel::prelude::*;
        use tourdesk::db::schema::sessions;
        let long_ago = tourdesk::db::now() - chrono::Duration::hours(9);
        diesel::update(sessions::table)
            .set(sessions::last_seen_at.eq(long_ago))
            .execute(conn)
            .expect("age the session");
    })
    .await;
    assert_eq!(
        me.get(&app, "/").await.status(),
        303,
        "a session idle for 9 hours still works"
    );
}
