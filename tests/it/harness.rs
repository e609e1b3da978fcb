//! `TestApp::spawn()`: a fresh tenant (own temporary directory and database) served in-process
//! on its own port, with helpers to sign in as any role.

use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;

use reqwest::redirect::Policy;
use tourdesk::domain::access::Role;
use tourdesk::domain::currency::Currency;
use tourdesk::domain::ids::UserId;
use tourdesk::domain::locale::Locale;
use tourdesk::domain::slug::Slug;
use tourdesk::manifest::{Manifest, Tenant};
use tourdesk::provision::{self, NewStaff, NewTenant};

pub struct TestApp {
    /// Holds the tenant's data directory until the test ends.
    _dir: tempfile::TempDir,
    pub tenant: Tenant,
    pub addr: SocketAddr,
    pub host: String,
    server: actix_web::dev::ServerHandle,
    pg_url: Option<String>,
}

/// A unique slug per test, so parallel tests never meet.
pub fn unique_slug() -> String {
    format!("t{}", &tourdesk::security::random_token()[..10])
}

/// The PostgreSQL server to put tenant databases on, when the suite runs against it.
pub fn pg_base_url() -> Option<String> {
    let url = std::env::var("TOURDESK_TEST_PG_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    if !cfg!(feature = "postgres") {
        panic!(
            "TOURDESK_TEST_PG_URL is set but this test binary was built without --features postgres"
        );
    }
    Some(url.trim_end_matches('/').to_owned())
}

pub fn password_for(role: Role) -> String {
    format!("test-password-{}", role.as_str())
}

pub fn email_for(role: Role) -> String {
    format!("{}@test.local", role.as_str())
}

/// Provisions a tenant in `dir` the way `tourdesk tenant new` does.
pub fn provision_in(
    dir: &std::path::Path,
    slug: &str,
    port: u16,
) -> (PathBuf, Tenant, Option<String>) {
    let manifest_path = dir.join("tenants.toml");
    let pg_url = pg_base_url().map(|base| format!("{base}/td_{slug}"));
    let done = provision::create(
        &manifest_path,
        NewTenant {
            slug: Slug::parse(slug).expect("test slug"),
            name: format!("Test agency {slug}"),
            base_currency: Currency::parse("THB").expect("THB"),
            locale: Locale::En,
            port: Some(port),
            database_url: pg_url.clone(),
            admin_email: None,
            time_zone: None,
        },
    )
    .expect("provisioning the test tenant");
    (manifest_path, done.tenant, pg_url)
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        let dir = tempfile::tempdir().expect("temporary directory");
        let slug = unique_slug();
        let listener = TcpListener::bind("127.0.0.1:0").expect("binding a test port");
        let addr = listener.local_addr().expect("local address");
        let (manifest_path, tenant, pg_url) = {
            let dir = dir.path().to_path_buf();
            let slug = slug.clone();
            tokio::task::spawn_blocking(move || provision_in(&dir, &slug, addr.port()))
                .await
                .expect("provisioning task")
        };
        let manifest = Manifest::load(&manifest_path).expect("manifest");
        let state = tourdesk::web::state::AppState::open(&manifest, tenant.clone())
            .expect("opening the tenant");
        let server = tourdesk::web::server(state, listener, 1).expect("server");
        let handle = server.handle();
        tokio::spawn(server);
        TestApp {
            host: format!("{slug}.localhost"),
            _dir: dir,
            tenant,
            addr,
            server: handle,
            pg_url,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}:{}{}", self.host, self.addr.port(), path)
    }

    /// A client that keeps cookies, does not follow redirects, and reaches this tenant's host.
    pub fn client(&self) -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .resolve(&self.host, self.addr)
            .build()
            .expect("HTTP client")
    }

    /// Adds a staff member with a known password, as `tourdesk tenant user add` does.
    pub async fn add_user(&self, email: &str, role: Role, name: &str, password: &str) -> UserId {
        let tenant = self.tenant.clone();
        let (email, name, password) = (email.to_owned(), name.to_owned(), password.to_owned());
        tokio::task::spawn_blocking(move || {
            provision::add_user(
                &tenant,
                &NewStaff {
                    email: &email,
                    role,
                    display_name: Some(&name),
                    password: &password,
                },
            )
        })
        .await
        .expect("add user task")
        .expect("adding a user")
    }

    /// Adds a user of `role` and signs them in.
    pub async fn signed_in(&self, role: Role) -> Session {
        let id = self
            .add_user(
                &email_for(role),
                role,
                &format!("Test {role}"),
                &password_for(role),
            )
            .await;
        let mut session = self.sign_in(&email_for(role), &password_for(role)).await;
        session.user_id = id;
        session
    }

    /// Signs in through the form, as a browser does.
    pub async fn sign_in(&self, email: &str, password: &str) -> Session {
        let client = self.client();
        let csrf = self.form_token(&client, "/sign-in").await;
        let res = client
            .post(self.url("/sign-in"))
            .form(&[
                ("email", email),
                ("password", password),
                ("csrf_token", &csrf),
            ])
            .send()
            .await
            .expect("POST /sign-in");
        assert_eq!(
            res.status(),
            303,
            "sign-in of {email} failed: {}",
            res.text().await.unwrap_or_default()
        );
        let csrf = self.form_token(&client, "/").await;
        Session {
            client,
            csrf,
            user_id: UserId(0),
            password: password.to_owned(),
        }
    }

    /// Reads the CSRF token from the form on `path`.
    pub async fn form_token(&self, client: &reqwest::Client, path: &str) -> String {
        let body = client
            .get(self.url(path))
            .send()
            .await
            .expect("GET")
            .text()
            .await
            .expect("body");
        csrf_in(&body).unwrap_or_else(|| panic!("no csrf_token on {path}: {body}"))
    }

    /// Runs `f` with a database connection on the blocking pool.
    pub async fn with_db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut tourdesk::db::AnyConnection) -> T + Send + 'static,
    ) -> T {
        let tenant = self.tenant.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = provision::open(&tenant).expect("opening the test database");
            f(&mut conn)
        })
        .await
        .expect("database task")
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop accepting work and let the pool go before the database is dropped.
        drop(self.server.stop(false));
        if let Some(url) = self.pg_url.take() {
            let result =
                std::thread::spawn(move || tourdesk::db::backend::drop_postgres_database(&url))
                    .join();
            if let Ok(Err(e)) = result {
                eprintln!("could not drop a test database: {e:#}");
            }
        }
    }
}

/// A signed-in client with the CSRF token of its session.
pub struct Session {
    pub client: reqwest::Client,
    pub csrf: String,
    pub user_id: UserId,
    /// The password this session signed in with.
    pub password: String,
}

impl Session {
    pub async fn get(&self, app: &TestApp, path: &str) -> reqwest::Response {
        self.client.get(app.url(path)).send().await.expect("GET")
    }

    /// POSTs a form with the session's CSRF token added.
    pub async fn post(
        &self,
        app: &TestApp,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf_token", &self.csrf));
        self.client
            .post(app.url(path))
            .form(&form)
            .send()
            .await
            .expect("POST")
    }
}

pub fn csrf_in(html: &str) -> Option<String> {
    let marker = "name=\"csrf_token\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')?;
    Some(html[start..start + end].to_owned())
}

pub fn location(res: &reqwest::Response) -> String {
    res.headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The real `tourdesk` binary, for process-level tests.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_tourdesk"))
}
