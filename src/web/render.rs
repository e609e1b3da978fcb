//! Templates (tera, embedded) and the page context every page shares: language, navigation,
//! user, CSRF token, flash.
//!
//! **Invariant:** every template is an `.html` file, so tera escapes everything it prints;
//! no template applies `| safe` to text a user typed.

use actix_web::HttpResponse;
use actix_web::http::StatusCode;
use chrono::NaiveDate;
use rust_embed::Embed;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::Arc;

use crate::domain::access::{Perm, Role};
use crate::domain::locale::Locale;
use crate::domain::message::key;
use crate::i18n::I18n;
use crate::i18n::format::Formats;
use crate::web::error::{ErrorPage, WebError};
use crate::web::extract::{RequestContext, Ui};
use crate::web::flash;
use crate::web::state::State;

#[derive(Embed)]
#[folder = "templates/"]
#[include = "*.html"]
struct TemplateFiles;

/// Loads every template and registers `t(key=..., lang=..., ARG=...)` for translations.
pub fn load_templates(i18n: Arc<I18n>) -> anyhow::Result<tera::Tera> {
    let mut tera = tera::Tera::default();
    let mut sources = Vec::new();
    for name in TemplateFiles::iter() {
        let file =
            TemplateFiles::get(&name).ok_or_else(|| anyhow::anyhow!("template {name} vanished"))?;
        let text = String::from_utf8(file.data.into_owned())
            .map_err(|_| anyhow::anyhow!("template {name} is not UTF-8"))?;
        sources.push((name.into_owned(), text));
    }
    tera.add_raw_templates(sources)
        .map_err(|e| anyhow::anyhow!("templates: {e:?}"))?;
    tera.register_function("t", move |args: &HashMap<String, tera::Value>| {
        let id = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs key"))?;
        let lang = args
            .get("lang")
            .and_then(|v| v.as_str())
            .and_then(|l| Locale::parse(l).ok())
            .unwrap_or(Locale::En);
        let fluent_args: Vec<(String, String)> = args
            .iter()
            .filter(|(name, _)| name.as_str() != "key" && name.as_str() != "lang")
            .map(|(name, value)| {
                let text = match value {
                    tera::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                (name.clone(), text)
            })
            .collect();
        Ok(tera::Value::String(i18n.t(lang, id, &fluent_args)))
    });
    Ok(tera)
}

/// What pages that must not name the tenant show in its place.
const PRODUCT_NAME: &str = "tourdesk";

#[derive(Serialize)]
struct PageView<'a> {
    lang: &'static str,
    tenant_name: &'a str,
    user: Option<UserView<'a>>,
    nav: Vec<NavItem>,
    csrf_token: &'a str,
    flash: Option<FlashView>,
    locales: Vec<LocaleOption>,
    path: &'a str,
}

#[derive(Serialize)]
struct UserView<'a> {
    name: &'a str,
    email: &'a str,
    role_key: &'static str,
}

#[derive(Serialize)]
struct NavItem {
    href: &'static str,
    label_key: &'static str,
    active: bool,
}

#[derive(Serialize)]
struct FlashView {
    kind: flash::Kind,
    text: String,
}

#[derive(Serialize)]
struct LocaleOption {
    tag: &'static str,
    name: &'static str,
    selected: bool,
}

/// The areas of the product, in menu order, with the permission that shows each one.
/// An area is listed here once it exists.
const AREAS: &[(&str, &str, Perm)] = &[
    ("/", key("nav-dashboard"), Perm::DashboardView),
    ("/hotels", key("nav-suppliers"), Perm::SuppliersView),
    ("/guides", key("nav-guides"), Perm::GuidesView),
    ("/tours", key("nav-tours"), Perm::ToursView),
    ("/agencies", key("nav-clients"), Perm::AgenciesView),
    ("/groups", key("groups-nav"), Perm::GroupsView),
    ("/rates", key("nav-rates"), Perm::RatesView),
    ("/settings", key("nav-settings"), Perm::SettingsView),
];

/// Every supplier kind's pages belong to the "Suppliers" area.
fn is_supplier_path(path: &str) -> bool {
    [
        "/transport",
        "/restaurants",
        "/attractions",
        "/shops",
        "/imports/hotels",
    ]
    .iter()
    .any(|p| path.starts_with(p))
}

/// The message id naming a role.
/// The message id saying what a role may do.
pub fn role_description_key(role: Role) -> &'static str {
    match role {
        Role::Admin => key("role-admin-description"),
        Role::Manager => key("role-manager-description"),
        Role::Sales => key("role-sales-description"),
        Role::Operations => key("role-operations-description"),
        Role::Accountant => key("role-accountant-description"),
        Role::Viewer => key("role-viewer-description"),
    }
}

pub fn role_key(role: Role) -> &'static str {
    match role {
        Role::Admin => key("role-admin"),
        Role::Manager => key("role-manager"),
        Role::Sales => key("role-sales"),
        Role::Operations => key("role-operations"),
        Role::Accountant => key("role-accountant"),
        Role::Viewer => key("role-viewer"),
    }
}

