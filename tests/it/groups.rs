//! Groups (departures): creating one from a tour, the list (filters, sort, paging), status
//! moves (refused, audited, cancel with a reason and a confirmation), the minimum-pax warning,
//! the departures calendar, and the code pattern setting.

use diesel::prelude::*;
use tourdesk::db::schema::{audit_log, tour_groups};
use tourdesk::domain::access::Role;
use tourdesk::domain::ids::{AgencyId, GroupId, TourId};

use crate::fixtures;
use crate::fixtures_groups::{GroupBuilder, TourBuilder, date};
use crate::harness::{Session, TestApp, location};

/// A tour and a client agency to make groups of.
async fn tour_and_agency(app: &TestApp, tour: TourBuilder) -> (TourId, AgencyId) {
    app.with_db(move |conn| (tour.insert(conn), fixtures::agency(conn, "Seoul Travel")))
        .await
}

/// The stored status and cancel reason of a group.
async fn stored_status(app: &TestApp, id: GroupId) -> (String, String) {
    app.with_db(move |conn| {
        tour_groups::table
            .find(id.0)
            .select((tour_groups::status, tour_groups::cancel_reason))
            .first(conn)
            .expect("the group")
    })
    .await
}

/// The audit rows of `action` about group `id`: (before, after) JSON.
async fn audited(app: &TestApp, id: GroupId, action: &str) -> Vec<(String, String)> {
    let action = action.to_owned();
    app.with_db(move |conn| {
        audit_log::table
            .filter(audit_log::action.eq(action))
            .filter(audit_log::entity_id.eq(id.0.to_string()))
            .order(audit_log::id.asc())
            .select((audit_log::before_json, audit_log::after_json))
            .load::<(Option<String>, Option<String>)>(conn)
            .expect("audit rows")
            .into_iter()
            .map(|(b, a)| (b.unwrap_or_default(), a.unwrap_or_default()))
            .collect()
    })
    .await
}

/// The first cell's text of each row of the page's list.
fn codes_in(html: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let rows = scraper::Selector::parse("table.data tbody tr").expect("selector");
    let cell = scraper::Selector::parse("td").expect("selector");
    page.select(&rows)
        .filter_map(|tr| tr.select(&cell).next())
        .map(|td| td.text().collect::<String>().trim().to_owned())
        .collect()
}

async fn body(who: &Session, app: &TestApp, path: &str) -> (u16, String) {
    let res = who.get(app, path).await;
    let status = res.status().as_u16();
    (status, res.text().await.expect("body"))
}

/// Posts the new-group form for 20 + 1 + 1 pax leaving on `start`, end and market left empty.
async fn post_group(
    app: &TestApp,
    who: &Session,
    (tour, agency): (TourId, AgencyId),
    start: &str,
) -> reqwest::Response {
    let (tour, agency) = (tour.to_string(), agency.to_string());
    let fields = [
        ("tour", tour.as_str()),
        ("agency", agency.as_str()),
        ("starts_on", start),
        ("ends_on", ""),
        ("market", ""),
        ("pax_paying", "20"),
        ("pax_foc", "1"),
        ("tour_leaders", "1"),
    ];
    who.post(app, "/groups", &fields).await
}

fn id_of(location: &str) -> GroupId {
    GroupId(
        location
            .rsplit('/')
            .next()
            .and_then(|s| s.parse().ok())
            .expect("a group id in the location"),
    )
}

