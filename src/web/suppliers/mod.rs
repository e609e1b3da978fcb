//! Supplier pages for all five kinds (hotels, transport, restaurants, attractions, shops):
//! each supplier's record (`records`), and what hangs off it — room types, seasonal rates and
//! vehicles (`items`, edited in `item_edits`, their forms in `forms`), and a hotel's contract —
//! validity, peaks, allotments and the price check (`contract`).

pub mod contract;
pub mod forms;
pub mod item_edits;
pub mod items;
pub mod records;
pub mod show;

use crate::db::master::suppliers;
use crate::db::master::suppliers::Supplier;
use crate::domain::ids::SupplierId;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::key;
use crate::web::error::WebError;
use crate::web::extract::{Db, Ui};
use crate::web::kit::list::TabView;

/// The kind named by a path segment (`hotels`, `transport`...).
pub fn kind_of(segment: &str) -> Result<SupplierKind, WebError> {
    SupplierKind::ALL
        .into_iter()
        .find(|k| &k.path()[1..] == segment)
        .ok_or(WebError::NotFound)
}

pub fn kind_title(kind: SupplierKind) -> &'static str {
    match kind {
        SupplierKind::Hotel => key("suppliers-hotels"),
        SupplierKind::Transport => key("suppliers-transport"),
        SupplierKind::Restaurant => key("suppliers-restaurants"),
        SupplierKind::Attraction => key("suppliers-attractions"),
        SupplierKind::Shop => key("suppliers-shops"),
    }
}

pub fn tabs(ui: &Ui, current: SupplierKind) -> Vec<TabView> {
    SupplierKind::ALL
        .into_iter()
        .map(|k| TabView {
            href: k.path().to_owned(),
            label: ui.t(kind_title(k)),
            active: k == current,
        })
        .collect()
}

/// Supplier `id`, of the kind the path names: a restaurant is not reached through `/hotels`.
pub async fn load(db: &Db, kind: SupplierKind, id: SupplierId) -> Result<Supplier, WebError> {
    db.find(move |conn| Ok(suppliers::find(conn, id)?.filter(|s| s.data.kind == kind)))
        .await
}
