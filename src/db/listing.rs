//! What every list asks of its table — a search, an order, a page ([`Listing`]) — and the
//! order as its `sort` parameter names it: `sort=city` sorts by the city column, `sort=-city`
//! by the same column in reverse.

/// What every list asks of its table; each list's query adds its own filters beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing<S> {
    /// Text to look for (matched on the rows' search keys).
    pub search: Option<String>,
    pub sort: S,
    pub descending: bool,
    pub offset: i64,
    pub limit: i64,
}

impl<S: SortKey> Listing<S> {
    /// The first `limit` rows in the default order.
    pub fn first(limit: i64) -> Listing<S> {
        Listing {
            search: None,
            sort: S::default(),
            descending: false,
            offset: 0,
            limit,
        }
    }
}

impl<S> Listing<S> {
    /// The search text, trimmed; `None` when there is nothing to look for.
    pub fn term(&self) -> Option<&str> {
        self.search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
    }
}

/// A list's query, whose page can be moved.
pub trait Paged: Send + 'static {
    fn offset_mut(&mut self) -> &mut i64;
}

/// The columns a list may be sorted by.
pub trait SortKey: Copy + Default + 'static {
    /// Each column's word in the `sort` parameter.
    const WORDS: &'static [(&'static str, Self)];

    /// Parses `word` or `-word` (reversed); anything else sorts by the default column, not
    /// reversed. Returns the column and whether it is reversed.
    fn parse(raw: &str) -> (Self, bool) {
        let (reversed, word) = match raw.strip_prefix('-') {
            Some(word) => (true, word),
            None => (false, raw),
        };
        match Self::WORDS.iter().find(|(w, _)| *w == word) {
            Some((_, key)) => (*key, reversed),
            None => (Self::default(), false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SortKey;

    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    enum By {
        #[default]
        Name,
        City,
    }

    impl SortKey for By {
        const WORDS: &'static [(&'static str, By)] = &[("name", By::Name), ("city", By::City)];
    }

    #[test]
    fn words_and_their_reverse_parse_and_anything_else_is_the_default() {
        assert_eq!(By::parse("city"), (By::City, false));
        assert_eq!(By::parse("-city"), (By::City, true));
        assert_eq!(By::parse("-name"), (By::Name, true));
        assert_eq!(By::parse("population"), (By::Name, false));
        assert_eq!(By::parse("--city"), (By::Name, false));
        assert_eq!(By::parse(""), (By::Name, false));
    }
}