fn page_view<'a>(state: &'a State, ctx: &'a RequestContext, path: &'a str) -> PageView<'a> {
    let locale = ctx.locale;
    let user = ctx
        .auth
        .as_ref()
        .filter(|a| !a.user.must_change_password)
        .map(|a| &a.user);
    let nav = match user {
        Some(u) => AREAS
            .iter()
            .filter(|(_, _, perm)| u.role.permits(*perm))
            .map(|(href, label_key, _)| NavItem {
                href,
                label_key,
                active: if *href == "/" {
                    path == "/"
                } else {
                    path.starts_with(href)
                        || (*href == "/hotels" && is_supplier_path(path))
                        || (*href == "/settings"
                            && (path.starts_with("/users") || path.starts_with("/audit")))
                },
            })
            .collect(),
        None => Vec::new(),
    };
    PageView {
        lang: locale.tag(),
        tenant_name: &state.tenant.name,
        user: ctx.auth.as_ref().map(|a| UserView {
            name: &a.user.display_name,
            email: &a.user.email,
            role_key: role_key(a.user.role),
        }),
        nav,
        csrf_token: match &ctx.auth {
            Some(a) => &a.session.csrf_token,
            None => &ctx.anon_csrf,
        },
        flash: ctx.flash.as_ref().map(|f| FlashView {
            kind: f.kind,
            text: state
                .i18n
                .message_in(locale, &reader_formats(state, ctx), &f.message),
        }),
        locales: Locale::ALL
            .iter()
            .map(|l| LocaleOption {
                tag: l.tag(),
                name: l.native_name(),
                selected: *l == locale,
            })
            .collect(),
        path,
    }
}

/// The formats of the reader of `ctx`: the agency's zone, and the user's year style
/// (Gregorian years before sign-in).
fn reader_formats(state: &State, ctx: &RequestContext) -> Formats {
    let years = ctx
        .auth
        .as_ref()
        .map(|a| a.user.year_style)
        .unwrap_or_default();
    Formats::new(state.time_zone(), years)
}

fn render_page<T: Serialize>(
    state: &State,
    ctx: &RequestContext,
    path: &str,
    template: &str,
    view: &T,
) -> Result<String, WebError> {
    let mut context = tera::Context::from_serialize(view)
        .map_err(|e| WebError::Internal(anyhow::anyhow!("view for {template}: {e}")))?;
    let mut page = page_view(state, ctx, path);
    if ctx.conceal_tenant {
        page.tenant_name = PRODUCT_NAME;
    }
    context.insert("page", &page);
    context.insert("lang", ctx.locale.tag());
    state
        .templates
        .render(template, &context)
        .map_err(|e| WebError::Internal(anyhow::anyhow!("rendering {template}: {e:?}")))
}

fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status)
        .content_type("text/html; charset=utf-8")
        .body(body)
}

impl Ui {
    /// Renders `template` with `view` under the shared page context.
    pub fn render<T: Serialize>(
        &self,
        status: StatusCode,
        template: &str,
        view: &T,
    ) -> Result<HttpResponse, WebError> {
        Ok(html(
            status,
            render_page(&self.state, &self.ctx, &self.path, template, view)?,
        ))
    }

    pub fn t(&self, id: &'static str) -> String {
        self.state.i18n.t(self.ctx.locale, id, &[])
    }

    /// `message` in the reader's language, its dates in the reader's format.
    pub fn message(&self, message: &crate::domain::message::Message) -> String {
        self.state
            .i18n
            .message_in(self.ctx.locale, &self.formats(), message)
    }

    /// How this reader is shown numbers, dates and instants: instants on the agency's clock
    /// and labelled with its zone, years as the signed-in user counts them.
    pub fn formats(&self) -> Formats {
        reader_formats(&self.state, &self.ctx)
    }

    /// Today's date at the agency, in its time zone: the one "today" of every page (default
    /// dates, licence states, "expires soon").
    pub fn today(&self) -> NaiveDate {
        self.state.time_zone().today(chrono::Utc::now())
    }

    /// 303 to `location` with a flash message.
    pub fn see_other(&self, location: &str, flash: flash::Flash) -> HttpResponse {
        flash::see_other(&self.state, self.ctx.https, location, flash)
    }
}

#[derive(Serialize)]
struct ErrorView {
    status: u16,
    message: String,
}

/// The localized error page for a signed-in or anonymous reader.
pub fn error_page(state: &State, ctx: &RequestContext, page: &ErrorPage) -> HttpResponse {
    let view = ErrorView {
        status: page.status.as_u16(),
        message: state
            .i18n
            .message_in(ctx.locale, &reader_formats(state, ctx), &page.message),
    };
    match render_page(state, ctx, "", "error.html", &view) {
        Ok(body) => html(page.status, body),
        Err(e) => {
            tracing::error!("rendering an error page: {e}");
            HttpResponse::build(page.status)
                .content_type("text/plain; charset=utf-8")
                .body(view.message)
        }
    }
}

/// The error page before anything is known about the reader (wrong host, database down). It
/// does not name the tenant: a request for another host must not learn which tenant answered.
pub fn bare_error_page(state: &State, locale: Locale, page: &ErrorPage) -> HttpResponse {
    let ctx = RequestContext {
        auth: None,
        locale,
        anon_csrf: String::new(),
        new_pre_session: None,
        flash: None,
        client_addr: String::new(),
        https: false,
        conceal_tenant: true,
    };
    error_page(state, &ctx, page)
}
