//! Signing in and out, sessions, throttling, forced password change.

use tourdesk::domain::access::Role;

use crate::harness::{TestApp, csrf_in, email_for, location, password_for};

/// POSTs the sign-in form with `client`'s CSRF token and `fields`.
async fn post_sign_in(
    app: &TestApp,
    client: &reqwest::Client,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let csrf = app.form_token(client, "/sign-in").await;
    let mut form = fields.to_vec();
    form.push(("csrf_token", &csrf));
    client
        .post(app.url("/sign-in"))
        .form(&form)
        .send()
        .await
        .expect("POST /sign-in")
}

async fn attempt(app: &TestApp, email: &str, password: &str) -> (u16, String) {
    let client = app.client();
    let res = post_sign_in(app, &client, &[("email", email), ("password", password)]).await;
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
    // Only the right password learns that the account is disabled.
    let (status, page) = attempt(&app, &email_for(Role::Viewer), "a wrong password").await;
    assert_eq!(status, 401);
    assert!(
        page.contains("The e-mail or password is not right."),
        "{page}"
    );
    let (status, page) = attempt(&app, &email_for(Role::Viewer), &password_for(Role::Viewer)).await;
    assert_eq!(status, 403);
    assert!(page.contains("This account is disabled."), "{page}");
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

/// Sends `count` sign-ins at once and returns their statuses.
async fn concurrent_attempts(app: &TestApp, attempts: Vec<(String, String)>) -> Vec<u16> {
    let client = app.client();
    let csrf = app.form_token(&client, "/sign-in").await;
    let mut tasks = tokio::task::JoinSet::new();
    for (email, password) in attempts {
        let (client, csrf, url) = (client.clone(), csrf.clone(), app.url("/sign-in"));
        tasks.spawn(async move {
            client
                .post(url)
                .form(&[
                    ("email", email.as_str()),
                    ("password", password.as_str()),
                    ("csrf_token", csrf.as_str()),
                ])
                .send()
                .await
                .map(|r| r.status().as_u16())
                .unwrap_or(0)
        });
    }
    tasks.join_all().await
}

async fn audit_count(app: &TestApp, action: &'static str) -> usize {
    app.with_db(move |conn| {
        let filter = tourdesk::db::audit::Filter {
            action: Some(action.into()),
            limit: 10_000,
            ..Default::default()
        };
        tourdesk::db::audit::list(conn, &filter)
            .expect("audit")
            .0
            .into_iter()
            .filter(|r| r.action == action)
            .count()
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_guesses_never_check_more_passwords_than_the_limit() {
    let app = TestApp::spawn().await;
    app.add_user(
        "target@test.local",
        Role::Admin,
        "Target",
        "the-right-password",
    )
    .await;
    // Wrong guesses only: a right password, checked while the race runs, would clear the
    // account's failures (as a successful sign-in does) and let later guesses be checked. How
    // many of the five are used depends on the interleaving (attempts that all count each
    // other are all throttled); never more.
    let attempts: Vec<(String, String)> = (0..120)
        .map(|_| ("target@test.local".to_owned(), "a-wrong-guess".to_owned()))
        .collect();
    let statuses = concurrent_attempts(&app, attempts).await;
    let checked = statuses.iter().filter(|s| matches!(s, 401 | 303)).count();
    let throttled = statuses.iter().filter(|s| **s == 429).count();
    assert!(
        checked <= 5,
        "{checked} passwords were checked: {statuses:?}"
    );
    assert_eq!(checked + throttled, 120, "{statuses:?}");
    let audited = audit_count(&app, "sign-in.failed").await + audit_count(&app, "sign-in").await;
    assert!(audited <= 5, "{audited} checks audited");

    // From one address, across many accounts: at most 20 checks in all.
    let attempts = (0..60)
        .map(|i| (format!("guess{i}@test.local"), "a-wrong-guess".to_owned()))
        .collect();
    let statuses = concurrent_attempts(&app, attempts).await;
    assert!(
        statuses.iter().all(|s| matches!(s, 401 | 429)),
        "{statuses:?}"
    );
    let failed = audit_count(&app, "sign-in.failed").await;
    assert!(
        failed <= 20,
        "{failed} wrong passwords checked from one address"
    );
}

#[tokio::test]
async fn the_current_password_check_is_throttled_too() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let change = |current: &'static str| {
        let admin = &admin;
        let app = &app;
        async move {
            admin
                .post(
                    app,
                    "/account/password",
                    &[
                        ("current", current),
                        ("new_password", "a-brand-new-password"),
                        ("confirm", "a-brand-new-password"),
                    ],
                )
                .await
        }
    };
    for _ in 0..5 {
        assert_eq!(change("not-my-password").await.status(), 422);
    }
    let res = change("not-my-password").await;
    assert_eq!(res.status(), 429);
    let res = change("test-password-admin").await;
    assert_eq!(
        res.status(),
        429,
        "the right password waits out the window too"
    );
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("Too many failed sign-ins")
    );
    let (status, _) = attempt(&app, "other@test.local", "x").await;
    assert_eq!(status, 401, "another account is not throttled");
}

#[tokio::test]
async fn return_targets_are_local_paths_only() {
    let app = TestApp::spawn().await;
    app.add_user("ops@test.local", Role::Operations, "Ops", "a-good-password")
        .await;
    for next in [
        "/\t/evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "/ok\r\nSet-Cookie: owned=1",
        "https://evil.example/",
    ] {
        let client = app.client();
        let res = post_sign_in(
            &app,
            &client,
            &[
                ("email", "ops@test.local"),
                ("password", "a-good-password"),
                ("next", next),
            ],
        )
        .await;
        assert_eq!(res.status(), 303, "{next:?}");
        assert_eq!(location(&res), "/", "{next:?}");
        let form = client
            .get(app.url(&format!(
                "/sign-in?next={}",
                next.replace('\t', "%09").replace('\r', "%0D").replace('\n', "%0A")
            )))
            .send()
            .await
            .expect("GET");
        assert_eq!(form.status(), 303, "signed in already");
        // The language switch's `back=` follows the same rule.
        let home = client
            .get(app.url("/"))
            .send()
            .await
            .expect("GET /")
            .text()
            .await
            .unwrap_or_default();
        let csrf = csrf_in(&home).expect("csrf");
        let res = client
            .post(app.url("/account/locale"))
            .form(&[
                ("locale", "th"),
                ("back", next),
                ("csrf_token", csrf.as_str()),
            ])
            .send()
            .await
            .expect("POST /account/locale");
        assert_eq!(res.status(), 303, "{next:?}");
        assert_eq!(location(&res), "/", "{next:?}");
    }
    let res = post_sign_in(
        &app,
        &app.client(),
        &[
            ("email", "ops@test.local"),
            ("password", "a-good-password"),
            ("next", "/hotels?q=river"),
        ],
    )
    .await;
    assert_eq!(location(&res), "/hotels?q=river", "a local path is kept");
}
