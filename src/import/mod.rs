//! Excel imports of master data: hotel rate sheets, transport companies with their vehicles,
//! restaurants, attractions, shops, guides, client agencies, exchange rates.
//!
//! An upload goes through [`limits::check`] (size, unpacked size, entries, cells) before
//! [`sheet::read_sheet`] reads it; its first sheet becomes [`RowCells`] — canonical text per
//! column, with headers matched in any supported language regardless of case and spacing,
//! formula cells taken as their cached values, Excel dates and ISO text alike. The rows are
//! stored in an import batch. [`run`] then applies them in one write transaction: a preview
//! rolls it back and reports every row as new, changed (field by field, with the values typed
//! so that the page shows them in the reader's format), unchanged or in error; a commit keeps
//! it only when no row is in error.
//!
//! A row that matches a stored record changes only what its cells say: a blank cell keeps the
//! stored value, and only the clear marker ([`reader::CLEAR`]) removes one (`fill`). The
//! template's example is on its instructions sheet, never in the data area; a row equal to the
//! example row of the templates that once carried it is skipped, never applied.
//!
//! **Invariant:** preview and commit run the same code against the database; a commit with any
//! error row writes nothing.
//! **Invariant:** a blank cell never changes a stored value.

pub mod agencies;
mod checks;
pub mod fill;
pub mod guides;
pub mod hotel_terms;
pub mod hotels;
pub mod limits;
pub mod rates;
pub mod reader;
pub mod sheet;
pub mod suppliers;
pub mod template;
pub mod transport;

use chrono::NaiveDate;
use diesel::Connection;
use serde::{Deserialize, Serialize};

use crate::db::{self, AnyConnection, audit};
use crate::domain::currency::Currency;
use crate::domain::ids::ImportBatchId;
use crate::domain::locale::Locale;
use crate::domain::master::suppliers::SupplierKind;
use crate::domain::message::{Message, key};
use crate::domain::money::Money;
use crate::i18n::I18n;
use sheet::{Column, RowCells};

/// What an import loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Hotels,
    Transport,
    Restaurants,
    Attractions,
    Shops,
    Guides,
    Agencies,
    Rates,
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Hotels,
        Kind::Transport,
        Kind::Restaurants,
        Kind::Attractions,
        Kind::Shops,
        Kind::Guides,
        Kind::Agencies,
        Kind::Rates,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Hotels => "hotels",
            Kind::Transport => "transport",
            Kind::Restaurants => "restaurants",
            Kind::Attractions => "attractions",
            Kind::Shops => "shops",
            Kind::Guides => "guides",
            Kind::Agencies => "agencies",
            Kind::Rates => "rates",
        }
    }

    pub fn parse(raw: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    /// The import that loads suppliers of `kind`.
    pub fn of_supplier(kind: SupplierKind) -> Kind {
        match kind {
            SupplierKind::Hotel => Kind::Hotels,
            SupplierKind::Transport => Kind::Transport,
            SupplierKind::Restaurant => Kind::Restaurants,
            SupplierKind::Attraction => Kind::Attractions,
            SupplierKind::Shop => Kind::Shops,
        }
    }

    /// The suppliers this import loads, if it loads suppliers.
    pub fn supplier_kind(self) -> Option<SupplierKind> {
        SupplierKind::ALL
            .into_iter()
            .find(|k| Kind::of_supplier(*k) == self)
    }

    /// The message id of the import's title.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Hotels => key("imports-title-hotels"),
            Kind::Transport => key("imports-title-transport"),
            Kind::Restaurants => key("imports-title-restaurants"),
            Kind::Attractions => key("imports-title-attractions"),
            Kind::Shops => key("imports-title-shops"),
            Kind::Guides => key("imports-title-guides"),
            Kind::Agencies => key("imports-title-agencies"),
            Kind::Rates => key("imports-title-rates"),
        }
    }

    /// The message id saying how a row finds the record it is about.
    pub fn matching(self) -> &'static str {
        match self {
            Kind::Hotels => key("imports-match-hotels"),
            Kind::Transport => key("imports-match-transport"),
            Kind::Restaurants | Kind::Attractions | Kind::Shops => key("imports-match-suppliers"),
            Kind::Guides => key("imports-match-guides"),
            Kind::Agencies => key("imports-match-agencies"),
            Kind::Rates => key("imports-match-rates"),
        }
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Hotels => hotels::COLUMNS,
            Kind::Transport => transport::COLUMNS,
            Kind::Restaurants => suppliers::RESTAURANT_COLUMNS,
            Kind::Attractions => suppliers::ATTRACTION_COLUMNS,
            Kind::Shops => suppliers::SHOP_COLUMNS,
            Kind::Guides => guides::COLUMNS,
            Kind::Agencies => agencies::COLUMNS,
            Kind::Rates => rates::COLUMNS,
        }
    }
}

/// What applying a row did or would do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    New,
    Changed,
    Unchanged,
    Error,
    /// The example row of a template that carried one in its data area: never applied.
    Example,
}

