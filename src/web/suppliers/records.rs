//! Supplier pages for every kind — hotels, transport companies, restaurants, attractions,
//! shops: list, create, show, edit, archive and restore. One handler per action serves every
//! kind; the kind comes from the first path segment. Room types, seasonal rates and vehicles
//! live in [`crate::web::suppliers::items`].

use super::show::join_nonempty;
use super::{kind_of, kind_title, load, tabs};
use crate::db::master::suppliers::{self, Commission, Supplier, SupplierData, Suppliers};
use crate::domain::access::Perm;
use crate::domain::ids::SupplierId;
use crate::domain::master::suppliers::{
    CommissionBasis, CommissionSplit, SplitError, SupplierKind, commission_percent,
};
use crate::domain::message::{Message, key};
use crate::import::Kind as ImportKind;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, OptionView, Reader};
use crate::web::kit::list::{
    self, CellView, ColumnView, FilterView, ListPage, ListParams, RowView, plain_column,
};
use crate::web::kit::{self, money_input, number_input};
use crate::web::kit::{confirm, record};
use crate::web::paths;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

fn kind_new(kind: SupplierKind) -> &'static str {
    match kind {
        SupplierKind::Hotel => key("suppliers-new-hotel"),
        SupplierKind::Transport => key("suppliers-new-transport"),
        SupplierKind::Restaurant => key("suppliers-new-restaurant"),
        SupplierKind::Attraction => key("suppliers-new-attraction"),
        SupplierKind::Shop => key("suppliers-new-shop"),
    }
}

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersView)?;
    let kind = kind_of(&path.into_inner())?;
    let params = params.into_inner();
    let query = suppliers::ListQuery {
        listing: params.listing(),
        kind,
        city: params.city.clone(),
        show_archived: params.show_archived(),
    };
    let (page, found, total) = list::fetch(&db, params.page, query, suppliers::list).await?;
    let cities = db
        .read(move |conn| -> Result<_, WebError> { Ok(suppliers::cities(conn, kind)?) })
        .await?;
    let base = paths::suppliers(kind);
    let mut view = ListPage::new(&ui, &params, base, (page, total), key("suppliers-empty"));
    view.title = ui.t(kind_title(kind));
    view.tabs = tabs(&ui, kind);
    view.search_placeholder = ui.t(key("suppliers-search-placeholder"));
    let city = params.city.as_deref();
    view.filters = vec![FilterView::of(
        &ui,
        "city",
        key("suppliers-col-city"),
        cities,
        city,
    )];
    if user.user().role.permits(Perm::SuppliersEdit) {
        let import = Some(paths::import(ImportKind::of_supplier(kind)));
        view.add_actions(&ui, (&paths::supplier_new(kind), kind_new(kind)), import);
    }
    view.columns = columns(&ui, &params, kind);
    view.rows = found.iter().map(|s| row(s, kind)).collect();
    ui.render(StatusCode::OK, "master/list.html", &view)
}

fn columns(ui: &Ui, params: &ListParams, kind: SupplierKind) -> Vec<ColumnView> {
    let base = paths::suppliers(kind);
    let mut columns = vec![
        params.column(base, ui.t(key("suppliers-col-name")), "name", "name"),
        params.column(base, ui.t(key("suppliers-col-city")), "city", "name"),
        params.column(base, ui.t(key("suppliers-col-country")), "country", "name"),
    ];
    if kind == SupplierKind::Hotel {
        columns.push(params.column(base, ui.t(key("suppliers-col-stars")), "stars", "name"));
    }
    columns.push(plain_column(ui.t(key("suppliers-col-contact"))));
    columns.push(plain_column(ui.t(key("suppliers-col-currency"))));
    columns
}

fn row(supplier: &Supplier, kind: SupplierKind) -> RowView {
    let d = &supplier.data;
    let name = kit::with_local_name(&d.name, &d.local_name);
    let mut cells = vec![
        CellView::link(name, paths::supplier(kind, supplier.id)),
        CellView::text(&d.city),
        CellView::text(&d.country),
    ];
    if kind == SupplierKind::Hotel {
        let stars = d.stars.unwrap_or(0).clamp(0, 5) as usize;
        cells.push(CellView::text("★".repeat(stars)));
    }
    cells.push(CellView::text(join_nonempty(&[&d.contact_name, &d.phone])));
    cells.push(CellView::text(d.currency.code()));
    RowView { cells }
}

