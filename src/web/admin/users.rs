//! The users page for admins: list, create, change name and role, disable, enable, reset a
//! password.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::db::auth::accounts::{self, PasswordSet, UserChangeError};
use crate::db::auth::users::{ListQuery, SortBy, User};
use crate::db::auth::{sessions, users};
use crate::db::listing::{Listing, SortKey};
use crate::domain::access::{Perm, Role};
use crate::domain::auth::password;
use crate::domain::email::Email;
use crate::domain::ids::UserId;
use crate::domain::message::{Message, Refusal, key};
use crate::web::auth::sign_in;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::list::{self, Pager};
use crate::web::paths;
use crate::web::render::{role_description_key, role_key};

#[derive(Deserialize)]
pub struct ListParams {
    q: Option<String>,
    sort: Option<String>,
    page: Option<i64>,
}

#[derive(Serialize)]
struct UserRowView {
    id: i64,
    name: String,
    email: String,
    role_key: &'static str,
    disabled: bool,
    created: String,
    last_sign_in: String,
}

#[derive(Serialize)]
struct ListView {
    rows: Vec<UserRowView>,
    q: String,
    /// `q` and `sort` encoded for links.
    q_url: String,
    sort_url: String,
    sort: String,
    pager: Pager,
    /// What a page past the last says.
    past_end: String,
    total: String,
}

pub async fn list(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::UsersManage)?;
    let params = params.into_inner();
    let sort_raw = params.sort.clone().unwrap_or_else(|| "name".to_owned());
    let (sort, descending) = SortBy::parse(&sort_raw);
    let listing = Listing {
        search: params.q.clone(),
        sort,
        descending,
        offset: 0,
        limit: Pager::PER_PAGE,
    };
    let query = ListQuery { listing };
    let (page, found, total) = list::fetch(&db, params.page, query, users::list).await?;
    let ids: Vec<UserId> = found.iter().map(|u| u.id).collect();
    let last = db
        .read(move |conn| -> Result<_, WebError> { Ok(sessions::last_sign_ins(conn, &ids)?) })
        .await?;
    let f = ui.formats();
    let pager = Pager::new(page, total);
    let view = ListView {
        rows: found
            .into_iter()
            .map(|u| UserRowView {
                id: u.id.0,
                role_key: role_key(u.role),
                created: f.instant_date(ui.locale(), u.created_at),
                last_sign_in: match last.get(&u.id) {
                    Some(at) => f.instant(ui.locale(), *at),
                    None => ui.t(key("users-never-signed-in")),
                },
                name: u.display_name,
                email: u.email,
                disabled: u.disabled,
            })
            .collect(),
        q_url: url_encode(params.q.as_deref().unwrap_or_default()),
        sort_url: url_encode(&sort_raw),
        q: params.q.unwrap_or_default(),
        sort: sort_raw,
        past_end: list::past_end_text(&ui, &pager),
        pager,
        total: f.integer(ui.locale(), total),
    };
    ui.render(StatusCode::OK, "users/list.html", &view)
}

#[derive(Serialize, Default)]
struct FormView {
    id: Option<i64>,
    email: String,
    display_name: String,
    role: &'static str,
    roles: Vec<RoleOption>,
    errors: FieldErrors,
    disabled: bool,
    is_self: bool,
}

#[derive(Serialize, Default)]
struct FieldErrors {
    email: Option<String>,
    display_name: Option<String>,
    role: Option<String>,
    form: Option<String>,
}

impl FieldErrors {
    fn any(&self) -> bool {
        self.email.is_some()
            || self.display_name.is_some()
            || self.role.is_some()
            || self.form.is_some()
    }
}

#[derive(Serialize)]
struct RoleOption {
    value: &'static str,
    label_key: &'static str,
    description_key: &'static str,
}

fn role_options() -> Vec<RoleOption> {
    Role::ALL
        .iter()
        .map(|r| RoleOption {
            value: r.as_str(),
            label_key: role_key(*r),
            description_key: role_description_key(*r),
        })
        .collect()
}

pub async fn new_form(ui: Ui, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(Perm::UsersManage)?;
    let view = FormView {
        role: Role::Viewer.as_str(),
        roles: role_options(),
        ..Default::default()
    };
    ui.render(StatusCode::OK, "users/form.html", &view)
}

#[derive(Deserialize)]
pub struct UserForm {
    #[serde(default)]
    email: String,
    display_name: String,
    role: String,
}

/// Checks the name and role fields, filling `errors`.
fn parse_name_and_role(
    ui: &Ui,
    form: &UserForm,
    errors: &mut FieldErrors,
) -> (String, Option<Role>) {
    let name = form.display_name.trim().to_owned();
    if name.is_empty()
        || name.chars().count() > 100
        || crate::domain::text::has_forbidden_control(&name, false)
    {
        errors.display_name = Some(ui.t(key("users-error-name")));
    }
    let role = Role::parse(&form.role).ok();
    if role.is_none() {
        errors.role = Some(ui.t(key("users-error-role")));
    }
    (name, role)
}

#[derive(Serialize)]
struct OneTimeView {
    id: i64,
    email: String,
    password: String,
    created: bool,
}