#[tokio::test]
async fn a_group_made_from_a_tour_gets_the_next_code_its_length_and_market() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new().days(8).market("Korea")).await;
    let sales = app.signed_in(Role::Sales).await;
    let (status, form) = body(&sales, &app, &format!("/groups/new?tour={tour}")).await;
    assert_eq!(status, 200);
    assert!(form.contains("Amazing Thailand 8D7N"), "{form}");
    let res = post_group(&app, &sales, (tour, agency), "2026-03-01").await;
    assert_eq!(res.status(), 303);
    let first = id_of(&location(&res));
    let (_, page) = body(&sales, &app, &location(&res)).await;
    assert!(page.contains("Group G26-0001 created."), "{page}");
    assert!(
        page.contains("Quoted") && page.contains("Seoul Travel"),
        "{page}"
    );
    assert!(
        page.contains("(8 days)"),
        "the end date is the tour's length: {page}"
    );
    assert!(page.contains("22 (20 paying + 1 FOC + 1 TL)"), "{page}");
    assert!(page.contains("Korea"), "the tour's market: {page}");
    let res = post_group(&app, &sales, (tour, agency), "2026-05-10").await;
    assert_eq!(res.status(), 303);
    let second = id_of(&location(&res));
    let codes = app
        .with_db(move |conn| {
            tour_groups::table
                .filter(tour_groups::id.eq_any([first.0, second.0]))
                .order(tour_groups::id.asc())
                .select((tour_groups::code, tour_groups::ends_on))
                .load::<(String, chrono::NaiveDate)>(conn)
                .expect("codes")
        })
        .await;
    assert_eq!(
        codes,
        vec![
            ("G26-0001".to_owned(), date(2026, 3, 8)),
            ("G26-0002".to_owned(), date(2026, 5, 17))
        ]
    );
    let created = audited(&app, first, "group.create").await;
    assert_eq!(created.len(), 1);
    assert!(
        created[0].1.contains("\"code\":\"G26-0001\""),
        "{created:?}"
    );
}

#[tokio::test]
async fn a_group_the_rules_refuse_is_shown_again_with_the_reason() {
    let app = TestApp::spawn().await;
    let (archived, agency) = tour_and_agency(&app, TourBuilder::new().archived()).await;
    let sales = app.signed_in(Role::Sales).await;
    let (archived, agency) = (archived.to_string(), agency.to_string());
    let post = |tour: &str, start: &str, end: &str, paying: &str| {
        let fields: Vec<(&str, String)> = vec![
            ("tour", tour.to_owned()),
            ("agency", agency.clone()),
            ("starts_on", start.to_owned()),
            ("ends_on", end.to_owned()),
            ("pax_paying", paying.to_owned()),
        ];
        let sales = &sales;
        let app = &app;
        async move {
            let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let res = sales.post(app, "/groups", &refs).await;
            (res.status().as_u16(), res.text().await.unwrap_or_default())
        }
    };
    let (status, page) = post(&archived, "2026-03-01", "", "20").await;
    assert_eq!(status, 422);
    assert!(page.contains("This tour is archived"), "{page}");
    let live = app
        .with_db(|conn| TourBuilder::new().insert(conn))
        .await
        .to_string();
    let (status, page) = post(&live, "2026-03-05", "2026-03-01", "20").await;
    assert_eq!(status, 422);
    assert!(page.contains("The group ends before it starts."), "{page}");
    let (status, _) = post(&live, "2026-03-05", "", "0").await;
    assert_eq!(status, 422, "no paying pax");
    let count: i64 = app
        .with_db(|conn| tour_groups::table.count().get_result(conn).expect("count"))
        .await;
    assert_eq!(count, 0, "nothing written");
}

