//! Extractors: who is asking (`CurrentUser`), the database (`Db`), and the page context (`Ui`).
//! Nobody reads the session or the cookies by hand.

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use std::future::{Ready, ready};

use crate::db::audit::Actor;
use crate::db::auth::sessions::Session;
use crate::db::auth::users::User;
use crate::db::{self, AnyConnection, DbUnavailable};
use crate::domain::access::Perm;
use crate::domain::locale::Locale;
use crate::web::error::WebError;
use crate::web::flash::Flash;
use crate::web::state::State;

/// A signed-in user and their session.
#[derive(Debug, Clone)]
pub struct Authed {
    pub session: Session,
    pub user: User,
}

/// What the page middleware learned about the request, for the extractors below.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub auth: Option<Authed>,
    pub locale: Locale,
    /// The CSRF token for forms shown before sign-in.
    pub anon_csrf: String,
    /// A pre-session cookie value to set on the response, when the request had none.
    pub new_pre_session: Option<String>,
    pub flash: Option<Flash>,
    pub client_addr: String,
    /// The request reached the launcher over https (as its trusted proxy said).
    pub https: bool,
    /// Pages do not name the tenant (answers to a request for another host).
    pub conceal_tenant: bool,
}

fn context(req: &HttpRequest) -> Result<RequestContext, WebError> {
    req.extensions()
        .get::<RequestContext>()
        .cloned()
        .ok_or_else(|| WebError::Internal(anyhow::anyhow!("request context missing")))
}

/// The signed-in user, past any forced password change. Handlers call [`CurrentUser::require`].
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Authed);

impl CurrentUser {
    /// Refuses with 403 unless the user's role holds `perm`.
    pub fn require(&self, perm: Perm) -> Result<(), WebError> {
        if self.0.user.role.permits(perm) {
            Ok(())
        } else {
            Err(WebError::Forbidden)
        }
    }

    pub fn user(&self) -> &User {
        &self.0.user
    }

    /// The user as the audit log records them, acting from `client_addr`.
    pub fn actor(&self, client_addr: &str) -> Actor {
        self.0.actor(client_addr)
    }
}

impl Authed {
    /// The signed-in user as the audit log records them, acting from `client_addr`.
    pub fn actor(&self, client_addr: &str) -> Actor {
        Actor {
            user_id: Some(self.user.id),
            name: self.user.email.clone(),
            client_addr: Some(client_addr.to_owned()),
        }
    }
}

impl FromRequest for CurrentUser {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(context(req).and_then(|ctx| match ctx.auth {
            Some(auth) if auth.user.must_change_password => Err(WebError::MustChangePassword),
            Some(auth) => Ok(CurrentUser(auth)),
            None => Err(WebError::Unauthenticated {
                back_to: back_to(req),
            }),
        }))
    }
}

/// A signed-in user who may still have to change a one-time password: only the
/// change-password page and sign-out take this.
#[derive(Debug, Clone)]
pub struct SignedIn(pub Authed);

impl FromRequest for SignedIn {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(context(req).and_then(|ctx| match ctx.auth {
            Some(auth) => Ok(SignedIn(auth)),
            None => Err(WebError::Unauthenticated {
                back_to: back_to(req),
            }),
        }))
    }
}

/// Where to return after signing in: this page, if it was a GET.
fn back_to(req: &HttpRequest) -> String {
    if req.method() == actix_web::http::Method::GET {
        match req.uri().path_and_query() {
            Some(pq) => pq.as_str().to_owned(),
            None => "/".to_owned(),
        }
    } else {
        "/".to_owned()
    }
}

/// The tenant database; every call runs on the blocking pool.
#[derive(Clone)]
pub struct Db(State);

impl Db {
    /// Runs `f` with a pooled connection.
    pub async fn read<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbUnavailable> + Send + 'static,
    {
        let pool = self.0.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(|e| DbUnavailable(e.to_string()))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| DbUnavailable(e.to_string()))?
    }

    /// Reads what the request names and must exist: nothing found is a 404.
    pub async fn find<T, F>(&self, f: F) -> Result<T, WebError>
    where
        F: FnOnce(&mut AnyConnection) -> diesel::QueryResult<Option<T>> + Send + 'static,
        T: Send + 'static,
    {
        self.read(move |conn| -> Result<_, WebError> { Ok(f(conn)?) })
            .await?
            .ok_or(WebError::NotFound)
    }

    /// Runs `f` in one write transaction: all of it is committed, or none.
    pub async fn write<T, E, F>(&self, f: F) -> Result<T, E>
    where
        F: FnOnce(&mut AnyConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbUnavailable> + From<diesel::result::Error> + Send + 'static,
    {
        self.read(move |conn| db::write(conn, f)).await
    }
}

impl FromRequest for Db {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(
            req.app_data::<State>()
                .cloned()
                .map(Db)
                .ok_or_else(|| WebError::Internal(anyhow::anyhow!("application state missing"))),
        )
    }
}

/// The page context: locale, signed-in user, CSRF token, flash. Renders templates.
pub struct Ui {
    pub state: State,
    pub ctx: RequestContext,
    pub path: String,
}

impl Ui {
    pub fn locale(&self) -> Locale {
        self.ctx.locale
    }

    pub fn csrf_token(&self) -> &str {
        match &self.ctx.auth {
            Some(a) => &a.session.csrf_token,
            None => &self.ctx.anon_csrf,
        }
    }

    pub fn client_addr(&self) -> &str {
        &self.ctx.client_addr
    }
}

impl FromRequest for Ui {
    type Error = WebError;
    type Future = Ready<Result<Self, WebError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let state = match req.app_data::<State>().cloned() {
            Some(s) => s,
            None => {
                return ready(Err(WebError::Internal(anyhow::anyhow!(
                    "application state missing"
                ))));
            }
        };
        ready(context(req).map(|ctx| Ui {
            state,
            ctx,
            path: req.path().to_owned(),
        }))
    }
}
