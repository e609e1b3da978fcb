//! Exchange rates as an accountant works with them: the latest rate of each pair with the
//! stale ones flagged, inverse and cross rates computed and labelled (never stored), deleting
//! a rate no document uses after a confirmation page (a locked one is refused and stays), and
//! numbered pages on the list.

use chrono::{Days, NaiveDate};
use diesel::prelude::*;
use tourdesk::db::master::exchange_rates;
use tourdesk::db::schema::{audit_log, exchange_rates as rates_table};
use tourdesk::domain::access::Role;
use tourdesk::domain::currency::Currency;
use tourdesk::domain::decimal::Dec;
use tourdesk::domain::fx::Rate;
use tourdesk::domain::ids::ExchangeRateId;
use tourdesk::domain::locale::Locale;
use tourdesk::i18n::format::Formats;

use crate::harness::{TestApp, location};

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap_or_default()
}

/// The day the summaries in these tests are asked for (`?date=`), so that no test depends
/// on the clock.
fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2030, 6, 15).expect("a date")
}

fn days_before(n: u64) -> NaiveDate {
    day() - Days::new(n)
}

/// A date as the English pages write it.
fn shown(date: NaiveDate) -> String {
    Formats::default().date(Locale::En, date)
}

/// Stores `from → to` at `rate` dated `date`, straight into the database.
async fn store(app: &TestApp, date: NaiveDate, pair: (&str, &str), rate: &str) -> ExchangeRateId {
    let rate = Rate {
        date,
        from: Currency::parse(pair.0).expect("a currency"),
        to: Currency::parse(pair.1).expect("a currency"),
        rate: Dec::parse_canonical(rate).expect("a rate"),
        source: "Test bank".into(),
    };
    app.with_db(move |conn| exchange_rates::create(conn, &rate).expect("storing a rate"))
        .await
}

async fn count_rates(app: &TestApp) -> i64 {
    app.with_db(|conn| {
        rates_table::table
            .count()
            .get_result(conn)
            .expect("counting rates")
    })
    .await
}

/// The text of each cell of each body row of the table `#id` in `html`.
fn table_rows(html: &str, id: &str) -> Vec<Vec<String>> {
    let page = scraper::Html::parse_document(html);
    let row = scraper::Selector::parse(&format!("#{id} tbody tr")).expect("selector");
    let cell = scraper::Selector::parse("td").expect("selector");
    page.select(&row)
        .map(|tr| {
            tr.select(&cell)
                .map(|td| {
                    let text: String = td.text().collect();
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                })
                .collect()
        })
        .collect()
}

/// The row of `pair` (`USD → THB`) in the table `#id`.
fn row_of(html: &str, id: &str, pair: &str) -> Vec<String> {
    let rows: Vec<Vec<String>> = table_rows(html, id)
        .into_iter()
        .filter(|r| r.first().is_some_and(|c| c == pair))
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "one row of {pair} in #{id}: {rows:?}\n{html}"
    );
    rows.into_iter().next().unwrap_or_default()
}

/// Every link of `html` (`<a href>`), as the browser reads them.
fn links(html: &str) -> Vec<String> {
    attributes(html, "a[href]", "href")
}

/// The `name` attribute of every element `selector` finds in `html`.
fn attributes(html: &str, selector: &str, name: &str) -> Vec<String> {
    let page = scraper::Html::parse_document(html);
    let found = scraper::Selector::parse(selector).expect("selector");
    page.select(&found)
        .filter_map(|e| e.value().attr(name).map(str::to_owned))
        .collect()
}

/// Where the page's POST forms go.
fn post_actions(html: &str) -> Vec<String> {
    attributes(html, "form[method=post]", "action")
}

fn latest_url(query: &str) -> String {
    format!("/rates/latest?date={}{query}", day())
}

