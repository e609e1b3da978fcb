//! Itinerary days: added at the end of a tour, edited (title and text per language, the
//! overnight city), removed with their lines (asked first), moved up or down.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::db::tours::itinerary;
use crate::domain::access::Perm;
use crate::domain::ids::{TourDayId, TourId};
use crate::domain::locale::Locale;
use crate::domain::message::{Message, key};
use crate::domain::tours::itinerary::{DayData, Move, Texts};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::confirm;
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, Reader};
use crate::web::paths;
use crate::web::tours::lines::MoveForm;
use crate::web::tours::records::read_texts;

const TITLES: [(Locale, &str); 4] = [
    (Locale::En, key("tours-day-title-en")),
    (Locale::Th, key("tours-day-title-th")),
    (Locale::ZhCn, key("tours-day-title-zh")),
    (Locale::Vi, key("tours-day-title-vi")),
];

const TEXTS: [(Locale, &str); 4] = [
    (Locale::En, key("tours-day-text-en")),
    (Locale::Th, key("tours-day-text-th")),
    (Locale::ZhCn, key("tours-day-text-zh")),
    (Locale::Vi, key("tours-day-text-vi")),
];

fn field(prefix: &str, l: Locale) -> String {
    format!("{prefix}_{}", Texts::suffix(l))
}

fn values(d: &DayData) -> Fields {
    let mut f = vec![("overnight_city".to_owned(), d.overnight_city.clone())];
    for l in Locale::ALL {
        f.push((field("title", l), d.title.get(l).to_owned()));
        f.push((field("text", l), d.text.get(l).to_owned()));
    }
    Fields(f)
}

fn read(ui: &Ui, fields: &Fields) -> Result<DayData, Errors> {
    let mut r = Reader::new(ui, fields);
    let mut title = Texts::default();
    for l in Locale::ALL {
        title.set(l, r.text(&field("title", l), 200, false));
    }
    let text = read_texts(&mut r, "text", 8000);
    let overnight_city = r.text("overnight_city", 100, false);
    if Locale::ALL.iter().all(|l| title.get(*l).is_empty()) {
        r.errors.add(
            &field("title", ui.locale()),
            ui.t(key("tours-day-error-title")),
        );
    }
    if r.errors.any() {
        return Err(r.errors);
    }
    Ok(DayData {
        title,
        text,
        overnight_city,
    })
}

/// The day form's fields, for its own page and under the itinerary.
pub fn fields(ui: &Ui, values: &Fields, errors: &Errors) -> Vec<crate::web::kit::form::FieldView> {
    let mut b = FormBuilder::new(ui, values, errors);
    for (l, label) in TITLES {
        b.text(&field("title", l), label, false);
    }
    b.text("overnight_city", key("tours-day-overnight"), false);
    for (l, label) in TEXTS {
        b.textarea(&field("text", l), label);
    }
    b.fields
}

fn page(ui: &Ui, id: TourDayId, tour: TourId, values: &Fields, errors: &Errors) -> FormPage {
    FormPage {
        title: ui.t(key("tours-day-edit")),
        action: paths::tour_day(id),
        back_href: paths::tour(tour),
        back_label: ui.t(key("tours-itinerary")),
        fields: fields(ui, values, errors),
        form_error: errors.any().then(|| ui.t(key("error-unprocessable"))),
    }
}

/// Adds a day from the form under the itinerary; a refused form is shown on its own page.
pub async fn add(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let tour = path.into_inner();
    let fields = Fields(form_data.into_inner());
    let data = match read(&ui, &fields) {
        Ok(d) => d,
        Err(errors) => {
            let view = FormPage {
                title: ui.t(key("tours-day-add")),
                action: paths::tour_days(tour),
                back_href: paths::tour(tour),
                back_label: ui.t(key("tours-itinerary")),
                fields: self::fields(&ui, &fields, &errors),
                form_error: Some(ui.t(key("error-unprocessable"))),
            };
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &view);
        }
    };
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| itinerary::add_day(conn, &actor, tour, &data))
        .await?;
    Ok(ui.see_other(
        &paths::tour(tour),
        Flash::success(Message::new("tours-day-added")),
    ))
}

pub async fn edit_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourDayId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let day = db.find(move |conn| itinerary::find_day(conn, id)).await?;
    let view = page(&ui, id, day.tour_id, &values(&day.data), &Errors::default());
    ui.render(StatusCode::OK, "master/form.html", &view)
}

pub async fn update(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourDayId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let tour = db
        .find(move |conn| itinerary::tour_of_day(conn, id))
        .await?;
    let fields = Fields(form_data.into_inner());
    let data = match read(&ui, &fields) {
        Ok(d) => d,
        Err(errors) => {
            let view = page(&ui, id, tour, &fields, &errors);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &view);
        }
    };
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| itinerary::change_day(conn, &actor, id, &data))
        .await?;
    Ok(ui.see_other(
        &paths::tour(tour),
        Flash::success(Message::new("tours-day-updated")),
    ))
}

/// Removes the day and its lines once confirmed; before, asks.
pub async fn delete(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourDayId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    if !confirm::confirmed(&Fields(form_data.into_inner())) {
        let day = db.find(move |conn| itinerary::find_day(conn, id)).await?;
        let name =
            ui.message(&Message::new("tours-day-number").count("number", i64::from(day.number)));
        return confirm::ask_delete(&ui, &name, &paths::tour(day.tour_id));
    }
    let actor = user.actor(ui.client_addr());
    let tour = db
        .write(move |conn| itinerary::delete_day(conn, &actor, id))
        .await?;
    Ok(ui.see_other(
        &paths::tour(tour),
        Flash::success(Message::new("tours-day-deleted")),
    ))
}

pub async fn move_day(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourDayId>,
    form_data: web::Form<MoveForm>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let direction = Move::parse(form_data.direction())
        .ok_or_else(|| WebError::BadRequest(Message::new("error-bad-request")))?;
    let actor = user.actor(ui.client_addr());
    let tour = db
        .write(move |conn| itinerary::move_day(conn, &actor, id, direction))
        .await?;
    Ok(ui.see_other(
        &paths::tour(tour),
        Flash::success(Message::new("tours-moved")),
    ))
}
