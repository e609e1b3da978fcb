//! Excel imports: valid sheets, sheets with errors, re-imports, hostile files, headers in Thai
//! and Chinese, formula cells.

use std::io::Write;
use std::time::Instant;

use rust_xlsxwriter::{Formula, Workbook};
use tourdesk::domain::access::Role;

use crate::harness::{Session, TestApp, location};

/// Uploads `bytes` as the `file` field, with the CSRF token in the query string as the form does.
pub async fn upload(app: &TestApp, who: &Session, kind: &str, bytes: Vec<u8>) -> reqwest::Response {
    let part = reqwest::multipart::Part::bytes(bytes).file_name("sheet.xlsx");
    let form = reqwest::multipart::Form::new().part("file", part);
    who.client
        .post(app.url(&format!("/imports/{kind}?csrf_token={}", who.csrf)))
        .multipart(form)
        .send()
        .await
        .expect("upload")
}

pub fn sheet(rows: &[Vec<&str>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            if let Some(f) = cell.strip_prefix('=') {
                // `=formula|cached value`: what Excel would have stored after calculating.
                let (formula, cached) = f.split_once('|').unwrap_or((f, ""));
                ws.write_formula(r, c, Formula::new(formula).set_result(cached))
                    .expect("formula");
            } else if let Ok(n) = cell.parse::<f64>() {
                ws.write_number(r, c, n).expect("number");
            } else {
                ws.write_string(r, c, *cell).expect("string");
            }
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

/// A sheet of one row of `kind`: every column's example (headers by field name), the first
/// column made unlike the example so that the row is data, not the old templates' example.
pub fn sample_sheet(kind: &str) -> Vec<u8> {
    let kind = tourdesk::import::Kind::parse(kind).expect("an import kind");
    let columns = kind.columns();
    let header: Vec<&str> = columns.iter().map(|c| c.field).collect();
    let first = match columns[0].cell {
        tourdesk::import::sheet::CellKind::Date => "2027-02-01".to_owned(),
        _ => format!("{} Sample", columns[0].example),
    };
    let mut row: Vec<&str> = columns.iter().map(|c| c.example).collect();
    row[0] = &first;
    sheet(&[header, row])
}

const HOTEL_HEADER: [&str; 9] = [
    "Hotel",
    "City",
    "Currency",
    "Room type",
    "Category",
    "Season",
    "From",
    "To",
    "Rate per room-night",
];

pub async fn preview(app: &TestApp, who: &Session, kind: &str, bytes: Vec<u8>) -> (String, String) {
    let res = upload(app, who, kind, bytes).await;
    assert_eq!(
        res.status(),
        303,
        "upload refused: {}",
        res.text().await.unwrap_or_default()
    );
    let at = location(&res);
    let page = who.get(app, &at).await.text().await.unwrap_or_default();
    (at, page)
}

#[tokio::test]
async fn a_valid_rate_sheet_imports_and_a_second_upload_is_unchanged() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let rows = vec![
        HOTEL_HEADER.to_vec(),
        vec![
            "Riverside",
            "Bangkok",
            "THB",
            "Superior twin",
            "twin",
            "Green",
            "2027-05-01",
            "2027-10-31",
            "1800",
        ],
        vec![
            "Riverside",
            "Bangkok",
            "THB",
            "Superior twin",
            "twin",
            "High",
            "2027-11-01",
            "2028-04-30",
            "2,450.50",
        ],
        vec![
            "Hanoi Pearl",
            "Hanoi",
            "VND",
            "Deluxe double",
            "double",
            "All year",
            "2027-01-01",
            "2027-12-31",
            "1850000",
        ],
    ];
    let (at, page) = preview(&app, &ops, "hotels", sheet(&rows)).await;
    assert!(
        page.contains("3 new, 0 changed, 0 unchanged, 0 with errors"),
        "{page}"
    );
    assert!(
        !ops.get(&app, "/hotels")
            .await
            .text()
            .await
            .unwrap_or_default()
            .contains("Riverside"),
        "a preview writes nothing"
    );
    let res = ops.post(&app, &format!("{at}/commit"), &[]).await;
    assert_eq!(res.status(), 303);
    let list = ops
        .get(&app, "/hotels")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(list.contains("Riverside") && list.contains("Hanoi Pearl"));
    let (_, page) = preview(&app, &ops, "hotels", sheet(&rows)).await;
    assert!(
        page.contains("0 new, 0 changed, 3 unchanged, 0 with errors"),
        "{page}"
    );
    let mut changed = rows.clone();
    changed[1][8] = "1900";
    let (_, page) = preview(&app, &ops, "hotels", sheet(&changed)).await;
    assert!(page.contains("0 new, 1 changed, 2 unchanged"), "{page}");
    assert!(
        page.contains("<del>1,800.00 THB</del>") && page.contains("<ins>1,900.00 THB</ins>"),
        "field-by-field change, before → after in the reader's format: {page}"
    );
    let admin = app.signed_in(Role::Admin).await;
    let audit = admin
        .get(&app, "/audit?action=import.commit")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(audit.contains("import.commit"));
}

#[tokio::test]
async fn a_sheet_with_errors_is_previewed_and_its_commit_refused() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let rows = vec![
        HOTEL_HEADER.to_vec(),
        vec![
            "Riverside",
            "Bangkok",
            "THB",
            "Superior twin",
            "twin",
            "High",
            "2027-11-01",
            "2028-04-30",
            "2450",
        ],
        vec![
            "Riverside",
            "Bangkok",
            "THB",
            "Superior twin",
            "twin",
            "Overlap",
            "2028-04-01",
            "2028-05-31",
            "2000",
        ],
        vec![
            "Beach Inn",
            "Phuket",
            "XYZ",
            "Bungalow",
            "castle",
            "Low",
            "31/12/2027",
            "2028-01-31",
            "abc",
        ],
    ];
    let (at, page) = preview(&app, &ops, "hotels", sheet(&rows)).await;
    assert!(
        page.contains("1 new, 0 changed, 0 unchanged, 2 with errors"),
        "{page}"
    );
    assert!(
        page.contains(
            "These dates overlap the season “High” (Nov 1, 2027 – Apr 30, 2028) of this room type."
        ),
        "the form's rule and message, dates in the reader's format: {page}"
    );
    assert!(page.contains("“XYZ” is not a currency code"), "{page}");
    assert!(page.contains("“castle” is not one of the allowed values"));
    let res = ops.post(&app, &format!("{at}/commit"), &[]).await;
    assert_eq!(res.status(), 422);
    let count = app
        .with_db(|conn| {
            use diesel::prelude::*;
            tourdesk::db::schema::suppliers::table
                .count()
                .get_result::<i64>(conn)
                .expect("count")
        })
        .await;
    assert_eq!(count, 0, "nothing was written");
    // The same errors in Thai for a Thai reader.
    ops.post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    let page = ops.get(&app, &at).await.text().await.unwrap_or_default();
    assert!(page.contains("ไม่ใช่รหัสสกุลเงิน"), "{page}");
}

