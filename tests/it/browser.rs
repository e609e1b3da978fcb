//! Browser tests in Debian's headless Chromium: sign in, switch to Thai, see Thai navigation;
//! import a hotel rate sheet through the upload form and see its rates.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{ClientBuilder, Locator};
use tourdesk::domain::access::Role;
use tourdesk::domain::locale::Locale;

use crate::harness::{TestApp, email_for, password_for};

pub(crate) const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub(crate) struct Driver(Child);

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

pub(crate) fn start_driver() -> (Driver, u16) {
    assert!(
        std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists(),
        "browser tests need Debian's Chromium: apt-get install chromium chromium-driver \
         (scripts/test.sh installs them when run as root)"
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("port");
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("starting chromedriver");
    (Driver(child), port)
}

pub(crate) async fn connect(port: u16) -> fantoccini::Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1280,900"]
        }),
    );
    let started = Instant::now();
    loop {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => break c,
            Err(_) if started.elapsed() < Duration::from_secs(20) => {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("could not reach chromedriver: {e}"),
        }
    }
}

/// Signs in through the sign-in page and waits for the navigation.
pub(crate) async fn sign_in_as(
    browser: &fantoccini::Client,
    app: &TestApp,
    email: &str,
    password: &str,
) -> Result<(), fantoccini::error::CmdError> {
    browser.goto(&app.url("/sign-in")).await?;
    browser
        .find(Locator::Css("input[name=email]"))
        .await?
        .send_keys(email)
        .await?;
    browser
        .find(Locator::Css("input[name=password]"))
        .await?
        .send_keys(password)
        .await?;
    browser
        .find(Locator::Css("button[type=submit].primary"))
        .await?
        .click()
        .await?;
    browser
        .wait()
        .for_element(Locator::Css("nav.areas"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn import_a_rate_sheet_through_the_upload_form_and_see_the_rates() {
    let app = TestApp::spawn().await;
    app.add_user(
        &email_for(Role::Operations),
        Role::Operations,
        "Browser Ops",
        &password_for(Role::Operations),
    )
    .await;
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("rates.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows = [
        [
            "Hotel",
            "City",
            "Currency",
            "Room type",
            "Category",
            "Season",
            "From",
            "To",
            "Rate per room-night",
        ],
        [
            "Mekong Browser Hotel",
            "Hanoi",
            "VND",
            "Deluxe double",
            "double",
            "Tet",
            "2027-01-20",
            "2027-02-20",
            "2150000",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            ws.write_string(r as u32, c as u16, *cell).expect("cell");
        }
    }
    wb.save(&file).expect("saving the sheet");
    let (_driver, port) = start_driver();
    let browser = connect(port).await;
    let result = async {
        sign_in_as(
            &browser,
            &app,
            &email_for(Role::Operations),
            &password_for(Role::Operations),
        )
        .await?;
        browser.goto(&app.url("/imports/hotels")).await?;
        browser
            .find(Locator::Css("input[type=file]"))
            .await?
            .send_keys(&file.display().to_string())
            .await?;
        browser
            .find(Locator::Css("form[enctype] button[type=submit]"))
            .await?
            .click()
            .await?;
        browser
            .wait()
            .for_element(Locator::Css("table.preview"))
            .await?;
        let preview = browser.find(Locator::Css("main")).await?.text().await?;
        let png = browser.screenshot().await?;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::create_dir_all(&dir).expect("screenshot directory");
        std::fs::write(dir.join("import-preview.png"), png).expect("saving the screenshot");
        browser
            .find(Locator::Css("form[action$=commit] button"))
            .await?
            .click()
            .await?;
        browser.wait().for_element(Locator::Css(".flash")).await?;
        browser
            .find(Locator::LinkText("Mekong Browser Hotel"))
            .await?
            .click()
            .await?;
        browser
            .wait()
            .for_element(Locator::Css("#room-types"))
            .await?;
        let rates = browser
            .find(Locator::Css("#room-types"))
            .await?
            .text()
            .await?;
        let png = browser.screenshot().await?;
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
        std::fs::write(dir.join("hotel-rates.png"), png).expect("saving the screenshot");
        Ok::<_, fantoccini::error::CmdError>((preview, rates))
    }
    .await;
    let _ = browser.close().await;
    let (preview, rates) = result.expect("driving the browser");
    assert!(preview.contains("1 new"), "{preview}");
    assert!(
        rates.contains("2,150,000 VND") && rates.contains("Tet"),
        "{rates}"
    );
}

#[tokio::test]
async fn sign_in_switch_to_thai_and_see_thai_navigation() {
    let app = TestApp::spawn().await;
    app.add_user(
        &email_for(Role::Admin),
        Role::Admin,
        "Browser Admin",
        &password_for(Role::Admin),
    )
    .await;
    let (_driver, port) = start_driver();

    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1280,900"]
        }),
    );
    let started = Instant::now();
    let browser = loop {
        match ClientBuilder::native()
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(c) => break c,
            Err(e) if started.elapsed() < Duration::from_secs(20) => {
                let _ = e;
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            Err(e) => panic!("could not reach chromedriver: {e}"),
        }
    };

    let result = async {
        sign_in_as(
            &browser,
            &app,
            &email_for(Role::Admin),
            &password_for(Role::Admin),
        )
        .await?;
        browser
            .find(Locator::Css("#locale-select"))
            .await?
            .select_by_value("th")
            .await?;
        browser
            .find(Locator::Css(".lang-switch button"))
            .await?
            .click()
            .await?;
        browser
            .wait()
            .for_element(Locator::Css("html[lang=th]"))
            .await?;
        let nav = browser
            .find(Locator::Css("nav.areas"))
            .await?
            .text()
            .await?;
        let png = browser.screenshot().await?;
        Ok::<_, fantoccini::error::CmdError>((nav, png))
    }
    .await;
    let _ = browser.close().await;
    let (nav, png) = result.expect("driving the browser");

    let i18n = tourdesk::i18n::I18n::load().expect("locales");
    let thai_dashboard = i18n.t(Locale::Th, "nav-dashboard", &[]);
    assert!(
        nav.contains(&thai_dashboard),
        "navigation is not in Thai: {nav:?}"
    );
    assert_ne!(
        thai_dashboard, "nav-dashboard",
        "the Thai locale lacks nav-dashboard"
    );
    assert_ne!(thai_dashboard, i18n.t(Locale::En, "nav-dashboard", &[]));
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot directory");
    std::fs::write(dir.join("dashboard-thai.png"), png).expect("saving the screenshot");
}
