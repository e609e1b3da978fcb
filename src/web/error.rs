//! How failures become answers. Each variant is mapped deliberately; anything unexpected is a
//! 500 with a generic localized page, logged once with its cause chain.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, ResponseError};

use crate::i18n::{Message, key};
use crate::web::paths;

#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not signed in")]
    Unauthenticated { back_to: String },
    #[error("password change required")]
    MustChangePassword,
    #[error("forbidden")]
    Forbidden,
    #[error("refused: bad or missing CSRF token or foreign origin")]
    CsrfRefused,
    #[error("not found")]
    NotFound,
    #[error("bad request: {0:?}")]
    BadRequest(Message),
    /// The request is sound but the record's state forbids it (an archived record).
    #[error("conflict: {0:?}")]
    Conflict(Message),
    #[error("database unavailable: {0}")]
    Unavailable(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Placed on error responses so the page middleware renders them in the reader's language.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    pub message: Message,
}

impl ErrorPage {
    pub fn for_status(status: StatusCode) -> ErrorPage {
        let id = match status.as_u16() {
            400 => key("error-bad-request"),
            403 => key("error-forbidden"),
            404 => key("error-not-found"),
            405 => key("error-method-not-allowed"),
            413 => key("error-too-large"),
            421 => key("error-misdirected"),
            422 => key("error-unprocessable"),
            429 => key("error-too-many-requests"),
            503 => key("error-unavailable"),
            _ => key("error-internal"),
        };
        ErrorPage {
            status,
            message: Message::new(id),
        }
    }
}

impl From<diesel::result::Error> for WebError {
    fn from(e: diesel::result::Error) -> Self {
        WebError::Internal(anyhow::Error::new(e).context("database query"))
    }
}

impl From<crate::db::master::rooms::RoomTypeError> for WebError {
    fn from(e: crate::db::master::rooms::RoomTypeError) -> Self {
        use crate::db::master::rooms::RoomTypeError as E;
        match e {
            E::NameTaken(name) => {
                WebError::BadRequest(Message::new("rooms-error-name-taken").arg("name", name))
            }
            E::NotFound => WebError::NotFound,
            E::Archived => WebError::Conflict(Message::new("error-archived")),
            E::Db(e) => e.into(),
            E::Unavailable(e) => e.into(),
        }
    }
}

impl From<crate::db::master::rooms::RateError> for WebError {
    fn from(e: crate::db::master::rooms::RateError) -> Self {
        use crate::db::master::rooms::RateError as E;
        match e {
            E::Overlap {
                season,
                starts_on,
                ends_on,
            } => WebError::BadRequest(
                Message::new("rates-error-overlap")
                    .arg("season", season)
                    .arg("from", starts_on)
                    .arg("to", ends_on),
            ),
            E::NotFound => WebError::NotFound,
            E::Archived => WebError::Conflict(Message::new("error-archived")),
            E::Db(e) => e.into(),
            E::Unavailable(e) => e.into(),
        }
    }
}

impl From<crate::db::master::RecordError> for WebError {
    fn from(e: crate::db::master::RecordError) -> Self {
        use crate::db::master::RecordError as E;
        match e {
            E::NotFound => WebError::NotFound,
            E::Archived => WebError::Conflict(Message::new("error-archived")),
            E::Db(e) => e.into(),
            E::Unavailable(e) => e.into(),
        }
    }
}

impl From<crate::db::DbUnavailable> for WebError {
    fn from(e: crate::db::DbUnavailable) -> Self {
        WebError::Unavailable(e.to_string())
    }
}

impl ResponseError for WebError {
    fn status_code(&self) -> StatusCode {
        match self {
            WebError::Unauthenticated { .. } | WebError::MustChangePassword => {
                StatusCode::SEE_OTHER
            }
            WebError::Forbidden | WebError::CsrfRefused => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        let page = match self {
            WebError::Unauthenticated { back_to } => {
                let target = paths::sign_in_returning(back_to);
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, target))
                    .finish();
            }
            WebError::MustChangePassword => {
                return HttpResponse::SeeOther()
                    .insert_header((header::LOCATION, paths::ACCOUNT_PASSWORD))
                    .finish();
            }
            WebError::BadRequest(message) | WebError::Conflict(message) => ErrorPage {
                status,
                message: message.clone(),
            },
            WebError::Internal(e) => {
                tracing::error!("internal error: {e:#}");
                ErrorPage::for_status(status)
            }
            WebError::Unavailable(e) => {
                tracing::error!("database unavailable: {e}");
                ErrorPage::for_status(status)
            }
            WebError::Forbidden | WebError::CsrfRefused | WebError::NotFound => {
                ErrorPage::for_status(status)
            }
        };
        let mut response = HttpResponse::build(status).finish();
        response.extensions_mut().insert(page);
        response
    }
}