#[tokio::test]
async fn the_list_pages_newest_first_and_filters_sorts_and_searches() {
    let app = TestApp::spawn().await;
    let (tour, seoul) = tour_and_agency(&app, TourBuilder::new()).await;
    let (busan, other_tour) = app
        .with_db(|conn| {
            (
                fixtures::agency(conn, "Busan Holidays"),
                TourBuilder::new()
                    .name("Hanoi and Halong")
                    .market("Vietnam")
                    .insert(conn),
            )
        })
        .await;
    app.with_db(move |conn| {
        // 50 groups for Seoul Travel, one a day from 1 January 2026...
        for i in 0..50 {
            let day = date(2026, 1, 1) + chrono::Days::new(i);
            GroupBuilder::new(tour, seoul).starts_on(day).insert(conn);
        }
        // ...and the latest departure for Busan Holidays, on another tour and market.
        GroupBuilder::new(other_tour, busan)
            .starts_on(date(2026, 6, 1))
            .insert(conn);
    })
    .await;
    let ops = app.signed_in(Role::Operations).await;
    let (status, page) = body(&ops, &app, "/groups").await;
    assert_eq!(status, 200);
    let codes = codes_in(&page);
    assert_eq!(codes.len(), 50, "50 a page");
    assert_eq!(codes[0], "G26-0051", "newest departure first");
    assert_eq!(codes[1], "G26-0050");
    assert!(page.contains("Page 1 of 2"), "{page}");
    assert!(!page.contains("Booked cost"), "operations see no costs");
    let (_, page) = body(&ops, &app, "/groups?page=2").await;
    assert_eq!(
        codes_in(&page),
        vec!["G26-0001"],
        "the oldest, alone on page 2"
    );
    let (_, page) = body(&ops, &app, "/groups?sort=-start").await;
    assert_eq!(codes_in(&page)[0], "G26-0001", "reversed: oldest first");
    let (_, page) = body(&ops, &app, "/groups?sort=-code").await;
    assert_eq!(codes_in(&page)[0], "G26-0051");
    let (_, page) = body(&ops, &app, &format!("/groups?agency={busan}")).await;
    assert_eq!(codes_in(&page), vec!["G26-0051"]);
    let (_, page) = body(&ops, &app, "/groups?market=Vietnam").await;
    assert_eq!(codes_in(&page), vec!["G26-0051"]);
    let (_, page) = body(&ops, &app, "/groups?q=halong").await;
    assert_eq!(codes_in(&page), vec!["G26-0051"], "search by tour name");
    let (_, page) = body(&ops, &app, "/groups?q=busan%20holidays").await;
    assert_eq!(codes_in(&page), vec!["G26-0051"], "search by agency name");
    let (_, page) = body(&ops, &app, "/groups?q=g26-0007").await;
    assert_eq!(codes_in(&page), vec!["G26-0007"], "search by code");
    let (_, page) = body(&ops, &app, "/groups?from=2026-02-18&to=2026-02-19").await;
    assert_eq!(
        codes_in(&page),
        vec!["G26-0050", "G26-0049"],
        "departure dates"
    );
    let (_, page) = body(&ops, &app, "/groups?status=confirmed").await;
    assert!(codes_in(&page).is_empty());
    let (_, page) = body(&ops, &app, "/groups?status=quoted&sort=pax").await;
    assert_eq!(codes_in(&page).len(), 50);
    let (status, _) = body(&ops, &app, "/groups?status=lost").await;
    assert_eq!(status, 400, "a filter that cannot be read");
    let (status, _) = body(&ops, &app, "/groups?from=yesterday").await;
    assert_eq!(status, 400);
    let sales = app.signed_in(Role::Sales).await;
    let (_, page) = body(&sales, &app, "/groups").await;
    assert!(page.contains("Booked cost"), "sales see costs");
}

#[tokio::test]
async fn a_move_the_status_does_not_allow_is_refused_and_writes_nothing() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new()).await;
    let (id, _) = app
        .with_db(move |conn| GroupBuilder::new(tour, agency).insert(conn))
        .await;
    let ops = app.signed_in(Role::Operations).await;
    let path = format!("/groups/{id}/status");
    let res = ops.post(&app, &path, &[("to", "completed")]).await;
    assert_eq!(res.status(), 409);
    let page = res.text().await.expect("body");
    assert!(
        page.contains("A group that is Quoted cannot become Completed."),
        "{page}"
    );
    let res = ops.post(&app, &path, &[("to", "quoted")]).await;
    assert_eq!(res.status(), 409, "no move to where it is");
    let res = ops.post(&app, &path, &[("to", "lost")]).await;
    assert_eq!(res.status(), 400);
    assert_eq!(stored_status(&app, id).await.0, "quoted");
    assert!(audited(&app, id, "group.change-status").await.is_empty());
    // In Thai, the refusal names both statuses in Thai.
    let thai = app.signed_in(Role::Manager).await;
    thai.post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    let res = thai.post(&app, &path, &[("to", "closed")]).await;
    assert_eq!(res.status(), 409);
    let page = res.text().await.expect("body");
    assert!(
        page.contains("กรุ๊ปที่มีสถานะ เสนอราคาแล้ว เปลี่ยนเป็น ปิดแล้ว ไม่ได้"),
        "{page}"
    );
}

