//! Guide pages: the list (search, language filter, sorting), the guide's month calendar with
//! the state of the licence, and the form, which the record handlers of
//! [`crate::web::kit::record`] serve for create, edit, archive and restore.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::db::master::guides::{self, Guide, GuideData, Guides};
use crate::domain::access::Perm;
use crate::domain::calendar::Month;
use crate::domain::ids::GuideId;
use crate::domain::master::guides::{Language, LanguageLevel, LicenceState, licence_state};
use crate::domain::message::key;
use crate::domain::money::Money;
use crate::i18n::language_key;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::kit::form::{Errors, Fields, FormBuilder, FormPage, OptionView, Reader};
use crate::web::kit::list::{
    self, CellView, ColumnView, FilterView, ListPage, ListParams, RowView, Tone, plain_column,
};
use crate::web::kit::record::{FormRecord, Messages};
use crate::web::kit::{self, DetailView, calendar, money_input, money_text};
use crate::web::paths;

pub fn level_key(level: LanguageLevel) -> &'static str {
    match level {
        LanguageLevel::Basic => key("guides-level-basic"),
        LanguageLevel::Working => key("guides-level-working"),
        LanguageLevel::Fluent => key("guides-level-fluent"),
        LanguageLevel::Native => key("guides-level-native"),
    }
}

fn licence_key(state: LicenceState) -> &'static str {
    match state {
        LicenceState::Unknown => key("guides-licence-unknown"),
        LicenceState::Valid => key("guides-licence-valid"),
        LicenceState::ExpiresSoon => key("guides-licence-soon"),
        LicenceState::Expired => key("guides-licence-expired"),
    }
}

fn licence_tone(state: LicenceState) -> Tone {
    match state {
        LicenceState::Valid => Tone::Good,
        LicenceState::ExpiresSoon => Tone::Watch,
        LicenceState::Expired => Tone::Bad,
        LicenceState::Unknown => Tone::Unknown,
    }
}

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GuidesView)?;
    let params = params.into_inner();
    let query = guides::ListQuery {
        listing: params.listing(),
        language: params.language.as_deref().and_then(Language::parse),
        show_archived: params.show_archived(),
    };
    let (page, found, total) = list::fetch(&db, params.page, query, guides::list).await?;
    let mut view = ListPage::new(
        &ui,
        &params,
        paths::GUIDES,
        (page, total),
        key("guides-empty"),
    );
    view.title = ui.t(key("guides-title"));
    view.search_placeholder = ui.t(key("guides-search-placeholder"));
    view.filters = vec![language_filter(&ui, params.language.as_deref())];
    if user.user().role.permits(Perm::GuidesEdit) {
        let import = Some(paths::import(crate::import::Kind::Guides));
        view.add_actions(&ui, (paths::GUIDE_NEW, key("guides-new")), import);
    }
    view.columns = columns(&ui, &params);
    let today = ui.today();
    view.rows = found.iter().map(|guide| row(&ui, guide, today)).collect();
    ui.render(StatusCode::OK, "master/list.html", &view)
}

fn language_filter(ui: &Ui, current: Option<&str>) -> FilterView {
    let mut options = vec![OptionView {
        value: String::new(),
        label: ui.t(key("list-all")),
    }];
    options.extend(Language::SPOKEN.iter().map(|l| OptionView {
        value: l.code().to_owned(),
        label: ui.t(language_key(*l)),
    }));
    FilterView {
        name: "language".into(),
        label: ui.t(key("guides-col-languages")),
        options,
        value: current.unwrap_or_default().to_owned(),
    }
}

fn columns(ui: &Ui, params: &ListParams) -> Vec<ColumnView> {
    let base = paths::GUIDES;
    let mut fee = params.column(base, ui.t(key("guides-col-fee")), "fee", "name");
    fee.numeric = true;
    vec![
        params.column(base, ui.t(key("guides-col-name")), "name", "name"),
        plain_column(ui.t(key("guides-col-languages"))),
        params.column(base, ui.t(key("guides-col-licence")), "licence", "name"),
        fee,
        plain_column(ui.t(key("suppliers-phone"))),
        plain_column(ui.t(key("guides-col-status"))),
    ]
}

