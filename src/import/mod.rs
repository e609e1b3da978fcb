//! Excel imports of master data: hotel rate sheets, guides, client agencies, exchange rates.
//!
//! An upload goes through [`limits::check`] (size, unpacked size, entries, cells) before
//! calamine reads it; its first sheet becomes [`RowCells`] — canonical text per column, with
//! headers matched in any supported language regardless of case and spacing, formula cells
//! taken as their cached values, Excel dates and ISO text alike. The rows are stored in an
//! import batch. [`run`] then applies them in one write transaction: a preview rolls it back
//! and reports every row as new, changed (field by field), unchanged or in error; a commit
//! keeps it only when no row is in error.
//!
//! **Invariant:** preview and commit run the same code against the database; a commit with any
//! error row writes nothing.

pub mod hotels;
pub mod limits;
pub mod others;
pub mod template;

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Reader};
use chrono::NaiveDate;
use diesel::Connection;
use serde::{Deserialize, Serialize};

use crate::db::{self, AnyConnection, audit};
use crate::domain::currency::Currency;
use crate::domain::decimal::{Dec, NumberError};
use crate::domain::locale::Locale;
use crate::domain::money::Money;
use crate::i18n::{I18n, Message, key};

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

/// How a column's cells are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Text,
    Number,
    Date,
}

/// One column of an import sheet.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The field's name, also accepted as a header.
    pub field: &'static str,
    /// Message id of the header, in every language.
    pub label: &'static str,
    pub cell: CellKind,
    pub required: bool,
    /// The template's example row.
    pub example: &'static str,
    /// Values offered as a drop-down in the template.
    pub choices: &'static [&'static str],
}

/// One data row: its line number in the sheet and canonical text by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowCells {
    pub line: usize,
    pub cells: BTreeMap<String, String>,
}

impl RowCells {
    pub fn get(&self, field: &str) -> &str {
        self.cells.get(field).map(String::as_str).unwrap_or("")
    }
}

