//! The latest rates, as an accountant checks them: each stored pair's latest rate on or
//! before a day (the agency's today unless asked), its age and whether it is stale (`fx::is_stale`); the
//! rates nobody stored that follow from them — the inverse of every stored pair and the
//! rates to and from the base currency — each labelled with how it was computed; and a
//! lookup of any pair. Computed rates come from `fx::derive` on every request and are never
//! stored.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;

use crate::db::master::exchange_rates::{self, StoredRate};
use crate::domain::access::Perm;
use crate::domain::currency::Currency;
use crate::domain::fx::{self, Basis, Derived, Pair, Rate};
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::list::FilterView;
use crate::web::paths;
use crate::web::rates::{currency_filter, rate_text};

/// The query: the day the summary is for, and the pair to look up.
#[derive(serde::Deserialize, Default)]
pub struct LatestParams {
    pub date: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// One rate as the page shows it, stored or computed.
#[derive(serde::Serialize)]
struct RateLine {
    pair: String,
    /// The pair's history in the rate list, for a stored pair.
    pair_href: Option<String>,
    rate: String,
    date: String,
    age: String,
    stale: bool,
    status: String,
    /// How the rate was obtained: stored, or computed from which stored rates.
    basis: String,
    /// Computed from stored rates, not stored itself.
    computed: bool,
    source: String,
    /// The new-rate form for this pair, for a stale stored pair and those who may add one.
    add_href: Option<String>,
}

#[derive(serde::Serialize)]
struct LatestPage {
    title: String,
    /// The day as the date input holds it (`2027-01-31`).
    date: String,
    stale_rule: String,
    summary: String,
    stored: Vec<RateLine>,
    computed: Vec<RateLine>,
    /// Where the page's forms go (GET).
    action: &'static str,
    /// The lookup's two currency drop-downs, from and to.
    pickers: Vec<FilterView>,
    lookup: Option<RateLine>,
    lookup_error: Option<String>,
    list_href: &'static str,
    list_label: String,
    /// "New rate", for those who may add one.
    new_href: Option<&'static str>,
}

/// The day asked for (`today`, the agency's, when none) and the pair looked up; a malformed
/// value is a 400.
fn read(
    params: &LatestParams,
    today: NaiveDate,
) -> Result<(NaiveDate, Option<Currency>, Option<Currency>), WebError> {
    let given = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let bad = || WebError::BadRequest(Message::new("rates-error-filter"));
    let currency = |v: &Option<String>| {
        given(v)
            .map(|c| Currency::parse(c.trim()).map_err(|_| bad()))
            .transpose()
    };
    let date = given(&params.date)
        .map(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| bad()))
        .transpose()?
        .unwrap_or(today);
    Ok((date, currency(&params.from)?, currency(&params.to)?))
}

pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<LatestParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::RatesView)?;
    let params = params.into_inner();
    let (day, from, to) = read(&params, ui.today())?;
    let stored = db
        .read(move |conn| -> Result<_, WebError> {
            Ok(exchange_rates::latest_per_pair(conn, day)?)
        })
        .await?;
    let base = ui.state.tenant.base_currency;
    let rates: Vec<Rate> = stored.iter().map(|s| s.rate.clone()).collect();
    let can_edit = user.user().role.permits(Perm::RatesEdit);
    let stored_lines: Vec<RateLine> = stored
        .iter()
        .map(|s| stored_line(&ui, s, day, can_edit))
        .collect();
    let computed: Vec<RateLine> = computed_pairs(&rates, base)
        .into_iter()
        .filter_map(|p| fx::derive(&rates, p, base))
        .map(|d| derived_line(&ui, &d, day))
        .collect();
    let (lookup, lookup_error, status) = lookup(&ui, &rates, base, (from, to), day);
    let stale = stored_lines.iter().filter(|l| l.stale).count();
    let mut codes: Vec<&'static str> = rates
        .iter()
        .flat_map(|r| [r.from.code(), r.to.code()])
        .collect();
    codes.sort_unstable();
    codes.dedup();
    let choose = key("fxrates-choose");
    let page = LatestPage {
        title: ui.t(key("fxrates-latest-title")),
        date: day.to_string(),
        stale_rule: ui.message(
            &Message::new("fxrates-stale-rule")
                .count("days", fx::STALE_AFTER_DAYS)
                .date("date", day),
        ),
        summary: ui.message(
            &Message::new("fxrates-stale-summary")
                .count("stale", i64::try_from(stale).unwrap_or(i64::MAX))
                .count(
                    "pairs",
                    i64::try_from(stored_lines.len()).unwrap_or(i64::MAX),
                ),
        ),
        stored: stored_lines,
        computed,
        action: paths::RATES_LATEST,
        pickers: vec![
            currency_filter(
                &ui,
                ("from", key("rates-col-from"), choose),
                &codes,
                params.from.as_deref(),
            ),
            currency_filter(
                &ui,
                ("to", key("rates-col-to"), choose),
                &codes,
                params.to.as_deref(),
            ),
        ],
        lookup,
        lookup_error,
        list_href: paths::RATES,
        list_label: ui.t(key("rates-title")),
        new_href: can_edit.then_some(paths::RATE_NEW),
    };
    ui.render(status, "rates/latest.html", &page)
}

