//! Destructive actions ask first. An archive form posted without `confirmed=yes` is answered
//! with a confirmation page (`confirm.html`: the question, what follows, Archive and Cancel),
//! whose form posts again with `confirmed=yes`; nothing changes until then. With JavaScript,
//! `static/confirm.js` fetches that page and shows its question in a dialog instead. Other
//! destructive actions (cancelling a group) ask the same way through [`ask`], carrying the
//! fields of the form asked about.

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
    /// The fields of the form asked about, posted again with the confirmation.
    hidden: Vec<Hidden>,
}

/// A field of the form asked about, posted again with the confirmation.
#[derive(Serialize)]
pub struct Hidden {
    pub name: String,
    pub value: String,
}

/// A question before a destructive action other than archiving: the question, what follows
/// (`detail`), the button that does it, the page Cancel returns to, and the fields of the
/// form asked about, which the confirmation posts again with `confirmed=yes`.
pub struct Question {
    pub question: String,
    pub detail: Option<String>,
    pub hint: String,
    pub button: String,
    pub back: String,
    pub hidden: Vec<Hidden>,
}

/// The confirmation page of `question`, posted back to the same address.
pub fn ask(ui: &Ui, question: Question) -> Result<HttpResponse, WebError> {
    let view = ConfirmView {
        question: question.question,
        detail: question.detail,
        hint: question.hint,
        action: ui.path.clone(),
        back: question.back,
        button: question.button,
        hidden: question.hidden,
    };
    ui.render(StatusCode::OK, "confirm.html", &view)
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
        hidden: Vec::new(),
    };
    ui.render(StatusCode::OK, "confirm.html", &view)
}

/// The confirmation page for removing `name` for good (posted back to the same address).
pub fn ask_delete(ui: &Ui, name: &str, back: &str) -> Result<HttpResponse, WebError> {
    let question = Question {
        question: ui.message(&Message::new("confirm-delete").arg("name", name)),
        detail: None,
        hint: ui.t(key("confirm-delete-hint")),
        button: ui.t(key("form-delete")),
        back: back.to_owned(),
        hidden: Vec::new(),
    };
    ask(ui, question)
}
