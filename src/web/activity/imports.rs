//! An import's commit in words: what it loaded, and each row it added or changed with the
//! changes the import showed for it.

use serde_json::Value as Json;

use super::fields::{self, CurrencyOf, FieldName, Value};
use super::phrase::{Line, Phrase, Piece, id_of, text_of};
use crate::domain::currency::Currency;
use crate::domain::decimal::Dec;
use crate::domain::message::key;
use crate::domain::money::Money;
use crate::import::{Change as ImportChange, Value as ImportValue};

/// How many rows of an import a sentence lists; the rest are counted.
pub const IMPORT_ROWS_SHOWN: usize = 20;

/// What an import of `kind` loads, in words.
pub fn import_kind_key(kind: crate::import::Kind) -> &'static str {
    use crate::import::Kind;
    match kind {
        Kind::Hotels => key("activity-import-hotels"),
        Kind::Transport => key("activity-import-transport"),
        Kind::Restaurants => key("activity-import-restaurants"),
        Kind::Attractions => key("activity-import-attractions"),
        Kind::Shops => key("activity-import-shops"),
        Kind::Guides => key("activity-import-guides"),
        Kind::Agencies => key("activity-import-agencies"),
        Kind::Rates => key("activity-import-rates"),
    }
}

/// What an import loaded; a kind unknown here is named as stored.
pub fn import_kind(kind: Option<&str>) -> Piece {
    match kind.and_then(crate::import::Kind::parse) {
        Some(kind) => Piece::Label(import_kind_key(kind)),
        None => Piece::Text(fields::readable_key(kind.unwrap_or_default())),
    }
}

fn import_status(status: Option<&str>) -> Piece {
    match status {
        Some("new") => Piece::Label(key("activity-import-row-new")),
        Some("changed") => Piece::Label(key("activity-import-row-changed")),
        other => Piece::Text(other.unwrap_or_default().to_owned()),
    }
}

/// An import's value as its preview showed it, for a sentence.
fn import_value(value: ImportValue) -> Value {
    match value {
        ImportValue::Empty => Value::Empty,
        ImportValue::Text(t) => Value::Text(t),
        ImportValue::Number(n) => Value::Decimal(n),
        ImportValue::Integer(i) => Value::Integer(i),
        ImportValue::Date(d) => Value::Date(d),
        ImportValue::Money { amount, currency } => {
            let money = Currency::parse(&currency).ok().and_then(|c| {
                let amount = Dec::parse_canonical(&amount).ok()?;
                Money::from_dec(amount, c).ok()
            });
            match money {
                Some(m) => Value::Money {
                    minor: m.minor,
                    currency: CurrencyOf::Known(m.currency),
                },
                None => Value::Text(format!("{amount} {currency}")),
            }
        }
        ImportValue::Label(id) => Value::LoggedLabel(id),
    }
}

/// One field an import row set: `field: before → after` for a stored record, `field: value`
/// for a new one. Rows logged before values were typed hold text, which reads the same way.
fn change_phrase(change: Json) -> Phrase {
    let Ok(c) = serde_json::from_value::<ImportChange>(change) else {
        return Phrase {
            id: key("activity-value-line"),
            args: vec![
                ("field", Piece::Field(FieldName::Unnamed(String::new()))),
                ("value", Piece::Value(Value::Unreadable)),
            ],
        };
    };
    let name = if c.field.starts_with(|ch: char| ch.is_ascii_lowercase())
        && c.field
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch == '-')
    {
        FieldName::Logged(c.field)
    } else {
        FieldName::Unnamed(c.field)
    };
    let after = Piece::Value(import_value(c.after));
    match c.before {
        Some(before) => Phrase {
            id: key("activity-change-line"),
            args: vec![
                ("field", Piece::Field(name)),
                ("before", Piece::Value(import_value(before))),
                ("after", after),
            ],
        },
        None => Phrase {
            id: key("activity-value-line"),
            args: vec![("field", Piece::Field(name)), ("value", after)],
        },
    }
}

/// An import's rows that added or changed something, each with the fields it set as the
/// import's preview showed them.
pub fn import_lines(after: Option<&Json>) -> Vec<Line> {
    let rows = after
        .and_then(|a| a.get("rows"))
        .and_then(Json::as_array)
        .cloned()
        .unwrap_or_default();
    let mut lines = Vec::new();
    for row in rows.iter().take(IMPORT_ROWS_SHOWN) {
        let row = Some(row);
        lines.push(Line {
            phrase: Phrase {
                id: key("activity-import-row"),
                args: vec![
                    (
                        "line",
                        Piece::Value(Value::Integer(id_of(row, "line").unwrap_or(0))),
                    ),
                    (
                        "label",
                        Piece::Text(text_of(row, "label").unwrap_or_default()),
                    ),
                    ("status", import_status(text_of(row, "status").as_deref())),
                ],
            },
            nested: false,
        });
        let changes = row
            .and_then(|r| r.get("changes"))
            .and_then(Json::as_array)
            .cloned()
            .unwrap_or_default();
        for c in changes {
            lines.push(Line {
                phrase: change_phrase(c),
                nested: true,
            });
        }
    }
    if rows.len() > IMPORT_ROWS_SHOWN {
        let more = i64::try_from(rows.len() - IMPORT_ROWS_SHOWN).unwrap_or(i64::MAX);
        lines.push(Line {
            phrase: Phrase {
                id: key("activity-import-more"),
                args: vec![("count", Piece::Count(more))],
            },
            nested: false,
        });
    }
    lines
}