#[tokio::test]
async fn the_latest_rate_of_each_pair_is_listed_once_with_the_stale_ones_flagged() {
    let app = TestApp::spawn().await;
    store(&app, days_before(10), ("USD", "THB"), "35.1").await;
    store(&app, days_before(1), ("USD", "THB"), "35.45").await;
    store(&app, day() + Days::new(1), ("USD", "THB"), "99").await;
    store(&app, days_before(7), ("EUR", "THB"), "38.2").await;
    store(&app, days_before(6), ("USD", "CNY"), "7.1").await;
    let viewer = app.signed_in(Role::Viewer).await;
    let list = body(viewer.get(&app, "/rates").await).await;
    assert!(
        links(&list).contains(&"/rates/latest".to_owned()),
        "the list links to the summary: {list}"
    );
    let res = viewer.get(&app, &latest_url("")).await;
    assert_eq!(res.status(), 200);
    let page = body(res).await;
    assert_eq!(table_rows(&page, "stored-rates").len(), 3, "{page}");
    let usd = row_of(&page, "stored-rates", "USD → THB");
    assert_eq!(
        usd[1], "35.45",
        "the latest on or before the day, not the later one"
    );
    assert_eq!(usd[2], shown(days_before(1)));
    assert_eq!(usd[3], "1 day old Current");
    assert_eq!(usd[4], "Test bank");
    let eur = row_of(&page, "stored-rates", "EUR → THB");
    assert_eq!(
        eur[3], "7 days old Stale",
        "a week without a new rate is stale"
    );
    let cny = row_of(&page, "stored-rates", "USD → CNY");
    assert_eq!(cny[3], "6 days old Current");
    assert!(page.contains("1 of 3 pairs is stale."), "{page}");
    assert!(
        links(&page).contains(&"/rates?from=USD&to=THB".to_owned()),
        "each pair links to its history"
    );
    assert!(
        !links(&page).iter().any(|l| l.starts_with("/rates/new")),
        "a viewer is offered no new rate"
    );
    let acc = app.signed_in(Role::Accountant).await;
    let page = body(acc.get(&app, &latest_url("")).await).await;
    let offered: Vec<String> = links(&page)
        .into_iter()
        .filter(|l| l.starts_with("/rates/new"))
        .collect();
    assert_eq!(
        offered,
        vec!["/rates/new", "/rates/new?from=EUR&to=THB"],
        "a new rate, and one for the stale pair: {page}"
    );
    let form = body(acc.get(&app, "/rates/new?from=EUR&to=THB").await).await;
    let chosen = attributes(&form, "main select option[selected]", "value");
    assert_eq!(
        chosen,
        vec!["EUR", "THB"],
        "the form starts with the stale pair"
    );
    let form = body(acc.get(&app, "/rates/new?from=nonsense").await).await;
    let chosen = attributes(&form, "main select option[selected]", "value");
    assert_eq!(
        chosen,
        vec!["USD", "THB"],
        "what is no currency leaves the default"
    );
    // On another day, the same rates read differently.
    let earlier = body(viewer.get(&app, "/rates/latest?date=2030-06-07").await).await;
    let usd = row_of(&earlier, "stored-rates", "USD → THB");
    assert_eq!(
        (usd[1].as_str(), usd[3].as_str()),
        ("35.1", "2 days old Current")
    );
    assert_eq!(
        table_rows(&earlier, "stored-rates").len(),
        1,
        "no other rate yet that day"
    );
    let bad = viewer.get(&app, "/rates/latest?date=31/01/2030").await;
    assert_eq!(bad.status(), 400, "an unreadable day is a 400");
    assert!(body(bad).await.contains("The filter is not valid"));
}

