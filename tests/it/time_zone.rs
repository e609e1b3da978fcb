//! The agency's own time: its time zone setting (provisioning, the settings page, the
//! migration default for older tenants), "today" and timestamps in that zone, and the
//! Buddhist-year display a user may choose.

use chrono::{NaiveDate, Utc};
use scraper::{Html, Selector};
use tourdesk::db::{self, AnyConnection};
use tourdesk::domain::access::Role;
use tourdesk::domain::currency::Currency;
use tourdesk::domain::locale::Locale;
use tourdesk::domain::slug::Slug;
use tourdesk::domain::time::{TimeZone, YearStyle};
use tourdesk::i18n::format::Formats;
use tourdesk::manifest::Tenant;
use tourdesk::provision::{self, NewTenant};

use crate::fixtures;
use crate::harness::{Session, TestApp, location, pg_base_url, unique_slug};

/// The text a reader sees on a page (entities decoded, tags dropped).
fn text_of(html: &str) -> String {
    Html::parse_document(html).root_element().text().collect()
}

/// The `value` of the input named `name` on the page.
fn input_value(html: &str, name: &str) -> Option<String> {
    let selector = Selector::parse(&format!("input[name=\"{name}\"]")).ok()?;
    Html::parse_document(html)
        .select(&selector)
        .next()
        .and_then(|e| e.value().attr("value"))
        .map(str::to_owned)
}

async fn body(session: &Session, app: &TestApp, path: &str) -> String {
    let res = session.get(app, path).await;
    assert_eq!(res.status(), 200, "GET {path}");
    res.text().await.expect("body")
}

async fn stored_zone(app: &TestApp) -> Option<String> {
    app.with_db(|conn| {
        db::settings::time_zone(conn)
            .expect("reading the time zone")
            .map(|z| z.name().to_owned())
    })
    .await
}

async fn set_zone(app: &TestApp, admin: &Session, zone: &str) {
    let res = admin
        .post(app, "/settings/time-zone", &[("time_zone", zone)])
        .await;
    assert_eq!(res.status(), 303, "setting {zone}");
    assert_eq!(location(&res), "/settings");
}

async fn audit_rows(app: &TestApp, action: &str) -> Vec<db::audit::Row> {
    let action = action.to_owned();
    app.with_db(move |conn| {
        let filter = db::audit::Filter {
            action: Some(action),
            limit: 50,
            ..Default::default()
        };
        db::audit::list(conn, &filter).expect("audit rows").0
    })
    .await
}

#[tokio::test]
async fn a_new_tenant_has_its_languages_zone_shown_on_the_settings_page() {
    let app = TestApp::spawn().await;
    assert_eq!(stored_zone(&app).await.as_deref(), Some("Asia/Bangkok"));
    let manager = app.signed_in(Role::Manager).await;
    let page = body(&manager, &app, "/settings").await;
    assert!(text_of(&page).contains("Asia/Bangkok"), "{page}");
    // Managers see the zone; only admins may change it.
    assert!(input_value(&page, "time_zone").is_none(), "{page}");
    let res = manager
        .post(&app, "/settings/time-zone", &[("time_zone", "Asia/Tokyo")])
        .await;
    assert_eq!(res.status(), 403);
    assert_eq!(stored_zone(&app).await.as_deref(), Some("Asia/Bangkok"));
}

#[tokio::test]
async fn an_admin_changes_the_time_zone_audited_and_the_pages_follow_it() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let page = body(&admin, &app, "/settings").await;
    assert_eq!(
        input_value(&page, "time_zone").as_deref(),
        Some("Asia/Bangkok")
    );
    set_zone(&app, &admin, " asia/tokyo ").await;
    assert_eq!(stored_zone(&app).await.as_deref(), Some("Asia/Tokyo"));
    let page = body(&admin, &app, "/settings").await;
    let text = text_of(&page);
    assert!(
        text.contains("The agency's time zone is now Asia/Tokyo."),
        "{text}"
    );
    assert_eq!(
        input_value(&page, "time_zone").as_deref(),
        Some("Asia/Tokyo")
    );

    let rows = audit_rows(&app, "tenant.change-time-zone").await;
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(
        rows[0].before_json.as_deref(),
        Some(r#"{"time_zone":"Asia/Bangkok"}"#)
    );
    assert_eq!(
        rows[0].after_json.as_deref(),
        Some(r#"{"time_zone":"Asia/Tokyo"}"#)
    );
    assert_eq!(rows[0].user_id, Some(admin.user_id.0));

    // Choosing the zone in force again changes nothing and audits nothing.
    set_zone(&app, &admin, "Asia/Tokyo").await;
    assert_eq!(audit_rows(&app, "tenant.change-time-zone").await.len(), 1);
}

#[tokio::test]
async fn an_unknown_time_zone_is_refused_in_the_readers_language_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    let res = admin
        .post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    assert_eq!(res.status(), 303);
    for typed in ["Asia/Bangkk", "", "GMT+7 Bangkok"] {
        let res = admin
            .post(&app, "/settings/time-zone", &[("time_zone", typed)])
            .await;
        assert_eq!(res.status(), 422, "{typed:?}");
        let page = res.text().await.expect("body");
        assert!(
            text_of(&page).contains(&format!("\"{typed}\" ไม่ใช่เขตเวลาที่รู้จัก")),
            "{page}"
        );
        assert_eq!(input_value(&page, "time_zone").as_deref(), Some(typed));
    }
    let res = admin.post(&app, "/settings/time-zone", &[]).await;
    assert_eq!(res.status(), 422);
    assert_eq!(stored_zone(&app).await.as_deref(), Some("Asia/Bangkok"));
    assert!(audit_rows(&app, "tenant.change-time-zone").await.is_empty());
}

