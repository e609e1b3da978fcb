//! Host check, CSRF and origin checks, security headers, tenant isolation, escaping.

use tourdesk::domain::access::Role;

use crate::harness::{TestApp, email_for, password_for};

fn raw_client(app: &TestApp) -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .resolve(&app.host, app.addr)
        .build()
        .expect("client")
}

#[tokio::test]
async fn a_foreign_host_gets_421_with_security_headers() {
    let app = TestApp::spawn().await;
    let client = raw_client(&app);
    for host in [
        "other.localhost",
        "localhost",
        &format!("{}.localhost.evil.example", app.tenant.slug),
        "127.0.0.1",
    ] {
        let res = client
            .get(format!("http://{}/sign-in", app.addr))
            .header("host", host)
            .send()
            .await
            .expect("GET");
        assert_eq!(res.status(), 421, "host {host}");
        assert!(res.headers().contains_key("content-security-policy"));
    }
    let res = client.get(app.url("/sign-in")).send().await.expect("GET");
    assert_eq!(res.status(), 200);
    let res = client
        .get(format!("http://{}/sign-in", app.addr))
        .header("host", format!("{}.LOCALHOST:9999", app.tenant.slug))
        .send()
        .await
        .expect("GET");
    assert_eq!(
        res.status(),
        200,
        "the port and the case of the host must not matter"
    );
}

#[tokio::test]
async fn posts_without_or_with_a_wrong_csrf_token_are_refused_and_write_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let fields = [
        ("email", "csrf@test.local"),
        ("display_name", "Mallory"),
        ("role", "admin"),
    ];
    let res = admin
        .client
        .post(app.url("/users"))
        .form(&fields)
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);
    let mut with_wrong: Vec<(&str, &str)> = fields.to_vec();
    with_wrong.push(("csrf_token", "0123456789abcdef0123456789abcdef"));
    let res = admin
        .client
        .post(app.url("/users"))
        .form(&with_wrong)
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);
    let body = res.text().await.unwrap_or_default();
    assert!(
        body.contains("form expired"),
        "the 403 page is not the localized one: {body}"
    );
    let found = app
        .with_db(|conn| {
            tourdesk::db::auth::users::find_by_email(conn, "csrf@test.local").expect("query")
        })
        .await;
    assert!(
        found.is_none(),
        "a user was created without a valid CSRF token"
    );
    let refusals = app
        .with_db(|conn| {
            let filter = tourdesk::db::audit::Filter {
                action: Some("refused.csrf".into()),
                limit: 10,
                ..Default::default()
            };
            tourdesk::db::audit::list(conn, &filter).expect("audit").1
        })
        .await;
    assert_eq!(refusals, 2, "refusals are audited");

    // The sign-in form is protected too.
    let client = app.client();
    let res = client
        .post(app.url("/sign-in"))
        .form(&[
            ("email", email_for(Role::Admin)),
            ("password", password_for(Role::Admin)),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_cross_site_post_is_refused_even_with_the_right_token() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let form = [
        ("locale", "th"),
        ("back", "/"),
        ("csrf_token", admin.csrf.as_str()),
    ];
    let res = admin
        .client
        .post(app.url("/account/locale"))
        .header("origin", "http://evil.localhost:8080")
        .form(&form)
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 403);
    let res = admin
        .client
        .post(app.url("/account/locale"))
        .header("sec-fetch-site", "same-site")
        .form(&form)
        .send()
        .await
        .expect("POST");
    assert_eq!(
        res.status(),
        403,
        "a sibling tenant is same-site, and must be refused"
    );
    let res = admin
        .client
        .post(app.url("/account/locale"))
        .header("origin", format!("http://{}:{}", app.host, app.addr.port()))
        .header("sec-fetch-site", "same-origin")
        .form(&form)
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let app = TestApp::spawn().await;
    let me = app.signed_in(Role::Viewer).await;
    for path in [
        "/",
        "/sign-in",
        "/no-such-page",
        "/users",
        "/static/style.css",
        "/healthz",
    ] {
        let res = me.get(&app, path).await;
        let h = res.headers();
        let csp = h
            .get("content-security-policy")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert_eq!(
            h.get("x-content-type-options")
                .and_then(|v| v.to_str().ok()),
            Some("nosniff"),
            "{path}"
        );
        assert!(h.contains_key("referrer-policy"), "{path}");
        if !path.starts_with("/static/") {
            assert_eq!(
                h.get("cache-control").and_then(|v| v.to_str().ok()),
                Some("no-store"),
                "{path}"
            );
        }
    }
    let res = me.get(&app, "/no-such-page").await;
    assert_eq!(res.status(), 404);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("This page does not exist.")
    );
    let res = me.get(&app, "/users").await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_session_cookie_of_one_tenant_is_worthless_to_another() {
    let a = TestApp::spawn().await;
    let b = TestApp::spawn().await;
    let in_a = a.signed_in(Role::Admin).await;
    // The same user id exists in B.
    let b_user = b
        .add_user(
            &email_for(Role::Admin),
            Role::Admin,
            "Admin of B",
            &password_for(Role::Admin),
        )
        .await;
    assert_eq!(in_a.user_id, b_user, "the test needs coinciding user ids");

    let token = {
        let res = a.client().get(a.url("/sign-in")).send().await.expect("GET");
        drop(res);
        let client = a.client();
        let csrf = a.form_token(&client, "/sign-in").await;
        let res = client
            .post(a.url("/sign-in"))
            .form(&[
                ("email", email_for(Role::Admin)),
                ("password", password_for(Role::Admin)),
                ("csrf_token", csrf),
            ])
            .send()
            .await
            .expect("sign in to A");
        res.headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|c| c.to_str().ok())
            .find_map(|c| {
                c.strip_prefix(&format!("td_{}=", a.tenant.slug))
                    .map(|v| v.split(';').next().unwrap_or_default().to_owned())
            })
            .expect("A's session cookie")
    };
    let client = raw_client(&b);
    for name in [
        format!("td_{}", a.tenant.slug),
        format!("td_{}", b.tenant.slug),
    ] {
        let res = client
            .get(b.url("/"))
            .header("cookie", format!("{name}={token}"))
            .send()
            .await
            .expect("GET B");
        assert_eq!(
            res.status(),
            303,
            "B accepted A's session under cookie {name}"
        );
    }
    // The same cookie still works for A.
    let res = raw_client(&a)
        .get(a.url("/"))
        .header("cookie", format!("td_{}={token}", a.tenant.slug))
        .send()
        .await
        .expect("GET A");
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn a_script_in_a_users_name_renders_escaped() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let res = admin
        .post(
            &app,
            "/users",
            &[
                ("email", "xss@test.local"),
                ("display_name", "<script>alert(1)</script>"),
                ("role", "sales"),
            ],
        )
        .await;
    assert_eq!(res.status(), 201);
    let body = admin
        .get(&app, "/users")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        body.contains("&lt;script&gt;alert(1)&lt;&#x2F;script&gt;"),
        "{body}"
    );
    assert!(
        !body.contains("<script>alert(1)"),
        "the name was rendered raw"
    );
    let audit = admin
        .get(&app, "/audit")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        !audit.contains("<script>alert(1)"),
        "the audit page rendered the name raw"
    );
}

