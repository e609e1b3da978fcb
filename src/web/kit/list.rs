//! Lists: the list view described in Rust and drawn by `master/list.html` (`ListPage`), the
//! query every list takes (`ListParams`: search, sort, page, filters, archived), and paging
//! (`Pager`: previous, next and numbered pages around the current one, drawn by
//! `master/pager.html`; a page past the last says so and links to the last one).

use serde::Serialize;

use diesel::QueryResult;

use crate::db::AnyConnection;
use crate::db::listing::{Listing, Paged, SortKey};
use crate::domain::message::{Message, key};
use crate::web::error::WebError;
use crate::web::extract::{Db, Ui};
use crate::web::kit::form::OptionView;

/// A list column header, sortable when it has a sort key.
#[derive(Serialize)]
pub struct ColumnView {
    pub label: String,
    pub href: Option<String>,
    pub numeric: bool,
}

#[derive(Serialize)]
pub struct CellView {
    pub text: String,
    pub href: Option<String>,
    /// `badge on`, `badge off`, `num`... a CSS class, or empty.
    pub class: &'static str,
    pub lang: Option<String>,
    /// Values listed in one cell, each kept on one line: a line breaks between them only.
    pub parts: Vec<String>,
}

impl CellView {
    pub fn text(text: impl Into<String>) -> CellView {
        CellView {
            text: text.into(),
            href: None,
            class: "",
            lang: None,
            parts: Vec::new(),
        }
    }

    /// Several values in one cell (a guide's languages), none broken across lines.
    pub fn parts(parts: Vec<String>) -> CellView {
        CellView {
            parts,
            ..CellView::text(String::new())
        }
    }

    pub fn link(text: impl Into<String>, href: String) -> CellView {
        CellView {
            href: Some(href),
            ..CellView::text(text)
        }
    }

    pub fn num(text: impl Into<String>) -> CellView {
        CellView {
            class: "num",
            ..CellView::text(text)
        }
    }

    /// A badge in one of four tones: good, to watch, bad, or nothing known.
    pub fn status(text: impl Into<String>, tone: Tone) -> CellView {
        CellView {
            class: match tone {
                Tone::Good => "badge on",
                Tone::Watch => "badge warn",
                Tone::Bad => "badge off",
                Tone::Unknown => "badge none",
            },
            ..CellView::text(text)
        }
    }

    pub fn badge(text: impl Into<String>, on: bool) -> CellView {
        CellView {
            class: if on { "badge on" } else { "badge off" },
            ..CellView::text(text)
        }
    }
}

/// How a status badge reads at a glance, besides its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Watch,
    Bad,
    Unknown,
}

#[derive(Serialize)]
pub struct RowView {
    pub cells: Vec<CellView>,
}

#[derive(Serialize)]
pub struct TabView {
    pub href: String,
    pub label: String,
    pub active: bool,
}

/// A filter drop-down above a list.
#[derive(Serialize)]
pub struct FilterView {
    pub name: String,
    pub label: String,
    pub options: Vec<OptionView>,
    pub value: String,
}

#[derive(Serialize)]
pub struct LinkView {
    pub href: String,
    pub label: String,
}

/// The whole list page.
#[derive(Serialize)]
pub struct ListPage {
    pub title: String,
    pub base: String,
    pub tabs: Vec<TabView>,
    pub actions: Vec<LinkView>,
    pub q: String,
    pub sort: String,
    pub search_placeholder: String,
    pub filters: Vec<FilterView>,
    pub archived: bool,
    pub archived_href: String,
    pub columns: Vec<ColumnView>,
    pub rows: Vec<RowView>,
    pub total: String,
    pub pager: Pager,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
    /// The numbered page links, in order, with gaps (empty when there is one page).
    pub page_links: Vec<PageLink>,
    pub empty_text: String,
}

/// One numbered page of a list's pager, or a gap between two of them.
#[derive(Serialize)]
pub struct PageLink {
    /// The page number as the reader writes numbers; empty for a gap.
    pub label: String,
    pub number: Option<i64>,
    /// A link to the page; none for the page shown and for a gap.
    pub href: Option<String>,
    pub current: bool,
}

