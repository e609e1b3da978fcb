//! Service lines of an itinerary day: one form per kind of line (chosen from the day, so the
//! form asks only what that kind needs, without JavaScript), edit, remove (asked first) and
//! move up or down.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::db::AnyConnection;
use crate::db::master::RecordError;
use crate::db::tours::{choices, itinerary};
use crate::domain::access::Perm;
use crate::domain::ids::{GuideId, RoomTypeId, SupplierId, TourDayId, TourLineId, VehicleId};
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::domain::money::Money;
use crate::domain::tours::itinerary::{
    CostBasis, LineData, LineKind, MAX_LINE_NIGHTS, MAX_TICKETS, MealKind, Move, Service,
};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::confirm;
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, OptionView, Reader};
use crate::web::kit::money_input;
use crate::web::paths;

/// The message id naming each kind of line.
pub fn kind_key(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Hotel => key("tours-line-hotel"),
        LineKind::Transport => key("tours-line-transport"),
        LineKind::Meal => key("tours-line-meal"),
        LineKind::Entrance => key("tours-line-entrance"),
        LineKind::Guide => key("tours-line-guide"),
        LineKind::Shopping => key("tours-line-shopping"),
        LineKind::Other => key("tours-line-other"),
    }
}

pub fn meal_key(meal: MealKind) -> &'static str {
    match meal {
        MealKind::Breakfast => key("tours-meal-breakfast"),
        MealKind::Lunch => key("tours-meal-lunch"),
        MealKind::Dinner => key("tours-meal-dinner"),
    }
}

/// What the form's drop-down lists offer, loaded for the kind asked.
#[derive(Default)]
struct Choices {
    suppliers: Vec<OptionView>,
    second: Vec<OptionView>,
}

fn option(value: impl ToString, label: String) -> OptionView {
    OptionView {
        value: value.to_string(),
        label,
    }
}

/// The words the drop-down lists need, translated before the database is read.
struct Labels {
    smallest: String,
    no_guide: String,
    meals: Vec<(MealKind, String)>,
}

impl Labels {
    fn of(ui: &Ui) -> Labels {
        Labels {
            smallest: ui.t(key("tours-vehicle-smallest")),
            no_guide: ui.t(key("tours-guide-none")),
            meals: MealKind::ALL
                .into_iter()
                .map(|m| (m, ui.t(meal_key(m))))
                .collect(),
        }
    }
}

fn load_choices(
    conn: &mut AnyConnection,
    labels: &Labels,
    kind: LineKind,
) -> diesel::QueryResult<Choices> {
    let of = |conn: &mut AnyConnection, k: SupplierKind| -> diesel::QueryResult<Vec<OptionView>> {
        Ok(choices::suppliers_of(conn, k)?
            .into_iter()
            .map(|(id, name, city)| {
                let label = if city.is_empty() {
                    name
                } else {
                    format!("{name} ({city})")
                };
                option(id, label)
            })
            .collect())
    };
    Ok(match kind {
        LineKind::Hotel => Choices {
            suppliers: choices::room_types(conn)?
                .into_iter()
                .map(|(h, r, hotel, room)| option(format!("{h}:{r}"), format!("{hotel} · {room}")))
                .collect(),
            second: Vec::new(),
        },
        LineKind::Transport => {
            let mut second = vec![option("", labels.smallest.clone())];
            second.extend(choices::vehicles(conn)?.into_iter().map(
                |(id, company, kind, plate, seats)| {
                    let label = crate::db::master::vehicles::label(&kind, &plate);
                    option(id, format!("{company} · {label} ({seats})"))
                },
            ));
            Choices {
                suppliers: of(conn, SupplierKind::Transport)?,
                second,
            }
        }
        LineKind::Meal => Choices {
            suppliers: of(conn, SupplierKind::Restaurant)?,
            second: labels
                .meals
                .iter()
                .map(|(m, label)| option(m.as_str(), label.clone()))
                .collect(),
        },
        LineKind::Entrance => Choices {
            suppliers: of(conn, SupplierKind::Attraction)?,
            second: Vec::new(),
        },
        LineKind::Shopping => Choices {
            suppliers: of(conn, SupplierKind::Shop)?,
            second: Vec::new(),
        },
        LineKind::Guide => {
            let mut suppliers = vec![option("", labels.no_guide.clone())];
            suppliers.extend(
                choices::guides(conn)?
                    .into_iter()
                    .map(|(id, name)| option(id, name)),
            );
            Choices {
                suppliers,
                second: Vec::new(),
            }
        }
        LineKind::Other => Choices::default(),
    })
}

