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
    /// The highest page number whose offset does not overflow.
    const MAX_PAGE: i64 = i64::MAX / Self::PER_PAGE;

    /// The asked page, at least 1, and its offset.
    pub fn offset(page: Option<i64>) -> (i64, i64) {
        let page = page.unwrap_or(1).clamp(1, Self::MAX_PAGE);
        (page, (page - 1) * Self::PER_PAGE)
    }

    /// Loads `page` with `load(offset)`, which returns the page's rows and the total; a page
    /// past the last loads the last one instead. Returns the page shown, its rows, the total.
    pub fn fetch<T, E>(
        page: i64,
        mut load: impl FnMut(i64) -> Result<(Vec<T>, i64), E>,
    ) -> Result<(i64, Vec<T>, i64), E> {
        let (page, offset) = Self::offset(Some(page));
        let (rows, total) = load(offset)?;
        let last = Self::pages(total);
        if page > last {
            let (rows, total) = load((last - 1) * Self::PER_PAGE)?;
            return Ok((last.min(Self::pages(total)), rows, total));
        }
        Ok((page, rows, total))
    }

    fn pages(total: i64) -> i64 {
        ((total.max(0) + Self::PER_PAGE - 1) / Self::PER_PAGE).max(1)
    }

    pub fn new(page: i64, total: i64) -> Pager {
        let pages = Self::pages(total);
        let page = page.clamp(1, pages);
        Pager {
            page,
            pages,
            total,
            prev: (page > 1).then(|| (page - 1).min(pages)),
            next: (page < pages).then_some(page + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pager;

    fn rows(total: i64) -> impl FnMut(i64) -> Result<(Vec<i64>, i64), ()> {
        move |offset| {
            Ok((
                (offset..total.min(offset + Pager::PER_PAGE)).collect(),
                total,
            ))
        }
    }

    #[test]
    fn a_page_past_the_end_shows_the_last_page() {
        assert_eq!(Pager::offset(Some(i64::MAX)).0, i64::MAX / Pager::PER_PAGE);
        let (page, found, total) = Pager::fetch(i64::MAX, rows(120)).unwrap_or_default();
        assert_eq!((page, found.first().copied(), total), (3, Some(100), 120));
        let pager = Pager::new(page, total);
        assert_eq!((pager.page, pager.pages, pager.next), (3, 3, None));
        let (page, found, _) = Pager::fetch(-5, rows(120)).unwrap_or_default();
        assert_eq!((page, found.first().copied()), (1, Some(0)));
        let (page, found, _) = Pager::fetch(7, rows(0)).unwrap_or_default();
        assert_eq!((page, found.len()), (1, 0));
        assert_eq!(Pager::new(9_223_372_036_854_775_807, 1).page, 1);
    }
}