impl ListPage {
    /// A list of `total` rows showing `page`: search box, sort, archive toggle, paging and the
    /// empty text come from `params`; the caller sets the title, columns, rows, filters and
    /// actions. `empty` is the list's own "nothing here yet" message id.
    pub fn new(
        ui: &Ui,
        params: &ListParams,
        base: &str,
        (page, total): (i64, i64),
        empty: &'static str,
    ) -> ListPage {
        let pager = Pager::new(page, total);
        let (prev_href, next_href) = pager_links(params, base, &pager);
        let page_links = page_links(ui, params, base, &pager);
        let searching = params.q.as_deref().is_some_and(|q| !q.trim().is_empty());
        let empty_text = if pager.past_end {
            past_end_text(ui, &pager)
        } else {
            ui.t(if searching {
                key("list-empty-search")
            } else {
                empty
            })
        };
        ListPage {
            title: String::new(),
            base: base.to_owned(),
            tabs: Vec::new(),
            actions: Vec::new(),
            q: params.q.clone().unwrap_or_default(),
            sort: params.sort.clone().unwrap_or_default(),
            search_placeholder: String::new(),
            filters: Vec::new(),
            archived: params.show_archived(),
            archived_href: params.href(
                base,
                &[
                    (
                        "archived",
                        (!params.show_archived()).then(|| "1".to_owned()),
                    ),
                    ("page", None),
                ],
            ),
            columns: Vec::new(),
            rows: Vec::new(),
            total: ui.formats().integer(ui.locale(), total),
            pager,
            prev_href,
            next_href,
            page_links,
            empty_text,
        }
    }

    /// "New" and, where the list has one, "Import from Excel": for those who may edit it.
    pub fn add_actions(&mut self, ui: &Ui, new: (&str, &'static str), import: Option<String>) {
        self.actions.push(LinkView {
            href: new.0.to_owned(),
            label: ui.t(new.1),
        });
        if let Some(import) = import {
            self.actions.push(LinkView {
                href: import,
                label: ui.t(key("imports-from-excel")),
            });
        }
    }
}

impl FilterView {
    /// A drop-down of `values`, "all" first, with `current` chosen.
    pub fn of(
        ui: &Ui,
        name: &str,
        label: &'static str,
        values: Vec<String>,
        current: Option<&str>,
    ) -> FilterView {
        let mut options = vec![OptionView {
            value: String::new(),
            label: ui.t(key("list-all")),
        }];
        options.extend(values.into_iter().map(|v| OptionView {
            value: v.clone(),
            label: v,
        }));
        FilterView {
            name: name.to_owned(),
            label: ui.t(label),
            options,
            value: current.unwrap_or_default().to_owned(),
        }
    }
}

/// The query of a list page: search, sort, page, filters, archived.
#[derive(serde::Deserialize, Default)]
pub struct ListParams {
    pub q: Option<String>,
    pub sort: Option<String>,
    pub page: Option<i64>,
    pub archived: Option<String>,
    pub city: Option<String>,
    pub language: Option<String>,
    pub market: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub date: Option<String>,
    pub status: Option<String>,
    pub agency: Option<String>,
}

impl ListParams {
    /// The column the list is sorted by and whether it is reversed.
    pub fn order<S: SortKey>(&self) -> (S, bool) {
        S::parse(self.sort.as_deref().unwrap_or_default())
    }

    /// The search, order and first page these parameters ask of a list.
    pub fn listing<S: SortKey>(&self) -> Listing<S> {
        let (sort, descending) = self.order();
        Listing {
            search: self.q.clone(),
            sort,
            descending,
            offset: 0,
            limit: Pager::PER_PAGE,
        }
    }

    pub fn show_archived(&self) -> bool {
        self.archived.as_deref() == Some("1")
    }