/// Kiritimati (UTC+14) and Pago Pago (UTC−11) are 25 hours apart: at every instant their
/// dates differ, so only a "today" taken in the agency's zone can match both.
#[tokio::test]
async fn today_is_the_date_at_the_agency() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    for zone in ["Pacific/Kiritimati", "Pacific/Pago_Pago"] {
        set_zone(&app, &admin, zone).await;
        let tz = TimeZone::parse(zone).expect("zone");
        let before = tz.today(Utc::now());
        let page = body(&admin, &app, "/rates/new").await;
        let after = tz.today(Utc::now());
        let shown = input_value(&page, "date").expect("a default date");
        assert!(
            shown == before.to_string() || shown == after.to_string(),
            "{zone}: {shown}, expected {before}"
        );
    }
}

#[tokio::test]
async fn timestamps_are_shown_on_the_agencys_clock_labelled_with_its_zone() {
    let app = TestApp::spawn().await;
    let admin = app.signed_in(Role::Admin).await;
    set_zone(&app, &admin, "America/New_York").await;
    let me = admin.user_id;
    let signed_in_at = app
        .with_db(move |conn| {
            db::auth::sessions::last_sign_ins(conn, &[me]).expect("last sign-ins")[&me]
        })
        .await;
    let zone = TimeZone::parse("America/New_York").expect("zone");
    let expected = Formats::new(zone, YearStyle::Gregorian).instant(Locale::En, signed_in_at);
    assert!(expected.ends_with(" (America/New_York)"), "{expected}");
    let text = text_of(&body(&admin, &app, "/users").await);
    assert!(text.contains(&expected), "{expected} not in {text}");
}

