//! What every request of one tenant shares: the tenant, its database pool, its languages and
//! templates, its secret. Opened once per process (`web::AppState::open`).

use actix_web::web;
use std::sync::{Arc, RwLock};

use crate::db::Pool;
use crate::domain::time::TimeZone;
use crate::i18n::I18n;
use crate::manifest::{SecuritySection, Tenant};

/// Everything a request handler of one tenant shares. One per process.
pub struct AppState {
    pub tenant: Tenant,
    /// The only host name this process answers for (`<slug>.<base-domain>`).
    pub host: String,
    pub pool: Pool,
    pub i18n: Arc<I18n>,
    /// The agency's time zone: read from its database at start, replaced by
    /// [`AppState::set_time_zone`] once the settings page's change has committed. Nothing else
    /// changes it while the tenant serves.
    pub time_zone: RwLock<TimeZone>,
    /// Held while the time zone is written and [`AppState::set_time_zone`] called, so that
    /// of two concurrent changes the one committed last is the one shown.
    pub time_zone_change: tokio::sync::Mutex<()>,
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

impl AppState {
    /// The agency's time zone.
    pub fn time_zone(&self) -> TimeZone {
        match self.time_zone.read() {
            Ok(zone) => *zone,
            // A `TimeZone` is a plain value: a writer that panicked cannot have left it torn.
            Err(poisoned) => *poisoned.into_inner(),
        }
    }

    /// Shows `zone` from now on; call it after the change is committed.
    pub fn set_time_zone(&self, zone: TimeZone) {
        match self.time_zone.write() {
            Ok(mut current) => *current = zone,
            Err(poisoned) => *poisoned.into_inner() = zone,
        }
    }
}
