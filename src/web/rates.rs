//! Exchange-rate pages: the list by date and pair (with "latest on or before" a date), add and
//! edit. A locked rate — one a posted journal entry used — cannot be edited.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;

use crate::db::master::exchange_rates::{self, RateChangeError, StoredRate};
use crate::domain::access::Perm;
use crate::domain::currency::Currency;
use crate::domain::fx::{self, Rate};
use crate::domain::ids::ExchangeRateId;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{
    CURRENCIES, Errors, Fields, FormBuilder, FormPage, OptionView, Reader,
};
use crate::web::kit::list::{
    self, CellView, ColumnView, FilterView, ListPage, ListParams, RowView, plain_column,
};
use crate::web::kit::number_input;
use crate::web::paths;

fn currency_filter(ui: &Ui, name: &str, label: &'static str, value: Option<&str>) -> FilterView {
    let mut options = vec![OptionView {
        value: String::new(),
        label: ui.t(key("list-all")),
    }];
    options.extend(CURRENCIES.iter().map(|c| OptionView {
        value: (*c).into(),
        label: (*c).into(),
    }));
    FilterView {
        name: name.into(),
        label: ui.t(label),
        options,
        value: value.unwrap_or_default().to_owned(),
    }
}

/// The rates page: the list, and the date typed into its "on or before" filter.
#[derive(serde::Serialize)]
struct RatesPage {
    list: ListPage,
    date: String,
}

/// The rate list's query, filtered by pair and date; a malformed filter is a 400.
fn query(params: &ListParams) -> Result<exchange_rates::ListQuery, WebError> {
    let given = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
    let bad = || WebError::BadRequest(Message::new("rates-error-filter"));
    let currency = |v: &Option<String>| {
        given(v)
            .map(|c| Currency::parse(&c).map_err(|_| bad()))
            .transpose()
    };
    Ok(exchange_rates::ListQuery {
        listing: params.listing(),
        from: currency(&params.from)?,
        to: currency(&params.to)?,
        on_or_before: given(&params.date)
            .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| bad()))
            .transpose()?,
    })
}

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesView)?;
    let params = params.into_inner();
    let query = query(&params)?;
    let (from, to, on_or_before) = (query.from, query.to, query.on_or_before);
    let (page, found, total) = list::fetch(&db, params.page, query, exchange_rates::list).await?;
    // With a pair and a date, the answer to "which rate applies?" is the title.
    let latest = match (from, to, on_or_before) {
        (Some(f), Some(t), Some(d)) => {
            db.read(move |conn| -> Result<_, WebError> {
                Ok(exchange_rates::latest_on_or_before(conn, f, t, d)?)
            })
            .await?
        }
        _ => None,
    };
    let can_edit = user.user().role.permits(Perm::RatesEdit);
    let base = paths::RATES;
    let mut view = ListPage::new(&ui, &params, base, (page, total), key("rates-empty"));
    // Rates are never archived: no toggle, and the list's own empty text even when searching.
    view.archived = false;
    view.archived_href = base.into();
    if !view.pager.past_end {
        view.empty_text = ui.t(key("rates-empty"));
    }
    view.title = title(&ui, latest.as_ref());
    view.search_placeholder = ui.t(key("rates-search-placeholder"));
    view.filters = vec![
        currency_filter(&ui, "from", key("rates-col-from"), params.from.as_deref()),
        currency_filter(&ui, "to", key("rates-col-to"), params.to.as_deref()),
    ];
    if can_edit {
        let import = Some(paths::import(crate::import::Kind::Rates));
        view.add_actions(&ui, (paths::RATE_NEW, key("rates-new")), import);
    }
    view.columns = columns(&ui, &params);
    view.rows = found.iter().map(|r| row(&ui, r, can_edit)).collect();
    let date = params.date.unwrap_or_default();
    ui.render(
        StatusCode::OK,
        "rates/list.html",
        &RatesPage { list: view, date },
    )
}

/// "Exchange rates", or the rate that applies on the filtered date.
fn title(ui: &Ui, latest: Option<&StoredRate>) -> String {
    let Some(latest) = latest else {
        return ui.t(key("rates-title"));
    };
    let f = ui.formats();
    let args = [
        (
            "rate".into(),
            f.decimal_str(ui.locale(), &latest.rate.rate.canonical()),
        ),
        ("date".into(), f.date(ui.locale(), latest.rate.date)),
    ];
    ui.state
        .i18n
        .t(ui.locale(), key("rates-latest-title"), &args)
}

fn columns(ui: &Ui, params: &ListParams) -> Vec<ColumnView> {
    let base = paths::RATES;
    let mut rate = plain_column(ui.t(key("rates-col-rate")));
    rate.numeric = true;
    vec![
        params.column(base, ui.t(key("rates-col-date")), "-date", "date"),
        params.column(base, ui.t(key("rates-col-pair")), "pair", "date"),
        rate,
        plain_column(ui.t(key("rates-col-source"))),
        plain_column(String::new()),
    ]
}

fn row(ui: &Ui, r: &StoredRate, can_edit: bool) -> RowView {
    let f = ui.formats();
    let date = f.date(ui.locale(), r.rate.date);
    RowView {
        cells: vec![
            if can_edit && !r.locked {
                CellView::link(date, paths::rate_edit(r.id))
            } else {
                CellView::text(date)
            },
            CellView::text(format!("{} → {}", r.rate.from, r.rate.to)),
            CellView::num(f.decimal_str(ui.locale(), &r.rate.rate.canonical())),
            CellView::text(&r.rate.source),
            if r.locked {
                CellView::badge(ui.t(key("rates-locked")), false)
            } else {
                CellView::text("")
            },
        ],
    }
}

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

pub async fn new_form(ui: Ui, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesEdit)?;
    let defaults = Fields(vec![
        ("date".into(), ui.today().to_string()),
        ("from".into(), "USD".into()),
        ("to".into(), ui.state.tenant.base_currency.code().to_owned()),
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

async fn load(db: &Db, id: ExchangeRateId) -> Result<StoredRate, WebError> {
    db.find(move |conn| exchange_rates::find(conn, id)).await
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
