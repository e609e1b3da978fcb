//! Excel imports of master data: hotel rate sheets, guides, client agencies, exchange rates.
//!
//! An upload goes through [`limits::check`] (size, unpacked size, entries, cells) before
//! [`sheet::read_sheet`] reads it; its first sheet becomes [`RowCells`] — canonical text per
//! column, with headers matched in any supported language regardless of case and spacing,
//! formula cells taken as their cached values, Excel dates and ISO text alike. The rows are
//! stored in an import batch. [`run`] then applies them in one write transaction: a preview
//! rolls it back and reports every row as new, changed (field by field), unchanged or in
//! error; a commit keeps it only when no row is in error.
//!
//! **Invariant:** preview and commit run the same code against the database; a commit with any
//! error row writes nothing.

pub mod hotels;
pub mod limits;
pub mod others;
pub mod sheet;
pub mod template;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::Connection;
use serde::{Deserialize, Serialize};

use crate::db::{self, AnyConnection, audit};
use crate::domain::currency::Currency;
use crate::domain::decimal::{Dec, NumberError, NumberStyle};
use crate::domain::email::Email;
use crate::domain::ids::ImportBatchId;
use crate::domain::locale::Locale;
use crate::domain::message::{Message, key};
use crate::domain::money::Money;
use crate::i18n::I18n;
use sheet::{Column, RowCells, normalize_header};

/// What an import loads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    Hotels,
    Guides,
    Agencies,
    Rates,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Hotels, Kind::Guides, Kind::Agencies, Kind::Rates];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Hotels => "hotels",
            Kind::Guides => "guides",
            Kind::Agencies => "agencies",
            Kind::Rates => "rates",
        }
    }

    pub fn parse(raw: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == raw)
    }

    pub fn columns(self) -> &'static [Column] {
        match self {
            Kind::Hotels => hotels::COLUMNS,
            Kind::Guides => others::GUIDE_COLUMNS,
            Kind::Agencies => others::AGENCY_COLUMNS,
            Kind::Rates => others::RATE_COLUMNS,
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
}

