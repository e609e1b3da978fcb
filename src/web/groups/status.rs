//! Moving a group to another status (`POST /groups/{id}/status` with `to`, and `reason` when
//! cancelling). Cancelling asks first, as destructive actions do (`kit::confirm`): the
//! unconfirmed form is answered with the question, carrying the reason, and nothing changes
//! until it is confirmed. A move the status does not allow is refused with its reason (409).

use actix_web::{HttpResponse, web};

use crate::db::groups;
use crate::domain::access::Perm;
use crate::domain::groups::status::{self, GroupStatus, MAX_REASON, StatusError};
use crate::domain::ids::GroupId;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::confirm::{self, Hidden, Question};
use crate::web::kit::form::{Fields, Reader};
use crate::web::paths;

pub async fn change(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<GroupId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GroupsEdit)?;
    let id = path.into_inner();
    let fields = Fields(form.into_inner());
    let to = GroupStatus::parse(fields.get("to"))
        .ok_or_else(|| WebError::BadRequest(Message::new("groups-error-status")))?;
    let mut r = Reader::new(&ui, &fields);
    let reason = r.multi_line("reason", MAX_REASON);
    if to == GroupStatus::Cancelled {
        let group = db.find(move |conn| groups::find(conn, id)).await?;
        // The move is checked before it is asked about, and again inside the write.
        let refusal = match (
            r.errors.get("reason"),
            status::transition(group.status, to, &reason),
        ) {
            (Some(error), _) => Some(error),
            (None, Err(e @ (StatusError::ReasonRequired | StatusError::ReasonTooLong))) => {
                Some(ui.message(&e.message()))
            }
            (None, Err(e @ StatusError::Illegal { .. })) => {
                return Err(WebError::Conflict(e.message()));
            }
            (None, Ok(_)) => None,
        };
        if let Some(error) = refusal {
            let refused = super::show::Refused { reason, error };
            return super::show::page(&ui, &user, &group, Some(refused));
        }
        if !confirm::confirmed(&fields) {
            return ask_cancel(&ui, &group.code, id, &reason);
        }
    }
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| -> Result<_, WebError> {
        Ok(groups::change_status(conn, &actor, id, to, &reason)?)
    })
    .await?;
    let flash = Flash::success(Message::new("groups-status-changed").label("status", to.label()));
    Ok(ui.see_other(&paths::group(id), flash))
}

/// "Cancel group G26-0012?", with the reason it will keep.
fn ask_cancel(ui: &Ui, code: &str, id: GroupId, reason: &str) -> Result<HttpResponse, WebError> {
    let hidden = |name: &str, value: &str| Hidden {
        name: name.to_owned(),
        value: value.to_owned(),
    };
    confirm::ask(
        ui,
        Question {
            question: ui.message(&Message::new("groups-cancel-question").arg("code", code)),
            detail: Some(ui.message(&Message::new("groups-cancel-detail").arg("reason", reason))),
            hint: ui.t(key("groups-cancel-hint")),
            button: ui.t(key("groups-action-cancel")),
            back: paths::group(id),
            hidden: vec![
                hidden("to", GroupStatus::Cancelled.as_str()),
                hidden("reason", reason),
            ],
        },
    )
}
