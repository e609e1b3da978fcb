//! Request guards every page passes through, in order: the host check (421), then the page
//! middleware — session, locale, CSRF and origin check on every POST, localized error pages,
//! security headers on every response.
//!
//! **Invariant:** a POST reaches its handler only with a valid CSRF token and a same-origin
//! `Origin`/`Sec-Fetch-Site`; handlers cannot forget the check because they never see the
//! request otherwise.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, ResponseError};
use futures_util::StreamExt;

use crate::db;
use crate::domain::locale::Locale;
use crate::security;
use crate::web::error::{ErrorPage, WebError};
use crate::web::extract::{Authed, RequestContext};
use crate::web::flash;
use crate::web::render;
use crate::web::state::State;

const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
    font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
    base-uri 'none'; object-src 'none'";

/// Largest form body read for the CSRF check; larger forms are refused with 413.
const FORM_LIMIT: usize = 256 * 1024;

/// Answers 421 to any Host but the tenant's own (compared without the port).
pub async fn host_only(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<State>().cloned() else {
        return Err(actix_web::error::ErrorInternalServerError(
            "application state missing",
        ));
    };
    let host = request_host(req.request());
    if !host.eq_ignore_ascii_case(&state.host) {
        let locale = header_locale(req.request()).unwrap_or(state.tenant.locale);
        let page = ErrorPage::for_status(StatusCode::MISDIRECTED_REQUEST);
        let response = render::bare_error_page(&state, locale, &page);
        let mut res = req.into_response(response);
        security_headers(res.headers_mut(), false);
        return Ok(res);
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}

/// The Host header without its port.
fn request_host(req: &HttpRequest) -> String {
    let raw = req
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_else(|| req.uri().host().unwrap_or_default().to_owned());
    match raw.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) => host.to_owned(),
        _ => raw,
    }
}

fn header_locale(req: &HttpRequest) -> Option<Locale> {
    let accept = req.headers().get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
    crate::i18n::negotiate(accept)
}

pub async fn pages(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(state) = req.app_data::<State>().cloned() else {
        return Err(actix_web::error::ErrorInternalServerError(
            "application state missing",
        ));
    };
    let path = req.path().to_owned();
    if path.starts_with("/static/") || path == "/healthz" || path == "/readyz" {
        let mut res = next.call(req).await?.map_into_boxed_body();
        security_headers(res.headers_mut(), path.starts_with("/static/"));
        return Ok(res);
    }

    let https = is_https(&state, req.request());
    let ctx = match request_context(&state, req.request()).await {
        Ok(ctx) => ctx,
        Err(e) => {
            let locale = header_locale(req.request()).unwrap_or(state.tenant.locale);
            let page = ErrorPage::for_status(e.status_code());
            tracing::error!("loading the session: {e}");
            let mut res = req.into_response(render::bare_error_page(&state, locale, &page));
            security_headers(res.headers_mut(), false);
            return Ok(res);
        }
    };

    if req.method() == Method::POST
        && let Err(refusal) = check_post(&mut req, &ctx).await
    {
        let page = ErrorPage::for_status(refusal.status());
        audit_refusal(&state, &ctx, &path, refusal).await;
        let mut res = req.into_response(render::error_page(&state, &ctx, &page));
        security_headers(res.headers_mut(), false);
        return Ok(res);
    }

    req.extensions_mut().insert(ctx.clone());
    // Handlers' and extractors' errors arrive here as responses; an `Err` can only come from
    // actix itself and is passed on as it is.
    let mut res = next.call(req).await?.map_into_boxed_body();

    let error_page = res
        .response()
        .extensions()
        .get::<ErrorPage>()
        .cloned()
        .or_else(|| {
            let status = res.status();
            let bare = !res.headers().contains_key(header::CONTENT_TYPE);
            (bare && (status.is_client_error() || status.is_server_error()))
                .then(|| ErrorPage::for_status(status))
        });
    if let Some(page) = error_page {
        if page.status == StatusCode::FORBIDDEN {
            audit_refusal(&state, &ctx, &path, Refusal::Permission).await;
        }
        res = res.into_response(render::error_page(&state, &ctx, &page));
    }

    let status = res.status();
    if let Some(value) = &ctx.new_pre_session {
        let cookie = pre_session_cookie(&state, https, value.clone());
        res.response_mut()
            .add_cookie(&cookie)
            .map_err(actix_web::error::ErrorInternalServerError)?;
    }
    if ctx.flash.is_some() && status.is_success() {
        let removal = flash::removal_cookie(&state);
        res.response_mut()
            .add_cookie(&removal)
            .map_err(actix_web::error::ErrorInternalServerError)?;
    }
    security_headers(res.headers_mut(), false);
    Ok(res)
}