/// A field's value as the preview shows it, typed so that it is written the reader's way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "lowercase")]
pub enum Value {
    /// No value (an empty text, a removed amount).
    Empty,
    Text(String),
    /// A decimal number, canonical (`35.125`).
    Number(String),
    Integer(i64),
    Date(NaiveDate),
    /// An amount with its currency's digits (`2450.00`) and the currency code.
    Money {
        amount: String,
        currency: String,
    },
    /// A message id shown translated (a room kind, yes or no).
    Label(String),
}

impl Value {
    pub fn text(text: &str) -> Value {
        if text.is_empty() {
            Value::Empty
        } else {
            Value::Text(text.to_owned())
        }
    }

    pub fn money(minor: i64, currency: Currency) -> Value {
        Value::Money {
            amount: Money::new(minor, currency).amount_text(),
            currency: currency.code().to_owned(),
        }
    }

    pub fn label(id: &'static str) -> Value {
        Value::Label(id.to_owned())
    }
}

/// One field a row sets: its label (message id), the stored value (none for a new record) and
/// the value it gets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredChange")]
pub struct Change {
    pub field: String,
    pub before: Option<Value>,
    pub after: Value,
}

/// A change as a stored batch holds it: typed, or as text in batches stored before values were
/// typed (still previewed and committed until they are pruned).
#[derive(Deserialize)]
#[serde(untagged)]
enum StoredChange {
    Typed {
        field: String,
        before: Option<Value>,
        after: Value,
    },
    Text {
        field: String,
        before: String,
        after: String,
    },
}

impl From<StoredChange> for Change {
    fn from(stored: StoredChange) -> Change {
        match stored {
            StoredChange::Typed {
                field,
                before,
                after,
            } => Change {
                field,
                before,
                after,
            },
            StoredChange::Text {
                field,
                before,
                after,
            } => Change {
                field,
                before: Some(Value::text(&before)),
                after: Value::text(&after),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub line: usize,
    /// What the row is about (`Riverside Hotel · Deluxe twin · High season`).
    pub label: String,
    pub status: Status,
    pub changes: Vec<Change>,
    pub errors: Vec<Message>,
}

impl Outcome {
    pub fn new(row: &RowCells, label: String) -> Outcome {
        Outcome {
            line: row.line,
            label,
            status: Status::Unchanged,
            changes: Vec::new(),
            errors: Vec::new(),
        }
    }

    /// Notes a field: for a stored record when its value changes, for a new one when it has a
    /// value.
    pub fn change(&mut self, field: &'static str, before: Option<Value>, after: Value) {
        let noted = match &before {
            Some(before) => *before != after,
            None => after != Value::Empty,
        };
        if noted {
            self.changes.push(Change {
                field: field.to_owned(),
                before,
                after,
            });
        }
    }

    pub fn error(&mut self, message: Message) {
        self.errors.push(message);
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// Whether any field of a stored record changes (a new record's values are not changes).
    pub fn changes_stored(&self) -> bool {
        self.changes.iter().any(|c| c.before.is_some())
    }

    /// Settles the status: errors win, then anything created, then any change.
    pub fn finish(mut self, created: bool) -> Outcome {
        self.status = if !self.errors.is_empty() {
            Status::Error
        } else if created {
            Status::New
        } else if self.changes_stored() {
            Status::Changed
        } else {
            Status::Unchanged
        };
        self
    }
}

/// What reading a sheet's rows needs beside the rows: the translations (choices and headers
/// match any language's labels) and the language the uploader writes numbers in.
#[derive(Clone, Copy)]
pub struct Reading<'a> {
    pub i18n: &'a I18n,
    /// The uploader's language when the sheet was uploaded: its text cells holding numbers are
    /// read as that language writes them (`2,800` in English, `2.800` in Vietnamese); number
    /// cells are numbers whatever the language.
    pub locale: Locale,
}

/// The message of a stored record the row names that is archived: it is read-only until
/// restored, as on its page.
pub fn archived_error(name: &str) -> Message {
    Message::new("imports-error-archived").arg("name", name)
}

pub struct Run<'a> {
    pub kind: Kind,
    pub reading: Reading<'a>,
    pub batch_id: Option<ImportBatchId>,
    pub file_name: &'a str,
    pub rows: &'a [RowCells],
    /// Keep the changes (when no row is in error) rather than roll them back.
    pub commit: bool,
    pub actor: &'a audit::Actor,
}

enum Stop {
    Db(diesel::result::Error),
    RolledBack(Vec<Outcome>),
}

impl From<diesel::result::Error> for Stop {
    fn from(e: diesel::result::Error) -> Self {
        Stop::Db(e)
    }
}

/// The result of a run: every row's outcome, and whether the changes were kept.
pub struct Report {
    pub outcomes: Vec<Outcome>,
    pub committed: bool,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|o| o.status == Status::Error)
            .count()
    }
}

