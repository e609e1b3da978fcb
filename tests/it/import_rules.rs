//! What a re-import may change: blank cells keep stored values, the clear marker removes them,
//! and the preview shows what each row sets, in the reader's format.

use chrono::NaiveDate;
use tourdesk::db::master::guides::GuideData;
use tourdesk::domain::access::Role;
use tourdesk::domain::locale::Locale;
use tourdesk::domain::time::{TimeZone, YearStyle};
use tourdesk::i18n::format::Formats;

use crate::harness::{Session, TestApp};
use crate::imports::{preview, sheet};

const GUIDE_HEADER: [&str; 8] = [
    "Name",
    "Phone",
    "E-mail",
    "Licence number",
    "Licence expires on",
    "Languages",
    "Daily fee",
    "Currency",
];

/// Previews `rows` of `kind` and commits them; the preview page.
async fn import(app: &TestApp, who: &Session, kind: &str, rows: &[Vec<&str>]) -> String {
    let (at, page) = preview(app, who, kind, sheet(rows)).await;
    let res = who.post(app, &format!("{at}/commit"), &[]).await;
    assert_eq!(res.status(), 303, "{page}");
    page
}

async fn stored_guide(app: &TestApp, name: &'static str) -> GuideData {
    app.with_db(move |conn| {
        tourdesk::db::master::guides::find_for_import(conn, "", name)
            .expect("query")
            .expect("the guide")
            .data
    })
    .await
}

/// Wang Fang, imported with everything a guide has.
async fn wang_fang(app: &TestApp, who: &Session) {
    let rows = vec![
        GUIDE_HEADER.to_vec(),
        vec![
            "Wang Fang",
            "+66 81 000 0001",
            "wang@example.com",
            "11-0999",
            "2028-06-30",
            "zh:native, en:fluent",
            "2500",
            "THB",
        ],
    ];
    import(app, who, "guides", &rows).await;
}

#[tokio::test]
async fn re_importing_a_guide_with_blank_cells_keeps_what_the_guide_has() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    wang_fang(&app, &ops).await;
    let before = stored_guide(&app, "Wang Fang").await;
    // The same guide with only a new phone number: every other cell blank.
    let rows = vec![
        GUIDE_HEADER.to_vec(),
        vec!["Wang Fang", "+66 81 000 0002", "", "", "", "", "", ""],
    ];
    let page = import(&app, &ops, "guides", &rows).await;
    assert!(
        page.contains("0 new, 1 changed, 0 unchanged, 0 with errors"),
        "{page}"
    );
    assert!(
        page.contains("<del>+66 81 000 0001</del>") && page.contains("<ins>+66 81 000 0002</ins>"),
        "{page}"
    );
    let after = stored_guide(&app, "Wang Fang").await;
    assert_eq!(after.phone, "+66 81 000 0002");
    assert_eq!(
        GuideData {
            phone: before.phone.clone(),
            ..after
        },
        before,
        "e-mail, licence, its expiry, languages and fee are kept"
    );
}

#[tokio::test]
async fn the_clear_marker_removes_a_value_and_is_refused_where_every_record_has_one() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    wang_fang(&app, &ops).await;
    // `-` in a text, a date and a list column removes the stored value.
    let rows = vec![
        GUIDE_HEADER.to_vec(),
        vec!["Wang Fang", "", "-", "", "-", "-", "", ""],
    ];
    let page = import(&app, &ops, "guides", &rows).await;
    assert!(
        page.contains("<ins class=\"cleared\">(empty)</ins>"),
        "{page}"
    );
    let after = stored_guide(&app, "Wang Fang").await;
    assert_eq!(
        (
            after.email.as_str(),
            after.licence_expires_on,
            after.languages.len()
        ),
        ("", None, 0)
    );
    assert_eq!(after.licence_number, "11-0999", "a blank cell still keeps");

    // In a number column too: a restaurant's dinner price goes, its lunch price stays.
    let header = vec![
        "Restaurant",
        "City",
        "Currency",
        "Lunch per pax",
        "Dinner per pax",
    ];
    import(
        &app,
        &ops,
        "restaurants",
        &[
            header.clone(),
            vec!["Baan Suan", "Chiang Mai", "THB", "250", "350"],
        ],
    )
    .await;
    import(
        &app,
        &ops,
        "restaurants",
        &[header, vec!["Baan Suan", "Chiang Mai", "", "", "-"]],
    )
    .await;
    let prices = app
        .with_db(|conn| {
            use tourdesk::domain::master::suppliers::SupplierKind;
            let s = tourdesk::db::master::suppliers::find_named(
                conn,
                SupplierKind::Restaurant,
                "Baan Suan",
            )
            .expect("query")
            .remove(0);
            (s.data.lunch_minor, s.data.dinner_minor)
        })
        .await;
    assert_eq!(prices, (Some(25_000), None));

    // A daily fee every guide has: `-` is refused, and nothing changes.
    let rows = vec![
        GUIDE_HEADER.to_vec(),
        vec!["Wang Fang", "+66 81 000 0009", "", "", "", "", "-", ""],
    ];
    let (at, page) = preview(&app, &ops, "guides", sheet(&rows)).await;
    assert!(
        page.contains("Daily fee: every record has this value, so it cannot be removed"),
        "{page}"
    );
    assert_eq!(
        ops.post(&app, &format!("{at}/commit"), &[]).await.status(),
        422
    );
    assert_eq!(
        stored_guide(&app, "Wang Fang").await.phone,
        "+66 81 000 0001"
    );
}

