//! The tenant process's web server: state, start-up checks, and the HTTP server.

pub mod activity;
pub mod admin;
pub mod agencies;
pub mod assets;
pub mod auth;
pub mod contacts;
pub mod dashboard;
pub mod error;
pub mod extract;
pub mod flash;
pub mod groups;
pub mod guides;
pub mod health;
pub mod imports;
pub mod kit;
pub mod middleware;
pub mod paths;
pub mod rates;
pub mod render;
pub mod routes;
pub mod state;
pub mod suppliers;
pub mod tours;

use actix_web::{App, HttpServer, web};
use anyhow::{Context, bail};
use std::net::TcpListener;
use std::sync::Arc;

use crate::db::{self, DbUrl, Pool};
use crate::i18n::I18n;
use crate::i18n::format::Formats;
use crate::manifest::{Manifest, Tenant};
use crate::provision;
use state::{AppState, State};

impl AppState {
    /// Opens the tenant's database and checks that its schema is current.
    pub fn open(manifest: &Manifest, tenant: Tenant) -> anyhow::Result<AppState> {
        let url = DbUrl::parse(&tenant.database_url)?;
        let mut conn = db::connect(&url)
            .with_context(|| format!("opening the database of tenant {}", tenant.slug))?;
        let pending = db::migrate::pending(&mut conn)?;
        if !pending.is_empty() {
            bail!(
                "the database of tenant {slug} has {n} pending migration(s) ({list}); \
                 run `tourdesk tenant migrate {slug}` first",
                slug = tenant.slug,
                n = pending.len(),
                list = pending.join(", ")
            );
        }
        provision::check_owner(&mut conn, &tenant)?;
        let time_zone = provision::time_zone(&mut conn, &tenant)?;
        drop(conn);
        let pool = db::pool(&url, 8).context("opening the connection pool")?;
        let secret = provision::read_secret(&tenant.data_dir)?;
        let cores = std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1);
        let i18n = Arc::new(I18n::load()?);
        Formats::load()?;
        Ok(AppState {
            templates: render::load_templates(i18n.clone())?,
            i18n,
            host: format!("{}.{}", tenant.slug, manifest.launcher.base_domain),
            cookie_name: format!("td_{}", tenant.slug),
            pool,
            time_zone: std::sync::RwLock::new(time_zone),
            time_zone_change: tokio::sync::Mutex::new(()),
            secret,
            security: manifest.security.clone(),
            hashing: tokio::sync::Semaphore::new(cores),
            trust_forwarded: std::env::var("TOURDESK_LAUNCHED").is_ok_and(|v| v == "1"),
            tenant,
        })
    }
}

/// Anything the route table does not know.
pub async fn not_found() -> Result<actix_web::HttpResponse, error::WebError> {
    Err(error::WebError::NotFound)
}

/// Serves the tenant on `listener` until SIGINT/SIGTERM, then drains in-flight requests.
pub async fn run(state: AppState, listener: TcpListener) -> anyhow::Result<()> {
    actix_web::rt::spawn(housekeeping(state.pool.clone()));
    // One event-loop thread is plenty for an agency's 10-30 users: database work and
    // password hashing run on the blocking pool, and hundreds of tenants share the cores.
    server(state, listener, 1)?.await.context("serving")
}

/// Removes expired rows (`db::housekeeping`) at start and then periodically.
async fn housekeeping(pool: Pool) {
    let mut tick = actix_web::rt::time::interval(db::housekeeping::EVERY);
    loop {
        tick.tick().await;
        let pool = pool.clone();
        let result = web::block(move || -> anyhow::Result<db::housekeeping::Pruned> {
            let mut conn = pool.get()?;
            Ok(db::housekeeping::run(&mut conn, db::now())?)
        })
        .await;
        match result {
            Ok(Ok(pruned)) if pruned != db::housekeeping::Pruned::default() => {
                tracing::info!(?pruned, "housekeeping");
            }
            Ok(Ok(_)) => {}
            Ok(Err(e)) => tracing::warn!("housekeeping: {e:#}"),
            Err(e) => tracing::warn!("housekeeping: {e}"),
        }
    }
}

/// The HTTP server for one tenant, not yet started: `run` awaits it; tests spawn it.
pub fn server(
    state: AppState,
    listener: TcpListener,
    workers: usize,
) -> anyhow::Result<actix_web::dev::Server> {
    let state = web::Data::new(state);
    Ok(HttpServer::new(move || app(state.clone()))
        .workers(workers)
        .shutdown_timeout(30)
        .listen(listener)
        .context("listening")?
        .run())
}

/// The application for one tenant, as the server and the tests build it.
pub fn app(
    state: State,
) -> App<
    impl actix_web::dev::ServiceFactory<
        actix_web::dev::ServiceRequest,
        Config = (),
        Response = actix_web::dev::ServiceResponse<impl actix_web::body::MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .app_data(
            web::FormConfig::default()
                .limit(256 * 1024)
                .error_handler(|err, _req| {
                    error::WebError::BadRequest(
                        crate::domain::message::Message::new("error-bad-form").arg("detail", err),
                    )
                    .into()
                }),
        )
        .app_data(web::QueryConfig::default().error_handler(|err, _req| {
            // The parser's own words are English: logged, not shown.
            tracing::debug!("unreadable query string: {err}");
            error::WebError::BadRequest(crate::domain::message::Message::new("error-bad-query"))
                .into()
        }))
        .app_data(
            web::PathConfig::default().error_handler(|_err, _req| error::WebError::NotFound.into()),
        )
        .configure(routes::configure)
        .default_service(web::to(not_found))
        .wrap(actix_web::middleware::from_fn(middleware::pages))
        .wrap(actix_web::middleware::from_fn(middleware::host_only))
}
