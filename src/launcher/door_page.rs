//! The front door's own pages (an unknown agency, one starting, restarting or unavailable, a
//! request it cannot read): small self-contained HTML in the language the browser asks for.

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};

use crate::domain::locale::Locale;
use crate::domain::message::key;
use crate::i18n::I18n;

/// The front door's own answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DoorPage {
    UnknownAgency,
    Starting,
    Restarting,
    Unavailable,
    BadRequest,
}

impl DoorPage {
    /// Status, title and text message ids, and `Retry-After` seconds.
    fn parts(self) -> (StatusCode, &'static str, &'static str, Option<&'static str>) {
        match self {
            DoorPage::UnknownAgency => (
                StatusCode::NOT_FOUND,
                key("door-unknown-title"),
                key("door-unknown-text"),
                None,
            ),
            DoorPage::Starting => (
                StatusCode::SERVICE_UNAVAILABLE,
                key("door-starting-title"),
                key("door-starting-text"),
                Some("5"),
            ),
            DoorPage::Restarting => (
                StatusCode::SERVICE_UNAVAILABLE,
                key("door-starting-title"),
                key("door-restarting-text"),
                Some("5"),
            ),
            DoorPage::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                key("door-unavailable-title"),
                key("door-unavailable-text"),
                None,
            ),
            DoorPage::BadRequest => (
                StatusCode::BAD_REQUEST,
                key("door-bad-request-title"),
                key("door-bad-request-text"),
                None,
            ),
        }
    }
}

/// Escapes text for HTML (the texts are ours, but a translation may hold `&` or `<`).
fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A small self-contained HTML page for the front door's own answers, in the language the
/// browser asks for (of the four UI languages; English otherwise).
pub fn page(i18n: &I18n, locale: Locale, which: DoorPage) -> Response<Full<Bytes>> {
    let (status, title_id, text_id, retry_after) = which.parts();
    let title = escape_html(&i18n.t(locale, title_id, &[]));
    let text = escape_html(&i18n.t(locale, text_id, &[]));
    let lang = locale.tag();
    let html = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><main><h1>{title}</h1><p>{text}</p></main></body></html>\n"
    );
    let mut res = Response::new(Full::new(Bytes::from(html)));
    *res.status_mut() = status;
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    h.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        "x-content-type-options",
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        "content-security-policy",
        HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
    );
    if let Some(seconds) = retry_after {
        h.insert(header::RETRY_AFTER, HeaderValue::from_static(seconds));
    }
    res
}
