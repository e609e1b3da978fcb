//! Destructive actions ask first. An archive form posted without `confirmed=yes` is answered
//! with a confirmation page (`confirm.html`: the question, what follows, Archive and Cancel),
//! whose form posts again with `confirmed=yes`; nothing changes until then. With JavaScript,
//! `static/confirm.js` fetches that page and shows its question in a dialog instead.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use serde::Serialize;

use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::Ui;
use crate::web::kit::form::Fields;

/// Whether the form says the user confirmed.
pub fn confirmed(fields: &Fields) -> bool {
    fields.get("confirmed") == "yes"
}

#[derive(Serialize)]
struct ConfirmView {
    question: String,
    detail: Option<String>,
    hint: String,
    action: String,
    back: String,
    button: String,
}

/// The confirmation page for archiving `name` (posted back to the same address), with what
/// else archiving it does (`detail`) and the page Cancel returns to.
pub fn ask_archive(
    ui: &Ui,
    name: &str,
    detail: Option<&'static str>,
    back: &str,
) -> Result<HttpResponse, WebError> {
    let view = ConfirmView {
        question: ui.message(&Message::new("confirm-archive").arg("name", name)),
        detail: detail.map(|d| ui.t(d)),
        hint: ui.t(key("form-archive-hint")),
        action: ui.path.clone(),
        back: back.to_owned(),
        button: ui.t(key("form-archive")),
    };
    ui.render(StatusCode::OK, "confirm.html", &view)
}

/// The confirmation page for removing `name` for good (posted back to the same address).
pub fn ask_delete(ui: &Ui, name: &str, back: &str) -> Result<HttpResponse, WebError> {
    let view = ConfirmView {
        question: ui.message(&Message::new("confirm-delete").arg("name", name)),
        detail: None,
        hint: ui.t(key("confirm-delete-hint")),
        action: ui.path.clone(),
        back: back.to_owned(),
        button: ui.t(key("form-delete")),
    };
    ui.render(StatusCode::OK, "confirm.html", &view)
}
