//! Page handlers, one file per area.

pub mod account;
pub mod agencies;
pub mod assets;
pub mod audit;
pub mod auth;
pub mod contacts;
pub mod dashboard;
pub mod guides;
pub mod health;
pub mod hotel_edits;
pub mod imports;
pub mod master;
pub mod rates;
pub mod settings;
pub mod supplier_items;
pub mod suppliers;
pub mod users;

use crate::web::error::WebError;

/// Anything the route table does not know.
pub async fn not_found() -> Result<actix_web::HttpResponse, WebError> {
    Err(WebError::NotFound)
}

/// Page number and offsets for lists; `page` counts from 1.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    pub prev: Option<i64>,
    pub next: Option<i64>,
}

impl Pager {
    pub const PER_PAGE: i64 = 50;

    pub fn offset(page: Option<i64>) -> (i64, i64) {
        let page = page.unwrap_or(1).max(1);
        (page, (page - 1) * Self::PER_PAGE)
    }

    pub fn new(page: i64, total: i64) -> Pager {
        let pages = ((total + Self::PER_PAGE - 1) / Self::PER_PAGE).max(1);
        Pager {
            page,
            pages,
            total,
            prev: (page > 1).then(|| (page - 1).min(pages)),
            next: (page < pages).then_some(page + 1),
        }
    }
}
