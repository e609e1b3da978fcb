//! A group's page: the tab bar of its sections (only Overview so far; guests, rooming,
//! bookings, guides and vehicles, shopping and finance join it under `/groups/{id}/…`), its
//! code, tour, agency, dates, pax and status, the moves its status allows as buttons, and the
//! warning while it is under the tour's minimum pax.
//!
//! Money is left out: the quoted price per pax lives in the quotation version's snapshot,
//! which only the quotations area reads; it joins the page with the finance tab.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::groups::{self, Group};
use crate::domain::access::Perm;
use crate::domain::groups::status::GroupStatus;
use crate::domain::groups::under_minimum;
use crate::domain::ids::GroupId;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::list::TabView;
use crate::web::kit::{self, DetailView};
use crate::web::paths;

#[derive(Serialize)]
struct ShowView {
    id: i64,
    code: String,
    tabs: Vec<TabView>,
    status_label: String,
    status_class: &'static str,
    cancel_reason: String,
    tour: String,
    agency: String,
    agency_href: String,
    dates: String,
    pax: String,
    details: Vec<DetailView>,
    warning: Option<String>,
    /// The moves the status allows, for those who may make them.
    moves: Vec<MoveView>,
    /// Cancelling is one of the moves: its form asks for a reason.
    can_cancel: bool,
    status_action: String,
    reason: String,
    reason_error: Option<String>,
}

#[derive(Serialize)]
struct MoveView {
    to: &'static str,
    label: String,
}

/// What the cancel form shows again when it was refused: the reason typed and why.
pub struct Refused {
    pub reason: String,
    pub error: String,
}

pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<GroupId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GroupsView)?;
    let id = path.into_inner();
    let group = db.find(move |conn| groups::find(conn, id)).await?;
    page(&ui, &user, &group, None)
}

/// The group's page; with `refused`, its cancel form shown again with its error (422).
pub fn page(
    ui: &Ui,
    user: &CurrentUser,
    group: &Group,
    refused: Option<Refused>,
) -> Result<HttpResponse, WebError> {
    let f = ui.formats();
    let lang = ui.locale();
    let can_move = user.user().role.permits(Perm::GroupsEdit);
    let next = if can_move {
        group.status.next()
    } else {
        Vec::new()
    };
    let tour = &group.tour;
    let view = ShowView {
        id: group.id.0,
        code: group.code.clone(),
        tabs: vec![TabView {
            href: paths::group(group.id),
            label: ui.t(key("groups-tab-overview")),
            active: true,
        }],
        status_label: ui.t(group.status.label()),
        status_class: super::status_class(group.status),
        cancel_reason: group.cancel_reason.clone(),
        tour: format!("{} · {}", tour.code, tour.name),
        agency: group.agency_name.clone(),
        agency_href: paths::agency(group.agency_id),
        dates: ui.message(
            &Message::new("groups-dates-line")
                .date("from", group.starts_on)
                .date("to", group.ends_on)
                .count("days", (group.ends_on - group.starts_on).num_days() + 1),
        ),
        pax: super::pax_text(ui, group.pax_paying, group.pax_foc, group.tour_leaders),
        details: kit::details(
            ui,
            [
                (key("groups-col-market"), group.market.clone()),
                (
                    key("groups-min-pax"),
                    f.integer(lang, i64::from(tour.min_pax)),
                ),
                (key("groups-notes"), group.notes.clone()),
                (key("groups-created-at"), f.instant(lang, group.created_at)),
            ],
        ),
        warning: under_minimum(group.pax_paying, tour.min_pax)
            .filter(|_| !group.status.is_final())
            .map(|m| ui.message(&m)),
        moves: next
            .iter()
            .filter(|s| **s != GroupStatus::Cancelled)
            .map(|s| MoveView {
                to: s.as_str(),
                label: ui.t(s.action()),
            })
            .collect(),
        can_cancel: next.contains(&GroupStatus::Cancelled),
        status_action: paths::group_status(group.id),
        reason: refused
            .as_ref()
            .map(|r| r.reason.clone())
            .unwrap_or_default(),
        reason_error: refused.as_ref().map(|r| r.error.clone()),
    };
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    ui.render(status, "groups/show.html", &view)
}
