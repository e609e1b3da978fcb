//! What the rows of one sheet say against each other, found before any row is applied, and the
//! example row of the templates that once carried one in their data area.
//!
//! A sheet that names one record twice would otherwise have its last row win silently; rows of
//! one hotel (or transport company) that give it different details the same.

use std::collections::BTreeMap;

use super::Kind;
use super::sheet::{CellKind, RowCells};
use crate::domain::decimal::Dec;
use crate::domain::message::{Message, key};
use crate::domain::text::search_key;

/// Each row's errors for what it says against an earlier row, by line.
pub fn conflicts(kind: Kind, rows: &[RowCells]) -> BTreeMap<usize, Vec<Message>> {
    let mut found = duplicates(kind, rows);
    if kind == Kind::Transport {
        for (line, errors) in vehicles_without_plates(rows) {
            found.entry(line).or_default().extend(errors);
        }
    }
    let party = match kind {
        Kind::Hotels => Some((key("imports-error-hotel-conflict"), HOTEL_FIELDS)),
        Kind::Transport => Some((key("imports-error-company-conflict"), COMPANY_FIELDS)),
        _ => None,
    };
    if let Some((message, fields)) = party {
        for (line, errors) in disagreements(rows, message, fields) {
            found.entry(line).or_default().extend(errors);
        }
    }
    found
}

/// The hotel-level columns that every row of one hotel must agree on.
const HOTEL_FIELDS: &[(&str, &str)] = &[
    ("local_name", key("suppliers-local-name")),
    ("country", key("suppliers-col-country")),
    ("stars", key("suppliers-col-stars")),
    ("currency", key("suppliers-col-currency")),
];

/// The company-level columns that every row of one transport company must agree on.
const COMPANY_FIELDS: &[(&str, &str)] = &[
    ("local_name", key("suppliers-local-name")),
    ("country", key("suppliers-col-country")),
    ("currency", key("suppliers-col-currency")),
    ("contact_name", key("suppliers-col-contact")),
    ("phone", key("suppliers-phone")),
    ("email", key("suppliers-email")),
    ("address", key("suppliers-address")),
];

fn keyed(row: &RowCells, fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| search_key(row.get(f)))
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// What identifies a row's record; `None` when the row does not say (its own error).
fn record_key(kind: Kind, row: &RowCells) -> Option<String> {
    let named = |field: &str| !row.get(field).is_empty();
    let key = match kind {
        Kind::Hotels => keyed(row, &["hotel", "city", "room_type", "starts_on", "ends_on"]),
        Kind::Transport if named("plate") => keyed(row, &["name", "city", "plate"]),
        Kind::Transport => keyed(row, &["name", "city", "vehicle_type", "plate"]),
        Kind::Restaurants | Kind::Attractions | Kind::Shops => keyed(row, &["name", "city"]),
        Kind::Guides if named("licence_number") => keyed(row, &["licence_number"]),
        Kind::Guides => keyed(row, &["name"]),
        Kind::Agencies => keyed(row, &["name"]),
        Kind::Rates => keyed(row, &["date", "from", "to"]),
    };
    let first = kind.columns().first().map_or("", |c| c.field);
    (!row.get(first).is_empty()).then_some(key)
}

/// Rows that name a record an earlier row named.
fn duplicates(kind: Kind, rows: &[RowCells]) -> BTreeMap<usize, Vec<Message>> {
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    let mut found: BTreeMap<usize, Vec<Message>> = BTreeMap::new();
    for row in rows {
        let Some(k) = record_key(kind, row) else {
            continue;
        };
        match first.get(&k) {
            Some(line) => found
                .entry(row.line)
                .or_default()
                .push(Message::new("imports-error-duplicate-row").arg("line", *line)),
            None => {
                first.insert(k, row.line);
            }
        }
    }
    found
}

/// Rows giving one company two vehicles of the same type where one has no plate: the row
/// without a plate would find the other's vehicle and change it.
fn vehicles_without_plates(rows: &[RowCells]) -> BTreeMap<usize, Vec<Message>> {
    let mut first: BTreeMap<String, (usize, bool)> = BTreeMap::new();
    let mut found: BTreeMap<usize, Vec<Message>> = BTreeMap::new();
    for row in rows {
        if row.get("name").is_empty() || row.get("vehicle_type").is_empty() {
            continue;
        }
        let plated = !row.get("plate").is_empty();
        let k = keyed(row, &["name", "city", "vehicle_type"]);
        match first.get(&k) {
            Some((line, earlier_plated)) if !(plated && *earlier_plated) => {
                found.entry(row.line).or_default().push(
                    Message::new("imports-error-vehicle-plates")
                        .arg("type", row.get("vehicle_type"))
                        .arg("line", *line),
                );
            }
            Some(_) => {}
            None => {
                first.insert(k, (row.line, plated));
            }
        }
    }
    found
}