pub async fn create(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::UsersManage)?;
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let email = Email::parse(&form.email).ok();
    if email.is_none() {
        errors.email = Some(ui.t(key("users-error-email")));
    }
    let (name, role) = parse_name_and_role(&ui, &form, &mut errors);
    let (Some(email), Some(role), false) = (email, role, errors.any()) else {
        return render_form_errors(&ui, None, &form, errors);
    };
    let one_time = password::one_time_password();
    let hash = sign_in::hash(&ui, one_time.clone()).await?;
    let actor = user.actor(ui.client_addr());
    let new_email = email.clone();
    let created = db
        .write(move |conn| {
            let new = users::NewUser {
                email: &new_email,
                display_name: &name,
                role,
                password_hash: &hash,
                must_change_password: true,
            };
            accounts::create(conn, &actor, &new)
        })
        .await;
    match created {
        Ok(id) => {
            let view = OneTimeView {
                id: id.0,
                email: email.to_string(),
                password: one_time,
                created: true,
            };
            ui.render(StatusCode::CREATED, "users/one_time.html", &view)
        }
        Err(e @ UserChangeError::EmailTaken) => {
            let errors = FieldErrors {
                email: e.refusal().map(|m| ui.message(&m)),
                ..Default::default()
            };
            render_form_errors(&ui, None, &form, errors)
        }
        Err(e) => Err(e.into()),
    }
}

fn render_form_errors(
    ui: &Ui,
    existing: Option<&User>,
    form: &UserForm,
    errors: FieldErrors,
) -> Result<HttpResponse, WebError> {
    let role = Role::parse(&form.role).unwrap_or(Role::Viewer).as_str();
    let view = FormView {
        id: existing.map(|u| u.id.0),
        email: existing
            .map(|u| u.email.clone())
            .unwrap_or_else(|| form.email.clone()),
        display_name: form.display_name.clone(),
        role,
        roles: role_options(),
        errors,
        disabled: existing.is_some_and(|u| u.disabled),
        is_self: existing.is_some_and(|u| ui.ctx.auth.as_ref().is_some_and(|a| a.user.id == u.id)),
    };
    ui.render(StatusCode::UNPROCESSABLE_ENTITY, "users/form.html", &view)
}

async fn load(db: &Db, id: UserId) -> Result<User, WebError> {
    db.find(move |conn| users::find(conn, id)).await
}

pub async fn edit_form(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<UserId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::UsersManage)?;
    let target = load(&db, path.into_inner()).await?;
    let view = FormView {
        id: Some(target.id.0),
        email: target.email.clone(),
        display_name: target.display_name.clone(),
        role: target.role.as_str(),
        roles: role_options(),
        errors: FieldErrors::default(),
        disabled: target.disabled,
        is_self: target.id == user.user().id,
    };
    ui.render(StatusCode::OK, "users/form.html", &view)
}

pub async fn update(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<UserId>,
    form: web::Form<UserForm>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::UsersManage)?;
    let target = load(&db, path.into_inner()).await?;
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let (name, role) = parse_name_and_role(&ui, &form, &mut errors);
    let (Some(role), false) = (role, errors.any()) else {
        return render_form_errors(&ui, Some(&target), &form, errors);
    };
    let actor = user.actor(ui.client_addr());
    let id = target.id;
    let result = db
        .write(move |conn| accounts::change_profile(conn, &actor, id, &name, role))
        .await;
    match result {
        Ok(()) => Ok(ui.see_other(
            &paths::user_edit(target.id),
            Flash::success(Message::new("users-updated")),
        )),
        Err(e) => match e.refusal() {
            Some(refusal) => {
                let errors = FieldErrors {
                    form: Some(ui.message(&refusal)),
                    ..Default::default()
                };
                render_form_errors(&ui, Some(&target), &form, errors)
            }
            None => Err(e.into()),
        },
    }
}

/// Disables or enables an account; disabling revokes its sessions in the same transaction.
async fn set_disabled(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    id: UserId,
    disabled: bool,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::UsersManage)?;
    let target = load(&db, id).await?;
    let actor = user.actor(ui.client_addr());
    let result = db
        .write(move |conn| accounts::change_disabled(conn, &actor, id, disabled))
        .await;
    let back = paths::user_edit(target.id);
    match result {
        Ok(_) => {
            let id = if disabled {
                key("users-disabled")
            } else {
                key("users-enabled")
            };
            Ok(ui.see_other(
                &back,
                Flash::success(Message::new(id).arg("email", target.email)),
            ))
        }
        Err(e) => match e.refusal() {
            Some(refusal) => Ok(ui.see_other(&back, Flash::error(refusal))),
            None => Err(e.into()),
        },
    }
}

pub async fn disable(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<UserId>,
) -> Result<HttpResponse, WebError> {
    set_disabled(ui, db, user, path.into_inner(), true).await
}

pub async fn enable(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<UserId>,
) -> Result<HttpResponse, WebError> {
    set_disabled(ui, db, user, path.into_inner(), false).await
}

pub async fn reset_password(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<UserId>,
) -> Result<HttpResponse, WebError> {
    user.require(Perm::UsersManage)?;
    let target = load(&db, path.into_inner()).await?;
    let one_time = password::one_time_password();
    let hash = sign_in::hash(&ui, one_time.clone()).await?;
    let actor = user.actor(ui.client_addr());
    let id = target.id;
    db.write(move |conn| accounts::set_password(conn, &actor, id, &hash, PasswordSet::OneTime))
        .await?;
    let view = OneTimeView {
        id: target.id.0,
        email: target.email,
        password: one_time,
        created: false,
    };
    ui.render(StatusCode::OK, "users/one_time.html", &view)
}

fn url_encode(value: &str) -> String {
    serde_urlencoded::to_string([("", value)])
        .map(|s| s[1..].to_owned())
        .unwrap_or_default()
}
