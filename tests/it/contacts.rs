//! Contacts of suppliers and client agencies: several per party, validated, edited with an
//! audited before and after, archived, and only by those allowed to edit the party.

use tourdesk::domain::access::Role;

use tourdesk::db::master::contacts::Party;

use crate::fixtures::HotelBuilder;
use crate::harness::{TestApp, location};

async fn body(res: reqwest::Response) -> String {
    res.text().await.unwrap_or_default()
}

/// The ids of a party's live contacts, by name, as the database holds them.
async fn contact_ids(app: &TestApp, party: Party) -> Vec<i64> {
    app.with_db(move |conn| {
        tourdesk::db::master::contacts::of(conn, party)
            .expect("contacts")
            .into_iter()
            .map(|c| c.id.0)
            .collect()
    })
    .await
}

#[tokio::test]
async fn suppliers_and_agencies_keep_several_contacts() {
    let app = TestApp::spawn().await;
    let ops = app.signed_in(Role::Manager).await;
    let hotel = app
        .with_db(|conn| {
            HotelBuilder::new()
                .name("Chiang Mai Teak House")
                .insert(conn)
        })
        .await;
    let hotel_page = format!("/hotels/{hotel}");
    for (name, position, email) in [
        ("Khun Malee", "Reservations", "rsvn@teak.example"),
        ("Khun Somsak", "Sales manager", ""),
    ] {
        let res = ops
            .post(
                &app,
                &format!("/suppliers/{hotel}/contacts"),
                &[
                    ("name", name),
                    ("position", position),
                    ("phone", "+66 53 000 000"),
                    ("email", email),
                ],
            )
            .await;
        assert_eq!(res.status(), 303);
        assert_eq!(location(&res), hotel_page);
    }
    let res = ops
        .post(
            &app,
            &format!("/suppliers/{hotel}/contacts"),
            &[("name", "Bad"), ("email", "not-an-email")],
        )
        .await;
    assert_eq!(res.status(), 422);
    assert!(body(res).await.contains("Enter a valid e-mail address."));
    let res = ops
        .post(
            &app,
            &format!("/suppliers/{hotel}/contacts"),
            &[("name", " ")],
        )
        .await;
    assert_eq!(res.status(), 422);
    let page = body(ops.get(&app, &hotel_page).await).await;
    assert!(
        page.contains("Khun Malee")
            && page.contains("Khun Somsak")
            && page.contains("rsvn@teak.example"),
        "{page}"
    );
    assert!(!page.contains(">Bad<"), "a refused contact was written");
    let ids = contact_ids(&app, Party::Supplier(hotel)).await;
    assert_eq!(ids.len(), 2, "{ids:?}");

    let res = ops
        .post(
            &app,
            &format!("/supplier-contacts/{}", ids[0]),
            &[
                ("name", "Khun Malee S."),
                ("position", "Front office"),
                ("email", "MALEE@teak.example"),
            ],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = body(ops.get(&app, &hotel_page).await).await;
    assert!(page.contains("Khun Malee S.") && page.contains("malee@teak.example"));
    let res = ops
        .post(&app, &format!("/supplier-contacts/{}/archive", ids[1]), &[])
        .await;
    assert_eq!(res.status(), 200, "archiving asks first");
    let res = ops
        .post(
            &app,
            &format!("/supplier-contacts/{}/archive", ids[1]),
            &[("confirmed", "yes")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let restore = format!("/supplier-contacts/{}/restore", ids[1]);
    let page = body(ops.get(&app, &hotel_page).await).await;
    assert!(
        page.contains("Khun Somsak") && page.contains(&restore),
        "an archived contact is listed as archived, with Restore: {page}"
    );
    assert_eq!(ops.post(&app, &restore, &[]).await.status(), 303);
    let page = body(ops.get(&app, &hotel_page).await).await;
    assert!(!page.contains(&restore), "the contact is live again");

    let sales = app.signed_in(Role::Sales).await;
    assert_eq!(sales.get(&app, &hotel_page).await.status(), 200);
    assert_eq!(
        sales
            .post(
                &app,
                &format!("/suppliers/{hotel}/contacts"),
                &[("name", "Nope")]
            )
            .await
            .status(),
        403
    );
    let viewer = app.signed_in(Role::Viewer).await;
    assert_eq!(
        viewer
            .get(&app, &format!("/supplier-contacts/{}/edit", ids[0]))
            .await
            .status(),
        403
    );

    let agency = app
        .with_db(|conn| crate::fixtures::agency(conn, "Dragon Holidays"))
        .await;
    let res = ops
        .post(
            &app,
            &format!("/agencies/{agency}/contacts"),
            &[("name", "Ms Li Wei"), ("position", "Operations")],
        )
        .await;
    assert_eq!(res.status(), 303);
    let page = body(ops.get(&app, &format!("/agencies/{agency}")).await).await;
    assert!(page.contains("Ms Li Wei"), "{page}");
    // A supplier's contact cannot be reached through the agency routes.
    assert_eq!(
        ops.get(&app, &format!("/agency-contacts/{}/edit", ids[0]))
            .await
            .status(),
        404
    );

    let admin = app.signed_in(Role::Admin).await;
    let audit = body(admin.get(&app, "/audit?action=contact.update").await).await;
    assert!(
        audit.contains("Reservations") && audit.contains("Front office"),
        "before and after: {audit}"
    );
}
