//! The route table: every URL the tenant process answers, and what each one requires.
//! Read this first. URLs are plain English plural nouns, the same in every language.

use actix_web::web;

use crate::domain::access::Perm;
use crate::web::pages::{
    account, agencies, assets, audit, auth, contacts, dashboard, guides, health, hotel_edits,
    imports, rates, settings, supplier_items, suppliers, users,
};

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
    get("/hotels", Access::Perm(Perm::SuppliersView)),
    get("/hotels/new", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels", Access::Perm(Perm::SuppliersEdit)),
    get("/hotels/{id}", Access::Perm(Perm::SuppliersView)),
    get("/hotels/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels/{id}", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels/{id}/archive", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels/{id}/restore", Access::Perm(Perm::SuppliersEdit)),
    get("/transport", Access::Perm(Perm::SuppliersView)),
    get("/transport/new", Access::Perm(Perm::SuppliersEdit)),
    post("/transport", Access::Perm(Perm::SuppliersEdit)),
    get("/transport/{id}", Access::Perm(Perm::SuppliersView)),
    get("/transport/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/transport/{id}", Access::Perm(Perm::SuppliersEdit)),
    post("/transport/{id}/archive", Access::Perm(Perm::SuppliersEdit)),
    post("/transport/{id}/restore", Access::Perm(Perm::SuppliersEdit)),
    get("/restaurants", Access::Perm(Perm::SuppliersView)),
    get("/restaurants/new", Access::Perm(Perm::SuppliersEdit)),
    post("/restaurants", Access::Perm(Perm::SuppliersEdit)),
    get("/restaurants/{id}", Access::Perm(Perm::SuppliersView)),
    get("/restaurants/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/restaurants/{id}", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/restaurants/{id}/archive",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/restaurants/{id}/restore",
        Access::Perm(Perm::SuppliersEdit),
    ),
    get("/attractions", Access::Perm(Perm::SuppliersView)),
    get("/attractions/new", Access::Perm(Perm::SuppliersEdit)),
    post("/attractions", Access::Perm(Perm::SuppliersEdit)),
    get("/attractions/{id}", Access::Perm(Perm::SuppliersView)),
    get("/attractions/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/attractions/{id}", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/attractions/{id}/archive",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/attractions/{id}/restore",
        Access::Perm(Perm::SuppliersEdit),
    ),
    get("/shops", Access::Perm(Perm::SuppliersView)),
    get("/shops/new", Access::Perm(Perm::SuppliersEdit)),
    post("/shops", Access::Perm(Perm::SuppliersEdit)),
    get("/shops/{id}", Access::Perm(Perm::SuppliersView)),
    get("/shops/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/shops/{id}", Access::Perm(Perm::SuppliersEdit)),
    post("/shops/{id}/archive", Access::Perm(Perm::SuppliersEdit)),
    post("/shops/{id}/restore", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels/{id}/room-types", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels/{id}/rates", Access::Perm(Perm::SuppliersEdit)),
    get("/room-types/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/room-types/{id}", Access::Perm(Perm::SuppliersEdit)),
    get("/room-rates/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/room-rates/{id}", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/suppliers/{id}/contacts",
        Access::Perm(Perm::SuppliersEdit),
    ),
    get(
        "/supplier-contacts/{id}/edit",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/supplier-contacts/{id}", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/supplier-contacts/{id}/archive",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/agencies/{id}/contacts", Access::Perm(Perm::AgenciesEdit)),
    get(
        "/agency-contacts/{id}/edit",
        Access::Perm(Perm::AgenciesEdit),
    ),
    post("/agency-contacts/{id}", Access::Perm(Perm::AgenciesEdit)),
    post(
        "/agency-contacts/{id}/archive",
        Access::Perm(Perm::AgenciesEdit),
    ),
    post(
        "/room-types/{id}/archive",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/room-rates/{id}/archive",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/transport/{id}/vehicles",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/vehicles/{id}/archive", Access::Perm(Perm::SuppliersEdit)),
    get("/guides", Access::Perm(Perm::GuidesView)),
    get("/guides/new", Access::Perm(Perm::GuidesEdit)),
    post("/guides", Access::Perm(Perm::GuidesEdit)),
    get("/guides/{id}", Access::Perm(Perm::GuidesView)),
    get("/guides/{id}/edit", Access::Perm(Perm::GuidesEdit)),
    post("/guides/{id}", Access::Perm(Perm::GuidesEdit)),
    post("/guides/{id}/archive", Access::Perm(Perm::GuidesEdit)),
    post("/guides/{id}/restore", Access::Perm(Perm::GuidesEdit)),
    get("/agencies", Access::Perm(Perm::AgenciesView)),
    get("/agencies/new", Access::Perm(Perm::AgenciesEdit)),
    post("/agencies", Access::Perm(Perm::AgenciesEdit)),
    get("/agencies/{id}/edit", Access::Perm(Perm::AgenciesEdit)),
    post("/agencies/{id}", Access::Perm(Perm::AgenciesEdit)),
    post("/agencies/{id}/archive", Access::Perm(Perm::AgenciesEdit)),
    post("/agencies/{id}/restore", Access::Perm(Perm::AgenciesEdit)),
    get("/rates", Access::Perm(Perm::RatesView)),
    get("/rates/new", Access::Perm(Perm::RatesEdit)),
    post("/rates", Access::Perm(Perm::RatesEdit)),
    get("/rates/{id}/edit", Access::Perm(Perm::RatesEdit)),
    post("/rates/{id}", Access::Perm(Perm::RatesEdit)),
    get("/imports/hotels", Access::Perm(Perm::SuppliersEdit)),
    get(
        "/imports/hotels/template",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/imports/hotels", Access::Perm(Perm::SuppliersEdit)),
    get("/imports/hotels/{id}", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/imports/hotels/{id}/commit",
        Access::Perm(Perm::SuppliersEdit),
    ),
    get("/imports/guides", Access::Perm(Perm::GuidesEdit)),
    get("/imports/guides/template", Access::Perm(Perm::GuidesEdit)),
    post("/imports/guides", Access::Perm(Perm::GuidesEdit)),
    get("/imports/guides/{id}", Access::Perm(Perm::GuidesEdit)),
    post(
        "/imports/guides/{id}/commit",
        Access::Perm(Perm::GuidesEdit),
    ),
    get("/imports/agencies", Access::Perm(Perm::AgenciesEdit)),
    get(
        "/imports/agencies/template",
        Access::Perm(Perm::AgenciesEdit),
    ),
    post("/imports/agencies", Access::Perm(Perm::AgenciesEdit)),
    get("/imports/agencies/{id}", Access::Perm(Perm::AgenciesEdit)),
    post(
        "/imports/agencies/{id}/commit",
        Access::Perm(Perm::AgenciesEdit),
    ),
    get("/imports/rates", Access::Perm(Perm::RatesEdit)),
    get("/imports/rates/template", Access::Perm(Perm::RatesEdit)),
    post("/imports/rates", Access::Perm(Perm::RatesEdit)),
    get("/imports/rates/{id}", Access::Perm(Perm::RatesEdit)),
    post("/imports/rates/{id}/commit", Access::Perm(Perm::RatesEdit)),
];

/// The import kinds, as a route pattern; each handler requires the kind's edit permission.
const IMPORTS: &str = "/imports/{kind:hotels|guides|agencies|rates}";

/// The path segment of every supplier kind, as a route pattern.
const SUPPLIERS: &str = "/{kind:hotels|transport|restaurants|attractions|shops}";

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
        .route("/audit", web::get().to(audit::list))
        // Specific supplier routes first: `/hotels/{id}/room-types` before the generic ones.
        .route(
            "/hotels/{id}/room-types",
            web::post().to(supplier_items::add_room_type),
        )
        .route(
            "/hotels/{id}/rates",
            web::post().to(supplier_items::add_rate),
        )
        .route(
            "/suppliers/{id}/contacts",
            web::post().to(contacts::add_to_supplier),
        )
        .route(
            "/supplier-contacts/{id}/edit",
            web::get().to(contacts::supplier_edit_form),
        )
        .route(
            "/supplier-contacts/{id}",
            web::post().to(contacts::supplier_update),
        )
        .route(
            "/supplier-contacts/{id}/archive",
            web::post().to(contacts::supplier_archive),
        )
        .route(
            "/agencies/{id}/contacts",
            web::post().to(contacts::add_to_agency),
        )
        .route(
            "/agency-contacts/{id}/edit",
            web::get().to(contacts::agency_edit_form),
        )
        .route(
            "/agency-contacts/{id}",
            web::post().to(contacts::agency_update),
        )
        .route(
            "/agency-contacts/{id}/archive",
            web::post().to(contacts::agency_archive),
        )
        .route(
            "/room-types/{id}/edit",
            web::get().to(hotel_edits::room_type_form),
        )
        .route(
            "/room-types/{id}",
            web::post().to(hotel_edits::update_room_type),
        )
        .route(
            "/room-rates/{id}/edit",
            web::get().to(hotel_edits::rate_form),
        )
        .route("/room-rates/{id}", web::post().to(hotel_edits::update_rate))
        .route(
            "/room-types/{id}/archive",
            web::post().to(supplier_items::archive_room_type),
        )
        .route(
            "/room-rates/{id}/archive",
            web::post().to(supplier_items::archive_rate),
        )
        .route(
            "/transport/{id}/vehicles",
            web::post().to(supplier_items::add_vehicle),
        )
        .route(
            "/vehicles/{id}/archive",
            web::post().to(supplier_items::archive_vehicle),
        )
        .route(SUPPLIERS, web::get().to(suppliers::list))
        .route(
            &format!("{SUPPLIERS}/new"),
            web::get().to(suppliers::new_form),
        )
        .route(SUPPLIERS, web::post().to(suppliers::create))
        .route(
            &format!("{SUPPLIERS}/{{id}}"),
            web::get().to(suppliers::show),
        )
        .route(
            &format!("{SUPPLIERS}/{{id}}/edit"),
            web::get().to(suppliers::edit_form),
        )
        .route(
            &format!("{SUPPLIERS}/{{id}}"),
            web::post().to(suppliers::update),
        )
        .route(
            &format!("{SUPPLIERS}/{{id}}/archive"),
            web::post().to(suppliers::archive),
        )
        .route(
            &format!("{SUPPLIERS}/{{id}}/restore"),
            web::post().to(suppliers::restore),
        )
        .route("/guides", web::get().to(guides::list))
        .route("/guides/new", web::get().to(guides::new_form))
        .route("/guides", web::post().to(guides::create))
        .route("/guides/{id}", web::get().to(guides::show))
        .route("/guides/{id}/edit", web::get().to(guides::edit_form))
        .route("/guides/{id}", web::post().to(guides::update))
        .route("/guides/{id}/archive", web::post().to(guides::archive))
        .route("/guides/{id}/restore", web::post().to(guides::restore))
        .route("/agencies", web::get().to(agencies::list))
        .route("/agencies/new", web::get().to(agencies::new_form))
        .route("/agencies", web::post().to(agencies::create))
        .route("/agencies/{id}/edit", web::get().to(agencies::edit_form))
        .route("/agencies/{id}", web::post().to(agencies::update))
        .route("/agencies/{id}/archive", web::post().to(agencies::archive))
        .route("/agencies/{id}/restore", web::post().to(agencies::restore))
        .route("/rates", web::get().to(rates::list))
        .route("/rates/new", web::get().to(rates::new_form))
        .route("/rates", web::post().to(rates::create))
        .route("/rates/{id}/edit", web::get().to(rates::edit_form))
        .route("/rates/{id}", web::post().to(rates::update))
        .route(IMPORTS, web::get().to(imports::form))
        .route(
            &format!("{IMPORTS}/template"),
            web::get().to(imports::template),
        )
        .route(IMPORTS, web::post().to(imports::upload))
        .route(
            &format!("{IMPORTS}/{{id}}"),
            web::get().to(imports::preview),
        )
        .route(
            &format!("{IMPORTS}/{{id}}/commit"),
            web::post().to(imports::commit),
        );
}

pub fn user_edit(id: crate::db::users::UserId) -> String {
    format!("/users/{id}/edit")
}
