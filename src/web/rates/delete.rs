//! Deleting an exchange rate no document uses. `GET /rates/{id}/delete` asks first — a page
//! with a Delete button and a way back, which needs no JavaScript — and the button posts to
//! the same URL. A locked rate (a posted journal entry used it) is refused with the rule's
//! message (409) and stays.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::db::master::exchange_rates::{self, RateChangeError, StoredRate};
use crate::domain::access::Perm;
use crate::domain::ids::ExchangeRateId;
use crate::domain::message::{Message, Refusal, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::paths;
use crate::web::rates::{load, rate_text};

/// The confirmation page: the question, or why the rate cannot be deleted.
#[derive(serde::Serialize)]
struct ConfirmPage {
    title: String,
    question: String,
    /// Where the Delete button posts; none when the rate cannot be deleted.
    action: Option<String>,
    refusal: Option<String>,
    back_href: &'static str,
    back_label: String,
}

/// "Delete the exchange rate USD → THB of 30 Jan 2027 (35.5)?" for `rate`, with `refusal`
/// instead of the button when the rule refuses it.
fn confirm_page(
    ui: &Ui,
    stored: &StoredRate,
    refusal: Option<&Message>,
) -> Result<HttpResponse, WebError> {
    let r = &stored.rate;
    let question = ui.message(
        &Message::new("fxrates-delete-question")
            .arg("pair", format!("{} → {}", r.from, r.to))
            .date("date", r.date)
            .arg("rate", rate_text(ui, &r.rate)),
    );
    let page = ConfirmPage {
        title: ui.t(key("fxrates-delete-title")),
        question,
        action: refusal.is_none().then(|| paths::rate_delete(stored.id)),
        refusal: refusal.map(|m| ui.message(m)),
        back_href: paths::RATES,
        back_label: ui.t(key("rates-title")),
    };
    let status = if refusal.is_some() {
        StatusCode::CONFLICT
    } else {
        StatusCode::OK
    };
    ui.render(status, "rates/delete.html", &page)
}

pub async fn confirm(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ExchangeRateId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesEdit)?;
    let stored = load(&db, path.into_inner()).await?;
    let refusal = stored
        .locked
        .then(|| RateChangeError::Locked.refusal())
        .flatten();
    confirm_page(&ui, &stored, refusal.as_ref())
}

pub async fn delete(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ExchangeRateId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesEdit)?;
    let stored = load(&db, path.into_inner()).await?;
    let (actor, id) = (user.actor(ui.client_addr()), stored.id);
    let deleted = db
        .write(move |conn| exchange_rates::delete(conn, &actor, id))
        .await;
    match deleted {
        Ok(before) => {
            let r = &before.rate;
            let done = Message::new("fxrates-deleted")
                .arg("pair", format!("{} → {}", r.from, r.to))
                .date("date", r.date);
            Ok(ui.see_other(paths::RATES, Flash::success(done)))
        }
        Err(e @ RateChangeError::Locked) => confirm_page(&ui, &stored, e.refusal().as_ref()),
        Err(e) => Err(e.into()),
    }
}