/// Applies the rows in one write transaction; see the module documentation.
pub fn run(conn: &mut AnyConnection, run: &Run<'_>) -> diesel::QueryResult<Report> {
    // What rows say against each other, found before any row is applied.
    let conflicts = checks::conflicts(run.kind, run.rows);
    let result = db::write(conn, |conn| -> Result<Vec<Outcome>, Stop> {
        let mut outcomes = Vec::with_capacity(run.rows.len());
        for row in run.rows {
            if checks::is_template_example(run.kind, row) {
                let mut skipped = Outcome::new(row, checks::label_of(run.kind, row));
                skipped.status = Status::Example;
                outcomes.push(skipped);
                continue;
            }
            // A savepoint per row, so a refused row leaves nothing behind for the next ones.
            let outcome = conn.transaction(|conn| {
                let mut outcome = apply_row(conn, run.reading, run.kind, row)?;
                if let Some(found) = conflicts.get(&row.line) {
                    outcome.errors.extend(found.iter().cloned());
                    outcome.status = Status::Error;
                }
                if outcome.status == Status::Error {
                    Err(RowRefused(outcome))
                } else {
                    Ok(outcome)
                }
            });
            outcomes.push(match outcome {
                Ok(o) => o,
                Err(RowRefused(mut o)) => {
                    o.line = row.line;
                    o
                }
            });
        }
        let errors = outcomes.iter().any(|o| o.status == Status::Error);
        if !run.commit || errors {
            return Err(Stop::RolledBack(outcomes));
        }
        let count = |s: Status| outcomes.iter().filter(|o| o.status == s).count();
        let id = run.batch_id.map(|id| id.to_string()).unwrap_or_default();
        audit::record_change(
            conn,
            run.actor,
            audit::Change::new(audit::Entity::ImportBatch, audit::Verb::Commit, id).after(serde_json::json!({
                    "kind": run.kind.as_str(),
                    "file": run.file_name,
                    "new": count(Status::New),
                    "changed": count(Status::Changed),
                    "unchanged": count(Status::Unchanged),
                    "rows": outcomes.iter().filter(|o| matches!(o.status, Status::New | Status::Changed)).map(|o| serde_json::json!({
                        "line": o.line, "label": o.label, "status": o.status, "changes": o.changes,
                    })).collect::<Vec<_>>(),
                })),
        )?;
        if let Some(id) = run.batch_id {
            db::imports::mark_committed(conn, id)?;
        }
        Ok(outcomes)
    });
    match result {
        Ok(outcomes) => Ok(Report {
            outcomes,
            committed: true,
        }),
        Err(Stop::RolledBack(outcomes)) => Ok(Report {
            outcomes,
            committed: false,
        }),
        Err(Stop::Db(e)) => Err(e),
    }
}

/// A row that failed validation; its savepoint is rolled back.
struct RowRefused(Outcome);

impl From<diesel::result::Error> for RowRefused {
    fn from(e: diesel::result::Error) -> Self {
        let mut o = Outcome {
            line: 0,
            label: String::new(),
            status: Status::Error,
            changes: Vec::new(),
            errors: Vec::new(),
        };
        o.error(Message::new("imports-error-database").arg("detail", e));
        RowRefused(o)
    }
}

fn apply_row(
    conn: &mut AnyConnection,
    reading: Reading<'_>,
    kind: Kind,
    row: &RowCells,
) -> diesel::QueryResult<Outcome> {
    match kind {
        Kind::Hotels => hotels::apply(conn, reading, row),
        Kind::Transport => transport::apply(conn, reading, row),
        Kind::Restaurants => suppliers::apply(conn, reading, SupplierKind::Restaurant, row),
        Kind::Attractions => suppliers::apply(conn, reading, SupplierKind::Attraction, row),
        Kind::Shops => suppliers::apply(conn, reading, SupplierKind::Shop, row),
        Kind::Guides => guides::apply(conn, reading, row),
        Kind::Agencies => agencies::apply(conn, reading, row),
        Kind::Rates => rates::apply(conn, reading, row),
    }
}

/// The message id naming a row's status.
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::New => key("imports-status-new"),
        Status::Changed => key("imports-status-changed"),
        Status::Unchanged => key("imports-status-unchanged"),
        Status::Error => key("imports-status-error"),
        Status::Example => key("imports-status-example"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_stored_typed_or_as_text_read_back() {
        let typed = Change {
            field: "guides-col-fee".into(),
            before: None,
            after: Value::Date(NaiveDate::from_ymd_opt(2027, 1, 31).expect("a date")),
        };
        let json = serde_json::to_string(&typed).expect("json");
        assert_eq!(serde_json::from_str::<Change>(&json).ok(), Some(typed));
        let text = r#"{"field":"suppliers-email","before":"a@example.com","after":""}"#;
        assert_eq!(
            serde_json::from_str::<Change>(text).ok(),
            Some(Change {
                field: "suppliers-email".into(),
                before: Some(Value::Text("a@example.com".into())),
                after: Value::Empty,
            })
        );
    }
}