#[tokio::test]
async fn a_user_may_read_buddhist_years_while_inputs_and_storage_stay_gregorian() {
    let app = TestApp::spawn().await;
    let thai = app.signed_in(Role::Manager).await;
    let other = app.signed_in(Role::Viewer).await;
    let res = thai
        .post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    assert_eq!(res.status(), 303);
    let day = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    let rate = app
        .with_db(move |conn| fixtures::exchange_rate(conn, day))
        .await;

    let account = body(&thai, &app, "/account").await;
    let text = text_of(&account);
    assert!(text.contains("ปีพุทธศักราช"), "{text}");
    assert!(text.contains("YYYY-MM-DD"), "{text}");
    let res = thai
        .post(&app, "/account/year-style", &[("year_style", "buddhist")])
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/account");
    let me = thai.user_id;
    let stored = app
        .with_db(move |conn| db::auth::users::find(conn, me).expect("user"))
        .await
        .expect("the user");
    assert_eq!(stored.year_style, YearStyle::Buddhist);
    let rows = audit_rows(&app, "user.change-year-style").await;
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].after_json.as_deref(),
        Some(r#"{"year_style":"buddhist"}"#)
    );

    let rates = text_of(&body(&thai, &app, "/rates").await);
    assert!(rates.contains("1 ธ.ค. 2569"), "{rates}");
    assert!(!rates.contains("1 ธ.ค. 2026"), "{rates}");
    // The date field of the same rate still takes and shows the Gregorian ISO date.
    let edit = body(&thai, &app, &format!("/rates/{}/edit", rate.0)).await;
    assert_eq!(input_value(&edit, "date").as_deref(), Some("2026-12-01"));
    // A date typed out of range is answered with the range as it must be typed: Gregorian.
    let res = thai
        .post(
            &app,
            "/rates",
            &[
                ("date", "2201-01-01"),
                ("from", "USD"),
                ("to", "THB"),
                ("rate", "35.5"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let refused = text_of(&res.text().await.expect("body"));
    assert!(
        refused.contains("31 ธ.ค. 2200") && !refused.contains("2743"),
        "{refused}"
    );
    // Another user's pages are untouched.
    let theirs = text_of(&body(&other, &app, "/rates").await);
    assert!(theirs.contains("Dec 1, 2026"), "{theirs}");

    // Back to Gregorian years.
    let res = thai
        .post(&app, "/account/year-style", &[("year_style", "gregorian")])
        .await;
    assert_eq!(res.status(), 303);
    let rates = text_of(&body(&thai, &app, "/rates").await);
    assert!(rates.contains("1 ธ.ค. 2026"), "{rates}");
}

#[tokio::test]
async fn an_unknown_year_style_is_refused_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let user = app.signed_in(Role::Sales).await;
    for typed in ["lunar", ""] {
        let res = user
            .post(&app, "/account/year-style", &[("year_style", typed)])
            .await;
        assert_eq!(res.status(), 422);
        let text = text_of(&res.text().await.expect("body"));
        assert!(
            text.contains("Choose Gregorian or Buddhist Era years."),
            "{text}"
        );
    }
    let me = user.user_id;
    let stored = app
        .with_db(move |conn| db::auth::users::find(conn, me).expect("user"))
        .await
        .expect("the user");
    assert_eq!(stored.year_style, YearStyle::Gregorian);
    assert!(audit_rows(&app, "user.change-year-style").await.is_empty());
}

/// A tenant provisioned in `locale` outside the web harness, its PostgreSQL database (if
/// any) dropped at the end.
struct Provisioned {
    _dir: tempfile::TempDir,
    tenant: Tenant,
    pg_url: Option<String>,
}

impl Drop for Provisioned {
    fn drop(&mut self) {
        if let Some(url) = self.pg_url.take()
            && let Err(e) = db::backend::drop_postgres_database(&url)
        {
            eprintln!("could not drop a test database: {e:#}");
        }
    }
}

fn provision_in(locale: Locale) -> Provisioned {
    let dir = tempfile::tempdir().expect("temporary directory");
    let slug = unique_slug();
    let pg_url = pg_base_url().map(|base| format!("{base}/td_{slug}"));
    let done = provision::create(
        &dir.path().join("tenants.toml"),
        NewTenant {
            slug: Slug::parse(&slug).expect("slug"),
            name: format!("Agency {slug}"),
            base_currency: Currency::parse("CNY").expect("CNY"),
            locale,
            port: None,
            database_url: pg_url.clone(),
            admin_email: None,
            time_zone: None,
        },
    )
    .expect("provisioning");
    Provisioned {
        _dir: dir,
        tenant: done.tenant,
        pg_url,
    }
}

/// Reverts migrations, newest first, until the time zone's migration is undone: the
/// database as a tenant made before it had it.
fn revert_to_before_time_zones(conn: &mut AnyConnection) {
    use diesel_migrations::MigrationHarness;
    loop {
        let reverted = match conn {
            AnyConnection::Sqlite(c) => c
                .revert_last_migration(db::migrate::SQLITE_MIGRATIONS)
                .map(|v| v.to_string()),
            #[cfg(feature = "postgres")]
            AnyConnection::Postgres(c) => c
                .revert_last_migration(db::migrate::POSTGRES_MIGRATIONS)
                .map(|v| v.to_string()),
        }
        .expect("reverting a migration");
        if reverted.starts_with(db::migrate::TIME_ZONE_MIGRATION) {
            return;
        }
    }
}

#[tokio::test]
async fn tenants_made_before_time_zones_get_their_languages_zone_when_migrated() {
    tokio::task::spawn_blocking(|| {
        let chinese = provision_in(Locale::ZhCn);
        let tenant = &chinese.tenant;
        let mut conn = provision::open(tenant).expect("opening");
        assert_eq!(
            db::settings::time_zone(&mut conn).expect("zone"),
            TimeZone::parse("Asia/Shanghai").ok()
        );
        revert_to_before_time_zones(&mut conn);
        assert_eq!(db::settings::time_zone(&mut conn).expect("zone"), None);

        // The migration's own SQL gives the product's first market...
        db::migrate::run(&mut conn).expect("migrating");
        assert_eq!(
            db::settings::time_zone(&mut conn).expect("zone"),
            TimeZone::parse("Asia/Bangkok").ok()
        );
        let admin =
            db::auth::users::find_by_email(&mut conn, &format!("admin@{}.local", tenant.slug))
                .expect("admin")
                .expect("the admin");
        assert_eq!(admin.year_style, YearStyle::Gregorian);

        // ...and `tenant migrate`, which knows the tenant's language, its country's zone.
        revert_to_before_time_zones(&mut conn);
        drop(conn);
        let applied = provision::migrate(tenant).expect("tenant migrate");
        assert!(
            applied
                .iter()
                .any(|v| v.starts_with(db::migrate::TIME_ZONE_MIGRATION)),
            "{applied:?}"
        );
        let mut conn = provision::open(tenant).expect("opening");
        assert_eq!(
            db::settings::time_zone(&mut conn).expect("zone"),
            TimeZone::parse("Asia/Shanghai").ok()
        );
        let filter = db::audit::Filter {
            action: Some("tenant.change-time-zone".to_owned()),
            limit: 10,
            ..Default::default()
        };
        let (rows, _) = db::audit::list(&mut conn, &filter).expect("audit");
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert_eq!(rows[0].actor.as_deref(), Some("cli"));
        assert_eq!(
            rows[0].before_json.as_deref(),
            Some(r#"{"time_zone":"Asia/Bangkok"}"#)
        );
        // Migrating again changes nothing.
        drop(conn);
        assert!(
            provision::migrate(tenant)
                .expect("tenant migrate")
                .is_empty()
        );
    })
    .await
    .expect("migration task");
}