fn values(ui: &Ui, d: &LineData) -> Fields {
    let mut f: Vec<(String, String)> = vec![
        ("kind".into(), d.service.kind().as_str().into()),
        ("description".into(), d.description.clone()),
    ];
    let mut put = |k: &str, v: String| f.push((k.into(), v));
    match &d.service {
        Service::Hotel {
            hotel,
            room_type,
            nights,
        } => {
            put("supplier", format!("{hotel}:{room_type}"));
            put("nights", nights.to_string());
        }
        Service::Transport {
            company,
            vehicle,
            transfer,
        } => {
            put("supplier", company.to_string());
            put(
                "vehicle",
                vehicle.map(|v| v.to_string()).unwrap_or_default(),
            );
            put("transfer", if *transfer { "on" } else { "" }.into());
        }
        Service::Meal { restaurant, meal } => {
            put("supplier", restaurant.to_string());
            put("meal", meal.as_str().into());
        }
        Service::Entrance {
            attraction,
            adults,
            children,
        } => {
            put("supplier", attraction.to_string());
            put(
                "adults",
                if *adults > 0 {
                    adults.to_string()
                } else {
                    String::new()
                },
            );
            put(
                "children",
                if *children > 0 {
                    children.to_string()
                } else {
                    String::new()
                },
            );
        }
        Service::GuideDay { guide } => {
            put("supplier", guide.map(|g| g.to_string()).unwrap_or_default());
        }
        Service::Shopping { shop } => put("supplier", shop.to_string()),
        Service::Other { cost, basis } => {
            put("amount", money_input(ui, cost.minor, cost.currency));
            put("currency", cost.currency.code().into());
            put("basis", basis.as_str().into());
        }
    }
    Fields(f)
}

fn defaults(kind: LineKind) -> Fields {
    Fields(vec![
        ("kind".into(), kind.as_str().into()),
        ("nights".into(), "1".into()),
        ("currency".into(), "THB".into()),
        ("basis".into(), "person".into()),
    ])
}

/// A chosen id, or `None` when the choice is not a number.
fn id_of(raw: &str) -> Option<i64> {
    raw.trim().parse().ok()
}

fn read(ui: &Ui, fields: &Fields) -> Result<LineData, Errors> {
    let mut r = Reader::new(ui, fields);
    let kinds: Vec<&str> = LineKind::ALL.iter().map(|k| k.as_str()).collect();
    let kind = r.choice("kind", &kinds).and_then(|k| LineKind::parse(&k));
    let description = r.text("description", 300, kind == Some(LineKind::Other));
    let bad = |r: &mut Reader<'_>, field: &str| {
        r.errors.add(field, ui.t(key("form-error-choice")));
        None
    };
    let supplier = fields.get("supplier");
    let service = match kind {
        None => None,
        Some(LineKind::Hotel) => {
            let nights = r.integer("nights", 1, i64::from(MAX_LINE_NIGHTS), true);
            match (supplier.split_once(':'), nights) {
                (Some((h, rt)), Some(n)) => match (id_of(h), id_of(rt)) {
                    (Some(h), Some(rt)) => Some(Service::Hotel {
                        hotel: SupplierId(h),
                        room_type: RoomTypeId(rt),
                        nights: n as i32,
                    }),
                    _ => bad(&mut r, "supplier"),
                },
                (None, _) => bad(&mut r, "supplier"),
                _ => None,
            }
        }
        Some(LineKind::Transport) => {
            let vehicle = match fields.get("vehicle").trim() {
                "" => Some(None),
                raw => id_of(raw).map(|v| Some(VehicleId(v))),
            };
            match (id_of(supplier), vehicle) {
                (Some(c), Some(v)) => Some(Service::Transport {
                    company: SupplierId(c),
                    vehicle: v,
                    transfer: r.checkbox("transfer"),
                }),
                (None, _) => bad(&mut r, "supplier"),
                (_, None) => bad(&mut r, "vehicle"),
            }
        }
        Some(LineKind::Meal) => {
            let meals: Vec<&str> = MealKind::ALL.iter().map(|m| m.as_str()).collect();
            let meal = r.choice("meal", &meals).and_then(|m| MealKind::parse(&m));
            match (id_of(supplier), meal) {
                (Some(s), Some(meal)) => Some(Service::Meal {
                    restaurant: SupplierId(s),
                    meal,
                }),
                (None, _) => bad(&mut r, "supplier"),
                _ => None,
            }
        }
        Some(LineKind::Entrance) => {
            let max = i64::from(MAX_TICKETS);
            let adults = r.integer("adults", 0, max, false).unwrap_or(0);
            let children = r.integer("children", 0, max, false).unwrap_or(0);
            match id_of(supplier) {
                Some(s) => Some(Service::Entrance {
                    attraction: SupplierId(s),
                    adults: adults as i32,
                    children: children as i32,
                }),
                None => bad(&mut r, "supplier"),
            }
        }
        Some(LineKind::Guide) => match supplier.trim() {
            "" => Some(Service::GuideDay { guide: None }),
            raw => match id_of(raw) {
                Some(g) => Some(Service::GuideDay {
                    guide: Some(GuideId(g)),
                }),
                None => bad(&mut r, "supplier"),
            },
        },
        Some(LineKind::Shopping) => match id_of(supplier) {
            Some(s) => Some(Service::Shopping {
                shop: SupplierId(s),
            }),
            None => bad(&mut r, "supplier"),
        },
        Some(LineKind::Other) => {
            let currency = r.currency("currency");
            let amount = r.money("amount", currency, true);
            let basis = r
                .choice("basis", &["group", "person"])
                .and_then(|b| CostBasis::parse(&b));
            match (currency, amount, basis) {
                (Some(c), Some(minor), Some(basis)) => Some(Service::Other {
                    cost: Money::new(minor, c),
                    basis,
                }),
                _ => None,
            }
        }
    };
    match (service, r.errors.any()) {
        (Some(service), false) => Ok(LineData {
            service,
            description,
        }),
        _ => Err(r.errors),
    }
}

