//! Client agency pages: the list (search, market filter, sorting), and the form, its page with
//! the agency's contacts and its messages, which the record handlers of
//! [`crate::web::kit::record`] serve for create, edit, archive and restore.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::master::agencies::{self, Agencies, Agency, AgencyData};
use crate::db::master::contacts::Party;
use crate::domain::access::Perm;
use crate::domain::ids::AgencyId;
use crate::domain::master::guides::Language;
use crate::domain::message::key;
use crate::i18n::language_key;
use crate::web::contacts;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, OptionView, Reader};
use crate::web::kit::list::{
    self, CellView, ColumnView, FilterView, ListPage, ListParams, RowView, plain_column,
};
use crate::web::kit::record::{FormRecord, Messages};
use crate::web::kit::{self, DetailView, money_input, money_text};
use crate::web::paths;

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::AgenciesView)?;
    let params = params.into_inner();
    let query = agencies::ListQuery {
        listing: params.listing(),
        market: params.market.clone(),
        show_archived: params.show_archived(),
    };
    let (page, found, total) = list::fetch(&db, params.page, query, agencies::list).await?;
    let markets = db
        .read(|conn| -> Result<_, WebError> { Ok(agencies::markets(conn)?) })
        .await?;
    let base = paths::AGENCIES;
    let mut view = ListPage::new(&ui, &params, base, (page, total), key("agencies-empty"));
    view.title = ui.t(key("agencies-title"));
    view.search_placeholder = ui.t(key("agencies-search-placeholder"));
    let market = params.market.as_deref();
    view.filters = vec![FilterView::of(
        &ui,
        "market",
        key("agencies-col-market"),
        markets,
        market,
    )];
    if user.user().role.permits(Perm::AgenciesEdit) {
        let import = Some(paths::import(crate::import::Kind::Agencies));
        view.add_actions(&ui, (paths::AGENCY_NEW, key("agencies-new")), import);
    }
    view.columns = columns(&ui, &params);
    view.rows = found.iter().map(|agency| row(&ui, agency)).collect();
    ui.render(StatusCode::OK, "master/list.html", &view)
}

fn columns(ui: &Ui, params: &ListParams) -> Vec<ColumnView> {
    let base = paths::AGENCIES;
    let mut credit = params.column(base, ui.t(key("agencies-col-credit")), "credit", "name");
    credit.numeric = true;
    vec![
        params.column(base, ui.t(key("agencies-col-name")), "name", "name"),
        params.column(base, ui.t(key("suppliers-col-country")), "country", "name"),
        params.column(base, ui.t(key("agencies-col-market")), "market", "name"),
        plain_column(ui.t(key("agencies-col-language"))),
        plain_column(ui.t(key("suppliers-col-currency"))),
        credit,
    ]
}

fn row(ui: &Ui, agency: &Agency) -> RowView {
    let d = &agency.data;
    let credit = credit_terms(ui, d);
    RowView {
        cells: vec![
            CellView::link(&d.name, paths::agency(agency.id)),
            CellView::text(&d.country),
            CellView::text(&d.market),
            CellView::text(ui.t(language_key(d.language))),
            CellView::text(d.currency.code()),
            CellView::num(credit),
        ],
    }
}

impl FormRecord for Agencies {
    const EDIT: Perm = Perm::AgenciesEdit;
    const MESSAGES: Messages = Messages {
        created: key("agencies-created"),
        updated: key("agencies-updated"),
        archived: key("agencies-archived"),
        restored: key("agencies-restored"),
    };

    fn page(id: AgencyId) -> String {
        paths::agency(id)
    }

    fn defaults(_: &Ui) -> Fields {
        Fields(vec![
            ("currency".into(), "USD".into()),
            ("language".into(), Language::English.document_tag().into()),
            ("credit_days".into(), "30".into()),
            ("credit_limit".into(), "0".into()),
        ])
    }

    fn values(ui: &Ui, d: &AgencyData) -> Fields {
        Fields(vec![
            ("name".into(), d.name.clone()),
            ("country".into(), d.country.clone()),
            ("market".into(), d.market.clone()),
            ("language".into(), d.language.document_tag().to_owned()),
            ("currency".into(), d.currency.code().to_owned()),
            ("credit_days".into(), d.credit_days.to_string()),
            (
                "credit_limit".into(),
                money_input(ui, d.credit_limit_minor, d.currency),
            ),
            ("contact_name".into(), d.contact_name.clone()),
            ("phone".into(), d.phone.clone()),
            ("email".into(), d.email.clone()),
            ("notes".into(), d.notes.clone()),
        ])
    }

