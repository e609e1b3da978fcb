//! A user's own account: its page (who they are, how they read years), changing the password
//! (forced after a one-time password), the interface language and the year style.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::auth::{accounts, throttle};
use crate::domain::access::Perm;
use crate::domain::auth::password::NewPassword;
use crate::domain::locale::Locale;
use crate::domain::message::{Message, Refusal, key};
use crate::domain::time::YearStyle;
use crate::i18n::format::Formats;
use crate::web::auth::sign_in;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, SignedIn, Ui};
use crate::web::flash::Flash;
use crate::web::kit::form::Fields;
use crate::web::paths;
use crate::web::render::role_key;

#[derive(Serialize, Default)]
struct PasswordView {
    forced: bool,
    errors: PasswordErrors,
    min_len: usize,
}

#[derive(Serialize, Default)]
struct PasswordErrors {
    current: Option<String>,
    new_password: Option<String>,
    confirm: Option<String>,
}

pub async fn password_form(ui: Ui, user: SignedIn) -> Result<HttpResponse, WebError> {
    let view = PasswordView {
        forced: user.0.user.must_change_password,
        min_len: crate::domain::auth::password::MIN_LEN,
        ..Default::default()
    };
    ui.render(StatusCode::OK, "account/password.html", &view)
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current: String,
    new_password: String,
    confirm: String,
}

/// The errors of the new password and its confirmation, and the new password when it is
/// acceptable; the current password is checked apart.
fn read_new_password(
    ui: &Ui,
    form: &PasswordForm,
    email: &str,
) -> (PasswordErrors, Option<NewPassword>) {
    let mut errors = PasswordErrors::default();
    let parsed = match NewPassword::parse(&form.new_password, email) {
        Err(e) => {
            errors.new_password = Some(ui.message(&e.message()));
            None
        }
        Ok(_) if form.new_password == form.current => {
            errors.new_password = Some(ui.t(key("account-password-error-unchanged")));
            None
        }
        Ok(p) => Some(p),
    };
    if form.confirm != form.new_password {
        errors.confirm = Some(ui.t(key("account-password-error-mismatch")));
    }
    (errors, parsed)
}

/// The password page again, refused with `status`.
fn refuse(
    ui: &Ui,
    forced: bool,
    errors: PasswordErrors,
    status: StatusCode,
) -> Result<HttpResponse, WebError> {
    let view = PasswordView {
        forced,
        errors,
        min_len: crate::domain::auth::password::MIN_LEN,
    };
    ui.render(status, "account/password.html", &view)
}

pub async fn change_password(
    ui: Ui,
    db: Db,
    user: SignedIn,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let me = user.0.user.clone();
    let (mut errors, parsed) = read_new_password(&ui, &form, &me.email);
    let current = form.current.clone();
    let hash = Some(me.password_hash.clone());
    let forced = me.must_change_password;
    let attempt = match sign_in::check_password(&ui, &db, &me.email, current, hash).await? {
        sign_in::Checked::Throttled { minutes } => {
            let m = Message::new("sign-in-error-throttled").count("minutes", minutes);
            let errors = PasswordErrors {
                current: Some(ui.message(&m)),
                ..Default::default()
            };
            return refuse(&ui, forced, errors, StatusCode::TOO_MANY_REQUESTS);
        }
        sign_in::Checked::Done { matches: false, .. } => {
            errors.current = Some(ui.t(key("account-password-error-current")));
            return refuse(&ui, forced, errors, StatusCode::UNPROCESSABLE_ENTITY);
        }
        sign_in::Checked::Done { attempt, .. } => attempt,
    };
    let Some(new_password) = parsed.filter(|_| errors.confirm.is_none()) else {
        // The current password was right: it does not count as a failure.
        db.write(move |conn| -> Result<(), WebError> { Ok(throttle::succeeded(conn, &attempt)?) })
            .await?;
        return refuse(&ui, forced, errors, StatusCode::UNPROCESSABLE_ENTITY);
    };
    let hash = sign_in::hash(&ui, new_password.as_str().to_owned()).await?;
    let keep = user.0.session.id;
    let actor = user.0.actor(ui.client_addr());
    db.write(move |conn| -> Result<(), WebError> {
        throttle::succeeded(conn, &attempt)?;
        Ok(accounts::change_own_password(
            conn, &actor, me.id, &hash, keep,
        )?)
    })
    .await?;
    Ok(ui.see_other(
        paths::HOME,
        Flash::success(Message::new("account-password-changed")),
    ))
}