#[tokio::test]
async fn inverse_and_cross_rates_are_computed_labelled_and_never_stored() {
    let app = TestApp::spawn().await;
    store(&app, days_before(1), ("USD", "THB"), "35.5").await;
    store(&app, days_before(3), ("USD", "CNY"), "7.1").await;
    let acc = app.signed_in(Role::Accountant).await;
    let page = body(acc.get(&app, &latest_url("")).await).await;
    let inverse = row_of(&page, "computed-rates", "THB → USD");
    assert_eq!(
        inverse[1], "0.02816901408",
        "1 / 35.5 to ten significant digits"
    );
    assert_eq!(inverse[2], shown(days_before(1)));
    assert_eq!(inverse[4], "Computed Inverse of USD → THB: 1 ÷ its rate");
    let cross = row_of(&page, "computed-rates", "CNY → THB");
    assert_eq!(cross[1], "5", "35.5 / 7.1");
    assert_eq!(cross[2], shown(days_before(3)), "the older leg's date");
    assert_eq!(
        cross[4],
        "Computed Cross rate via USD, from USD → CNY and USD → THB"
    );
    assert_eq!(row_of(&page, "computed-rates", "THB → CNY")[1], "0.2");
    assert_eq!(
        row_of(&page, "computed-rates", "CNY → USD")[1],
        "0.1408450704"
    );
    assert!(
        table_rows(&page, "computed-rates")
            .iter()
            .all(|r| r[0] != "USD → THB" && r[0] != "USD → CNY"),
        "a stored pair is not computed"
    );
    // Any pair on demand.
    let res = acc.get(&app, &latest_url("&from=CNY&to=THB")).await;
    assert_eq!(res.status(), 200);
    let lookup = body(res).await;
    assert!(
        lookup.contains("<strong>5</strong>")
            && lookup.contains("Cross rate via USD, from USD → CNY and USD → THB"),
        "{lookup}"
    );
    let lookup = body(acc.get(&app, &latest_url("&from=USD&to=THB")).await).await;
    assert!(
        lookup.contains("<strong>35.5</strong>") && lookup.contains("<dd>Stored rate</dd>"),
        "{lookup}"
    );
    let none = body(acc.get(&app, &latest_url("&from=KRW&to=THB")).await).await;
    assert!(none.contains("No rate links KRW and THB"), "{none}");
    let same = acc.get(&app, &latest_url("&from=THB&to=THB")).await;
    assert_eq!(same.status(), 422);
    assert!(
        body(same)
            .await
            .contains("Choose two different currencies.")
    );
    let half = acc.get(&app, &latest_url("&from=THB")).await;
    assert_eq!(half.status(), 422);
    assert!(body(half).await.contains("Choose both currencies."));
    let bad = acc.get(&app, &latest_url("&from=XYZ&to=THB")).await;
    assert_eq!(bad.status(), 400);
    assert_eq!(count_rates(&app).await, 2, "nothing computed is stored");
    let res = acc
        .post(&app, "/account/locale", &[("locale", "th"), ("back", "/")])
        .await;
    assert_eq!(res.status(), 303);
    let thai = body(acc.get(&app, &latest_url("")).await).await;
    let inverse = row_of(&thai, "computed-rates", "THB → USD");
    assert_eq!(
        inverse[4], "คำนวณ อัตรากลับของ USD → THB: 1 ÷ อัตรานั้น",
        "{thai}"
    );
}

