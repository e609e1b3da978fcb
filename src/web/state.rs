//! What every request of one tenant shares: the tenant, its database pool, its languages and
//! templates, its secret. Opened once per process (`web::AppState::open`).

use actix_web::web;
use std::sync::Arc;

use crate::db::Pool;
use crate::i18n::I18n;
use crate::i18n::format::Formats;
use crate::manifest::{SecuritySection, Tenant};

/// Everything a request handler of one tenant shares. One per process.
pub struct AppState {
    pub tenant: Tenant,
    /// The only host name this process answers for (`<slug>.<base-domain>`).
    pub host: String,
    pub pool: Pool,
    pub i18n: Arc<I18n>,
    pub formats: Formats,
    pub templates: tera::Tera,
    /// The tenant's own secret: keys session-token hashes, CSRF tokens and flash cookies.
    pub secret: Vec<u8>,
    /// The tenant's own cookie name, so that tenants on one host never share a cookie.
    pub cookie_name: String,
    pub security: SecuritySection,
    /// Bounds concurrent argon2 hashing (19 MiB each) to the number of cores.
    pub hashing: tokio::sync::Semaphore,
    /// Started by the launcher: X-Forwarded-For/-Proto from a loopback peer are the
    /// launcher's, and are believed. Otherwise they are ignored.
    pub trust_forwarded: bool,
}

pub type State = web::Data<AppState>;