    /// A link to this list with `changes` applied (`None` removes the parameter).
    pub fn href(&self, base: &str, changes: &[(&str, Option<String>)]) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let current: [(&str, Option<String>); 12] = [
            ("q", self.q.clone()),
            ("city", self.city.clone()),
            ("language", self.language.clone()),
            ("market", self.market.clone()),
            ("from", self.from.clone()),
            ("to", self.to.clone()),
            ("date", self.date.clone()),
            ("status", self.status.clone()),
            ("agency", self.agency.clone()),
            ("archived", self.archived.clone()),
            ("sort", self.sort.clone()),
            ("page", self.page.map(|p| p.to_string())),
        ];
        for (name, value) in current {
            let value = match changes.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => v.clone(),
                None => value,
            };
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                pairs.push((name, v));
            }
        }
        match serde_urlencoded::to_string(&pairs) {
            Ok(qs) if !qs.is_empty() => format!("{base}?{qs}"),
            _ => base.to_owned(),
        }
    }

    /// A sortable column header: clicking the sorted column reverses it.
    pub fn column(&self, base: &str, label: String, sort_key: &str, default: &str) -> ColumnView {
        let current = self.sort.as_deref().unwrap_or(default);
        let next = if current == sort_key {
            format!("-{sort_key}")
        } else {
            sort_key.to_owned()
        };
        ColumnView {
            label,
            href: Some(self.href(base, &[("sort", Some(next)), ("page", None)])),
            numeric: false,
        }
    }
}

pub fn plain_column(label: String) -> ColumnView {
    ColumnView {
        label,
        href: None,
        numeric: false,
    }
}

/// Fills the pager links of a list page.
pub fn pager_links(
    params: &ListParams,
    base: &str,
    pager: &Pager,
) -> (Option<String>, Option<String>) {
    (
        pager
            .prev
            .map(|p| params.href(base, &[("page", Some(p.to_string()))])),
        pager
            .next
            .map(|p| params.href(base, &[("page", Some(p.to_string()))])),
    )
}

/// The numbered links of a list page's pager ([`Pager::numbers`]).
pub fn page_links(ui: &Ui, params: &ListParams, base: &str, pager: &Pager) -> Vec<PageLink> {
    pager
        .numbers
        .iter()
        .map(|n| match *n {
            Some(n) => PageLink {
                label: ui.formats().integer(ui.locale(), n),
                number: Some(n),
                href: (n != pager.page)
                    .then(|| params.href(base, &[("page", Some(n.to_string()))])),
                current: n == pager.page,
            },
            None => PageLink {
                label: String::new(),
                number: None,
                href: None,
                current: false,
            },
        })
        .collect()
}

/// A db function answering one page of a list's rows and how many match in all.
pub type ListFn<Q, T> = fn(&mut AnyConnection, &Q) -> QueryResult<(Vec<T>, i64)>;

/// What a page past the last says: that it holds no rows, and how many pages there are.
pub fn past_end_text(ui: &Ui, pager: &Pager) -> String {
    ui.message(&Message::new("list-empty-page").count("pages", pager.pages))
}

/// Loads page `page` of `query` with `list` in one read (the last page when `page` is past
/// it). Returns the page shown, its rows and how many rows match in all.
pub async fn fetch<Q: Paged, T: Send + 'static>(
    db: &Db,
    page: Option<i64>,
    mut query: Q,
    list: ListFn<Q, T>,
) -> Result<(i64, Vec<T>, i64), WebError> {
    db.read(move |conn| -> Result<_, WebError> {
        Ok(Pager::fetch(page, |offset| {
            *query.offset_mut() = offset;
            list(conn, &query)
        })?)
    })
    .await
}

/// Page number and offsets for lists; `page` counts from 1.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Pager {
    pub page: i64,
    pub pages: i64,
    pub total: i64,
    /// The way back from a page past the last is the last page.
    pub prev: Option<i64>,
    pub next: Option<i64>,
    /// The page asked for lies past the last one: it holds no rows.
    pub past_end: bool,
    /// The page numbers to offer, in order, `None` standing for a gap: the first and last
    /// pages and [`Pager::AROUND`] pages either side of the current one. Empty for one page.
    pub numbers: Vec<Option<i64>>,
}

impl Pager {
    pub const PER_PAGE: i64 = 50;
    /// How many numbered pages are offered either side of the current one.
    pub const AROUND: i64 = 2;
    /// The highest page number whose offset does not overflow.
    const MAX_PAGE: i64 = i64::MAX / Self::PER_PAGE;

    /// The asked page, at least 1, and its offset.
    fn offset(page: Option<i64>) -> (i64, i64) {
        let page = page.unwrap_or(1).clamp(1, Self::MAX_PAGE);
        (page, (page - 1) * Self::PER_PAGE)
    }

