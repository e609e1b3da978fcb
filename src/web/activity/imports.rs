//! An import's commit in words: what it loaded, and each row it added or changed with the
//! changes the import showed for it.

use serde_json::Value as Json;

use super::fields::{self, FieldName, Value};
use super::phrase::{Line, Phrase, Piece, id_of, text_of};
use crate::domain::message::key;

/// How many rows of an import a sentence lists; the rest are counted.
pub const IMPORT_ROWS_SHOWN: usize = 20;

/// What an import of `kind` loads, in words.
pub fn import_kind_key(kind: crate::import::Kind) -> &'static str {
    use crate::import::Kind;
    match kind {
        Kind::Hotels => key("activity-import-hotels"),
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

/// An import's rows that added or changed something, each with its changes as the import
/// showed them (the field's message id, before and after as text).
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
        for c in &changes {
            let c = Some(c);
            let as_value = |k: &str| {
                c.and_then(|c| c.get(k))
                    .map_or(Value::Empty, |v| fields::shaped(k, v, &Default::default()))
            };
            let field = text_of(c, "field").unwrap_or_default();
            let name = if field.starts_with(|ch: char| ch.is_ascii_lowercase())
                && field.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-')
            {
                FieldName::Logged(field)
            } else {
                FieldName::Unnamed(field)
            };
            lines.push(Line {
                phrase: Phrase {
                    id: key("activity-change-line"),
                    args: vec![
                        ("field", Piece::Field(name)),
                        ("before", Piece::Value(as_value("before"))),
                        ("after", Piece::Value(as_value("after"))),
                    ],
                },
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
