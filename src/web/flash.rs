//! One-shot messages shown on the page after a redirect, kept in a signed cookie as a message
//! id and arguments, so they are translated in the reader's language when shown.

use actix_web::cookie::{Cookie, SameSite, time::Duration};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use serde::{Deserialize, Serialize};

use crate::domain::message::Message;
use crate::security;
use crate::web::state::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Success,
    Error,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Flash {
    pub kind: Kind,
    pub message: Message,
}

impl Flash {
    pub fn success(message: Message) -> Flash {
        Flash {
            kind: Kind::Success,
            message,
        }
    }

    pub fn error(message: Message) -> Flash {
        Flash {
            kind: Kind::Error,
            message,
        }
    }
}

fn cookie_name(state: &State) -> String {
    format!("{}_flash", state.cookie_name)
}

/// 303 to `location`, carrying `flash` to the next page; over https the cookie is `Secure`.
pub fn see_other(state: &State, https: bool, location: &str, flash: Flash) -> HttpResponse {
    let mut response = HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .finish();
    if let Ok(json) = serde_json::to_string(&flash) {
        let payload = hex::encode(json);
        let signature = security::keyed_hash(&state.secret, &format!("flash:{payload}"));
        let mut cookie = Cookie::new(cookie_name(state), format!("{payload}.{signature}"));
        cookie.set_path("/");
        cookie.set_http_only(true);
        cookie.set_same_site(SameSite::Lax);
        cookie.set_secure(https);
        if let Err(e) = response.add_cookie(&cookie) {
            tracing::error!("setting a flash cookie: {e}");
        }
    }
    response
}

/// The flash carried by the request, if its signature holds.
pub fn read(state: &State, req: &HttpRequest) -> Option<Flash> {
    let cookie = req.cookie(&cookie_name(state))?;
    let (payload, signature) = cookie.value().split_once('.')?;
    let expected = security::keyed_hash(&state.secret, &format!("flash:{payload}"));
    if !security::constant_time_eq(signature, &expected) {
        return None;
    }
    let json = hex::decode(payload).ok()?;
    serde_json::from_slice(&json).ok()
}

/// Expires the flash cookie once its message has been shown.
pub fn removal_cookie(state: &State) -> Cookie<'static> {
    let mut cookie = Cookie::new(cookie_name(state), "");
    cookie.set_path("/");
    cookie.set_max_age(Duration::ZERO);
    cookie
}
