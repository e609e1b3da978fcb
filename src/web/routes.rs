//! The route table: every URL the tenant process answers, and what each one requires.
//! Read this first. URLs are plain English plural nouns, the same in every language.

use actix_web::web;

use crate::db::master::agencies::Agencies;
use crate::db::master::contracts::{Allotments, Peaks};
use crate::db::master::guides::Guides;
use crate::db::master::rooms::{RoomRates, RoomTypes};
use crate::db::master::vehicles::Vehicles;
use crate::domain::access::Perm;
use crate::web::admin::{audit, settings, users};
use crate::web::auth::{account, sign_in};
use crate::web::contacts::{OfAgency, OfSupplier};
use crate::web::kit::record;
use crate::web::suppliers::{contract, item_edits, items, records, show};
use crate::web::{
    agencies, assets, contacts, dashboard, groups, guides, health, imports, rates, tours,
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
    get("/account", Access::Perm(Perm::AccountEdit)),
    post("/account/year-style", Access::Perm(Perm::AccountEdit)),
    get("/", Access::Perm(Perm::DashboardView)),
    get("/settings", Access::Perm(Perm::SettingsView)),
    post("/settings/time-zone", Access::Perm(Perm::SettingsEdit)),
    post("/settings/codes", Access::Perm(Perm::SettingsEdit)),
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
        "/agency-contacts/{id}/restore",
        Access::Perm(Perm::AgenciesEdit),
    ),
    post(
        "/supplier-contacts/{id}/restore",
        Access::Perm(Perm::SuppliersEdit),
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
    post("/vehicles/{id}/restore", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/room-types/{id}/restore",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/room-rates/{id}/restore",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/hotels/{id}/contract", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels/{id}/peaks", Access::Perm(Perm::SuppliersEdit)),
    post("/hotels/{id}/allotments", Access::Perm(Perm::SuppliersEdit)),
    get("/hotels/{id}/price", Access::Perm(Perm::SuppliersView)),
    get("/peaks/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/peaks/{id}", Access::Perm(Perm::SuppliersEdit)),
    get("/allotments/{id}/edit", Access::Perm(Perm::SuppliersEdit)),
    post("/allotments/{id}", Access::Perm(Perm::SuppliersEdit)),
    post("/peaks/{id}/archive", Access::Perm(Perm::SuppliersEdit)),
    post("/peaks/{id}/restore", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/allotments/{id}/archive",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/allotments/{id}/restore",
        Access::Perm(Perm::SuppliersEdit),
    ),
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
    get("/agencies/{id}", Access::Perm(Perm::AgenciesView)),
    get("/agencies/{id}/edit", Access::Perm(Perm::AgenciesEdit)),
    post("/agencies/{id}", Access::Perm(Perm::AgenciesEdit)),
    post("/agencies/{id}/archive", Access::Perm(Perm::AgenciesEdit)),
    post("/agencies/{id}/restore", Access::Perm(Perm::AgenciesEdit)),
    get("/rates", Access::Perm(Perm::RatesView)),
    get("/rates/latest", Access::Perm(Perm::RatesView)),
    get("/rates/new", Access::Perm(Perm::RatesEdit)),
    post("/rates", Access::Perm(Perm::RatesEdit)),
    get("/rates/{id}/edit", Access::Perm(Perm::RatesEdit)),
    post("/rates/{id}", Access::Perm(Perm::RatesEdit)),
    get("/rates/{id}/delete", Access::Perm(Perm::RatesEdit)),
    post("/rates/{id}/delete", Access::Perm(Perm::RatesEdit)),
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
    get("/imports/transport", Access::Perm(Perm::SuppliersEdit)),
    get(
        "/imports/transport/template",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/imports/transport", Access::Perm(Perm::SuppliersEdit)),
    get("/imports/transport/{id}", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/imports/transport/{id}/commit",
        Access::Perm(Perm::SuppliersEdit),
    ),
    get("/imports/restaurants", Access::Perm(Perm::SuppliersEdit)),
    get(
        "/imports/restaurants/template",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/imports/restaurants", Access::Perm(Perm::SuppliersEdit)),
    get(
        "/imports/restaurants/{id}",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/imports/restaurants/{id}/commit",
        Access::Perm(Perm::SuppliersEdit),
    ),
    get("/imports/attractions", Access::Perm(Perm::SuppliersEdit)),
    get(
        "/imports/attractions/template",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post("/imports/attractions", Access::Perm(Perm::SuppliersEdit)),
    get(
        "/imports/attractions/{id}",
        Access::Perm(Perm::SuppliersEdit),
    ),
    post(
        "/imports/attractions/{id}/commit",
        Access::Perm(Perm::SuppliersEdit),
    ),
    get("/imports/shops", Access::Perm(Perm::SuppliersEdit)),
    get("/imports/shops/template", Access::Perm(Perm::SuppliersEdit)),
    post("/imports/shops", Access::Perm(Perm::SuppliersEdit)),
    get("/imports/shops/{id}", Access::Perm(Perm::SuppliersEdit)),
    post(
        "/imports/shops/{id}/commit",
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
    get("/tours", Access::Perm(Perm::ToursView)),
    get("/tours/new", Access::Perm(Perm::ToursEdit)),
    post("/tours", Access::Perm(Perm::ToursEdit)),
    get("/tours/{id}", Access::Perm(Perm::ToursView)),
    get("/tours/{id}/edit", Access::Perm(Perm::ToursEdit)),
    post("/tours/{id}", Access::Perm(Perm::ToursEdit)),
    post("/tours/{id}/archive", Access::Perm(Perm::ToursEdit)),
    post("/tours/{id}/restore", Access::Perm(Perm::ToursEdit)),
    post("/tours/{id}/copy", Access::Perm(Perm::ToursEdit)),
    post("/tours/{id}/days", Access::Perm(Perm::ToursEdit)),
    get("/tour-days/{id}/edit", Access::Perm(Perm::ToursEdit)),
    post("/tour-days/{id}", Access::Perm(Perm::ToursEdit)),
    post("/tour-days/{id}/move", Access::Perm(Perm::ToursEdit)),
    get("/tour-days/{id}/lines/new", Access::Perm(Perm::ToursEdit)),
    post("/tour-days/{id}/lines", Access::Perm(Perm::ToursEdit)),
    get("/tour-lines/{id}/edit", Access::Perm(Perm::ToursEdit)),
    post("/tour-lines/{id}", Access::Perm(Perm::ToursEdit)),
    post("/tour-lines/{id}/move", Access::Perm(Perm::ToursEdit)),
    get("/tours/{id}/costing", Access::Perm(Perm::CostsView)),
    post("/tours/{id}/costing", Access::Perm(Perm::CostingEdit)),
    post("/tours/{id}/costing/rates", Access::Perm(Perm::CostingEdit)),
    post("/tour-lines/{id}/rate", Access::Perm(Perm::CostingEdit)),
    // Removals last, so that the access walk finds the rows the routes above it use.
    post("/tour-lines/{id}/delete", Access::Perm(Perm::ToursEdit)),
    post("/tour-days/{id}/delete", Access::Perm(Perm::ToursEdit)),
    get("/groups", Access::Perm(Perm::GroupsView)),
    get("/groups/new", Access::Perm(Perm::GroupsEdit)),
    post("/groups", Access::Perm(Perm::GroupsEdit)),
    get("/groups/calendar", Access::Perm(Perm::GroupsView)),
    get("/groups/{id}", Access::Perm(Perm::GroupsView)),
    post("/groups/{id}/status", Access::Perm(Perm::GroupsEdit)),
];

/// The import kinds, as a route pattern; each handler requires the kind's edit permission.
const IMPORTS: &str =
    "/imports/{kind:hotels|transport|restaurants|attractions|shops|guides|agencies|rates}";

/// The path segment of every supplier kind, as a route pattern.
const SUPPLIERS: &str = "/{kind:hotels|transport|restaurants|attractions|shops}";

/// Registers the handlers. Each handler checks the permission its `ROUTES` row names.
pub fn configure(cfg: &mut web::ServiceConfig) {
    register(cfg);
}

/// Registers the handlers and returns what was registered (method, pattern), which a test
/// compares with [`ROUTES`].
pub fn register(cfg: &mut web::ServiceConfig) -> Vec<(&'static str, String)> {
    let mut r = Registrar {
        cfg,
        seen: Vec::new(),
    };
    r.get("/healthz", health::alive)
        .get("/readyz", health::ready)
        .get("/static/{file:.*}", assets::file)
        .get("/sign-in", sign_in::form)
        .post("/sign-in", sign_in::sign_in)
        .post("/sign-out", sign_in::sign_out)
        .get("/account/password", account::password_form)
        .post("/account/password", account::change_password)
        .post("/account/locale", account::change_locale)
        .get("/account", account::show)
        .post("/account/year-style", account::change_year_style)
        .get("/", dashboard::show)
        .get("/settings", settings::show)
        .post("/settings/time-zone", settings::change_time_zone)
        .post("/settings/codes", settings::change_code_patterns)
        .get("/users", users::list)
        .get("/users/new", users::new_form)
        .post("/users", users::create)
        .get("/users/{id}/edit", users::edit_form)
        .post("/users/{id}", users::update)
        .post("/users/{id}/disable", users::disable)
        .post("/users/{id}/enable", users::enable)
        .post("/users/{id}/reset-password", users::reset_password)
        .get("/audit", audit::list)
        // Specific supplier routes first: `/hotels/{id}/room-types` before the generic ones.
        .post("/hotels/{id}/room-types", items::add_room_type)
        .post("/hotels/{id}/rates", items::add_rate)
        .post("/suppliers/{id}/contacts", contacts::add::<OfSupplier>)
        .get(
            "/supplier-contacts/{id}/edit",
            contacts::edit_form::<OfSupplier>,
        )
        .post("/supplier-contacts/{id}", contacts::update::<OfSupplier>)
        .post(
            "/supplier-contacts/{id}/archive",
            contacts::archive::<OfSupplier>,
        )
        .post("/agencies/{id}/contacts", contacts::add::<OfAgency>)
        .get(
            "/agency-contacts/{id}/edit",
            contacts::edit_form::<OfAgency>,
        )
        .post("/agency-contacts/{id}", contacts::update::<OfAgency>)
        .post(
            "/agency-contacts/{id}/archive",
            contacts::archive::<OfAgency>,
        )
        .post(
            "/agency-contacts/{id}/restore",
            contacts::restore::<OfAgency>,
        )
        .post(
            "/supplier-contacts/{id}/restore",
            contacts::restore::<OfSupplier>,
        )
        .get("/room-types/{id}/edit", item_edits::room_type_form)
        .post("/room-types/{id}", item_edits::update_room_type)
        .get("/room-rates/{id}/edit", item_edits::rate_form)
        .post("/room-rates/{id}", item_edits::update_rate)
        .post("/room-types/{id}/archive", items::archive::<RoomTypes>)
        .post("/room-rates/{id}/archive", items::archive::<RoomRates>)
        .post("/transport/{id}/vehicles", items::add_vehicle)
        .post("/vehicles/{id}/archive", items::archive::<Vehicles>)
        .post("/vehicles/{id}/restore", items::restore::<Vehicles>)
        .post("/room-types/{id}/restore", items::restore::<RoomTypes>)
        .post("/room-rates/{id}/restore", items::restore::<RoomRates>)
        .post("/hotels/{id}/contract", contract::set_contract)
        .post("/hotels/{id}/peaks", contract::add_peak)
        .post("/hotels/{id}/allotments", contract::add_allotment)
        .get("/hotels/{id}/price", contract::price)
        .get("/peaks/{id}/edit", item_edits::peak_form)
        .post("/peaks/{id}", item_edits::update_peak)
        .get("/allotments/{id}/edit", item_edits::allotment_form)
        .post("/allotments/{id}", item_edits::update_allotment)
        .post("/peaks/{id}/archive", items::archive::<Peaks>)
        .post("/peaks/{id}/restore", items::restore::<Peaks>)
        .post("/allotments/{id}/archive", items::archive::<Allotments>)
        .post("/allotments/{id}/restore", items::restore::<Allotments>)
        .get(SUPPLIERS, records::list)
        .get(&format!("{SUPPLIERS}/new"), records::new_form)
        .post(SUPPLIERS, records::create)
        .get(&format!("{SUPPLIERS}/{{id}}"), show::show)
        .get(&format!("{SUPPLIERS}/{{id}}/edit"), records::edit_form)
        .post(&format!("{SUPPLIERS}/{{id}}"), records::update)
        .post(&format!("{SUPPLIERS}/{{id}}/archive"), records::archive)
        .post(&format!("{SUPPLIERS}/{{id}}/restore"), records::restore)
        .get("/guides", guides::list)
        .get("/guides/new", record::new_form::<Guides>)
        .post("/guides", record::create::<Guides>)
        .get("/guides/{id}", guides::show)
        .get("/guides/{id}/edit", record::edit_form::<Guides>)
        .post("/guides/{id}", record::update::<Guides>)
        .post("/guides/{id}/archive", record::archive::<Guides>)
        .post("/guides/{id}/restore", record::restore::<Guides>)
        .get("/agencies", agencies::list)
        .get("/agencies/new", record::new_form::<Agencies>)
        .post("/agencies", record::create::<Agencies>)
        .get("/agencies/{id}", agencies::show)
        .get("/agencies/{id}/edit", record::edit_form::<Agencies>)
        .post("/agencies/{id}", record::update::<Agencies>)
        .post("/agencies/{id}/archive", record::archive::<Agencies>)
        .post("/agencies/{id}/restore", record::restore::<Agencies>)
        .get("/rates", rates::list::list)
        .get("/rates/latest", rates::latest::show)
        .get("/rates/new", rates::edit::new_form)
        .post("/rates", rates::edit::create)
        .get("/rates/{id}/edit", rates::edit::edit_form)
        .post("/rates/{id}", rates::edit::update)
        .get("/rates/{id}/delete", rates::delete::confirm)
        .post("/rates/{id}/delete", rates::delete::delete)
        .get(IMPORTS, imports::form)
        .get(&format!("{IMPORTS}/template"), imports::template)
        .post(IMPORTS, imports::upload)
        .get(&format!("{IMPORTS}/{{id}}"), imports::preview)
        .post(&format!("{IMPORTS}/{{id}}/commit"), imports::commit)
        .get("/tours", tours::records::list)
        .get("/tours/new", tours::records::new_form)
        .post("/tours", tours::records::create)
        .get("/tours/{id}", tours::show::show)
        .get("/tours/{id}/edit", tours::records::edit_form)
        .post("/tours/{id}", tours::records::update)
        .post("/tours/{id}/archive", tours::records::archive)
        .post("/tours/{id}/restore", tours::records::restore)
        .post("/tours/{id}/copy", tours::records::copy)
        .post("/tours/{id}/days", tours::days::add)
        .get("/tour-days/{id}/edit", tours::days::edit_form)
        .post("/tour-days/{id}", tours::days::update)
        .post("/tour-days/{id}/delete", tours::days::delete)
        .post("/tour-days/{id}/move", tours::days::move_day)
        .get("/tour-days/{id}/lines/new", tours::lines::new_form)
        .post("/tour-days/{id}/lines", tours::lines::add)
        .get("/tour-lines/{id}/edit", tours::lines::edit_form)
        .post("/tour-lines/{id}", tours::lines::update)
        .post("/tour-lines/{id}/delete", tours::lines::delete)
        .post("/tour-lines/{id}/move", tours::lines::move_line)
        .get("/tours/{id}/costing", tours::costing::show)
        .post("/tours/{id}/costing", tours::costing::save)
        .post("/tours/{id}/costing/rates", tours::costing::set_rate)
        .post("/tour-lines/{id}/rate", tours::costing::set_line_rate)
        // `/groups/new` and `/groups/calendar` before `/groups/{id}`, which would take them.
        .get("/groups", groups::list::list)
        .get("/groups/new", groups::create::new_form)
        .post("/groups", groups::create::create)
        .get("/groups/calendar", groups::calendar::show)
        .get("/groups/{id}", groups::show::show)
        .post("/groups/{id}/status", groups::status::change);
    r.seen
}

/// Registers handlers on actix's configuration, noting each (method, pattern).
struct Registrar<'a> {
    cfg: &'a mut web::ServiceConfig,
    seen: Vec<(&'static str, String)>,
}

impl Registrar<'_> {
    fn get<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: actix_web::Handler<Args>,
        Args: actix_web::FromRequest + 'static,
        F::Output: actix_web::Responder + 'static,
    {
        self.seen.push(("GET", path.to_owned()));
        self.cfg.route(path, web::get().to(handler));
        self
    }

    fn post<F, Args>(&mut self, path: &str, handler: F) -> &mut Self
    where
        F: actix_web::Handler<Args>,
        Args: actix_web::FromRequest + 'static,
        F::Output: actix_web::Responder + 'static,
    {
        self.seen.push(("POST", path.to_owned()));
        self.cfg.route(path, web::post().to(handler));
        self
    }
}

/// The concrete paths an actix pattern stands for: `{kind:a|b}` becomes one path per
/// alternative, `{file:.*}` becomes `{file}`, as `ROUTES` writes them.
pub fn expand_pattern(pattern: &str) -> Vec<String> {
    let Some(start) = pattern.find('{') else {
        return vec![pattern.to_owned()];
    };
    let Some(len) = pattern[start..].find('}') else {
        return vec![pattern.to_owned()];
    };
    let (head, inner, tail) = (
        &pattern[..start],
        &pattern[start + 1..start + len],
        &pattern[start + len + 1..],
    );
    let rest = expand_pattern(tail);
    let firsts: Vec<String> = match inner.split_once(':') {
        Some((_, alternatives)) if !alternatives.contains(['.', '*', '+']) => {
            alternatives.split('|').map(str::to_owned).collect()
        }
        Some((name, _)) => vec![format!("{{{name}}}")],
        None => vec![format!("{{{inner}}}")],
    };
    firsts
        .iter()
        .flat_map(|f| rest.iter().map(move |r| format!("{head}{f}{r}")))
        .collect()
}
