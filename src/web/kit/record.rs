//! The writes a master record's pages share — create, update, archive, restore — each one
//! audited write in one transaction ([`crate::db::master`]), and the archive and restore
//! handlers of records whose page follows from their id.

use actix_web::{HttpResponse, web};
use serde::de::DeserializeOwned;

use crate::db::master::{self as records, NewRecord, Record};
use crate::domain::access::Perm;
use crate::i18n::Message;
use crate::web::error::WebError;
use crate::web::extract::{CurrentUser, Db, Ui};
use crate::web::flash::Flash;

/// Creates a record from its parsed form, for `user`.
pub async fn create<R: NewRecord>(
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
pub async fn update<R: Record>(
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

/// A record whose page follows from its id alone, archived and restored by [`archive`] and
/// [`restore`], which the route table names directly.
pub trait OwnPage: Record<Id: DeserializeOwned> {
    /// The permission archiving and restoring it takes.
    const EDIT: Perm;
    /// The flash messages after archiving and restoring it.
    const ARCHIVED: &'static str;
    const RESTORED: &'static str;
    /// The page an archive or restore returns to.
    fn page(id: Self::Id) -> String;
}

async fn archive_or_restore<R: OwnPage>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    id: R::Id,
    archived: bool,
) -> Result<HttpResponse, WebError> {
    user.require(R::EDIT)?;
    set_archived::<R>(&ui, &db, &user, id, archived).await?;
    let message = if archived { R::ARCHIVED } else { R::RESTORED };
    Ok(ui.see_other(&R::page(id), Flash::success(Message::new(message))))
}

pub async fn archive<R: OwnPage>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<R::Id>,
) -> Result<HttpResponse, WebError> {
    archive_or_restore::<R>(ui, db, user, path.into_inner(), true).await
}

pub async fn restore<R: OwnPage>(
    ui: Ui,
    db: Db,
    user: CurrentUser,
    path: web::Path<R::Id>,
) -> Result<HttpResponse, WebError> {
    archive_or_restore::<R>(ui, db, user, path.into_inner(), false).await
}