    fn read(ui: &Ui, fields: &Fields) -> Result<AgencyData, Errors> {
        let mut r = Reader::new(ui, fields);
        let name = r.text("name", 200, true);
        let country = r.text("country", 100, false);
        let market = r.text("market", 100, false);
        let language = r
            .choice("language", &Language::DOCUMENT_TAGS)
            .and_then(|tag| Language::parse(&tag));
        let currency = r.currency("currency");
        let credit_days = r.integer("credit_days", 0, 365, true);
        let credit_limit = r.money("credit_limit", currency, true);
        let contact_name = r.text("contact_name", 200, false);
        let phone = r.text("phone", 100, false);
        let email = r.email("email", false);
        let notes = r.multi_line("notes", 4000);
        let (Some(language), Some(currency), Some(days), Some(limit), false) = (
            language,
            currency,
            credit_days,
            credit_limit,
            r.errors.any(),
        ) else {
            return Err(r.errors);
        };
        Ok(AgencyData {
            name,
            country,
            market,
            language,
            currency,
            credit_days: days as i32,
            credit_limit_minor: limit,
            contact_name,
            phone,
            email,
            notes,
        })
    }

    fn form(ui: &Ui, id: Option<AgencyId>, values: &Fields, errors: &Errors) -> FormPage {
        let languages = Language::DOCUMENTS
            .iter()
            .map(|l| OptionView {
                value: l.document_tag().into(),
                label: ui.t(language_key(*l)),
            })
            .collect();
        let mut b = FormBuilder::new(ui, values, errors);
        b.text("name", key("agencies-col-name"), true)
            .text("country", key("suppliers-col-country"), false)
            .text("market", key("agencies-col-market"), false)
            .hint(key("agencies-market-hint"))
            .select("language", key("agencies-col-language"), languages)
            .hint(key("agencies-language-hint"))
            .currencies("currency", key("suppliers-col-currency"))
            .number("credit_days", key("agencies-credit-days"), true)
            .number("credit_limit", key("agencies-credit-limit"), true)
            .text("contact_name", key("suppliers-col-contact"), false)
            .text("phone", key("suppliers-phone"), false)
            .email("email", key("suppliers-email"))
            .textarea("notes", key("suppliers-notes"));
        let fields = b.fields;
        FormPage {
            title: ui.t(if id.is_some() {
                key("agencies-edit-title")
            } else {
                key("agencies-new")
            }),
            action: id
                .map(paths::agency)
                .unwrap_or_else(|| paths::AGENCIES.into()),
            back_href: id
                .map(paths::agency)
                .unwrap_or_else(|| paths::AGENCIES.into()),
            back_label: match id {
                Some(_) => ui.t(key("agencies-page")),
                None => ui.t(key("agencies-title")),
            },
            fields,
            form_error: errors.any().then(|| ui.t(key("error-unprocessable"))),
        }
    }
}

#[derive(Serialize)]
struct ShowView {
    name: String,
    base: &'static str,
    id: i64,
    archived: bool,
    can_edit: bool,
    details: Vec<DetailView>,
    contacts: contacts::ContactsSection,
}

/// The agency's page, for every role that may see it: its terms and its contacts; Edit,
/// Archive and Restore for those who may change it.
pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<AgencyId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::AgenciesView)?;
    let id = path.into_inner();
    let agency = db.find(move |conn| agencies::find(conn, id)).await?;
    let view = ShowView {
        name: agency.data.name.clone(),
        base: paths::AGENCIES,
        id: id.0,
        archived: agency.archived,
        can_edit: user.user().role.permits(Perm::AgenciesEdit),
        details: details(&ui, &agency.data),
        contacts: contacts::section(&ui, &db, &user, Party::Agency(id)).await?,
    };
    ui.render(StatusCode::OK, "agencies/show.html", &view)
}

/// The agency's filled-in fields, as label and value.
fn details(ui: &Ui, d: &AgencyData) -> Vec<DetailView> {
    kit::details(
        ui,
        [
            (key("suppliers-col-country"), d.country.clone()),
            (key("agencies-col-market"), d.market.clone()),
            (key("agencies-col-language"), ui.t(language_key(d.language))),
            (key("suppliers-col-currency"), d.currency.code().to_owned()),
            (key("agencies-col-credit"), credit_terms(ui, d)),
            (key("suppliers-col-contact"), d.contact_name.clone()),
            (key("suppliers-phone"), d.phone.clone()),
            (key("suppliers-email"), d.email.clone()),
            (key("suppliers-notes"), d.notes.clone()),
        ],
    )
}

/// "30 days, up to 500,000.00 CNY".
fn credit_terms(ui: &Ui, d: &AgencyData) -> String {
    ui.state.i18n.t(
        ui.locale(),
        key("agencies-credit-terms"),
        &[
            ("days".into(), d.credit_days.to_string()),
            (
                "limit".into(),
                money_text(ui, d.credit_limit_minor, d.currency),
            ),
        ],
    )
}
