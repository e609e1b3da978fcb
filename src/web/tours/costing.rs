//! The costing sheet of a tour (`/tours/{id}/costing`): every line priced for its service
//! date, the planning rates, and per pax tier the total cost, cost per paying pax, selling
//! price, profit and break-even. The settings, a planning rate or a line's rate set by hand
//! are posted and saved (audited), then the page is shown again: with htmx only the sheet is
//! swapped in, without JavaScript the Recalculate button posts the form.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::db::tours::costing::{self as sheet_db, CostingSettings, SetBy};
use crate::db::tours::pricing::{self, PlanningRate, Priced, RateSource};
use crate::db::tours::{self, Tour};
use crate::domain::access::Perm;
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::ids::{TourId, TourLineId};
use crate::domain::message::{Message, key};
use crate::domain::money::Money;
use crate::domain::tours::costing::{FocRule, Pricing};
use crate::domain::tours::itinerary::Basis;
use crate::domain::tours::sheet::{self, Problem, Settings, Sheet, parse_tiers, tiers_text};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::{Errors, Fields, Reader};
use crate::web::kit::{money_input, money_text, number_input};
use crate::web::paths;
use crate::web::tours::lines::kind_key;

/// The most paying guests a break-even is looked for up to.
const BREAK_EVEN_MAX: u32 = 999;

/// An amount in the selling currency, in the reader's digits, rounded HALF-UP to the
/// currency's decimals.
pub fn amount_text(ui: &Ui, value: Dec, currency: Currency) -> String {
    let rounded = value.round_half_up(currency.exponent());
    match Money::from_dec(rounded, currency) {
        Ok(m) => money_text(ui, m.minor, m.currency),
        Err(_) => format!("{} {}", rounded.canonical(), currency.code()),
    }
}

fn percent_text(ui: &Ui, value: Dec) -> String {
    let rounded = value.round_half_up(2);
    format!(
        "{} %",
        ui.formats().decimal_str(ui.locale(), &rounded.canonical())
    )
}

pub fn basis_key(b: Basis) -> &'static str {
    match b {
        Basis::Group => key("tours-basis-group"),
        Basis::VehicleDay => key("tours-basis-vehicle-day"),
        Basis::GuideDay => key("tours-basis-guide-day"),
        Basis::Person => key("tours-basis-person"),
        Basis::RoomTwinShare => key("tours-basis-twin-share"),
        Basis::Meal => key("tours-basis-meal"),
        Basis::NoCost => key("tours-basis-none"),
    }
}

/// A line's problem in the reader's words.
pub fn problem_text(ui: &Ui, p: &Problem) -> String {
    match p {
        Problem::NoRate { date } => {
            ui.message(&Message::new("costing-problem-no-rate").date("date", *date))
        }
        Problem::Hotel { message } => ui.message(message),
        Problem::NoVehicle { .. } => ui.t(key("costing-problem-no-vehicle")),
        Problem::NoExchangeRate { currency } => {
            ui.message(&Message::new("costing-problem-no-fx").arg("currency", currency))
        }
        Problem::NoGuide => ui.t(key("costing-problem-no-guide")),
    }
}

fn set_by_text(ui: &Ui, by: &SetBy) -> String {
    ui.message(
        &Message::new("costing-set-by")
            .arg("name", &by.name)
            .arg("at", ui.formats().instant_local(ui.locale(), by.at)),
    )
}

#[derive(Serialize)]
struct LineRow {
    day: String,
    date: String,
    kind: String,
    what: String,
    basis: String,
    fixed: bool,
    unit: String,
    set_by: Option<String>,
    problem: Option<String>,
    /// The vehicle each tier rides (transport lines).
    vehicles: Vec<String>,
    action: String,
    amount: String,
    currency: String,
    can_set: bool,
}

#[derive(Serialize)]
struct RateRow {
    currency: String,
    rate: String,
    source: String,
    missing: bool,
    by_hand: bool,
    stored: String,
}

#[derive(Serialize)]
struct Figure {
    label: String,
    values: Vec<String>,
    strong: bool,
}

#[derive(Serialize)]
struct SettingsForm {
    starts_on: String,
    currency: String,
    currencies: Vec<&'static str>,
    tiers: String,
    foc_per: String,
    foc_single: bool,
    pricing: String,
    percent: String,
    step: String,
    guide_seats: String,
    errors: Vec<(String, String)>,
}

#[derive(Serialize)]
struct CostingView {
    tour_name: String,
    tour_code: String,
    tour_href: String,
    action: String,
    rates_action: String,
    can_edit: bool,
    form: SettingsForm,
    pricing_label: String,
    selling: String,
    lines: Vec<LineRow>,
    rates: Vec<RateRow>,
    tiers: Vec<String>,
    figures: Vec<Figure>,
    incomplete: Option<String>,
    break_even_price: String,
    break_even: Option<String>,
}