/// The form's fields for a stored supplier.
fn fields_of(ui: &Ui, d: &SupplierData) -> Fields {
    let c = d.currency;
    let amount = |m: Option<i64>| m.map(|m| money_input(ui, m, c)).unwrap_or_default();
    let commission = d.commission;
    Fields(vec![
        ("name".into(), d.name.clone()),
        ("local_name".into(), d.local_name.clone()),
        ("city".into(), d.city.clone()),
        ("country".into(), d.country.clone()),
        ("address".into(), d.address.clone()),
        ("contact_name".into(), d.contact_name.clone()),
        ("phone".into(), d.phone.clone()),
        ("email".into(), d.email.clone()),
        ("currency".into(), c.code().to_owned()),
        ("notes".into(), d.notes.clone()),
        (
            "stars".into(),
            d.stars.map(|s| s.to_string()).unwrap_or_default(),
        ),
        ("breakfast".into(), amount(d.breakfast_minor)),
        ("lunch".into(), amount(d.lunch_minor)),
        ("dinner".into(), amount(d.dinner_minor)),
        ("adult".into(), amount(d.adult_minor)),
        ("child".into(), amount(d.child_minor)),
        ("shop_kind".into(), d.shop_kind.clone()),
        (
            "commission_basis".into(),
            commission
                .map(|c| c.basis.as_str())
                .unwrap_or("percent")
                .to_owned(),
        ),
        (
            "commission_percent".into(),
            commission
                .and_then(|c| c.percent)
                .map(|p| number_input(ui, &p))
                .unwrap_or_default(),
        ),
        (
            "commission_per_head".into(),
            amount(commission.and_then(|c| c.per_head_minor)),
        ),
        (
            "split_agency".into(),
            commission
                .map(|c| number_input(ui, &c.split.agency))
                .unwrap_or_default(),
        ),
        (
            "split_guide".into(),
            commission
                .map(|c| number_input(ui, &c.split.guide))
                .unwrap_or_default(),
        ),
        (
            "split_driver".into(),
            commission
                .map(|c| number_input(ui, &c.split.driver))
                .unwrap_or_default(),
        ),
    ])
}

/// Parses the submitted form into supplier data, or the field errors.
fn read(ui: &Ui, kind: SupplierKind, fields: &Fields) -> Result<SupplierData, Errors> {
    let mut r = Reader::new(ui, fields);
    let name = r.text("name", 200, true);
    let local_name = r.text("local_name", 200, false);
    let city = r.text("city", 100, false);
    let country = r.text("country", 100, false);
    let address = r.multi_line("address", 500);
    let contact_name = r.text("contact_name", 200, false);
    let phone = r.text("phone", 100, false);
    let email = r.email("email", false);
    let notes = r.multi_line("notes", 4000);
    let currency = r.currency("currency");
    let mut data_stars = None;
    let (mut breakfast, mut lunch, mut dinner, mut adult, mut child) =
        (None, None, None, None, None);
    let mut shop_kind = String::new();
    let mut commission = None;
    match kind {
        SupplierKind::Hotel => {
            data_stars = r.integer("stars", 1, 5, false).map(|s| s as i32);
        }
        SupplierKind::Restaurant => {
            breakfast = r.money("breakfast", currency, false);
            lunch = r.money("lunch", currency, false);
            dinner = r.money("dinner", currency, false);
        }
        SupplierKind::Attraction => {
            adult = r.money("adult", currency, true);
            child = r.money("child", currency, false);
        }
        SupplierKind::Shop => {
            shop_kind = r.text("shop_kind", 100, false);
            let basis = r
                .choice("commission_basis", &["percent", "per_head"])
                .and_then(|b| CommissionBasis::parse(&b));
            let (percent, per_head) = match basis {
                Some(CommissionBasis::Percent) => (r.decimal("commission_percent", true), None),
                Some(CommissionBasis::PerHead) => {
                    (None, r.money("commission_per_head", currency, true))
                }
                None => (None, None),
            };
            if let Some(p) = percent
                && commission_percent(p).is_err()
            {
                r.errors
                    .add("commission_percent", ui.t(key("suppliers-error-percent")));
            }
            let shares = (
                r.decimal("split_agency", true),
                r.decimal("split_guide", true),
                r.decimal("split_driver", true),
            );
            if let (Some(basis), (Some(a), Some(g), Some(d))) = (basis, shares) {
                match CommissionSplit::new(a, g, d) {
                    Ok(split) => {
                        commission = Some(Commission {
                            basis,
                            percent,
                            per_head_minor: per_head,
                            split,
                        })
                    }
                    Err(SplitError::NotHundred(total)) => r.errors.add(
                        "split_agency",
                        ui.state.i18n.t(
                            ui.locale(),
                            key("suppliers-error-split"),
                            &[("total".into(), total.canonical())],
                        ),
                    ),
                    Err(SplitError::OutOfRange) => r
                        .errors
                        .add("split_agency", ui.t(key("suppliers-error-percent"))),
                }
            }
        }
        SupplierKind::Transport => {}
    }
    let (Some(currency), false) = (currency, r.errors.any()) else {
        return Err(r.errors);
    };
    Ok(SupplierData {
        kind,
        name,
        local_name,
        city,
        country,
        address,
        contact_name,
        phone,
        email,
        currency,
        notes,
        stars: data_stars,
        breakfast_minor: breakfast,
        lunch_minor: lunch,
        dinner_minor: dinner,
        adult_minor: adult,
        child_minor: child,
        shop_kind,
        commission,
    })
}

