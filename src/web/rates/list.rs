//! The exchange-rate list: by date or pair, filtered by pair, source and "on or before" a
//! date (with the rate in force as its title when a pair and a date are given), in numbered
//! pages. Links to the latest-rates summary; for those who may edit, to each unlocked rate's
//! edit form and delete confirmation.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;

use crate::db::master::exchange_rates::{self, StoredRate};
use crate::domain::access::Perm;
use crate::domain::currency::Currency;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::list::{
    self, CellView, ColumnView, LinkView, ListPage, ListParams, RowView, plain_column,
};
use crate::web::paths;
use crate::web::rates::{currency_filter, rate_text};

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
    let all = key("list-all");
    view.filters = vec![
        currency_filter(
            &ui,
            ("from", key("rates-col-from"), all),
            &[],
            params.from.as_deref(),
        ),
        currency_filter(
            &ui,
            ("to", key("rates-col-to"), all),
            &[],
            params.to.as_deref(),
        ),
    ];
    if can_edit {
        let import = Some(paths::import(crate::import::Kind::Rates));
        view.add_actions(&ui, (paths::RATE_NEW, key("rates-new")), import);
    }
    view.actions.push(LinkView {
        href: paths::RATES_LATEST.into(),
        label: ui.t(key("fxrates-latest-title")),
    });
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
        ("rate".into(), rate_text(ui, &latest.rate.rate)),
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

/// A rate's row: its date links to its edit form and its last cell to its delete
/// confirmation for those who may edit, unless it is locked, which its last cell says.
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
            CellView::num(rate_text(ui, &r.rate.rate)),
            CellView::text(&r.rate.source),
            if r.locked {
                CellView::badge(ui.t(key("rates-locked")), false)
            } else if can_edit {
                CellView::link(ui.t(key("fxrates-delete")), paths::rate_delete(r.id))
            } else {
                CellView::text("")
            },
        ],
    }
}