#[tokio::test]
async fn headers_in_thai_and_chinese_and_formula_cells_are_read() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let thai = vec![
        vec![
            "โรงแรม",
            "เมือง",
            "สกุลเงิน",
            "ประเภทห้อง",
            "หมวด",
            "ฤดูกาล",
            "ตั้งแต่",
            "ถึง",
            "ราคาต่อห้องต่อคืน",
        ],
        vec![
            "Chiang Mai Lanna",
            "Chiang Mai",
            "THB",
            "Deluxe",
            "เตียงคู่",
            "High",
            "2027-11-01",
            "2028-02-28",
            "=1000*2+200|2200",
        ],
    ];
    let (_, page) = preview(&app, &ops, "hotels", sheet(&thai)).await;
    assert!(page.contains("1 new"), "Thai headers: {page}");
    let chinese = vec![
        vec!["日期", "从", "到", "汇率", "来源"],
        vec!["2027-01-15", "usd", "THB", "=70.25/2|35.125", "BOT"],
        vec!["2027-01-16", "CNY", "THB", "4.95", ""],
    ];
    let (at, page) = preview(&app, &ops, "rates", sheet(&chinese)).await;
    assert!(page.contains("2 new"), "Chinese headers: {page}");
    assert_eq!(
        ops.post(&app, &format!("{at}/commit"), &[]).await.status(),
        303
    );
    let rates = ops
        .get(&app, "/rates")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        rates.contains("35.125"),
        "the formula's cached value was imported: {rates}"
    );
    assert!(rates.contains("4.95"));
}