/// The pairs worth computing: the inverse of every stored pair, and every currency of the
/// stored rates to and from the base currency — those not stored themselves — by currency
/// code.
fn computed_pairs(rates: &[Rate], base: Currency) -> Vec<Pair> {
    let stored: Vec<Pair> = rates.iter().map(Pair::of).collect();
    let mut wanted: Vec<Pair> = stored.iter().map(|p| p.inverse()).collect();
    for c in rates.iter().flat_map(|r| [r.from, r.to]) {
        if c != base {
            wanted.push(Pair::new(c, base));
            wanted.push(Pair::new(base, c));
        }
    }
    wanted.retain(|p| !stored.contains(p));
    wanted.sort_by_key(|p| (p.from.code(), p.to.code()));
    wanted.dedup();
    wanted
}

/// The answer to "what is the rate from → to?": the line, or why there is none, and the
/// status to answer with (422 for a lookup that cannot be read).
fn lookup(
    ui: &Ui,
    rates: &[Rate],
    base: Currency,
    pair: (Option<Currency>, Option<Currency>),
    day: NaiveDate,
) -> (Option<RateLine>, Option<String>, StatusCode) {
    let (from, to) = match pair {
        (None, None) => return (None, None, StatusCode::OK),
        (Some(from), Some(to)) => (from, to),
        _ => {
            let both = ui.t(key("fxrates-lookup-both"));
            return (None, Some(both), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if let Err(e) = fx::check_pair(from, to) {
        let error = ui.message(&e.message());
        return (None, Some(error), StatusCode::UNPROCESSABLE_ENTITY);
    }
    match fx::derive(rates, Pair::new(from, to), base) {
        Some(d) => (Some(derived_line(ui, &d, day)), None, StatusCode::OK),
        None => {
            let none = Message::new("fxrates-lookup-none")
                .arg("from", from)
                .arg("to", to)
                .date("date", day);
            (None, Some(ui.message(&none)), StatusCode::OK)
        }
    }
}

/// The age and status words of a rate dated `date`, seen on `day`.
fn freshness(ui: &Ui, date: NaiveDate, day: NaiveDate) -> (String, bool, String) {
    let stale = fx::is_stale(date, day);
    let age = ui.message(&Message::new("fxrates-age").count("days", fx::age_in_days(date, day)));
    let status = ui.t(if stale {
        key("fxrates-stale")
    } else {
        key("fxrates-current")
    });
    (age, stale, status)
}

/// A stored pair's line; a stale one offers the new-rate form to those who may add (`can_add`).
fn stored_line(ui: &Ui, s: &StoredRate, day: NaiveDate, can_add: bool) -> RateLine {
    let r = &s.rate;
    let (age, stale, status) = freshness(ui, r.date, day);
    RateLine {
        pair: Pair::of(r).to_string(),
        pair_href: Some(paths::rates_of_pair(r.from, r.to)),
        rate: rate_text(ui, &r.rate),
        date: ui.formats().date(ui.locale(), r.date),
        age,
        stale,
        status,
        basis: ui.t(key("fxrates-basis-stored")),
        computed: false,
        source: r.source.clone(),
        add_href: (stale && can_add).then(|| paths::rate_new_for(r.from, r.to)),
    }
}

fn derived_line(ui: &Ui, d: &Derived, day: NaiveDate) -> RateLine {
    let (age, stale, status) = freshness(ui, d.date, day);
    let basis = match d.basis {
        Basis::Stored => Message::new("fxrates-basis-stored"),
        Basis::Inverse => Message::new("fxrates-basis-inverse").arg("pair", d.pair.inverse()),
        Basis::Cross {
            via,
            legs: [first, second],
        } => Message::new("fxrates-basis-cross")
            .arg("via", via)
            .arg("first", first)
            .arg("second", second),
    };
    RateLine {
        pair: d.pair.to_string(),
        pair_href: matches!(d.basis, Basis::Stored)
            .then(|| paths::rates_of_pair(d.pair.from, d.pair.to)),
        rate: rate_text(ui, &d.rate),
        date: ui.formats().date(ui.locale(), d.date),
        age,
        stale,
        status,
        basis: ui.message(&basis),
        computed: !matches!(d.basis, Basis::Stored),
        source: String::new(),
        add_href: None,
    }
}
