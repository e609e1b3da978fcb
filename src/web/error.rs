//! How failures become answers. Each variant is mapped deliberately; anything unexpected is a
//! 500 with a generic localized page, logged once with its cause chain.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, ResponseError};

use crate::db::auth::accounts::UserChangeError;
use crate::db::master::exchange_rates::RateChangeError;
use crate::db::master::rooms::{RateError, RoomTypeError};
use crate::domain::message::{Message, Refusal, key};
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

impl WebError {
    /// A write a business rule refused, answered with the rule's message (400) when no form
    /// can show it beside a field.
    fn refused<E: Refusal + std::error::Error + Send + Sync + 'static>(e: E) -> WebError {
        match e.refusal() {
            Some(message) => WebError::BadRequest(message),
            None => WebError::Internal(anyhow::Error::new(e)),
        }
    }
}

impl From<diesel::result::Error> for WebError {
    fn from(e: diesel::result::Error) -> Self {
        WebError::Internal(anyhow::Error::new(e).context("database query"))
    }
}

impl From<RoomTypeError> for WebError {
    fn from(e: RoomTypeError) -> Self {
        match e {
            RoomTypeError::NotFound => WebError::NotFound,
            RoomTypeError::Archived => WebError::Conflict(Message::new("error-archived")),
            RoomTypeError::Db(e) => e.into(),
            RoomTypeError::Unavailable(e) => e.into(),
            rule => WebError::refused(rule),
        }
    }
}

impl From<RateError> for WebError {
    fn from(e: RateError) -> Self {
        match e {
            RateError::NotFound => WebError::NotFound,
            RateError::Archived => WebError::Conflict(Message::new("error-archived")),
            RateError::Db(e) => e.into(),
            RateError::Unavailable(e) => e.into(),
            rule => WebError::refused(rule),
        }
    }
}

impl From<RateChangeError> for WebError {
    fn from(e: RateChangeError) -> Self {
        match e {
            RateChangeError::NotFound => WebError::NotFound,
            RateChangeError::Db(e) => e.into(),
            RateChangeError::Unavailable(e) => e.into(),
            rule => WebError::refused(rule),
        }
    }
}

impl From<crate::db::master::contracts::ContractError> for WebError {
    fn from(e: crate::db::master::contracts::ContractError) -> Self {
        use crate::db::master::contracts::ContractError as E;
        match e {
            E::NotFound => WebError::NotFound,
            E::Archived => WebError::Conflict(Message::new("error-archived")),
            E::Db(e) => e.into(),
            E::Unavailable(e) => e.into(),
            rule => WebError::refused(rule),
        }
    }
}

impl From<crate::db::master::RecordError> for WebError {
    fn from(e: crate::db::master::RecordError) -> Self {
        use crate::db::master::RecordError as E;
        match e {
            E::NotFound => WebError::NotFound,
            E::Archived => WebError::Conflict(Message::new("error-archived")),
            E::Refused(message) => WebError::Conflict(message),
            E::Db(e) => e.into(),
            E::Unavailable(e) => e.into(),
        }
    }
}

impl From<UserChangeError> for WebError {
    fn from(e: UserChangeError) -> Self {
        match e {
            UserChangeError::NotFound => WebError::NotFound,
            UserChangeError::Db(e) => e.into(),
            UserChangeError::Unavailable(e) => e.into(),
            rule => WebError::refused(rule),
        }
    }
}

impl From<crate::db::groups::WriteError> for WebError {
    fn from(e: crate::db::groups::WriteError) -> Self {
        use crate::db::groups::WriteError as E;
        match e {
            E::NotFound => WebError::NotFound,
            E::Db(e) => e.into(),
            E::Unavailable(e) => e.into(),
            // A rule of the group's state (a move its status does not allow): the page asked
            // for something the group no longer offers.
            rule => match rule.refusal() {
                Some(message) => WebError::Conflict(message),
                None => WebError::Internal(anyhow::Error::new(rule)),
            },
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