/// Why a workbook cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    #[error(transparent)]
    Limit(#[from] limits::LimitError),
    #[error("the workbook cannot be read")]
    Unreadable,
    #[error("the workbook has no sheet")]
    NoSheet,
    #[error("required columns are missing: {0:?}")]
    MissingColumns(Vec<&'static str>),
    #[error("the sheet has no data rows")]
    Empty,
    #[error("no workbook was uploaded")]
    NoFile,
    #[error("the sheet has more than {0} data rows")]
    TooManyRows(usize),
    #[error("the sheet holds more than {0} bytes of text")]
    TooMuchText(usize),
    #[error("the preview would take more than {0} bytes")]
    PreviewTooLarge(usize),
}

impl SheetError {
    /// Whether the file was refused for its size (413) rather than its content (422).
    pub fn too_large(&self) -> bool {
        use limits::LimitError as L;
        matches!(
            self,
            SheetError::Limit(
                L::FileTooLarge(_)
                    | L::UnpackedTooLarge(_)
                    | L::TooManyCells(_)
                    | L::TooManyStyles(_)
                    | L::OutOfBounds { .. }
            ) | SheetError::TooManyRows(_)
                | SheetError::TooMuchText(_)
                | SheetError::PreviewTooLarge(_)
        )
    }

    pub fn message(&self) -> Message {
        use limits::LimitError as L;
        match self {
            SheetError::Limit(L::FileTooLarge(n)) => {
                Message::new("imports-error-file-too-large").arg("mb", n / (1024 * 1024))
            }
            SheetError::Limit(L::UnpackedTooLarge(n)) => {
                Message::new("imports-error-unpacked-too-large").arg("mb", n / (1024 * 1024))
            }
            SheetError::Limit(L::TooManyEntries(_)) | SheetError::Limit(L::NotWorkbook) => {
                Message::new("imports-error-not-workbook")
            }
            SheetError::Limit(L::TooManyCells(n)) => {
                Message::new("imports-error-too-many-cells").arg("cells", n)
            }
            SheetError::Limit(L::TooManyStyles(n)) => {
                Message::new("imports-error-too-many-styles").arg("count", n)
            }
            SheetError::Limit(L::OutOfBounds { rows, columns }) => {
                Message::new("imports-error-out-of-bounds")
                    .arg("rows", rows)
                    .arg("columns", columns)
            }
            SheetError::TooManyRows(n) => {
                Message::new("imports-error-too-many-rows").arg("rows", n)
            }
            SheetError::TooMuchText(n) | SheetError::PreviewTooLarge(n) => {
                Message::new("imports-error-too-much-data").arg("mb", n / (1024 * 1024))
            }
            SheetError::Unreadable | SheetError::NoSheet => {
                Message::new("imports-error-unreadable")
            }
            SheetError::MissingColumns(_) => Message::new("imports-error-missing-columns"),
            SheetError::Empty => Message::new("imports-error-empty"),
            SheetError::NoFile => Message::new("imports-error-no-file"),
        }
    }
}

/// Letters and digits only, lower-cased: `Hotel name*`, `HOTEL_NAME` and `hotel name` match.
pub fn normalize_header(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds each column's position from the header row, in any supported language.
fn match_headers(
    i18n: &I18n,
    columns: &'static [Column],
    header: &[Data],
) -> Result<Vec<(usize, &'static Column)>, SheetError> {
    let mut found = Vec::new();
    for column in columns {
        let mut names = vec![normalize_header(column.field)];
        names.extend(
            Locale::ALL
                .iter()
                .map(|l| normalize_header(&i18n.t(*l, column.label, &[]))),
        );
        if let Some(pos) = header.iter().position(|cell| {
            let text = normalize_header(&cell.to_string());
            !text.is_empty() && names.contains(&text)
        }) {
            found.push((pos, column));
        }
    }
    let missing: Vec<&'static str> = columns
        .iter()
        .filter(|c| c.required && !found.iter().any(|(_, f)| f.field == c.field))
        .map(|c| c.label)
        .collect();
    if !missing.is_empty() {
        return Err(SheetError::MissingColumns(missing));
    }
    Ok(found)
}

/// The date of an Excel serial day number (1900 system).
pub fn excel_date(serial: f64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    epoch.checked_add_signed(chrono::Duration::days(serial.floor() as i64))
}

/// A cell as canonical text: dates ISO, numbers without float noise, text trimmed.
fn cell_text(cell: &Data, kind: CellKind) -> Option<String> {
    let text = match (cell, kind) {
        (Data::Empty, _) => return None,
        (Data::Error(_), _) => "#ERROR".to_owned(),
        (Data::DateTime(d), _) => match excel_date(d.as_f64()) {
            Some(date) => date.to_string(),
            None => "#ERROR".to_owned(),
        },
        (Data::DateTimeIso(s), _) => s.chars().take(10).collect(),
        (Data::Float(f), CellKind::Date) => match excel_date(*f) {
            Some(date) => date.to_string(),
            None => f.to_string(),
        },
        (Data::Int(i), CellKind::Date) => match excel_date(*i as f64) {
            Some(date) => date.to_string(),
            None => i.to_string(),
        },
        (Data::Float(f), _) => Dec::from_cell_float(*f)
            .map(|d| d.canonical())
            .unwrap_or_else(|_| "#ERROR".to_owned()),
        (Data::Int(i), _) => i.to_string(),
        (Data::Bool(b), _) => if *b { "yes" } else { "no" }.to_owned(),
        (Data::String(s), _) => s.trim().to_owned(),
        (other, _) => other.to_string().trim().to_owned(),
    };
    (!text.is_empty()).then_some(text)
}

/// Reads the first sheet of a checked workbook into rows of canonical cells.
///
/// The sheet is streamed cell by cell and kept sparse (only non-empty cells), so memory follows
/// the cells the file holds, never the area their references span; cells are counted and
/// their positions bounded again here, whatever the limits check saw.
pub fn read_sheet(
    bytes: &[u8],
    kind: Kind,
    i18n: &I18n,
    limits: &limits::Limits,
) -> Result<Vec<RowCells>, SheetError> {
    limits::check(bytes, limits)?;
    let grid = read_cells(bytes, limits)?;
    let mut rows = grid.iter();
    let Some((_, header)) = rows.next() else {
        return Err(SheetError::Empty);
    };
    let header_cells = header_row(header);
    let columns = match_headers(i18n, kind.columns(), &header_cells)?;
    let mut out = Vec::new();
    let mut text_bytes = 0usize;
    for (&index, row) in rows {
        let mut cells = BTreeMap::new();
        for (pos, column) in &columns {
            let Some(cell) = row.get(&(*pos as u32)) else {
                continue;
            };
            if let Some(text) = cell_text(cell, column.cell) {
                let text = truncate_chars(text, limits.max_cell_chars);
                text_bytes += text.len();
                cells.insert(column.field.to_owned(), text);
            }
        }
        if cells.is_empty() {
            continue;
        }
        if out.len() == limits.max_data_rows {
            return Err(SheetError::TooManyRows(limits.max_data_rows));
        }
        if text_bytes > limits.max_text {
            return Err(SheetError::TooMuchText(limits.max_text));
        }
        out.push(RowCells {
            line: index as usize + 1,
            cells,
        });
    }
    if out.is_empty() {
        return Err(SheetError::Empty);
    }
    Ok(out)
}

/// The non-empty cells of the first sheet, by row and column (0-based).
type Grid = BTreeMap<u32, BTreeMap<u32, Data>>;

fn read_cells(bytes: &[u8], limits: &limits::Limits) -> Result<Grid, SheetError> {
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|_| SheetError::Unreadable)?;
    let name = workbook
        .sheet_names()
        .first()
        .cloned()
        .ok_or(SheetError::NoSheet)?;
    let out_of_bounds = SheetError::Limit(limits::LimitError::OutOfBounds {
        rows: limits.max_rows,
        columns: limits.max_columns,
    });
    let mut reader = workbook
        .worksheet_cells_reader(&name)
        .map_err(|_| SheetError::Unreadable)?;
    let within = |(row, column): (u32, u32)| row < limits.max_rows && column < limits.max_columns;
    let dimensions = reader.dimensions();
    if !within(dimensions.end) {
        return Err(out_of_bounds);
    }
    let mut grid = Grid::new();
    let mut count: u64 = 0;
    while let Some(cell) = reader.next_cell().map_err(|_| SheetError::Unreadable)? {
        count += 1;
        if count > limits.max_cells {
            return Err(SheetError::Limit(limits::LimitError::TooManyCells(
                limits.max_cells,
            )));
        }
        let (row, column) = cell.get_position();
        if !within((row, column)) {
            return Err(out_of_bounds);
        }
        let value = Data::from(cell.get_value().clone());
        if !matches!(value, Data::Empty) {
            grid.entry(row).or_default().insert(column, value);
        }
    }
    Ok(grid)
}

/// The header row as a dense list (its columns are bounded by the limits).
fn header_row(row: &BTreeMap<u32, Data>) -> Vec<Data> {
    let width = row.keys().next_back().map_or(0, |last| *last as usize + 1);
    let mut cells = vec![Data::Empty; width];
    for (column, value) in row {
        cells[*column as usize] = value.clone();
    }
    cells
}

/// At most `max` characters of `text`.
fn truncate_chars(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => text[..cut].to_owned(),
        None => text,
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

/// Reads a row's fields into typed values, collecting error messages with the column named.
pub struct RowReader<'a> {
    pub row: &'a RowCells,
    pub errors: Vec<Message>,
}

impl<'a> RowReader<'a> {
    pub fn new(row: &'a RowCells) -> RowReader<'a> {
        RowReader {
            row,
            errors: Vec::new(),
        }
    }

    fn fail(&mut self, id: &'static str, column: &'static str, value: &str) {
        self.errors
            .push(Message::new(id).arg("column", column).arg("value", value));
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
        match Dec::parse_input(&v) {
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
    pub batch_id: Option<i64>,
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
pub fn run(conn: &mut AnyConnection, i18n: &I18n, run: &Run<'_>) -> diesel::QueryResult<Report> {
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
                let mut outcome = apply_row(conn, i18n, run.kind, row)?;
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
    i18n: &I18n,
    kind: Kind,
    row: &RowCells,
) -> diesel::QueryResult<Outcome> {
    match kind {
        Kind::Hotels => hotels::apply(conn, i18n, row),
        Kind::Guides => others::apply_guide(conn, i18n, row),
        Kind::Agencies => others::apply_agency(conn, i18n, row),
        Kind::Rates => others::apply_rate(conn, row),
    }
}

/// Keeps the label key list visible to the completeness check.
pub const STATUS_KEYS: [&str; 4] = [
    key("imports-status-new"),
    key("imports-status-changed"),
    key("imports-status-unchanged"),
    key("imports-status-error"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use limits::tests::{sheet_xml, workbook_with};
    use limits::{LimitError, Limits};

    fn rates_header_row(prefix: &str) -> String {
        ["Date", "From", "To", "Rate"]
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let col = (b'A' + i as u8) as char;
                format!("<{prefix}c r=\"{col}1\" t=\"inlineStr\"><{prefix}is><{prefix}t>{h}</{prefix}t></{prefix}is></{prefix}c>")
            })
            .collect()
    }

    #[test]
    fn a_cell_at_the_far_corner_is_refused_not_allocated() {
        // Headers in A1:D1 and one cell at XFD1048576: calamine's range for it would take
        // 512 GiB.
        let rows = format!(
            "<row r=\"1\">{}</row><row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>",
            rates_header_row("")
        );
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, &rows));
        assert!(file.len() < 1600, "{} bytes", file.len());
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e:#}"));
        let limits = Limits::default();
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &limits),
            Err(SheetError::Limit(LimitError::OutOfBounds {
                rows: limits.max_rows,
                columns: limits.max_columns
            }))
        );
    }

    #[test]
    fn the_reader_bounds_positions_the_references_do_not_name() {
        // No `r` attributes: positions come from counting, which only the reader sees.
        let cells = "<c><v>1</v></c>".repeat(1001);
        let rows = format!(
            "<row r=\"1\">{}</row><row>{cells}</row>",
            rates_header_row("")
        );
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, &rows));
        let limits = Limits::default();
        assert_eq!(limits::check(&file, &limits), Ok(()));
        assert_eq!(
            read_cells(&file, &limits).map(|g| g.len()),
            Err(SheetError::Limit(LimitError::OutOfBounds {
                rows: limits.max_rows,
                columns: limits.max_columns
            }))
        );
    }

    #[test]
    fn a_prefixed_sheet_stored_anywhere_is_read_and_its_cells_counted() {
        let data: String = (2..=4)
            .map(|r| {
                format!(
                    "<x:row r=\"{r}\"><x:c r=\"A{r}\" t=\"inlineStr\"><x:is><x:t>2027-01-0{r}</x:t></x:is></x:c>\
                     <x:c r=\"B{r}\" t=\"inlineStr\"><x:is><x:t>USD</x:t></x:is></x:c>\
                     <x:c r=\"C{r}\" t=\"inlineStr\"><x:is><x:t>THB</x:t></x:is></x:c>\
                     <x:c r=\"D{r}\"><x:v>3{r}.5</x:v></x:c></x:row>"
                )
            })
            .collect();
        let rows = format!("<x:row r=\"1\">{}</x:row>{data}", rates_header_row("x:"));
        let file = workbook_with("xl/s1.xml", sheet_xml("x:", None, &rows));
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e:#}"));
        let read = read_sheet(&file, Kind::Rates, &i18n, &Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.len(), 3);
        assert_eq!(read[0].line, 2);
        assert_eq!(read[2].get("rate"), "34.5");
        let tight = Limits {
            max_cells: 15,
            ..Limits::default()
        };
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &tight),
            Err(SheetError::Limit(LimitError::TooManyCells(15)))
        );
    }

    #[test]
    fn rows_and_text_kept_for_a_preview_are_bounded() {
        let data: String = (2..=12)
            .map(|r| {
                format!(
                    "<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>{}</t></is></c></row>",
                    "x".repeat(3000)
                )
            })
            .collect();
        let rows = format!("<row r=\"1\">{}</row>{data}", rates_header_row(""));
        let file = workbook_with("xl/worksheets/sheet1.xml", sheet_xml("", None, &rows));
        let i18n = I18n::load().unwrap_or_else(|e| panic!("{e:#}"));
        let few_rows = Limits {
            max_data_rows: 10,
            ..Limits::default()
        };
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &few_rows),
            Err(SheetError::TooManyRows(10))
        );
        let little_text = Limits {
            max_text: 5_000,
            ..Limits::default()
        };
        assert_eq!(
            read_sheet(&file, Kind::Rates, &i18n, &little_text),
            Err(SheetError::TooMuchText(5_000))
        );
        let read = read_sheet(&file, Kind::Rates, &i18n, &Limits::default())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            read[0].get("date").chars().count(),
            Limits::default().max_cell_chars,
            "a long cell is cut, still too long for any field"
        );
    }

    #[test]
    fn headers_match_regardless_of_case_spacing_and_marks() {
        assert_eq!(
            normalize_header("  Rate per room-night *"),
            "rateperroomnight"
        );
        assert_eq!(normalize_header("ROOM_TYPE"), normalize_header("room type"));
        assert_eq!(
            normalize_header("ราคาต่อห้องต่อคืน"),
            normalize_header(" ราคาต่อห้อง ต่อคืน ")
        );
    }

    #[test]
    fn excel_serial_days_are_dates() {
        assert_eq!(excel_date(46388.0), NaiveDate::from_ymd_opt(2027, 1, 1));
        assert_eq!(
            excel_date(46388.75),
            NaiveDate::from_ymd_opt(2027, 1, 1),
            "the time is dropped"
        );
        assert_eq!(excel_date(-5.0), None);
    }

    #[test]
    fn cells_become_canonical_text() {
        assert_eq!(
            cell_text(&Data::Float(2450.5), CellKind::Number).as_deref(),
            Some("2450.5")
        );
        assert_eq!(
            cell_text(&Data::Float(46388.0), CellKind::Date).as_deref(),
            Some("2027-01-01")
        );
        assert_eq!(
            cell_text(&Data::String(" 1.234,5 ".into()), CellKind::Number).as_deref(),
            Some("1.234,5")
        );
        assert_eq!(cell_text(&Data::Empty, CellKind::Text), None);
    }
}