fn form_page(
    ui: &Ui,
    kind: SupplierKind,
    id: Option<SupplierId>,
    values: &Fields,
    errors: &Errors,
) -> FormPage {
    let mut b = FormBuilder::new(ui, values, errors);
    b.text("name", key("suppliers-col-name"), true)
        .text("local_name", key("suppliers-local-name"), false)
        .hint(key("suppliers-local-name-hint"))
        .text("city", key("suppliers-col-city"), false)
        .text("country", key("suppliers-col-country"), false)
        .text("contact_name", key("suppliers-col-contact"), false)
        .text("phone", key("suppliers-phone"), false)
        .email("email", key("suppliers-email"))
        .currencies("currency", key("suppliers-col-currency"));
    match kind {
        SupplierKind::Hotel => {
            let mut options = vec![OptionView {
                value: String::new(),
                label: "—".into(),
            }];
            options.extend((1..=5).map(|n| OptionView {
                value: n.to_string(),
                label: "★".repeat(n),
            }));
            b.select("stars", key("suppliers-col-stars"), options);
        }
        SupplierKind::Restaurant => {
            b.number("breakfast", key("suppliers-breakfast"), false)
                .number("lunch", key("suppliers-lunch"), false)
                .number("dinner", key("suppliers-dinner"), false);
        }
        SupplierKind::Attraction => {
            b.number("adult", key("suppliers-adult"), true).number(
                "child",
                key("suppliers-child"),
                false,
            );
        }
        SupplierKind::Shop => {
            let basis = vec![
                OptionView {
                    value: "percent".into(),
                    label: ui.t(key("suppliers-basis-percent")),
                },
                OptionView {
                    value: "per_head".into(),
                    label: ui.t(key("suppliers-basis-per-head")),
                },
            ];
            b.text("shop_kind", key("suppliers-shop-kind"), false)
                .select("commission_basis", key("suppliers-commission-basis"), basis)
                .number(
                    "commission_percent",
                    key("suppliers-commission-percent"),
                    false,
                )
                .number(
                    "commission_per_head",
                    key("suppliers-commission-per-head"),
                    false,
                )
                .number("split_agency", key("suppliers-split-agency"), true)
                .hint(key("suppliers-split-hint"))
                .number("split_guide", key("suppliers-split-guide"), true)
                .number("split_driver", key("suppliers-split-driver"), true);
        }
        SupplierKind::Transport => {}
    }
    b.textarea("address", key("suppliers-address"))
        .textarea("notes", key("suppliers-notes"));
    let fields = b.fields;
    FormPage {
        title: match id {
            Some(_) => ui.message(&Message::new("suppliers-edit-title").arg("kind", kind.as_str())),
            None => ui.t(kind_new(kind)),
        },
        action: match id {
            Some(id) => paths::supplier(kind, id),
            None => paths::suppliers(kind).to_owned(),
        },
        back_href: match id {
            Some(id) => paths::supplier(kind, id),
            None => paths::suppliers(kind).to_owned(),
        },
        back_label: ui.t(kind_title(kind)),
        fields,
        form_error: errors.any().then(|| ui.t(key("error-unprocessable"))),
    }
}

pub async fn new_form(
    ui: Ui,
    user: CurrentUser,
    path: web::Path<String>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let kind = kind_of(&path.into_inner())?;
    let defaults = Fields(vec![
        (
            "currency".into(),
            ui.state.tenant.base_currency.code().to_owned(),
        ),
        ("commission_basis".into(), "percent".into()),
    ]);
    let view = form_page(&ui, kind, None, &defaults, &Errors::default());
    ui.render(StatusCode::OK, "master/form.html", &view)
}

