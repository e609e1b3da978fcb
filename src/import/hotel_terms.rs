//! The contract terms of a hotel rate row: extra bed, child rate and ages, breakfast, single
//! supplement, minimum nights and complimentary — the same fields, rules and messages as the
//! rate form. A blank cell keeps a stored rate's term; the clear marker removes an optional
//! one (a required one — breakfast, minimum nights, complimentary — goes back to its default
//! only when typed).

use super::Value;
use super::fill::{Currencies, Fill};
use super::reader::{Cell, RowReader};
use super::sheet::{CellKind, Column};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::master::contracts::{
    Breakfast, ChildBand, ChildRate, MAX_CHILD_AGE, MAX_MIN_NIGHTS, RateTerms,
};
use crate::domain::message::{Message, key};
use crate::domain::money::Money;

/// The columns of the terms, after the room rate's.
pub const COLUMNS: [Column; 8] = [
    Column::optional(
        "extra_bed",
        key("contracts-extra-bed"),
        CellKind::Number,
        "800",
    ),
    Column::optional(
        "child_rate",
        key("contracts-child-rate"),
        CellKind::Number,
        "500",
    ),
    Column::optional(
        "child_ages",
        key("contracts-child-ages-column"),
        CellKind::Text,
        "4-11",
    )
    .with_note(key("contracts-child-ages-note")),
    Column::defaulted(
        "breakfast",
        key("contracts-breakfast"),
        CellKind::Text,
        "included",
    )
    .with_choices(&["included", "extra", "none"]),
    Column::optional(
        "breakfast_price",
        key("contracts-breakfast-price"),
        CellKind::Number,
        "350",
    ),
    Column::optional(
        "single_supplement",
        key("contracts-single-supplement"),
        CellKind::Number,
        "1200",
    ),
    Column::defaulted(
        "min_nights",
        key("contracts-min-nights"),
        CellKind::Number,
        "1",
    ),
    Column::defaulted(
        "complimentary",
        key("contracts-complimentary-column"),
        CellKind::Text,
        "no",
    )
    .with_choices(&["no", "yes"]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BreakfastKind {
    Included,
    Extra,
    None,
}

const BREAKFAST: [(&str, &str, BreakfastKind); 3] = [
    (
        "included",
        key("contracts-breakfast-included"),
        BreakfastKind::Included,
    ),
    (
        "extra",
        key("contracts-breakfast-extra"),
        BreakfastKind::Extra,
    ),
    ("none", key("contracts-breakfast-none"), BreakfastKind::None),
];

const YES_NO: [(&str, &str, bool); 2] = [
    ("yes", key("imports-yes"), true),
    ("no", key("imports-no"), false),
];

/// What a row's term cells say, before the rate they belong to is known.
pub struct TermCells {
    extra_bed: Cell<Dec>,
    child_rate: Cell<Dec>,
    child_ages: Cell<String>,
    breakfast: Cell<BreakfastKind>,
    breakfast_price: Cell<Dec>,
    single: Cell<Dec>,
    min_nights: Cell<i64>,
    complimentary: Cell<bool>,
}

pub fn read(r: &mut RowReader<'_>) -> TermCells {
    TermCells {
        extra_bed: r.decimal("extra_bed", key("contracts-extra-bed")),
        child_rate: r.decimal("child_rate", key("contracts-child-rate")),
        child_ages: r.text("child_ages", key("contracts-child-ages-column"), 20),
        breakfast: r.choice("breakfast", key("contracts-breakfast"), &BREAKFAST),
        breakfast_price: r.decimal("breakfast_price", key("contracts-breakfast-price")),
        single: r.decimal("single_supplement", key("contracts-single-supplement")),
        min_nights: r.integer(
            "min_nights",
            key("contracts-min-nights"),
            1,
            i64::from(MAX_MIN_NIGHTS),
        ),
        complimentary: r.choice(
            "complimentary",
            key("contracts-complimentary-column"),
            &YES_NO,
        ),
    }
}

/// `4-11` (or `4–11`) as a child band.
fn band(text: &str) -> Option<ChildBand> {
    let (a, b) = text.split_once(['-', '–'])?;
    let (from_age, to_age) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    (from_age <= to_age && to_age <= MAX_CHILD_AGE).then_some(ChildBand { from_age, to_age })
}

fn band_text(b: &ChildBand) -> String {
    format!("{}-{}", b.from_age, b.to_age)
}

/// The rate's terms: the cells over the stored rate's (`before`), each change noted for the
/// preview; `None` with the row's errors when a cell or the terms' rule refuses. `rate` is the
/// room rate they go with, in `currency`.
pub fn fill(
    fill: &mut Fill<'_>,
    before: Option<(&RateTerms, Currency)>,
    cells: TermCells,
    rate: Money,
) -> Option<RateTerms> {
    let currency = rate.currency;
    let currencies = Currencies {
        before: before.map(|(_, c)| c),
        after: currency,
    };
    let t = before.map(|(t, _)| t);
    let extra_bed = fill.optional_amount(
        key("contracts-extra-bed"),
        t.map(|t| &t.extra_bed),
        cells.extra_bed,
        currencies,
    );
    let single = fill.optional_amount(
        key("contracts-single-supplement"),
        t.map(|t| &t.single_supplement),
        cells.single,
        currencies,
    );
    let child_minor = t.map(|t| t.child.map(|c| c.minor));
    let child_rate = fill.optional_amount(
        key("contracts-child-rate"),
        child_minor.as_ref(),
        cells.child_rate,
        currencies,
    );
    let ages_before = t.map(|t| t.child.map(|c| band_text(&c.band)).unwrap_or_default());
    let ages = fill.text(
        key("contracts-child-ages-column"),
        ages_before.as_ref(),
        cells.child_ages,
    );
    let breakfast_before = t.map(|t| match t.breakfast {
        Breakfast::Included => BreakfastKind::Included,
        Breakfast::PerPerson(_) => BreakfastKind::Extra,
        Breakfast::NotOffered => BreakfastKind::None,
    });
    let kind = fill.defaulted(
        key("contracts-breakfast"),
        breakfast_before.as_ref(),
        cells.breakfast,
        BreakfastKind::Included,
        |k| {
            let label = BREAKFAST
                .iter()
                .find(|(_, _, v)| v == k)
                .map_or("", |b| b.1);
            Value::label(label)
        },
    );
    let price_before = t.map(|t| match t.breakfast {
        Breakfast::PerPerson(m) => Some(m),
        Breakfast::Included | Breakfast::NotOffered => None,
    });
    let price = fill.optional_amount(
        key("contracts-breakfast-price"),
        price_before.as_ref(),
        cells.breakfast_price,
        currencies,
    );
    let nights_before = t.map(|t| i64::from(t.min_nights));
    let min_nights = fill.defaulted(
        key("contracts-min-nights"),
        nights_before.as_ref(),
        cells.min_nights,
        1,
        |n| Value::Integer(*n),
    );
    let complimentary = fill.defaulted(
        key("contracts-complimentary-column"),
        t.map(|t| &t.complimentary),
        cells.complimentary,
        false,
        |c| {
            Value::label(if *c {
                key("imports-yes")
            } else {
                key("imports-no")
            })
        },
    );
    let (extra_bed, single, child_rate, ages, kind, price, min_nights, complimentary) = (
        extra_bed?,
        single?,
        child_rate?,
        ages?,
        kind?,
        price?,
        min_nights?,
        complimentary?,
    );
    let child = match (child_rate, ages.trim()) {
        (None, "") => None,
        (Some(minor), text) => match band(text) {
            Some(band) => Some(ChildRate { minor, band }),
            None => {
                fill.out.error(
                    Message::new("imports-error-refused")
                        .label("column", key("contracts-child-ages-column"))
                        .arg("value", text)
                        .message("reason", Message::new("contracts-error-child-ages-column")),
                );
                return None;
            }
        },
        (None, _) => {
            fill.out.error(Message::new("contracts-error-child-rate"));
            return None;
        }
    };
    let breakfast = match (kind, price) {
        (BreakfastKind::Included, _) => Breakfast::Included,
        (BreakfastKind::None, _) => Breakfast::NotOffered,
        (BreakfastKind::Extra, Some(p)) => Breakfast::PerPerson(p),
        (BreakfastKind::Extra, None) => {
            fill.out.error(
                Message::new("imports-error-refused")
                    .label("column", key("contracts-breakfast-price"))
                    .arg("value", "")
                    .message("reason", Message::new("contracts-error-breakfast-price")),
            );
            return None;
        }
    };
    let terms = RateTerms {
        extra_bed,
        child,
        breakfast,
        single_supplement: single,
        min_nights: u16::try_from(min_nights).unwrap_or(1),
        complimentary,
    };
    match terms.check(rate) {
        Ok(()) => Some(terms),
        Err(e) => {
            fill.out.error(e.message());
            None
        }
    }
}
