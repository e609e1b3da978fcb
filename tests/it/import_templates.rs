//! Import templates: uploaded as they come they write nothing (the example is on the
//! instructions sheet), an old template's example row is skipped, and the migration that admits
//! the supplier import kinds keeps the batches stored before it.

use tourdesk::domain::access::Role;

use crate::harness::TestApp;
use crate::imports::{batch_count, preview, sheet, upload};

/// The rows of every sheet of a workbook, as text.
fn sheets_of(bytes: Vec<u8>) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("workbook");
    wb.worksheets()
        .into_iter()
        .map(|(name, range)| {
            let rows = range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

#[tokio::test]
async fn every_template_uploaded_as_it_came_writes_nothing() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    for kind in tourdesk::import::Kind::ALL.map(|k| k.as_str()) {
        let res = ops.get(&app, &format!("/imports/{kind}/template")).await;
        assert_eq!(res.status(), 200);
        let bytes = res.bytes().await.expect("template").to_vec();
        let sheets = sheets_of(bytes.clone());
        assert_eq!(sheets.len(), 2, "{kind}: a data sheet and its instructions");
        assert_eq!(
            sheets[0].1.len(),
            1,
            "{kind}: headers only: {:?}",
            sheets[0].1
        );
        let help = sheets[1].1.concat().join(" ");
        assert!(
            help.contains("a blank cell keeps its value") && help.contains("type “-” alone"),
            "{kind}: the instructions say what blank and - do: {help}"
        );
        let res = upload(&app, &ops, kind, bytes).await;
        assert_eq!(res.status(), 422, "{kind}");
        assert!(
            res.text()
                .await
                .unwrap_or_default()
                .contains("The first sheet has no data rows."),
            "{kind}"
        );
    }
    assert_eq!(batch_count(&app).await, 0);
    let stored = app
        .with_db(|conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::{agencies, exchange_rates, guides, suppliers};
            let count = |n: QueryResult<i64>| n.expect("count");
            count(suppliers::table.count().get_result(conn))
                + count(guides::table.count().get_result(conn))
                + count(agencies::table.count().get_result(conn))
                + count(exchange_rates::table.count().get_result(conn))
        })
        .await;
    assert_eq!(stored, 0, "nothing was written");
    // Headers in the reader's language.
    ops.post(
        &app,
        "/account/locale",
        &[("locale", "zh-CN"), ("back", "/")],
    )
    .await;
    let bytes = ops
        .get(&app, "/imports/guides/template")
        .await
        .bytes()
        .await
        .expect("template")
        .to_vec();
    let sheets = sheets_of(bytes);
    assert!(
        sheets[0].1[0].iter().any(|h| h.starts_with("姓名")),
        "{:?}",
        sheets[0].1[0]
    );
    assert_eq!(sheets[1].0, "说明");
}

#[tokio::test]
async fn the_example_row_of_an_old_template_is_skipped_not_applied() {
    let app = TestApp::spawn().await;
    let sales = app.signed_in(Role::Sales).await;
    // The client the old agencies example matched, with its own terms.
    let res = sales
        .post(
            &app,
            "/agencies",
            &[
                ("name", "Shanghai Sunshine Travel"),
                ("language", "zh-CN"),
                ("currency", "CNY"),
                ("credit_days", "45"),
                ("credit_limit", "500000"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    // The old template: its headers, then its example row.
    let columns = tourdesk::import::Kind::Agencies.columns();
    let old = sheet(&[
        columns.iter().map(|c| c.field).collect(),
        columns.iter().map(|c| c.example).collect(),
    ]);
    let (at, page) = preview(&app, &sales, "agencies", old).await;
    assert!(
        page.contains("0 new, 0 changed, 0 unchanged, 0 with errors"),
        "{page}"
    );
    assert!(
        page.contains("The example row of an old template was skipped."),
        "{page}"
    );
    assert!(page.contains("example, not imported"), "{page}");
    assert!(
        page.contains("disabled aria-disabled=\"true\""),
        "nothing to save: {page}"
    );
    let res = sales.post(&app, &format!("{at}/commit"), &[]).await;
    assert_eq!(res.status(), 303);
    let kept = app
        .with_db(|conn| {
            tourdesk::db::master::agencies::find_by_name(conn, "Shanghai Sunshine Travel")
                .expect("query")
                .expect("the agency")
                .data
        })
        .await;
    assert_eq!(
        (
            kept.currency.code(),
            kept.credit_limit_minor,
            kept.credit_days
        ),
        ("CNY", 50_000_000, 45),
        "the client keeps its terms"
    );
}

#[test]
fn the_import_kinds_migration_keeps_sqlite_batches_and_their_ids() {
    use diesel::prelude::*;
    use diesel::sql_types::{BigInt, Text};
    use diesel_migrations::MigrationHarness;
    use tourdesk::db::migrate::SQLITE_MIGRATIONS;
    const IMPORT_KINDS: &str = "20261207000090";
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        id: i64,
        #[diesel(sql_type = Text)]
        kind: String,
    }
    let dir = tempfile::tempdir().expect("temporary directory");
    let url = dir.path().join("old.db").display().to_string();
    let mut conn = diesel::SqliteConnection::establish(&url).expect("a database");
    let next = |conn: &mut diesel::SqliteConnection| {
        conn.pending_migrations(SQLITE_MIGRATIONS)
            .expect("pending")
            .first()
            .map(|m| m.name().version().to_string())
    };
    while next(&mut conn).is_some_and(|v| v != IMPORT_KINDS) {
        conn.run_next_migration(SQLITE_MIGRATIONS)
            .expect("migrating");
    }
    let insert = "INSERT INTO import_batches (user_id, kind, file_name, rows_json, error_count, created_at) \
                  VALUES (1, ?, 'a.xlsx', '{}', 0, '2027-01-01 00:00:00')";
    // The batches' user is beside the point here.
    diesel::sql_query("PRAGMA foreign_keys = OFF")
        .execute(&mut conn)
        .expect("pragma");
    for kind in ["rates", "guides", "hotels"] {
        diesel::sql_query(insert)
            .bind::<Text, _>(kind)
            .execute(&mut conn)
            .expect("a batch");
    }
    diesel::sql_query("DELETE FROM import_batches WHERE kind = 'hotels'")
        .execute(&mut conn)
        .expect("a pruned batch");
    assert!(
        diesel::sql_query(insert)
            .bind::<Text, _>("shops")
            .execute(&mut conn)
            .is_err(),
        "refused before the migration"
    );
    conn.run_pending_migrations(SQLITE_MIGRATIONS)
        .expect("migrating");
    diesel::sql_query(insert)
        .bind::<Text, _>("shops")
        .execute(&mut conn)
        .expect("a shops batch");
    let rows: Vec<Row> = diesel::sql_query("SELECT id, kind FROM import_batches ORDER BY id")
        .load(&mut conn)
        .expect("batches");
    let rows: Vec<(i64, &str)> = rows.iter().map(|r| (r.id, r.kind.as_str())).collect();
    assert_eq!(
        rows,
        [(1, "rates"), (2, "guides"), (4, "shops")],
        "batches kept; the pruned batch's id is not handed out again"
    );
}
