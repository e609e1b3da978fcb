//! What the pages of every area share: forms (`form`), lists (`list`), the writes of a master
//! record's pages (`record`), and money as text.

pub mod form;
pub mod list;
pub mod record;

use serde::Serialize;

use crate::domain::currency::Currency;
use crate::domain::money::Money;
use crate::web::extract::Ui;

/// An amount for display: locale digits and the currency code. Templates never format money.
pub fn money_text(ui: &Ui, minor: i64, currency: Currency) -> String {
    let m = Money::new(minor, currency);
    format!(
        "{} {}",
        ui.formats().decimal_str(ui.locale(), &m.amount_text()),
        currency.code()
    )
}

/// The amount as a form shows it for editing (`1200.50`).
pub fn money_input(minor: i64, currency: Currency) -> String {
    Money::new(minor, currency).amount_text()
}

/// One "label: value" line of a record's page.
#[derive(Serialize)]
pub struct DetailView {
    pub label: String,
    pub value: String,
}
