//! The dashboard: the first page after signing in. Until tours and the books fill it, it shows
//! what needs attention in the master data — what expires soon, currencies without a rate for
//! today, the user's imports left in preview — and the latest changes in words.
//!
//! Each section shows only to the roles that may see what it lists (`sections::Sections`).

mod sections;

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use serde::Serialize;

use crate::domain::access::Perm;
use crate::web::activity::{self, EntryView};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::paths;
use sections::{ExpiringView, ImportView, RatesView, Sections};

#[derive(Serialize)]
struct DashboardView {
    today: String,
    active_users: String,
    /// `None` hides a section from a role that may not see what it lists.
    expiring: Option<Vec<ExpiringView>>,
    rates: Option<RatesView>,
    imports: Option<Vec<ImportView>>,
    recent: Vec<EntryView>,
    /// Whether the recent changes are everyone's (for those who may read the audit log) or the
    /// reader's own.
    recent_all: bool,
    /// The whole log, for those who may read it.
    audit_href: Option<&'static str>,
    horizon_days: i64,
}

pub async fn show(ui: Ui, db: Db, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::DashboardView)?;
    let role = user.user().role;
    let sections = Sections::for_role(role);
    let me = user.user().id;
    let today = activity::today(&ui);
    let base = ui.state.tenant.base_currency;
    let read = db
        .read(move |conn| sections::read(conn, sections, me, base, today))
        .await?;
    let f = ui.formats();
    let view = DashboardView {
        today: f.date(ui.locale(), today),
        active_users: f.integer(ui.locale(), read.active_users),
        expiring: read
            .expiring
            .map(|items| sections::expiring_views(&ui, items, today)),
        rates: read
            .rates
            .map(|missing| sections::rates_view(&ui, missing, role, today)),
        imports: read
            .imports
            .map(|open| sections::import_views(&ui, open, role)),
        recent: activity::entries(&ui, read.recent, role, false),
        recent_all: sections.all_changes,
        audit_href: sections.all_changes.then_some(paths::AUDIT),
        horizon_days: crate::domain::dashboard::EXPIRY_HORIZON_DAYS,
    };
    ui.render(StatusCode::OK, "dashboard.html", &view)
}