fn row(ui: &Ui, guide: &Guide, today: NaiveDate) -> RowView {
    let d = &guide.data;
    let name = kit::with_local_name(&d.name, &d.local_name);
    let languages = d
        .languages
        .iter()
        .map(|(l, v)| format!("{} ({})", ui.t(language_key(*l)), ui.t(level_key(*v))))
        .collect::<Vec<_>>();
    let state = licence_state(d.licence_expires_on, today);
    let status = if d.active {
        key("guides-active")
    } else {
        key("guides-inactive")
    };
    RowView {
        cells: vec![
            CellView::link(name, paths::guide(guide.id)),
            CellView::parts(languages),
            CellView::status(ui.t(licence_key(state)), licence_tone(state)),
            CellView::num(money_text(ui, d.daily_fee.minor, d.daily_fee.currency)),
            CellView::text(&d.phone),
            CellView::badge(ui.t(status), d.active),
        ],
    }
}

/// The form field holding the guide's level in `language` (`lang_zh`).
fn language_field(language: Language) -> String {
    format!("lang_{}", language.code())
}

async fn load(db: &Db, id: GuideId) -> Result<Guide, WebError> {
    db.find(move |conn| guides::find(conn, id)).await
}

impl FormRecord for Guides {
    const EDIT: Perm = Perm::GuidesEdit;
    const MESSAGES: Messages = Messages {
        created: key("guides-created"),
        updated: key("guides-updated"),
        archived: key("guides-archived"),
        restored: key("guides-restored"),
    };

    fn page(id: GuideId) -> String {
        paths::guide(id)
    }

    fn defaults(ui: &Ui) -> Fields {
        let currency = ui.state.tenant.base_currency.code();
        Fields(vec![
            ("currency".into(), currency.to_owned()),
            ("active".into(), "on".into()),
        ])
    }

    fn values(ui: &Ui, d: &GuideData) -> Fields {
        let mut f = vec![
            ("name".to_owned(), d.name.clone()),
            ("local_name".into(), d.local_name.clone()),
            ("phone".into(), d.phone.clone()),
            ("email".into(), d.email.clone()),
            ("licence_number".into(), d.licence_number.clone()),
            (
                "licence_expires_on".into(),
                d.licence_expires_on
                    .map(|x| x.to_string())
                    .unwrap_or_default(),
            ),
            (
                "daily_fee".into(),
                money_input(ui, d.daily_fee.minor, d.daily_fee.currency),
            ),
            ("currency".into(), d.daily_fee.currency.code().to_owned()),
            ("notes".into(), d.notes.clone()),
        ];
        if d.active {
            f.push(("active".into(), "on".into()));
        }
        for (language, level) in &d.languages {
            f.push((language_field(*language), level.as_str().to_owned()));
        }
        Fields(f)
    }

    fn read(ui: &Ui, fields: &Fields) -> Result<GuideData, Errors> {
        let mut r = Reader::new(ui, fields);
        let name = r.text("name", 200, true);
        let local_name = r.text("local_name", 200, false);
        let phone = r.text("phone", 100, false);
        let email = r.email("email", false);
        let licence_number = r.text("licence_number", 100, false);
        let licence_expires_on = r.date("licence_expires_on", false);
        let currency = r.currency("currency");
        let fee = r.money("daily_fee", currency, true);
        let notes = r.multi_line("notes", 4000);
        let active = r.checkbox("active");
        let mut languages = Vec::new();
        for language in Language::SPOKEN {
            let field = language_field(language);
            let raw = fields.get(&field);
            if raw.is_empty() {
                continue;
            }
            match LanguageLevel::parse(raw) {
                Some(level) => languages.push((language, level)),
                None => r.errors.add(&field, ui.t(key("form-error-choice"))),
            }
        }
        let (Some(currency), Some(fee), false) = (currency, fee, r.errors.any()) else {
            return Err(r.errors);
        };
        Ok(GuideData {
            name,
            local_name,
            phone,
            email,
            licence_number,
            licence_expires_on,
            daily_fee: Money::new(fee, currency),
            active,
            notes,
            languages,
        })
    }

