//! Signing in and out.
//!
//! A wrong password and an unknown e-mail get the same answer, in the same time (the decoy
//! hash); failures are counted in the database per account and per client address.

use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::auth::sessions::{self, SignInEnd};
use crate::db::{self, auth::throttle};
use crate::domain::auth::redirect;
use crate::domain::auth::sign_in::{ThrottleRule, throttled};
use crate::domain::message::Message;
use crate::security;
use crate::web::error::WebError;
use crate::web::extract::{Db, SignedIn, Ui};
use crate::web::flash::Flash;
use crate::web::middleware::is_https;
use crate::web::paths;

#[derive(Deserialize)]
pub struct SignInQuery {
    next: Option<String>,
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

#[derive(Serialize)]
struct SignInView {
    email: String,
    next: String,
    error: Option<String>,
}

/// Only a local path may be a return target; anything else returns to `/`.
fn safe_next(next: Option<&str>) -> String {
    redirect::local_path(next).to_owned()
}

pub async fn form(ui: Ui, query: web::Query<SignInQuery>) -> Result<HttpResponse, WebError> {
    if ui.ctx.auth.is_some() {
        return Ok(HttpResponse::SeeOther()
            .insert_header((header::LOCATION, paths::HOME))
            .finish());
    }
    let view = SignInView {
        email: String::new(),
        next: safe_next(query.next.as_deref()),
        error: None,
    };
    ui.render(StatusCode::OK, "sign_in.html", &view)
}

#[derive(Clone)]
enum Outcome {
    Throttled {
        minutes: i64,
    },
    Failed,
    /// The right password of a disabled account: only then is the account said to be
    /// disabled, so that nobody learns it without the password.
    Disabled,
    SignedIn {
        token: String,
        must_change: bool,
    },
}

/// What a throttled password check found.
pub enum Checked {
    /// Over the limit: the password was not checked.
    Throttled { minutes: i64 },
    /// The password was checked; on success the caller calls `throttle::succeeded` with the
    /// attempt in its write transaction.
    Done {
        matches: bool,
        attempt: throttle::Attempt,
    },
}

/// Checks `password` against `hash` (the decoy when `None`) for `account`, counting the attempt
/// against the account and the client's address **before** the check; see `db::auth::throttle`.
pub async fn check_password(
    ui: &Ui,
    db: &Db,
    account: &str,
    password: String,
    hash: Option<String>,
) -> Result<Checked, WebError> {
    let sec = &ui.state.security;
    let rule = ThrottleRule {
        max_per_account: i64::from(sec.max_failures_per_account),
        max_per_address: i64::from(sec.max_failures_per_address),
        window: chrono::Duration::minutes(i64::from(sec.failure_window_minutes)),
    };
    let (account, addr) = (account.to_owned(), ui.client_addr().to_owned());
    let attempt = db
        .write(move |conn| -> Result<_, WebError> {
            let now = db::now();
            throttle::prune(conn, now - chrono::Duration::days(1))?;
            Ok(throttle::begin(conn, &account, &addr, now)?)
        })
        .await?;
    // Counted only once the attempt is committed, so that concurrent attempts see each other.
    let (counted, addr) = (attempt.clone(), ui.client_addr().to_owned());
    let window = rule.window;
    let (on_account, on_address) = db
        .read(move |conn| -> Result<_, WebError> {
            Ok(throttle::counts(conn, &counted, &addr, db::now() - window)?)
        })
        .await?;
    if let Some(minutes) = throttled(&rule, on_account, on_address, db::now()) {
        let withdrawn = attempt.clone();
        db.write(move |conn| -> Result<_, WebError> { Ok(throttle::withdraw(conn, &withdrawn)?) })
            .await?;
        return Ok(Checked::Throttled { minutes });
    }
    let matches = verify(ui, password, hash).await?;
    Ok(Checked::Done { matches, attempt })
}

pub async fn sign_in(
    ui: Ui,
    db: Db,
    req: HttpRequest,
    form: web::Form<SignInForm>,
) -> Result<HttpResponse, WebError> {
    let form = form.into_inner();
    let email = form.email.trim().to_lowercase();
    let addr = ui.client_addr().to_owned();

    let lookup_email = email.clone();
    let user = db
        .read(move |conn| -> Result<_, WebError> {
            Ok(db::auth::users::find_by_email(conn, &lookup_email)?)
        })
        .await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone());
    let checked = check_password(&ui, &db, &email, form.password.clone(), hash).await?;
    let (outcome, attempt) = match checked {
        Checked::Throttled { minutes } => (Outcome::Throttled { minutes }, None),
        Checked::Done { matches, attempt } => match user.as_ref() {
            Some(u) if matches && !u.disabled => (
                Outcome::SignedIn {
                    token: security::random_token(),
                    must_change: u.must_change_password,
                },
                Some(attempt),
            ),
            Some(u) if matches && u.disabled => (Outcome::Disabled, None),
            _ => (Outcome::Failed, None),
        },
    };