fn settings_form(ui: &Ui, s: &CostingSettings, errors: Vec<(String, String)>) -> SettingsForm {
    let (pricing, percent) = match s.pricing {
        Pricing::Markup(p) => ("markup", p),
        Pricing::Margin(p) => ("margin", p),
    };
    SettingsForm {
        starts_on: s.starts_on.to_string(),
        currency: s.currency.code().to_owned(),
        currencies: crate::web::kit::form::CURRENCIES.to_vec(),
        tiers: tiers_text(&s.tiers),
        foc_per: s.foc.per_paying.to_string(),
        foc_single: s.foc_single,
        pricing: pricing.to_owned(),
        percent: number_input(ui, &percent),
        step: number_input(ui, &s.step),
        guide_seats: s.guide_seats.to_string(),
        errors,
    }
}

/// The sheet settings from the domain's point of view.
pub fn domain_settings(s: &CostingSettings) -> Settings {
    Settings {
        currency: s.currency,
        tiers: s.tiers.clone(),
        foc: s.foc,
        foc_single: s.foc_single,
        pricing: s.pricing,
        step: s.step,
        guide_seats: s.guide_seats,
    }
}

fn rate_row(ui: &Ui, r: &PlanningRate) -> RateRow {
    let rate = r.rate.map(|d| number_text(ui, d)).unwrap_or_default();
    let source = match &r.source {
        RateSource::Same => String::new(),
        RateSource::Stored { date } => {
            ui.message(&Message::new("costing-rate-stored").date("date", *date))
        }
        RateSource::SetByHand(by) => set_by_text(ui, by),
        RateSource::Missing => ui.t(key("costing-rate-missing")),
    };
    RateRow {
        currency: r.currency.code().to_owned(),
        rate,
        source,
        missing: r.rate.is_none(),
        by_hand: matches!(r.source, RateSource::SetByHand(_)),
        stored: r.stored.map(|d| number_text(ui, d)).unwrap_or_default(),
    }
}

fn number_text(ui: &Ui, d: Dec) -> String {
    ui.formats().decimal_str(ui.locale(), &d.canonical())
}

fn line_rows(ui: &Ui, priced: &Priced, sheet: &Sheet, can_set: bool) -> Vec<LineRow> {
    priced
        .lines
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let basis = p.line.data.service.basis();
            let unit = p.unit.map(|m| money_text(ui, m.minor, m.currency));
            LineRow {
                day: ui.formats().integer(ui.locale(), i64::from(p.day)),
                date: ui.formats().date(ui.locale(), p.date),
                kind: ui.t(kind_key(p.line.data.service.kind())),
                what: p.what.clone(),
                basis: ui.t(basis_key(basis)),
                fixed: basis.fixed(),
                unit: unit.unwrap_or_default(),
                set_by: p.set_by.as_ref().map(|b| set_by_text(ui, b)),
                problem: sheet
                    .problems
                    .get(i)
                    .and_then(|p| p.as_ref())
                    .map(|p| problem_text(ui, p)),
                vehicles: sheet
                    .tiers
                    .iter()
                    .filter_map(|t| t.vehicles.get(i).cloned().flatten())
                    .collect(),
                action: format!("{}/rate", paths::tour_line(p.line.id)),
                amount: p
                    .set_by
                    .as_ref()
                    .and(p.unit)
                    .map(|m| money_input(ui, m.minor, m.currency))
                    .unwrap_or_default(),
                currency: p.unit.map_or("", |m| m.currency.code()).to_owned(),
                can_set: can_set && basis != Basis::NoCost,
            }
        })
        .collect()
}

fn figures(ui: &Ui, sheet: &Sheet, c: Currency) -> Vec<Figure> {
    let row = |label: &'static str, strong: bool, f: &dyn Fn(&sheet::Tier) -> String| Figure {
        label: ui.t(label),
        values: sheet.tiers.iter().map(f).collect(),
        strong,
    };
    let n = |v: u32| ui.formats().integer(ui.locale(), i64::from(v));
    vec![
        row(key("costing-foc"), false, &|t| n(t.figures.foc)),
        row(key("costing-total-cost"), false, &|t| {
            amount_text(ui, t.figures.total_cost, c)
        }),
        row(key("costing-cost-per-pax"), false, &|t| {
            amount_text(ui, t.figures.cost_per_paying, c)
        }),
        row(key("costing-price-per-pax"), true, &|t| {
            amount_text(ui, t.figures.price_per_paying, c)
        }),
        row(key("costing-profit-per-pax"), false, &|t| {
            amount_text(ui, t.figures.profit_per_paying, c)
        }),
        row(key("costing-profit-percent"), false, &|t| {
            percent_text(ui, t.figures.profit_percent)
        }),
        row(key("costing-total-profit"), true, &|t| {
            amount_text(ui, t.figures.total_profit, c)
        }),
        row(key("costing-single-supplement"), false, &|t| {
            amount_text(ui, t.single_price, c)
        }),
        row(key("costing-missing"), false, &|t| {
            if t.missing == 0 {
                String::new()
            } else {
                n(u32::try_from(t.missing).unwrap_or(u32::MAX))
            }
        }),
    ]
}

