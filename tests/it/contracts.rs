//! Hotel contracts through the hotel's page: validity, rate terms, peak surcharges, allotments
//! and the price check; what each rule refuses; archived items restored under the same rules.

use tourdesk::domain::access::Role;

use crate::fixtures::{HotelBuilder, room_rate, room_type};
use crate::harness::{Session, TestApp, location};

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap_or_default()
}

async fn post_ok(s: &Session, app: &TestApp, path: &str, form: &[(&str, &str)]) {
    let res = s.post(app, path, form).await;
    let status = res.status();
    assert_eq!(status, 303, "{path}: {}", body(res).await);
}

async fn refused(s: &Session, app: &TestApp, path: &str, form: &[(&str, &str)]) -> String {
    let res = s.post(app, path, form).await;
    assert_eq!(res.status(), 422, "{path} should be refused");
    body(res).await
}

fn day(m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2031, m, d).expect("date")
}

/// A rate form for 2031 with `extra` fields.
fn rate<'a>(room: &'a str, from: &'a str, to: &'a str, amount: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("room_type", room),
        ("season", "High"),
        ("starts_on", from),
        ("ends_on", to),
        ("rate", amount),
        ("currency", "THB"),
    ]
}

#[tokio::test]
async fn a_contract_prices_a_stay_from_its_seasons_peaks_and_supplements() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let hotel = app
        .with_db(|c| HotelBuilder::new().name("Contract Palace").insert(c))
        .await;
    let page = format!("/hotels/{hotel}");
    post_ok(
        &ops,
        &app,
        &format!("{page}/room-types"),
        &[
            ("name", "Deluxe"),
            ("kind", "double"),
            ("max_occupancy", "3"),
        ],
    )
    .await;
    let room = app
        .with_db(move |c| {
            tourdesk::db::master::rooms::room_types_of(c, hotel).expect("room types")[0]
                .id
                .to_string()
        })
        .await;

    // The contract's dates first; a validity that ends before it starts is refused.
    let contract = format!("{page}/contract");
    let html = refused(
        &ops,
        &app,
        &contract,
        &[("valid_from", "2031-12-31"), ("valid_to", "2031-01-01")],
    )
    .await;
    assert!(html.contains("must end on or after"), "{html}");
    post_ok(
        &ops,
        &app,
        &contract,
        &[
            ("reference", "CP-2031"),
            ("valid_from", "2031-01-01"),
            ("valid_to", "2031-12-31"),
        ],
    )
    .await;

    // A season outside the contract, a 0.00 rate not marked complimentary, a child rate
    // without its ages: each refused with its reason.
    let rates = format!("{page}/rates");
    let html = refused(
        &ops,
        &app,
        &rates,
        &rate(&room, "2030-12-01", "2031-03-31", "2000"),
    )
    .await;
    assert!(
        html.contains("outside the hotel&#x27;s contract")
            || html.contains("outside the hotel's contract"),
        "{html}"
    );
    let html = refused(
        &ops,
        &app,
        &rates,
        &rate(&room, "2031-01-01", "2031-03-31", "0"),
    )
    .await;
    assert!(html.contains("must be marked complimentary"), "{html}");
    let mut form = rate(&room, "2031-01-01", "2031-03-31", "2000");
    form.push(("child_from", "4"));
    let html = refused(&ops, &app, &rates, &form).await;
    assert!(html.contains("Give the child rate"), "{html}");

    // The season with all its terms, and a complimentary one after it.
    let mut form = rate(&room, "2031-01-01", "2031-06-30", "3,000.00");
    form.extend([
        ("min_nights", "2"),
        ("extra_bed", "800"),
        ("child_rate", "500"),
        ("child_from", "4"),
        ("child_to", "11"),
        ("breakfast", "extra"),
        ("breakfast_price", "350"),
        ("single_supplement", "1200"),
    ]);
    post_ok(&ops, &app, &rates, &form).await;
    let mut free = rate(&room, "2031-07-01", "2031-07-31", "0");
    free.push(("complimentary", "on"));
    post_ok(&ops, &app, &rates, &free).await;

    // Songkran on top of the season, for every room type; an overlapping peak is refused.
    let peaks = format!("{page}/peaks");
    let songkran = [
        ("name", "Songkran"),
        ("room_type", ""),
        ("starts_on", "2031-04-12"),
        ("ends_on", "2031-04-16"),
        ("amount", "500"),
        ("currency", "THB"),
    ];
    post_ok(&ops, &app, &peaks, &songkran).await;
    let mut clash = songkran.to_vec();
    clash[0] = ("name", "Water festival");
    clash[1] = ("room_type", room.as_str());
    let html = refused(&ops, &app, &peaks, &clash).await;
    assert!(html.contains("Overlaps Songkran"), "{html}");

    // Narrowing the contract past a live rate is refused.
    let html = refused(
        &ops,
        &app,
        &contract,
        &[("valid_from", "2031-02-01"), ("valid_to", "2031-12-31")],
    )
    .await;
    assert!(html.contains("lies outside these dates"), "{html}");

    // Two adults, a 7-year-old, an extra bed and breakfast, 11–13 April: one plain night and
    // two Songkran nights. Per night: 3,000 + 800 + 500 + 2 × 350 = 5,000; Songkran +500.
    let price = |query: &str| format!("{page}/price?room_type={room}&{query}");
    let html = body(
        ops.get(
            &app,
            &price("check_in=2031-04-11&nights=3&adults=2&child_ages=7&extra_beds=1&breakfast=on"),
        )
        .await,
    )
    .await;
    for line in [
        "Room, High",
        "Extra bed",
        "Child, 7 years",
        "Breakfast, 2 persons",
        "Peak surcharge: Songkran",
        "5,000.00 THB",
        "5,500.00 THB",
        "16,000.00 THB",
    ] {
        assert!(html.contains(line), "{line} missing: {html}");
    }
    // A lone adult pays the single supplement; one night is too short for the season.
    let html = body(
        ops.get(&app, &price("check_in=2031-05-01&nights=2&adults=1"))
            .await,
    )
    .await;
    assert!(
        html.contains("Single supplement") && html.contains("8,400.00 THB"),
        "{html}"
    );
    let html = body(
        ops.get(&app, &price("check_in=2031-05-01&nights=1&adults=2"))
            .await,
    )
    .await;
    assert!(html.contains("High asks for 2 nights at least"), "{html}");
    let html = body(
        ops.get(&app, &price("check_in=2031-08-01&nights=1&adults=2"))
            .await,
    )
    .await;
    assert!(html.contains("No rate covers"), "{html}");
    let html = body(
        ops.get(
            &app,
            &price("check_in=2031-07-02&nights=1&adults=2&child_ages=x"),
        )
        .await,
    )
    .await;
    assert!(html.contains("whole numbers from 0 to 17"), "{html}");

    // Allotments: ten rooms a night released 14 days before; an overlapping one is refused.
    let allotments = format!("{page}/allotments");
    let held = [
        ("room_type", room.as_str()),
        ("starts_on", "2031-01-01"),
        ("ends_on", "2031-03-31"),
        ("rooms", "10"),
        ("release_days", "14"),
    ];
    post_ok(&ops, &app, &allotments, &held).await;
    let mut overlap = held.to_vec();
    overlap[1] = ("starts_on", "2031-03-01");
    overlap[2] = ("ends_on", "2031-04-30");
    let html = refused(&ops, &app, &allotments, &overlap).await;
    assert!(html.contains("Overlaps Deluxe"), "{html}");

    // Peaks and allotments are edited under the rules they were added with.
    let (peak_id, allotment_id) = app
        .with_db(move |c| {
            use tourdesk::db::master::contracts;
            (
                contracts::peaks_of(c, hotel).expect("peaks")[0].id,
                contracts::allotments_of(c, hotel).expect("allotments")[0].id,
            )
        })
        .await;
    let peak_page = format!("/peaks/{peak_id}");
    let form = body(ops.get(&app, &format!("{peak_page}/edit")).await).await;
    assert!(form.contains("value=\"Songkran\""), "{form}");
    let mut edited = songkran.to_vec();
    edited.remove(1);
    edited[3] = ("amount", "0.005");
    let html = refused(&ops, &app, &peak_page, &edited).await;
    assert!(html.contains("Too many digits"), "{html}");
    edited[3] = ("amount", "600");
    post_ok(&ops, &app, &peak_page, &edited).await;
    let allotment_page = format!("/allotments/{allotment_id}");
    let bad = [
        ("starts_on", "2031-01-01"),
        ("ends_on", "2031-03-31"),
        ("rooms", "0"),
        ("release_days", "14"),
    ];
    refused(&ops, &app, &allotment_page, &bad).await;
    let mut good = bad.to_vec();
    good[2] = ("rooms", "12");
    post_ok(&ops, &app, &allotment_page, &good).await;

    let html = body(
        ops.get(&app, &price("check_in=2031-02-10&nights=2&adults=2"))
            .await,
    )
    .await;
    assert!(
        html.contains(
            "holds 12 rooms of this type on Feb 10, 2031, until its release on Jan 27, 2031"
        ),
        "{html}"
    );

    // The rate's edit form carries its terms and changes them under the same rules.
    let rate_id = app
        .with_db(move |c| {
            tourdesk::db::master::rooms::rates_of(c, hotel).expect("rates")[0]
                .id
                .to_string()
        })
        .await;
    let edit = format!("/room-rates/{rate_id}");
    let form = body(ops.get(&app, &format!("{edit}/edit")).await).await;
    assert!(
        form.contains("value=\"800.00\"") && form.contains("value=\"4\""),
        "{form}"
    );
    let mut changed = rate(&room, "2031-01-01", "2031-06-30", "3000");
    changed.extend([("extra_bed", "900"), ("min_nights", "0")]);
    let html = refused(&ops, &app, &edit, &changed).await;
    assert!(html.contains("from 1 to 60"), "{html}");
    changed.pop();
    post_ok(&ops, &app, &edit, &changed).await;
    let terms = app
        .with_db(move |c| tourdesk::db::master::rooms::rates_of(c, hotel).expect("rates")[0].terms)
        .await;
    assert_eq!(
        (terms.extra_bed, terms.child, terms.min_nights),
        (Some(90_000), None, 1)
    );

    let shown = body(ops.get(&app, &page).await).await;
    for text in [
        "CP-2031",
        "Songkran",
        "600.00 THB",
        "Extra bed 900.00 THB",
        "Complimentary",
    ] {
        assert!(
            shown.contains(text),
            "{text} missing on the hotel page: {shown}"
        );
    }
    // Sales may check a price but not change the contract.
    let sales = app.signed_in(Role::Sales).await;
    let res = sales
        .get(&app, &price("check_in=2031-04-11&nights=2&adults=2"))
        .await;
    assert_eq!(res.status(), 200);
    let res = sales.post(&app, &peaks, &songkran).await;
    assert_eq!(res.status(), 403);

    let actions: Vec<String> = app
        .with_db(|c| {
            use diesel::prelude::*;
            use tourdesk::db::schema::audit_log;
            audit_log::table
                .select(audit_log::action)
                .load(c)
                .expect("audit")
        })
        .await;
    for action in [
        "hotel-contract.create",
        "peak.create",
        "allotment.create",
        "room-rate.create",
    ] {
        assert!(
            actions.iter().any(|a| a == action),
            "{action} not audited: {actions:?}"
        );
    }
}

