//! The writes a master record's pages share — create, update, archive, restore — each one
//! audited write in one transaction ([`crate::db::master`]), and the whole set of form
//! handlers for records found by their id alone ([`FormRecord`]).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use serde::de::DeserializeOwned;

use crate::db::master::{self as records, NewRecord, Record};
use crate::domain::access::Perm;
use crate::domain::message::Message;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;
use crate::web::kit::confirm;
use crate::web::kit::form::{Errors, Fields, FormPage};

/// Creates a record from its parsed form, for `user`.
pub async fn insert<R: NewRecord>(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    data: R::Data,
) -> Result<R::Id, WebError> {
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| -> Result<R::Id, WebError> {
        Ok(records::create::<R>(conn, &actor, &data)?)
    })
    .await
}

/// Changes record `id` to its parsed form, for `user`; the record is read again inside the
/// write, since the form was shown from an earlier read.
pub async fn change<R: Record>(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    id: R::Id,
    data: R::Data,
) -> Result<(), WebError> {
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| -> Result<(), WebError> {
        Ok(records::change::<R>(conn, &actor, id, &data)?)
    })
    .await
}

/// Archives (`archived`) or restores record `id` for `user`.
pub async fn set_archived<R: Record>(
    ui: &Ui,
    db: &Db,
    user: &CurrentUser,
    id: R::Id,
    archived: bool,
) -> Result<(), WebError> {
    let actor = user.actor(ui.client_addr());
    db.write(move |conn| -> Result<(), WebError> {
        Ok(records::set_archived::<R>(conn, &actor, id, archived)?)
    })
    .await
}

/// The flash messages (ids) after each write of a record.
pub struct Messages {
    pub created: &'static str,
    pub updated: &'static str,
    pub archived: &'static str,
    pub restored: &'static str,
}

/// The edit page of stored record `id`: its form, as stored or as refused (with `status`).
pub struct EditPage<Id> {
    pub id: Id,
    pub archived: bool,
    pub form: FormPage,
    pub status: StatusCode,
}

/// A master record kept through one form and found by its id alone. The route table names the
/// generic [`new_form`], [`create`], [`edit_form`], [`update`], [`archive`] and [`restore`] for
/// it; its area says only what differs: the form, its pages and its messages.
pub trait FormRecord: NewRecord<Id: DeserializeOwned> {
    /// The permission changing it takes.
    const EDIT: Perm;
    const MESSAGES: Messages;
    /// The page a change, an archive or a restore returns to.
    fn page(id: Self::Id) -> String;
    /// The page a new record's creation returns to.
    fn created_page(id: Self::Id) -> String {
        Self::page(id)
    }
    /// The form's values for a new record.
    fn defaults(ui: &Ui) -> Fields;
    /// The form's values for stored data.
    fn values(ui: &Ui, data: &Self::Data) -> Fields;
    /// Parses a submitted form into data, or the field errors.
    fn read(ui: &Ui, fields: &Fields) -> Result<Self::Data, Errors>;
    /// The form of a new record (`None`) or of record `id`.
    fn form(ui: &Ui, id: Option<Self::Id>, values: &Fields, errors: &Errors) -> FormPage;
    /// The edit page around the form: `master/form.html`, unless the record shows more.
    fn edit_page(
        ui: &Ui,
        _db: &Db,
        _user: &CurrentUser,
        page: EditPage<Self::Id>,
    ) -> impl Future<Output = Result<HttpResponse, WebError>> {
        async move { ui.render(page.status, "master/form.html", &page.form) }
    }
}

pub async fn new_form<R: FormRecord>(ui: Ui, user: CurrentUser) -> Result<HttpResponse, WebError> {
    user.require(R::EDIT)?;
    let form = R::form(&ui, None, &R::defaults(&ui), &Errors::default());
    ui.render(StatusCode::OK, "master/form.html", &form)
}

pub async fn create<R: FormRecord>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(R::EDIT)?;
    let fields = Fields(form.into_inner());
    let data = match R::read(&ui, &fields) {
        Ok(data) => data,
        Err(errors) => {
            let form = R::form(&ui, None, &fields, &errors);
            return ui.render(StatusCode::UNPROCESSABLE_ENTITY, "master/form.html", &form);
        }
    };
    let id = insert::<R>(&ui, &db, &user, data).await?;
    let flash = Flash::success(Message::new(R::MESSAGES.created));
    Ok(ui.see_other(&R::created_page(id), flash))
}

pub async fn edit_form<R: FormRecord>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<R::Id>,
) -> Result<HttpResponse, WebError> {
    user.require(R::EDIT)?;
    let id = path.into_inner();
    let (data, archived) = db.find(move |conn| R::find_data(conn, id)).await?;
    let form = R::form(&ui, Some(id), &R::values(&ui, &data), &Errors::default());
    let status = StatusCode::OK;
    R::edit_page(
        &ui,
        &db,
        &user,
        EditPage {
            id,
            archived,
            form,
            status,
        },
    )
    .await
}

pub async fn update<R: FormRecord>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<R::Id>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    user.require(R::EDIT)?;
    let id = path.into_inner();
    let (_, archived) = db.find(move |conn| R::find_data(conn, id)).await?;
    let fields = Fields(form.into_inner());
    let data = match R::read(&ui, &fields) {
        Ok(data) => data,
        Err(errors) => {
            let form = R::form(&ui, Some(id), &fields, &errors);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            let page = EditPage {
                id,
                archived,
                form,
                status,
            };
            return R::edit_page(&ui, &db, &user, page).await;
        }
    };
    change::<R>(&ui, &db, &user, id, data).await?;
    let flash = Flash::success(Message::new(R::MESSAGES.updated));
    Ok(ui.see_other(&R::page(id), flash))
}

async fn archive_or_restore<R: FormRecord>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    id: R::Id,
    archived: bool,
) -> Result<HttpResponse, WebError> {
    user.require(R::EDIT)?;
    set_archived::<R>(&ui, &db, &user, id, archived).await?;
    let m = &R::MESSAGES;
    let message = if archived { m.archived } else { m.restored };
    Ok(ui.see_other(&R::page(id), Flash::success(Message::new(message))))
}

/// Archives the record once confirmed; before, answers the question (`kit::confirm`).
pub async fn archive<R: FormRecord>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<R::Id>,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    let id = path.into_inner();
    if !confirm::confirmed(&Fields(form.into_inner())) {
        user.require(R::EDIT)?;
        let data = db
            .find(move |conn| {
                let found = R::find_data(conn, id)?;
                Ok(found
                    .filter(|(_, archived)| !archived)
                    .map(|(data, _)| data))
            })
            .await?;
        let name = R::values(&ui, &data).get("name").to_owned();
        return confirm::ask_archive(&ui, &name, None, &R::page(id));
    }
    archive_or_restore::<R>(ui, db, user, id, true).await
}

pub async fn restore<R: FormRecord>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<R::Id>,
) -> Result<HttpResponse, WebError> {
    archive_or_restore::<R>(ui, db, user, path.into_inner(), false).await
}