/// Loads the tour, its sheet settings (the defaults before any were saved) and its priced
/// lines, in one read.
async fn load(
    ui: &Ui,
    db: &Db,
    id: TourId,
    asked: Option<CostingSettings>,
) -> Result<(Tour, CostingSettings, Priced), WebError> {
    let base = ui.state.tenant.base_currency;
    let start = ui.today() + Duration::days(30);
    db.find(move |conn| {
        let Some(tour) = tours::find(conn, id)? else {
            return Ok(None);
        };
        let settings = match asked {
            Some(s) => s,
            None => sheet_db::settings_of(conn, id)?
                .unwrap_or_else(|| CostingSettings::defaults(start, base)),
        };
        let priced = pricing::price(conn, id, &settings, base)?;
        Ok(Some((tour, settings, priced)))
    })
    .await
}

#[derive(Deserialize)]
pub struct PriceQuery {
    price: Option<String>,
}

async fn render(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    id: TourId,
    form: Option<(CostingSettings, Vec<(String, String)>)>,
    price: Option<&str>,
) -> Result<HttpResponse, WebError> {
    let (asked, errors) = match form {
        Some((s, e)) => (Some(s), e),
        None => (None, Vec::new()),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let (tour, settings, priced) = load(ui, db, id, asked).await?;
    let domain = domain_settings(&settings);
    let lines: Vec<sheet::SheetLine> = priced.lines.iter().map(|p| p.sheet.clone()).collect();
    let computed = sheet::compute(&lines, &domain).map_err(|e| {
        WebError::BadRequest(Message::new("costing-error-overflow").arg("reason", e))
    })?;
    let can_edit = user.user().role.permits(Perm::CostingEdit) && !tour.archived;
    let missing = computed.problems.iter().filter(|p| p.is_some()).count();
    let incomplete = (!computed.complete())
        .then(|| ui.message(&Message::new("costing-incomplete").count("lines", missing as i64)));
    let price_dec = price
        .filter(|p| !p.trim().is_empty())
        .and_then(|p| Dec::parse_in(p.trim(), ui.locale().number_style()).ok());
    let break_even =
        price_dec.map(
            |p| match sheet::break_even(&lines, &domain, p, BREAK_EVEN_MAX) {
                Some(n) => {
                    ui.message(&Message::new("costing-break-even-at").count("paying", i64::from(n)))
                }
                None => ui.t(key("costing-break-even-none")),
            },
        );
    let (pricing_key, percent) = match settings.pricing {
        Pricing::Markup(p) => (key("costing-markup-of"), p),
        Pricing::Margin(p) => (key("costing-margin-of"), p),
    };
    let view = CostingView {
        tour_name: tour.data.name.clone(),
        tour_code: tour.data.code.clone(),
        tour_href: paths::tour(id),
        action: paths::tour_costing(id),
        rates_action: paths::tour_costing_rates(id),
        can_edit,
        form: settings_form(ui, &settings, errors),
        pricing_label: ui
            .message(&Message::new(pricing_key).arg("percent", percent_text(ui, percent))),
        selling: settings.currency.code().to_owned(),
        lines: line_rows(ui, &priced, &computed, can_edit),
        rates: priced
            .rates
            .iter()
            .filter(|r| r.source != RateSource::Same)
            .map(|r| rate_row(ui, r))
            .collect(),
        tiers: settings
            .tiers
            .iter()
            .map(|t| ui.formats().integer(ui.locale(), i64::from(*t)))
            .collect(),
        figures: figures(ui, &computed, settings.currency),
        incomplete,
        break_even_price: price.unwrap_or_default().to_owned(),
        break_even,
    };
    ui.render(status, "tours/costing.html", &view)
}

pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
    query: web::Query<PriceQuery>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::CostsView)?;
    render(
        &ui,
        &db,
        &user,
        path.into_inner(),
        None,
        query.price.as_deref(),
    )
    .await
}

