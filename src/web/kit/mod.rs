//! What the pages of every area share: forms (`form`), lists (`list`), the writes of a master
//! record's pages (`record`), the question before a destructive action (`confirm`), and money
//! as text.

pub mod calendar;
pub mod confirm;
pub mod form;
pub mod list;
pub mod record;

use serde::Serialize;

use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
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

/// The amount as a form shows it for editing, in the reader's decimal mark and without
/// grouping (`1200.50`, `1200,50` in Vietnamese), so that it reads back as it was.
pub fn money_input(ui: &Ui, minor: i64, currency: Currency) -> String {
    with_decimal_mark(ui, Money::new(minor, currency).amount_text())
}

/// A number as a form shows it for editing, in the reader's decimal mark (`35.1`, `35,1`).
pub fn number_input(ui: &Ui, value: &Dec) -> String {
    with_decimal_mark(ui, value.canonical())
}

fn with_decimal_mark(ui: &Ui, canonical: String) -> String {
    match ui.locale().number_style().decimal {
        '.' => canonical,
        mark => canonical.replace('.', &mark.to_string()),
    }
}

/// A name followed by its local-script form, when it has one: `Wang Fang · 王芳`.
pub fn with_local_name(name: &str, local_name: &str) -> String {
    if local_name.is_empty() {
        name.to_owned()
    } else {
        format!("{name} · {local_name}")
    }
}

/// One "label: value" line of a record's page.
#[derive(Serialize)]
pub struct DetailView {
    pub label: String,
    pub value: String,
}

/// A record page's lines, from (label id, value) pairs; empty values are left out.
pub fn details(
    ui: &Ui,
    pairs: impl IntoIterator<Item = (&'static str, String)>,
) -> Vec<DetailView> {
    pairs
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .map(|(label, value)| DetailView {
            label: ui.t(label),
            value,
        })
        .collect()
}
