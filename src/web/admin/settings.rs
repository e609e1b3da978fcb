//! The settings overview: the agency's fixed facts and the administration pages.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use serde::Serialize;

use crate::domain::access::Perm;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Ui};

#[derive(Serialize)]
struct SettingsView<'a> {
    slug: &'a str,
    name: &'a str,
    base_currency: &'static str,
    default_locale: &'static str,
    can_manage_users: bool,
    can_see_audit: bool,
}

pub async fn show(ui: Ui, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::SettingsView)?;
    let tenant = &ui.state.tenant;
    let role = user.user().role;
    let view = SettingsView {
        slug: tenant.slug.as_str(),
        name: &tenant.name,
        base_currency: tenant.base_currency.code(),
        default_locale: tenant.locale.native_name(),
        can_manage_users: role.permits(Perm::UsersManage),
        can_see_audit: role.permits(Perm::AuditView),
    };
    ui.render(StatusCode::OK, "settings.html", &view)
}