#[tokio::test]
async fn a_rate_no_document_uses_is_deleted_after_confirming_and_the_deletion_is_audited() {
    let app = TestApp::spawn().await;
    let id = store(&app, days_before(2), ("USD", "THB"), "35.25").await;
    let keep = store(&app, days_before(1), ("USD", "THB"), "35.5").await;
    let acc = app.signed_in(Role::Accountant).await;
    let list = body(acc.get(&app, "/rates").await).await;
    assert!(
        links(&list).contains(&format!("/rates/{id}/delete")),
        "{list}"
    );
    let res = acc.get(&app, &format!("/rates/{id}/delete")).await;
    assert_eq!(res.status(), 200);
    let confirm = body(res).await;
    assert!(
        confirm.contains(&format!(
            "Delete the exchange rate USD → THB of {} (35.25)?",
            shown(days_before(2))
        )),
        "{confirm}"
    );
    assert!(
        post_actions(&confirm).contains(&format!("/rates/{id}/delete")),
        "{confirm}"
    );
    assert!(confirm.contains(">Cancel</a>") && links(&confirm).contains(&"/rates".to_owned()));
    assert!(
        attributes(&confirm, "script:not([src])", "type").is_empty()
            && !confirm.contains("<script>")
            && !confirm.contains("onclick"),
        "the confirmation needs no script of its own"
    );
    assert_eq!(count_rates(&app).await, 2, "asking deletes nothing");
    let res = acc.post(&app, &format!("/rates/{id}/delete"), &[]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(location(&res), "/rates");
    let list = body(acc.get(&app, "/rates").await).await;
    assert!(
        list.contains(&format!(
            "Exchange rate USD → THB of {} deleted.",
            shown(days_before(2))
        )),
        "{list}"
    );
    assert!(!list.contains("35.25"), "{list}");
    let remaining: Vec<i64> = app
        .with_db(|conn| {
            rates_table::table
                .select(rates_table::id)
                .load(conn)
                .expect("ids")
        })
        .await;
    assert_eq!(remaining, vec![keep.0], "only the one rate is gone");
    let audit: Vec<(Option<String>, Option<String>, Option<String>)> = app
        .with_db(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("exchange-rate.delete"))
                .select((
                    audit_log::entity_id,
                    audit_log::before_json,
                    audit_log::after_json,
                ))
                .load(conn)
                .expect("audit rows")
        })
        .await;
    assert_eq!(audit.len(), 1, "{audit:?}");
    let (entity, before, after) = &audit[0];
    assert_eq!(entity.as_deref(), Some(id.0.to_string().as_str()));
    let before = before.clone().unwrap_or_default();
    assert!(
        before.contains("\"rate\":\"35.25\"") && before.contains("\"from\":\"USD\""),
        "the audit keeps the rate deleted: {before}"
    );
    assert_eq!(after, &None);
    let again = acc.post(&app, &format!("/rates/{id}/delete"), &[]).await;
    assert_eq!(again.status(), 404, "a deleted rate is gone");
    assert_eq!(
        acc.get(&app, &format!("/rates/{id}/delete")).await.status(),
        404
    );
}

#[tokio::test]
async fn a_locked_rate_is_refused_with_the_reason_and_stays() {
    let app = TestApp::spawn().await;
    let id = store(&app, days_before(2), ("USD", "THB"), "35.25").await;
    app.with_db(move |conn| {
        diesel::update(rates_table::table.find(id.0))
            .set(rates_table::locked.eq(true))
            .execute(conn)
            .expect("locking the rate")
    })
    .await;
    let manager = app.signed_in(Role::Manager).await;
    let list = body(manager.get(&app, "/rates").await).await;
    assert!(
        !links(&list).contains(&format!("/rates/{id}/delete")),
        "{list}"
    );
    assert!(list.contains("Locked"));
    let res = manager.get(&app, &format!("/rates/{id}/delete")).await;
    assert_eq!(res.status(), 409);
    let page = body(res).await;
    assert!(
        page.contains("This rate is locked: a posted journal entry uses it."),
        "{page}"
    );
    assert!(
        !post_actions(&page).contains(&format!("/rates/{id}/delete")),
        "no Delete button: {page}"
    );
    let res = manager
        .post(&app, &format!("/rates/{id}/delete"), &[])
        .await;
    assert_eq!(res.status(), 409);
    assert!(
        body(res)
            .await
            .contains("This rate is locked: a posted journal entry uses it.")
    );
    assert_eq!(count_rates(&app).await, 1, "the locked rate stays");
    let audited: i64 = app
        .with_db(|conn| {
            audit_log::table
                .filter(audit_log::action.eq("exchange-rate.delete"))
                .count()
                .get_result(conn)
                .expect("count")
        })
        .await;
    assert_eq!(audited, 0);
}

#[tokio::test]
async fn only_those_who_edit_rates_may_delete_one() {
    let app = TestApp::spawn().await;
    let id = store(&app, days_before(2), ("USD", "THB"), "35.25").await;
    for role in [Role::Viewer, Role::Sales, Role::Operations] {
        let who = app.signed_in(role).await;
        let list = body(who.get(&app, "/rates").await).await;
        assert!(
            !links(&list).iter().any(|l| l.ends_with("/delete")),
            "{role}: {list}"
        );
        assert_eq!(
            who.get(&app, &format!("/rates/{id}/delete")).await.status(),
            403
        );
        let res = who.post(&app, &format!("/rates/{id}/delete"), &[]).await;
        assert_eq!(res.status(), 403, "{role}");
    }
    assert_eq!(count_rates(&app).await, 1);
}