#[tokio::test]
async fn hostile_files_are_refused_quickly_with_a_clear_error() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let started = Instant::now();
    let res = upload(&app, &ops, "hotels", vec![b'x'; 6 * 1024 * 1024]).await;
    assert_eq!(res.status(), 413);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("larger than 5 MB")
    );
    let res = upload(
        &app,
        &ops,
        "rates",
        b"date,from,to,rate\n2027-01-01,USD,THB,35\n".to_vec(),
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("not an Excel workbook")
    );
    // A zip bomb: 200 MB of spaces in a sheet, a few hundred kilobytes packed.
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        z.start_file("xl/workbook.xml", o).expect("entry");
        z.write_all(b"<workbook/>").expect("write");
        z.start_file("xl/worksheets/sheet1.xml", o).expect("entry");
        let chunk = vec![b' '; 1024 * 1024];
        for _ in 0..200 {
            z.write_all(&chunk).expect("write");
        }
        z.finish().expect("zip");
    }
    let bomb = out.into_inner();
    assert!(bomb.len() < 1024 * 1024);
    let res = upload(&app, &ops, "hotels", bomb).await;
    assert_eq!(res.status(), 413);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("unpacks to more than")
    );
    assert!(
        started.elapsed().as_secs() < 20,
        "refusals must be quick: {:?}",
        started.elapsed()
    );
    assert_eq!(batch_count(&app).await, 0);
    // Without the CSRF token the upload never reaches the handler.
    let part = reqwest::multipart::Part::bytes(vec![1, 2, 3]).file_name("a.xlsx");
    let res = ops
        .client
        .post(app.url("/imports/hotels"))
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .expect("post");
    assert_eq!(res.status(), 403);
}

pub async fn batch_count(app: &TestApp) -> i64 {
    app.with_db(|conn| {
        use diesel::prelude::*;
        tourdesk::db::schema::import_batches::table
            .count()
            .get_result::<i64>(conn)
            .expect("count")
    })
    .await
}

/// A workbook whose only sheet is the part `sheet_path`, holding `sheet_data` (the rows) in
/// elements written with `prefix` (`""` or `"x:"`).
fn crafted_workbook(sheet_path: &str, prefix: &str, sheet_data: &[u8]) -> Vec<u8> {
    let ns = if prefix.is_empty() {
        "xmlns".to_owned()
    } else {
        format!("xmlns:{}", prefix.trim_end_matches(':'))
    };
    let mut sheet = format!(
        "<?xml version=\"1.0\"?><{prefix}worksheet {ns}=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><{prefix}sheetData>"
    )
    .into_bytes();
    sheet.extend_from_slice(sheet_data);
    sheet.extend_from_slice(format!("</{prefix}sheetData></{prefix}worksheet>").as_bytes());
    let rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
    let workbook_rels = format!(
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"/{sheet_path}\"/></Relationships>"
    );
    let workbook = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Rates\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let mut out = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut out);
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(9));
        for (name, data) in [
            ("_rels/.rels", rels.as_bytes()),
            ("xl/workbook.xml", workbook.as_bytes()),
            ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
            (sheet_path, sheet.as_slice()),
        ] {
            z.start_file(name, o).expect("entry");
            z.write_all(data).expect("write");
        }
        z.finish().expect("zip");
    }
    out.into_inner()
}

fn rates_header(prefix: &str) -> String {
    let cells: String = ["Date", "From", "To", "Rate"]
        .iter()
        .zip(["A1", "B1", "C1", "D1"])
        .map(|(h, r)| {
            format!("<{prefix}c r=\"{r}\" t=\"inlineStr\"><{prefix}is><{prefix}t>{h}</{prefix}t></{prefix}is></{prefix}c>")
        })
        .collect();
    format!("<{prefix}row r=\"1\">{cells}</{prefix}row>")
}

