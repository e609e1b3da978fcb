//! The tour list (search, market filter, sort, paging, archived) and the tour form: create,
//! edit, copy under a new code, archive (asked first) and restore.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::db::master::RecordError;
use crate::db::tours::{self, Tour};
use crate::domain::access::Perm;
use crate::domain::ids::TourId;
use crate::domain::locale::Locale;
use crate::domain::message::{Message, key};
use crate::domain::tours::itinerary::{MAX_DAYS, Texts, TourData, TourError};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::confirm;
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, Reader};
use crate::web::kit::list::{
    self, CellView, FilterView, ListPage, ListParams, RowView, plain_column,
};
use crate::web::paths;

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursView)?;
    let params = params.into_inner();
    let query = tours::ListQuery {
        listing: params.listing(),
        market: params.market.clone(),
        show_archived: params.show_archived(),
    };
    let (page, found, total) = list::fetch(&db, params.page, query, tours::list).await?;
    let markets = db
        .read(|conn| -> Result<_, WebError> { Ok(tours::markets(conn)?) })
        .await?;
    let base = paths::TOURS;
    let mut view = ListPage::new(&ui, &params, base, (page, total), key("tours-empty"));
    view.title = ui.t(key("tours-title"));
    view.search_placeholder = ui.t(key("tours-search-placeholder"));
    view.filters = vec![FilterView::of(
        &ui,
        "market",
        key("tours-market"),
        markets,
        params.market.as_deref(),
    )];
    if user.user().role.permits(Perm::ToursEdit) {
        view.add_actions(&ui, (paths::TOUR_NEW, key("tours-new")), None);
    }
    let mut days = params.column(base, ui.t(key("tours-days")), "days", "code");
    days.numeric = true;
    view.columns = vec![
        params.column(base, ui.t(key("tours-code")), "code", "code"),
        params.column(base, ui.t(key("tours-name")), "name", "code"),
        days,
        plain_column(ui.t(key("tours-cities"))),
        params.column(base, ui.t(key("tours-market")), "market", "code"),
        plain_column(ui.t(key("tours-min-pax"))),
    ];
    view.rows = found.iter().map(|t| row(&ui, t)).collect();
    ui.render(StatusCode::OK, "master/list.html", &view)
}

fn row(ui: &Ui, t: &Tour) -> RowView {
    let d = &t.data;
    RowView {
        cells: vec![
            CellView::link(&d.code, paths::tour(t.id)),
            CellView::link(&d.name, paths::tour(t.id)),
            CellView::num(duration(ui, d)),
            CellView::text(&d.cities),
            CellView::text(&d.market),
            CellView::num(ui.formats().integer(ui.locale(), i64::from(d.min_pax))),
        ],
    }
}

/// "5 days / 4 nights".
pub fn duration(ui: &Ui, d: &TourData) -> String {
    ui.message(
        &Message::new("tours-duration")
            .count("days", i64::from(d.days))
            .count("nights", i64::from(d.nights)),
    )
}

fn description_field(locale: Locale) -> String {
    format!("description_{}", Texts::suffix(locale))
}

fn defaults() -> Fields {
    Fields(vec![
        ("days".into(), "5".into()),
        ("nights".into(), "4".into()),
        ("min_pax".into(), "10".into()),
    ])
}

fn values(d: &TourData) -> Fields {
    let mut f = vec![
        ("code".into(), d.code.clone()),
        ("name".into(), d.name.clone()),
        ("days".into(), d.days.to_string()),
        ("nights".into(), d.nights.to_string()),
        ("cities".into(), d.cities.clone()),
        ("market".into(), d.market.clone()),
        ("min_pax".into(), d.min_pax.to_string()),
    ];
    for l in Locale::ALL {
        f.push((description_field(l), d.description.get(l).to_owned()));
    }
    Fields(f)
}

/// Reads texts per language from `<prefix>_<suffix>` fields.
pub fn read_texts(r: &mut Reader<'_>, prefix: &str, max: usize) -> Texts {
    let mut texts = Texts::default();
    for l in Locale::ALL {
        let field = format!("{prefix}_{}", Texts::suffix(l));
        texts.set(l, r.multi_line(&field, max));
    }
    texts
}

fn read(ui: &Ui, fields: &Fields) -> Result<TourData, Errors> {
    let mut r = Reader::new(ui, fields);
    let code = r.text("code", 40, true);
    let name = r.text("name", 200, true);
    let description = read_texts(&mut r, "description", 8000);
    let days = r.integer("days", 1, i64::from(MAX_DAYS), true);
    let nights = r.integer("nights", 0, i64::from(MAX_DAYS), true);
    let cities = r.text("cities", 300, false);
    let market = r.text("market", 100, false);
    let min_pax = r.integer("min_pax", 1, 999, true);
    let (Some(days), Some(nights), Some(min_pax), false) = (days, nights, min_pax, r.errors.any())
    else {
        return Err(r.errors);
    };
    let data = TourData {
        code,
        name,
        description,
        days: days as i32,
        nights: nights as i32,
        cities,
        market,
        min_pax: min_pax as i32,
    };
    match data.check() {
        Ok(()) => Ok(data),
        Err(TourError::NightsOverDays) => {
            let mut errors = r.errors;
            errors.add("nights", ui.t(key("tours-error-nights")));
            Err(errors)
        }
        Err(TourError::CodeTaken) => Err(r.errors),
    }
}

