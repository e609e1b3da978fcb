//! A user's own account: changing the password (forced after a one-time password) and the
//! interface language.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::audit::{Change, Entity, Verb};
use crate::db::{self, audit, auth::sessions, auth::throttle, auth::users};
use crate::domain::access::Perm;
use crate::domain::auth::password::{NewPassword, PasswordError};
use crate::domain::locale::Locale;
use crate::domain::message::{Message, key};
use crate::web::auth::sign_in;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, SignedIn, Ui};
use crate::web::flash::Flash;
use crate::web::paths;

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

fn password_error_key(e: &PasswordError) -> &'static str {
    match e {
        PasswordError::TooShort => key("account-password-error-too-short"),
        PasswordError::TooLong => key("account-password-error-too-long"),
        PasswordError::SameAsEmail => key("account-password-error-same-as-email"),
    }
}

pub async fn change_password(
    ui: Ui,
    db: Db,
    user: SignedIn,
    form: web::Form<PasswordForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let me = user.0.user.clone();
    let mut errors = PasswordErrors::default();
    let parsed = NewPassword::parse(&form.new_password, &me.email);
    match &parsed {
        Err(e) => {
            let text = ui.state.i18n.message(
                ui.locale(),
                &Message::new(password_error_key(e))
                    .arg("min", crate::domain::auth::password::MIN_LEN),
            );
            errors.new_password = Some(text);
        }
        Ok(_) if form.new_password == form.current => {
            errors.new_password = Some(ui.t(key("account-password-error-unchanged")));
        }
        Ok(_) => {}
    }
    if form.confirm != form.new_password {
        errors.confirm = Some(ui.t(key("account-password-error-mismatch")));
    }
    let checked = sign_in::check_password(
        &ui,
        &db,
        &me.email,
        form.current.clone(),
        Some(me.password_hash.clone()),
    )
    .await?;
    let attempt = match checked {
        sign_in::Checked::Throttled { minutes } => {
            let text = ui.state.i18n.message(
                ui.locale(),
                &Message::new("sign-in-error-throttled").arg("minutes", minutes),
            );
            let view = PasswordView {
                forced: me.must_change_password,
                errors: PasswordErrors {
                    current: Some(text),
                    ..Default::default()
                },
                min_len: crate::domain::auth::password::MIN_LEN,
            };
            return ui.render(
                StatusCode::TOO_MANY_REQUESTS,
                "account/password.html",
                &view,
            );
        }
        sign_in::Checked::Done { matches, attempt } => {
            if !matches {
                errors.current = Some(ui.t(key("account-password-error-current")));
            }
            attempt
        }
    };
    let new_password = match parsed {
        Ok(p)
            if errors.current.is_none()
                && errors.new_password.is_none()
                && errors.confirm.is_none() =>
        {
            p
        }
        _ => {
            if errors.current.is_none() {
                // The current password was right: it does not count as a failure.
                db.write(move |conn| -> Result<(), WebError> {
                    Ok(throttle::succeeded(conn, &attempt)?)
                })
                .await?;
            }
            let view = PasswordView {
                forced: me.must_change_password,
                errors,
                min_len: crate::domain::auth::password::MIN_LEN,
            };
            return ui.render(
                StatusCode::UNPROCESSABLE_ENTITY,
                "account/password.html",
                &view,
            );
        }
    };
    let hash = sign_in::hash(&ui, new_password.as_str().to_owned()).await?;
    let keep = user.0.session.id;
    let actor = user.0.actor(ui.client_addr());
    db.write(move |conn| -> Result<(), WebError> {
        throttle::succeeded(conn, &attempt)?;
        users::set_password(conn, me.id, &hash, false)?;
        sessions::revoke_others(conn, me.id, keep, db::now())?;
        audit::record_change(
            conn,
            &actor,
            Change::new(Entity::User, Verb::ChangePassword, me.id),
        )?;
        Ok(())
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
        // The user as stored now, not as the session loaded them.
        let before = users::find(conn, id)?.ok_or(WebError::NotFound)?;
        users::set_locale(conn, id, Some(locale))?;
        audit::record_change(
            conn,
            &actor,
            Change::new(Entity::User, Verb::ChangeLocale, id)
                .before(serde_json::json!({ "locale": before.locale.map(Locale::tag) }))
                .after(serde_json::json!({ "locale": locale.tag() })),
        )?;
        Ok(())
    })
    .await?;
    let back = crate::domain::auth::redirect::local_path(form.back.as_deref()).to_owned();
    Ok(ui.see_other(
        &back,
        Flash::success(Message::new("account-locale-changed")),
    ))
}