    /// Loads the asked page (the first when none is asked) with `load(offset)`, which returns
    /// the page's rows and the total. Returns the page, its rows, the total; a page past the
    /// last has no rows.
    pub fn fetch<T, E>(
        page: Option<i64>,
        mut load: impl FnMut(i64) -> Result<(Vec<T>, i64), E>,
    ) -> Result<(i64, Vec<T>, i64), E> {
        let (page, offset) = Self::offset(page);
        let (rows, total) = load(offset)?;
        Ok((page, rows, total))
    }

    fn pages(total: i64) -> i64 {
        ((total.max(0) + Self::PER_PAGE - 1) / Self::PER_PAGE).max(1)
    }

    pub fn new(page: i64, total: i64) -> Pager {
        let pages = Self::pages(total);
        let page = page.clamp(1, Self::MAX_PAGE);
        Pager {
            page,
            pages,
            total,
            prev: (page > 1).then(|| (page - 1).min(pages)),
            next: (page < pages).then_some(page + 1),
            past_end: page > pages,
            numbers: Self::window(page, pages),
        }
    }

    /// Page 1, the pages around `page` (the last page's, past the end) and the last page, with
    /// `None` where pages are left out; a gap of one page shows that page instead.
    fn window(page: i64, pages: i64) -> Vec<Option<i64>> {
        if pages <= 1 {
            return Vec::new();
        }
        let current = page.min(pages);
        let mut wanted = vec![1, pages];
        wanted.extend((current - Self::AROUND).max(1)..=(current + Self::AROUND).min(pages));
        wanted.sort_unstable();
        wanted.dedup();
        let mut out = Vec::with_capacity(wanted.len() + 2);
        let mut shown = 0;
        for n in wanted {
            match n - shown {
                2 => out.push(Some(n - 1)),
                gap if gap > 2 => out.push(None),
                _ => {}
            }
            out.push(Some(n));
            shown = n;
        }
        out
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
    fn a_page_past_the_end_is_empty_and_leads_back_to_the_last() {
        assert_eq!(Pager::offset(Some(i64::MAX)).0, i64::MAX / Pager::PER_PAGE);
        let (page, found, total) = Pager::fetch(Some(7), rows(120)).unwrap_or_default();
        assert_eq!((page, found.len(), total), (7, 0, 120));
        let pager = Pager::new(page, total);
        assert_eq!((pager.pages, pager.prev, pager.next), (3, Some(3), None));
        assert!(pager.past_end);
        let (page, found, _) = Pager::fetch(Some(-5), rows(120)).unwrap_or_default();
        assert_eq!((page, found.first().copied()), (1, Some(0)));
        let last = Pager::new(3, 120);
        assert_eq!(
            (last.prev, last.next, last.past_end),
            (Some(2), None, false)
        );
        let empty = Pager::new(1, 0);
        assert_eq!((empty.pages, empty.past_end), (1, false));
        assert!(Pager::new(i64::MAX, 1).past_end);
    }

    #[test]
    fn numbered_pages_show_the_ends_and_the_neighbourhood_with_gaps() {
        let numbers = |page, total| Pager::new(page, total).numbers;
        assert_eq!(
            numbers(1, 50),
            Vec::<Option<i64>>::new(),
            "one page, no numbers"
        );
        let all: Vec<Option<i64>> = (1..=5).map(Some).collect();
        assert_eq!(numbers(1, 250), all, "a gap of one page shows the page");
        assert_eq!(
            numbers(10, 1000),
            vec![
                Some(1),
                None,
                Some(8),
                Some(9),
                Some(10),
                Some(11),
                Some(12),
                None,
                Some(20)
            ]
        );
        assert_eq!(
            numbers(4, 1000),
            [1, 2, 3, 4, 5, 6]
                .into_iter()
                .map(Some)
                .chain([None, Some(20)])
                .collect::<Vec<_>>()
        );
        assert_eq!(
            numbers(99, 1000),
            vec![Some(1), None, Some(18), Some(19), Some(20)],
            "past the end, around the last page"
        );
        let huge = Pager::new(3, 1_000_000_000_000);
        assert_eq!(huge.numbers.len(), 7, "never one entry per page");
    }
}
