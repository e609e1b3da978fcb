//! A tour's page: its details, its description in the reader's language (else the agency's),
//! and its itinerary day by day with the service lines; for those who may, the forms that
//! change them, Copy, and the way to the costing sheet (only for those who see costs).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Serialize;

use crate::db::tours::{self, itinerary};
use crate::domain::access::Perm;
use crate::domain::ids::TourId;
use crate::domain::message::{Message, key};
use crate::domain::tours::itinerary::{LineKind, Service};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::form::{Errors, FieldView, Fields};
use crate::web::kit::list::LinkView;
use crate::web::kit::{self, DetailView};
use crate::web::paths;
use crate::web::tours::lines::{kind_key, meal_key};
use crate::web::tours::{days, records};

#[derive(Serialize)]
struct LineView {
    kind: String,
    what: String,
    detail: String,
    note: String,
    edit_href: String,
    action: String,
}

#[derive(Serialize)]
struct DayView {
    number: String,
    title: String,
    text: String,
    overnight: String,
    edit_href: String,
    action: String,
    lines: Vec<LineView>,
    add_links: Vec<LinkView>,
}

#[derive(Serialize)]
struct ShowView {
    name: String,
    code: String,
    base: &'static str,
    id: i64,
    archived: bool,
    can_edit: bool,
    details: Vec<DetailView>,
    description: String,
    days: Vec<DayView>,
    day_fields: Vec<FieldView>,
    add_day_action: String,
    copy_action: String,
    costing_href: Option<String>,
    new_group_href: Option<String>,
}

/// "2 nights", "Lunch", "4 adults, 2 children", "per traveller": what a line's kind adds.
fn detail(ui: &Ui, s: &Service) -> String {
    match s {
        Service::Hotel { nights, .. } => {
            ui.message(&Message::new("tours-line-nights").count("nights", i64::from(*nights)))
        }
        Service::Transport { transfer, .. } => ui.t(if *transfer {
            key("tours-line-transfer")
        } else {
            key("tours-basis-vehicle-day")
        }),
        Service::Meal { meal, .. } => ui.t(meal_key(*meal)),
        Service::Entrance {
            adults: 0,
            children: 0,
            ..
        } => ui.t(key("tours-line-tickets-everyone")),
        Service::Entrance {
            adults, children, ..
        } => ui.message(
            &Message::new("tours-line-tickets")
                .count("adults", i64::from(*adults))
                .count("children", i64::from(*children)),
        ),
        Service::GuideDay { .. } | Service::Shopping { .. } | Service::Other { .. } => {
            String::new()
        }
    }
}

pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursView)?;
    let id = path.into_inner();
    let (tour, days, lines) = db
        .find(move |conn| {
            let Some(tour) = tours::find(conn, id)? else {
                return Ok(None);
            };
            let days = itinerary::days_of(conn, id)?;
            let lines = itinerary::described(conn, id)?;
            Ok(Some((tour, days, lines)))
        })
        .await?;
    let role = user.user().role;
    let can_edit = role.permits(Perm::ToursEdit) && !tour.archived;
    let (locale, default) = (ui.locale(), ui.state.tenant.locale);
    let days = days
        .iter()
        .map(|d| DayView {
            number: ui
                .message(&Message::new("tours-day-number").count("number", i64::from(d.number))),
            title: d.data.title.read(locale, default).to_owned(),
            text: d.data.text.read(locale, default).to_owned(),
            overnight: d.data.overnight_city.clone(),
            edit_href: format!("{}/edit", paths::tour_day(d.id)),
            action: paths::tour_day(d.id),
            lines: lines
                .iter()
                .filter(|(l, _)| l.day_id == d.id)
                .map(|(l, what)| LineView {
                    kind: ui.t(kind_key(l.data.service.kind())),
                    what: what.clone(),
                    detail: detail(&ui, &l.data.service),
                    note: if l.data.service.kind() == LineKind::Other {
                        String::new()
                    } else {
                        l.data.description.clone()
                    },
                    edit_href: format!("{}/edit", paths::tour_line(l.id)),
                    action: paths::tour_line(l.id),
                })
                .collect(),
            add_links: LineKind::ALL
                .into_iter()
                .map(|k| LinkView {
                    href: format!("{}/new?kind={}", paths::tour_day_lines(d.id), k.as_str()),
                    label: ui.t(kind_key(k)),
                })
                .collect(),
        })
        .collect();
    let d = &tour.data;
    let view = ShowView {
        name: d.name.clone(),
        code: d.code.clone(),
        base: paths::TOURS,
        id: id.0,
        archived: tour.archived,
        can_edit,
        details: kit::details(
            &ui,
            [
                (key("tours-code"), d.code.clone()),
                (key("tours-days"), records::duration(&ui, d)),
                (key("tours-cities"), d.cities.clone()),
                (key("tours-market"), d.market.clone()),
                (
                    key("tours-min-pax"),
                    ui.formats().integer(ui.locale(), i64::from(d.min_pax)),
                ),
            ],
        ),
        description: d.description.read(locale, default).to_owned(),
        days,
        day_fields: days::fields(&ui, &Fields(Vec::new()), &Errors::default()),
        add_day_action: paths::tour_days(id),
        copy_action: paths::tour_copy(id),
        costing_href: role
            .permits(Perm::CostsView)
            .then(|| paths::tour_costing(id)),
        new_group_href: (role.permits(Perm::GroupsEdit) && !tour.archived)
            .then(|| paths::group_new_for(id)),
    };
    ui.render(StatusCode::OK, "tours/show.html", &view)
}