#[tokio::test]
async fn each_legal_move_is_audited_with_the_status_before_and_after() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new()).await;
    let (id, _) = app
        .with_db(move |conn| GroupBuilder::new(tour, agency).insert(conn))
        .await;
    let ops = app.signed_in(Role::Operations).await;
    let path = format!("/groups/{id}/status");
    let (_, page) = body(&ops, &app, &format!("/groups/{id}")).await;
    assert!(
        page.contains(">Confirm<") && page.contains("Cancel group"),
        "{page}"
    );
    for to in ["confirmed", "operating", "completed", "closed"] {
        let res = ops.post(&app, &path, &[("to", to)]).await;
        assert_eq!(res.status(), 303, "{to}");
        assert_eq!(location(&res), format!("/groups/{id}"));
        assert_eq!(stored_status(&app, id).await.0, to);
    }
    let rows = audited(&app, id, "group.change-status").await;
    let moves: Vec<(String, String)> = rows
        .iter()
        .map(|(before, after)| {
            let status = |json: &str| {
                serde_json::from_str::<serde_json::Value>(json).expect("json")["status"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned()
            };
            (status(before), status(after))
        })
        .collect();
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        moves,
        vec![
            pair("quoted", "confirmed"),
            pair("confirmed", "operating"),
            pair("operating", "completed"),
            pair("completed", "closed"),
        ]
    );
    let (_, page) = body(&ops, &app, &format!("/groups/{id}")).await;
    assert!(page.contains("The group is now Closed."), "{page}");
    assert!(
        !page.contains("Cancel group"),
        "a closed group offers no move"
    );
    let viewer = app.signed_in(Role::Viewer).await;
    let (status, page) = body(&viewer, &app, &format!("/groups/{id}")).await;
    assert_eq!(status, 200);
    assert!(!page.contains("name=\"to\""), "viewers see no buttons");
}

#[tokio::test]
async fn cancelling_asks_for_a_reason_then_a_confirmation() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new()).await;
    let (id, code) = app
        .with_db(move |conn| GroupBuilder::new(tour, agency).insert(conn))
        .await;
    let sales = app.signed_in(Role::Sales).await;
    let path = format!("/groups/{id}/status");
    let res = sales
        .post(&app, &path, &[("to", "cancelled"), ("reason", "   ")])
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("body");
    assert!(page.contains("Say why the group is cancelled."), "{page}");
    let res = sales
        .post(
            &app,
            &path,
            &[("to", "cancelled"), ("reason", " Visas refused ")],
        )
        .await;
    assert_eq!(res.status(), 200, "the question");
    let page = res.text().await.expect("body");
    assert!(page.contains(&format!("Cancel group {code}?")), "{page}");
    assert!(page.contains("Reason: Visas refused"), "{page}");
    assert!(page.contains("name=\"confirmed\" value=\"yes\""), "{page}");
    assert_eq!(stored_status(&app, id).await.0, "quoted", "nothing yet");
    let res = sales
        .post(
            &app,
            &path,
            &[
                ("to", "cancelled"),
                ("reason", "Visas refused"),
                ("confirmed", "yes"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        stored_status(&app, id).await,
        ("cancelled".to_owned(), "Visas refused".to_owned())
    );
    let (_, page) = body(&sales, &app, &format!("/groups/{id}")).await;
    assert!(
        page.contains("Visas refused") && page.contains("Cancelled"),
        "{page}"
    );
    let rows = audited(&app, id, "group.change-status").await;
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].1.contains("\"cancel_reason\":\"Visas refused\""),
        "{rows:?}"
    );
    // A cancelled group stays cancelled.
    let res = sales.post(&app, &path, &[("to", "confirmed")]).await;
    assert_eq!(res.status(), 409);
}

#[tokio::test]
async fn a_group_under_the_tour_minimum_shows_a_warning() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new().min_pax(10)).await;
    let ((small, _), (full, _)) = app
        .with_db(move |conn| {
            (
                GroupBuilder::new(tour, agency).paying(6).insert(conn),
                GroupBuilder::new(tour, agency).paying(10).insert(conn),
            )
        })
        .await;
    let viewer = app.signed_in(Role::Viewer).await;
    let warning = "Only 6 paying pax: the tour needs at least 10 to run as costed.";
    let (_, page) = body(&viewer, &app, &format!("/groups/{small}")).await;
    assert!(page.contains(warning), "{page}");
    let (_, page) = body(&viewer, &app, &format!("/groups/{full}")).await;
    assert!(!page.contains("paying pax: the tour needs"), "{page}");
}

