//! The group list: newest departure first, 50 a page; filtered by status, departure dates,
//! client agency and market; searched by code, tour and agency; sorted by start, code,
//! agency, status or pax.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use serde::Serialize;

use crate::db::groups::list::{self, ListQuery, ListedGroup};
use crate::domain::access::Perm;
use crate::domain::groups::status::GroupStatus;
use crate::domain::ids::AgencyId;
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::form::OptionView;
use crate::web::kit::list::{
    CellView, ColumnView, FilterView, LinkView, ListPage, ListParams, RowView, fetch, plain_column,
};
use crate::web::kit::money_text;
use crate::web::paths;

#[derive(Serialize)]
struct GroupsPage {
    #[serde(flatten)]
    list: ListPage,
    /// The departure-date filter as typed (ISO dates, as date inputs send them).
    from: String,
    to: String,
    filtering: bool,
}

/// The filters of the query, read; a value that cannot be read is a 400.
fn query(params: &ListParams) -> Result<ListQuery, WebError> {
    let bad = || WebError::BadRequest(Message::new("groups-error-filter"));
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let date = |v: &Option<String>| -> Result<Option<NaiveDate>, WebError> {
        given(v)
            .map(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").map_err(|_| bad()))
            .transpose()
    };
    Ok(ListQuery {
        listing: params.listing(),
        status: given(&params.status)
            .map(|s| GroupStatus::parse(&s).ok_or_else(bad))
            .transpose()?,
        from: date(&params.from)?,
        to: date(&params.to)?,
        agency: given(&params.agency)
            .map(|a| a.parse::<i64>().map(AgencyId).map_err(|_| bad()))
            .transpose()?,
        market: given(&params.market),
    })
}

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GroupsView)?;
    let params = params.into_inner();
    let (page, found, total) = fetch(&db, params.page, query(&params)?, list::list).await?;
    let (agencies, markets) = db
        .read(|conn| -> Result<_, WebError> {
            Ok((list::agency_choices(conn)?, list::markets(conn)?))
        })
        .await?;
    let base = paths::GROUPS;
    let mut view = ListPage::new(&ui, &params, base, (page, total), key("groups-empty"));
    view.title = ui.t(key("groups-title"));
    view.search_placeholder = ui.t(key("groups-search-placeholder"));
    view.filters = filters(&ui, &params, agencies, markets);
    if user.user().role.permits(Perm::GroupsEdit) {
        view.actions.push(LinkView {
            href: paths::GROUP_NEW.to_owned(),
            label: ui.t(key("groups-new")),
        });
    }
    view.actions.push(LinkView {
        href: paths::GROUPS_CALENDAR.to_owned(),
        label: ui.t(key("groups-calendar")),
    });
    let costs = user.user().role.permits(Perm::CostsView);
    view.columns = columns(&ui, &params, costs);
    view.rows = found.iter().map(|g| row(&ui, g, costs)).collect();
    let filtering = [
        &params.status,
        &params.from,
        &params.to,
        &params.agency,
        &params.market,
    ]
    .iter()
    .any(|v| v.as_deref().is_some_and(|v| !v.is_empty()));
    let page = GroupsPage {
        list: view,
        from: params.from.clone().unwrap_or_default(),
        to: params.to.clone().unwrap_or_default(),
        filtering,
    };
    ui.render(StatusCode::OK, "groups/list.html", &page)
}

fn filters(
    ui: &Ui,
    params: &ListParams,
    agencies: Vec<list::AgencyChoice>,
    markets: Vec<String>,
) -> Vec<FilterView> {
    let all = || OptionView {
        value: String::new(),
        label: ui.t(key("list-all")),
    };
    let mut statuses = vec![all()];
    statuses.extend(GroupStatus::ALL.map(|s| OptionView {
        value: s.as_str().to_owned(),
        label: ui.t(s.label()),
    }));
    let mut agency_options = vec![all()];
    agency_options.extend(agencies.into_iter().map(|a| OptionView {
        value: a.id.to_string(),
        label: a.name,
    }));
    vec![
        FilterView {
            name: "status".into(),
            label: ui.t(key("groups-col-status")),
            options: statuses,
            value: params.status.clone().unwrap_or_default(),
        },
        FilterView {
            name: "agency".into(),
            label: ui.t(key("groups-col-agency")),
            options: agency_options,
            value: params.agency.clone().unwrap_or_default(),
        },
        FilterView::of(
            ui,
            "market",
            key("groups-col-market"),
            markets,
            params.market.as_deref(),
        ),
    ]
}

fn columns(ui: &Ui, params: &ListParams, costs: bool) -> Vec<ColumnView> {
    let base = paths::GROUPS;
    let sortable = |label, word| params.column(base, ui.t(label), word, "start");
    let numeric = |mut c: ColumnView| {
        c.numeric = true;
        c
    };
    let mut columns = vec![
        sortable(key("groups-col-code"), "code"),
        plain_column(ui.t(key("groups-col-tour"))),
        sortable(key("groups-col-agency"), "agency"),
        sortable(key("groups-col-start"), "start"),
        plain_column(ui.t(key("groups-col-end"))),
        plain_column(ui.t(key("groups-col-market"))),
        numeric(sortable(key("groups-col-pax"), "pax")),
        numeric(plain_column(ui.t(key("groups-col-guests")))),
        sortable(key("groups-col-status"), "status"),
    ];
    if costs {
        columns.push(numeric(plain_column(ui.t(key("groups-col-booked")))));
    }
    columns
}

fn row(ui: &Ui, g: &ListedGroup, costs: bool) -> RowView {
    let f = ui.formats();
    let mut cells = vec![
        CellView::link(&g.code, paths::group(g.id)),
        CellView::text(&g.tour_name),
        CellView::link(&g.agency_name, paths::agency(g.agency_id)),
        CellView::text(f.date(ui.locale(), g.starts_on)),
        CellView::text(f.date(ui.locale(), g.ends_on)),
        CellView::text(&g.market),
        CellView::num(super::pax_text(ui, g.pax_paying, g.pax_foc, g.tour_leaders)),
        CellView::num(f.integer(ui.locale(), g.guests)),
        super::status_cell(ui, g.status),
    ];
    if costs {
        let base = ui.state.tenant.base_currency;
        cells.push(CellView::num(money_text(ui, g.booked_cost_minor, base)));
    }
    RowView { cells }
}