/// Rows that say something else about a hotel or company than an earlier row of the same one
/// (another local name, currency...): each gets an error naming the earlier line, instead of
/// the last row silently winning. Blank cells say nothing and never conflict.
fn disagreements(
    rows: &[RowCells],
    message: &'static str,
    fields: &[(&'static str, &'static str)],
) -> BTreeMap<usize, Vec<Message>> {
    let name = if message == key("imports-error-hotel-conflict") {
        "hotel"
    } else {
        "name"
    };
    let mut first: BTreeMap<String, BTreeMap<&str, (String, usize)>> = BTreeMap::new();
    let mut found: BTreeMap<usize, Vec<Message>> = BTreeMap::new();
    for row in rows {
        if row.get(name).is_empty() {
            continue;
        }
        let seen = first.entry(keyed(row, &[name, "city"])).or_default();
        for (field, label) in fields {
            let value = row.get(field);
            if value.is_empty() {
                continue;
            }
            match seen.get(field) {
                Some((earlier, line)) if search_key(earlier) != search_key(value) => {
                    found.entry(row.line).or_default().push(
                        Message::new(message)
                            .label("column", label)
                            .arg("value", value)
                            .arg("other", earlier)
                            .arg("line", *line),
                    );
                }
                Some(_) => {}
                None => {
                    seen.insert(field, (value.to_owned(), row.line));
                }
            }
        }
    }
    found
}

/// Whether the row is the example row the templates once wrote under their headers, unchanged:
/// it is skipped, so that uploading such a template as it came never writes its example.
pub fn is_template_example(kind: Kind, row: &RowCells) -> bool {
    let columns = kind.columns();
    let same = |cell: &str, example: &str, kind: CellKind| match kind {
        CellKind::Number => match (Dec::parse_canonical(cell), Dec::parse_canonical(example)) {
            (Ok(a), Ok(b)) => a == b,
            _ => cell == example,
        },
        CellKind::Text | CellKind::Date => cell == example,
    };
    let only_examples = row
        .cells
        .keys()
        .all(|field| columns.iter().any(|c| c.field == field));
    only_examples
        && columns
            .iter()
            .all(|c| same(row.get(c.field), c.example, c.cell))
}

/// What a row is about, from its first column (for rows that are not applied).
pub fn label_of(kind: Kind, row: &RowCells) -> String {
    kind.columns()
        .first()
        .map(|c| row.get(c.field).to_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: usize, cells: &[(&str, &str)]) -> RowCells {
        RowCells {
            line,
            cells: cells
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            numeric: Default::default(),
        }
    }

    #[test]
    fn a_record_named_twice_is_an_error_on_the_later_row() {
        let rows = [
            row(2, &[("name", "Lotus Travel"), ("credit_days", "30")]),
            row(3, &[("name", "LOTUS travel "), ("credit_days", "45")]),
            row(4, &[("name", "Saigon Star")]),
        ];
        let found = conflicts(Kind::Agencies, &rows);
        assert_eq!(found.keys().collect::<Vec<_>>(), [&3]);
    }

    #[test]
    fn two_vehicles_of_one_type_need_their_plates() {
        let coach = |line, plate| {
            row(
                line,
                &[
                    ("name", "Lanna Coaches"),
                    ("vehicle_type", "Coach"),
                    ("plate", plate),
                ],
            )
        };
        let plated = [coach(2, "40-1"), coach(3, "40-2")];
        assert!(conflicts(Kind::Transport, &plated).is_empty());
        let one_bare = [coach(2, "40-1"), coach(3, "")];
        assert_eq!(
            conflicts(Kind::Transport, &one_bare)
                .keys()
                .collect::<Vec<_>>(),
            [&3]
        );
    }

    #[test]
    fn the_example_row_of_an_old_template_is_recognized_only_when_unchanged() {
        let example: Vec<(&str, &str)> = Kind::Agencies
            .columns()
            .iter()
            .map(|c| (c.field, c.example))
            .collect();
        assert!(is_template_example(Kind::Agencies, &row(2, &example)));
        let mut edited = example.clone();
        edited[0].1 = "Beijing Star";
        assert!(!is_template_example(Kind::Agencies, &row(2, &edited)));
        assert!(!is_template_example(Kind::Agencies, &row(2, &example[..3])));
    }
}
