//! The settings overview: the agency's fixed facts, its time zone (which an admin changes
//! here), and the administration pages.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db;
use crate::domain::access::Perm;
use crate::domain::message::{Message, Refusal};
use crate::domain::time::TimeZone;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::Fields;
use crate::web::paths;

#[derive(Serialize)]
struct SettingsView<'a> {
    slug: &'a str,
    name: &'a str,
    base_currency: &'static str,
    default_locale: &'static str,
    time_zone: ZoneView,
    can_manage_users: bool,
    can_see_audit: bool,
}

#[derive(Serialize)]
struct ZoneView {
    /// The zone in force.
    name: &'static str,
    /// The agency's clock now, so an admin sees what the zone means.
    now: String,
    /// What the form shows: the zone in force, or what was typed and refused.
    value: String,
    error: Option<String>,
    /// Every zone's name, offered while typing; `None` for those who may not change it.
    choices: Option<Vec<&'static str>>,
    action: &'static str,
}

fn view<'a>(
    ui: &'a Ui,
    user: &CurrentUser,
    value: Option<String>,
    error: Option<String>,
) -> SettingsView<'a> {
    let tenant = &ui.state.tenant;
    let role = user.user().role;
    let zone = ui.state.time_zone();
    let now = chrono::Utc::now().naive_utc();
    SettingsView {
        slug: tenant.slug.as_str(),
        name: &tenant.name,
        base_currency: tenant.base_currency.code(),
        default_locale: tenant.locale.native_name(),
        time_zone: ZoneView {
            name: zone.name(),
            now: ui.formats().instant_local(ui.locale(), now),
            value: value.unwrap_or_else(|| zone.name().to_owned()),
            error,
            choices: role
                .permits(Perm::SettingsEdit)
                .then(|| TimeZone::all().map(TimeZone::name).collect()),
            action: paths::SETTINGS_TIME_ZONE,
        },
        can_manage_users: role.permits(Perm::UsersManage),
        can_see_audit: role.permits(Perm::AuditView),
    }
}

pub async fn show(ui: Ui, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::SettingsView)?;
    ui.render(
        StatusCode::OK,
        "settings.html",
        &view(&ui, &user, None, None),
    )
}

/// Changes the agency's time zone: an unknown name is shown again with its error and changes
/// nothing; a known one is written with its audit row, then used by every page.
pub async fn change_time_zone(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SettingsEdit)?;
    let fields = Fields(form.into_inner());
    let typed = fields.get("time_zone").to_owned();
    let zone = match TimeZone::parse(&typed) {
        Ok(zone) => zone,
        Err(e) => {
            let error = e.refusal().map(|m| ui.message(&m));
            let page = view(&ui, &user, Some(typed), error);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "settings.html", &page);
        }
    };
    let actor = user.actor(ui.client_addr());
    let serial = ui.state.time_zone_change.lock().await;
    db.write(move |conn| -> Result<_, WebError> {
        Ok(db::settings::change_time_zone(conn, &actor, zone)?)
    })
    .await?;
    ui.state.set_time_zone(zone);
    drop(serial);
    Ok(ui.see_other(
        paths::SETTINGS,
        Flash::success(Message::new("time-zone-changed").arg("zone", zone.name())),
    ))
}