#[tokio::test]
async fn the_rate_list_and_the_other_lists_have_numbered_pages() {
    let app = TestApp::spawn().await;
    app.with_db(|conn| {
        for n in 0..120 {
            crate::fixtures::exchange_rate(conn, days_before(n));
        }
        for n in 0..51 {
            crate::fixtures::guide(conn, &format!("Paged Guide {n:02}"));
        }
    })
    .await;
    let viewer = app.signed_in(Role::Viewer).await;
    let page = body(viewer.get(&app, "/rates?from=USD&page=2").await).await;
    assert!(
        page.contains("<span class=\"current\" aria-current=\"page\">2</span>"),
        "{page}"
    );
    let numbered = |html: &str| attributes(html, ".pager .pages a", "href");
    assert_eq!(
        numbered(&page),
        vec!["/rates?from=USD&page=1", "/rates?from=USD&page=3"],
        "the other pages, the filter kept: {page}"
    );
    assert!(page.contains("aria-label=\"Page 3\">3</a>"), "{page}");
    assert!(page.contains("Page 2 of 3"));
    let first = body(viewer.get(&app, "/rates").await).await;
    assert_eq!(numbered(&first), vec!["/rates?page=2", "/rates?page=3"]);
    let guides = body(viewer.get(&app, "/guides").await).await;
    assert_eq!(numbered(&guides), vec!["/guides?page=2"], "{guides}");
}

/// A headless Chromium with JavaScript switched off, so that a flow it completes needs none.
async fn browser_without_javascript(port: u16) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": crate::browser::CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1280,900"],
            "prefs": { "profile.managed_default_content_settings.javascript": 2 }
        }),
    );
    let mut tries = 0;
    loop {
        match fantoccini::ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => break c,
            Err(_) if tries < 100 => {
                tries += 1;
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
            }
            Err(e) => panic!("could not reach chromedriver: {e}"),
        }
    }
}

#[tokio::test]
async fn a_browser_without_javascript_cancels_and_confirms_a_deletion() {
    use fantoccini::Locator;
    let app = TestApp::spawn().await;
    let email = crate::harness::email_for(Role::Accountant);
    let password = crate::harness::password_for(Role::Accountant);
    app.add_user(&email, Role::Accountant, "Browser Accountant", &password)
        .await;
    let id = store(&app, days_before(2), ("EUR", "THB"), "38.25").await;
    let (_driver, port) = crate::browser::start_driver();
    let browser = browser_without_javascript(port).await;
    let delete_link = Locator::Css("a[href$='/delete']");
    let result = async {
        crate::browser::sign_in_as(&browser, &app, &email, &password).await?;
        browser.goto(&app.url("/rates")).await?;
        browser.find(delete_link).await?.click().await?;
        browser
            .wait()
            .for_element(Locator::Css("button.danger"))
            .await?;
        let question = browser.find(Locator::Css("main")).await?.text().await?;
        browser
            .find(Locator::LinkText("Cancel"))
            .await?
            .click()
            .await?;
        browser.wait().for_element(delete_link).await?;
        let after_cancel = browser.current_url().await?.path().to_owned();
        browser.find(delete_link).await?.click().await?;
        browser
            .wait()
            .for_element(Locator::Css("button.danger"))
            .await?
            .click()
            .await?;
        browser.wait().for_element(Locator::Css(".flash")).await?;
        let flash = browser.find(Locator::Css(".flash")).await?.text().await?;
        Ok::<_, fantoccini::error::CmdError>((question, after_cancel, flash))
    }
    .await;
    let _ = browser.close().await;
    let (question, after_cancel, flash) = result.expect("driving the browser");
    assert!(
        question.contains("Delete the exchange rate EUR → THB"),
        "{question}"
    );
    assert_eq!(after_cancel, "/rates", "Cancel leads back to the list");
    assert!(flash.contains("deleted"), "{flash}");
    let left = app
        .with_db(move |conn| exchange_rates::find(conn, id).expect("reading"))
        .await;
    assert!(left.is_none(), "confirmed, the rate is gone");
}
