//! Exchange-rate pages: the list by date and pair, with "latest on or before" a date and
//! numbered pages (`list`); adding and editing (`edit`); the latest rate of each pair, stale
//! ones flagged, with inverse and cross rates computed for pairs nobody stored (`latest`);
//! deleting a rate no document uses, after a confirmation page (`delete`). A locked rate —
//! one a posted journal entry used — can be neither edited nor deleted.

pub mod delete;
pub mod edit;
pub mod latest;
pub mod list;

use crate::db::master::exchange_rates::{self, StoredRate};
use crate::domain::decimal::Dec;
use crate::domain::ids::ExchangeRateId;
use crate::web::error::WebError;
use crate::web::extract::{Db, Ui};
use crate::web::kit::form::{CURRENCIES, OptionView};
use crate::web::kit::list::FilterView;

/// Rate `id`, which must exist (else a 404).
pub async fn load(db: &Db, id: ExchangeRateId) -> Result<StoredRate, WebError> {
    db.find(move |conn| exchange_rates::find(conn, id)).await
}

/// A rate as the reader writes numbers, all its digits kept.
pub fn rate_text(ui: &Ui, rate: &Dec) -> String {
    ui.formats().decimal_str(ui.locale(), &rate.canonical())
}

/// A drop-down of currencies: `none` (the label of choosing none: "all", "choose") first,
/// then the common currencies, then those of `more` not among them.
pub fn currency_filter(
    ui: &Ui,
    (name, label, none): (&str, &'static str, &'static str),
    more: &[&'static str],
    value: Option<&str>,
) -> FilterView {
    let mut options = vec![OptionView {
        value: String::new(),
        label: ui.t(none),
    }];
    let mut codes: Vec<&str> = CURRENCIES.to_vec();
    codes.extend(more.iter().filter(|c| !CURRENCIES.contains(c)));
    options.extend(codes.into_iter().map(|c| OptionView {
        value: c.into(),
        label: c.into(),
    }));
    FilterView {
        name: name.into(),
        label: ui.t(label),
        options,
        value: value.unwrap_or_default().to_owned(),
    }
}
