//! Master data in Debian's headless Chromium: an accountant reads a client agency's page with its
//! contacts and no way to change it; operations archive a room type through the confirmation
//! dialog (Cancel changes nothing, Archive does) and restore it; a refused season keeps its
//! form's layout.

use fantoccini::{Client, Locator};
use tourdesk::db::master::contacts::Party;
use tourdesk::domain::access::Role;

use crate::browser::{connect, sign_in_as, start_driver};
use crate::fixtures::{HotelBuilder, agency, contact, room_type};
use crate::harness::{TestApp, email_for, password_for};

async fn sign_in(
    browser: &Client,
    app: &TestApp,
    role: Role,
) -> Result<(), fantoccini::error::CmdError> {
    sign_in_as(browser, app, &email_for(role), &password_for(role)).await
}

async fn sign_out(browser: &Client) -> Result<(), fantoccini::error::CmdError> {
    browser
        .find(Locator::Css("form[action='/sign-out'] button"))
        .await?
        .click()
        .await?;
    browser
        .wait()
        .for_element(Locator::Css("input[name=email]"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn an_accountant_reads_a_client_and_operations_archive_through_the_confirmation_dialog() {
    let app = TestApp::spawn().await;
    for (role, name) in [
        (Role::Accountant, "Browser Accountant"),
        (Role::Operations, "Browser Ops"),
    ] {
        app.add_user(&email_for(role), role, name, &password_for(role))
            .await;
    }
    let (client, hotel, twin) = app
        .with_db(|c| {
            let client = agency(c, "Golden Dragon Travel");
            contact(c, Party::Agency(client), "Ms Li Wei");
            let hotel = HotelBuilder::new().name("Dialog Hotel").insert(c);
            let twin = room_type(c, hotel, "Garden twin");
            (client, hotel, twin)
        })
        .await;
    let (_driver, port) = start_driver();
    let browser = connect(port).await;
    let result = async {
        // An accountant: the list links to the read-only page, with the contacts and no Edit.
        sign_in(&browser, &app, Role::Accountant).await?;
        browser.goto(&app.url("/agencies")).await?;
        browser
            .find(Locator::LinkText("Golden Dragon Travel"))
            .await?
            .click()
            .await?;
        browser
            .wait()
            .for_element(Locator::Css("#contacts"))
            .await?;
        let url = browser.current_url().await?;
        let page = browser.find(Locator::Css("main")).await?.text().await?;
        let edit_links = browser
            .find_all(Locator::Css(&format!("a[href='/agencies/{client}/edit']")))
            .await?
            .len();
        let archive_forms = browser
            .find_all(Locator::Css("form[data-confirm]"))
            .await?
            .len();
        sign_out(&browser).await?;

        // Operations: Archive opens the dialog; Cancel leaves the room type live.
        sign_in(&browser, &app, Role::Operations).await?;
        browser.goto(&app.url(&format!("/hotels/{hotel}"))).await?;
        let archive = format!("form[action='/room-types/{twin}/archive'] button");
        browser.find(Locator::Css(&archive)).await?.click().await?;
        browser
            .wait()
            .for_element(Locator::Css("dialog[open] #confirm"))
            .await?;
        let question = browser
            .find(Locator::Css("dialog[open] h1"))
            .await?
            .text()
            .await?;
        let png = browser.screenshot().await?;
        browser
            .find(Locator::Css("dialog[open] [data-cancel]"))
            .await?
            .click()
            .await?;
        let still_open = browser.find_all(Locator::Css("dialog[open]")).await?.len();
        let after_cancel = browser
            .find_all(Locator::Css(&format!(
                "form[action='/room-types/{twin}/restore']"
            )))
            .await?
            .len();
        // Archive again and confirm: the room type is archived and offers Restore.
        browser.find(Locator::Css(&archive)).await?.click().await?;
        browser
            .wait()
            .for_element(Locator::Css("dialog[open] button[type=submit]"))
            .await?
            .click()
            .await?;
        let restore = format!("form[action='/room-types/{twin}/restore'] button");
        browser.wait().for_element(Locator::Css(&restore)).await?;
        let flash = browser.find(Locator::Css(".flash")).await?.text().await?;
        browser.find(Locator::Css(&restore)).await?.click().await?;
        browser.wait().for_element(Locator::Css(&archive)).await?;
        // A refused season keeps its form's layout: the errors sit under their fields.
        let form = "form[action$='/rates']";
        for (name, value) in [
            ("season", "High"),
            ("starts_on", "02/01/2031"),
            ("ends_on", "01/01/2031"),
            ("rate", "a lot"),
        ] {
            browser
                .find(Locator::Css(&format!("{form} input[name={name}]")))
                .await?
                .send_keys(value)
                .await?;
        }
        browser
            .find(Locator::Css(&format!("{form} button[type=submit]")))
            .await?
            .click()
            .await?;
        browser
            .wait()
            .for_element(Locator::Css(&format!("{form} .field-error")))
            .await?;
        let mut tops = Vec::new();
        for name in ["season", "starts_on", "ends_on", "rate"] {
            let input = browser
                .find(Locator::Css(&format!("{form} input[name={name}]")))
                .await?;
            tops.push(input.rectangle().await?.1);
        }
        let errors = browser
            .find_all(Locator::Css(&format!("{form} .field-error")))
            .await?
            .len();
        let form_png = browser.screenshot().await?;
        Ok::<_, fantoccini::error::CmdError>((
            url,
            page,
            edit_links,
            archive_forms,
            question,
            png,
            still_open,
            after_cancel,
            flash,
            (tops, errors, form_png),
        ))
    }
    .await;
    let _ = browser.close().await;
    let (
        url,
        page,
        edit_links,
        archive_forms,
        question,
        png,
        still_open,
        after_cancel,
        flash,
        form,
    ) = result.expect("driving the browser");
    let (tops, errors, form_png) = form;
    assert!(errors >= 2, "the refused fields say why");
    assert!(
        tops.iter().all(|t| (t - tops[0]).abs() < 1.0),
        "the inputs of the refused form stay on one line: {tops:?}"
    );
    assert!(
        url.as_str().ends_with(&format!("/agencies/{client}")),
        "{url}"
    );
    assert!(
        page.contains("Ms Li Wei"),
        "the contacts are on the page: {page}"
    );
    assert_eq!(
        (edit_links, archive_forms),
        (0, 0),
        "an accountant cannot change a client"
    );
    assert!(
        question.contains("Garden twin"),
        "the dialog names it: {question}"
    );
    assert_eq!(
        (still_open, after_cancel),
        (0, 0),
        "Cancel closes and changes nothing"
    );
    assert!(flash.contains("archived"), "{flash}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot directory");
    std::fs::write(dir.join("archive-dialog.png"), png).expect("saving the screenshot");
    std::fs::write(dir.join("refused-season.png"), form_png).expect("saving the screenshot");
}
