//! The settings overview: the agency's fixed facts, its time zone and the patterns of its group
//! codes and quotation numbers (which an admin changes here), and the administration pages.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use chrono::Datelike;

use crate::db;
use crate::db::settings::CodePatterns;
use crate::domain::access::Perm;
use crate::domain::message::{Message, Refusal, key};
use crate::domain::time::TimeZone;
use crate::domain::tours::codes::CodePattern;
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
    codes: CodesView,
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

/// The code patterns' section: each pattern as stored or as typed and refused, and an example.
#[derive(Serialize)]
struct CodesView {
    /// The group codes' pattern, then the quotation numbers'.
    patterns: [PatternView; 2],
    /// Whether the reader may change them.
    editable: bool,
    action: &'static str,
}

#[derive(Serialize)]
struct PatternView {
    name: &'static str,
    /// The field's label, a message id.
    label: &'static str,
    value: String,
    /// What a code of this pattern looks like (this year's 123rd); none while refused.
    example: Option<String>,
    error: Option<String>,
}

impl PatternView {
    fn of(ui: &Ui, name: &'static str, value: &str, error: Option<String>) -> PatternView {
        let year = ui.today().year();
        PatternView {
            name,
            label: if name == GROUP {
                key("groups-codes-group")
            } else {
                key("groups-codes-quotation")
            },
            value: value.to_owned(),
            example: error
                .is_none()
                .then(|| CodePattern::parse(value).ok())
                .flatten()
                .map(|p| p.format(year, 123)),
            error,
        }
    }
}

impl CodesView {
    fn stored(ui: &Ui, user: &CurrentUser, stored: &CodePatterns) -> CodesView {
        CodesView {
            patterns: [
                PatternView::of(ui, GROUP, stored.group.as_str(), None),
                PatternView::of(ui, QUOTATION, stored.quotation.as_str(), None),
            ],
            editable: user.user().role.permits(Perm::SettingsEdit),
            action: paths::SETTINGS_CODES,
        }
    }
}

const GROUP: &str = db::settings::GROUP_CODE_PATTERN;
const QUOTATION: &str = db::settings::QUOTATION_NUMBER_PATTERN;

/// The stored code patterns.
async fn stored_patterns(db: &Db) -> Result<CodePatterns, WebError> {
    db.read(|conn| -> Result<_, WebError> {
        Ok(CodePatterns {
            group: db::settings::group_pattern(conn)?,
            quotation: db::settings::quotation_pattern(conn)?,
        })
    })
    .await
}

fn view<'a>(
    ui: &'a Ui,
    user: &CurrentUser,
    (value, error): (Option<String>, Option<String>),
    codes: CodesView,
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
        codes,
        can_manage_users: role.permits(Perm::UsersManage),
        can_see_audit: role.permits(Perm::AuditView),
    }
}

pub async fn show(ui: Ui, db: Db, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::SettingsView)?;
    let codes = CodesView::stored(&ui, &user, &stored_patterns(&db).await?);
    ui.render(
        StatusCode::OK,
        "settings.html",
        &view(&ui, &user, (None, None), codes),
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
            let codes = CodesView::stored(&ui, &user, &stored_patterns(&db).await?);
            let page = view(&ui, &user, (Some(typed), error), codes);
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

/// Changes the patterns of group codes and quotation numbers: a malformed pattern is shown
/// again with its reason and changes nothing (422); sound ones are written with their audit
/// row, and the next codes follow them.
pub async fn change_code_patterns(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SettingsEdit)?;
    let fields = Fields(form.into_inner());
    let read = |name: &'static str| {
        let typed = fields.get(name).trim().to_owned();
        let parsed = CodePattern::parse(&typed);
        let error = parsed.as_ref().err().map(|e| ui.message(&e.message()));
        (PatternView::of(&ui, name, &typed, error), parsed.ok())
    };
    let (group_view, group) = read(GROUP);
    let (quotation_view, quotation) = read(QUOTATION);
    let (Some(group), Some(quotation)) = (group, quotation) else {
        let codes = CodesView {
            patterns: [group_view, quotation_view],
            editable: true,
            action: paths::SETTINGS_CODES,
        };
        let page = view(&ui, &user, (None, None), codes);
        return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "settings.html", &page);
    };
    let actor = user.actor(ui.client_addr());
    let patterns = CodePatterns { group, quotation };
    db.write(move |conn| -> Result<_, WebError> {
        Ok(db::settings::change_code_patterns(conn, &actor, &patterns)?)
    })
    .await?;
    Ok(ui.see_other(
        paths::SETTINGS,
        Flash::success(Message::new(key("groups-codes-changed"))),
    ))
}