#[tokio::test]
async fn the_calendar_shows_each_departure_in_its_month() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new()).await;
    let (id, code) = app
        .with_db(move |conn| {
            GroupBuilder::new(tour, agency)
                .starts_on(date(2026, 3, 5))
                .insert(conn)
        })
        .await;
    let viewer = app.signed_in(Role::Viewer).await;
    let (status, page) = body(&viewer, &app, "/groups/calendar?month=2026-03").await;
    assert_eq!(status, 200);
    assert!(page.contains("March 2026"), "{page}");
    let links: Vec<(String, String)> = {
        let html = scraper::Html::parse_document(&page);
        let link = scraper::Selector::parse(".calendar .departure a").expect("selector");
        html.select(&link)
            .map(|a| {
                let href = a.value().attr("href").unwrap_or_default().to_owned();
                (href, a.text().collect())
            })
            .collect()
    };
    assert_eq!(
        links,
        vec![(format!("/groups/{id}"), code.clone())],
        "{page}"
    );
    assert!(
        page.contains("month=2026-02\" rel=\"prev\""),
        "previous month"
    );
    assert!(page.contains("month=2026-04\" rel=\"next\""), "next month");
    let (_, page) = body(&viewer, &app, "/groups/calendar?month=2026-04").await;
    assert!(!page.contains(&code), "{page}");
    assert!(page.contains("No group departs this month."));
    let (status, _) = body(&viewer, &app, "/groups/calendar").await;
    assert_eq!(status, 200, "this month by default");
    let (status, _) = body(&viewer, &app, "/groups/calendar?month=March").await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_new_code_pattern_makes_the_next_codes_and_a_bad_one_is_refused() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new()).await;
    app.with_db(move |conn| GroupBuilder::new(tour, agency).insert(conn))
        .await;
    let admin = app.signed_in(Role::Admin).await;
    let (_, page) = body(&admin, &app, "/settings").await;
    assert!(
        page.contains("G{yy}-{seq:4}") && page.contains("Q{yy}-{seq:4}"),
        "{page}"
    );
    let res = admin
        .post(
            &app,
            "/settings/codes",
            &[
                ("group_code_pattern", "G{month}-{seq}"),
                ("quotation_number_pattern", "Q{yy}-{seq:4}"),
            ],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = res.text().await.expect("body");
    assert!(
        page.contains("with N from 1 to 9."),
        "the localized reason: {page}"
    );
    let res = admin
        .post(
            &app,
            "/settings/codes",
            &[
                ("group_code_pattern", "GRP/{yyyy}/{seq:3}"),
                ("quotation_number_pattern", "QT{yy}{seq:5}"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let (second, _) = app
        .with_db(move |conn| {
            (
                GroupBuilder::new(tour, agency).insert(conn),
                tourdesk::db::settings::quotation_pattern(conn)
                    .expect("the quotation pattern")
                    .format(2026, 7),
            )
        })
        .await;
    assert_eq!(second.1, "GRP/2026/002", "numbered on, in the new form");
    let audits: i64 = app
        .with_db(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("tenant.update"))
                .count()
                .get_result(conn)
                .expect("count")
        })
        .await;
    assert_eq!(audits, 1, "the refused pattern wrote nothing");
    let manager = app.signed_in(Role::Manager).await;
    let res = manager
        .post(
            &app,
            "/settings/codes",
            &[
                ("group_code_pattern", "X{seq}"),
                ("quotation_number_pattern", "Y{seq}"),
            ],
        )
        .await;
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn a_pattern_without_the_year_refuses_a_code_it_already_gave() {
    let app = TestApp::spawn().await;
    let (tour, agency) = tour_and_agency(&app, TourBuilder::new()).await;
    let results = app
        .with_db(move |conn| {
            use tourdesk::db::audit::Actor;
            use tourdesk::db::settings::{self, CodePatterns};
            use tourdesk::domain::tours::codes::CodePattern;
            let patterns = CodePatterns {
                group: CodePattern::parse("G-{seq:3}").expect("pattern"),
                quotation: CodePattern::parse("Q-{seq:3}").expect("pattern"),
            };
            tourdesk::db::write(conn, |conn| {
                settings::change_code_patterns(conn, &Actor::cli(), &patterns)
            })
            .expect("patterns");
            let first = GroupBuilder::new(tour, agency).insert(conn).1;
            let next_year = GroupBuilder::new(tour, agency)
                .starts_on(date(2027, 1, 10))
                .try_insert(conn);
            (
                first,
                next_year.map(|(_, code)| code).map_err(|e| e.to_string()),
            )
        })
        .await;
    assert_eq!(results.0, "G-001");
    assert_eq!(results.1, Err("the code G-001 is taken".to_owned()));
}