fn form(ui: &Ui, id: Option<TourId>, values: &Fields, errors: &Errors) -> FormPage {
    let mut b = FormBuilder::new(ui, values, errors);
    b.text("code", key("tours-code"), true)
        .hint(key("tours-code-hint"))
        .text("name", key("tours-name"), true)
        .number("days", key("tours-days"), true)
        .number("nights", key("tours-nights"), true)
        .text("cities", key("tours-cities"), false)
        .text("market", key("tours-market"), false)
        .number("min_pax", key("tours-min-pax"), true)
        .hint(key("tours-min-pax-hint"));
    for (l, label) in DESCRIPTION_LABELS {
        b.textarea(&description_field(l), label);
    }
    if let Some(f) = b.fields.last_mut() {
        f.hint = Some(ui.t(key("tours-description-hint")));
    }
    let fields = b.fields;
    FormPage {
        title: ui.t(if id.is_some() {
            key("tours-edit-title")
        } else {
            key("tours-new")
        }),
        action: id.map(paths::tour).unwrap_or_else(|| paths::TOURS.into()),
        back_href: id.map(paths::tour).unwrap_or_else(|| paths::TOURS.into()),
        back_label: ui.t(key("tours-title")),
        fields,
        form_error: errors.any().then(|| ui.t(key("error-unprocessable"))),
    }
}

const DESCRIPTION_LABELS: [(Locale, &str); 4] = [
    (Locale::En, key("tours-description-en")),
    (Locale::Th, key("tours-description-th")),
    (Locale::ZhCn, key("tours-description-zh")),
    (Locale::Vi, key("tours-description-vi")),
];

pub async fn new_form(ui: Ui, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let page = form(&ui, None, &defaults(), &Errors::default());
    ui.render(StatusCode::OK, "master/form.html", &page)
}

/// A refused write's form again, with the refusal at the code.
fn refused(
    ui: &Ui,
    id: Option<TourId>,
    fields: &Fields,
    e: RecordError,
) -> Result<HttpResponse, WebError> {
    let errors = Errors::refused(ui, "code", e)?;
    let page = form(ui, id, fields, &errors);
    ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &page)
}

pub async fn create(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let fields = Fields(form_data.into_inner());
    let data = match read(&ui, &fields) {
        Ok(d) => d,
        Err(errors) => {
            let page = form(&ui, None, &fields, &errors);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &page);
        }
    };
    let actor = user.actor(ui.client_addr());
    match db
        .write(move |conn| tours::create(conn, &actor, &data))
        .await
    {
        Ok(id) => Ok(ui.see_other(
            &paths::tour(id),
            Flash::success(Message::new("tours-created")),
        )),
        Err(e) => refused(&ui, None, &fields, e),
    }
}

pub async fn edit_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let tour = db.find(move |conn| tours::find(conn, id)).await?;
    let page = form(&ui, Some(id), &values(&tour.data), &Errors::default());
    ui.render(StatusCode::OK, "master/form.html", &page)
}

pub async fn update(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let fields = Fields(form_data.into_inner());
    let data = match read(&ui, &fields) {
        Ok(d) => d,
        Err(errors) => {
            let page = form(&ui, Some(id), &fields, &errors);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &page);
        }
    };
    let actor = user.actor(ui.client_addr());
    match db
        .write(move |conn| tours::change(conn, &actor, id, &data))
        .await
    {
        Ok(()) => Ok(ui.see_other(
            &paths::tour(id),
            Flash::success(Message::new("tours-updated")),
        )),
        Err(e) => refused(&ui, Some(id), &fields, e),
    }
}

/// Archives the tour once confirmed; before, asks (`kit::confirm`).
pub async fn archive(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    if !confirm::confirmed(&Fields(form_data.into_inner())) {
        let tour = db.find(move |conn| tours::find(conn, id)).await?;
        let detail = Some(key("tours-archive-detail"));
        return confirm::ask_archive(&ui, &tour.data.name, detail, &paths::tour(id));
    }
    set_archived(ui, db, user, id, true).await
}

pub async fn restore(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    set_archived(ui, db, user, path.into_inner(), false).await
}

async fn set_archived(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    id: TourId,
    archived: bool,
) -> Result<HttpResponse, WebError> {
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| tours::set_archived(conn, &actor, id, archived))
        .await?;
    let message = if archived {
        key("tours-archived")
    } else {
        key("tours-restored")
    };
    Ok(ui.see_other(&paths::tour(id), Flash::success(Message::new(message))))
}

/// Copies the tour under the code typed beside the Copy button.
pub async fn copy(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let fields = Fields(form_data.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let code = r.text("code", 40, true);
    if r.errors.any() {
        let m = Message::new("tours-copy-code-required");
        return Ok(ui.see_other(&paths::tour(id), Flash::error(m)));
    }
    let actor = user.actor(ui.client_addr());
    let result = db
        .write(move |conn| tours::copy(conn, &actor, id, &code))
        .await;
    match result {
        Ok(copy) => Ok(ui.see_other(
            &paths::tour(copy),
            Flash::success(Message::new("tours-copied")),
        )),
        Err(RecordError::Refused(m)) => Ok(ui.see_other(&paths::tour(id), Flash::error(m))),
        Err(e) => Err(e.into()),
    }
}