    fn form(ui: &Ui, id: Option<GuideId>, values: &Fields, errors: &Errors) -> FormPage {
        let mut b = FormBuilder::new(ui, values, errors);
        b.text("name", key("guides-col-name"), true)
            .text("local_name", key("suppliers-local-name"), false)
            .text("phone", key("suppliers-phone"), false)
            .email("email", key("suppliers-email"))
            .text("licence_number", key("guides-licence-number"), false)
            .date("licence_expires_on", key("guides-licence-expires"), false)
            .number("daily_fee", key("guides-col-fee"), true)
            .currencies("currency", key("suppliers-col-currency"))
            .checkbox("active", key("guides-active"));
        for language in Language::SPOKEN {
            let mut options = vec![OptionView {
                value: String::new(),
                label: "—".into(),
            }];
            options.extend(LanguageLevel::ALL.iter().map(|l| OptionView {
                value: l.as_str().into(),
                label: ui.t(level_key(*l)),
            }));
            b.select(&language_field(language), language_key(language), options);
            if let Some(f) = b.fields.last_mut() {
                f.required = false;
            }
        }
        b.textarea("notes", key("suppliers-notes"));
        let fields = b.fields;
        FormPage {
            title: ui.t(if id.is_some() {
                key("guides-edit-title")
            } else {
                key("guides-new")
            }),
            action: id.map(paths::guide).unwrap_or_else(|| paths::GUIDES.into()),
            back_href: id.map(paths::guide).unwrap_or_else(|| paths::GUIDES.into()),
            back_label: ui.t(key("guides-title")),
            fields,
            form_error: errors.any().then(|| ui.t(key("error-unprocessable"))),
        }
    }
}

#[derive(Serialize)]
struct DayView {
    day: u32,
    inside: bool,
    today: bool,
}

#[derive(Serialize)]
struct CalendarView {
    id: i64,
    name: String,
    local_name: String,
    archived: bool,
    can_edit: bool,
    details: Vec<crate::web::kit::DetailView>,
    languages: Vec<String>,
    licence_state: &'static str,
    licence_text: String,
    licence_warning: Option<String>,
    month_title: String,
    weekdays: Vec<String>,
    weeks: Vec<Vec<DayView>>,
    prev_month: String,
    next_month: String,
}

#[derive(serde::Deserialize)]
pub struct MonthParam {
    month: Option<String>,
}

/// The guide's page: details, licence state, and the month's grid of days (assignments join
/// it once groups exist).
pub async fn show(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<GuideId>,
    params: web::Query<MonthParam>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::GuidesView)?;
    let guide = load(&db, path.into_inner()).await?;
    let today = ui.today();
    let month = Month::of(calendar::month_start(
        params.month.as_deref(),
        today,
        key("guides-error-month"),
    )?);
    let d = &guide.data;
    let state = licence_state(d.licence_expires_on, today);
    let view = CalendarView {
        id: guide.id.0,
        name: d.name.clone(),
        local_name: d.local_name.clone(),
        archived: guide.archived,
        can_edit: user.user().role.permits(Perm::GuidesEdit),
        details: details(&ui, d),
        languages: d
            .languages
            .iter()
            .map(|(l, v)| format!("{} — {}", ui.t(language_key(*l)), ui.t(level_key(*v))))
            .collect(),
        licence_state: match state {
            LicenceState::Expired => "expired",
            LicenceState::ExpiresSoon => "soon",
            LicenceState::Valid => "valid",
            LicenceState::Unknown => "unknown",
        },
        licence_text: licence_text(&ui, d),
        licence_warning: match state {
            LicenceState::Expired => Some(ui.t(key("guides-licence-expired-warning"))),
            LicenceState::ExpiresSoon => Some(ui.t(key("guides-licence-soon"))),
            _ => None,
        },
        month_title: calendar::month_title(&ui, &month),
        weekdays: calendar::weekdays(&ui),
        weeks: month
            .weeks
            .iter()
            .map(|week| {
                week.iter()
                    .map(|day| DayView {
                        day: day.day(),
                        inside: day.month() == month.first.month(),
                        today: *day == today,
                    })
                    .collect()
            })
            .collect(),
        prev_month: calendar::month_param(month.previous()),
        next_month: calendar::month_param(month.next()),
    };
    ui.render(StatusCode::OK, "guides/show.html", &view)
}

/// The licence's number and expiry, as the guide's page says it.
fn licence_text(ui: &Ui, d: &GuideData) -> String {
    match d.licence_expires_on {
        Some(exp) => ui.state.i18n.t(
            ui.locale(),
            key("guides-licence-line"),
            &[
                ("number".into(), d.licence_number.clone()),
                ("date".into(), ui.formats().date(ui.locale(), exp)),
            ],
        ),
        None => d.licence_number.clone(),
    }
}

/// The guide's details that are filled in, as label and value.
fn details(ui: &Ui, d: &GuideData) -> Vec<DetailView> {
    let fee = money_text(ui, d.daily_fee.minor, d.daily_fee.currency);
    kit::details(
        ui,
        [
            (key("suppliers-phone"), d.phone.clone()),
            (key("suppliers-email"), d.email.clone()),
            (key("guides-col-fee"), fee),
            (key("suppliers-notes"), d.notes.clone()),
        ],
    )
}
