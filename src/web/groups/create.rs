//! Creating a group straight from a tour: `/groups/new?tour={id}` and `POST /groups`. The end
//! date defaults to the tour's length and the market to the tour's, else the agency's; the
//! code is given by the write (`db::groups::create`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};

use crate::db::groups::{self, NewGroup, TourFacts, WriteError, list};
use crate::domain::access::Perm;
use crate::domain::groups::status::GroupStatus;
use crate::domain::groups::{MAX_PAX, MAX_TOUR_LEADERS, Pax};
use crate::domain::ids::{AgencyId, TourId};
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, OptionView, Reader};
use crate::web::paths;

#[derive(serde::Deserialize)]
pub struct NewParams {
    tour: Option<String>,
}

/// The tours and agencies the form offers.
struct Choices {
    tours: Vec<(TourId, String, String)>,
    agencies: Vec<list::AgencyChoice>,
}

async fn choices(db: &Db) -> Result<Choices, WebError> {
    db.read(|conn| -> Result<_, WebError> {
        Ok(Choices {
            tours: list::tour_choices(conn)?,
            agencies: list::agency_choices(conn)?,
        })
    })
    .await
}

pub async fn new_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<NewParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GroupsEdit)?;
    let tour = match params.tour.as_deref().filter(|t| !t.is_empty()) {
        None => None,
        Some(raw) => {
            let id = raw
                .parse::<i64>()
                .map(TourId)
                .map_err(|_| WebError::BadRequest(Message::new("groups-error-filter")))?;
            Some(db.find(move |conn| groups::find_tour(conn, id)).await?)
        }
    };
    let values = defaults(tour.as_ref());
    let page = form(&ui, &choices(&db).await?, &values, &Errors::default());
    ui.render(StatusCode::OK, "master/form.html", &page)
}

/// The form's values before anything is typed: the tour's minimum pax as paying pax.
fn defaults(tour: Option<&TourFacts>) -> Fields {
    let mut values = vec![
        ("pax_foc".to_owned(), "0".to_owned()),
        ("tour_leaders".to_owned(), "0".to_owned()),
    ];
    if let Some(t) = tour {
        values.push(("tour".into(), t.id.to_string()));
        values.push(("pax_paying".into(), t.min_pax.to_string()));
        values.push(("market".into(), t.market.clone()));
    }
    Fields(values)
}

pub async fn create(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GroupsEdit)?;
    let fields = Fields(form.into_inner());
    let new = match read(&ui, &fields) {
        Ok(new) => new,
        Err(errors) => return refused(&ui, &db, &fields, &errors).await,
    };
    let actor = user.actor(ui.client_addr());
    let written = db
        .write(move |conn| groups::create(conn, &actor, &new))
        .await;
    match written {
        Ok((id, code)) => {
            let flash = Flash::success(Message::new("groups-created").arg("code", code));
            Ok(ui.see_other(&paths::group(id), flash))
        }
        Err(e) => {
            let field = match &e {
                WriteError::Rule(rule) => rule.field(),
                _ => "tour",
            };
            let errors = Errors::refused(&ui, field, e)?;
            refused(&ui, &db, &fields, &errors).await
        }
    }
}

/// The form again, as typed, with its errors (422).
async fn refused(
    ui: &Ui,
    db: &Db,
    fields: &Fields,
    errors: &Errors,
) -> Result<HttpResponse, WebError> {
    let page = form(ui, &choices(db).await?, fields, errors);
    ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &page)
}

/// The submitted form as a new group (quoted), or its field errors.
fn read(ui: &Ui, fields: &Fields) -> Result<NewGroup, Errors> {
    let mut r = Reader::new(ui, fields);
    let tour = r.integer("tour", 1, i64::MAX, true).map(TourId);
    let agency = r.integer("agency", 1, i64::MAX, true).map(AgencyId);
    let starts_on = r.date("starts_on", true);
    let ends_on = r.date("ends_on", false);
    let market = r.text("market", 100, false);
    let paying = r.integer("pax_paying", 1, i64::from(MAX_PAX), true);
    let foc = r
        .integer("pax_foc", 0, i64::from(MAX_PAX), false)
        .unwrap_or(0);
    let leaders = r
        .integer("tour_leaders", 0, i64::from(MAX_TOUR_LEADERS), false)
        .unwrap_or(0);
    let notes = r.multi_line("notes", 4000);
    if let (Some(start), Some(end)) = (starts_on, ends_on)
        && let Err(e) = crate::domain::groups::check_dates(start, end)
    {
        r.errors.add(e.field(), ui.message(&e.message()));
    }
    let (Some(tour_id), Some(agency_id), Some(starts_on), Some(paying), false) =
        (tour, agency, starts_on, paying, r.errors.any())
    else {
        return Err(r.errors);
    };
    // The readers kept each number within its bounds, so the pax are sound.
    let pax = match Pax::new(paying as i32, foc as i32, leaders as i32) {
        Ok(pax) => pax,
        Err(e) => {
            r.errors.add(e.field(), ui.message(&e.message()));
            return Err(r.errors);
        }
    };
    Ok(NewGroup {
        tour_id,
        agency_id,
        quotation_version_id: None,
        starts_on,
        ends_on,
        market,
        pax,
        status: GroupStatus::Quoted,
        notes,
    })
}

fn form(ui: &Ui, choices: &Choices, values: &Fields, errors: &Errors) -> FormPage {
    let choose = || OptionView {
        value: String::new(),
        label: ui.t(key("groups-choose")),
    };
    let mut tours = vec![choose()];
    tours.extend(choices.tours.iter().map(|(id, code, name)| OptionView {
        value: id.to_string(),
        label: format!("{code} · {name}"),
    }));
    let mut agencies = vec![choose()];
    agencies.extend(choices.agencies.iter().map(|a| OptionView {
        value: a.id.to_string(),
        label: a.name.clone(),
    }));
    let mut b = FormBuilder::new(ui, values, errors);
    b.select("tour", key("groups-col-tour"), tours)
        .select("agency", key("groups-col-agency"), agencies)
        .date("starts_on", key("groups-col-start"), true)
        .date("ends_on", key("groups-col-end"), false)
        .hint(key("groups-end-hint"))
        .text("market", key("groups-col-market"), false)
        .hint(key("groups-market-hint"))
        .number("pax_paying", key("groups-pax-paying"), true)
        .number("pax_foc", key("groups-pax-foc"), false)
        .number("tour_leaders", key("groups-tour-leaders"), false)
        .textarea("notes", key("groups-notes"));
    FormPage {
        title: ui.t(key("groups-new")),
        action: paths::GROUPS.to_owned(),
        back_href: paths::GROUPS.to_owned(),
        back_label: ui.t(key("groups-title")),
        fields: b.fields,
        form_error: errors.any().then(|| ui.t(key("error-unprocessable"))),
    }
}