    let token_hash = match &outcome {
        Outcome::SignedIn { token, .. } => {
            security::keyed_hash(&ui.state.secret, &format!("session:{token}"))
        }
        _ => String::new(),
    };
    let (user_id, disabled) = (
        user.as_ref().map(|u| u.id),
        user.is_some_and(|u| u.disabled),
    );
    let replaces = ui.ctx.auth.as_ref().map(|a| a.session.id);
    let record = outcome.clone();
    db.write(move |conn| -> Result<(), WebError> {
        let csrf_token = security::random_token();
        let end = match (&record, user_id, &attempt) {
            (Outcome::Throttled { .. }, ..) => SignInEnd::Throttled,
            (Outcome::SignedIn { .. }, Some(user), Some(attempt)) => SignInEnd::SignedIn {
                user,
                token_hash: &token_hash,
                csrf_token: &csrf_token,
                attempt,
                replaces,
            },
            _ => SignInEnd::Refused { disabled },
        };
        Ok(sessions::record_sign_in(conn, user_id, &email, &addr, end)?)
    })
    .await?;
    answer(&ui, &req, form, outcome)
}

/// The answer to a sign-in: the session cookie and the way on, or the form again.
fn answer(
    ui: &Ui,
    req: &HttpRequest,
    form: SignInForm,
    outcome: Outcome,
) -> Result<HttpResponse, WebError> {
    match outcome {
        Outcome::SignedIn { token, must_change } => {
            let mut cookie = Cookie::new(ui.state.cookie_name.clone(), token);
            cookie.set_path("/");
            cookie.set_http_only(true);
            cookie.set_same_site(SameSite::Lax);
            cookie.set_secure(is_https(&ui.state, req));
            let target = if must_change {
                paths::ACCOUNT_PASSWORD.to_owned()
            } else {
                safe_next(form.next.as_deref())
            };
            Ok(HttpResponse::SeeOther()
                .insert_header((header::LOCATION, target))
                .cookie(cookie)
                .finish())
        }
        Outcome::Failed => {
            let error = Message::new("sign-in-error-invalid");
            refuse(ui, form, StatusCode::UNAUTHORIZED, &error)
        }
        Outcome::Disabled => {
            let error = Message::new("sign-in-error-disabled");
            refuse(ui, form, StatusCode::FORBIDDEN, &error)
        }
        Outcome::Throttled { minutes } => {
            let error = Message::new("sign-in-error-throttled").count("minutes", minutes);
            refuse(ui, form, StatusCode::TOO_MANY_REQUESTS, &error)
        }
    }
}

/// The sign-in form again, saying why not.
fn refuse(
    ui: &Ui,
    form: SignInForm,
    status: StatusCode,
    error: &Message,
) -> Result<HttpResponse, WebError> {
    let view = SignInView {
        email: form.email,
        next: safe_next(form.next.as_deref()),
        error: Some(ui.message(error)),
    };
    ui.render(status, "sign_in.html", &view)
}

/// Verifies on the blocking pool, at most one hash per core at once. Unknown users are
/// checked against the decoy hash so that they take as long as known ones.
async fn verify(ui: &Ui, password: String, hash: Option<String>) -> Result<bool, WebError> {
    let _permit = ui
        .state
        .hashing
        .acquire()
        .await
        .map_err(|e| WebError::Internal(anyhow::anyhow!("hashing semaphore: {e}")))?;
    web::block(move || match hash {
        Some(h) => security::verify_password(&password, &h),
        None => {
            security::verify_password(&password, security::decoy_hash());
            false
        }
    })
    .await
    .map_err(|e| WebError::Internal(anyhow::anyhow!("verifying a password: {e}")))
}

/// Hashes on the blocking pool under the same bound as [`verify`].
pub async fn hash(ui: &Ui, password: String) -> Result<String, WebError> {
    let _permit = ui
        .state
        .hashing
        .acquire()
        .await
        .map_err(|e| WebError::Internal(anyhow::anyhow!("hashing semaphore: {e}")))?;
    web::block(move || security::hash_password(&password))
        .await
        .map_err(|e| WebError::Internal(anyhow::anyhow!("hashing a password: {e}")))?
        .map_err(WebError::Internal)
}

pub async fn sign_out(ui: Ui, db: Db, user: SignedIn) -> Result<HttpResponse, WebError> {
    let session_id = user.0.session.id;
    let (user_id, email, addr) = (
        user.0.user.id,
        user.0.user.email.clone(),
        ui.client_addr().to_owned(),
    );
    db.write(move |conn| -> Result<(), WebError> {
        Ok(sessions::sign_out(
            conn, session_id, user_id, &email, &addr,
        )?)
    })
    .await?;
    let mut response = ui.see_other(
        paths::SIGN_IN,
        Flash::success(Message::new("sign-in-signed-out")),
    );
    let mut removal = Cookie::new(ui.state.cookie_name.clone(), "");
    removal.set_path("/");
    removal.set_max_age(CookieDuration::ZERO);
    response
        .add_cookie(&removal)
        .map_err(|e| WebError::Internal(anyhow::anyhow!("cookie: {e}")))?;
    Ok(response)
}