#[tokio::test]
async fn archived_items_come_back_only_when_their_rules_still_hold() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let (hotel, twin, rate) = app
        .with_db(|c| {
            let hotel = HotelBuilder::new().insert(c);
            let twin = room_type(c, hotel, "Twin");
            let rate = room_rate(c, twin, day(1, 1), day(3, 31));
            (hotel, twin, rate)
        })
        .await;
    // Archiving asks first: without confirmation the answer is the question, and nothing moves.
    let res = ops
        .post(&app, &format!("/room-types/{twin}/archive"), &[])
        .await;
    assert_eq!(res.status(), 200);
    let html = body(res).await;
    assert!(html.contains("name=\"confirmed\""), "{html}");
    let live = app
        .with_db(move |c| {
            tourdesk::db::master::rooms::rates_of(c, hotel)
                .expect("rates")
                .len()
        })
        .await;
    assert_eq!(live, 1, "an unconfirmed archive changes nothing");

    // Archiving the room type archives its rate; restoring it brings the rate back.
    post_ok(
        &ops,
        &app,
        &format!("/room-types/{twin}/archive"),
        &[("confirmed", "yes")],
    )
    .await;
    post_ok(&ops, &app, &format!("/room-types/{twin}/restore"), &[]).await;
    let live = app
        .with_db(move |c| {
            tourdesk::db::master::rooms::rates_of(c, hotel)
                .expect("rates")
                .len()
        })
        .await;
    assert_eq!(live, 1, "the rate came back with its room type");

    // A rate archived, then another season over its dates: the old one cannot come back.
    post_ok(
        &ops,
        &app,
        &format!("/room-rates/{rate}/archive"),
        &[("confirmed", "yes")],
    )
    .await;
    app.with_db(move |c| room_rate(c, twin, day(3, 1), day(4, 30)))
        .await;
    let res = ops
        .post(&app, &format!("/room-rates/{rate}/restore"), &[])
        .await;
    assert_eq!(res.status(), 409);
    let html = body(res).await;
    assert!(
        html.contains("These dates overlap"),
        "the reason is given: {html}"
    );

    // A room type archived, then its name taken: it cannot come back either.
    post_ok(
        &ops,
        &app,
        &format!("/room-types/{twin}/archive"),
        &[("confirmed", "yes")],
    )
    .await;
    app.with_db(move |c| room_type(c, hotel, "twin")).await;
    let res = ops
        .post(&app, &format!("/room-types/{twin}/restore"), &[])
        .await;
    assert_eq!(res.status(), 409);
    let html = body(res).await;
    assert!(html.contains("already has a room type"), "{html}");

    // A room type whose rates the contract no longer covers cannot come back with them.
    let (suite, _) = app
        .with_db(move |c| {
            let suite = room_type(c, hotel, "Suite");
            (suite, room_rate(c, suite, day(1, 1), day(3, 31)))
        })
        .await;
    post_ok(
        &ops,
        &app,
        &format!("/room-types/{suite}/archive"),
        &[("confirmed", "yes")],
    )
    .await;
    // With the twin's live rates archived too, a contract for 2030 is accepted, which leaves
    // Suite's archived 2031 rate outside it.
    post_ok(
        &ops,
        &app,
        &format!("/room-rates/{rate}/archive"),
        &[("confirmed", "yes")],
    )
    .await;
    let twin_rates = app
        .with_db(move |c| tourdesk::db::master::rooms::rates_of(c, hotel).expect("rates"))
        .await;
    for r in twin_rates {
        post_ok(
            &ops,
            &app,
            &format!("/room-rates/{}/archive", r.id),
            &[("confirmed", "yes")],
        )
        .await;
    }
    post_ok(
        &ops,
        &app,
        &format!("/hotels/{hotel}/contract"),
        &[("valid_from", "2030-04-01"), ("valid_to", "2030-12-31")],
    )
    .await;
    let res = ops
        .post(&app, &format!("/room-types/{suite}/restore"), &[])
        .await;
    assert_eq!(res.status(), 409);
    let html = body(res).await;
    assert!(html.contains("lies outside these dates"), "{html}");

    let hotel_page = location(
        &ops.post(
            &app,
            &format!("/hotels/{hotel}/archive"),
            &[("confirmed", "yes")],
        )
        .await,
    );
    assert_eq!(hotel_page, format!("/hotels/{hotel}"));
}