/// Resolves who is asking and in which language, from the session cookie and headers.
async fn request_context(state: &State, req: &HttpRequest) -> Result<RequestContext, WebError> {
    let client_addr = client_addr(state, req);
    let auth = match req.cookie(&state.cookie_name) {
        Some(cookie) => load_session(state, cookie.value().to_owned()).await?,
        None => None,
    };
    let (pre_session, new_pre_session) = match req.cookie(&pre_session_name(state)) {
        Some(c) if c.value().len() == 32 => (c.value().to_owned(), None),
        _ => {
            let fresh = security::random_token();
            (fresh.clone(), Some(fresh))
        }
    };
    let anon_csrf = security::keyed_hash(&state.secret, &format!("csrf:{pre_session}"));
    let query_locale = req
        .query_string()
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="))
        .and_then(|l| Locale::parse(l).ok());
    let locale = auth
        .as_ref()
        .and_then(|a| a.user.locale)
        .or(query_locale)
        .or_else(|| header_locale(req))
        .unwrap_or(state.tenant.locale);
    let flash = flash::read(state, req);
    Ok(RequestContext {
        auth,
        locale,
        anon_csrf,
        new_pre_session,
        flash,
        client_addr,
        https: is_https(state, req),
        conceal_tenant: false,
    })
}

async fn load_session(state: &State, token: String) -> Result<Option<Authed>, WebError> {
    if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    let token_hash = security::keyed_hash(&state.secret, &format!("session:{token}"));
    let pool = state.pool.clone();
    let idle = chrono::Duration::minutes(i64::from(state.security.session_idle_minutes));
    let absolute = chrono::Duration::hours(i64::from(state.security.session_absolute_hours));
    actix_web::web::block(move || -> Result<Option<Authed>, WebError> {
        let mut conn = pool
            .get()
            .map_err(|e| WebError::Unavailable(e.to_string()))?;
        let now = db::now();
        let limits = db::auth::sessions::Limits {
            now,
            idle_since: now - idle,
            created_since: now - absolute,
        };
        let Some((session, user)) = db::auth::sessions::find_live(&mut conn, &token_hash, &limits)?
        else {
            return Ok(None);
        };
        // Refresh the idle clock at most once a minute, to spare the database a write per page.
        if now - session.last_seen_at > chrono::Duration::seconds(60) {
            db::write(&mut conn, |conn| {
                db::auth::sessions::touch(conn, session.id, now)
            })?;
        }
        Ok(Some(Authed { session, user }))
    })
    .await
    .map_err(|e| WebError::Unavailable(e.to_string()))?
}

/// Why a POST was refused before reaching its handler.
#[derive(Debug, Clone, Copy)]
enum Refusal {
    ForeignOrigin,
    MissingToken,
    WrongToken,
    TooLarge,
    Permission,
}

impl Refusal {
    fn status(self) -> StatusCode {
        match self {
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            _ => StatusCode::FORBIDDEN,
        }
    }

    fn event(self) -> db::audit::Event {
        use db::audit::Event;
        match self {
            Refusal::ForeignOrigin => Event::RefusedForeignOrigin,
            Refusal::MissingToken => Event::RefusedCsrfMissing,
            Refusal::WrongToken => Event::RefusedCsrfWrong,
            Refusal::TooLarge => Event::RefusedFormTooLarge,
            Refusal::Permission => Event::RefusedPermission,
        }
    }
}

async fn check_post(req: &mut ServiceRequest, ctx: &RequestContext) -> Result<(), Refusal> {
    if !same_origin(req.request()) {
        return Err(Refusal::ForeignOrigin);
    }
    let expected = match &ctx.auth {
        Some(auth) => auth.session.csrf_token.clone(),
        None => ctx.anon_csrf.clone(),
    };
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let presented = if content_type.starts_with("application/x-www-form-urlencoded") {
        let body = read_body(req).await?;
        let token = serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body)
            .ok()
            .and_then(|pairs| {
                pairs
                    .into_iter()
                    .find(|(k, _)| k == "csrf_token")
                    .map(|(_, v)| v)
            });
        req.set_payload(Payload::from(body));
        token
    } else {
        // Multipart uploads and htmx requests carry the token in a header; a plain HTML
        // upload form cannot set one, so a multipart POST may carry it in the query string
        // (`?csrf_token=`), checked just as strictly.
        let header = req
            .headers()
            .get("x-csrf-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        header.or_else(|| {
            content_type
                .starts_with("multipart/form-data")
                .then(|| query_token(req.query_string()))
                .flatten()
        })
    };
    match presented {
        None => Err(Refusal::MissingToken),
        Some(token) if security::constant_time_eq(&token, &expected) => Ok(()),
        Some(_) => Err(Refusal::WrongToken),
    }
}