pub async fn create(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<String>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let kind = kind_of(&path.into_inner())?;
    let fields = Fields(form.into_inner());
    let data = match read(&ui, kind, &fields) {
        Ok(d) => d,
        Err(errors) => {
            let view = form_page(&ui, kind, None, &fields, &errors);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &view);
        }
    };
    if fields.get("duplicate_ok") != "yes" {
        let (name, city) = (data.name.clone(), data.city.clone());
        let twin = db
            .read(move |conn| -> Result<_, WebError> {
                Ok(suppliers::find_by_name(conn, kind, &name, &city)?)
            })
            .await?;
        if let Some(twin) = twin {
            return duplicate_page(&ui, kind, &fields, &twin);
        }
    }
    let id = record::insert::<Suppliers>(&ui, &db, &user, data).await?;
    let flash = Flash::success(Message::new("suppliers-created").arg("kind", kind.as_str()));
    Ok(ui.see_other(&paths::supplier(kind, id), flash))
}

/// The new-supplier form again, warning that a supplier of the kind with this name in this
/// city exists (live or archived) and linking to it; a box to tick creates it anyway.
fn duplicate_page(
    ui: &Ui,
    kind: SupplierKind,
    fields: &Fields,
    twin: &Supplier,
) -> Result<HttpResponse, WebError> {
    #[derive(serde::Serialize)]
    struct DuplicateView {
        #[serde(flatten)]
        form: FormPage,
        existing_href: String,
        existing_text: String,
    }
    let no_errors = Errors::default();
    let mut form = form_page(ui, kind, None, fields, &no_errors);
    let warning = Message::new("suppliers-duplicate")
        .arg("kind", kind.as_str())
        .arg("name", &twin.data.name)
        .arg("city", &twin.data.city)
        .arg("archived", if twin.archived { "yes" } else { "no" });
    form.form_error = Some(ui.message(&warning));
    let mut b = FormBuilder::new(ui, fields, &no_errors);
    b.checkbox("duplicate_ok", key("suppliers-duplicate-confirm"));
    form.fields.extend(b.fields);
    let view = DuplicateView {
        form,
        existing_href: paths::supplier(kind, twin.id),
        existing_text: ui
            .message(&Message::new("suppliers-duplicate-open").arg("name", &twin.data.name)),
    };
    ui.render(StatusCode::CONFLICT, "master/form.html", &view)
}

pub async fn edit_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, SupplierId)>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (segment, id) = path.into_inner();
    let kind = kind_of(&segment)?;
    let supplier = load(&db, kind, id).await?;
    let view = form_page(
        &ui,
        kind,
        Some(supplier.id),
        &fields_of(&ui, &supplier.data),
        &Errors::default(),
    );
    ui.render(StatusCode::OK, "master/form.html", &view)
}

pub async fn update(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, SupplierId)>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (segment, id) = path.into_inner();
    let kind = kind_of(&segment)?;
    let before = load(&db, kind, id).await?;
    let fields = Fields(form.into_inner());
    let data = match read(&ui, kind, &fields) {
        Ok(d) => d,
        Err(errors) => {
            let view = form_page(&ui, kind, Some(before.id), &fields, &errors);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &view);
        }
    };
    record::change::<Suppliers>(&ui, &db, &user, before.id, data).await?;
    let flash = Flash::success(Message::new("suppliers-updated"));
    Ok(ui.see_other(&paths::supplier(kind, before.id), flash))
}

async fn set_archived(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, SupplierId)>,
    archived: bool,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::SuppliersEdit)?;
    let (segment, id) = path.into_inner();
    let kind = kind_of(&segment)?;
    // Of the kind the path names: a restaurant is not archived through `/hotels/{id}`.
    let id = load(&db, kind, id).await?.id;
    record::set_archived::<Suppliers>(&ui, &db, &user, id, archived).await?;
    let message = if archived {
        Message::new("suppliers-archived")
    } else {
        Message::new("suppliers-restored")
    }
    .arg("kind", kind.as_str());
    Ok(ui.see_other(&paths::supplier(kind, id), Flash::success(message)))
}

/// Archives the supplier once confirmed; before, answers the question (`kit::confirm`).
pub async fn archive(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, SupplierId)>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if !confirm::confirmed(&Fields(form.into_inner())) {
        user.require(Perm::SuppliersEdit)?;
        let (segment, id) = path.into_inner();
        let kind = kind_of(&segment)?;
        let supplier = load(&db, kind, id).await?;
        if supplier.archived {
            return Err(WebError::Conflict(Message::new("error-archived")));
        }
        let back = paths::supplier(kind, id);
        return confirm::ask_archive(&ui, &supplier.data.name, None, &back);
    }
    set_archived(ui, db, user, path, true).await
}

pub async fn restore(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<(String, SupplierId)>,
) -> Result<HttpResponse, WebError> {
    set_archived(ui, db, user, path, false).await
}
