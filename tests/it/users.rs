//! The users page: validation, uniqueness, roles, the last admin, search and sorting,
//! and the language switcher.

use tourdesk::domain::access::Role;

use crate::harness::TestApp;

#[tokio::test]
async fn bad_input_is_refused_with_field_errors_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let res = admin
        .post(
            &app,
            "/users",
            &[
                ("email", "not-an-email"),
                ("display_name", " "),
                ("role", "owner"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap_or_default();
    assert!(body.contains("Enter a valid e-mail address."), "{body}");
    assert!(body.contains("Enter a name of 1 to 100 characters."));
    assert!(body.contains("Choose a role."));
    let res = admin
        .post(
            &app,
            "/users",
            &[
                ("email", "sales@test.local"),
                ("display_name", "Dup"),
                ("role", "sales"),
            ],
        )
        .await;
    assert_eq!(res.status(), 201);
    let res = admin
        .post(
            &app,
            "/users",
            &[
                ("email", "SALES@test.local"),
                ("display_name", "Dup"),
                ("role", "sales"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("already exists")
    );
    let res = admin
        .post(
            &app,
            "/users",
            &[("display_name", "No e-mail field at all")],
        )
        .await;
    assert_eq!(res.status(), 400, "a form missing fields is a bad request");
}

#[tokio::test]
async fn the_last_admin_keeps_the_role_and_cannot_be_disabled() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    // The provisioned admin counts too: disable them so that ours is the last one.
    let provisioned_email = format!("admin@{}.local", app.tenant.slug);
    let provisioned = app
        .with_db(move |conn| {
            tourdesk::db::auth::users::find_by_email(conn, &provisioned_email).expect("query")
        })
        .await
        .expect("the provisioned admin")
        .id;
    let res = admin
        .post(&app, &format!("/users/{provisioned}/disable"), &[])
        .await;
    assert_eq!(res.status(), 303);
    let res = admin
        .post(
            &app,
            &format!("/users/{}", admin.user_id),
            &[("display_name", "Me"), ("role", "sales")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("at least one active admin")
    );
    let res = admin
        .post(&app, &format!("/users/{}/disable", admin.user_id), &[])
        .await;
    assert_eq!(res.status(), 303);
    let page = admin
        .get(&app, &format!("/users/{}/edit", admin.user_id))
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        page.contains("You cannot disable your own account."),
        "{page}"
    );
    assert_eq!(
        admin.get(&app, "/users").await.status(),
        200,
        "the admin lost access"
    );
}

#[tokio::test]
async fn changing_a_role_changes_what_the_user_may_do() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let manager = app.signed_in(Role::Manager).await;
    assert_eq!(manager.get(&app, "/users").await.status(), 403);
    let res = admin
        .post(
            &app,
            &format!("/users/{}", manager.user_id),
            &[("display_name", "Promoted"), ("role", "admin")],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(manager.get(&app, "/users").await.status(), 200);
    let audit = admin
        .get(&app, "/audit?action=user.update")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        audit.contains("role: Manager → Admin") && audit.contains("name: Test manager → Promoted"),
        "the change is told in words: {audit}"
    );
}

#[tokio::test]
async fn the_user_list_searches_sorts_and_pages() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    for i in 0..55 {
        let email = format!("staff{i:02}@test.local");
        let name = if i == 7 {
            "Trần Thị Bảy".to_owned()
        } else {
            format!("Staff {i:02}")
        };
        app.add_user(&email, Role::Viewer, &name, "staff-password-1")
            .await;
    }
    let body = admin
        .get(&app, "/users?q=b%E1%BA%A3y")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        body.contains("Trần Thị Bảy") && !body.contains("Staff 08"),
        "search failed"
    );
    let body = admin
        .get(&app, "/users?q=STAFF0")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        body.contains("staff01@test.local"),
        "search is not case-insensitive"
    );
    let body = admin
        .get(&app, "/users?sort=-email")
        .await
        .text()
        .await
        .unwrap_or_default();
    let first = body
        .find("staff54@test.local")
        .expect("staff54 on page 1 when sorted descending");
    let later = body.find("staff40@test.local").expect("staff40 on page 1");
    assert!(first < later);
    assert!(
        body.contains("Page 1 of 2"),
        "58 users make two pages of 50"
    );
    let page2 = admin
        .get(&app, "/users?sort=-email&page=2")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(page2.contains("Page 2 of 2"));
    let body = admin
        .get(&app, "/users?q=nobody-matches-this")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(body.contains("No user matches"));
    let res = admin.get(&app, "/users?page=abc").await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn the_language_switcher_changes_the_interface_language() {
    let app = TestApp::spawn().await;
    let me = app.signed_in(Role::Sales).await;
    let i18n = tourdesk::i18n::I18n::load().expect("locales");
    let th = tourdesk::domain::locale::Locale::Th;
    let res = me
        .post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    assert_eq!(res.status(), 303);
    let body = me.get(&app, "/").await.text().await.unwrap_or_default();
    assert!(body.contains("<html lang=\"th\">"));
    assert!(
        body.contains(&i18n.t(th, "nav-dashboard", &[])),
        "no Thai navigation: {body}"
    );
    let res = me
        .post(
            &app,
            "/account/locale",
            &[("locale", "klingon"), ("back", "/")],
        )
        .await;
    assert_eq!(res.status(), 400);
    // Without a profile choice, Accept-Language decides; anonymous visitors may pick ?lang=.
    let anon = app.client();
    let body = anon
        .get(app.url("/sign-in"))
        .header("accept-language", "vi-VN,vi;q=0.9")
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .unwrap_or_default();
    assert!(body.contains("<html lang=\"vi\">"));
    let body = anon
        .get(app.url("/sign-in?lang=zh-CN"))
        .send()
        .await
        .expect("GET")
        .text()
        .await
        .unwrap_or_default();
    assert!(body.contains("<html lang=\"zh-CN\">"));
}

#[tokio::test]
async fn the_users_list_shows_last_sign_ins_and_the_form_says_what_roles_may_do() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    app.add_user(
        "quiet@test.local",
        Role::Viewer,
        "Quiet One",
        "quiet-password-1",
    )
    .await;
    let page = admin
        .get(&app, "/users")
        .await
        .text()
        .await
        .unwrap_or_default();
    let row = |name: &str| {
        page.split("<tr")
            .skip(1)
            .find(|r| r.contains(name))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        row("Test admin").contains("Bangkok)</td>"),
        "{}",
        row("Test admin")
    );
    assert!(
        row("Quiet One").contains(">Never</td>"),
        "{}",
        row("Quiet One")
    );
    let form = admin
        .get(&app, "/users/new")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        form.contains("Client agencies — terms, contacts, languages"),
        "{form}"
    );
    assert!(form.contains("Reads all master data; changes nothing."));
}