/// Reads the settings form; the errors are (field, message) pairs.
fn read(ui: &Ui, fields: &Fields) -> Result<CostingSettings, Errors> {
    let mut r = Reader::new(ui, fields);
    let starts_on = r.date("starts_on", true);
    let currency = r.currency("currency");
    let tiers = parse_tiers(fields.get("tiers"));
    if tiers.is_none() {
        r.errors.add("tiers", ui.t(key("costing-error-tiers")));
    }
    let foc_per = r.integer("foc_per", 0, 99, true);
    let pricing = r.choice("pricing", &["markup", "margin"]);
    let percent = r.decimal("percent", true);
    let step = r.decimal("step", true);
    let seats = r.integer("guide_seats", 0, 9, true);
    if let Some(p) = percent {
        if p.0.is_sign_negative() {
            r.errors.add("percent", ui.t(key("costing-error-percent")));
        } else if pricing.as_deref() == Some("margin") && p.0 >= rust_decimal::Decimal::ONE_HUNDRED
        {
            r.errors.add("percent", ui.t(key("costing-error-margin")));
        }
    }
    if step.is_some_and(|s| s.0 <= rust_decimal::Decimal::ZERO) {
        r.errors.add("step", ui.t(key("costing-error-step")));
    }
    let (
        Some(starts_on),
        Some(currency),
        Some(tiers),
        Some(foc_per),
        Some(pricing),
        Some(p),
        Some(step),
        Some(seats),
        false,
    ) = (
        starts_on,
        currency,
        tiers,
        foc_per,
        pricing,
        percent,
        step,
        seats,
        r.errors.any(),
    )
    else {
        return Err(r.errors);
    };
    Ok(CostingSettings {
        starts_on,
        currency,
        tiers,
        foc: FocRule {
            per_paying: foc_per as u32,
        },
        foc_single: r.checkbox("foc_single"),
        pricing: if pricing == "margin" {
            Pricing::Margin(p)
        } else {
            Pricing::Markup(p)
        },
        step,
        guide_seats: seats as u32,
    })
}

fn sheet_page(id: TourId) -> String {
    paths::tour_costing(id)
}

/// Saves the settings (the Recalculate button, or htmx on each change) and shows the sheet.
pub async fn save(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::CostingEdit)?;
    let id = path.into_inner();
    let fields = Fields(form_data.into_inner());
    let settings = match read(&ui, &fields) {
        Ok(s) => s,
        Err(errors) => {
            // Shown with the sheet as it was saved, and the refused values in the form.
            let saved = load(&ui, &db, id, None).await?.1;
            return render(&ui, &db, &user, id, Some((saved, errors.0)), None).await;
        }
    };
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| sheet_db::save_settings(conn, &actor, id, &settings))
        .await?;
    Ok(ui.see_other(
        &sheet_page(id),
        Flash::success(Message::new("costing-saved")),
    ))
}

/// Sets a planning rate by hand, or (empty) returns it to the latest stored rate.
pub async fn set_rate(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::CostingEdit)?;
    let id = path.into_inner();
    let fields = Fields(form_data.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let currency = r.currency("currency");
    let rate = if fields.has("clear") {
        None
    } else {
        r.decimal("rate", true)
    };
    let bad = r.errors.any() || rate.is_some_and(|d| d.0 <= rust_decimal::Decimal::ZERO);
    let Some(currency) = currency.filter(|_| !bad) else {
        let m = Message::new("costing-error-rate");
        return Ok(ui.see_other(&sheet_page(id), Flash::error(m)));
    };
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| sheet_db::set_rate(conn, &actor, id, currency, rate))
        .await?;
    Ok(ui.see_other(
        &sheet_page(id),
        Flash::success(Message::new("costing-rate-saved")),
    ))
}

/// Sets a line's rate by hand in place of the contract's, or (empty) returns to it.
pub async fn set_line_rate(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<TourLineId>,
    form_data: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::CostingEdit)?;
    let id = path.into_inner();
    let fields = Fields(form_data.into_inner());
    let mut r = Reader::new(&ui, &fields);
    let currency = r.currency("currency");
    let minor = if fields.has("clear") {
        None
    } else {
        r.money("amount", currency, false)
    };
    let amount = currency.zip(minor).map(|(c, m)| Money::new(m, c));
    let (_, tour) = db
        .find(move |conn| crate::db::tours::itinerary::owner_of_line(conn, id))
        .await?;
    if r.errors.any() {
        let m = Message::new("costing-error-line-rate");
        return Ok(ui.see_other(&sheet_page(tour), Flash::error(m)));
    }
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| sheet_db::set_line_rate(conn, &actor, id, amount))
        .await?;
    Ok(ui.see_other(
        &sheet_page(tour),
        Flash::success(Message::new("costing-line-rate-saved")),
    ))
}
