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
        _ => vec![],
    }
}

async fn request(app: &TestApp, who: &Session, method: &str, path: &str, target: i64) -> u16 {
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
    let mut failures = Vec::new();
    for role in Role::ALL {
        let who = app.signed_in(role).await;
        for route in ROUTES.iter().filter(|r| r.path != "/sign-out") {
            let status = request(&app, &who, route.method, route.path, target.0).await;
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
        let status = request(&app, &who, "POST", "/sign-out", target.0).await;
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
