//! The audit page for admins: who did what and when, in sentences (`web::activity`), filtered
//! by user, action and date.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::db;
use crate::domain::access::Perm;
use crate::domain::ids::UserId;
use crate::domain::message::Message;
use crate::web::activity::{self, actions};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::list::{Pager, past_end_text};

#[derive(Deserialize)]
pub struct AuditParams {
    user: Option<String>,
    action: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<i64>,
}

/// An action of the filter's drop-down: its stored name and its name in words.
#[derive(Serialize)]
struct ActionOption {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct UserOption {
    id: String,
    label: String,
    selected: bool,
}

#[derive(Serialize)]
struct AuditView {
    rows: Vec<activity::EntryView>,
    users: Vec<UserOption>,
    actions: Vec<ActionOption>,
    from: String,
    to: String,
    date_error: bool,
    pager: Pager,
    /// What a page past the last says.
    past_end: String,
    total: String,
    query: String,
}

/// An empty or absent filter value means "any"; a malformed date is reported, not guessed.
fn parse_date(raw: Option<&str>) -> Result<Option<NaiveDate>, ()> {
    match raw.map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| ()),
    }
}

/// The log's filter from the page's query, and whether a typed date was malformed (then that
/// bound is left open and the page says so).
fn filter(params: &AuditParams) -> (db::audit::Filter, bool) {
    let user_id = params
        .user
        .as_deref()
        .and_then(|u| u.parse::<i64>().ok())
        .map(UserId);
    let from = parse_date(params.from.as_deref());
    let to = parse_date(params.to.as_deref());
    let date_error = from.is_err() || to.is_err();
    let filter = db::audit::Filter {
        user_id,
        action: params.action.clone().filter(|a| !a.is_empty()),
        from: from.ok().flatten().and_then(|d| d.and_hms_opt(0, 0, 0)),
        until: to
            .ok()
            .flatten()
            .and_then(|d| d.succ_opt())
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
        changes_only: false,
        offset: 0,
        limit: Pager::PER_PAGE,
    };
    (filter, date_error)
}

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<AuditParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::AuditView)?;
    let params = params.into_inner();
    let (mut filter, date_error) = filter(&params);
    let user_id = filter.user_id;
    let page = params.page;
    let ((page, described, total), names, actions) = db
        .read(move |conn| -> Result<_, WebError> {
            let (page, rows, total) = Pager::fetch(page, |offset| {
                filter.offset = offset;
                db::audit::list(conn, &filter)
            })?;
            let described = activity::describe_rows(conn, rows)?;
            let names = db::auth::users::names(conn)?;
            Ok(((page, described, total), names, db::audit::actions(conn)?))
        })
        .await?;
    let chosen_action = params.action.clone().unwrap_or_default();
    let query = serde_urlencoded::to_string([
        ("user", params.user.clone().unwrap_or_default()),
        ("action", chosen_action.clone()),
        ("from", params.from.clone().unwrap_or_default()),
        ("to", params.to.clone().unwrap_or_default()),
    ])
    .unwrap_or_default();
    let pager = Pager::new(page, total);
    let view = AuditView {
        rows: activity::entries(&ui, described, user.user().role, true),
        users: names
            .into_iter()
            .map(|(id, name, email)| UserOption {
                selected: user_id.is_some_and(|u| u.0 == id),
                id: id.to_string(),
                label: format!("{name} <{email}>"),
            })
            .collect(),
        actions: actions
            .into_iter()
            .map(|a| ActionOption {
                label: action_label(&ui, &a),
                selected: a == chosen_action,
                value: a,
            })
            .collect(),
        from: params.from.unwrap_or_default(),
        to: params.to.unwrap_or_default(),
        date_error,
        past_end: past_end_text(&ui, &pager),
        pager,
        total: ui.formats().integer(ui.locale(), total),
        query,
    };
    ui.render(StatusCode::OK, "audit.html", &view)
}

/// An action's name in words (`Client agency — changed`); one unknown here, made readable.
fn action_label(ui: &Ui, action: &str) -> String {
    match actions::parse_action(action) {
        Some(actions::Action::Change(entity, verb)) => ui.message(
            &Message::new("activity-filter-change")
                .label("entity", actions::noun(entity))
                .label("verb", actions::verb_key(verb)),
        ),
        Some(actions::Action::Event(event)) => ui.t(actions::event_key(event)),
        None => action.replace(['.', '-'], " "),
    }
}