#[tokio::test]
async fn crafted_cell_layouts_are_refused_and_the_tenant_keeps_serving() {
    let app = TestApp::spawn().await;
    let acc = app.signed_in(Role::Accountant).await;

    // Headers in A1:D1 and one cell at XFD1048576: 1.5 KiB that once asked for 512 GiB.
    let far = format!(
        "{}<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>",
        rates_header("")
    );
    let file = crafted_workbook("xl/worksheets/sheet1.xml", "", far.as_bytes());
    assert!(file.len() < 1536, "{} bytes", file.len());
    let res = upload(&app, &acc, "rates", file).await;
    assert_eq!(res.status(), 413);
    assert!(
        res.text()
            .await
            .unwrap_or_default()
            .contains("uses cells beyond row 100000 or column 1000")
    );

    // A million prefixed cells, and the sheet stored outside xl/worksheets/.
    let mut rows = rates_header("x:").into_bytes();
    for _ in 0..1_000_000 {
        rows.extend_from_slice(b"<x:row><x:c/></x:row>");
    }
    for path in ["xl/worksheets/sheet1.xml", "xl/s1.xml"] {
        let file = crafted_workbook(path, "x:", &rows);
        assert!(file.len() < 200 * 1024, "{} bytes", file.len());
        let res = upload(&app, &acc, "rates", file).await;
        assert_eq!(res.status(), 413, "{path}");
        assert!(
            res.text()
                .await
                .unwrap_or_default()
                .contains("more than 200000 cells"),
            "{path}"
        );
    }

    // A sheet at an unusual path, with prefixed elements, is still read when it is sane.
    let sane = format!(
        "{}<x:row r=\"2\"><x:c r=\"A2\" t=\"inlineStr\"><x:is><x:t>2027-01-02</x:t></x:is></x:c>\
         <x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>USD</x:t></x:is></x:c>\
         <x:c r=\"C2\" t=\"inlineStr\"><x:is><x:t>THB</x:t></x:is></x:c><x:c r=\"D2\"><x:v>35.5</x:v></x:c></x:row>",
        rates_header("x:")
    );
    let (_, page) = preview(
        &app,
        &acc,
        "rates",
        crafted_workbook("data/first.xml", "x:", sane.as_bytes()),
    )
    .await;
    assert!(page.contains("1 new"), "{page}");

    assert_eq!(
        batch_count(&app).await,
        1,
        "only the sane file left a batch"
    );
    let res = acc.get(&app, "/rates").await;
    assert_eq!(res.status(), 200, "the tenant still serves");
}

#[tokio::test]
async fn previews_never_committed_are_removed_after_a_day() {
    let app = TestApp::spawn().await;
    let acc = app.signed_in(Role::Accountant).await;
    let file = sheet(&[
        vec!["Date", "From", "To", "Rate"],
        vec!["2027-01-02", "USD", "THB", "35.5"],
    ]);
    let (old, _) = preview(&app, &acc, "rates", file.clone()).await;
    let (committed, _) = preview(&app, &acc, "rates", file.clone()).await;
    let res = acc.post(&app, &format!("{committed}/commit"), &[]).await;
    assert_eq!(res.status(), 303);
    let (fresh, _) = preview(&app, &acc, "rates", file).await;
    let id = |at: &str| {
        at.rsplit('/')
            .next()
            .and_then(|i| i.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let (old_id, committed_id, fresh_id) = (id(&old), id(&committed), id(&fresh));
    let left = app
        .with_db(move |conn| {
            use diesel::prelude::*;
            use tourdesk::db::schema::import_batches as b;
            let day_ago = tourdesk::db::now() - chrono::Duration::hours(25);
            diesel::update(b::table.filter(b::id.eq_any([old_id, committed_id])))
                .set(b::created_at.eq(day_ago))
                .execute(conn)
                .expect("ageing");
            let pruned =
                tourdesk::db::housekeeping::run(conn, tourdesk::db::now()).expect("housekeeping");
            assert_eq!(pruned.import_batches, 1);
            b::table
                .select(b::id)
                .order(b::id)
                .load::<i64>(conn)
                .expect("batches")
        })
        .await;
    assert_eq!(left, [committed_id, fresh_id]);
    assert_eq!(acc.get(&app, &old).await.status(), 404);
}

#[tokio::test]
async fn rows_of_one_hotel_that_disagree_are_errors_not_last_one_wins() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let header = vec![
        "Hotel",
        "Local name",
        "City",
        "Stars",
        "Currency",
        "Room type",
        "Room kind",
        "Season",
        "From",
        "To",
        "Rate per room-night",
    ];
    let row = |local: &'static str, stars: &'static str, season: &'static str, from, to| {
        vec![
            "Riverside",
            local,
            "Bangkok",
            stars,
            "THB",
            "Superior twin",
            "twin",
            season,
            from,
            to,
            "1800",
        ]
    };
    let rows = vec![
        header,
        row("โรงแรมริเวอร์ไซด์", "4", "Green", "2027-05-01", "2027-10-31"),
        row("ริเวอร์ไซด์ บางกอก", "4", "High", "2027-11-01", "2028-04-30"),
        row("", "5", "Peak", "2028-05-01", "2028-05-31"),
        row("", "", "Low", "2028-06-01", "2028-06-30"),
    ];
    let (at, page) = preview(&app, &ops, "hotels", sheet(&rows)).await;
    assert!(
        page.contains("2 new, 0 changed, 0 unchanged, 2 with errors"),
        "{page}"
    );
    assert!(
        page.contains(
            "“ริเวอร์ไซด์ บางกอก” differs from “โรงแรมริเวอร์ไซด์” given for the same hotel on line 2"
        ),
        "{page}"
    );
    assert!(page.contains("“5” differs from “4”"), "{page}");
    let res = ops.post(&app, &format!("{at}/commit"), &[]).await;
    assert_eq!(res.status(), 422, "a sheet with conflicts is not committed");
}