fn form(
    ui: &Ui,
    kind: LineKind,
    choices: Choices,
    (action, back): (String, String),
    values: &Fields,
    errors: &Errors,
) -> FormPage {
    let mut b = FormBuilder::new(ui, values, errors);
    b.select(
        "kind",
        key("tours-line-kind"),
        vec![option(kind.as_str(), ui.t(kind_key(kind)))],
    );
    let label = match kind {
        LineKind::Hotel => key("tours-line-room-type"),
        LineKind::Guide => key("tours-line-guide"),
        _ => key("tours-line-supplier"),
    };
    if kind != LineKind::Other {
        b.select("supplier", label, choices.suppliers);
    }
    match kind {
        LineKind::Hotel => {
            b.number("nights", key("tours-nights"), true);
        }
        LineKind::Transport => {
            b.select("vehicle", key("tours-line-vehicle"), choices.second)
                .hint(key("tours-line-vehicle-hint"))
                .checkbox("transfer", key("tours-line-transfer"));
        }
        LineKind::Meal => {
            b.select("meal", key("tours-line-meal-kind"), choices.second);
        }
        LineKind::Entrance => {
            b.number("adults", key("tours-line-adults"), false)
                .hint(key("tours-line-tickets-hint"))
                .number("children", key("tours-line-children"), false);
        }
        LineKind::Other => {
            b.number("amount", key("tours-line-cost"), true)
                .currencies("currency", key("suppliers-col-currency"))
                .select(
                    "basis",
                    key("tours-line-basis"),
                    vec![
                        option("person", ui.t(key("tours-basis-person"))),
                        option("group", ui.t(key("tours-basis-group"))),
                    ],
                );
        }
        LineKind::Guide | LineKind::Shopping => {}
    }
    let note = if kind == LineKind::Other {
        key("tours-line-what")
    } else {
        key("tours-line-note")
    };
    b.text("description", note, kind == LineKind::Other);
    FormPage {
        title: ui.t(kind_key(kind)),
        action,
        back_href: back,
        back_label: ui.t(key("tours-itinerary")),
        fields: b.fields,
        form_error: errors.any().then(|| ui.t(key("error-unprocessable"))),
    }
}

#[derive(Deserialize)]
pub struct KindQuery {
    kind: Option<String>,
}

async fn render_form(
    ui: &Ui,
    db: &Db,
    kind: LineKind,
    links: (String, String),
    values: &Fields,
    errors: &Errors,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let labels = Labels::of(ui);
    let choices = db
        .read(move |conn| -> Result<_, WebError> { Ok(load_choices(conn, &labels, kind)?) })
        .await?;
    let page = form(ui, kind, choices, links, values, errors);
    ui.render(status, "master/form.html", &page)
}

/// The form of a new line of `kind` on a day.
pub async fn new_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourDayId>,
    query: web::Query<KindQuery>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let day = path.into_inner();
    // Without a kind, the free-text item: every kind is offered from the day anyway.
    let kind = match query.kind.as_deref() {
        None | Some("") => LineKind::Other,
        Some(raw) => LineKind::parse(raw).ok_or(WebError::NotFound)?,
    };
    let tour = db
        .find(move |conn| itinerary::tour_of_day(conn, day))
        .await?;
    let links = (paths::tour_day_lines(day), paths::tour(tour));
    let (values, errors) = (defaults(kind), Errors::default());
    render_form(&ui, &db, kind, links, &values, &errors, StatusCode::OK).await
}

