//! The route table: every URL the tenant process answers, and what each one requires.
//! Read this first. URLs are plain English plural nouns, the same in every language.

use actix_web::web;

use crate::domain::access::Perm;
use crate::web::pages::{account, assets, audit, auth, dashboard, health, settings, users};

/// What a route asks of its caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in user, even one who must still change a one-time password.
    SignedIn,
    /// A signed-in user whose role holds the permission.
    Perm(Perm),
}

/// One row of the table. `path` uses `{id}` for a path parameter.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub method: &'static str,
    pub path: &'static str,
    pub access: Access,
}

const fn get(path: &'static str, access: Access) -> Route {
    Route {
        method: "GET",
        path,
        access,
    }
}

const fn post(path: &'static str, access: Access) -> Route {
    Route {
        method: "POST",
        path,
        access,
    }
}

/// Every route with its access rule; `tests/it/access.rs` walks it with every role.
pub const ROUTES: &[Route] = &[
    get("/healthz", Access::Public),
    get("/readyz", Access::Public),
    get("/static/{file}", Access::Public),
    get("/sign-in", Access::Public),
    post("/sign-in", Access::Public),
    post("/sign-out", Access::SignedIn),
    get("/account/password", Access::SignedIn),
    post("/account/password", Access::SignedIn),
    post("/account/locale", Access::Perm(Perm::AccountEdit)),
    get("/", Access::Perm(Perm::DashboardView)),
    get("/settings", Access::Perm(Perm::SettingsView)),
    get("/users", Access::Perm(Perm::UsersManage)),
    get("/users/new", Access::Perm(Perm::UsersManage)),
    post("/users", Access::Perm(Perm::UsersManage)),
    get("/users/{id}/edit", Access::Perm(Perm::UsersManage)),
    post("/users/{id}", Access::Perm(Perm::UsersManage)),
    post("/users/{id}/disable", Access::Perm(Perm::UsersManage)),
    post("/users/{id}/enable", Access::Perm(Perm::UsersManage)),
    post(
        "/users/{id}/reset-password",
        Access::Perm(Perm::UsersManage),
    ),
    get("/audit", Access::Perm(Perm::AuditView)),
];

/// Registers the handlers. Each handler checks the permission its `ROUTES` row names.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/healthz", web::get().to(health::alive))
        .route("/readyz", web::get().to(health::ready))
        .route("/static/{file:.*}", web::get().to(assets::file))
        .route("/sign-in", web::get().to(auth::form))
        .route("/sign-in", web::post().to(auth::sign_in))
        .route("/sign-out", web::post().to(auth::sign_out))
        .route("/account/password", web::get().to(account::password_form))
        .route(
            "/account/password",
            web::post().to(account::change_password),
        )
        .route("/account/locale", web::post().to(account::change_locale))
        .route("/", web::get().to(dashboard::show))
        .route("/settings", web::get().to(settings::show))
        .route("/users", web::get().to(users::list))
        .route("/users/new", web::get().to(users::new_form))
        .route("/users", web::post().to(users::create))
        .route("/users/{id}/edit", web::get().to(users::edit_form))
        .route("/users/{id}", web::post().to(users::update))
        .route("/users/{id}/disable", web::post().to(users::disable))
        .route("/users/{id}/enable", web::post().to(users::enable))
        .route(
            "/users/{id}/reset-password",
            web::post().to(users::reset_password),
        )
        .route("/audit", web::get().to(audit::list));
}

pub fn user_edit(id: crate::db::users::UserId) -> String {
    format!("/users/{id}/edit")
}
