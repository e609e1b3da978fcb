//! Adding and editing an exchange rate. A locked rate — one a posted journal entry used —
//! cannot be edited: its form says so and saving it is refused.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::db::master::exchange_rates::{self, RateChangeError};
use crate::domain::access::Perm;
use crate::domain::currency::Currency;
use crate::domain::fx::{self, Rate};
use crate::domain::ids::ExchangeRateId;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, Reader};
use crate::web::kit::number_input;
use crate::web::paths;
use crate::web::rates::load;

/// The field errors of a broken rule: a second rate for the pair and day is the date's to
/// correct, a locked rate the whole form's.
fn rate_errors(ui: &Ui, e: RateChangeError) -> Result<Errors, WebError> {
    let field = match e {
        RateChangeError::Exists => "date",
        _ => "form",
    };
    Errors::refused(ui, field, e)
}

fn read(ui: &Ui, fields: &Fields) -> Result<Rate, Errors> {
    let mut r = Reader::new(ui, fields);
    let date = r.date("date", true);
    let from = r.currency("from");
    let to = r.currency("to");
    let rate = r.decimal("rate", true);
    let source = r.text("source", 200, false);
    if let Some(Err(e)) = rate.as_ref().map(fx::check_rate) {
        r.errors.add("rate", ui.message(&e.message()));
    }
    if let (Some(from), Some(to)) = (from, to)
        && let Err(e) = fx::check_pair(from, to)
    {
        r.errors.add("to", ui.message(&e.message()));
    }
    let (Some(date), Some(from), Some(to), Some(rate), false) =
        (date, from, to, rate, r.errors.any())
    else {
        return Err(r.errors);
    };
    Ok(Rate {
        date,
        from,
        to,
        rate,
        source,
    })
}

fn form_page(ui: &Ui, id: Option<ExchangeRateId>, values: &Fields, errors: &Errors) -> FormPage {
    let mut b = FormBuilder::new(ui, values, errors);
    b.date("date", key("rates-col-date"), true)
        .currencies("from", key("rates-col-from"))
        .currencies("to", key("rates-col-to"))
        .number("rate", key("rates-col-rate"), true)
        .hint(key("rates-rate-hint"))
        .text("source", key("rates-col-source"), false);
    let fields = b.fields;
    FormPage {
        title: ui.t(if id.is_some() {
            key("rates-edit-title")
        } else {
            key("rates-new")
        }),
        action: id.map(paths::rate).unwrap_or_else(|| paths::RATES.into()),
        back_href: paths::RATES.into(),
        back_label: ui.t(key("rates-title")),
        fields,
        form_error: errors
            .get("form")
            .or_else(|| errors.any().then(|| ui.t(key("error-unprocessable")))),
    }
}

/// The pair a new rate's form starts with (`/rates/new?from=EUR&to=THB`, linked from a stale
/// pair of the latest rates); a code that is no currency leaves the default.
#[derive(serde::Deserialize, Default)]
pub struct NewParams {
    pub from: Option<String>,
    pub to: Option<String>,
}

pub async fn new_form(
    ui: Ui,
    user: CurrentUser,
    params: web::Query<NewParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesEdit)?;
    let code = |given: &Option<String>, default: Currency| {
        given
            .as_deref()
            .and_then(|c| Currency::parse(c).ok())
            .unwrap_or(default)
            .code()
            .to_owned()
    };
    let base = ui.state.tenant.base_currency;
    let usd = Currency::parse("USD").unwrap_or(base);
    let defaults = Fields(vec![
        ("date".into(), ui.today().to_string()),
        ("from".into(), code(&params.from, usd)),
        ("to".into(), code(&params.to, base)),
    ]);
    ui.render(
        StatusCode::OK,
        "master/form.html",
        &form_page(&ui, None, &defaults, &Errors::default()),
    )
}

pub async fn create(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesEdit)?;
    let fields = Fields(form.into_inner());
    let rate = match read(&ui, &fields) {
        Ok(r) => r,
        Err(errors) => {
            return ui.render(
                StatusCode::UNPROCESSABLE_ENTITY,
                "master/form.html",
                &form_page(&ui, None, &fields, &errors),
            );
        }
    };
    let actor = user.actor(ui.client_addr());
    let created = db
        .write(move |conn| exchange_rates::add(conn, &actor, &rate))
        .await;
    if let Err(e) = created {
        let errors = rate_errors(&ui, e)?;
        return ui.render(
            StatusCode::UNPROCESSABLE_ENTITY,
            "master/form.html",
            &form_page(&ui, None, &fields, &errors),
        );
    }
    Ok(ui.see_other(paths::RATES, Flash::success(Message::new("rates-saved"))))
}

pub async fn edit_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ExchangeRateId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesEdit)?;
    let stored = load(&db, path.into_inner()).await?;
    let r = &stored.rate;
    let values = Fields(vec![
        ("date".into(), r.date.to_string()),
        ("from".into(), r.from.code().into()),
        ("to".into(), r.to.code().into()),
        ("rate".into(), number_input(&ui, &r.rate)),
        ("source".into(), r.source.clone()),
    ]);
    let mut errors = Errors::default();
    if stored.locked {
        errors.add("form", ui.t(key("rates-error-locked")));
    }
    ui.render(
        StatusCode::OK,
        "master/form.html",
        &form_page(&ui, Some(stored.id), &values, &errors),
    )
}

pub async fn update(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<ExchangeRateId>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesEdit)?;
    let before = load(&db, path.into_inner()).await?;
    let fields = Fields(form.into_inner());
    let rate = match read(&ui, &fields) {
        Ok(r) => r,
        Err(errors) => {
            return ui.render(
                StatusCode::UNPROCESSABLE_ENTITY,
                "master/form.html",
                &form_page(&ui, Some(before.id), &fields, &errors),
            );
        }
    };
    let (actor, id) = (user.actor(ui.client_addr()), before.id);
    let changed = db
        .write(move |conn| exchange_rates::edit(conn, &actor, id, &rate))
        .await;
    let errors = match changed {
        Ok(()) => {
            return Ok(ui.see_other(paths::RATES, Flash::success(Message::new("rates-saved"))));
        }
        Err(e) => rate_errors(&ui, e)?,
    };
    ui.render(
        StatusCode::UNPROCESSABLE_ENTITY,
        "master/form.html",
        &form_page(&ui, Some(id), &fields, &errors),
    )
}