/// A refused line's form again: field errors, or a rule's refusal at the supplier.
async fn again(
    ui: &Ui,
    db: &Db,
    links: (String, String),
    fields: &Fields,
    errors: Errors,
) -> Result<HttpResponse, WebError> {
    let kind = LineKind::parse(fields.get("kind")).unwrap_or(LineKind::Other);
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    render_form(ui, db, kind, links, fields, &errors, status).await
}

pub async fn add(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourDayId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let day = path.into_inner();
    let tour = db
        .find(move |conn| itinerary::tour_of_day(conn, day))
        .await?;
    let links = (paths::tour_day_lines(day), paths::tour(tour));
    let fields = Fields(form_data.into_inner());
    let data = match read(&ui, &fields) {
        Ok(d) => d,
        Err(errors) => return again(&ui, &db, links, &fields, errors).await,
    };
    let actor = user.actor(ui.client_addr());
    match db
        .write(move |conn| itinerary::add_line(conn, &actor, day, &data))
        .await
    {
        Ok(_) => Ok(ui.see_other(
            &paths::tour(tour),
            Flash::success(Message::new("tours-line-added")),
        )),
        Err(e) => {
            let errors = Errors::refused(&ui, "supplier", e)?;
            again(&ui, &db, links, &fields, errors).await
        }
    }
}

pub async fn edit_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourLineId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let (line, (_, tour)) = db
        .find(move |conn| {
            let line = itinerary::find_line(conn, id)?;
            let owner = itinerary::owner_of_line(conn, id)?;
            Ok(line.zip(owner))
        })
        .await?;
    let links = (paths::tour_line(id), paths::tour(tour));
    let kind = line.data.service.kind();
    let values = values(&ui, &line.data);
    let errors = Errors::default();
    render_form(&ui, &db, kind, links, &values, &errors, StatusCode::OK).await
}

pub async fn update(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourLineId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let (_, tour) = db
        .find(move |conn| itinerary::owner_of_line(conn, id))
        .await?;
    let links = (paths::tour_line(id), paths::tour(tour));
    let fields = Fields(form_data.into_inner());
    let data = match read(&ui, &fields) {
        Ok(d) => d,
        Err(errors) => return again(&ui, &db, links, &fields, errors).await,
    };
    let actor = user.actor(ui.client_addr());
    match db
        .write(move |conn| itinerary::change_line(conn, &actor, id, &data))
        .await
    {
        Ok(_) => Ok(ui.see_other(
            &paths::tour(tour),
            Flash::success(Message::new("tours-line-updated")),
        )),
        Err(e) => {
            let errors = Errors::refused(&ui, "supplier", e)?;
            again(&ui, &db, links, &fields, errors).await
        }
    }
}

/// Removes the line once confirmed; before, asks.
pub async fn delete(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourLineId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    if !confirm::confirmed(&Fields(form_data.into_inner())) {
        let (line, (_, tour)) = db
            .find(move |conn| {
                let line = itinerary::find_line(conn, id)?;
                let owner = itinerary::owner_of_line(conn, id)?;
                Ok(line.zip(owner))
            })
            .await?;
        let name = ui.t(kind_key(line.data.service.kind()));
        return confirm::ask_delete(&ui, &name, &paths::tour(tour));
    }
    let actor = user.actor(ui.client_addr());
    let tour = db
        .write(move |conn| itinerary::delete_line(conn, &actor, id))
        .await?;
    Ok(ui.see_other(
        &paths::tour(tour),
        Flash::success(Message::new("tours-line-deleted")),
    ))
}

#[derive(Deserialize)]
pub struct MoveForm {
    direction: String,
}

impl MoveForm {
    pub fn direction(&self) -> &str {
        &self.direction
    }
}

pub async fn move_line(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourLineId>,
    form_data: web::Form<MoveForm>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::ToursEdit)?;
    let id = path.into_inner();
    let direction = Move::parse(&form_data.direction)
        .ok_or_else(|| WebError::BadRequest(Message::new("error-bad-request")))?;
    let actor = user.actor(ui.client_addr());
    let tour = db
        .write(move |conn| -> Result<_, RecordError> {
            itinerary::move_line(conn, &actor, id, direction)
        })
        .await?;
    Ok(ui.see_other(
        &paths::tour(tour),
        Flash::success(Message::new("tours-moved")),
    ))
}