/// One changed field: its label (message id), before and after, as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub before: String,
    pub after: String,
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

    pub fn change(&mut self, field: &'static str, before: String, after: String) {
        if before != after {
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

    /// Settles the status: errors win, then anything created, then any change.
    pub fn finish(mut self, created: bool) -> Outcome {
        self.status = if !self.errors.is_empty() {
            Status::Error
        } else if created {
            Status::New
        } else if !self.changes.is_empty() {
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

/// Reads a row's fields into typed values, collecting error messages with the column named.
pub struct RowReader<'a> {
    pub row: &'a RowCells,
    pub errors: Vec<Message>,
    style: NumberStyle,
}

impl<'a> RowReader<'a> {
    pub fn new(row: &'a RowCells, reading: Reading<'_>) -> RowReader<'a> {
        RowReader {
            row,
            errors: Vec::new(),
            style: reading.locale.number_style(),
        }
    }

    fn fail(&mut self, id: &'static str, column: &'static str, value: &str) {
        self.errors
            .push(Message::new(id).label("column", column).arg("value", value));
    }

    pub fn text(&mut self, field: &str, column: &'static str, required: bool) -> String {
        let v = self.row.get(field).to_owned();
        if v == "#ERROR" {
            self.fail(key("imports-error-cell"), column, &v);
        } else if required && v.is_empty() {
            self.fail(key("imports-error-required"), column, "");
        } else if v.chars().count() > 500 {
            self.fail(key("imports-error-too-long"), column, "");
        } else if crate::domain::text::has_forbidden_control(&v, false) {
            self.fail(key("imports-error-control-character"), column, "");
        }
        v
    }

    /// An e-mail address, lower-cased; refused as the forms refuse it.
    pub fn email(&mut self, field: &str, column: &'static str) -> String {
        let v = self.text(field, column, false);
        if v.is_empty() {
            return v;
        }
        match Email::parse(&v) {
            Ok(email) => email.to_string(),
            Err(e) => {
                self.refused(column, &v, e.message());
                v
            }
        }
    }

    /// A cell a rule refused: the column and the value, and the rule's own message.
    fn refused(&mut self, column: &'static str, value: &str, reason: Message) {
        self.errors.push(
            Message::new("imports-error-refused")
                .label("column", column)
                .arg("value", value)
                .message("reason", reason),
        );
    }

    pub fn currency(&mut self, field: &str, column: &'static str) -> Option<Currency> {
        let v = self.text(field, column, true);
        if v.is_empty() {
            return None;
        }
        match Currency::parse(&v) {
            Ok(c) => Some(c),
            Err(_) => {
                self.fail(key("imports-error-currency"), column, &v);
                None
            }
        }
    }

    pub fn date(&mut self, field: &str, column: &'static str, required: bool) -> Option<NaiveDate> {
        let v = self.text(field, column, required);
        if v.is_empty() {
            return None;
        }
        match NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
            Ok(d) if crate::domain::calendar::in_range(d) => Some(d),
            Ok(_) => {
                self.fail(key("imports-error-date-range"), column, &v);
                None
            }
            Err(_) => {
                self.fail(key("imports-error-date"), column, &v);
                None
            }
        }
    }

    pub fn decimal(&mut self, field: &str, column: &'static str, required: bool) -> Option<Dec> {
        let v = self.text(field, column, required);
        if v.is_empty() {
            return None;
        }
        let parsed = if self.row.is_numeric(field) {
            Dec::parse_canonical(&v)
        } else {
            Dec::parse_in(&v, self.style)
        };
        match parsed {
            Ok(d) if d.is_negative() => {
                self.fail(key("imports-error-negative"), column, &v);
                None
            }
            Ok(d) => Some(d),
            Err(NumberError::Ambiguous) => {
                self.fail(key("imports-error-ambiguous"), column, &v);
                None
            }
            Err(_) => {
                self.fail(key("imports-error-number"), column, &v);
                None
            }
        }
    }

    pub fn money(
        &mut self,
        field: &str,
        column: &'static str,
        currency: Option<Currency>,
        required: bool,
    ) -> Option<i64> {
        let value = self.decimal(field, column, required)?;
        let currency = currency?;
        match Money::from_dec(value, currency) {
            Ok(m) => Some(m.minor),
            Err(_) => {
                self.fail(key("imports-error-too-precise"), column, &value.canonical());
                None
            }
        }
    }

    pub fn integer(
        &mut self,
        field: &str,
        column: &'static str,
        min: i64,
        max: i64,
    ) -> Option<i64> {
        let v = self.text(field, column, false);
        if v.is_empty() {
            return None;
        }
        match v.parse::<i64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.fail(key("imports-error-range"), column, &v);
                None
            }
        }
    }

    /// One of `choices`, matched by value or by any locale's label of it.
    pub fn choice(
        &mut self,
        field: &str,
        column: &'static str,
        i18n: &I18n,
        choices: &[(&'static str, &'static str)],
        required: bool,
    ) -> Option<&'static str> {
        let v = self.text(field, column, required);
        if v.is_empty() {
            return None;
        }
        let wanted = normalize_header(&v);
        let found = choices.iter().find(|(value, label)| {
            normalize_header(value) == wanted
                || Locale::ALL
                    .iter()
                    .any(|l| normalize_header(&i18n.t(*l, label, &[])) == wanted)
        });
        match found {
            Some((value, _)) => Some(value),
            None => {
                self.fail(key("imports-error-choice"), column, &v);
                None
            }
        }
    }
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
    let conflicts = match run.kind {
        Kind::Hotels => hotels::conflicts(run.rows),
        _ => BTreeMap::new(),
    };
    let result = db::write(conn, |conn| -> Result<Vec<Outcome>, Stop> {
        let mut outcomes = Vec::with_capacity(run.rows.len());
        for row in run.rows {
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
                    "rows": outcomes.iter().filter(|o| o.status != Status::Unchanged).map(|o| serde_json::json!({
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
        Kind::Guides => others::apply_guide(conn, reading, row),
        Kind::Agencies => others::apply_agency(conn, reading, row),
        Kind::Rates => others::apply_rate(conn, reading, row),
    }
}

/// Keeps the label key list visible to the completeness check.
pub const STATUS_KEYS: [&str; 4] = [
    key("imports-status-new"),
    key("imports-status-changed"),
    key("imports-status-unchanged"),
    key("imports-status-error"),
];