#[tokio::test]
async fn forwarded_headers_are_not_believed_from_anyone_but_the_launcher() {
    let app = TestApp::spawn().await;
    let client = app.client();
    let csrf = app.form_token(&client, "/sign-in").await;
    let res = client
        .post(app.url("/sign-in"))
        .header("x-forwarded-for", "203.0.113.9")
        .form(&[
            ("email", "who@test.local"),
            ("password", "wrong-password"),
            ("csrf_token", csrf.as_str()),
        ])
        .send()
        .await
        .expect("POST");
    assert_eq!(res.status(), 401);
    let addrs = app
        .with_db(|conn| {
            let filter = tourdesk::db::audit::Filter {
                action: Some("sign-in.failed".into()),
                limit: 10,
                ..Default::default()
            };
            tourdesk::db::audit::list(conn, &filter)
                .expect("audit")
                .0
                .into_iter()
                .map(|r| r.client_addr)
                .collect::<Vec<_>>()
        })
        .await;
    assert_eq!(
        addrs,
        vec![Some("127.0.0.1".to_owned())],
        "a forged X-Forwarded-For was believed"
    );
}

#[tokio::test]
async fn the_421_page_does_not_name_the_tenant() {
    let app = TestApp::spawn().await;
    let res = raw_client(&app)
        .get(format!("http://{}/sign-in", app.addr))
        .header("host", "other.localhost")
        .send()
        .await
        .expect("GET");
    assert_eq!(res.status(), 421);
    let body = res.text().await.unwrap_or_default();
    assert!(!body.contains(&app.tenant.name), "{body}");
    assert!(!body.contains(app.tenant.slug.as_str()), "{body}");
}

#[tokio::test]
async fn anonymous_refusals_cannot_grow_the_audit_log_without_bound() {
    let app = TestApp::spawn().await;
    let client = raw_client(&app);
    let long_path = format!("/{}", "a".repeat(7 * 1024));
    for _ in 0..40 {
        let res = client
            .post(app.url(&long_path))
            .form(&[("x", "1")])
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), 403);
    }
    let admin = app.signed_in(Role::Admin).await;
    for _ in 0..8 {
        let res = admin
            .client
            .post(app.url("/users"))
            .form(&[("email", "x@test.local")])
            .send()
            .await
            .expect("POST");
        assert_eq!(res.status(), 403);
    }
    let rows = app
        .with_db(|conn| {
            let filter = tourdesk::db::audit::Filter {
                action: Some("refused.".into()),
                limit: 1000,
                ..Default::default()
            };
            tourdesk::db::audit::list(conn, &filter).expect("audit").0
        })
        .await;
    let anonymous: Vec<_> = rows.iter().filter(|r| r.user_id.is_none()).collect();
    let signed_in = rows.iter().filter(|r| r.user_id.is_some()).count();
    // Five a minute per address; the forty may straddle a minute boundary.
    assert!(
        (1..=2 * tourdesk::db::audit::ANONYMOUS_PER_ADDRESS_PER_MINUTE as usize)
            .contains(&anonymous.len()),
        "{} anonymous refusals audited",
        anonymous.len()
    );
    assert!(
        anonymous.iter().all(
            |r| r.entity_id.as_deref().unwrap_or_default().chars().count()
                <= tourdesk::db::audit::MAX_FIELD_CHARS + 1
        ),
        "stored paths are cut"
    );
    assert_eq!(signed_in, 8, "a signed-in user's refusals are all audited");
}
