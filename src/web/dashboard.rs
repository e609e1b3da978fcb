//! The dashboard: the first page after signing in.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use serde::Serialize;

use crate::db;
use crate::domain::access::Perm;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};

#[derive(Serialize)]
struct DashboardView {
    today: String,
    active_users: String,
    recent: Vec<RecentView>,
    can_see_audit: bool,
}

#[derive(Serialize)]
struct RecentView {
    at: String,
    action: String,
}

pub async fn show(ui: Ui, db: Db, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::DashboardView)?;
    let me = user.user().id;
    let (active, recent) = db
        .read(move |conn| -> Result<_, WebError> {
            let active = db::auth::users::count_active(conn)?;
            let filter = db::audit::Filter {
                user_id: Some(me),
                limit: 8,
                ..Default::default()
            };
            let (rows, _) = db::audit::list(conn, &filter)?;
            Ok((active, rows))
        })
        .await?;
    let f = ui.formats();
    let view = DashboardView {
        today: f.date(ui.locale(), ui.today()),
        active_users: f.integer(ui.locale(), active),
        recent: recent
            .into_iter()
            .map(|r| RecentView {
                at: f.instant(ui.locale(), r.at),
                action: r.action,
            })
            .collect(),
        can_see_audit: user.0.user.role.permits(Perm::AuditView),
    };
    ui.render(StatusCode::OK, "dashboard.html", &view)
}