fn query_token(query: &str) -> Option<String> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(query)
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "csrf_token")
        .map(|(_, v)| v)
}

async fn read_body(req: &mut ServiceRequest) -> Result<actix_web::web::Bytes, Refusal> {
    let mut payload = req.take_payload();
    let mut body = actix_web::web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| Refusal::MissingToken)?;
        if body.len() + chunk.len() > FORM_LIMIT {
            return Err(Refusal::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// A browser's cross-site POST says so in `Sec-Fetch-Site` or `Origin`; both, when present,
/// must name this very origin. Sibling tenants are "same-site" and are refused too.
fn same_origin(req: &HttpRequest) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && !matches!(site, "same-origin" | "none")
    {
        return false;
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let Ok(origin) = origin.to_str() else {
            return false;
        };
        let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
            return false;
        };
        let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or("");
        return origin_host.eq_ignore_ascii_case(host);
    }
    true
}

/// Audits a refused request. A signed-in user's refusals are all audited; refusals without a
/// session only within a per-minute budget (see `db::audit::record_anonymous`), so that
/// anonymous requests cannot grow the log without bound.
async fn audit_refusal(state: &State, ctx: &RequestContext, path: &str, refusal: Refusal) {
    let pool = state.pool.clone();
    let user_id = ctx.auth.as_ref().map(|a| a.user.id);
    let actor = ctx.auth.as_ref().map(|a| a.user.email.clone());
    let addr = ctx.client_addr.clone();
    let path = db::audit::bounded(path).into_owned();
    let result = actix_web::web::block(move || -> anyhow::Result<()> {
        let mut conn = pool.get()?;
        let entry = db::audit::Entry {
            entity: Some(db::audit::REFUSED_PATH),
            entity_id: Some(path),
            ..db::audit::Entry::event(refusal.event(), user_id, actor.as_deref(), &addr)
        };
        db::write(&mut conn, |conn| -> anyhow::Result<()> {
            if user_id.is_some() {
                db::audit::record(conn, &entry)?;
            } else {
                db::audit::record_anonymous(conn, &entry, &addr, db::now())?;
            }
            Ok(())
        })
    })
    .await;
    match result {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::error!("auditing a refusal: {e:#}"),
        Err(e) => tracing::error!("auditing a refusal: {e}"),
    }
}

fn pre_session_name(state: &State) -> String {
    format!("{}_pre", state.cookie_name)
}

/// The anonymous cookie that the sign-in form's CSRF token is derived from.
fn pre_session_cookie(state: &State, https: bool, value: String) -> Cookie<'static> {
    let mut cookie = Cookie::new(pre_session_name(state), value);
    cookie.set_path("/");
    cookie.set_http_only(true);
    cookie.set_same_site(SameSite::Lax);
    cookie.set_secure(https);
    cookie
}

/// Headers set by the launcher are believed only when this process was started by it and the
/// request comes from loopback; anyone else could forge them.
fn forwarded<'a>(state: &State, req: &'a HttpRequest, name: &str) -> Option<&'a str> {
    let from_loopback = req.peer_addr().is_some_and(|a| a.ip().is_loopback());
    if !(state.trust_forwarded && from_loopback) {
        return None;
    }
    req.headers().get(name).and_then(|v| v.to_str().ok())
}

/// The client's address: the one the launcher worked out from its peer and its trusted proxies
/// (`X-Tourdesk-Client-Addr`), else the TCP peer.
pub fn client_addr(state: &State, req: &HttpRequest) -> String {
    if let Some(addr) = forwarded(state, req, crate::launcher::proxy::CLIENT_ADDR_HEADER)
        .and_then(|v| v.trim().parse::<std::net::IpAddr>().ok())
    {
        return addr.to_string();
    }
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_default()
}

pub fn is_https(state: &State, req: &HttpRequest) -> bool {
    forwarded(state, req, "x-forwarded-proto") == Some("https")
}

fn security_headers(headers: &mut actix_web::http::header::HeaderMap, cacheable: bool) {
    let set = |headers: &mut actix_web::http::header::HeaderMap,
               name: &'static str,
               value: &'static str| {
        headers.insert(
            header::HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    };
    set(headers, "content-security-policy", CSP);
    set(headers, "x-content-type-options", "nosniff");
    set(headers, "x-frame-options", "DENY");
    set(headers, "referrer-policy", "same-origin");
    set(headers, "cross-origin-opener-policy", "same-origin");
    set(headers, "cross-origin-resource-policy", "same-origin");
    set(
        headers,
        "permissions-policy",
        "camera=(), microphone=(), geolocation=()",
    );
    if cacheable {
        set(headers, "cache-control", "public, max-age=3600");
    } else {
        set(headers, "cache-control", "no-store");
    }
}