#[tokio::test]
async fn an_invalid_email_is_refused_by_the_form_and_the_import_alike() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let res = ops
        .post(
            &app,
            "/agencies",
            &[
                ("name", "Hanoi Lotus Travel"),
                ("language", "vi"),
                ("currency", "USD"),
                ("credit_days", "30"),
                ("credit_limit", "1000"),
                ("email", "not-an-email"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("page");
    assert!(page.contains("Enter a valid e-mail address."), "{page}");
    let rows = vec![
        vec![
            "Agency",
            "Document language",
            "Currency",
            "Credit days",
            "Credit limit",
            "E-mail",
        ],
        vec![
            "Hanoi Lotus Travel",
            "vi",
            "USD",
            "30",
            "1000",
            "not-an-email",
        ],
        vec![
            "Saigon Star",
            "vi",
            "USD",
            "30",
            "1000",
            "Sales@Saigon-Star.vn",
        ],
    ];
    let (_, page) = preview(&app, &ops, "agencies", sheet(&rows)).await;
    assert!(
        page.contains("E-mail: “not-an-email” — Enter a valid e-mail address."),
        "the form's rule and message, with the column and the value: {page}"
    );
    assert!(
        page.contains("1 new, 0 changed, 0 unchanged, 1 with errors"),
        "{page}"
    );
}

#[tokio::test]
async fn text_cells_are_read_in_the_uploaders_language_and_number_cells_as_numbers() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    ops.post(&app, "/account/locale", &[("locale", "vi"), ("back", "/")])
        .await;
    let header = vec!["Date", "From", "To", "Rate", "Source"];
    let rows = vec![
        header.clone(),
        // Text, the Vietnamese way: 25.450,5 is twenty-five thousand and a half.
        vec!["2027-01-15", "USD", "VND", "25.450,5", "SBV"],
        // A number cell is a number whatever the language.
        vec!["2027-01-16", "USD", "VND", "25450.25", "SBV"],
        // English text in a Vietnamese upload is refused, not guessed.
        vec!["2027-01-17", "USD", "VND", "25,450.75", "SBV"],
    ];
    let (_, page) = preview(&app, &ops, "rates", sheet(&rows)).await;
    assert!(
        page.contains("2 mới, 0 thay đổi, 0 không đổi, 1 có lỗi"),
        "{page}"
    );
    assert!(page.contains("25.450,5"), "in the reader's format: {page}");
    assert!(page.contains("25.450,25"), "{page}");
    assert!(page.contains("“25,450.75”"), "{page}");
}