#[tokio::test]
async fn a_new_currency_needs_the_amounts_again_and_an_archived_record_is_not_imported() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    wang_fang(&app, &ops).await;
    // 2,500 THB kept as 2,500 USD would be another fee.
    let rows = vec![
        GUIDE_HEADER.to_vec(),
        vec!["Wang Fang", "", "", "", "", "", "", "USD"],
    ];
    let (_, page) = preview(&app, &ops, "guides", sheet(&rows)).await;
    assert!(
        page.contains(
            "Daily fee: the currency changes from THB to USD, so give this amount again, in USD."
        ),
        "{page}"
    );
    let rows = vec![
        GUIDE_HEADER.to_vec(),
        vec!["Wang Fang", "", "", "", "", "", "80", "USD"],
    ];
    let (_, page) = preview(&app, &ops, "guides", sheet(&rows)).await;
    assert!(page.contains("0 new, 1 changed"), "{page}");

    let id = app
        .with_db(|conn| {
            tourdesk::db::master::guides::find_for_import(conn, "", "Wang Fang")
                .expect("query")
                .expect("the guide")
                .id
        })
        .await;
    let res = ops
        .post(
            &app,
            &format!("/guides/{id}/archive"),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (_, page) = preview(&app, &ops, "guides", sheet(&rows)).await;
    assert!(
        page.contains("“Wang Fang” is archived: restore it before importing changes to it."),
        "{page}"
    );
}

#[tokio::test]
async fn the_preview_shows_what_new_rows_get_in_the_readers_format() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    ops.post(&app, "/account/locale", &[("locale", "vi"), ("back", "/")])
        .await;
    let rows = vec![
        GUIDE_HEADER.to_vec(),
        vec![
            "Nguyen Van An",
            "",
            "an@example.vn",
            "",
            "2028-06-30",
            "vi:native",
            "1250000",
            "VND",
        ],
    ];
    let (at, page) = preview(&app, &ops, "guides", sheet(&rows)).await;
    let expiry = Formats::new(TimeZone::UTC, YearStyle::Gregorian).date(
        Locale::Vi,
        NaiveDate::from_ymd_opt(2028, 6, 30).expect("a date"),
    );
    for seen in [
        "1.250.000 VND",
        expiry.as_str(),
        "an@example.vn",
        "vi:native",
    ] {
        assert!(page.contains(seen), "{seen}: {page}");
    }
    assert!(
        page.contains(r#"<button type="submit" class="primary">"#),
        "Save is enabled: {page}"
    );
    // A sheet with an error: Save is there but disabled, and says why.
    let bad = vec![
        GUIDE_HEADER.to_vec(),
        vec![
            "Tran Thi Binh",
            "",
            "not-an-email",
            "",
            "",
            "",
            "900000",
            "VND",
        ],
    ];
    let (_, page) = preview(&app, &ops, "guides", sheet(&bad)).await;
    assert!(
        page.contains(
            r#"class="primary" disabled aria-disabled="true" aria-describedby="save-blocked""#
        ),
        "{page}"
    );
    assert!(page.contains(r#"id="save-blocked""#), "{page}");
    // Uploaded again unchanged after saving, nothing is left to save.
    assert_eq!(
        ops.post(&app, &format!("{at}/commit"), &[]).await.status(),
        303
    );
    let (at, page) = preview(&app, &ops, "guides", sheet(&rows)).await;
    assert!(page.contains("disabled aria-disabled"), "{page}");
    let res = ops.post(&app, &format!("{at}/commit"), &[]).await;
    assert_eq!(
        res.status(),
        303,
        "a commit with nothing to save goes back to its preview"
    );
    assert_eq!(crate::harness::location(&res), at);
    // The stylesheet makes a disabled button look disabled.
    let css = ops
        .get(&app, "/static/style.css")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(css.contains("button.primary:disabled"), "{css}");
}