#[tokio::test]
async fn a_contract_ending_within_sixty_days_is_flagged_on_the_hotel_page() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let hotel = app.with_db(|c| HotelBuilder::new().insert(c)).await;
    let today = chrono::Utc::now().date_naive();
    let from = (today - chrono::Duration::days(300)).to_string();
    let soon = (today + chrono::Duration::days(30)).to_string();
    let later = (today + chrono::Duration::days(200)).to_string();
    let contract = format!("/hotels/{hotel}/contract");
    post_ok(
        &ops,
        &app,
        &contract,
        &[("valid_from", &from), ("valid_to", &soon)],
    )
    .await;
    let html = body(ops.get(&app, &format!("/hotels/{hotel}")).await).await;
    assert!(html.contains("renew it before"), "{html}");
    post_ok(
        &ops,
        &app,
        &contract,
        &[("valid_from", &from), ("valid_to", &later)],
    )
    .await;
    let html = body(ops.get(&app, &format!("/hotels/{hotel}")).await).await;
    assert!(!html.contains("renew it before"), "{html}");
}

#[tokio::test]
async fn a_rate_sheet_carries_the_contract_terms_and_blank_cells_keep_them() {
    use crate::imports::{preview, sheet};
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Operations).await;
    let header = vec![
        "Hotel",
        "City",
        "Currency",
        "Room type",
        "Category",
        "Season",
        "From",
        "To",
        "Rate per room-night",
        "Extra bed per night",
        "Child rate per night",
        "Child ages",
        "Breakfast",
        "Breakfast per person",
        "Single supplement",
        "Minimum nights",
        "Complimentary",
    ];
    let row = |rate: &'static str, terms: [&'static str; 8]| {
        let mut r = vec![
            "Terms Hotel",
            "Bangkok",
            "THB",
            "Deluxe",
            "double",
            "High",
            "2031-01-01",
            "2031-03-31",
            rate,
        ];
        r.extend(terms);
        r
    };
    let commit = |at: String| {
        let ops = &ops;
        let app = &app;
        async move {
            let res = ops.post(app, &format!("{at}/commit"), &[]).await;
            assert_eq!(res.status(), 303);
        }
    };
    let full = ["800", "500", "4-11", "extra", "350", "1200", "2", ""];
    let (at, page) = preview(
        &app,
        &ops,
        "hotels",
        sheet(&[header.clone(), row("3000", full)]),
    )
    .await;
    assert!(page.contains("1 new"), "{page}");
    commit(at).await;
    let stored = || {
        app.with_db(|c| {
            let hotel = tourdesk::db::master::suppliers::find_by_name(
                c,
                tourdesk::domain::master::suppliers::SupplierKind::Hotel,
                "Terms Hotel",
                "Bangkok",
            )
            .expect("query")
            .expect("the hotel");
            tourdesk::db::master::rooms::rates_of(c, hotel.id).expect("rates")[0].clone()
        })
    };
    let rate = stored().await;
    assert_eq!(rate.terms.extra_bed, Some(80_000));
    assert_eq!(
        rate.terms
            .child
            .map(|c| (c.minor, c.band.from_age, c.band.to_age)),
        Some((50_000, 4, 11))
    );
    assert_eq!(
        rate.terms.breakfast,
        tourdesk::domain::master::contracts::Breakfast::PerPerson(35_000)
    );
    assert_eq!(
        (rate.terms.single_supplement, rate.terms.min_nights),
        (Some(120_000), 2)
    );

    // Blank term cells keep what is stored; the marker clears the extra bed.
    let blank = ["-", "", "", "", "", "", "", ""];
    let (at, page) = preview(
        &app,
        &ops,
        "hotels",
        sheet(&[header.clone(), row("3000", blank)]),
    )
    .await;
    assert!(page.contains("1 changed"), "{page}");
    commit(at).await;
    let rate = stored().await;
    assert_eq!(rate.terms.extra_bed, None, "the marker cleared it");
    assert_eq!(
        rate.terms.single_supplement,
        Some(120_000),
        "a blank cell kept it"
    );
    assert_eq!(rate.terms.min_nights, 2);

    // 0.00 needs "complimentary"; bad child ages are refused with the column named.
    let (_, page) = preview(
        &app,
        &ops,
        "hotels",
        sheet(&[header.clone(), row("0", ["", "", "", "", "", "", "", ""])]),
    )
    .await;
    assert!(page.contains("must be marked complimentary"), "{page}");
    let (_, page) = preview(
        &app,
        &ops,
        "hotels",
        sheet(&[
            header.clone(),
            row("0", ["", "", "", "", "", "", "", "yes"]),
        ]),
    )
    .await;
    assert!(
        page.contains("1 changed") && !page.contains("must be marked"),
        "{page}"
    );
    let (_, page) = preview(
        &app,
        &ops,
        "hotels",
        sheet(&[header, row("3000", ["", "500", "11-4", "", "", "", "", ""])]),
    )
    .await;
    assert!(page.contains("such as 4-11"), "{page}");
}