#[derive(Deserialize)]
pub struct LocaleForm {
    locale: String,
    back: Option<String>,
}

pub async fn change_locale(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<LocaleForm>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::AccountEdit)?;
    let form = form.into_inner();
    let locale = Locale::parse(&form.locale).map_err(|_| {
        WebError::BadRequest(
            Message::new("account-locale-error-unknown").arg("locale", &form.locale),
        )
    })?;
    let id = user.user().id;
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| -> Result<(), WebError> {
        Ok(accounts::change_locale(conn, &actor, id, locale)?)
    })
    .await?;
    let back = crate::domain::auth::redirect::local_path(form.back.as_deref()).to_owned();
    Ok(ui.see_other(
        &back,
        Flash::success(Message::new("account-locale-changed")),
    ))
}

#[derive(Serialize)]
struct AccountView {
    name: String,
    email: String,
    role_key: &'static str,
    year_styles: Vec<YearStyleOption>,
    year_style_error: Option<String>,
    /// Today as an input field takes it (ISO, Gregorian), for the hint beside the choice.
    iso_today: String,
    action: &'static str,
    password_href: &'static str,
}

#[derive(Serialize)]
struct YearStyleOption {
    value: &'static str,
    label_key: &'static str,
    /// Today's date written this way, in the reader's language.
    example: String,
    checked: bool,
}

fn year_style_key(style: YearStyle) -> &'static str {
    match style {
        YearStyle::Gregorian => key("time-zone-years-gregorian"),
        YearStyle::Buddhist => key("time-zone-years-buddhist"),
    }
}

fn account_view(ui: &Ui, user: &CurrentUser, error: Option<String>) -> AccountView {
    let me = user.user();
    let today = ui.today();
    let zone = ui.state.time_zone();
    AccountView {
        name: me.display_name.clone(),
        email: me.email.clone(),
        role_key: role_key(me.role),
        year_styles: YearStyle::ALL
            .iter()
            .map(|style| YearStyleOption {
                value: style.as_str(),
                label_key: year_style_key(*style),
                example: Formats::new(zone, *style).date(ui.locale(), today),
                checked: *style == me.year_style,
            })
            .collect(),
        year_style_error: error,
        iso_today: today.to_string(),
        action: paths::ACCOUNT_YEAR_STYLE,
        password_href: paths::ACCOUNT_PASSWORD,
    }
}

/// The user's own account page.
pub async fn show(ui: Ui, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::AccountEdit)?;
    ui.render(
        StatusCode::OK,
        "account/show.html",
        &account_view(&ui, &user, None),
    )
}

/// Sets how the user reads years on pages; an unknown choice is shown again with its error.
pub async fn change_year_style(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::AccountEdit)?;
    let fields = Fields(form.into_inner());
    let style = match YearStyle::parse(fields.get("year_style")) {
        Ok(style) => style,
        Err(e) => {
            let error = e.refusal().map(|m| ui.message(&m));
            let view = account_view(&ui, &user, error);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "account/show.html", &view);
        }
    };
    let id = user.user().id;
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| -> Result<(), WebError> {
        Ok(accounts::change_year_style(conn, &actor, id, style)?)
    })
    .await?;
    Ok(ui.see_other(
        paths::ACCOUNT,
        Flash::success(Message::new("time-zone-years-changed")),
    ))
}
